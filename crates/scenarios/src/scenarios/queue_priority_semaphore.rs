//! PriorityQueue: a producer queues 7 random numbers, a consumer fetches them
//! smallest first.

use asyncio_engine::pyrandom::Random;
use asyncio_engine::sync::{PriorityQueue, Semaphore};

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::QUEUE_PRIORITY_SEMAPHORE,
    python: Python {
        template: include_str!("../../python/queue_priority_semaphore.py"),
        kind: ProgramKind::Editable,
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "many_consumers" => Derived::Flag(p.int("consumers") > 1),
        _ => return None,
    })
}

async fn fetch_async(a: i64, latency: f64) -> PyResult<String> {
    // async with aiohttp.request('GET', URL.format(a)) as r: data = await r.json()
    let data = sleep_result(latency, a.to_string()).await?; // {'args': {'a': str(a)}}
    Ok(data) // data['args']['a']
}

async fn collect_result(a: i64, sema: Semaphore, latency: f64) -> PyResult<String> {
    let _held = sema.acquire_guard().await?; // async with sema:
    fetch_async(a, latency).await
}

async fn produce(queue: PriorityQueue<(i64, i64)>, numbers: &[i64]) -> PyResult<()> {
    for &num in numbers {
        log(format!("producing {num}"));
        let item = (num, num);
        queue.as_queue().put(item).await?;
    }
    Ok(())
}

async fn consume(queue: PriorityQueue<(i64, i64)>, sema: Semaphore, latency: f64) -> PyResult<()> {
    loop {
        let item = queue.as_queue().get().await?;
        let num = item.0;
        let rs = collect_result(num, sema.clone(), latency).await?;
        log(format!("consuming {rs}..."));
        queue.as_queue().task_done()?;
    }
}

async fn run(consumers: i64, numbers: Vec<i64>, sema: Semaphore, latency: f64) -> PyResult<()> {
    let queue: PriorityQueue<(i64, i64)> = PriorityQueue::named("queue", 0);
    let consumer = (0..consumers)
        .map(|_| ensure_future(consume(queue.clone(), sema.clone(), latency)))
        .collect::<PyResult<Vec<_>>>()?;
    produce(queue.clone(), &numbers).await?;
    queue.as_queue().join().await?;
    for c in consumer {
        c.cancel(None);
    }
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let population: Vec<i64> = (0..100).collect();
        let numbers = Random::new(p.int("seed"))
            .sample(&population, p.int("count").max(0) as usize)
            .map_err(Exception::value_error)?;
        let sema = Semaphore::named("sema", p.int("limit"))?;
        run(p.int("consumers"), numbers, sema, p.float("latency")).await
    })
}
