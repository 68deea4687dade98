//! gather returns results in argument order, but the first exception
//! propagates at once (uncaught here).

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::params::py_str_repr;
use crate::prelude::*;
use crate::python::{is_plain_text, seconds};
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::TASKS_GATHER_EXCEPTION,
    python: Python {
        template: include_str!("../../python/tasks_gather_exception.py"),
        kind: ProgramKind::Editable,
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "fail_dq" => {
            let fail = p.str("fail");
            Derived::Text(if is_plain_text(fail) { format!("\"{fail}\"") } else { py_str_repr(fail) })
        }
        "fail_time" => {
            let key = match p.str("fail") {
                "TaskA" => "a",
                "TaskC" => "c",
                _ => "b",
            };
            Derived::Text(seconds(p.float(key)))
        }
        _ => return None,
    })
}

async fn task(name: &'static str, duration: f64, fail: String) -> PyResult<String> {
    sleep(duration).await?;
    if name == fail {
        return Err(Exception::value_error(format!("{name} failed")));
    }
    Ok(format!("{name} finished"))
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let fail = p.str("fail").to_string();
        let tasks = [
            create_task(task("TaskA", p.float("a"), fail.clone()))?.future().clone(),
            create_task(task("TaskB", p.float("b"), fail.clone()))?.future().clone(),
            create_task(task("TaskC", p.float("c"), fail))?.future().clone(),
        ];
        let results: Vec<PyValue> = if p.int("return_exceptions") != 0 {
            let outcomes = gather_outcomes(&tasks)?.await?;
            outcomes
                .into_iter()
                .map(|r| match r {
                    Ok(s) => PyValue::Str(s),
                    Err(e) => PyValue::Str(e.str()),
                })
                .collect()
        } else {
            gather(&tasks)?.await?.into_iter().map(PyValue::Str).collect()
        };
        for result in results {
            crate::log!(result);
        }
        Ok(())
    })
}
