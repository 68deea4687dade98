//! Semaphore(6) lets only 6 of 12 fetches run at once; a @timer decorator
//! prints each cost.

use asyncio_engine::pyfmt::float_repr;
use asyncio_engine::sync::Semaphore;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::SYNC_SEMAPHORE_FETCH,
    python: Python {
        template: include_str!("../../python/sync_semaphore_fetch.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

const URL: &str = "http://httpbin.org/get?a=";

/// The `@timer` decorator: print how long the wrapped coroutine took. Its
/// `inner` does not return the result, so the decorated coroutine returns
/// `None`.
async fn timer<T, F: std::future::Future<Output = PyResult<T>>>(name: &str, func: F) -> PyResult<PyValue> {
    let start = now(); // time.perf_counter()
    func.await?;
    log(format!("{name} cost: {}", float_repr(now() - start)));
    Ok(PyValue::None)
}

async fn fetch_async(a: i64, latency: f64) -> PyResult<String> {
    // async with aiohttp.request('GET', URL.format(a)) as r: data = await r.json()
    let args = PyValue::Dict(vec![("a".to_py(), a.to_string().to_py())]);
    let data = PyValue::Dict(vec![("args".to_py(), args), ("url".to_py(), format!("{URL}{a}").to_py())]);
    let data = sleep_result(latency, data).await?;
    crate::log!(data);
    Ok(a.to_string()) // data['args']['a']
}

async fn print_result(a: i64, sema: Semaphore, latency: f64) -> PyResult<()> {
    let _held = sema.acquire_guard().await?; // async with sema:
    let r = timer("fetch_async", fetch_async(a, latency)).await?;
    log(format!("fetch({a}) = {}", r.str()));
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let sema = Semaphore::named("sema", p.int("limit"))?;
        let latency = p.float("latency");
        let tasks = (0..p.int("numbers"))
            .map(|num| {
                let sema = sema.clone();
                Ok(ensure_future(timer("print_result", print_result(num, sema, latency)))?.future().clone())
            })
            .collect::<PyResult<Vec<_>>>()?;
        wait(&tasks, None, ReturnWhen::AllCompleted).await?;
        Ok(())
    })
}
