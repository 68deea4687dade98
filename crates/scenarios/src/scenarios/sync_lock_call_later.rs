//! An asyncio.Lock taken by main is released 0.1 s later by a call_later
//! callback.

use asyncio_engine::sync::Lock;

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::SYNC_LOCK_CALL_LATER,
    python: Python {
        template: include_str!("../../python/sync_lock_call_later.py"),
        kind: ProgramKind::Editable,
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "lockers_list" => {
            // Continuation lines line up after `    await asyncio.wait([`.
            let items: Vec<String> = (1..=p.int("lockers"))
                .map(|i| format!("asyncio.ensure_future(test('l{i}', lock))"))
                .collect();
            Derived::Text(format!("[{}]", items.join(",\n                        ")))
        }
        _ => return None,
    })
}

fn unlock(lock: &Lock) {
    log("callback  releasing lock");
    let _ = lock.release();
}

async fn test(locker: String, lock: Lock) -> PyResult<()> {
    log(format!("{locker} waiting for the lock"));
    {
        let _held = lock.acquire_guard().await?; // async with lock:
        log(format!("{locker} acquired lock"));
    }
    log(format!("{locker} released lock"));
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let event_loop = get_running_loop()?;
        let lock = Lock::named("lock");
        lock.acquire().await?;
        // 使用 acquire 加锁
        let l = lock.clone();
        event_loop.call_later(p.float("delay"), move || unlock(&l))?;
        // 通过 call_later 方法添加一个 0.1 秒后释放锁的函数
        let tasks = (1..=p.int("lockers"))
            .map(|i| Ok(ensure_future(test(format!("l{i}"), lock.clone()))?.future().clone()))
            .collect::<PyResult<Vec<_>>>()?;
        wait(&tasks, None, ReturnWhen::AllCompleted).await?;
        Ok(())
    })
}
