//! Condition with five consumers: notify(1), then notify(2), then
//! notify_all() for the rest.

use asyncio_engine::sync::Condition;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::SYNC_CONDITION_CONSUMERS,
    python: Python {
        template: include_str!("../../python/sync_condition_consumers.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn consumer(condition: Condition, n: i64) -> PyResult<()> {
    log("----");
    {
        let _held = condition.acquire_guard().await?; // async with condition:
        log(format!("consumer {n} is waiting"));
        condition.wait().await?;
        log(format!("consumer {n} triggered"));
    }
    log(format!("ending consumer {n}"));
    Ok(())
}

async fn manipulate_condition(condition: Condition, step: f64) -> PyResult<()> {
    log("starting manipulate_condition");
    sleep(step).await?;
    for i in 1..3 {
        {
            let _held = condition.acquire_guard().await?; // async with condition:
            log(format!("notifying {i} consumers"));
            condition.notify(i)?;
        }
        sleep(step).await?;
    }
    {
        let _held = condition.acquire_guard().await?; // async with condition:
        log("notifying remaining consumers");
        condition.notify_all()?;
    }
    log("ending manipulate_condition");
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let event_loop = get_running_loop()?;
        let condition = Condition::named("condition");
        // consumers = [consumer(condition, i) for i in range(n)]: coroutines, not yet tasks
        event_loop.create_task(manipulate_condition(condition.clone(), p.float("step")))?;
        let consumers = (0..p.int("consumers"))
            .map(|i| Ok(ensure_future(consumer(condition.clone(), i))?.future().clone()))
            .collect::<PyResult<Vec<_>>>()?;
        wait(&consumers, None, ReturnWhen::AllCompleted).await?;
        Ok(())
    })
}
