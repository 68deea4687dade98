//! ThreadPoolExecutor(3).map runs ten one-second jobs three at a time.

use asyncio_engine::executor::VirtualPool;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::EXEC_THREAD_POOL_MAP,
    python: Python {
        template: include_str!("../../python/exec_thread_pool_map.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: true,
};

fn func(num: i64) -> PyResult<()> {
    crate::log!("---", num);
    // time.sleep(1): the job's cost
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let event_loop = get_running_loop()?;
        let e = VirtualPool::named(p.int("workers").max(1) as usize, "ThreadPoolExecutor")?; // with ThreadPoolExecutor(3) as e:
        for n in 0..p.int("jobs") {
            // e.map(func, range(10))
            e.submit(&event_loop, p.float("cost"), &format!("func({n})"), move || func(n));
        }
        e.join().await?; // end of the with block: shutdown(wait=True)
        Ok(())
    })
}
