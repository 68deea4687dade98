//! The same num += 1 race with a Lock around each increment: no update is
//! lost, 2 x 1000.

use std::cell::Cell;
use std::rc::Rc;

use asyncio_engine::sync::Lock;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_LOCK_COUNTER,
    python: Python {
        template: include_str!("../../python/thread_lock_counter.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: each thread is a task, num += \
             1 is a read and a write with an explicit thread switch between them every \
             switch_every-th iteration, and the lock (an asyncio.Lock held around both) makes the other \
             thread wait instead of overwriting.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn run1(num: Rc<Cell<i64>>, lock: Lock, iterations: i64, switch_every: i64) -> PyResult<()> {
    for i in 0..iterations {
        let _held = lock.acquire_guard().await?; // with lock:
        let tmp = num.get(); // num += 1: read ...
        if (i + 1) % switch_every == 0 {
            sleep(0.0).await?; // ... the interpreter switches threads here ...
        }
        num.set(tmp + 1); // ... write back
    }
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let (iterations, switch_every) = (p.int("iterations"), p.int("switch_every").max(1));
        let num = Rc::new(Cell::new(0));
        let lock = Lock::named("lock");
        let threads = (0..p.int("threads"))
            .map(|_| create_task(run1(num.clone(), lock.clone(), iterations, switch_every)))
            .collect::<PyResult<Vec<_>>>()?;
        for t in threads {
            t.await?;
        }
        crate::log!(num.get());
        Ok(())
    })
}
