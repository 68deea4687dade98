//! The virtual executor pool of the oracle's `vpool.py`: what
//! `run_in_executor`, `ThreadPoolExecutor`, `ProcessPoolExecutor` and
//! `multiprocessing.Pool` are in instant and paced modes.
//!
//! # The model (copied exactly)
//! - Jobs wait in one FIFO queue and are taken, in order, by the first free
//!   worker; a job whose future was cancelled while queued never runs.
//! - A job starts the instant a worker takes it: its function runs right away
//!   (its prints appear then, inside `submit` when a worker is free) and its
//!   outcome is kept. The worker stays busy `cost` virtual seconds
//!   (`call_later(cost, finish)`).
//! - `finish` first completes the job's future (unless it was cancelled) and
//!   then hands the freed worker the next queued job, in the same callback.
//! - A job written as a coroutine ([`VirtualPool::submit_steps`]) runs as a
//!   task whose sleeps are the worker's own `time.sleep`, and holds its worker
//!   until it returns.
//! - [`VirtualPool::join`] returns once the queue is empty and every worker is
//!   idle (`pool.close(); pool.join()`, or leaving a `with` block).
//!
//! # Real workers
//! When the loop has a [`WorkerBackend`] (the page's Web Workers, in real
//! mode), the same queue and dispatch hand each started job to a real worker:
//! a job of `cost` seconds becomes `busy_wait(cost)` there (what `time.sleep`
//! costs a thread), a [`Job`] runs as itself. The outcome comes back as
//! `call_soon_threadsafe` brings a thread's result in: a callback that
//! completes the job's future (unless it was cancelled: a running job
//! finishes, its result is dropped) and frees the slot. While a job is out,
//! the loop expects that callback (an `ExternalCall` guard), so an empty
//! schedule means "wait", not "deadlock".

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future as StdFuture;
use std::rc::Rc;

use crate::event_loop::{get_running_loop, EventLoop};
use crate::exception::{Exception, PyResult};
use crate::future::Future;
use crate::jobs::{Job, JobError, JobValue, MAX_BUSY_WAIT_MS};
use crate::trace::{AsSnapshot, PrimitiveKind, Snapshot, TraceEvent};
pub use crate::workers::{JobFailure, JobOutcome, WorkerBackend};

/// `ThreadPoolExecutor`'s default `max_workers`: `min(32, cpus + 4)`.
pub fn default_workers(cpus: usize) -> usize {
    (cpus + 4).min(32)
}

/// `os.cpu_count()` for a scenario: its `cpus` parameter on the virtual
/// clock, the machine's (`navigator.hardwareConcurrency`) on real workers.
pub fn cpu_count(event_loop: &EventLoop, virtual_cpus: usize) -> usize {
    event_loop.workers().map_or(virtual_cpus, |w| w.cpu_count()).max(1)
}

/// The loop's default executor (`run_in_executor(None, ...)`), sized as
/// CPython sizes it: `min(32, os.cpu_count() + 4)` workers.
///
/// # Errors
/// None in practice (the size is at least 5).
pub fn default_executor(event_loop: &EventLoop, virtual_cpus: usize) -> PyResult<VirtualPool> {
    VirtualPool::named(default_workers(cpu_count(event_loop, virtual_cpus)), "default executor")
}

/// Hand `job` to the real workers and call `finish(outcome)` on the loop,
/// through `call_soon_threadsafe`, when it comes back.
fn start_on_worker(
    event_loop: &EventLoop,
    workers: &dyn WorkerBackend,
    job: Job,
    deadline: Option<f64>,
    finish: impl FnOnce(JobOutcome) + 'static,
) {
    // Dropped when the outcome arrives, or with the callback if it never will.
    let expected = event_loop.expect_external();
    let lp = event_loop.clone();
    workers.start(
        job,
        deadline,
        Box::new(move |outcome| {
            drop(expected);
            // A closed loop (the run is over) drops the result, as a
            // finished asyncio.run would.
            let _ = lp.call_soon_threadsafe(move || finish(outcome));
        }),
    );
}

/// `time.sleep(seconds)` on a real worker: a `busy_wait` that long (capped
/// at [`MAX_BUSY_WAIT_MS`]).
fn sleep_job(seconds: f64) -> Job {
    Job::BusyWait { ms: (seconds * 1000.0).clamp(0.0, MAX_BUSY_WAIT_MS) }
}

