//! asyncio.wait's return_when: ALL_COMPLETED, FIRST_COMPLETED or
//! FIRST_EXCEPTION decides when it returns.

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::TASKS_WAIT_RETURN_WHEN,
    python: Python {
        template: include_str!("../../python/tasks_wait_return_when.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn task(name: &'static str, duration: f64, fail: String) -> PyResult<String> {
    sleep(duration).await?;
    if name == fail {
        return Err(Exception::value_error(format!("Task {name} failed")));
    }
    Ok(format!("Task {name} finished"))
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let fail = p.str("fail").to_string();
        // 创建多个任务
        let tasks = [
            create_task(task("A", p.float("a"), fail.clone()))?.future().clone(),
            create_task(task("B", p.float("b"), fail.clone()))?.future().clone(),
            create_task(task("C", p.float("c"), fail))?.future().clone(),
        ];
        let names = ["A", "B", "C"];
        let return_when = ReturnWhen::from_name(p.str("return_when")).unwrap_or(ReturnWhen::AllCompleted);
        let (done, pending) = wait(&tasks, None, return_when).await?;
        let is_in = |set: &[Future<String>], t: &Future<String>| set.iter().any(|d| d.ptr_eq(t));
        let done_names: Vec<&str> =
            tasks.iter().zip(names).filter(|(t, _)| is_in(&done, t)).map(|(_, n)| n).collect();
        let pending_names: Vec<&str> =
            tasks.iter().zip(names).filter(|(t, _)| is_in(&pending, t)).map(|(_, n)| n).collect();
        crate::log!("done:", done_names, "pending:", pending_names);
        for d in tasks.iter().filter(|t| is_in(&done, t)) {
            // for d in done:
            crate::log!(d.await?);
        }
        Ok(())
    })
}
