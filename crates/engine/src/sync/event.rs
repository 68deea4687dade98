//! `asyncio.Event`: a flag that tasks wait to see set.

use std::cell::Cell;
use std::fmt;
use std::future::Future as StdFuture;
use std::rc::Rc;

use crate::exception::PyResult;
use crate::sync::inspect::{actor, address, list, Meta, Reporting};
use crate::sync::waiters::Waiters;
use crate::trace::{AsSnapshot, PrimitiveKind, Snapshot};

/// `asyncio.Event()`: a flag, initially false; `set()` wakes every waiter.
/// Cloning gives another reference to the same event.
///
/// ```
/// use asyncio_engine::{create_task, run, sleep0, sync::Event, EventLoop};
///
/// let event = Event::named("ready");
/// run(&EventLoop::new(), async move {
///     let waiter = create_task(event.wait())?;
///     sleep0().await?;
///     event.set();
///     assert!(waiter.await?);
///     Ok(())
/// })
/// .unwrap();
/// ```
#[derive(Clone)]
pub struct Event(Rc<EventInner>);

struct EventInner {
    /// `_value`: set by `set()`, cleared by `clear()`.
    value: Cell<bool>,
    /// `_waiters`: the futures of tasks blocked in `wait()`.
    waiters: Waiters,
    meta: Meta,
}

/// What the inspector shows of an [`Event`]. `Display`:
/// `set waiters=[]` or `unset waiters=[Task-2, Task-3]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSnapshot {
    /// The name it is shown under.
    pub name: String,
    /// True once `set()` (until `clear()`).
    pub is_set: bool,
    /// The waiting tasks in FIFO order (woken ones that have not run yet
    /// included).
    pub waiters: Vec<String>,
}

impl AsSnapshot for EventSnapshot {
    fn as_snapshot(&self) -> Snapshot<'_> {
        Snapshot::Event { set: self.is_set, waiters: &self.waiters }
    }
}

impl fmt::Display for EventSnapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_snapshot().fmt(f)
    }
}

impl Default for Event {
    fn default() -> Self {
        Event::new()
    }
}

impl Event {
    /// `asyncio.Event()`, named `event` for the page.
    pub fn new() -> Event {
        Event::named("event")
    }

    /// `asyncio.Event()` shown as `name` on the page (its waiters wait on
    /// `Event name`).
    pub fn named(name: &str) -> Event {
        Event::with_meta(Meta::new(PrimitiveKind::Event, name))
    }

    pub(crate) fn with_meta(meta: Meta) -> Event {
        Event(Rc::new(EventInner { value: Cell::new(false), waiters: Waiters::new(), meta }))
    }

    pub(crate) fn set_reporting(&self, reporting: Reporting) {
        self.0.meta.set_reporting(reporting);
    }

    /// The name shown on the page.
    pub fn name(&self) -> &str {
        &self.0.meta.name
    }

    /// `event.is_set()`.
    pub fn is_set(&self) -> bool {
        self.0.value.get()
    }

    /// `len(event._waiters)`.
    pub fn n_waiters(&self) -> usize {
        self.0.waiters.len()
    }

    /// The list of waiting futures (`event._waiters`).
    pub fn waiters(&self) -> &Waiters {
        &self.0.waiters
    }

    /// `event.set()`: set the flag and wake every waiter that is not done.
    /// Nothing happens if the flag is already set.
    pub fn set(&self) {
        if self.0.value.get() {
            return;
        }
        self.0.value.set(true);
        let woken = self.0.waiters.first_pending(usize::MAX);
        for waiter in &woken {
            let _ = waiter.future().set_result(());
        }
        self.0.meta.emit(
            || {
                let names: Vec<String> = woken.iter().map(|w| w.task_name()).collect();
                format!("{} set, woke {}", actor(), list(&names))
            },
            || self.snapshot(),
        );
    }

    /// `event.clear()`: reset the flag. Waiters already woken still return.
    pub fn clear(&self) {
        let was_set = self.0.value.replace(false);
        if was_set {
            self.0.meta.emit(|| format!("{} cleared", actor()), || self.snapshot());
        }
    }

    /// `await event.wait()`: `Ok(true)` at once if the flag is set, otherwise
    /// once `set()` is called.
    ///
    /// # Cancellation
    /// A cancelled waiter leaves the list; nothing else is lost.
    ///
    /// # Fairness
    /// `set()` wakes all waiters at once; they resume in the order they
    /// started waiting (their futures' callbacks are scheduled in that order).
    ///
    /// # Python
    /// `Event.wait` of CPython 3.11.7: a waiter woken by `set()` returns
    /// `True` even if `clear()` ran before it resumed.
    ///
    /// # Errors
    /// `CancelledError`; `RuntimeError` when the event is bound to another
    /// loop or no loop runs.
    pub fn wait(&self) -> impl StdFuture<Output = PyResult<bool>> + 'static {
        let event = self.clone();
        async move { event.wait_inner().await }
    }

    pub(crate) async fn wait_inner(&self) -> PyResult<bool> {
        if self.0.value.get() {
            return Ok(true);
        }
        let future = self.0.meta.new_waiter(|| self.repr())?;
        let entry = self.0.waiters.append(future);
        self.0.meta.emit(|| format!("{} waits", actor()), || self.snapshot());
        let outcome = entry.future().clone().await;
        // `finally: self._waiters.remove(fut)`.
        entry.remove();
        if let Err(exc) = outcome {
            if exc.is_cancelled() {
                self.0.meta.emit(|| format!("{} cancelled", actor()), || self.snapshot());
            }
            return Err(exc);
        }
        Ok(true)
    }

    /// The event's state for the inspector.
    pub fn snapshot(&self) -> EventSnapshot {
        EventSnapshot {
            name: self.name().to_string(),
            is_set: self.is_set(),
            waiters: self.0.waiters.task_names(),
        }
    }

    /// `repr(event)`: `<asyncio.locks.Event object at 0x... [unset, waiters:1]>`.
    pub fn repr(&self) -> String {
        let mut extra = if self.is_set() { "set" } else { "unset" }.to_string();
        if !self.0.waiters.is_empty() {
            extra.push_str(&format!(", waiters:{}", self.0.waiters.len()));
        }
        format!("<asyncio.locks.Event object at {} [{extra}]>", address(&self.0))
    }

    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &Event) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}
