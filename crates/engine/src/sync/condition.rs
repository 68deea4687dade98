//! `asyncio.Condition`: a lock plus a list of tasks waiting to be notified.

use std::fmt;
use std::future::Future as StdFuture;
use std::rc::{Rc, Weak};

use crate::exception::{Exception, PyResult};
use crate::sync::inspect::{actor, address, list, Meta, Reporter, Reporting};
use crate::sync::lock::{Lock, LockGuard};
use crate::sync::waiters::Waiters;
use crate::trace::{AsSnapshot, PrimitiveKind, Snapshot};

/// `asyncio.Condition(lock=None)`: tasks holding the lock `wait()` until
/// another task holding it calls `notify()`. Cloning gives another reference
/// to the same condition.
///
/// ```
/// use asyncio_engine::{create_task, run, sleep0, sync::Condition, EventLoop};
///
/// let cond = Condition::named("cond");
/// run(&EventLoop::new(), async move {
///     let consumer = {
///         let cond = cond.clone();
///         create_task(async move {
///             let _held = cond.acquire_guard().await?; // async with cond:
///             cond.wait().await                        //     await cond.wait()
///         })?
///     };
///     sleep0().await?;
///     {
///         let _held = cond.acquire_guard().await?;
///         cond.notify(1)?;
///     }
///     assert!(consumer.await?);
///     Ok(())
/// })
/// .unwrap();
/// ```
#[derive(Clone)]
pub struct Condition(Rc<ConditionInner>);

pub(crate) struct ConditionInner {
    /// `_lock`: created by the condition, or given to it and shared.
    lock: Lock,
    /// `_waiters`: the futures of tasks blocked in `wait()`.
    waiters: Waiters,
    pub(crate) meta: Meta,
}

/// What the inspector shows of a [`Condition`]. `Display`:
/// `locked owner=Task-1 waiters=[Task-2] lock_waiters=[Task-4]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionSnapshot {
    /// The name it is shown under.
    pub name: String,
    /// True while its lock is held.
    pub locked: bool,
    /// The task that acquired the lock, while it is locked.
    pub owner: Option<String>,
    /// Tasks waiting to be notified, in FIFO order.
    pub waiters: Vec<String>,
    /// Tasks waiting to (re-)acquire the lock, in FIFO order.
    pub lock_waiters: Vec<String>,
}

impl AsSnapshot for ConditionSnapshot {
    fn as_snapshot(&self) -> Snapshot<'_> {
        Snapshot::Condition {
            locked: self.locked,
            owner: self.owner.as_deref(),
            waiters: &self.waiters,
            lock_waiters: &self.lock_waiters,
        }
    }
}

impl fmt::Display for ConditionSnapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_snapshot().fmt(f)
    }
}

impl Default for Condition {
    fn default() -> Self {
        Condition::new()
    }
}

impl Condition {
    /// `asyncio.Condition()`, named `condition` for the page.
    pub fn new() -> Condition {
        Condition::named("condition")
    }

    /// `asyncio.Condition()` shown as `name` on the page. Tasks waiting to be
    /// notified wait on `Condition name`, tasks waiting for its lock on
    /// `Condition name (lock)`.
    pub fn named(name: &str) -> Condition {
        let lock =
            Lock::with_meta(Meta::labelled(PrimitiveKind::Lock, name, format!("Condition {name} (lock)")));
        let cond = Condition::build(Meta::new(PrimitiveKind::Condition, name), lock.clone());
        // The condition's own lock shows as part of the condition.
        let owner: Weak<dyn Reporter> = Rc::downgrade(&cond.0) as Weak<dyn Reporter>;
        lock.set_reporting(Reporting::Owner(owner));
        cond
    }

    /// `asyncio.Condition(lock)`, named `condition`: the lock is shared and
    /// keeps its own name on the page.
    pub fn with_lock(lock: Lock) -> Condition {
        Condition::named_with_lock("condition", lock)
    }

    /// `asyncio.Condition(lock)` shown as `name`.
    pub fn named_with_lock(name: &str, lock: Lock) -> Condition {
        Condition::build(Meta::new(PrimitiveKind::Condition, name), lock)
    }

