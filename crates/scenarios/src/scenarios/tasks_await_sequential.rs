//! await runs coroutines one after another: func('ret1') finishes before
//! func('ret2') starts.

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::TASKS_AWAIT_SEQUENTIAL,
    python: Python {
        template: include_str!("../../python/tasks_await_sequential.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn func(aa: &str, delay: f64) -> PyResult<String> {
    log(format!("{aa}>>start"));
    sleep(delay).await?;
    log(format!("{aa}>>end"));
    Ok(format!("func结束了,返回值是{aa}"))
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let delay = p.float("delay");
        log("main执行");
        let ret1 = func("ret1", delay).await?;
        log(format!("ret1返回值是{ret1}"));
        let ret2 = func("ret2", delay).await?;
        log(format!("ret2返回值是{ret2}"));
        Ok(())
    })
}
