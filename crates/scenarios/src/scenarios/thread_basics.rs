//! Threads that loop forever: five Thread subclasses print a line a second,
//! then Thread(target=func) counts up.

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_BASICS,
    python: Python {
        template: include_str!("../../python/thread_basics.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: each thread is a task, and \
             its time.sleep, which blocks only that thread, is an await asyncio.sleep.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

/// `class thread1(Thread)`.
struct Thread1 {
    ticks: i64,
    interval: f64,
}

impl Thread1 {
    async fn run(self) -> PyResult<()> {
        for _ in 0..self.ticks {
            // while True:
            log("------------");
            sleep(self.interval).await?; // time.sleep(1)
        }
        Ok(())
    }

    fn start(self) -> PyResult<Task<()>> {
        create_task(self.run())
    }
}

async fn func(mut num: i64, ticks: i64, interval: f64) -> PyResult<()> {
    for _ in 0..ticks {
        // while True:
        crate::log!(num);
        num += 1;
        sleep(interval).await?; // time.sleep(1)
    }
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let (ticks, interval) = (p.int("ticks"), p.float("interval"));
        let threads = (0..p.int("threads"))
            .map(|_| Ok(Thread1 { ticks, interval }.start()?.future().clone()))
            .collect::<PyResult<Vec<_>>>()?;
        wait(&threads, None, ReturnWhen::AllCompleted).await?;

        let t = create_task(func(1, ticks, interval))?; // Thread(target=func, args=(1,)); t.start()
        t.await?;
        Ok(())
    })
}
