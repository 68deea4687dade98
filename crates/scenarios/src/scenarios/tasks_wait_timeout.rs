//! asyncio.wait returns (done, pending); with timeout=2 and 2-second tasks
//! all three are still pending.

use asyncio_engine::pyfmt::float_repr;

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::TASKS_WAIT_TIMEOUT,
    python: Python {
        template: include_str!("../../python/tasks_wait_timeout.py"),
        kind: ProgramKind::Editable,
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "timeout_or_none" => {
            let timeout = p.float("timeout");
            Derived::Text(if timeout < 0.0 { "None".to_string() } else { float_repr(timeout) })
        }
        _ => return None,
    })
}

async fn func(aa: String, delay: f64) -> PyResult<String> {
    log(format!("{aa}>>start"));
    sleep(delay).await?;
    log(format!("{aa}>>end"));
    Ok(format!("func结束了,返回值是{aa}"))
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let delay = p.float("delay");
        let mut takslist = Vec::new();
        for i in 1..=p.int("tasks") {
            takslist.push(ensure_future(func(format!("func{i}"), delay))?.future().clone());
        }
        let timeout = if p.float("timeout") < 0.0 { None } else { Some(p.float("timeout")) };
        let (done, pending) = wait(&takslist, timeout, ReturnWhen::AllCompleted).await?;
        let results: Vec<String> = takslist
            .iter()
            .filter(|t| done.iter().any(|d| d.ptr_eq(t)))
            .map(|t| t.result())
            .collect::<PyResult<_>>()?;
        crate::log!("done:", results); // print(done)
        crate::log!("pending:", pending.len() as i64);
        Ok(())
    })
}
