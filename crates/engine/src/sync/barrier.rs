//! `asyncio.Barrier`: tasks wait until `parties` of them have arrived, then
//! all go on together.

use std::cell::Cell;
use std::fmt;
use std::future::Future as StdFuture;
use std::rc::Rc;

use crate::exception::{types, Exception, PyResult};
use crate::sync::condition::Condition;
use crate::sync::inspect::{actor, address, Meta};
pub use crate::trace::BarrierState;
use crate::trace::{AsSnapshot, PrimitiveKind, Snapshot};

/// `asyncio.Barrier(parties)`. Cloning gives another reference to the same
/// barrier.
///
/// ```
/// use asyncio_engine::{create_task, run, sync::Barrier, EventLoop};
///
/// let barrier = Barrier::named("barrier", 3).unwrap();
/// run(&EventLoop::new(), async move {
///     let mut tasks = Vec::new();
///     for _ in 0..3 {
///         tasks.push(create_task(barrier.wait())?);
///     }
///     let mut indices = Vec::new();
///     for task in tasks {
///         indices.push(task.await?);
///     }
///     assert_eq!(indices, [0, 1, 2]);
///     Ok(())
/// })
/// .unwrap();
/// ```
#[derive(Clone)]
pub struct Barrier(Rc<BarrierInner>);

struct BarrierInner {
    /// `_cond`: notifies every task when the state changes.
    cond: Condition,
    /// `_parties`.
    parties: usize,
    /// `_state`.
    state: Cell<BarrierState>,
    /// `_count`: tasks inside `wait()` past `_block()`.
    count: Cell<usize>,
    meta: Meta,
}

/// What the inspector shows of a [`Barrier`]. `Display`:
/// `filling count=2/5 waiters=[Task-2, Task-3]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarrierSnapshot {
    /// The name it is shown under.
    pub name: String,
    /// Where it is in its cycle.
    pub state: BarrierState,
    /// How many tasks trip it.
    pub parties: usize,
    /// `_count`: tasks inside the barrier.
    pub count: usize,
    /// `n_waiting`: `count` while filling, 0 otherwise.
    pub n_waiting: usize,
    /// Tasks blocked in the barrier (waiting for the state to change or for
    /// the barrier's internal lock), in FIFO order.
    pub waiters: Vec<String>,
}

impl AsSnapshot for BarrierSnapshot {
    fn as_snapshot(&self) -> Snapshot<'_> {
        Snapshot::Barrier {
            state: self.state,
            count: self.count,
            parties: self.parties,
            waiters: &self.waiters,
        }
    }
}

impl fmt::Display for BarrierSnapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_snapshot().fmt(f)
    }
}

fn broken(message: &str) -> Exception {
    Exception::new(types::BROKEN_BARRIER_ERROR, message)
}

impl Barrier {
    /// `asyncio.Barrier(parties)`, named `barrier` for the page.
    ///
    /// # Errors
    /// `ValueError: parties must be > 0`.
    pub fn new(parties: i64) -> PyResult<Barrier> {
        Barrier::named("barrier", parties)
    }

    /// `asyncio.Barrier(parties)` shown as `name` (its waiters wait on
    /// `Barrier name`).
    ///
    /// # Errors
    /// `ValueError: parties must be > 0`.
    pub fn named(name: &str, parties: i64) -> PyResult<Barrier> {
        if parties < 1 {
            return Err(Exception::value_error("parties must be > 0"));
        }
        let parties = usize::try_from(parties).map_err(|_| Exception::value_error("parties must be > 0"))?;
        let meta = Meta::new(PrimitiveKind::Barrier, name);
        let cond = Condition::internal(name, &meta.label);
        Ok(Barrier(Rc::new(BarrierInner {
            cond,
            parties,
            state: Cell::new(BarrierState::Filling),
            count: Cell::new(0),
            meta,
        })))
    }

    /// The name shown on the page.
    pub fn name(&self) -> &str {
        &self.0.meta.name
    }

