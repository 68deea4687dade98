//! asyncio.wait_for cancels a 3-second task after 2 s and raises
//! TimeoutError, which main catches.

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::TASKS_WAIT_FOR_TIMEOUT,
    python: Python {
        template: include_str!("../../python/tasks_wait_for_timeout.py"),
        kind: ProgramKind::Editable,
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        // wait_for's timer is scheduled before the task's sleep, so it wins a tie.
        "times_out" => Derived::Flag(p.float("duration") >= p.float("timeout")),
        _ => return None,
    })
}

async fn task(duration: f64) -> PyResult<String> {
    sleep(duration).await?;
    Ok("Task finished".to_string())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        match wait_for(Awaitable::coro(task(p.float("duration"))), Some(p.float("timeout"))).await {
            Ok(result) => log(result),
            Err(e) if e.is_timeout() => log("The task took too long!"),
            Err(e) => return Err(e),
        }
        Ok(())
    })
}
