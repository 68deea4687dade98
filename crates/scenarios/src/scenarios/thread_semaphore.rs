//! Semaphore(3) with 9 looping threads: three at a time hold it for 2 s; main
//! prints after 15 s.

use asyncio_engine::sync::Semaphore;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_SEMAPHORE,
    python: Python {
        template: include_str!("../../python/thread_semaphore.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: each thread is a task, the \
             Semaphore an asyncio.Semaphore (which wakes waiters first come, first served) and each \
             time.sleep an await asyncio.sleep; the run stops when the main thread has printed.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn fun(mut num: i64, sem: Semaphore, hold: f64) -> PyResult<()> {
    loop {
        num += 1;
        let _held = sem.acquire_guard().await?; // async with sem:
        crate::log!("--------", num);
        sleep(hold).await?; // time.sleep(2)
    }
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let sem = Semaphore::named("sem", p.int("limit"))?;
        let num = 0_i64;
        for i in 0..p.int("threads") {
            create_task(fun(i, sem.clone(), p.float("hold")))?; // Thread(target=fun, args=(i,)).start()
        }
        sleep(p.float("run_time")).await?; // time.sleep(15)
        crate::log!("*******", num);
        Ok(())
    })
}
