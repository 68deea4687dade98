//! create_task/ensure_future schedule three func() tasks at once; awaiting
//! them collects the results.

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::TASKS_CREATE_TASK_ENSURE_FUTURE,
    python: Python {
        template: include_str!("../../python/tasks_create_task_ensure_future.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn func(aa: &'static str, delay: f64) -> PyResult<String> {
    log(format!("{aa}>>start"));
    sleep(delay).await?;
    log(format!("{aa}>>end"));
    Ok(format!("func结束了,返回值是{aa}"))
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let delay = p.float("delay");
        let obj = get_running_loop()?;
        log("main执行");
        let task1 = obj.create_task(func("func1", delay))?;
        log("1");
        let task2 = obj.create_task(func("func2", delay))?;
        log("2");
        let task3 = ensure_future(func("func3", delay))?;
        log("3");
        let ret1 = task1.await?;
        let ret2 = task2.await?;
        let ret3 = task3.await?;
        log(ret1);
        log(ret2);
        log(ret3);
        Ok(())
    })
}
