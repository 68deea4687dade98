//! multiprocessing.Queue: a writer process puts 1, 2, 3... each second, a
//! reader prints them; terminate() after 5 s.

use asyncio_engine::executor::thread_sleep;
use asyncio_engine::sync::Queue;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::PROCESS_QUEUE,
    python: Python {
        template: include_str!("../../python/process_queue.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: each process is a task, the \
             multiprocessing.Queue an asyncio.Queue, each time.sleep an await asyncio.sleep and \
             terminate() a cancel().",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: true,
};

async fn read(q: Queue<i64>, read_every: f64) -> PyResult<()> {
    loop {
        let res = q.get().await?;
        crate::log!(res);
        thread_sleep(read_every).await?; // time.sleep in the reader process
    }
}

async fn write(q: Queue<i64>, write_every: f64) -> PyResult<()> {
    let mut num = 0;
    loop {
        num += 1;
        q.put_nowait(num)?; // q.put(num)
        thread_sleep(write_every).await?; // time.sleep in the writer process
    }
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let q: Queue<i64> = Queue::named("q", 0); // multiprocessing.Queue()
        let w = create_task(write(q.clone(), p.float("write_every")))?; // Process(target=write, args=(q,)); w.start()
        let r = create_task(read(q.clone(), p.float("read_every")))?; // Process(target=read, args=(q,)); r.start()
        sleep(p.float("run_time")).await?; // time.sleep(5)
        r.cancel(None); // r.terminate()
        w.cancel(None); // w.terminate()
        log("强制结束");
        Ok(())
    })
}
