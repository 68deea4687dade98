//! `asyncio.Lock`: a mutual-exclusion lock that tasks acquire in FIFO order.

use std::cell::{Cell, OnceCell, RefCell};
use std::fmt;
use std::future::Future as StdFuture;
use std::rc::{Rc, Weak};

use crate::exception::{Exception, PyResult};
use crate::future::LabelFn;
use crate::sync::inspect::{actor, address, Meta, Reporting};
use crate::sync::waiters::{Waiter, Waiters};
use crate::task::{current_task, AnyTask};
use crate::trace::{AsSnapshot, PrimitiveKind, Snapshot};

/// `asyncio.Lock()`: a primitive lock, locked or unlocked, owned by no task in
/// particular (any task may release it). Cloning gives another reference to
/// the same lock.
///
/// ```
/// use asyncio_engine::{run, sync::Lock, EventLoop};
///
/// let lock = Lock::named("lock");
/// run(&EventLoop::new(), async move {
///     {
///         let _held = lock.acquire_guard().await?; // async with lock:
///         assert!(lock.locked());
///     }
///     assert!(!lock.locked());
///     Ok(())
/// })
/// .unwrap();
/// ```
#[derive(Clone)]
pub struct Lock(pub(crate) Rc<LockInner>);

pub(crate) struct LockInner {
    /// `_locked`: set by `acquire()`, cleared by `release()`.
    locked: Cell<bool>,
    /// `_waiters`: the futures of tasks blocked in `acquire()`.
    waiters: Waiters,
    /// The task that acquired the lock last, for the inspector only: Python's
    /// lock has no owner and any task may release it.
    owner: RefCell<Option<Weak<dyn AnyTask>>>,
    pub(crate) meta: Meta,
    /// The label function of its waiter futures (`Lock lock (held by
    /// Task-1)`), made at the first wait and shared by every waiter.
    describe: OnceCell<LabelFn>,
}

/// What the inspector shows of a [`Lock`]. `Display`:
/// `locked owner=Task-2 waiters=[Task-3, Task-4]` or `unlocked waiters=[]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockSnapshot {
    /// The name it is shown under.
    pub name: String,
    /// True while held.
    pub locked: bool,
    /// The task that acquired the lock, while it is locked.
    pub owner: Option<String>,
    /// The waiting tasks in FIFO order (woken ones that have not run yet
    /// included, as they are still in `_waiters`).
    pub waiters: Vec<String>,
}

impl AsSnapshot for LockSnapshot {
    fn as_snapshot(&self) -> Snapshot<'_> {
        Snapshot::Lock { locked: self.locked, owner: self.owner.as_deref(), waiters: &self.waiters }
    }
}

impl fmt::Display for LockSnapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_snapshot().fmt(f)
    }
}

impl Default for Lock {
    fn default() -> Self {
        Lock::new()
    }
}

impl Lock {
    /// `asyncio.Lock()`, named `lock` for the page.
    pub fn new() -> Lock {
        Lock::named("lock")
    }

    /// `asyncio.Lock()` shown as `name` on the page (and its waiters as
    /// waiting on `Lock name`).
    pub fn named(name: &str) -> Lock {
        Lock::with_meta(Meta::new(PrimitiveKind::Lock, name))
    }

    pub(crate) fn with_meta(meta: Meta) -> Lock {
        Lock(Rc::new(LockInner {
            locked: Cell::new(false),
            waiters: Waiters::new(),
            owner: RefCell::new(None),
            meta,
            describe: OnceCell::new(),
        }))
    }

    pub(crate) fn set_reporting(&self, reporting: Reporting) {
        self.0.meta.set_reporting(reporting);
    }

    /// The name shown on the page.
    pub fn name(&self) -> &str {
        &self.0.meta.name
    }

    /// `lock.locked()`: true if the lock is acquired.
    pub fn locked(&self) -> bool {
        self.0.locked.get()
    }

    /// `len(lock._waiters)`: the futures in the waiting list, woken ones that
    /// have not resumed yet included.
    pub fn n_waiters(&self) -> usize {
        self.0.waiters.len()
    }

