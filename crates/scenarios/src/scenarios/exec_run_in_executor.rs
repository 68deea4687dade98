//! run_in_executor: a blocking a() in a thread pool overlaps b()'s
//! asyncio.sleep; blocking the loop does not.

use asyncio_engine::executor::{cpu_count, default_executor, VirtualPool};
use asyncio_engine::pyfmt::float_repr;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::EXEC_RUN_IN_EXECUTOR,
    python: Python {
        template: include_str!("../../python/exec_run_in_executor.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: true,
};

#[derive(Clone, Copy)]
struct P {
    a_cost: f64,
    b_delay: f64,
    cpus: usize,
}

fn a() -> PyResult<String> {
    // time.sleep(1): the pool job's cost P["a_cost"]
    Ok("A".to_string())
}

async fn a_blocking(p: P) -> PyResult<String> {
    get_running_loop()?.blocking_sleep(p.a_cost); // time.sleep(1) on the loop thread
    Ok("A".to_string())
}

async fn b(p: P) -> PyResult<String> {
    sleep(p.b_delay).await?;
    Ok("B".to_string())
}

async fn show_perf<F: std::future::Future<Output = PyResult<()>>>(name: &str, func: F) -> PyResult<()> {
    log("*".repeat(20));
    let start = now(); // time.perf_counter()
    func.await?; // asyncio.run(func())
    log(format!("{name} Cost: {}", float_repr(now() - start)));
    Ok(())
}

async fn c1(p: P) -> PyResult<()> {
    let event_loop = get_running_loop()?;
    let executor = default_executor(&event_loop, p.cpus)?; // the loop's default executor
    gather(&[
        executor.submit(&event_loop, p.a_cost, "a()", a), // loop.run_in_executor(None, a)
        create_task(b(p))?.future().clone(),
    ])?
    .await?;
    Ok(())
}

async fn c2(p: P) -> PyResult<()> {
    gather(&[create_task(a_blocking(p))?.future().clone(), create_task(b(p))?.future().clone()])?.await?;
    Ok(())
}

async fn c3(p: P) -> PyResult<()> {
    let event_loop = get_running_loop()?;
    let e = VirtualPool::named(cpu_count(&event_loop, p.cpus), "ProcessPoolExecutor")?; // with concurrent.futures.ProcessPoolExecutor() as e:
    let results = gather(&[
        e.submit(&event_loop, p.a_cost, "a()", a), // loop.run_in_executor(e, a)
        create_task(b(p))?.future().clone(),
    ])?
    .await?;
    crate::log!(results);
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let p =
            P { a_cost: p.float("a_cost"), b_delay: p.float("b_delay"), cpus: p.int("cpus").max(1) as usize };
        show_perf("c1", c1(p)).await?;
        show_perf("c2", c2(p)).await?;
        show_perf("c3", c3(p)).await?;
        Ok(())
    })
}
