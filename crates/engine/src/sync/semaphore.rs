//! `asyncio.Semaphore` and `asyncio.BoundedSemaphore`: a counter that
//! `acquire()` decrements, waiting while it is zero.

use std::cell::Cell;
use std::fmt;
use std::future::Future as StdFuture;
use std::rc::Rc;

use crate::exception::{Exception, PyResult};
use crate::sync::inspect::{actor, address, Meta};
use crate::sync::waiters::{Waiter, Waiters};
use crate::trace::{AsSnapshot, PrimitiveKind, Snapshot};

/// `asyncio.Semaphore(value)`: `acquire()` takes one unit of `value`, waiting
/// while none is free; `release()` gives one back. Cloning gives another
/// reference to the same semaphore.
///
/// ```
/// use asyncio_engine::{create_task, run, sleep, sync::Semaphore, EventLoop};
///
/// let sema = Semaphore::named("sema", 2).unwrap();
/// run(&EventLoop::new(), async move {
///     let mut tasks = Vec::new();
///     for _ in 0..4 {
///         let sema = sema.clone();
///         tasks.push(create_task(async move {
///             let _permit = sema.acquire_guard().await?; // async with sema:
///             sleep(1.0).await
///         })?);
///     }
///     for task in tasks {
///         task.await?;
///     }
///     Ok(())
/// })
/// .unwrap();
/// ```
#[derive(Clone)]
pub struct Semaphore(Rc<SemaphoreInner>);

struct SemaphoreInner {
    /// `_value`: free units. Lowered by the fast path of `acquire()` and by
    /// `_wake_up_next()` (which reserves a unit for the woken waiter), raised
    /// by `release()` and by a woken waiter that is cancelled before running.
    value: Cell<i64>,
    /// `_bound_value` of a `BoundedSemaphore`.
    bound: Option<i64>,
    /// `_waiters`: the futures of tasks blocked in `acquire()`.
    waiters: Waiters,
    meta: Meta,
}

/// What the inspector shows of a [`Semaphore`] or [`BoundedSemaphore`].
/// `Display`: `value=2 waiters=[Task-3, Task-4]`, with ` bound=3` after the
/// value for a bounded semaphore.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SemaphoreSnapshot {
    /// The name it is shown under.
    pub name: String,
    /// The counter.
    pub value: i64,
    /// The initial value of a bounded semaphore.
    pub bound: Option<i64>,
    /// The waiting tasks in FIFO order (woken ones that have not run yet
    /// included).
    pub waiters: Vec<String>,
}

impl AsSnapshot for SemaphoreSnapshot {
    fn as_snapshot(&self) -> Snapshot<'_> {
        Snapshot::Semaphore { value: self.value, bound: self.bound, waiters: &self.waiters }
    }
}

impl fmt::Display for SemaphoreSnapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_snapshot().fmt(f)
    }
}

impl Semaphore {
    /// `asyncio.Semaphore(value)`, named `semaphore` for the page.
    ///
    /// # Errors
    /// `ValueError: Semaphore initial value must be >= 0`.
    pub fn new(value: i64) -> PyResult<Semaphore> {
        Semaphore::named("semaphore", value)
    }

    /// `asyncio.Semaphore(value)` shown as `name` on the page (its waiters
    /// wait on `Semaphore name`).
    ///
    /// # Errors
    /// `ValueError: Semaphore initial value must be >= 0`.
    pub fn named(name: &str, value: i64) -> PyResult<Semaphore> {
        Semaphore::build(Meta::new(PrimitiveKind::Semaphore, name), value, None)
    }

    fn build(meta: Meta, value: i64, bound: Option<i64>) -> PyResult<Semaphore> {
        if value < 0 {
            return Err(Exception::value_error("Semaphore initial value must be >= 0"));
        }
        Ok(Semaphore(Rc::new(SemaphoreInner {
            value: Cell::new(value),
            bound,
            waiters: Waiters::new(),
            meta,
        })))
    }

