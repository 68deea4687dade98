//! threading.Timer(5, fun) runs fun in a new thread after 5 s; join() waits
//! for it to finish.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_TIMER,
    python: Python {
        template: include_str!("../../python/thread_timer.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: a Timer is a task that sleeps \
             its interval and then runs its function, whose time.sleep is an await asyncio.sleep, and \
             cancel() stops it only while it is still waiting.",
        ),
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "cancels" => Derived::Flag(p.float("cancel_at") >= 0.0),
        _ => return None,
    })
}

/// `threading.Timer` as a task.
struct Timer {
    interval: f64,
    work: f64,
    running: Rc<Cell<bool>>,
    task: RefCell<Option<Task<()>>>,
}

impl Timer {
    fn start(&self) -> PyResult<()> {
        let (interval, work, running) = (self.interval, self.work, self.running.clone());
        let task = create_task(async move {
            sleep(interval).await?; // self.finished.wait(self.interval)
            running.set(true);
            fun(work).await
        })?;
        *self.task.borrow_mut() = Some(task);
        Ok(())
    }

    fn cancel(&self) {
        if !self.running.get() {
            if let Some(task) = &*self.task.borrow() {
                task.cancel(None);
            }
        }
    }

    async fn join(&self) -> PyResult<()> {
        let task = self.task.borrow().as_ref().map(|t| t.future().clone());
        if let Some(task) = task {
            wait(&[task], None, ReturnWhen::AllCompleted).await?;
        }
        Ok(())
    }
}

async fn fun(work: f64) -> PyResult<()> {
    log("--------");
    sleep(work).await // time.sleep(2)
}

async fn canceller(t: Rc<Timer>, at: f64) -> PyResult<()> {
    sleep(at).await?;
    t.cancel();
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let t = Rc::new(Timer {
            interval: p.float("interval"),
            work: p.float("work"),
            running: Rc::new(Cell::new(false)),
            task: RefCell::new(None),
        });
        t.start()?;
        if p.float("cancel_at") >= 0.0 {
            create_task(canceller(t.clone(), p.float("cancel_at")))?;
        }
        t.join().await?;
        log("*******");
        Ok(())
    })
}
