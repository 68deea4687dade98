//! Nested gather: three gather() groups gathered together; the result is a
//! list of lists.

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::TASKS_GATHER_GROUPS,
    python: Python {
        template: include_str!("../../python/tasks_gather_groups.py"),
        kind: ProgramKind::Editable,
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "unit_is_1" => Derived::Flag(p.float("unit") == 1.0),
        _ => return None,
    })
}

async fn func(name: &'static str, i: i64, unit: f64) -> PyResult<i64> {
    sleep(i as f64 * unit).await?;
    crate::log!(name, i);
    Ok(i)
}

/// `asyncio.gather(*[func(name, i) for i in range(1, n + 1)])`.
fn group(name: &'static str, n: i64, unit: f64) -> PyResult<Future<Vec<i64>>> {
    let tasks = (1..=n).map(|i| Ok(create_task(func(name, i, unit))?.future().clone()));
    gather(&tasks.collect::<PyResult<Vec<_>>>()?)
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let unit = p.float("unit");
        let group1 = group("A", p.int("n1"), unit)?;
        let group2 = group("B", p.int("n2"), unit)?;
        let group3 = group("B", p.int("n3"), unit)?;
        let results = gather(&[group1, group2, group3])?.await?;
        crate::log!(results);
        Ok(())
    })
}
