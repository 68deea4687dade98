//! Trace events: what the page's timeline and inspector are drawn from.
//!
//! # The tracing idiom
//! Every emission site in the engine (and in its clients: the interpreter,
//! the page) reads
//!
//! ```
//! # use asyncio_engine::{EventLoop, TraceEvent};
//! # let lp = EventLoop::new();
//! # let task = 1;
//! if lp.tracing() {
//!     lp.emit(&TraceEvent::Waiting { task, on: &format!("sleep({})", 1.0) });
//! }
//! ```
//!
//! [`EventLoop::tracing`](crate::EventLoop::tracing) is one flag test; the
//! event and whatever it borrows (a label, a name, a snapshot) are built
//! inside the `if`, so a loop without a tracer formats nothing, allocates
//! nothing and collects nothing for the trace. `emit` tests the flag again,
//! so an event that costs nothing to build may skip the `if`.
//!
//! Primitives and executors report a change through one helper each
//! (`Meta::emit` in `sync/inspect.rs`, `VirtualPool::trace` in
//! `executor.rs`) that follows the idiom: its arguments are closures that
//! run only when the running loop traces.
//!
//! # Primitives
//! A [`TraceEvent::Primitive`] carries typed data: the primitive's
//! [`PrimitiveKind`], what happened (`Task-2 released, woke Task-8`, prose
//! for the reader) and the state after it as a [`Snapshot`]. `Display` of a
//! snapshot is its one-line text (`value=0 waiters=[Task-8, Task-9]`), for
//! tests and logs; the page reads the fields.

use std::fmt;

/// How a task ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// It returned.
    Done,
    /// It was cancelled.
    Cancelled,
    /// The exception's last traceback line.
    Failed(String),
}

/// One thing that happened on the loop, at the loop time passed beside it.
#[derive(Debug, Clone, PartialEq)]
pub enum TraceEvent<'a> {
    /// A task was created (its first step is now ready).
    TaskCreated {
        /// The task's id (its lane).
        task: u64,
        /// CPython's task name (`Task-2`).
        name: &'a str,
    },
    /// A task's step began running.
    StepStart {
        /// The task's id.
        task: u64,
    },
    /// A task's step ended (the task is now waiting, ready, or done).
    StepEnd {
        /// The task's id.
        task: u64,
    },
    /// The task suspended on a future or primitive, named in words.
    Waiting {
        /// The task's id.
        task: u64,
        /// What it waits on (`Semaphore sema`, `sleep(1.0)`, `Task-3`).
        on: &'a str,
    },
    /// The task yielded with `sleep(0)` and is ready again.
    Yielded {
        /// The task's id.
        task: u64,
    },
    /// A task finished.
    TaskDone {
        /// The task's id.
        task: u64,
        /// How it ended.
        outcome: Outcome,
    },
    /// A timer was pushed on the heap.
    TimerScheduled {
        /// Its deadline, in loop time.
        when: f64,
    },
    /// A timer's callback ran.
    TimerFired {
        /// Its deadline, in loop time.
        when: f64,
    },
    /// A trace line was printed.
    Print {
        /// The line as printed (`[    1.000] hello`).
        line: &'a str,
    },
    /// A synchronisation primitive or an executor changed.
    Primitive {
        /// The name it is shown under (`sema`, `default executor`).
        name: &'a str,
        /// Its class.
        kind: PrimitiveKind,
        /// What happened, in words (`Task-2 released, woke Task-8`); `None`
        /// when the event only tells the new state (executors).
        action: Option<&'a str>,
        /// The state after the change.
        snapshot: Snapshot<'a>,
    },
    /// An interpreted task is about to suspend at this source line (1-based).
    TaskLine {
        /// The task's id.
        task: u64,
        /// The line, 1-based.
        line: u32,
    },
    /// What an interpreted task runs: its coroutine and arguments, `print_result(4)`.
    TaskLabel {
        /// The task's id.
        task: u64,
        /// The coroutine and its arguments.
        label: &'a str,
    },
}

