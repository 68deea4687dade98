//! Futures by hand: set_result, cancel (await raises CancelledError), and two
//! futures set later and gathered.

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::FUTURE_BASICS,
    python: Python {
        template: include_str!("../../python/future_basics.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

// 示例 1:手动设置 Future 的结果
async fn main1() -> PyResult<()> {
    // 创建一个未完成的 Future 对象
    let event_loop = get_running_loop()?;
    let fut: Future<String> = event_loop.create_future();
    // 手动设置 Future 的结果
    log("Setting future result manually...");
    fut.set_result("manual result".to_string())?;
    // 等待 Future 完成
    let result = fut.await?;
    crate::log!("Future received result:", result);
    Ok(())
}

// 示例 2:手动取消 Future
async fn main2() -> PyResult<()> {
    let event_loop = get_running_loop()?;
    let fut: Future<String> = event_loop.create_future();
    // 手动取消 Future
    log("Cancelling future manually...");
    fut.cancel(None);
    // 尝试等待一个已取消的 Future
    match fut.await {
        Err(e) if e.is_cancelled() => log("Future was cancelled"),
        Err(e) => return Err(e),
        Ok(_) => {}
    }
    Ok(())
}

// 组合多个 Future
async fn set_after(fut: Future<String>, delay: f64, value: &str) -> PyResult<()> {
    sleep(delay).await?;
    fut.set_result(value.to_string())
}

async fn main3(delay1: f64, delay2: f64) -> PyResult<()> {
    let event_loop = get_running_loop()?;
    // 创建两个 Future 对象
    let fut1: Future<String> = event_loop.create_future();
    let fut2: Future<String> = event_loop.create_future();
    // 设定一些异步操作完成 Future
    event_loop.create_task(set_after(fut1.clone(), delay1, "result1"))?;
    event_loop.create_task(set_after(fut2.clone(), delay2, "result2"))?;
    // 使用 asyncio.gather 等待多个 Future 完成
    log("Waiting for both futures...");
    let results = gather(&[fut1, fut2])?.await?;
    crate::log!("Results from futures:", results);
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        main1().await?;
        main2().await?;
        main3(p.float("delay1"), p.float("delay2")).await?;
        Ok(())
    })
}
