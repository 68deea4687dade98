//! threading.local: each thread's local.num is its own, so both count to 1000
//! and the global num stays 0.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use asyncio_engine::current_task;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_LOCAL,
    python: Python {
        template: include_str!("../../python/thread_local.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: each thread is a task with its \
             own local attributes, and the interpreter's thread switch is made explicit (an await \
             asyncio.sleep(0) every switch_every-th iteration) to show that the values never mix.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

/// `threading.local()` for tasks: attributes are per task.
#[derive(Clone, Default)]
struct Local {
    d: Rc<RefCell<HashMap<u64, i64>>>,
}

impl Local {
    fn key() -> u64 {
        current_task().map_or(0, |t| t.id())
    }
    fn num(&self) -> i64 {
        self.d.borrow().get(&Self::key()).copied().unwrap_or(0)
    }
    fn set_num(&self, value: i64) {
        self.d.borrow_mut().insert(Self::key(), value);
    }
}

async fn fun(local: Local, num: i64, iterations: i64, switch_every: i64) -> PyResult<()> {
    local.set_num(num);
    for i in 0..iterations {
        local.set_num(local.num() + 1);
        if (i + 1) % switch_every == 0 {
            sleep(0.0).await?; // a thread switch
        }
    }
    crate::log!("-----", local.num());
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let (iterations, switch_every) = (p.int("iterations"), p.int("switch_every").max(1));
        let local = Local::default();
        let num = 0;
        let t1 = create_task(fun(local.clone(), num, iterations, switch_every))?;
        let t2 = create_task(fun(local.clone(), num, iterations, switch_every))?;
        t1.await?;
        t2.await?;
        crate::log!("-----", num);
        Ok(())
    })
}
