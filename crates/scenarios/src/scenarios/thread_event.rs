//! Event wait / set / clear: the main thread sets the event each second, a
//! worker wakes, prints and clears it.

use asyncio_engine::sync::Event;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_EVENT,
    python: Python {
        template: include_str!("../../python/thread_event.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: the thread is a task and the \
             event an asyncio.Event, whose set() only schedules the waiter, so the main thread always \
             prints first (real threads race), and the run stops after the main thread's loop.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn fun(event: Event) -> PyResult<()> {
    loop {
        event.wait().await?;
        log("--------");
        event.clear();
    }
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let event = Event::named("event");
        let _t = create_task(fun(event.clone()))?; // Thread(target=fun).start()
        for _ in 0..p.int("rounds") {
            sleep(p.float("interval")).await?; // time.sleep(1)
            event.set();
            log("********");
        }
        Ok(())
    })
}
