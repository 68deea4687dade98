//! What a primitive shows the page: its name, the label of its waiter
//! futures, and a [`TraceEvent::Primitive`] after each change.
//!
//! Every event says what happened in words (`"Task-1 released, woke
//! Task-3"`) and carries the primitive's kind and its state after the change
//! as typed data (a [`Snapshot`](crate::trace::Snapshot) lent by the
//! primitive's `*Snapshot` type). Nothing is built unless the running loop
//! has a tracer (the idiom of [`crate::trace`]).
//!
//! A primitive built from others (the lock inside a `Condition`, the
//! condition inside a `Barrier`, the event inside a `Queue`) either reports
//! through its owner, which then shows its own snapshot under its own name,
//! or stays quiet while the owner reports what matters.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::event_loop::{tracing_running_loop, EventLoop};
use crate::exception::PyResult;
use crate::future::Future;
use crate::sync::loop_bound::LoopBound;
use crate::task::current_task;
use crate::trace::{AsSnapshot, PrimitiveKind, TraceEvent};

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

/// Name, kind, label, loop binding and trace reporting, shared by every
/// primitive.
pub(crate) struct Meta {
    pub(crate) name: Rc<str>,
    kind: PrimitiveKind,
    /// The label of waiter futures: `"Lock lock"`, `"Semaphore sema"`, ...
    pub(crate) label: Rc<str>,
    pub(crate) bound: LoopBound,
    reporting: RefCell<Reporting>,
}

impl Meta {
    /// A primitive of `kind` named `name`, whose waiters wait on
    /// `"<Class> <name>"`.
    pub(crate) fn new(kind: PrimitiveKind, name: &str) -> Meta {
        Meta::labelled(kind, name, format!("{kind} {name}"))
    }

    /// A primitive whose waiter futures carry `label`.
    pub(crate) fn labelled(kind: PrimitiveKind, name: &str, label: String) -> Meta {
        Meta {
            name: Rc::from(name),
            kind,
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

    /// Report a change: `action()` says what happened, `snapshot()` is the
    /// state after it. Neither runs unless the running loop traces.
    #[inline]
    pub(crate) fn emit<S: AsSnapshot>(&self, action: impl FnOnce() -> String, snapshot: impl FnOnce() -> S) {
        if let Some(event_loop) = tracing_running_loop() {
            self.emit_on(&event_loop, action, snapshot);
        }
    }

    /// [`Meta::emit`] on a loop that traces: out of line, so that the
    /// primitives' paths stay small when nothing traces.
    #[cold]
    #[inline(never)]
    fn emit_on<S: AsSnapshot>(
        &self,
        event_loop: &EventLoop,
        action: impl FnOnce() -> String,
        snapshot: impl FnOnce() -> S,
    ) {
        let owner = match &*self.reporting.borrow() {
            Reporting::Quiet => return,
            Reporting::Own => None,
            Reporting::Owner(owner) => Some(owner.upgrade()),
        };
        match owner {
            Some(Some(owner)) => owner.report(action()),
            Some(None) => {}
            None => {
                let (action, snapshot) = (action(), snapshot());
                event_loop.emit(&TraceEvent::Primitive {
                    name: &self.name,
                    kind: self.kind,
                    action: Some(&action),
                    snapshot: snapshot.as_snapshot(),
                });
            }
        }
    }
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
