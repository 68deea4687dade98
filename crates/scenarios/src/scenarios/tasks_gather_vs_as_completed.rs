//! gather returns results in argument order; as_completed yields them in
//! finishing order.

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::TASKS_GATHER_VS_AS_COMPLETED,
    python: Python {
        template: include_str!("../../python/tasks_gather_vs_as_completed.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn async_function1(wait_time: i64) -> PyResult<String> {
    sleep(wait_time as f64).await?;
    Ok(format!("需要{wait_time}秒的时间,所以会最后输出"))
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let n = p.int("n");
        let tasks = (0..n)
            .map(|i| Ok(create_task(async_function1(n - i))?.future().clone()))
            .collect::<PyResult<Vec<_>>>()?;
        let results = gather(&tasks)?.await?;
        crate::log!(results);

        let tasks = (0..n)
            .map(|i| Ok(ensure_future(async_function1(n - i))?.future().clone()))
            .collect::<PyResult<Vec<_>>>()?;
        // 使用 as_completed() 获取完成的协程
        let completed = as_completed(&tasks, None)?;
        while let Some(result) = completed.next().await {
            let result = result?; // 等待任务完成并获取结果
            log(result); // 立即处理结果
        }
        Ok(())
    })
}