/// A job's `time.sleep(seconds)` spent on a real worker (`busy_wait`), for a
/// client that runs the job's code itself and keeps its own pool (the
/// interpreter's executors): `finish` runs on the loop, as
/// `call_soon_threadsafe` brings a thread's result in, with the worker's
/// outcome; the loop waits for it meanwhile. Returns false, dropping
/// `finish`, when the loop has no real workers (instant and paced modes).
pub fn sleep_on_worker(
    event_loop: &EventLoop,
    seconds: f64,
    finish: impl FnOnce(PyResult<()>) + 'static,
) -> bool {
    let Some(workers) = event_loop.workers() else { return false };
    start_on_worker(event_loop, &*workers, sleep_job(seconds), None, move |outcome| {
        finish(outcome.map(|_| ()).map_err(|failure| failure.exception()));
    });
    true
}

/// Complete a job's future with `outcome`, unless it was cancelled
/// meanwhile (a running job's result is then dropped, as in asyncio).
fn settle<T: Clone + 'static>(target: &Future<T>, outcome: PyResult<T>) {
    if !target.done() {
        let _ = target.finish_with(outcome);
    }
}

/// `time.sleep(seconds)` inside a worker thread or process: on the virtual
/// clock the worker's own sleep; on real workers it blocks one of them
/// (`busy_wait`) while the loop waits for it.
///
/// # Errors
/// `CancelledError`; `RuntimeError` when the worker failed.
pub async fn thread_sleep(seconds: f64) -> PyResult<()> {
    let event_loop = get_running_loop()?;
    if event_loop.workers().is_none() {
        return crate::sleep(seconds).await;
    }
    let fut: Future<()> =
        event_loop.create_future().with_label(&format!("time.sleep({})", crate::pyfmt::float_repr(seconds)));
    let target = fut.clone();
    sleep_on_worker(&event_loop, seconds, move |outcome| settle(&target, outcome));
    fut.await
}

type StartFn = Box<dyn FnOnce(&EventLoop, &VirtualPool)>;

struct QueuedJob {
    /// `fut.cancelled()` of the job's future.
    cancelled: Box<dyn Fn() -> bool>,
    start: StartFn,
}

struct PoolInner {
    name: String,
    max_workers: usize,
    free: Cell<usize>,
    queue: RefCell<VecDeque<QueuedJob>>,
    idle: RefCell<Option<Future<()>>>,
    /// Job labels per busy worker slot, for the inspector.
    running: RefCell<Vec<Rc<str>>>,
}

/// What the inspector shows of a [`VirtualPool`]. `Display`:
/// `busy=2/5 queued=3 running=[faa(1), faa(2)]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutorSnapshot {
    /// The name it is shown under.
    pub name: String,
    /// Workers running a job.
    pub busy: usize,
    /// Its size.
    pub max_workers: usize,
    /// Jobs waiting for a worker.
    pub queued: usize,
    /// The labels of the running jobs, in the order they started.
    pub running: Vec<String>,
}

impl AsSnapshot for ExecutorSnapshot {
    fn as_snapshot(&self) -> Snapshot<'_> {
        Snapshot::Executor {
            busy: self.busy,
            max_workers: self.max_workers,
            queued: self.queued,
            running: &self.running,
        }
    }
}

impl std::fmt::Display for ExecutorSnapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_snapshot().fmt(f)
    }
}

/// A pool of virtual worker threads or processes. Cloning gives another
/// reference to the same pool.
#[derive(Clone)]
pub struct VirtualPool(Rc<PoolInner>);

impl VirtualPool {
    /// `VirtualPool(max_workers)`.
    ///
    /// # Errors
    /// `ValueError: max_workers must be greater than 0`.
    pub fn new(max_workers: usize) -> PyResult<VirtualPool> {
        VirtualPool::named(max_workers, "pool")
    }

    /// A pool with a name for the page.
    ///
    /// # Errors
    /// `ValueError: max_workers must be greater than 0`.
    pub fn named(max_workers: usize, name: &str) -> PyResult<VirtualPool> {
        if max_workers == 0 {
            return Err(Exception::value_error("max_workers must be greater than 0"));
        }
        Ok(VirtualPool(Rc::new(PoolInner {
            name: name.to_string(),
            max_workers,
            free: Cell::new(max_workers),
            queue: RefCell::new(VecDeque::new()),
            idle: RefCell::new(None),
            running: RefCell::new(Vec::new()),
        })))
    }

