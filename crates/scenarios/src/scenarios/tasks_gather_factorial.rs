//! gather runs three factorial coroutines concurrently, one step per second
//! each.

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::TASKS_GATHER_FACTORIAL,
    python: Python {
        template: include_str!("../../python/tasks_gather_factorial.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn factorial(name: &'static str, number: i64, step: f64) -> PyResult<()> {
    let mut f: i64 = 1;
    for i in 2..=number {
        log(format!("Task {name}: Compute factorial({i})..."));
        sleep(step).await?;
        f *= i;
    }
    log(format!("Task {name}: factorial({number}) = {f}"));
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let step = p.float("step");
        // Schedule three calls *concurrently*:
        gather(&[
            create_task(factorial("A", p.int("a"), step))?.future().clone(),
            create_task(factorial("B", p.int("b"), step))?.future().clone(),
            create_task(factorial("C", p.int("c"), step))?.future().clone(),
        ])?
        .await?;
        Ok(())
    })
}