    /// A condition whose waiter futures carry `label` and whose lock waiters
    /// carry the lock's label (for primitives built on a condition).
    pub(crate) fn internal(name: &str, label: &str) -> Condition {
        let lock = Lock::with_meta(Meta::labelled(PrimitiveKind::Lock, name, label.to_string()));
        lock.set_reporting(Reporting::Quiet);
        let cond = Condition::build(Meta::labelled(PrimitiveKind::Condition, name, label.to_string()), lock);
        cond.0.meta.set_reporting(Reporting::Quiet);
        cond
    }

    fn build(meta: Meta, lock: Lock) -> Condition {
        Condition(Rc::new(ConditionInner { lock, waiters: Waiters::new(), meta }))
    }

    /// The name shown on the page.
    pub fn name(&self) -> &str {
        &self.0.meta.name
    }

    /// `cond._lock`.
    pub fn lock(&self) -> &Lock {
        &self.0.lock
    }

    /// `cond.locked()`: the lock's `locked()`.
    pub fn locked(&self) -> bool {
        self.0.lock.locked()
    }

    /// `len(cond._waiters)`.
    pub fn n_waiters(&self) -> usize {
        self.0.waiters.len()
    }

    /// The list of futures waiting to be notified (`cond._waiters`).
    pub fn waiters(&self) -> &Waiters {
        &self.0.waiters
    }

