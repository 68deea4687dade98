//! asyncio.Lock keeps a check-then-append atomic across an await: only one
//! coroutine appends 'x'.

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_engine::sync::Lock;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::SYNC_LOCK_X_IN_LIST,
    python: Python {
        template: include_str!("../../python/sync_lock_x_in_list.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

#[derive(Clone)]
struct Shared {
    l: Rc<RefCell<Vec<String>>>,
    /// `asyncio.Lock()`, or `None` for `contextlib.nullcontext()`.
    lock: Option<Lock>,
}

async fn work(name: &'static str, s: Shared) -> PyResult<&'static str> {
    crate::log!(r"\\\\\\\\\\\\", name);
    // async with lock:
    let _held = match &s.lock {
        Some(lock) => Some(lock.acquire_guard().await?),
        None => None,
    };
    log(format!("{name} start"));
    if s.l.borrow().iter().any(|v| v == "x") {
        return Ok(name);
    }
    crate::log!("++++++++++", name);
    sleep(0.0).await?;
    crate::log!("----------", name);
    s.l.borrow_mut().push("x".to_string());
    log(format!("{name} end"));
    Ok(name)
}

async fn one(s: Shared) -> PyResult<()> {
    let name = work("one", s).await?;
    log(format!("{name} ok"));
    Ok(())
}

async fn two(s: Shared) -> PyResult<()> {
    log("///////////");
    let name = work("two", s).await?;
    log(format!("{name} ok"));
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let s = Shared {
            l: Rc::new(RefCell::new(Vec::new())),
            lock: (p.int("use_lock") != 0).then(|| Lock::named("lock")),
        };
        let tasks = [
            ensure_future(one(s.clone()))?.future().clone(),
            ensure_future(two(s.clone()))?.future().clone(),
        ];
        wait(&tasks, None, ReturnWhen::AllCompleted).await?;
        let l = s.l.borrow().clone();
        crate::log!(l);
        Ok(())
    })
}