    /// The name shown on the page.
    pub fn name(&self) -> &str {
        &self.0.meta.name
    }

    /// `sem._value`: the free units.
    pub fn value(&self) -> i64 {
        self.0.value.get()
    }

    /// `len(sem._waiters)`.
    pub fn n_waiters(&self) -> usize {
        self.0.waiters.len()
    }

    /// The list of waiting futures (`sem._waiters`).
    pub fn waiters(&self) -> &Waiters {
        &self.0.waiters
    }

    /// `sem.locked()`: true if `acquire()` would wait, that is when no unit
    /// is free or some task that is not cancelled already waits.
    pub fn locked(&self) -> bool {
        self.0.value.get() == 0 || !self.0.waiters.all_cancelled()
    }

    /// `await sem.acquire()`: take one unit, waiting while none is free (or
    /// while others wait); always `Ok(true)` once acquired. Pair it with
    /// [`release`](Self::release), or use
    /// [`acquire_guard`](Self::acquire_guard) for `async with`.
    ///
    /// # Cancellation
    /// A waiter cancelled before it was woken just leaves. A waiter cancelled
    /// after `_wake_up_next()` reserved a unit for it gives the unit back and
    /// wakes the next waiter, so no unit is lost.
    ///
    /// # Fairness
    /// FIFO, as in CPython 3.11.7: `release()` reserves the unit for the first
    /// waiter (the value does not rise), so a newcomer cannot overtake it; a
    /// woken waiter that finds units left wakes the next one.
    ///
    /// # Python
    /// `Semaphore.acquire` and `_wake_up_next` of CPython 3.11.7 line by line.
    ///
    /// # Errors
    /// `CancelledError`; `RuntimeError` when the semaphore is bound to
    /// another loop or no loop runs.
    pub fn acquire(&self) -> impl StdFuture<Output = PyResult<bool>> + 'static {
        let sem = self.clone();
        async move { sem.acquire_inner().await }
    }

    /// `async with sem:` — acquire, and release when the guard is dropped.
    ///
    /// # Cancellation
    /// As [`acquire`](Self::acquire): a cancelled task never gets a guard.
    ///
    /// # Fairness
    /// As [`acquire`](Self::acquire).
    ///
    /// # Python
    /// Drop is `__aexit__`: a synchronous `release()`.
    ///
    /// # Errors
    /// As [`acquire`](Self::acquire).
    #[doc(alias = "async with")]
    #[doc(alias = "__aenter__")]
    pub fn acquire_guard(&self) -> impl StdFuture<Output = PyResult<SemaphoreGuard>> + 'static {
        let sem = self.clone();
        async move {
            sem.acquire_inner().await?;
            Ok(SemaphoreGuard { sem, armed: true })
        }
    }

    async fn acquire_inner(&self) -> PyResult<bool> {
        let inner = &*self.0;
        if !self.locked() {
            inner.value.set(inner.value.get() - 1);
            inner.meta.emit(|| format!("{} acquired", actor()), || self.snapshot());
            return Ok(true);
        }
        let future = inner.meta.new_waiter(|| self.repr())?;
        let entry = inner.waiters.append(future);
        inner.meta.emit(|| format!("{} waits", actor()), || self.snapshot());
        let outcome = entry.future().clone().await;
        // `finally: self._waiters.remove(fut)`, before the `except`.
        entry.remove();
        if let Err(exc) = outcome {
            if exc.is_cancelled() {
                let mut woke = None;
                if !entry.future().cancelled() {
                    // Woken, then cancelled: give the reserved unit back.
                    inner.value.set(inner.value.get() + 1);
                    woke = self.wake_up_next();
                }
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
        let woke = if inner.value.get() > 0 { self.wake_up_next() } else { None };
        inner.meta.emit(
            || match woke {
                Some(next) => format!("{} acquired, woke {}", actor(), next.task_name()),
                None => format!("{} acquired", actor()),
            },
            || self.snapshot(),
        );
        Ok(true)
    }

    /// `sem.release()`: give a unit back and wake the first waiter that is
    /// not already woken, reserving the unit for it.
    ///
    /// # Python
    /// An unbounded semaphore may be released more often than acquired.
    pub fn release(&self) {
        self.release_unbounded();
    }

    fn release_unbounded(&self) {
        self.0.value.set(self.0.value.get() + 1);
        let woke = self.wake_up_next();
        self.0.meta.emit(
            || match woke {
                Some(next) => format!("{} released, woke {}", actor(), next.task_name()),
                None => format!("{} released", actor()),
            },
            || self.snapshot(),
        );
    }

    /// `BoundedSemaphore.release()`, or `Semaphore.release()` for an unbounded
    /// one.
    fn release_checked(&self) -> PyResult<()> {
        if let Some(bound) = self.0.bound {
            if self.0.value.get() >= bound {
                return Err(Exception::value_error("BoundedSemaphore released too many times"));
            }
        }
        self.release_unbounded();
        Ok(())
    }

    /// `_wake_up_next()`: wake the first waiter that is not done, taking one
    /// unit for it. Returns the woken waiter (its task's name is read only by
    /// the trace event, when a tracer listens).
    fn wake_up_next(&self) -> Option<Waiter> {
        let next = self.0.waiters.first_not_done()?;
        self.0.value.set(self.0.value.get() - 1);
        let _ = next.future().set_result(());
        Some(next)
    }

    /// The semaphore's state for the inspector.
    pub fn snapshot(&self) -> SemaphoreSnapshot {
        SemaphoreSnapshot {
            name: self.name().to_string(),
            value: self.value(),
            bound: self.0.bound,
            waiters: self.0.waiters.task_names(),
        }
    }

    /// `repr(sem)`: `<asyncio.locks.Semaphore object at 0x... [unlocked, value:1]>`.
    pub fn repr(&self) -> String {
        let class = if self.0.bound.is_some() { "BoundedSemaphore" } else { "Semaphore" };
        let mut extra =
            if self.locked() { "locked".to_string() } else { format!("unlocked, value:{}", self.value()) };
        if !self.0.waiters.is_empty() {
            extra.push_str(&format!(", waiters:{}", self.0.waiters.len()));
        }
        format!("<asyncio.locks.{class} object at {} [{extra}]>", address(&self.0))
    }

    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &Semaphore) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Semaphore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

/// `asyncio.BoundedSemaphore(value)`: a [`Semaphore`] whose `release()`
/// refuses to raise the value above its initial value. Cloning gives another
/// reference to the same semaphore.
///
/// ```
/// use asyncio_engine::sync::BoundedSemaphore;
///
/// let sema = BoundedSemaphore::new(1).unwrap();
/// let err = sema.release().unwrap_err();
/// assert_eq!(err.to_string(), "ValueError: BoundedSemaphore released too many times");
/// ```
#[derive(Clone)]
pub struct BoundedSemaphore(Semaphore);

impl BoundedSemaphore {
    /// `asyncio.BoundedSemaphore(value)`, named `semaphore` for the page.
    ///
    /// # Errors
    /// `ValueError: Semaphore initial value must be >= 0`.
    pub fn new(value: i64) -> PyResult<BoundedSemaphore> {
        BoundedSemaphore::named("semaphore", value)
    }

    /// `asyncio.BoundedSemaphore(value)` shown as `name` (its waiters wait on
    /// `BoundedSemaphore name`).
    ///
    /// # Errors
    /// `ValueError: Semaphore initial value must be >= 0`.
    pub fn named(name: &str, value: i64) -> PyResult<BoundedSemaphore> {
        Semaphore::build(Meta::new(PrimitiveKind::BoundedSemaphore, name), value, Some(value))
            .map(BoundedSemaphore)
    }

    /// The name shown on the page.
    pub fn name(&self) -> &str {
        self.0.name()
    }
    /// `sem._value`.
    pub fn value(&self) -> i64 {
        self.0.value()
    }
    /// `sem._bound_value`: the initial value.
    pub fn bound(&self) -> i64 {
        self.0 .0.bound.unwrap_or_default()
    }
    /// `len(sem._waiters)`.
    pub fn n_waiters(&self) -> usize {
        self.0.n_waiters()
    }
    /// The list of waiting futures (`sem._waiters`).
    pub fn waiters(&self) -> &Waiters {
        self.0.waiters()
    }
    /// `sem.locked()`, as [`Semaphore::locked`].
    pub fn locked(&self) -> bool {
        self.0.locked()
    }

    /// `await sem.acquire()`, as [`Semaphore::acquire`].
    ///
    /// # Cancellation
    /// As [`Semaphore::acquire`].
    ///
    /// # Fairness
    /// As [`Semaphore::acquire`].
    ///
    /// # Python
    /// Inherited from `Semaphore`.
    ///
    /// # Errors
    /// As [`Semaphore::acquire`].
    pub fn acquire(&self) -> impl StdFuture<Output = PyResult<bool>> + 'static {
        self.0.acquire()
    }

    /// `async with sem:`, as [`Semaphore::acquire_guard`].
    ///
    /// # Cancellation
    /// As [`Semaphore::acquire`].
    ///
    /// # Fairness
    /// As [`Semaphore::acquire`].
    ///
    /// # Python
    /// Drop is `__aexit__`; a `ValueError` from an over-release is ignored by
    /// drop (see [`SemaphoreGuard::release`]).
    ///
    /// # Errors
    /// As [`Semaphore::acquire`].
    #[doc(alias = "async with")]
    #[doc(alias = "__aenter__")]
    pub fn acquire_guard(&self) -> impl StdFuture<Output = PyResult<SemaphoreGuard>> + 'static {
        self.0.acquire_guard()
    }

    /// `sem.release()`.
    ///
    /// # Errors
    /// `ValueError: BoundedSemaphore released too many times` when the value
    /// is already at its bound.
    pub fn release(&self) -> PyResult<()> {
        self.0.release_checked()
    }

    /// The semaphore's state for the inspector.
    pub fn snapshot(&self) -> SemaphoreSnapshot {
        self.0.snapshot()
    }

    /// `repr(sem)`.
    pub fn repr(&self) -> String {
        self.0.repr()
    }

    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &BoundedSemaphore) -> bool {
        self.0.ptr_eq(&other.0)
    }
}

impl fmt::Debug for BoundedSemaphore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

/// A unit held from a [`Semaphore`] or [`BoundedSemaphore`]: the body of an
/// `async with sem:` block. Dropping it releases the unit.
///
/// # Python
/// Drop is `__aexit__`: it calls `release()` at once. For a bounded
/// semaphore released by hand inside the block, Python's `__aexit__` raises
/// `ValueError`; drop ignores it, [`SemaphoreGuard::release`] returns it.
#[must_use = "dropping the guard releases the semaphore at once"]
pub struct SemaphoreGuard {
    sem: Semaphore,
    armed: bool,
}

impl SemaphoreGuard {
    /// Leave the block now: `__aexit__` with its error.
    ///
    /// # Errors
    /// `ValueError: BoundedSemaphore released too many times`.
    pub fn release(mut self) -> PyResult<()> {
        self.armed = false;
        self.sem.release_checked()
    }
}

impl Drop for SemaphoreGuard {
    fn drop(&mut self) {
        if self.armed {
            self.armed = false;
            let _ = self.sem.release_checked();
        }
    }
}

impl fmt::Debug for SemaphoreGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SemaphoreGuard").field("sem", &self.sem).finish()
    }
}