    /// `await cond.acquire()`: the lock's [`Lock::acquire`].
    ///
    /// # Cancellation
    /// As [`Lock::acquire`].
    ///
    /// # Fairness
    /// As [`Lock::acquire`].
    ///
    /// # Python
    /// `Condition.acquire` is the lock's bound method.
    ///
    /// # Errors
    /// As [`Lock::acquire`].
    pub fn acquire(&self) -> impl StdFuture<Output = PyResult<bool>> + 'static {
        self.0.lock.acquire()
    }

    /// `async with cond:` — acquire the lock, release it when the guard is
    /// dropped.
    ///
    /// # Cancellation
    /// As [`Lock::acquire`].
    ///
    /// # Fairness
    /// As [`Lock::acquire`].
    ///
    /// # Python
    /// Drop is `__aexit__`, a synchronous `release()`.
    ///
    /// # Errors
    /// As [`Lock::acquire`].
    #[doc(alias = "async with")]
    #[doc(alias = "__aenter__")]
    pub fn acquire_guard(&self) -> impl StdFuture<Output = PyResult<LockGuard>> + 'static {
        self.0.lock.acquire_guard()
    }

    /// `cond.release()`: the lock's [`Lock::release`].
    ///
    /// # Errors
    /// `RuntimeError: Lock is not acquired.`
    pub fn release(&self) -> PyResult<()> {
        self.0.lock.release()
    }

    /// `await cond.wait()`: release the lock, wait to be notified, then
    /// re-acquire the lock; `Ok(true)`.
    ///
    /// # Cancellation
    /// The lock is re-acquired even when the task is cancelled, while waiting
    /// for the notification or while re-acquiring (every cancellation during
    /// the re-acquire is absorbed, then re-raised as a fresh
    /// `CancelledError`). The caller holds the lock whenever `wait()`
    /// returns, `Ok` or `Err`. A notification received just before the
    /// cancellation is consumed.
    ///
    /// # Fairness
    /// Waiters are notified in FIFO order; once notified they queue for the
    /// lock like any other acquirer.
    ///
    /// # Python
    /// `Condition.wait` of CPython 3.11.7 line by line (3.11 does not yet
    /// pass a consumed notification on to another waiter).
    ///
    /// # Errors
    /// `RuntimeError: cannot wait on un-acquired lock`; `CancelledError`;
    /// `RuntimeError` when bound to another loop.
    pub fn wait(&self) -> impl StdFuture<Output = PyResult<bool>> + 'static {
        let cond = self.clone();
        async move { cond.wait_inner().await }
    }

    pub(crate) async fn wait_inner(&self) -> PyResult<bool> {
        if !self.locked() {
            return Err(Exception::runtime_error("cannot wait on un-acquired lock"));
        }
        self.release()?;
        // try:
        let waited: PyResult<bool> = async {
            let future = self.0.meta.new_waiter(|| self.repr())?;
            let entry = self.0.waiters.append(future);
            self.0.meta.emit(|| format!("{} waits", actor()), || self.snapshot());
            let outcome = entry.future().clone().await;
            // `finally: self._waiters.remove(fut)`.
            entry.remove();
            outcome.map(|()| true)
        }
        .await;
        // finally: must reacquire the lock even if the wait is cancelled.
        let mut cancelled = false;
        loop {
            match self.0.lock.acquire_inner().await {
                Ok(_) => break,
                Err(exc) if exc.is_cancelled() => cancelled = true,
                Err(exc) => return Err(exc),
            }
        }
        if cancelled {
            return Err(Exception::cancelled(None));
        }
        waited
    }

    /// `await cond.wait_for(predicate)`: wait until `predicate()` is true;
    /// `Ok(true)`. The predicate is checked first, and again after each
    /// wake-up, with the lock held.
    ///
    /// # Cancellation
    /// As [`wait`](Self::wait): the lock is held on return.
    ///
    /// # Fairness
    /// As [`wait`](Self::wait).
    ///
    /// # Python
    /// Python returns the predicate's last (truthy) value; here the predicate
    /// returns `bool`.
    ///
    /// # Errors
    /// As [`wait`](Self::wait) (only when the predicate is false at first).
    pub fn wait_for(
        &self,
        mut predicate: impl FnMut() -> bool + 'static,
    ) -> impl StdFuture<Output = PyResult<bool>> + 'static {
        let cond = self.clone();
        async move {
            let mut result = predicate();
            while !result {
                cond.wait_inner().await?;
                result = predicate();
            }
            Ok(result)
        }
    }

    /// `cond.notify(n)`: wake up to `n` waiters that are not already woken,
    /// in FIFO order. They return from `wait()` once they re-acquire the
    /// lock, so the caller should release it.
    ///
    /// # Errors
    /// `RuntimeError: cannot notify on un-acquired lock`.
    pub fn notify(&self, n: usize) -> PyResult<()> {
        if !self.locked() {
            return Err(Exception::runtime_error("cannot notify on un-acquired lock"));
        }
        let woken = self.0.waiters.first_pending(n);
        for waiter in &woken {
            let _ = waiter.future().set_result(());
        }
        self.0.meta.emit(
            || {
                let names: Vec<String> = woken.iter().map(|w| w.task_name()).collect();
                format!("{} notified {}", actor(), list(&names))
            },
            || self.snapshot(),
        );
        Ok(())
    }

    /// `cond.notify_all()`: `notify(len(waiters))`.
    ///
    /// # Errors
    /// `RuntimeError: cannot notify on un-acquired lock`.
    pub fn notify_all(&self) -> PyResult<()> {
        self.notify(self.0.waiters.len())
    }

    /// The condition's state for the inspector.
    pub fn snapshot(&self) -> ConditionSnapshot {
        self.0.snapshot()
    }

    /// `repr(cond)`: `<asyncio.locks.Condition object at 0x... [locked, waiters:1]>`.
    pub fn repr(&self) -> String {
        let mut extra = if self.locked() { "locked" } else { "unlocked" }.to_string();
        if !self.0.waiters.is_empty() {
            extra.push_str(&format!(", waiters:{}", self.0.waiters.len()));
        }
        format!("<asyncio.locks.Condition object at {} [{extra}]>", address(&self.0))
    }

    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &Condition) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl ConditionInner {
    fn snapshot(&self) -> ConditionSnapshot {
        let lock = self.lock.snapshot();
        ConditionSnapshot {
            name: self.meta.name.to_string(),
            locked: lock.locked,
            owner: lock.owner,
            waiters: self.waiters.task_names(),
            lock_waiters: lock.waiters,
        }
    }
}

impl Reporter for ConditionInner {
    /// The condition's own lock changed: show it as the condition.
    fn report(&self, action: String) {
        self.meta.emit(|| action, || self.snapshot());
    }
}

impl fmt::Debug for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}
