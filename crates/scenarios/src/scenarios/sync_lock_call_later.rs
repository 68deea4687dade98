//! An asyncio.Lock taken by main is released 0.1 s later by a call_later
//! callback.

use asyncio_engine::sync::Lock;

use crate::prelude::*;
use crate::{MainFuture, Params};

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