/// What reports [`TraceEvent::Primitive`]s: asyncio's primitive classes, and
/// the executors behind `run_in_executor` and the pools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrimitiveKind {
    /// `asyncio.Lock`.
    Lock,
    /// `asyncio.Semaphore`.
    Semaphore,
    /// `asyncio.BoundedSemaphore`.
    BoundedSemaphore,
    /// `asyncio.Event`.
    Event,
    /// `asyncio.Condition`.
    Condition,
    /// `asyncio.Barrier`.
    Barrier,
    /// `asyncio.Queue`.
    Queue,
    /// `asyncio.PriorityQueue`.
    PriorityQueue,
    /// `asyncio.LifoQueue`.
    LifoQueue,
    /// A virtual pool of workers (`run_in_executor`, `ThreadPoolExecutor`,
    /// `ProcessPoolExecutor`, `multiprocessing.Pool`).
    Executor,
}

impl PrimitiveKind {
    /// The Python class (`Lock`, `PriorityQueue`...), which also starts the
    /// label of a primitive's waiter futures (`Semaphore sema`); `executor`
    /// for a pool.
    pub fn name(self) -> &'static str {
        match self {
            PrimitiveKind::Lock => "Lock",
            PrimitiveKind::Semaphore => "Semaphore",
            PrimitiveKind::BoundedSemaphore => "BoundedSemaphore",
            PrimitiveKind::Event => "Event",
            PrimitiveKind::Condition => "Condition",
            PrimitiveKind::Barrier => "Barrier",
            PrimitiveKind::Queue => "Queue",
            PrimitiveKind::PriorityQueue => "PriorityQueue",
            PrimitiveKind::LifoQueue => "LifoQueue",
            PrimitiveKind::Executor => "executor",
        }
    }
}

impl fmt::Display for PrimitiveKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `_BarrierState`: where a barrier is in its cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarrierState {
    /// Tasks arrive and wait; the last one to arrive starts draining.
    Filling,
    /// The barrier tripped: waiting tasks leave; newcomers block until the
    /// last one has left, then the barrier fills again.
    Draining,
    /// `reset()` while tasks were inside: they leave with
    /// `BrokenBarrierError`; newcomers block until the last has left.
    Resetting,
    /// `abort()`: every `wait()` raises `BrokenBarrierError` until `reset()`.
    Broken,
}

impl BarrierState {
    /// The enum member's value: `filling`, `draining`, `resetting`, `broken`.
    pub fn value(self) -> &'static str {
        match self {
            BarrierState::Filling => "filling",
            BarrierState::Draining => "draining",
            BarrierState::Resetting => "resetting",
            BarrierState::Broken => "broken",
        }
    }
}

impl fmt::Display for BarrierState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.value())
    }
}

/// A primitive's or an executor's state, as a [`TraceEvent::Primitive`]
/// carries it. Task lists name tasks in FIFO order (woken tasks that have not
/// run yet included, as they are still in the primitive's list).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Snapshot<'a> {
    /// A [`Lock`](crate::sync::Lock). `locked owner=Task-2 waiters=[Task-3]`.
    Lock {
        /// True while held.
        locked: bool,
        /// The task that acquired it, while it is locked (none when a plain
        /// callback did).
        owner: Option<&'a str>,
        /// Tasks waiting to acquire it.
        waiters: &'a [String],
    },
    /// A [`Semaphore`](crate::sync::Semaphore) or
    /// [`BoundedSemaphore`](crate::sync::BoundedSemaphore).
    /// `value=0 bound=2 waiters=[Task-8]`.
    Semaphore {
        /// The counter.
        value: i64,
        /// The initial value of a bounded semaphore.
        bound: Option<i64>,
        /// Tasks waiting to acquire it.
        waiters: &'a [String],
    },
    /// An [`Event`](crate::sync::Event). `unset waiters=[Task-2]`.
    Event {
        /// True once `set()` (until `clear()`).
        set: bool,
        /// Tasks waiting for it.
        waiters: &'a [String],
    },
    /// A [`Condition`](crate::sync::Condition) and its lock.
    /// `locked owner=Task-1 waiters=[Task-2] lock_waiters=[Task-4]`.
    Condition {
        /// True while its lock is held.
        locked: bool,
        /// The task holding its lock.
        owner: Option<&'a str>,
        /// Tasks waiting to be notified.
        waiters: &'a [String],
        /// Tasks waiting to (re-)acquire the lock.
        lock_waiters: &'a [String],
    },
    /// A [`Barrier`](crate::sync::Barrier). `filling count=2/5 waiters=[Task-2]`.
    Barrier {
        /// Where it is in its cycle.
        state: BarrierState,
        /// Tasks inside the barrier.
        count: usize,
        /// How many tasks trip it.
        parties: usize,
        /// Tasks blocked in it (notified or waiting for its lock).
        waiters: &'a [String],
    },
    /// A queue of any kind.
    /// `qsize=1 maxsize=2 getters=[] putters=[Task-3] unfinished=1 items=['a']`.
    Queue {
        /// Items in it.
        qsize: usize,
        /// `<= 0`: unbounded.
        maxsize: i64,
        /// Tasks waiting in `get()`.
        getters: &'a [String],
        /// Tasks waiting in `put()`.
        putters: &'a [String],
        /// Items put and not yet marked `task_done()`.
        unfinished: u64,
        /// Tasks waiting in `join()`.
        joiners: &'a [String],
        /// The items' reprs in `_queue` order, when the queue can show them.
        items: Option<&'a [String]>,
    },
    /// A virtual pool. `busy=2/5 queued=3 running=[faa(1), faa(2)]`.
    Executor {
        /// Workers running a job.
        busy: usize,
        /// Its size.
        max_workers: usize,
        /// Jobs waiting for a worker.
        queued: usize,
        /// The labels of the jobs running, in the order they started.
        running: &'a [String],
    },
}

