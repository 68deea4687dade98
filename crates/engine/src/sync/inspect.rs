//! What a primitive shows the page: its name, the label of its waiter
//! futures, and a [`TraceEvent::Primitive`] after each change.
//!
//! Every event's `state` text reads `"<what happened>: <snapshot>"`, for
//! instance `"Task-2 acquired: locked owner=Task-2 waiters=[Task-3]"` or
//! `"Task-1 released, woke Task-3: unlocked waiters=[Task-3]"`. The part after
//! the first `": "` is the primitive's snapshot (`Display` of its
//! `*Snapshot` type). Nothing is formatted unless the loop has a tracer.
//!
//! A primitive built from others (the lock inside a `Condition`, the
//! condition inside a `Barrier`, the event inside a `Queue`) either reports
//! through its owner, which then shows its own snapshot under its own name,
//! or stays quiet while the owner reports what matters.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::event_loop::{get_running_loop, EventLoop};
use crate::exception::PyResult;
use crate::future::Future;
use crate::sync::loop_bound::LoopBound;
use crate::task::current_task;
use crate::trace::TraceEvent;

/// Something that shows an inner primitive's changes as its own.
pub(crate) trait Reporter {
    fn report(&self, action: String);
}

/// How a primitive's changes reach the trace.
pub(crate) enum Reporting {
    /// Emit events under the primitive's own name.
    Own,
    /// Emit nothing (an inner primitive whose owner reports).
    Quiet,
    /// Hand each change to the owner.
    Owner(Weak<dyn Reporter>),
}

/// Name, label, loop binding and trace reporting, shared by every primitive.
pub(crate) struct Meta {
    pub(crate) name: Rc<str>,
    /// The label of waiter futures: `"Lock lock"`, `"Semaphore sema"`, ...
    pub(crate) label: Rc<str>,
    pub(crate) bound: LoopBound,
    reporting: RefCell<Reporting>,
}

impl Meta {
    pub(crate) fn new(class: &str, name: &str) -> Meta {
        Meta::labelled(name, format!("{class} {name}"))
    }

    pub(crate) fn labelled(name: &str, label: String) -> Meta {
        Meta {
            name: Rc::from(name),
            label: Rc::from(label.as_str()),
            bound: LoopBound::default(),
            reporting: RefCell::new(Reporting::Own),
        }
    }

    pub(crate) fn set_reporting(&self, reporting: Reporting) {
        *self.reporting.borrow_mut() = reporting;
    }

    /// `self._get_loop().create_future()`, labelled with the primitive (a
    /// shared `Rc<str>`, so deadlock explanations name it even without a
    /// tracer).
    pub(crate) fn new_waiter(&self, repr: impl FnOnce() -> String) -> PyResult<Future<()>> {
        let event_loop = self.bound.get_loop(repr)?;
        let future = event_loop.create_future();
        future.set_label_rc(self.label.clone());
        Ok(future)
    }

    /// Report a change: `action()` says what happened, `snapshot()` the state
    /// after it. Neither runs unless the running loop traces.
    pub(crate) fn emit(&self, action: impl FnOnce() -> String, snapshot: impl FnOnce() -> String) {
        let Some(event_loop) = tracing_loop() else { return };
        let owner = match &*self.reporting.borrow() {
            Reporting::Quiet => return,
            Reporting::Own => None,
            Reporting::Owner(owner) => Some(owner.upgrade()),
        };
        match owner {
            Some(Some(owner)) => owner.report(action()),
            Some(None) => {}
            None => {
                let text = format!("{}: {}", action(), snapshot());
                event_loop.emit(&TraceEvent::Primitive { name: &self.name, state: &text });
            }
        }
    }
}

/// The running loop, when it has a tracer.
pub(crate) fn tracing_loop() -> Option<EventLoop> {
    get_running_loop().ok().filter(EventLoop::tracing)
}

/// Who is acting: the current task's name, or `(no task)` in a plain
/// callback.
pub(crate) fn actor() -> String {
    current_task().map_or_else(|| "(no task)".to_string(), |t| t.name())
}

/// `[a, b, c]`.
pub(crate) fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

/// Python's `id(obj)` stand-in for reprs: the address of the shared state.
pub(crate) fn address<T: ?Sized>(rc: &Rc<T>) -> String {
    format!("{:#x}", Rc::as_ptr(rc) as *const () as usize)
}
