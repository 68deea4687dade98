//! Barrier(3): threads started one second apart pass bar.wait() only in
//! groups of three.

use asyncio_engine::sync::Barrier;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_BARRIER,
    python: Python {
        template: include_str!("../../python/thread_barrier.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: each thread is a task, the \
             Barrier an asyncio.Barrier and each time.sleep an await asyncio.sleep that blocks only its \
             own thread; the run stops when the main thread has printed.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn fun(num: i64, bar: Barrier, work: f64) -> PyResult<()> {
    bar.wait().await?;
    crate::log!("--------", num);
    sleep(work).await // time.sleep(2)
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let work = p.float("work");
        let bar = Barrier::named("bar", p.int("parties"))?;
        let num = 0_i64;
        for i in 0..p.int("threads") {
            sleep(p.float("start_gap")).await?; // time.sleep(1)
            create_task(fun(i, bar.clone(), work))?; // Thread(target=fun, args=(i,)).start()
        }
        sleep(p.float("run_time")).await?; // time.sleep(15)
        crate::log!("*******", num);
        Ok(())
    })
}
