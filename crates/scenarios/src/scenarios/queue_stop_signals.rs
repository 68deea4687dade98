//! Queue(maxsize=2): a producer blocks on put() when full, then sends one None
//! stop signal per consumer.

use asyncio_engine::sync::Queue;

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::QUEUE_STOP_SIGNALS,
    python: Python {
        template: include_str!("../../python/queue_stop_signals.py"),
        kind: ProgramKind::Editable,
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "maxsize_is_consumers" => Derived::Flag(p.int("maxsize") == p.int("consumers")),
        _ => return None,
    })
}

fn show(item: Option<i64>) -> String {
    item.map_or_else(|| "None".to_string(), |i| i.to_string())
}

async fn consumer(n: i64, q: Queue<Option<i64>>, item_time: f64) -> PyResult<()> {
    log(format!("consumer {n}: waiting for item"));
    loop {
        log(format!("consumer {n}: waiting for item"));
        let item = q.get().await?;
        log(format!("consumer {n}: has item {}", show(item)));
        match item {
            None => {
                q.task_done()?;
                break;
            }
            Some(item) => {
                sleep(item_time * item as f64).await?;
                q.task_done()?;
            }
        }
    }
    log(format!("consumer {n}: ending"));
    Ok(())
}

async fn producer(q: Queue<Option<i64>>, num_workers: i64) -> PyResult<()> {
    log("producer: starting");
    for i in 0..num_workers * 3 {
        q.put(Some(i)).await?;
        log(format!("producer: added task {i} to the queue"));
    }
    log("producer: adding stop signals to the queue");
    for _ in 0..num_workers {
        q.put(None).await?;
    }
    log("producer: waiting for queue to empty");
    q.join().await?;
    log("producer: ending");
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let item_time = p.float("item_time");
        let event_loop = get_running_loop()?;
        let num_consumers = p.int("consumers");
        let q: Queue<Option<i64>> = Queue::named("q", p.int("maxsize"));
        let mut consumers = (0..num_consumers)
            .map(|i| Ok(event_loop.create_task(consumer(i, q.clone(), item_time))?.future().clone()))
            .collect::<PyResult<Vec<_>>>()?;
        let prod = event_loop.create_task(producer(q.clone(), num_consumers))?;
        consumers.push(prod.future().clone());
        wait(&consumers, None, ReturnWhen::AllCompleted).await?;
        Ok(())
    })
}