    /// The list of waiting futures (`lock._waiters`).
    pub fn waiters(&self) -> &Waiters {
        &self.0.waiters
    }

    /// `await lock.acquire()`: lock it, waiting while another task holds it;
    /// always `Ok(true)` once acquired. Pair it with [`release`](Self::release),
    /// or use [`acquire_guard`](Self::acquire_guard) for `async with`.
    ///
    /// The lock is taken at once only when it is unlocked and no live task
    /// waits (every waiter is cancelled); otherwise the task joins the
    /// waiters and takes the lock when woken.
    ///
    /// # Cancellation
    /// A cancelled waiter leaves the list and does not take the lock. If it
    /// had already been woken (the lock was released to it) and the lock is
    /// still free, it wakes the next waiter, so a hand-over is never lost.
    ///
    /// # Fairness
    /// FIFO: `release()` wakes the first waiter, which takes the lock when it
    /// runs one iteration later. A task calling `acquire()` in between finds
    /// the woken waiter still listed (not cancelled) and queues behind.
    ///
    /// # Python
    /// `Lock.acquire` of CPython 3.11.7 line by line, including the
    /// `finally: remove` before the `except CancelledError` hand-over.
    ///
    /// # Errors
    /// `CancelledError`; `RuntimeError` when the lock is bound to another loop
    /// or no loop runs.
    pub fn acquire(&self) -> impl StdFuture<Output = PyResult<bool>> + 'static {
        let lock = self.clone();
        async move { lock.acquire_inner().await }
    }

    /// `async with lock:` — acquire, and release when the guard is dropped.
    ///
    /// # Cancellation
    /// As [`acquire`](Self::acquire): a task cancelled while waiting never
    /// gets a guard.
    ///
    /// # Fairness
    /// As [`acquire`](Self::acquire).
    ///
    /// # Python
    /// `__aenter__` awaits `acquire()`; dropping the guard is `__aexit__`,
    /// which calls `release()` synchronously, at the point where the block is
    /// left (normally, by `?`, or by `return`).
    ///
    /// # Errors
    /// As [`acquire`](Self::acquire).
    #[doc(alias = "async with")]
    #[doc(alias = "__aenter__")]
    pub fn acquire_guard(&self) -> impl StdFuture<Output = PyResult<LockGuard>> + 'static {
        let lock = self.clone();
        async move {
            lock.acquire_inner().await?;
            Ok(LockGuard::new(lock))
        }
    }

    pub(crate) async fn acquire_inner(&self) -> PyResult<bool> {
        let inner = &*self.0;
        if !inner.locked.get() && inner.waiters.all_cancelled() {
            self.take();
            return Ok(true);
        }
        let future = inner.meta.new_waiter(|| self.repr())?;
        future.set_label_fn(self.describer());
        let entry = inner.waiters.append(future);
        inner.meta.emit(|| format!("{} waits", actor()), || self.snapshot());
        let outcome = entry.future().clone().await;
        // `finally: self._waiters.remove(fut)` runs before the `except`, so a
        // cancelled waiter never wakes itself.
        entry.remove();
        if let Err(exc) = outcome {
            if exc.is_cancelled() {
                let woke = if inner.locked.get() { None } else { self.wake_up_first() };
                inner.meta.emit(
                    || match woke {
                        Some(next) => format!("{} cancelled, woke {}", actor(), next.task_name()),
                        None => format!("{} cancelled", actor()),
                    },
                    || self.snapshot(),
                );
            }
            return Err(exc);
        }
        self.take();
        Ok(true)
    }

    /// What a task waiting for this lock waits on, naming the task holding it:
    /// `Lock lock (held by Task-1)` (just the label when no task holds it).
    fn describer(&self) -> LabelFn {
        self.0
            .describe
            .get_or_init(|| {
                let lock = Rc::downgrade(&self.0);
                let label = self.0.meta.label.clone();
                Rc::new(move || {
                    let holder = lock.upgrade().and_then(|inner| {
                        if !inner.locked.get() {
                            return None;
                        }
                        let owner = inner.owner.borrow().as_ref().and_then(Weak::upgrade);
                        owner.map(|t| t.name())
                    });
                    match holder {
                        Some(holder) => format!("{label} (held by {holder})"),
                        None => label.to_string(),
                    }
                })
            })
            .clone()
    }

    fn take(&self) {
        self.0.locked.set(true);
        *self.0.owner.borrow_mut() = current_task().map(|t| Rc::downgrade(&t));
        self.0.meta.emit(|| format!("{} acquired", actor()), || self.snapshot());
    }

    /// `lock.release()`: unlock and wake the first waiter, if it is not
    /// already woken.
    ///
    /// # Python
    /// Any task (or callback) may release, as in CPython.
    ///
    /// # Errors
    /// `RuntimeError: Lock is not acquired.` when unlocked.
    pub fn release(&self) -> PyResult<()> {
        if !self.0.locked.get() {
            return Err(Exception::runtime_error("Lock is not acquired."));
        }
        self.0.locked.set(false);
        *self.0.owner.borrow_mut() = None;
        let woke = self.wake_up_first();
        self.0.meta.emit(
            || match woke {
                Some(next) => format!("{} released, woke {}", actor(), next.task_name()),
                None => format!("{} released", actor()),
            },
            || self.snapshot(),
        );
        Ok(())
    }

    /// `_wake_up_first()`: wake the first waiter unless it is done. A done
    /// first waiter will run anyway and either take the lock or, cancelled,
    /// wake the next one. Returns the woken waiter (its task's name is read
    /// only by the trace event, when a tracer listens).
    fn wake_up_first(&self) -> Option<Waiter> {
        let first = self.0.waiters.first()?;
        if first.future().done() {
            return None;
        }
        let _ = first.future().set_result(());
        Some(first)
    }

    /// The lock's state for the inspector.
    pub fn snapshot(&self) -> LockSnapshot {
        let locked = self.0.locked.get();
        let owner = if locked {
            self.0.owner.borrow().as_ref().and_then(Weak::upgrade).map(|t| t.name())
        } else {
            None
        };
        LockSnapshot { name: self.name().to_string(), locked, owner, waiters: self.0.waiters.task_names() }
    }

    /// `repr(lock)`: `<asyncio.locks.Lock object at 0x... [locked, waiters:1]>`
    /// (the address is the engine's, not Python's).
    pub fn repr(&self) -> String {
        let mut extra = if self.locked() { "locked" } else { "unlocked" }.to_string();
        if !self.0.waiters.is_empty() {
            extra.push_str(&format!(", waiters:{}", self.0.waiters.len()));
        }
        format!("<asyncio.locks.Lock object at {} [{extra}]>", address(&self.0))
    }

    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &Lock) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Lock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

/// A held [`Lock`] (or [`Condition`](crate::sync::Condition)'s lock): the
/// body of an `async with lock:` block. Dropping it releases the lock.
///
/// # Python
/// Drop is `__aexit__`: it calls `release()` at once. An error from that
/// release (the lock was already released by hand inside the block, which
/// raises `RuntimeError` in Python) is ignored by drop; call
/// [`LockGuard::release`] to see it.
#[must_use = "dropping the guard releases the lock at once"]
pub struct LockGuard {
    lock: Lock,
    armed: bool,
}

impl LockGuard {
    pub(crate) fn new(lock: Lock) -> LockGuard {
        LockGuard { lock, armed: true }
    }

    /// Leave the block now: `__aexit__` with its error.
    ///
    /// # Errors
    /// `RuntimeError: Lock is not acquired.` if the lock was released by hand.
    pub fn release(mut self) -> PyResult<()> {
        self.armed = false;
        self.lock.release()
    }

    /// The lock this guard holds.
    pub fn lock(&self) -> &Lock {
        &self.lock
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        if self.armed {
            self.armed = false;
            let _ = self.lock.release();
        }
    }
}

impl fmt::Debug for LockGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LockGuard").field("lock", &self.lock).finish()
    }
}
