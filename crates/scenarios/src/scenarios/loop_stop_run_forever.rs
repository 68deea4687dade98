//! loop.run_forever() keeps going until a task calls loop.stop().

use asyncio_engine::sync::Event;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::LOOP_STOP_RUN_FOREVER,
    python: Python {
        template: include_str!("../../python/loop_stop_run_forever.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

/// The two loop methods the seed uses; run_forever() returns after stop().
#[derive(Clone)]
struct LoopStandIn {
    stopped: Event,
}

impl LoopStandIn {
    fn new() -> LoopStandIn {
        LoopStandIn { stopped: Event::named("loop stopped") }
    }
    fn stop(&self) {
        self.stopped.set();
    }
    async fn run_forever(&self) -> PyResult<()> {
        self.stopped.wait().await?;
        Ok(())
    }
}

async fn work(event_loop: LoopStandIn, t: i64) -> PyResult<()> {
    log("start");
    sleep(t as f64).await?;
    log(format!("after {t}s stop"));
    event_loop.stop();
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let event_loop = LoopStandIn::new(); // asyncio.get_event_loop()
        let _task = ensure_future(work(event_loop.clone(), p.int("t")))?;
        if p.int("t2") > 0 {
            let _task2 = ensure_future(work(event_loop.clone(), p.int("t2")))?;
        }
        event_loop.run_forever().await?;
        // loop.close()
        Ok(())
    })
}