    /// Its size (`max_workers`).
    pub fn max_workers(&self) -> usize {
        self.0.max_workers
    }
    /// Workers currently running a job.
    pub fn busy(&self) -> usize {
        self.0.max_workers - self.0.free.get()
    }
    /// Jobs waiting for a worker.
    pub fn queued(&self) -> usize {
        self.0.queue.borrow().len()
    }
    /// The pool's state for the inspector.
    pub fn snapshot(&self) -> ExecutorSnapshot {
        ExecutorSnapshot {
            name: self.0.name.clone(),
            busy: self.busy(),
            max_workers: self.0.max_workers,
            queued: self.queued(),
            running: self.0.running.borrow().iter().map(|label| label.to_string()).collect(),
        }
    }

    /// The inspector's view in one line: `busy=2/5 queued=3 running=[...]`.
    pub fn state(&self) -> String {
        self.snapshot().to_string()
    }

    /// Report the pool's new state (the tracing idiom of [`crate::trace`]).
    fn trace(&self, event_loop: &EventLoop) {
        if event_loop.tracing() {
            let snapshot = self.snapshot();
            event_loop.emit(&TraceEvent::Primitive {
                name: &self.0.name,
                kind: PrimitiveKind::Executor,
                action: None,
                snapshot: snapshot.as_snapshot(),
            });
        }
    }

    /// `loop.run_in_executor(pool, f)` for a job taking `cost` virtual
    /// seconds: the future of its outcome.
    pub fn submit<T, F>(&self, event_loop: &EventLoop, cost: f64, label: &str, f: F) -> Future<T>
    where
        T: Clone + 'static,
        F: FnOnce() -> PyResult<T> + 'static,
    {
        let fut: Future<T> = event_loop.create_future().with_label(&format!("{} job {label}", self.0.name));
        let label: Rc<str> = Rc::from(label);
        let target = fut.clone();
        let start: StartFn = Box::new(move |event_loop: &EventLoop, pool: &VirtualPool| {
            // A worker has just taken the job: call f now and keep its outcome.
            pool.0.running.borrow_mut().push(label.clone());
            let outcome = f();
            let pool = pool.clone();
            let lp = event_loop.clone();
            if let Some(workers) = event_loop.workers() {
                // The job's time.sleep(cost) blocks a real worker.
                start_on_worker(event_loop, &*workers, sleep_job(cost), None, move |worker_outcome| {
                    settle(&target, worker_outcome.map_err(|failure| failure.exception()).and(outcome));
                    pool.release(&lp, &label);
                });
                return;
            }
            let _ = event_loop.call_later(cost, move || {
                settle(&target, outcome);
                pool.release(&lp, &label);
            });
        });
        let watched = fut.clone();
        self.enqueue(event_loop, QueuedJob { cancelled: Box::new(move || watched.cancelled()), start });
        fut
    }

    /// `loop.run_in_executor(pool, job)` for a named [`Job`]. On the virtual
    /// clock the job runs at once (`busy_wait` does not spin) and holds its
    /// worker `cost` virtual seconds; on real workers it runs there and
    /// takes what it takes. With a `deadline` (seconds), a job still running
    /// then fails with `TimeoutError` (a real worker is terminated and
    /// replaced); a job that panics or throws fails with `RuntimeError`.
    pub fn submit_job(
        &self,
        event_loop: &EventLoop,
        job: Job,
        cost: f64,
        deadline: Option<f64>,
    ) -> Future<JobValue> {
        let label: Rc<str> = Rc::from(job.label());
        let fut: Future<JobValue> =
            event_loop.create_future().with_label(&format!("{} job {label}", self.0.name));
        let target = fut.clone();
        let start: StartFn = Box::new(move |event_loop: &EventLoop, pool: &VirtualPool| {
            pool.0.running.borrow_mut().push(label.clone());
            let pool = pool.clone();
            let lp = event_loop.clone();
            let finish = move |outcome: JobOutcome| {
                settle(&target, outcome.map_err(|failure| failure.exception()));
                pool.release(&lp, &label);
            };
            if let Some(workers) = event_loop.workers() {
                start_on_worker(event_loop, &*workers, job, deadline, finish);
                return;
            }
            // The virtual worker: the outcome now, delivered after `cost`
            // (or at the deadline, if that comes first).
            let label = job.label();
            let (delay, outcome) = match deadline {
                Some(limit) if cost > limit => (
                    limit,
                    Err(JobFailure::Deadline(format!(
                        "job {label} ran past its deadline of {} s; its worker was terminated and replaced",
                        crate::pyfmt::float_repr(limit)
                    ))),
                ),
                _ => (cost, virtual_outcome(&job)),
            };
            let _ = event_loop.call_later(delay, move || finish(outcome));
        });
        let watched = fut.clone();
        self.enqueue(event_loop, QueuedJob { cancelled: Box::new(move || watched.cancelled()), start });
        fut
    }

