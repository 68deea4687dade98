//! Three workers drain a queue of 20 random sleeps; join, cancel and
//! gather(return_exceptions=True).

use asyncio_engine::pyrandom::Random;
use asyncio_engine::sync::Queue;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::QUEUE_RANDOM_WORKERS,
    python: Python {
        template: include_str!("../../python/queue_random_workers.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn worker(name: String, queue: Queue<f64>) -> PyResult<()> {
    loop {
        // Get a "work item" out of the queue.
        let sleep_for = queue.get().await?;

        // Sleep for the "sleep_for" seconds.
        sleep(sleep_for).await?;

        // Notify the queue that the "work item" has been processed.
        queue.task_done()?;

        log(format!("{name} has slept for {sleep_for:.2} seconds"));
    }
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let mut rnd = Random::new(p.int("seed"));
        // Create a queue that we will use to store our "workload".
        let queue: Queue<f64> = Queue::named("queue", 0);

        // Generate random timings and put them into the queue.
        let mut total_sleep_time = 0.0;
        for _ in 0..p.int("items") {
            let sleep_for = rnd.uniform(p.float("low"), p.float("high"));
            total_sleep_time += sleep_for;
            queue.put_nowait(sleep_for)?;
        }

        // Create three worker tasks to process the queue concurrently.
        let mut tasks = Vec::new();
        for i in 0..p.int("workers") {
            let task = create_task(worker(format!("worker-{i}"), queue.clone()))?;
            tasks.push(task.future().clone());
        }

        // Wait until the queue is fully processed.
        let started_at = now(); // time.monotonic()
        queue.join().await?;
        let total_slept_for = now() - started_at;

        // Cancel our worker tasks.
        for task in &tasks {
            task.cancel(None);
        }
        // Wait until all worker tasks are cancelled.
        gather_outcomes(&tasks)?.await?;

        log("====");
        log(format!("{} workers slept in parallel for {total_slept_for:.2} seconds", p.int("workers")));
        log(format!("total expected sleep time: {total_sleep_time:.2} seconds"));
        Ok(())
    })
}
