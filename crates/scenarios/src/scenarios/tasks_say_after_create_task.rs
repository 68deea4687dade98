//! Two create_task() tasks run concurrently: say_after(1) and say_after(2)
//! finish after 2 s, not 3.

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::python::seconds;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::TASKS_SAY_AFTER_CREATE_TASK,
    python: Python {
        template: include_str!("../../python/tasks_say_after_create_task.py"),
        kind: ProgramKind::Editable,
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "longer_delay" => Derived::Text(seconds(p.float("delay1").max(p.float("delay2")))),
        _ => return None,
    })
}

async fn say_after(delay: f64, what: &'static str) -> PyResult<()> {
    sleep(delay).await?;
    log(what);
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let task1 = create_task(say_after(p.float("delay1"), "hello"))?;

        let task2 = create_task(say_after(p.float("delay2"), "world"))?;

        log(format!("started at {}", strftime_x()));

        // Wait until both tasks are completed (should take
        // around 2 seconds.)
        task1.await?;
        task2.await?;

        log(format!("finished at {}", strftime_x()));
        Ok(())
    })
}
