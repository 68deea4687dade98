//! N requests per minute: each request keeps its semaphore slot for 60 s after
//! its reply.

use asyncio_engine::pyrandom::Random;
use asyncio_engine::sync::Semaphore;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::SYNC_RATE_LIMIT_PER_MINUTE,
    python: Python {
        template: include_str!("../../python/sync_rate_limit_per_minute.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn req(delay: i64, sem: Semaphore, period: f64) -> PyResult<()> {
    log(format!("请求一个延迟为{delay}秒的接口"));
    let _held = sem.acquire_guard().await?; // async with sem:
                                            // async with httpx.AsyncClient(timeout=20) as client:
                                            //     resp = await client.get(f'http://127.0.0.1:8000/sleep/{delay}')
                                            //     result = resp.json()
    let result = sleep_result(delay as f64, PyValue::Dict(vec![("delay".to_py(), delay.to_py())])).await?;
    crate::log!(result);
    sleep(period).await?;
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let period = p.float("period");
        let mut rnd = Random::new(p.int("seed"));
        let sem = Semaphore::named("sem", p.int("limit"))?;
        let delays = (0..p.int("requests"))
            .map(|_| rnd.randint(1, p.int("max_delay")).map_err(Exception::value_error))
            .collect::<PyResult<Vec<i64>>>()?;
        let tasks = delays
            .iter()
            .map(|&delay| Ok(create_task(req(delay, sem.clone(), period))?.future().clone()))
            .collect::<PyResult<Vec<_>>>()?;
        gather(&tasks)?.await?;
        Ok(())
    })
}
