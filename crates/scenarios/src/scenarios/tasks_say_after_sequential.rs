//! Awaiting two coroutines one after the other: say_after(1) then
//! say_after(2) takes 3 s.

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::python::seconds;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::TASKS_SAY_AFTER_SEQUENTIAL,
    python: Python {
        template: include_str!("../../python/tasks_say_after_sequential.py"),
        kind: ProgramKind::Editable,
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "delay_sum" => Derived::Text(seconds(p.float("delay1") + p.float("delay2"))),
        _ => return None,
    })
}

async fn say_after(delay: f64, what: &str) -> PyResult<()> {
    sleep(delay).await?;
    log(what);
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        log(format!("started at {}", strftime_x()));

        say_after(p.float("delay1"), "hello").await?;
        say_after(p.float("delay2"), "world").await?;

        log(format!("finished at {}", strftime_x()));
        Ok(())
    })
}
