//! Event: waiters block on event.wait() until a call_later callback calls
//! event.set().

use asyncio_engine::sync::Event;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::SYNC_EVENT,
    python: Python {
        template: include_str!("../../python/sync_event.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

fn set_event(event: &Event) {
    log("setting event in callback");
    event.set();
}

fn is_set(event: &Event) -> &'static str {
    if event.is_set() {
        "True"
    } else {
        "False"
    }
}

// seed 000
async fn test(name: &'static str, event: Event) -> PyResult<()> {
    log(format!("{name} waiting for event"));
    event.wait().await?;
    log(format!("{name} triggered"));
    Ok(())
}

async fn main000(event_loop: &EventLoop, delay: f64) -> PyResult<()> {
    let event = Event::named("event");
    log(format!("event start state: {}", is_set(&event)));
    let e = event.clone();
    event_loop.call_later(delay, move || set_event(&e))?;
    let tasks = [
        ensure_future(test("e1", event.clone()))?.future().clone(),
        ensure_future(test("e2", event.clone()))?.future().clone(),
    ];
    wait(&tasks, None, ReturnWhen::AllCompleted).await?;
    log(format!("event end state: {}", is_set(&event)));
    Ok(())
}

// seed 004
async fn coro(name: &'static str, event: Event) -> PyResult<()> {
    log(format!("{name} waiting for event"));
    event.wait().await?;
    log(format!("{name} triggered"));
    Ok(())
}

async fn main004(event_loop: &EventLoop, delay: f64) -> PyResult<()> {
    let event = Event::named("event");
    log(format!("event start state: {}", is_set(&event)));
    let e = event.clone();
    event_loop.call_later(delay, move || set_event(&e))?;
    let tasks = [
        ensure_future(coro("coro1", event.clone()))?.future().clone(),
        ensure_future(coro("coro2", event.clone()))?.future().clone(),
    ];
    wait(&tasks, None, ReturnWhen::AllCompleted).await?;
    log(format!("event end state: {}", is_set(&event)));
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let event_loop = get_running_loop()?;
        main000(&event_loop, p.float("delay")).await?;
        main004(&event_loop, p.float("delay")).await?;
        Ok(())
    })
}
