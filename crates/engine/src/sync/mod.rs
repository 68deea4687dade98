//! asyncio's synchronisation primitives and queues: `locks.py` and
//! `queues.py` of CPython 3.11.7, mechanism for mechanism.
//!
//! | Python                     | here                                   |
//! |----------------------------|----------------------------------------|
//! | `asyncio.Lock()`           | [`Lock::new`], [`Lock::named`]         |
//! | `asyncio.Event()`          | [`Event::new`], [`Event::named`]       |
//! | `asyncio.Condition(lock)`  | [`Condition::new`], [`Condition::with_lock`] |
//! | `asyncio.Semaphore(n)`     | [`Semaphore::new`], [`Semaphore::named`] |
//! | `asyncio.BoundedSemaphore(n)` | [`BoundedSemaphore::new`]           |
//! | `asyncio.Barrier(n)`       | [`Barrier::new`], [`Barrier::named`]   |
//! | `asyncio.Queue(maxsize)`   | [`Queue::new`], [`Queue::named`]       |
//! | `asyncio.PriorityQueue(m)` | [`PriorityQueue::new`], [`PriorityQueue::named_by`] |
//! | `asyncio.LifoQueue(m)`     | [`LifoQueue::new`]                     |
//! | `async with lock:`         | `let _held = lock.acquire_guard().await?;` |
//!
//! Every primitive keeps its waiting tasks in one kind of FIFO list of
//! futures ([`Waiters`]); a wake-up is `fut.set_result(...)`, so the woken
//! task runs one loop iteration later, exactly when CPython's would. Handles
//! are cheap clones of shared state, as Python names are references, and
//! every `async` method returns a `'static` future, so
//! `create_task(lock.acquire())` works as in Python.
//!
//! # Async with
//! `acquire_guard()` returns a guard ([`LockGuard`], [`SemaphoreGuard`]) that
//! releases when dropped, synchronously, as `__aexit__` calls `release()`:
//!
//! ```
//! use asyncio_engine::{run, sync::Lock, EventLoop, PyResult};
//!
//! async fn critical(lock: Lock) -> PyResult<()> {
//!     let _held = lock.acquire_guard().await?; // async with lock:
//!     // ... the lock is held here, and released however the block ends.
//!     Ok(())
//! }
//! run(&EventLoop::new(), critical(Lock::named("lock"))).unwrap();
//! ```
//!
//! # For the page
//! Each primitive has a name (`Lock::named("lock")`; a default otherwise),
//! labels its waiter futures `"<Class> <name>"` (what a waiting task's
//! timeline bar says it waits on), and emits a
//! [`TraceEvent::Primitive`](crate::TraceEvent::Primitive) after each change:
//! its [`PrimitiveKind`](crate::trace::PrimitiveKind), what happened in words
//! (`"Task-1 released, woke Task-3"`) and its state as a typed
//! [`Snapshot`](crate::trace::Snapshot) (`Snapshot::Lock { locked: false,
//! owner: None, waiters: ["Task-3"] }`). Events cost nothing unless the loop
//! has a tracer. Every primitive also has a `snapshot()` for the inspector,
//! whose `Display` is the state in one line (`unlocked waiters=[Task-3]`).

mod barrier;
mod condition;
mod event;
mod inspect;
mod lock;
mod loop_bound;
mod queue;
mod semaphore;
mod waiters;

pub use barrier::{Barrier, BarrierSnapshot, BarrierState};
pub use condition::{Condition, ConditionSnapshot};
pub use event::{Event, EventSnapshot};
pub use lock::{Lock, LockGuard, LockSnapshot};
pub use queue::{LifoQueue, PriorityQueue, Queue, QueueSnapshot};
pub use semaphore::{BoundedSemaphore, Semaphore, SemaphoreGuard, SemaphoreSnapshot};
pub use waiters::{Waiter, WaiterEntry, Waiters};
