//! call_soon, call_later and call_at schedule plain functions on the loop
//! beside running tasks.

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::LOOP_CALL_SOON_LATER_AT,
    python: Python {
        template: include_str!("../../python/loop_call_soon_later_at.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

fn hello(name: &str) {
    log(format!("[hello] Hello, {name}"));
}

// loop.call_soon
async fn work_soon(t: i64, name: &'static str) -> PyResult<()> {
    // the first program's work()
    log(format!("[work ] start {name}"));
    sleep(t as f64).await?;
    log(format!("[work ] {name} after {t}s stop"));
    Ok(())
}

async fn main_call_soon(p: &Params) -> PyResult<()> {
    let event_loop = get_running_loop()?;
    ensure_future(work_soon(p.int("a"), "A"))?;
    event_loop.call_soon(|| hello("Tom"))?;
    event_loop.create_task(work_soon(p.int("b"), "B"))?;
    ensure_future(work_soon(p.int("c"), "C"))?.await?; // loop.run_until_complete(work(3, 'C'))
    Ok(())
}

// loop.call_later, loop.call_at & loop.time
async fn work(t: i64, name: &'static str) -> PyResult<()> {
    log(format!("[work{name}] start"));
    sleep(t as f64).await?;
    log(format!("[work{name}] stop"));
    Ok(())
}

async fn main_call_later(p: &Params) -> PyResult<()> {
    let event_loop = get_running_loop()?;
    ensure_future(work(p.int("a"), "A"))?;
    event_loop.call_later(p.float("tom"), || hello("Tom"))?;
    event_loop.call_soon(|| hello("Kitty"))?;
    let task4 = event_loop.create_task(work(p.int("b"), "B"))?;
    event_loop.call_later(p.float("jerry"), || hello("Jerry"))?;
    task4.await?; // loop.run_until_complete(task4)
    Ok(())
}

async fn main_call_at(p: &Params) -> PyResult<()> {
    let event_loop = get_running_loop()?;
    let start = event_loop.time();
    ensure_future(work(p.int("a"), "A"))?;
    event_loop.call_at(start + p.float("tom"), || hello("Tom"))?;
    event_loop.call_soon(|| hello("Kitty"))?;
    let task4 = event_loop.create_task(work(p.int("b"), "B"))?;
    event_loop.call_at(start + p.float("jerry"), || hello("Jerry"))?;
    task4.await?; // loop.run_until_complete(task4)
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        main_call_soon(&p).await?;
        main_call_later(&p).await?;
        main_call_at(&p).await?;
        Ok(())
    })
}