    /// `barrier.parties`: the number of tasks needed to trip the barrier.
    pub fn parties(&self) -> usize {
        self.0.parties
    }

    /// `barrier.n_waiting`: the tasks waiting while it fills (0 otherwise).
    pub fn n_waiting(&self) -> usize {
        if self.0.state.get() == BarrierState::Filling {
            self.0.count.get()
        } else {
            0
        }
    }

    /// `barrier.broken`: true after `abort()`, until `reset()`.
    pub fn broken(&self) -> bool {
        self.0.state.get() == BarrierState::Broken
    }

    /// `barrier._state`.
    pub fn state(&self) -> BarrierState {
        self.0.state.get()
    }

    /// `barrier._count`: tasks inside `wait()`.
    pub fn count(&self) -> usize {
        self.0.count.get()
    }

    /// `await barrier.wait()` (also `async with barrier as index:`): wait
    /// until `parties` tasks are waiting, then return this task's arrival
    /// index, from `0` to `parties - 1`. A task arriving while the barrier
    /// drains or resets first waits for that to end.
    ///
    /// # Cancellation
    /// A task cancelled while waiting for the barrier to fill leaves it
    /// (`count` goes down, so another task can take its place); one cancelled
    /// while blocked before entering changes nothing. The internal lock is
    /// always re-acquired and released, as `Condition.wait` guarantees.
    ///
    /// # Fairness
    /// Tasks enter in the order they acquire the internal condition's lock
    /// (FIFO), so indices follow arrival order.
    ///
    /// # Python
    /// `Barrier.wait`, `_block`, `_release`, `_wait` and `_exit` of CPython
    /// 3.11.7, on an `asyncio.Condition`. `async with barrier as i` is
    /// `let i = barrier.wait().await?` (`__aexit__` does nothing).
    ///
    /// # Errors
    /// `BrokenBarrierError: Barrier aborted` when the barrier is broken on
    /// arrival; `BrokenBarrierError: Abort or reset of barrier` when it is
    /// aborted or reset while waiting; `CancelledError`.
    #[doc(alias = "__aenter__")]
    pub fn wait(&self) -> impl StdFuture<Output = PyResult<usize>> + 'static {
        let barrier = self.clone();
        async move { barrier.wait_inner().await }
    }

    async fn wait_inner(&self) -> PyResult<usize> {
        let inner = &*self.0;
        // async with self._cond:
        let guard = inner.cond.acquire_guard().await?;
        let result: PyResult<usize> = async {
            self.block().await?;
            // try:
            let index = inner.count.get();
            inner.count.set(index + 1);
            let passed = if index + 1 == inner.parties {
                inner.meta.emit(|| format!("{} arrives as {index}, trips", actor()), || self.snapshot());
                self.release_all()
            } else {
                inner.meta.emit(|| format!("{} arrives as {index}, waits", actor()), || self.snapshot());
                self.wait_released().await
            };
            // finally:
            inner.count.set(inner.count.get() - 1);
            let exited = self.exit();
            inner.meta.emit(
                || match &passed {
                    Ok(()) => format!("{} passes", actor()),
                    Err(exc) => format!("{} leaves with {}", actor(), exc.type_name()),
                },
                || self.snapshot(),
            );
            exited?;
            passed.map(|()| index)
        }
        .await;
        // __aexit__: release (an error there replaces the body's outcome).
        guard.release()?;
        result
    }

    /// `_block()`: wait while the barrier drains or resets; refuse a broken
    /// barrier.
    async fn block(&self) -> PyResult<()> {
        let state = self.clone();
        self.0
            .cond
            .wait_for(move || !matches!(state.state(), BarrierState::Draining | BarrierState::Resetting))
            .await?;
        if self.state() == BarrierState::Broken {
            return Err(broken("Barrier aborted"));
        }
        Ok(())
    }

    /// `_release()`: the last arrival starts draining and wakes everyone.
    fn release_all(&self) -> PyResult<()> {
        self.0.state.set(BarrierState::Draining);
        self.0.cond.notify_all()
    }

    /// `_wait()`: wait for the end of filling.
    async fn wait_released(&self) -> PyResult<()> {
        let state = self.clone();
        self.0.cond.wait_for(move || state.state() != BarrierState::Filling).await?;
        if matches!(self.state(), BarrierState::Broken | BarrierState::Resetting) {
            return Err(broken("Abort or reset of barrier"));
        }
        Ok(())
    }

    /// `_exit()`: the last task out ends draining or resetting and wakes the
    /// tasks blocked in `_block()`.
    fn exit(&self) -> PyResult<()> {
        if self.0.count.get() == 0 {
            if matches!(self.state(), BarrierState::Resetting | BarrierState::Draining) {
                self.0.state.set(BarrierState::Filling);
            }
            self.0.cond.notify_all()?;
        }
        Ok(())
    }

    /// `await barrier.reset()`: back to filling; tasks waiting inside leave
    /// with `BrokenBarrierError` (the barrier resets until the last has left).
    ///
    /// # Cancellation
    /// A task cancelled while acquiring the internal lock resets nothing.
    ///
    /// # Fairness
    /// Waits for the internal lock in FIFO order.
    ///
    /// # Python
    /// `Barrier.reset` of CPython 3.11.7.
    ///
    /// # Errors
    /// `CancelledError`.
    pub fn reset(&self) -> impl StdFuture<Output = PyResult<()>> + 'static {
        let barrier = self.clone();
        async move {
            let inner = &*barrier.0;
            let guard = inner.cond.acquire_guard().await?;
            if inner.count.get() > 0 {
                if inner.state.get() != BarrierState::Resetting {
                    inner.state.set(BarrierState::Resetting);
                }
            } else {
                inner.state.set(BarrierState::Filling);
            }
            let notified = inner.cond.notify_all();
            inner.meta.emit(|| format!("{} reset", actor()), || barrier.snapshot());
            guard.release()?;
            notified
        }
    }

    /// `await barrier.abort()`: break the barrier; every waiting and future
    /// `wait()` raises `BrokenBarrierError` until `reset()`.
    ///
    /// # Cancellation
    /// A task cancelled while acquiring the internal lock aborts nothing.
    ///
    /// # Fairness
    /// Waits for the internal lock in FIFO order.
    ///
    /// # Python
    /// `Barrier.abort` of CPython 3.11.7.
    ///
    /// # Errors
    /// `CancelledError`.
    pub fn abort(&self) -> impl StdFuture<Output = PyResult<()>> + 'static {
        let barrier = self.clone();
        async move {
            let inner = &*barrier.0;
            let guard = inner.cond.acquire_guard().await?;
            inner.state.set(BarrierState::Broken);
            let notified = inner.cond.notify_all();
            inner.meta.emit(|| format!("{} abort", actor()), || barrier.snapshot());
            guard.release()?;
            notified
        }
    }

    /// The barrier's state for the inspector.
    pub fn snapshot(&self) -> BarrierSnapshot {
        let cond = self.0.cond.snapshot();
        let mut waiters = cond.waiters;
        waiters.extend(cond.lock_waiters);
        BarrierSnapshot {
            name: self.name().to_string(),
            state: self.state(),
            parties: self.parties(),
            count: self.count(),
            n_waiting: self.n_waiting(),
            waiters,
        }
    }

    /// `repr(barrier)`: `<asyncio.locks.Barrier object at 0x... [filling, waiters:2/5]>`.
    pub fn repr(&self) -> String {
        let mut extra = self.state().value().to_string();
        if !self.broken() {
            extra.push_str(&format!(", waiters:{}/{}", self.n_waiting(), self.parties()));
        }
        format!("<asyncio.locks.Barrier object at {} [{extra}]>", address(&self.0))
    }

    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &Barrier) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Barrier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}