    /// `submit` on the running loop (`await pool.run(...)` is submit + await).
    ///
    /// # Errors
    /// `RuntimeError: no running event loop`.
    pub fn run_in_executor<T, F>(&self, cost: f64, label: &str, f: F) -> PyResult<Future<T>>
    where
        T: Clone + 'static,
        F: FnOnce() -> PyResult<T> + 'static,
    {
        Ok(self.submit(&get_running_loop()?, cost, label, f))
    }

    /// A job whose body is a coroutine: its sleeps are the worker's own
    /// `time.sleep`; it holds the worker until it returns.
    pub fn submit_steps<T, F, C>(&self, event_loop: &EventLoop, label: &str, coro_fn: F) -> Future<T>
    where
        T: Clone + 'static,
        F: FnOnce() -> C + 'static,
        C: StdFuture<Output = PyResult<T>> + 'static,
    {
        let fut: Future<T> = event_loop.create_future().with_label(&format!("{} job {label}", self.0.name));
        let label: Rc<str> = Rc::from(label);
        let target = fut.clone();
        let start: StartFn = Box::new(move |event_loop: &EventLoop, pool: &VirtualPool| {
            pool.0.running.borrow_mut().push(label.clone());
            let Ok(task) = event_loop.create_task(coro_fn()) else { return };
            let pool = pool.clone();
            let lp = event_loop.clone();
            task.add_done_callback(move |t: &Future<T>| {
                if !target.cancelled() {
                    if t.cancelled() {
                        target.cancel(None);
                    } else {
                        let _ = target.finish_with(t.result());
                    }
                }
                pool.release(&lp, &label);
            });
        });
        let watched = fut.clone();
        self.enqueue(event_loop, QueuedJob { cancelled: Box::new(move || watched.cancelled()), start });
        fut
    }

    fn enqueue(&self, event_loop: &EventLoop, job: QueuedJob) {
        self.0.queue.borrow_mut().push_back(job);
        self.dispatch(event_loop);
        self.trace(event_loop);
    }

    /// `_dispatch`: hand queued jobs to free workers.
    fn dispatch(&self, event_loop: &EventLoop) {
        while self.0.free.get() > 0 {
            let job = self.0.queue.borrow_mut().pop_front();
            let Some(job) = job else { break };
            if (job.cancelled)() {
                continue; // cancelled while queued: never runs
            }
            self.0.free.set(self.0.free.get() - 1);
            (job.start)(event_loop, self);
        }
    }

    /// `_release`: the worker is free; give it the next job; wake `join`.
    fn release(&self, event_loop: &EventLoop, label: &str) {
        {
            let mut running = self.0.running.borrow_mut();
            if let Some(i) = running.iter().position(|l| &**l == label) {
                running.remove(i);
            }
        }
        self.0.free.set(self.0.free.get() + 1);
        self.dispatch(event_loop);
        let idle = self.0.idle.borrow().clone();
        if let Some(idle) = idle {
            if !idle.done() && self.0.queue.borrow().is_empty() && self.0.free.get() == self.0.max_workers {
                let _ = idle.set_result(());
            }
        }
        self.trace(event_loop);
    }

    /// `await pool.join()`: until the queue is empty and every worker idle.
    ///
    /// # Errors
    /// `RuntimeError: no running event loop`; `CancelledError`.
    pub async fn join(&self) -> PyResult<()> {
        if !self.0.queue.borrow().is_empty() || self.0.free.get() < self.0.max_workers {
            let event_loop = get_running_loop()?;
            let idle: Future<()> = event_loop.create_future().with_label(&format!("{} join", self.0.name));
            *self.0.idle.borrow_mut() = Some(idle.clone());
            idle.await?;
        }
        Ok(())
    }
}

/// What a job run by a virtual worker ends with: its value, or the failure a
/// real worker would report. A crash is not run (it would take the page down
/// with it); a busy-wait does not spin.
fn virtual_outcome(job: &Job) -> JobOutcome {
    let label = job.label();
    match job {
        Job::BusyWait { .. } => {
            job.validate().map(|()| JobValue::None).map_err(|e| crashed(&label, &e.to_string()))
        }
        Job::Crash { message } => Err(crashed(&label, &format!("panicked: {message}"))),
        _ => job.run(&|| 0.0).map_err(|error| match error {
            JobError::Thrown(message) => crashed(&label, &format!("threw: {message}")),
            JobError::BadArgument(message) => crashed(&label, &message),
        }),
    }
}

fn crashed(label: &str, cause: &str) -> JobFailure {
    JobFailure::Crashed(format!("job {label} failed: {cause}"))
}