/// An owned snapshot (`LockSnapshot`, `ExecutorSnapshot`...) lent as the
/// [`Snapshot`] a trace event carries.
pub trait AsSnapshot {
    /// The typed view of this state.
    fn as_snapshot(&self) -> Snapshot<'_>;
}

/// `[a, b, c]`.
struct List<'a>(&'a [String]);

impl fmt::Display for List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        for (i, item) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(item)?;
        }
        f.write_str("]")
    }
}

/// `locked owner=X ` / `locked ` / `unlocked `.
fn write_lock(f: &mut fmt::Formatter<'_>, locked: bool, owner: Option<&str>) -> fmt::Result {
    match (locked, owner) {
        (true, Some(owner)) => write!(f, "locked owner={owner} "),
        (true, None) => f.write_str("locked "),
        (false, _) => f.write_str("unlocked "),
    }
}

impl fmt::Display for Snapshot<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Snapshot::Lock { locked, owner, waiters } => {
                write_lock(f, locked, owner)?;
                write!(f, "waiters={}", List(waiters))
            }
            Snapshot::Semaphore { value, bound, waiters } => {
                write!(f, "value={value}")?;
                if let Some(bound) = bound {
                    write!(f, " bound={bound}")?;
                }
                write!(f, " waiters={}", List(waiters))
            }
            Snapshot::Event { set, waiters } => {
                write!(f, "{} waiters={}", if set { "set" } else { "unset" }, List(waiters))
            }
            Snapshot::Condition { locked, owner, waiters, lock_waiters } => {
                write_lock(f, locked, owner)?;
                write!(f, "waiters={} lock_waiters={}", List(waiters), List(lock_waiters))
            }
            Snapshot::Barrier { state, count, parties, waiters } => {
                write!(f, "{state} count={count}/{parties} waiters={}", List(waiters))
            }
            Snapshot::Queue { .. } => self.fmt_queue(f),
            Snapshot::Executor { busy, max_workers, queued, running } => {
                write!(f, "busy={busy}/{max_workers} queued={queued} running={}", List(running))
            }
        }
    }
}

impl Snapshot<'_> {
    fn fmt_queue(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Snapshot::Queue { qsize, maxsize, getters, putters, unfinished, joiners, items } = *self else {
            return Ok(());
        };
        write!(
            f,
            "qsize={qsize} maxsize={maxsize} getters={} putters={} unfinished={unfinished}",
            List(getters),
            List(putters)
        )?;
        if !joiners.is_empty() {
            write!(f, " joiners={}", List(joiners))?;
        }
        if let Some(items) = items {
            write!(f, " items={}", List(items))?;
        }
        Ok(())
    }
}

/// Receives trace events.
pub trait Tracer {
    /// One event, at loop time `time`.
    fn event(&mut self, time: f64, event: &TraceEvent<'_>);

    /// False once the tracer wants no more events (a recording that is
    /// full): the loop then drops it, and stops building events, as if no
    /// tracer had been set. Asked after each event.
    fn listening(&self) -> bool {
        true
    }
}

impl<F: FnMut(f64, &TraceEvent<'_>)> Tracer for F {
    fn event(&mut self, time: f64, event: &TraceEvent<'_>) {
        self(time, event)
    }
}
