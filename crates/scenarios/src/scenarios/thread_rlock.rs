//! RLock is re-entrant: the thread holding it may take it again (with a plain
//! Lock it deadlocks).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use asyncio_engine::sync::Lock;
use asyncio_engine::{current_task, AnyTask};

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_RLOCK,
    python: Python {
        template: include_str!("../../python/thread_rlock.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: the thread is a task, and the \
             RLock a small re-entrant lock on asyncio.Lock that remembers its owner task and count.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

/// `threading.RLock` for tasks: its owner may acquire it again.
struct RLock {
    lock: Lock,
    owner: RefCell<Option<Rc<dyn AnyTask>>>,
    count: Cell<u32>,
}

impl RLock {
    async fn aenter(&self) -> PyResult<()> {
        let me = current_task();
        let is_owner = match (&*self.owner.borrow(), &me) {
            (Some(owner), Some(me)) => owner.id() == me.id(),
            _ => false,
        };
        if !is_owner {
            self.lock.acquire().await?;
            *self.owner.borrow_mut() = me;
        }
        self.count.set(self.count.get() + 1);
        Ok(())
    }

    fn aexit(&self) -> PyResult<()> {
        self.count.set(self.count.get().saturating_sub(1));
        if self.count.get() == 0 {
            *self.owner.borrow_mut() = None;
            self.lock.release()?;
        }
        Ok(())
    }
}

/// `RLock()` or `asyncio.Lock()`.
enum AnyLock {
    Reentrant(RLock),
    Plain(Lock),
}

impl AnyLock {
    async fn aenter(&self) -> PyResult<()> {
        match self {
            AnyLock::Reentrant(r) => r.aenter().await,
            AnyLock::Plain(l) => l.acquire().await.map(|_| ()),
        }
    }
    fn aexit(&self) -> PyResult<()> {
        match self {
            AnyLock::Reentrant(r) => r.aexit(),
            AnyLock::Plain(l) => l.release(),
        }
    }
}

async fn fun(iterations: i64, lock: Rc<AnyLock>, num: Rc<Cell<i64>>) -> PyResult<()> {
    for _ in 0..iterations {
        lock.aenter().await?; // async with lock:
        num.set(num.get() + 1);
        let inner = async {
            lock.aenter().await?; // async with lock:
            crate::log!(num.get());
            lock.aexit()
        }
        .await;
        // the outer block's __aexit__ runs whatever the inner one did
        let outer = lock.aexit();
        inner?;
        outer?;
    }
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let lock = if p.int("reentrant") != 0 {
            AnyLock::Reentrant(RLock {
                lock: Lock::named("rlock"),
                owner: RefCell::new(None),
                count: Cell::new(0),
            })
        } else {
            AnyLock::Plain(Lock::named("lock"))
        };
        let num = Rc::new(Cell::new(0));
        create_named_task(fun(p.int("iterations"), Rc::new(lock), num), "Thread-1")?.await
        // Thread(target=fun).start()
    })
}
