//! Two threads doing num += 1 without a lock lose updates: the total falls
//! short of 2 x 1000.

use std::cell::Cell;
use std::rc::Rc;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_RACE_COUNTER,
    python: Python {
        template: include_str!("../../python/thread_race_counter.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: each thread is a task, and num \
             += 1 is a read and a write with an explicit, deterministic thread switch between them every \
             switch_every-th iteration, so the other threads' increments made meanwhile are overwritten.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn func(num: Rc<Cell<i64>>, iterations: i64, switch_every: i64) -> PyResult<()> {
    for i in 0..iterations {
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
        let threads = (0..p.int("threads"))
            .map(|_| create_task(func(num.clone(), iterations, switch_every)))
            .collect::<PyResult<Vec<_>>>()?; // t1.start(); t2.start()
        for t in threads {
            t.await?; // t1.join(); t2.join()
        }
        crate::log!(num.get());
        Ok(())
    })
}
