//! Condition: a producer wakes consumers one notify(n) at a time, then
//! producer2 uses notify_all().

use asyncio_engine::sync::Condition;

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::SYNC_CONDITION_NOTIFY,
    python: Python {
        template: include_str!("../../python/sync_condition_notify.py"),
        kind: ProgramKind::Editable,
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "names" => {
            let names: Vec<String> = (1..=p.int("consumers")).map(|i| format!("'c{i}'")).collect();
            Derived::Text(match names.as_slice() {
                [one] => format!("({one},)"),
                _ => format!("({})", names.join(", ")),
            })
        }
        _ => return None,
    })
}

async fn consumer(cond: Condition, name: String, second: i64) -> PyResult<()> {
    sleep(second as f64).await?;
    let _held = cond.acquire_guard().await?; // async with cond:
    cond.wait().await?;
    log(format!("{name}: Resource is available to consumer"));
    Ok(())
}

async fn producer(cond: Condition, producer_delay: f64, gap: f64) -> PyResult<()> {
    sleep(producer_delay).await?;
    for n in 1..3 {
        {
            let _held = cond.acquire_guard().await?; // async with cond:
            log(format!("notifying consumer {n}"));
            cond.notify(n)?;
            // 使用 notify 方法挨个通知单个消费者
        }
        sleep(gap).await?;
    }
    Ok(())
}

async fn producer2(cond: Condition, producer_delay: f64) -> PyResult<()> {
    sleep(producer_delay).await?;
    let _held = cond.acquire_guard().await?; // async with cond:
    log("Making resource available");
    cond.notify_all()?;
    // 使用 notify_all 方法一次性的通知全部消费者
    Ok(())
}

fn consumers(cond: &Condition, names: &[String]) -> PyResult<Vec<Future<()>>> {
    names
        .iter()
        .enumerate()
        .map(|(index, name)| {
            Ok(ensure_future(consumer(cond.clone(), name.clone(), index as i64))?.future().clone())
        })
        .collect()
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let (producer_delay, gap) = (p.float("producer_delay"), p.float("gap"));
        let event_loop = get_running_loop()?;
        let names: Vec<String> = (1..=p.int("consumers")).map(|i| format!("c{i}")).collect();
        let condition = Condition::named("condition");

        let task = event_loop.create_task(producer(condition.clone(), producer_delay, gap))?;
        wait(&consumers(&condition, &names)?, None, ReturnWhen::AllCompleted).await?;
        task.cancel(None);

        let task = event_loop.create_task(producer2(condition.clone(), producer_delay))?;
        wait(&consumers(&condition, &names)?, None, ReturnWhen::AllCompleted).await?;
        task.cancel(None);
        Ok(())
    })
}
