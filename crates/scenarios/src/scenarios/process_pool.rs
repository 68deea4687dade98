//! multiprocessing.Pool(10).apply_async: ten processes each print 0..n-1, one
//! number a second.

use asyncio_engine::executor::{thread_sleep, VirtualPool};

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::PROCESS_POOL,
    python: Python {
        template: include_str!("../../python/process_pool.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: the Pool is its virtual pool, \
             which hands jobs first in, first out to the first free process, and each job is a task \
             holding its process until it returns, its time.sleep an await asyncio.sleep.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: true,
};

async fn func(num: i64, tick: f64) -> PyResult<()> {
    for n in 0..num {
        crate::log!(n);
        thread_sleep(tick).await?; // time.sleep(1) in the worker process
    }
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let tick = p.float("tick");
        let event_loop = get_running_loop()?;
        let pool = VirtualPool::named(p.int("processes").max(1) as usize, "Pool")?; // p = Pool(10)
        for n in 0..p.int("jobs") {
            pool.submit_steps(&event_loop, &format!("func({n})"), move || func(n, tick));
            // p.apply_async(func, args=(n,))
        }
        // p.close()
        pool.join().await?; // p.join()
        Ok(())
    })
}
