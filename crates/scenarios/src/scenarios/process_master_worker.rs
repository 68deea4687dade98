//! Master-worker: the master queues tasks and collects results, workers take
//! tasks and compute them.

use asyncio_engine::executor::thread_sleep;
use asyncio_engine::pyrandom::Random;
use asyncio_engine::sync::Queue;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::PROCESS_MASTER_WORKER,
    python: Python {
        template: include_str!("../../python/process_master_worker.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: each process is a task, the \
             queues are asyncio.Queues and each time.sleep is an await asyncio.sleep.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: true,
};

async fn worker(name: String, task: Queue<Option<i64>>, result: Queue<String>, cost: f64) -> PyResult<()> {
    loop {
        let Some(n) = task.get().await? else {
            log(format!("{name} exit."));
            break;
        };
        log(format!("{name} run task {n} * {n}..."));
        let r = format!("{n} * {n} = {}", n * n);
        thread_sleep(cost).await?; // time.sleep(1) in the worker process
        result.put_nowait(r)?;
    }
    Ok(())
}

async fn master(p: &Params) -> PyResult<()> {
    let mut rnd = Random::new(p.int("seed"));
    let task: Queue<Option<i64>> = Queue::named("task_queue", 0);
    let result: Queue<String> = Queue::named("result_queue", 0);
    let workers = (0..p.int("workers"))
        .map(|i| {
            let coro = worker(format!("worker-{i}"), task.clone(), result.clone(), p.float("cost"));
            Ok(create_task(coro)?.future().clone())
        })
        .collect::<PyResult<Vec<_>>>()?;
    for _ in 0..p.int("tasks") {
        let n = rnd.randint(0, 10000).map_err(Exception::value_error)?;
        log(format!("Put task {n}..."));
        task.put_nowait(Some(n))?;
    }
    for _ in &workers {
        task.put_nowait(None)?;
    }
    log("Try get results...");
    for _ in 0..p.int("tasks") {
        let r = result.get().await?;
        log(format!("Result: {r}"));
    }
    wait(&workers, None, ReturnWhen::AllCompleted).await?;
    log("master exit.");
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move { master(&p).await })
}
