//! Condition ping-pong: two threads wake each other in turn with notify() and
//! wait().

use asyncio_engine::sync::Condition;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_CONDITION_PING_PONG,
    python: Python {
        template: include_str!("../../python/thread_condition_ping_pong.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: the two threads are tasks \
             sharing an asyncio.Condition, and the time.sleep inside the lock is an await asyncio.sleep \
             that keeps the lock held.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn fun1(cond: Condition, rounds: i64, pause: f64) -> PyResult<()> {
    for _ in 0..rounds {
        // while True:
        let _held = cond.acquire_guard().await?; // async with cond:
        cond.wait().await?;
        log("--------");
        sleep(pause).await?; // time.sleep(1)
        cond.notify(1)?;
    }
    Ok(())
}

async fn fun2(cond: Condition, rounds: i64, pause: f64) -> PyResult<()> {
    for _ in 0..rounds {
        // while True:
        let _held = cond.acquire_guard().await?; // async with cond:
        cond.notify(1)?;
        log("*******");
        sleep(pause).await?; // time.sleep(1)
        cond.wait().await?;
    }
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let (rounds, pause) = (p.int("rounds"), p.float("pause"));
        let cond = Condition::named("cond");
        let (t1, t2) = if p.int("fun2_first") != 0 {
            let t2 = create_named_task(fun2(cond.clone(), rounds, pause), "Thread-2")?;
            let t1 = create_named_task(fun1(cond.clone(), rounds, pause), "Thread-1")?;
            (t1, t2)
        } else {
            let t1 = create_named_task(fun1(cond.clone(), rounds, pause), "Thread-1")?; // t1 = Thread(target=fun1); t1.start()
            let t2 = create_named_task(fun2(cond.clone(), rounds, pause), "Thread-2")?; // t2 = Thread(target=fun2); t2.start()
            (t1, t2)
        };
        wait(&[t1.future().clone(), t2.future().clone()], None, ReturnWhen::AllCompleted).await?;
        Ok(())
    })
}
