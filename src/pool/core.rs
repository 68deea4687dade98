//! The pool's logic without a browser: [`PoolCore`], a state machine driven
//! by explicit events that returns [`Action`]s, and [`Pool`], which carries
//! the actions out on a [`WorkerHost`] (real Web Workers in
//! [`super::browser`], a fake in the tests) and delivers the outcomes with
//! no borrow held.
//!
//! # The rules
//! - Workers are spawned lazily, up to `max_workers`, and kept for the
//!   pool's whole life; [`Pool::prewarm`] spawns idle ones ahead of time.
//! - A job goes to an idle ready worker, else waits in one FIFO queue; a
//!   worker that becomes free or ready takes the oldest job. A job is posted
//!   only once its worker said `ready` (messages posted before are lost).
//! - Every job's `done` is called exactly once.
//! - A panic or an `error` event while a job runs fails it with
//!   [`JobFailure::Crashed`] and retires the worker (a replacement is spawned
//!   when jobs are waiting, otherwise when one is needed); a `failed` reply
//!   (bad arguments) fails the job and keeps the worker.
//! - A job's deadline runs from when it is posted; when it passes, the
//!   worker is terminated and the job fails with [`JobFailure::Deadline`].
//! - A worker that fails before `ready`, or is not ready within the load
//!   timeout, is a load failure: when no other worker is left to serve the
//!   queue, every queued job fails with [`JobFailure::Unavailable`]. After a
//!   load failure the pool spawns nothing on its own until a worker loads;
//!   the next [`Pool::start`] (or [`Pool::prewarm`]) tries one fresh worker.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt;
use std::rc::Rc;

use asyncio_engine::executor::{JobFailure, JobOutcome};
use asyncio_engine::jobs::Job;
use asyncio_engine::pyfmt::float_repr;

use crate::worker_protocol::{Reply, Request};

/// The default cap on live workers.
pub const DEFAULT_MAX_WORKERS: usize = 64;

/// How long a worker may take to post `ready`, in seconds, by default.
pub const DEFAULT_LOAD_TIMEOUT: f64 = 15.0;

/// What a job's outcome is handed to.
pub type Done = Box<dyn FnOnce(JobOutcome)>;

/// A worker, by its number: 1 for the first one spawned, never reused (a
/// replacement gets the next number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WorkerId(pub u32);

impl fmt::Display for WorkerId {
    /// `Web Worker 3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Web Worker {}", self.0)
    }
}

/// The pool's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolConfig {
    /// The most workers alive at once (at least 1).
    pub max_workers: usize,
    /// Seconds a worker may take to post `ready`.
    pub load_timeout: f64,
}

impl Default for PoolConfig {
    fn default() -> PoolConfig {
        PoolConfig { max_workers: DEFAULT_MAX_WORKERS, load_timeout: DEFAULT_LOAD_TIMEOUT }
    }
}

/// What the host must do, in order.
pub enum Action {
    /// Create the worker. If that fails at once, report it with
    /// [`PoolCore::on_error`].
    Spawn(WorkerId),
    /// Post the request to the (ready) worker. If that fails, report it with
    /// [`PoolCore::on_error`].
    Post(WorkerId, Request),
    /// Terminate the worker and forget it (its timer and handlers too).
    Terminate(WorkerId),
    /// Arm the worker's one timer, replacing any: [`PoolCore::on_timeout`]
    /// after this many seconds.
    ArmTimer(WorkerId, f64),
    /// Clear the worker's timer.
    Disarm(WorkerId),
    /// Hand a job its outcome, once the pool is no longer borrowed.
    Deliver(Done, JobOutcome),
}

impl fmt::Debug for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::Spawn(w) => write!(f, "Spawn({})", w.0),
            Action::Post(w, request) => write!(f, "Post({}, {request:?})", w.0),
            Action::Terminate(w) => write!(f, "Terminate({})", w.0),
            Action::ArmTimer(w, seconds) => write!(f, "ArmTimer({}, {seconds})", w.0),
            Action::Disarm(w) => write!(f, "Disarm({})", w.0),
            Action::Deliver(_, outcome) => write!(f, "Deliver({outcome:?})"),
        }
    }
}

/// One worker's state, for the inspector.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerState {
    /// Spawned, not ready yet.
    Loading,
    /// Ready, with nothing to do.
    Idle,
    /// Running `job` (its label) since `started_ms` on the pool's clock.
    Busy { job: String, started_ms: f64 },
}

impl fmt::Display for WorkerState {
    /// `loading`, `idle`, `busy: fib(30) since 1234.5 ms`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkerState::Loading => f.write_str("loading"),
            WorkerState::Idle => f.write_str("idle"),
            WorkerState::Busy { job, started_ms } => write!(f, "busy: {job} since {started_ms:.1} ms"),
        }
    }
}

/// One worker in a [`PoolSnapshot`].
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerSnapshot {
    /// The worker's number (`Web Worker <number>`).
    pub number: u32,
    pub state: WorkerState,
}

/// The pool at one instant, for the page's inspector.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolSnapshot {
    pub max_workers: usize,
    /// The live workers, oldest first.
    pub workers: Vec<WorkerSnapshot>,
    /// Jobs waiting for a worker.
    pub queued: usize,
    /// Workers terminated after a crash, an error or a deadline.
    pub replaced: usize,
    /// Why the last worker that failed to load failed, until one loads.
    pub last_load_error: Option<String>,
}

impl fmt::Display for PoolSnapshot {
    /// One line per worker, then the totals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for worker in &self.workers {
            writeln!(f, "{}: {}", WorkerId(worker.number), worker.state)?;
        }
        write!(
            f,
            "workers={}/{} queued={} replaced={}",
            self.workers.len(),
            self.max_workers,
            self.queued,
            self.replaced
        )?;
        if let Some(error) = &self.last_load_error {
            write!(f, " load error: {error}")?;
        }
        Ok(())
    }
}

struct Running {
    /// The request id the worker's reply carries.
    id: u32,
    label: String,
    started_ms: f64,
    deadline: Option<f64>,
    done: Done,
}

/// How a worker died.
#[derive(Clone, Copy)]
enum Death<'a> {
    /// Its panic hook posted this message.
    Panic(&'a str),
    /// An `error` event said this.
    Error(&'a str),
}

enum Slot {
    Loading,
    Idle,
    Busy(Running),
}

struct Worker {
    id: WorkerId,
    slot: Slot,
}

struct Queued {
    job: Job,
    deadline: Option<f64>,
    done: Done,
}

/// The pool as a state machine: every event returns the [`Action`]s it
/// calls for. It never calls a `done` itself.
pub struct PoolCore {
    config: PoolConfig,
    clock: Rc<dyn Fn() -> f64>,
    workers: Vec<Worker>,
    queue: VecDeque<Queued>,
    next_worker: u32,
    next_request: u32,
    replaced: usize,
    load_error: Option<String>,
    /// Set by a load failure, cleared when a worker loads: the pool spawns
    /// nothing on its own meanwhile.
    load_failed: bool,
    /// One fresh worker may be tried although `load_failed` is set.
    retry: bool,
}

/// `x` seconds as a message shows them: `15`, `0.3`.
fn seconds(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        float_repr(x)
    }
}

impl PoolCore {
    /// An empty pool; `clock` gives milliseconds for the snapshot's start
    /// times (`performance.now()` in the page).
    pub fn new(config: PoolConfig, clock: Rc<dyn Fn() -> f64>) -> PoolCore {
        let config = PoolConfig {
            max_workers: config.max_workers.max(1),
            load_timeout: if config.load_timeout.is_nan() {
                DEFAULT_LOAD_TIMEOUT
            } else {
                config.load_timeout.max(0.0)
            },
        };
        PoolCore {
            config,
            clock,
            workers: Vec::new(),
            queue: VecDeque::new(),
            next_worker: 1,
            next_request: 1,
            replaced: 0,
            load_error: None,
            load_failed: false,
            retry: false,
        }
    }

    /// The settings in force (`max_workers` at least 1).
    pub fn config(&self) -> &PoolConfig {
        &self.config
    }

    /// Run `job`, failing it after `deadline` seconds on a worker (a NaN or
    /// infinite deadline is none; a negative one is 0).
    pub fn start(&mut self, job: Job, deadline: Option<f64>, done: Done) -> Vec<Action> {
        let deadline = deadline.filter(|d| !d.is_nan() && *d != f64::INFINITY).map(|d| d.max(0.0));
        self.allow_retry();
        self.queue.push_back(Queued { job, deadline, done });
        let mut out = Vec::new();
        self.pump(&mut out);
        out
    }

    /// Spawn workers until `n` (at most `max_workers`) are alive.
    pub fn prewarm(&mut self, n: usize) -> Vec<Action> {
        let mut out = Vec::new();
        let target = n.min(self.config.max_workers);
        if self.workers.len() < target {
            self.allow_retry();
        }
        while self.workers.len() < target && self.may_spawn() {
            self.spawn(&mut out);
        }
        self.pump(&mut out);
        out
    }

    /// A message from `worker`.
    pub fn on_reply(&mut self, worker: WorkerId, reply: Reply) -> Vec<Action> {
        let mut out = Vec::new();
        let Some(index) = self.index(worker) else { return out };
        match reply {
            Reply::Ready => {
                if matches!(self.workers[index].slot, Slot::Loading) {
                    self.workers[index].slot = Slot::Idle;
                    out.push(Action::Disarm(worker));
                    self.load_failed = false;
                    self.retry = false;
                    self.load_error = None;
                }
            }
            Reply::Result { id, value } => {
                if self.running_id(index) == Some(id) {
                    self.finish(index, Ok(value), &mut out);
                }
            }
            Reply::Failed { id, message } => {
                if let Some(label) = self.running_label(index, Some(id)) {
                    let failure = JobFailure::Crashed(format!("job {label} failed in {worker}: {message}"));
                    self.finish(index, Err(failure), &mut out);
                }
            }
            Reply::Error { id, message } => {
                if let Some(label) = self.running_label(index, id) {
                    let failure = JobFailure::Crashed(format!(
                        "job {label} failed in {worker}: the worker could not read the request: {message}"
                    ));
                    self.finish(index, Err(failure), &mut out);
                }
            }
            Reply::Panic { message, .. } => self.retire(index, Death::Panic(&message), &mut out),
        }
        self.pump(&mut out);
        out
    }

    /// An `error` event from `worker` (or a failure to create it or to post
    /// to it), with what it said.
    pub fn on_error(&mut self, worker: WorkerId, message: &str) -> Vec<Action> {
        let mut out = Vec::new();
        if let Some(index) = self.index(worker) {
            self.retire(index, Death::Error(message), &mut out);
            self.pump(&mut out);
        }
        out
    }

    /// The timer of `worker` fired: its load timeout or its job's deadline.
    pub fn on_timeout(&mut self, worker: WorkerId) -> Vec<Action> {
        let mut out = Vec::new();
        let Some(index) = self.index(worker) else { return out };
        match &self.workers[index].slot {
            Slot::Loading => {
                self.workers.remove(index);
                out.push(Action::Terminate(worker));
                let detail = format!("{worker} was not ready within {} s", seconds(self.config.load_timeout));
                self.load_failure(detail);
            }
            Slot::Busy(Running { deadline: Some(limit), label, .. }) => {
                let failure = JobFailure::Deadline(format!(
                    "job {label} ran past its deadline of {} s; {worker} was terminated and replaced",
                    float_repr(*limit)
                ));
                if let Slot::Busy(running) = self.workers.remove(index).slot {
                    out.push(Action::Terminate(worker));
                    out.push(Action::Deliver(running.done, Err(failure)));
                }
                self.replaced += 1;
            }
            Slot::Busy(_) | Slot::Idle => return out,
        }
        self.pump(&mut out);
        out
    }

    /// Terminate every worker and fail every job, running or queued.
    pub fn shutdown(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        for worker in std::mem::take(&mut self.workers) {
            out.push(Action::Terminate(worker.id));
            if let Slot::Busy(running) = worker.slot {
                let failure = JobFailure::Unavailable(format!(
                    "job {} was stopped: the Web Worker pool was shut down",
                    running.label
                ));
                out.push(Action::Deliver(running.done, Err(failure)));
            }
        }
        self.fail_queued(
            |label| format!("job {label} never ran: the Web Worker pool was shut down"),
            &mut out,
        );
        out
    }

    /// Stop every job, running or queued, and keep the idle and loading
    /// workers: what the page does when a run that still has jobs out is
    /// reset or replaced (their results would be dropped, and a worker
    /// spinning through a long `busy_wait` would slow the next run). Busy
    /// workers are terminated (and replaced when jobs need them); every job
    /// fails with `Unavailable` saying `why`.
    pub fn abandon(&mut self, why: &str) -> Vec<Action> {
        let mut out = Vec::new();
        let mut kept = Vec::with_capacity(self.workers.len());
        for worker in std::mem::take(&mut self.workers) {
            match worker.slot {
                Slot::Busy(running) => {
                    out.push(Action::Terminate(worker.id));
                    let failure = JobFailure::Unavailable(format!(
                        "job {} was stopped ({why}); {} was terminated",
                        running.label, worker.id
                    ));
                    out.push(Action::Deliver(running.done, Err(failure)));
                }
                Slot::Loading | Slot::Idle => kept.push(worker),
            }
        }
        self.workers = kept;
        self.fail_queued(|label| format!("job {label} never ran ({why})"), &mut out);
        out
    }

    /// The pool now.
    pub fn snapshot(&self) -> PoolSnapshot {
        PoolSnapshot {
            max_workers: self.config.max_workers,
            workers: self
                .workers
                .iter()
                .map(|worker| WorkerSnapshot {
                    number: worker.id.0,
                    state: match &worker.slot {
                        Slot::Loading => WorkerState::Loading,
                        Slot::Idle => WorkerState::Idle,
                        Slot::Busy(running) => {
                            WorkerState::Busy { job: running.label.clone(), started_ms: running.started_ms }
                        }
                    },
                })
                .collect(),
            queued: self.queue.len(),
            replaced: self.replaced,
            last_load_error: self.load_error.clone(),
        }
    }

    fn index(&self, worker: WorkerId) -> Option<usize> {
        self.workers.iter().position(|w| w.id == worker)
    }

    fn running_id(&self, index: usize) -> Option<u32> {
        match &self.workers[index].slot {
            Slot::Busy(running) => Some(running.id),
            _ => None,
        }
    }

    /// The label of the running job, if `id` is its id (or unknown).
    fn running_label(&self, index: usize, id: Option<u32>) -> Option<String> {
        match &self.workers[index].slot {
            Slot::Busy(running) if id.is_none_or(|id| id == running.id) => Some(running.label.clone()),
            _ => None,
        }
    }

    /// The running job ends with `outcome`; the worker is idle again.
    fn finish(&mut self, index: usize, outcome: JobOutcome, out: &mut Vec<Action>) {
        let worker = &mut self.workers[index];
        if let Slot::Busy(running) = std::mem::replace(&mut worker.slot, Slot::Idle) {
            if running.deadline.is_some() {
                out.push(Action::Disarm(worker.id));
            }
            out.push(Action::Deliver(running.done, outcome));
        }
    }

    /// The worker panicked or threw: terminate it and fail what it was
    /// doing (its job, or its loading).
    fn retire(&mut self, index: usize, death: Death<'_>, out: &mut Vec<Action>) {
        let worker = self.workers.remove(index);
        out.push(Action::Terminate(worker.id));
        let cause = match death {
            Death::Panic(message) => format!("panicked: {message}"),
            Death::Error(message) => format!("threw: {message}"),
        };
        match worker.slot {
            Slot::Loading => {
                let detail = match death {
                    Death::Panic(_) => format!("{} {cause}", worker.id),
                    Death::Error(message) => format!("{} failed to load: {message}", worker.id),
                };
                self.load_failure(detail);
            }
            Slot::Idle => self.replaced += 1,
            Slot::Busy(running) => {
                self.replaced += 1;
                let failure = JobFailure::Crashed(format!(
                    "job {} failed in {}: {cause}; the worker was replaced",
                    running.label, worker.id
                ));
                out.push(Action::Deliver(running.done, Err(failure)));
            }
        }
    }

    fn load_failure(&mut self, detail: String) {
        self.load_error = Some(detail);
        self.load_failed = true;
        self.retry = false;
    }

    /// After a load failure, let one fresh worker be tried, unless one is
    /// already loading (a burst of jobs tries one worker, not one each).
    fn allow_retry(&mut self) {
        if self.load_failed && !self.workers.iter().any(|w| matches!(w.slot, Slot::Loading)) {
            self.retry = true;
        }
    }

    fn may_spawn(&mut self) -> bool {
        if self.workers.len() >= self.config.max_workers {
            false
        } else if self.load_failed {
            std::mem::take(&mut self.retry)
        } else {
            true
        }
    }

    fn spawn(&mut self, out: &mut Vec<Action>) {
        let id = WorkerId(self.next_worker);
        self.next_worker = self.next_worker.wrapping_add(1);
        self.workers.push(Worker { id, slot: Slot::Loading });
        out.push(Action::Spawn(id));
        out.push(Action::ArmTimer(id, self.config.load_timeout));
    }

    /// Hand queued jobs to idle workers, spawn workers for the rest, and
    /// fail the queue when no worker is left to serve it.
    fn pump(&mut self, out: &mut Vec<Action>) {
        while !self.queue.is_empty() {
            let Some(index) = self.workers.iter().position(|w| matches!(w.slot, Slot::Idle)) else { break };
            let Some(queued) = self.queue.pop_front() else { break };
            self.post(index, queued, out);
        }
        let loading = self.workers.iter().filter(|w| matches!(w.slot, Slot::Loading)).count();
        let mut needed = self.queue.len().saturating_sub(loading);
        while needed > 0 && self.may_spawn() {
            self.spawn(out);
            needed -= 1;
        }
        if !self.queue.is_empty() && self.workers.is_empty() {
            let detail = self.load_error.clone().unwrap_or_else(|| "no Web Worker is running".to_string());
            self.fail_queued(|_| format!("the Web Workers could not start: {detail}"), out);
        }
    }

    /// Fail every queued job with `Unavailable`, saying `message(label)`.
    fn fail_queued(&mut self, message: impl Fn(&str) -> String, out: &mut Vec<Action>) {
        for queued in std::mem::take(&mut self.queue) {
            let failure = JobFailure::Unavailable(message(&queued.job.label()));
            out.push(Action::Deliver(queued.done, Err(failure)));
        }
    }

    fn post(&mut self, index: usize, queued: Queued, out: &mut Vec<Action>) {
        let id = self.next_request;
        self.next_request = self.next_request.wrapping_add(1);
        let label = queued.job.label();
        let started_ms = (self.clock)();
        let worker = &mut self.workers[index];
        out.push(Action::Post(worker.id, Request::Job { id, job: queued.job }));
        if let Some(limit) = queued.deadline {
            out.push(Action::ArmTimer(worker.id, limit));
        }
        worker.slot =
            Slot::Busy(Running { id, label, started_ms, deadline: queued.deadline, done: queued.done });
    }
}

/// What the pool needs of the environment its workers live in.
pub trait WorkerHost {
    /// Create `worker`.
    ///
    /// # Errors
    /// Why it could not even be created (the pool then treats it as a
    /// worker that failed to load).
    fn spawn(&mut self, worker: WorkerId) -> Result<(), String>;
    /// Post `request` to `worker`.
    ///
    /// # Errors
    /// Why it could not be posted (the pool then treats it as an `error`
    /// event of the worker).
    fn post(&mut self, worker: WorkerId, request: &Request) -> Result<(), String>;
    /// Terminate `worker` and drop everything kept for it; later events from
    /// it must not reach the pool (the pool ignores them anyway).
    fn terminate(&mut self, worker: WorkerId);
    /// Call [`Pool::on_timeout`] for `worker` after `seconds`, replacing its
    /// previous timer. A worker the host does not know is ignored.
    fn arm(&mut self, worker: WorkerId, seconds: f64);
    /// Clear the timer of `worker`.
    fn disarm(&mut self, worker: WorkerId);
}

/// A [`PoolCore`] on a [`WorkerHost`]: every entry point runs the core's
/// actions, then hands outcomes to their `done` with nothing borrowed (a
/// `done` may call back into the pool), then calls `on_event` if it did.
pub struct Pool<H: WorkerHost> {
    core: RefCell<PoolCore>,
    host: RefCell<H>,
    on_event: Rc<dyn Fn()>,
}

impl<H: WorkerHost> Pool<H> {
    /// A pool with no workers yet.
    pub fn new(config: PoolConfig, clock: Rc<dyn Fn() -> f64>, host: H, on_event: Rc<dyn Fn()>) -> Pool<H> {
        Pool { core: RefCell::new(PoolCore::new(config, clock)), host: RefCell::new(host), on_event }
    }

    /// Use the host (not from inside one of its own methods).
    pub fn with_host<R>(&self, f: impl FnOnce(&mut H) -> R) -> R {
        f(&mut self.host.borrow_mut())
    }

    /// [`PoolCore::start`].
    pub fn start(&self, job: Job, deadline: Option<f64>, done: Done) {
        let actions = self.core.borrow_mut().start(job, deadline, done);
        self.run(actions);
    }

    /// [`PoolCore::prewarm`].
    pub fn prewarm(&self, n: usize) {
        let actions = self.core.borrow_mut().prewarm(n);
        self.run(actions);
    }

    /// [`PoolCore::on_reply`].
    pub fn on_reply(&self, worker: WorkerId, reply: Reply) {
        let actions = self.core.borrow_mut().on_reply(worker, reply);
        self.run(actions);
    }

    /// [`PoolCore::on_error`].
    pub fn on_error(&self, worker: WorkerId, message: &str) {
        let actions = self.core.borrow_mut().on_error(worker, message);
        self.run(actions);
    }

    /// [`PoolCore::on_timeout`].
    pub fn on_timeout(&self, worker: WorkerId) {
        let actions = self.core.borrow_mut().on_timeout(worker);
        self.run(actions);
    }

    /// [`PoolCore::shutdown`].
    pub fn shutdown(&self) {
        let actions = self.core.borrow_mut().shutdown();
        self.run(actions);
    }

    /// [`PoolCore::abandon`].
    pub fn abandon(&self, why: &str) {
        let actions = self.core.borrow_mut().abandon(why);
        self.run(actions);
    }

    /// [`PoolCore::snapshot`].
    pub fn snapshot(&self) -> PoolSnapshot {
        self.core.borrow().snapshot()
    }

    /// Carry out `actions` (and those that failures of the host add), then
    /// deliver the outcomes.
    fn run(&self, actions: Vec<Action>) {
        let mut pending: VecDeque<Action> = actions.into();
        let mut deliveries = Vec::new();
        while let Some(action) = pending.pop_front() {
            let failed = match action {
                Action::Spawn(worker) => self.host.borrow_mut().spawn(worker).err().map(|e| (worker, e)),
                Action::Post(worker, request) => {
                    self.host.borrow_mut().post(worker, &request).err().map(|e| (worker, e))
                }
                Action::Terminate(worker) => {
                    self.host.borrow_mut().terminate(worker);
                    None
                }
                Action::ArmTimer(worker, seconds) => {
                    self.host.borrow_mut().arm(worker, seconds);
                    None
                }
                Action::Disarm(worker) => {
                    self.host.borrow_mut().disarm(worker);
                    None
                }
                Action::Deliver(done, outcome) => {
                    deliveries.push((done, outcome));
                    None
                }
            };
            if let Some((worker, message)) = failed {
                let follow = self.core.borrow_mut().on_error(worker, &message);
                for action in follow.into_iter().rev() {
                    pending.push_front(action);
                }
            }
        }
        if deliveries.is_empty() {
            return;
        }
        for (done, outcome) in deliveries {
            done(outcome);
        }
        (self.on_event)();
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::collections::BTreeMap;

    use asyncio_engine::jobs::JobValue;

    use super::*;

    /// A host that records what the pool asks of it.
    #[derive(Default)]
    struct FakeHost {
        spawned: Vec<WorkerId>,
        /// The last request posted to each worker.
        posted: BTreeMap<WorkerId, Request>,
        /// Every post, in order.
        post_log: Vec<(WorkerId, Request)>,
        terminated: Vec<WorkerId>,
        timers: BTreeMap<WorkerId, f64>,
        /// Make `spawn` fail with this message.
        spawn_error: Option<String>,
        /// Make `post` fail with this message.
        post_error: Option<String>,
    }

    impl WorkerHost for FakeHost {
        fn spawn(&mut self, worker: WorkerId) -> Result<(), String> {
            if let Some(error) = &self.spawn_error {
                return Err(error.clone());
            }
            assert!(!self.spawned.contains(&worker), "{worker} spawned twice");
            self.spawned.push(worker);
            Ok(())
        }
        fn post(&mut self, worker: WorkerId, request: &Request) -> Result<(), String> {
            assert!(
                self.spawned.contains(&worker) && !self.terminated.contains(&worker),
                "post to dead {worker}"
            );
            if let Some(error) = &self.post_error {
                return Err(error.clone());
            }
            self.posted.insert(worker, request.clone());
            self.post_log.push((worker, request.clone()));
            Ok(())
        }
        fn terminate(&mut self, worker: WorkerId) {
            self.terminated.push(worker);
            self.timers.remove(&worker);
            self.posted.remove(&worker);
        }
        fn arm(&mut self, worker: WorkerId, seconds: f64) {
            if self.spawned.contains(&worker) && !self.terminated.contains(&worker) {
                self.timers.insert(worker, seconds);
            }
        }
        fn disarm(&mut self, worker: WorkerId) {
            self.timers.remove(&worker);
        }
    }

    type Outcomes = Rc<RefCell<Vec<(&'static str, JobOutcome)>>>;

    struct Harness {
        pool: Rc<Pool<FakeHost>>,
        outcomes: Outcomes,
        events: Rc<Cell<u32>>,
        clock: Rc<Cell<f64>>,
    }

    fn harness(max_workers: usize) -> Harness {
        let events = Rc::new(Cell::new(0));
        let clock = Rc::new(Cell::new(0.0));
        let counter = events.clone();
        let now = clock.clone();
        let pool = Pool::new(
            PoolConfig { max_workers, ..PoolConfig::default() },
            Rc::new(move || now.get()),
            FakeHost::default(),
            Rc::new(move || counter.set(counter.get() + 1)),
        );
        Harness { pool: Rc::new(pool), outcomes: Rc::default(), events, clock }
    }

    fn w(n: u32) -> WorkerId {
        WorkerId(n)
    }

    fn echo(text: &str) -> Job {
        Job::Echo { text: text.into() }
    }

    impl Harness {
        fn start(&self, tag: &'static str, job: Job, deadline: Option<f64>) {
            let outcomes = self.outcomes.clone();
            self.pool.start(
                job,
                deadline,
                Box::new(move |outcome| outcomes.borrow_mut().push((tag, outcome))),
            );
        }
        fn host<R>(&self, f: impl FnOnce(&mut FakeHost) -> R) -> R {
            self.pool.with_host(f)
        }
        fn spawned(&self) -> Vec<WorkerId> {
            self.host(|h| h.spawned.clone())
        }
        fn terminated(&self) -> Vec<WorkerId> {
            self.host(|h| h.terminated.clone())
        }
        fn timer(&self, worker: WorkerId) -> Option<f64> {
            self.host(|h| h.timers.get(&worker).copied())
        }
        /// The job running on `worker` (the last one posted to it).
        fn running(&self, worker: WorkerId) -> Option<Request> {
            self.host(|h| h.posted.get(&worker).cloned())
        }
        fn ready(&self, worker: WorkerId) {
            self.pool.on_reply(worker, Reply::Ready);
        }
        /// `worker` answers its job with the job's own value.
        fn answer(&self, worker: WorkerId) {
            let Some(Request::Job { id, job }) = self.running(worker) else { panic!("{worker} has no job") };
            let value = job.run(&|| 0.0).expect("a job that returns");
            self.host(|h| h.posted.remove(&worker));
            self.pool.on_reply(worker, Reply::Result { id, value });
        }
        fn outcomes(&self) -> Vec<(&'static str, JobOutcome)> {
            self.outcomes.borrow().clone()
        }
        fn take_outcomes(&self) -> Vec<(&'static str, JobOutcome)> {
            std::mem::take(&mut *self.outcomes.borrow_mut())
        }
        fn states(&self) -> Vec<(u32, WorkerState)> {
            self.pool.snapshot().workers.into_iter().map(|w| (w.number, w.state)).collect()
        }
    }

    fn text(value: &str) -> JobOutcome {
        Ok(JobValue::Text(value.into()))
    }

    #[test]
    fn workers_are_spawned_lazily_and_posted_to_only_once_ready() {
        let h = harness(4);
        assert!(h.spawned().is_empty(), "no worker before the first job");
        h.start("a", echo("a"), None);
        assert_eq!(h.spawned(), [w(1)]);
        assert_eq!(h.timer(w(1)), Some(DEFAULT_LOAD_TIMEOUT), "the load timeout is armed");
        assert_eq!(h.running(w(1)), None, "nothing is posted before ready");
        assert_eq!(h.states(), [(1, WorkerState::Loading)]);
        h.ready(w(1));
        assert_eq!(h.timer(w(1)), None, "ready clears the load timeout");
        assert_eq!(h.running(w(1)), Some(Request::Job { id: 1, job: echo("a") }));
        h.answer(w(1));
        assert_eq!(h.outcomes(), [("a", text("a"))]);
        assert_eq!(h.events.get(), 1, "on_event after the outcome");
        assert_eq!(h.states(), [(1, WorkerState::Idle)]);
    }

    #[test]
    fn workers_are_reused_across_jobs() {
        let h = harness(4);
        h.start("a", echo("a"), None);
        h.ready(w(1));
        h.answer(w(1));
        h.start("b", Job::CountPrimes { n: 100 }, None);
        assert_eq!(h.spawned(), [w(1)], "the idle worker takes the job");
        h.answer(w(1));
        assert_eq!(h.outcomes(), [("a", text("a")), ("b", Ok(JobValue::Number(25.0)))]);
        // Request ids keep growing, so a stale reply never matches.
        assert_eq!(h.host(|h| h.post_log.iter().map(|(_, r)| r.id()).collect::<Vec<_>>()), [1, 2]);
    }

    #[test]
    fn abandoning_stops_every_job_and_keeps_the_idle_workers() {
        let h = harness(2);
        h.start("a", echo("a"), None);
        h.start("b", Job::BusyWait { ms: 60_000.0 }, Some(100.0));
        h.ready(w(1));
        h.ready(w(2));
        h.answer(w(1));
        h.take_outcomes();
        h.start("c", Job::CountPrimes { n: 10 }, None);
        h.start("d", echo("d"), None);
        assert_eq!(h.pool.snapshot().queued, 1);
        h.pool.abandon("the run was reset");
        let outcomes = h.take_outcomes();
        assert_eq!(outcomes.len(), 3);
        let messages: Vec<String> = outcomes
            .iter()
            .map(|(tag, outcome)| match outcome {
                Err(JobFailure::Unavailable(message)) => format!("{tag}: {message}"),
                other => panic!("{tag}: {other:?}"),
            })
            .collect();
        assert_eq!(
            messages,
            [
                "c: job count_primes(10) was stopped (the run was reset); Web Worker 1 was terminated",
                "b: job busy_wait(60000.0) was stopped (the run was reset); Web Worker 2 was terminated",
                "d: job echo('d') never ran (the run was reset)",
            ]
        );
        assert_eq!(h.terminated(), [w(1), w(2)]);
        assert_eq!(h.timer(w(2)), None, "the deadline's timer went with its worker");
        // The pool serves the next run with fresh workers.
        h.start("e", echo("e"), None);
        assert_eq!(h.spawned(), [w(1), w(2), w(3)]);
        h.ready(w(3));
        h.answer(w(3));
        assert_eq!(h.take_outcomes(), [("e", text("e"))]);
    }

    #[test]
    fn one_worker_runs_the_queue_in_fifo_order() {
        let h = harness(1);
        for (tag, word) in [("1", "one"), ("2", "two"), ("3", "three")] {
            h.start(tag, echo(word), None);
        }
        assert_eq!(h.spawned(), [w(1)], "the cap is one worker");
        assert_eq!(h.pool.snapshot().queued, 3);
        h.ready(w(1));
        assert_eq!(h.pool.snapshot().queued, 2);
        for _ in 0..3 {
            h.answer(w(1));
        }
        assert_eq!(h.outcomes(), [("1", text("one")), ("2", text("two")), ("3", text("three"))]);
        assert_eq!(h.events.get(), 3);
    }

    #[test]
    fn the_cap_bounds_the_workers_and_a_freed_worker_takes_the_oldest_job() {
        let h = harness(2);
        for (tag, word) in [("1", "one"), ("2", "two"), ("3", "three"), ("4", "four"), ("5", "five")] {
            h.start(tag, echo(word), None);
        }
        assert_eq!(h.spawned(), [w(1), w(2)]);
        // Worker 2 is ready first: it takes the oldest job.
        h.ready(w(2));
        assert_eq!(h.running(w(2)), Some(Request::Job { id: 1, job: echo("one") }));
        h.ready(w(1));
        assert_eq!(h.running(w(1)), Some(Request::Job { id: 2, job: echo("two") }));
        h.answer(w(1));
        assert_eq!(h.running(w(1)), Some(Request::Job { id: 3, job: echo("three") }));
        h.answer(w(2));
        assert_eq!(h.running(w(2)), Some(Request::Job { id: 4, job: echo("four") }));
        h.answer(w(2));
        h.answer(w(1));
        h.answer(w(2));
        let tags: Vec<_> = h.outcomes().into_iter().map(|(tag, _)| tag).collect();
        assert_eq!(tags, ["2", "1", "4", "3", "5"]);
        assert_eq!(h.spawned(), [w(1), w(2)], "never more than the cap");
    }

    #[test]
    fn jobs_waiting_for_loading_workers_do_not_spawn_more() {
        let h = harness(8);
        h.start("a", echo("a"), None);
        h.start("b", echo("b"), None);
        assert_eq!(h.spawned(), [w(1), w(2)], "one worker per waiting job");
        h.ready(w(1));
        h.answer(w(1));
        h.start("c", echo("c"), None);
        assert_eq!(h.spawned(), [w(1), w(2)], "worker 2 is still loading for it");
        assert_eq!(
            h.states(),
            [(1, WorkerState::Busy { job: "echo('b')".into(), started_ms: 0.0 }), (2, WorkerState::Loading)]
        );
        assert_eq!(h.pool.snapshot().queued, 1);
    }

    #[test]
    fn prewarm_spawns_idle_workers_up_to_the_cap() {
        let h = harness(3);
        h.pool.prewarm(2);
        assert_eq!(h.spawned(), [w(1), w(2)]);
        h.pool.prewarm(2);
        assert_eq!(h.spawned(), [w(1), w(2)], "already warm");
        h.pool.prewarm(10);
        assert_eq!(h.spawned(), [w(1), w(2), w(3)], "capped");
        for n in 1..=3 {
            h.ready(w(n));
        }
        assert_eq!(h.states(), [(1, WorkerState::Idle), (2, WorkerState::Idle), (3, WorkerState::Idle)]);
        h.start("a", echo("a"), None);
        assert_eq!(h.running(w(1)), Some(Request::Job { id: 1, job: echo("a") }));
        assert!(h.outcomes().is_empty());
        assert_eq!(h.events.get(), 0, "no outcome, no event");
    }

    #[test]
    fn a_panic_fails_the_job_and_replaces_the_worker_when_jobs_wait() {
        let h = harness(1);
        h.start("crash", Job::Crash { message: "boom".into() }, None);
        h.start("next", echo("next"), None);
        h.ready(w(1));
        h.pool.on_reply(w(1), Reply::Panic { id: Some(1), message: "boom".into() });
        assert_eq!(
            h.take_outcomes(),
            [(
                "crash",
                Err(JobFailure::Crashed(
                    "job crash('boom') failed in Web Worker 1: panicked: boom; the worker was replaced"
                        .into()
                ))
            )]
        );
        assert_eq!(h.terminated(), [w(1)]);
        assert_eq!(h.spawned(), [w(1), w(2)], "a replacement for the waiting job");
        // The trap's error event that follows is ignored: the worker is gone.
        h.pool.on_error(w(1), "RuntimeError: unreachable");
        assert!(h.outcomes().is_empty());
        h.ready(w(2));
        h.answer(w(2));
        assert_eq!(h.take_outcomes(), [("next", text("next"))]);
        assert_eq!(h.pool.snapshot().replaced, 1);
    }

    #[test]
    fn an_error_event_fails_the_job_and_the_replacement_is_lazy() {
        let h = harness(4);
        h.start("throw", Job::Throw { message: "nope".into() }, None);
        h.ready(w(1));
        h.pool.on_error(w(1), "Error: nope");
        assert_eq!(
            h.take_outcomes(),
            [(
                "throw",
                Err(JobFailure::Crashed(
                    "job throw('nope') failed in Web Worker 1: threw: Error: nope; the worker was replaced"
                        .into()
                ))
            )]
        );
        assert_eq!(h.terminated(), [w(1)]);
        assert_eq!(h.spawned(), [w(1)], "no job waits: no replacement yet");
        assert!(h.states().is_empty());
        h.start("after", echo("after"), None);
        assert_eq!(h.spawned(), [w(1), w(2)]);
        h.ready(w(2));
        h.answer(w(2));
        assert_eq!(h.take_outcomes(), [("after", text("after"))]);
    }

    #[test]
    fn an_idle_worker_that_errors_is_dropped() {
        let h = harness(4);
        h.pool.prewarm(1);
        h.ready(w(1));
        h.pool.on_error(w(1), "weird");
        assert_eq!(h.terminated(), [w(1)]);
        assert!(h.states().is_empty());
        assert_eq!(h.pool.snapshot().replaced, 1);
        assert!(h.outcomes().is_empty());
    }

    #[test]
    fn a_failed_reply_fails_the_job_and_keeps_the_worker() {
        let h = harness(1);
        h.start("bad", Job::Fib { n: 99 }, None);
        h.start("good", Job::Fib { n: 10 }, None);
        h.ready(w(1));
        h.pool.on_reply(w(1), Reply::Failed { id: 1, message: "fib: n must be from 0 to 50, got 99".into() });
        assert_eq!(
            h.take_outcomes(),
            [(
                "bad",
                Err(JobFailure::Crashed(
                    "job fib(99) failed in Web Worker 1: fib: n must be from 0 to 50, got 99".into()
                ))
            )]
        );
        assert!(h.terminated().is_empty());
        h.answer(w(1));
        assert_eq!(h.take_outcomes(), [("good", Ok(JobValue::Number(55.0)))]);
        assert_eq!(h.pool.snapshot().replaced, 0);
    }

    #[test]
    fn a_protocol_error_reply_fails_the_running_job_only() {
        let h = harness(1);
        h.start("a", echo("a"), None);
        h.ready(w(1));
        h.pool.on_reply(w(1), Reply::Error { id: Some(99), message: "other".into() });
        assert!(h.outcomes().is_empty(), "an error for another id is ignored");
        h.pool.on_reply(w(1), Reply::Error { id: Some(1), message: "job: bad".into() });
        let outcomes = h.take_outcomes();
        assert!(matches!(&outcomes[..], [("a", Err(JobFailure::Crashed(m)))]
            if m == "job echo('a') failed in Web Worker 1: the worker could not read the request: job: bad"));
        assert_eq!(h.states(), [(1, WorkerState::Idle)]);
    }

    #[test]
    fn the_deadline_starts_when_the_job_is_posted_and_terminates_the_worker() {
        let h = harness(1);
        h.start("first", echo("first"), None);
        h.start("slow", Job::BusyWait { ms: 5000.0 }, Some(0.3));
        h.start("after", echo("after"), None);
        h.ready(w(1));
        assert_eq!(h.timer(w(1)), None, "no deadline while the slow job is queued");
        h.clock.set(40.0);
        h.answer(w(1));
        assert_eq!(h.timer(w(1)), Some(0.3), "armed when posted");
        assert_eq!(
            h.states(),
            [(1, WorkerState::Busy { job: "busy_wait(5000.0)".into(), started_ms: 40.0 })]
        );
        h.pool.on_timeout(w(1));
        assert_eq!(
            h.take_outcomes(),
            [
                ("first", text("first")),
                (
                    "slow",
                    Err(JobFailure::Deadline(
                        "job busy_wait(5000.0) ran past its deadline of 0.3 s; Web Worker 1 was terminated and replaced"
                            .into()
                    ))
                )
            ]
        );
        assert_eq!(h.terminated(), [w(1)]);
        assert_eq!(h.spawned(), [w(1), w(2)], "replaced for the waiting job");
        h.ready(w(2));
        h.answer(w(2));
        assert_eq!(h.take_outcomes(), [("after", text("after"))]);
        assert_eq!(h.pool.snapshot().replaced, 1);
    }

    #[test]
    fn a_job_done_in_time_disarms_its_deadline_and_late_timers_are_ignored() {
        let h = harness(1);
        h.start("quick", echo("quick"), Some(10.0));
        h.ready(w(1));
        assert_eq!(h.timer(w(1)), Some(10.0));
        h.answer(w(1));
        assert_eq!(h.timer(w(1)), None);
        h.pool.on_timeout(w(1));
        h.pool.on_timeout(w(7));
        assert_eq!(h.take_outcomes(), [("quick", text("quick"))]);
        assert!(h.terminated().is_empty());
        // A stale result (an id no longer running) is ignored too.
        h.pool.on_reply(w(1), Reply::Result { id: 1, value: JobValue::None });
        assert!(h.outcomes().is_empty());
    }

    #[test]
    fn odd_deadlines_are_cleaned() {
        let h = harness(4);
        h.start("nan", echo("x"), Some(f64::NAN));
        h.start("inf", echo("y"), Some(f64::INFINITY));
        h.start("neg", echo("z"), Some(-1.0));
        for n in 1..=3 {
            h.ready(w(n));
        }
        assert_eq!(h.timer(w(1)), None);
        assert_eq!(h.timer(w(2)), None);
        assert_eq!(h.timer(w(3)), Some(0.0));
    }

    #[test]
    fn a_worker_that_fails_to_load_fails_every_queued_job_once() {
        let h = harness(1);
        h.start("a", echo("a"), None);
        h.start("b", echo("b"), None);
        h.start("c", echo("c"), None);
        h.pool.on_error(w(1), "./nope.js did not load");
        let expected = "the Web Workers could not start: Web Worker 1 failed to load: ./nope.js did not load";
        assert_eq!(
            h.take_outcomes(),
            ["a", "b", "c"].map(|tag| (tag, Err(JobFailure::Unavailable(expected.into()))))
        );
        assert_eq!(h.events.get(), 1, "one wake for the batch");
        assert_eq!(h.spawned(), [w(1)], "no respawn loop");
        let snapshot = h.pool.snapshot();
        assert_eq!(
            snapshot.last_load_error.as_deref(),
            Some("Web Worker 1 failed to load: ./nope.js did not load")
        );
        assert_eq!((snapshot.queued, snapshot.workers.len(), snapshot.replaced), (0, 0, 0));
    }

    #[test]
    fn after_a_load_failure_the_next_start_tries_one_fresh_worker() {
        let h = harness(4);
        h.start("a", echo("a"), None);
        h.pool.on_error(w(1), "gone");
        assert_eq!(h.take_outcomes().len(), 1);
        h.start("b", echo("b"), None);
        h.start("c", echo("c"), None);
        assert_eq!(h.spawned(), [w(1), w(2)], "one fresh worker, not one per job");
        h.pool.on_error(w(2), "still gone");
        let outcomes = h.take_outcomes();
        assert_eq!(outcomes.len(), 2);
        for (_, outcome) in outcomes {
            assert_eq!(
                outcome,
                Err(JobFailure::Unavailable(
                    "the Web Workers could not start: Web Worker 2 failed to load: still gone".into()
                ))
            );
        }
        assert_eq!(h.spawned(), [w(1), w(2)]);
        // Then it loads: the pool is back to normal.
        h.start("d", echo("d"), None);
        h.start("e", echo("e"), None);
        assert_eq!(h.spawned(), [w(1), w(2), w(3)]);
        h.ready(w(3));
        assert_eq!(h.pool.snapshot().last_load_error, None);
        assert_eq!(h.spawned(), [w(1), w(2), w(3), w(4)], "normal spawning again for the waiting job");
        h.answer(w(3));
        h.answer(w(3));
        assert_eq!(h.take_outcomes(), [("d", text("d")), ("e", text("e"))]);
    }

    #[test]
    fn a_load_timeout_is_a_load_failure() {
        let h = harness(4);
        h.start("a", echo("a"), None);
        assert_eq!(h.timer(w(1)), Some(15.0));
        h.pool.on_timeout(w(1));
        assert_eq!(
            h.take_outcomes(),
            [(
                "a",
                Err(JobFailure::Unavailable(
                    "the Web Workers could not start: Web Worker 1 was not ready within 15 s".into()
                ))
            )]
        );
        assert_eq!(h.terminated(), [w(1)]);
        // A late ready from the terminated worker changes nothing.
        h.ready(w(1));
        assert!(h.states().is_empty());
    }

    #[test]
    fn a_panic_while_loading_is_a_load_failure() {
        let h = harness(4);
        h.start("a", echo("a"), None);
        h.pool.on_reply(w(1), Reply::Panic { id: None, message: "init".into() });
        assert_eq!(
            h.take_outcomes(),
            [(
                "a",
                Err(JobFailure::Unavailable(
                    "the Web Workers could not start: Web Worker 1 panicked: init".into()
                ))
            )]
        );
    }

    #[test]
    fn a_worker_that_cannot_be_created_fails_the_job_at_once() {
        let h = harness(4);
        h.host(|host| host.spawn_error = Some("SyntaxError: bad URL".into()));
        h.start("a", echo("a"), None);
        assert_eq!(
            h.take_outcomes(),
            [(
                "a",
                Err(JobFailure::Unavailable(
                    "the Web Workers could not start: Web Worker 1 failed to load: SyntaxError: bad URL"
                        .into()
                ))
            )]
        );
        assert_eq!(h.host(|host| host.timers.len()), 0, "no timer left for the worker that never was");
        assert_eq!(h.events.get(), 1);
    }

    #[test]
    fn one_failed_loader_leaves_the_queue_to_the_others() {
        let h = harness(2);
        h.start("a", echo("a"), None);
        h.start("b", echo("b"), None);
        h.pool.on_error(w(1), "flaky");
        assert!(h.outcomes().is_empty(), "worker 2 may still load");
        assert_eq!(h.spawned(), [w(1), w(2)], "no respawn after a load failure");
        h.ready(w(2));
        h.answer(w(2));
        h.answer(w(2));
        assert_eq!(h.take_outcomes(), [("a", text("a")), ("b", text("b"))]);
    }

    #[test]
    fn a_queue_left_with_no_worker_fails_instead_of_hanging() {
        let h = harness(2);
        h.start("long", echo("long"), None);
        h.ready(w(1));
        h.start("waiting", echo("waiting"), None);
        // Worker 2, spawned for the waiting job, fails to load; worker 1 is
        // still busy, so the job waits for it...
        h.pool.on_error(w(2), "flaky");
        assert!(h.outcomes().is_empty());
        // ...and when worker 1 dies too, nothing is left: the job fails.
        h.pool.on_error(w(1), "Error: x");
        let outcomes = h.take_outcomes();
        assert_eq!(outcomes.len(), 2);
        assert!(matches!(&outcomes[0], ("long", Err(JobFailure::Crashed(_)))));
        assert_eq!(
            outcomes[1],
            (
                "waiting",
                Err(JobFailure::Unavailable(
                    "the Web Workers could not start: Web Worker 2 failed to load: flaky".into()
                ))
            )
        );
    }

    #[test]
    fn a_post_that_fails_is_the_worker_s_error() {
        let h = harness(1);
        h.host(|host| host.post_error = Some("DataCloneError".into()));
        h.start("a", echo("a"), None);
        h.ready(w(1));
        assert_eq!(
            h.take_outcomes(),
            [(
                "a",
                Err(JobFailure::Crashed(
                    "job echo('a') failed in Web Worker 1: threw: DataCloneError; the worker was replaced"
                        .into()
                ))
            )]
        );
        assert_eq!(h.terminated(), [w(1)]);
    }

    #[test]
    fn done_may_call_back_into_the_pool() {
        let h = harness(1);
        let pool = h.pool.clone();
        let outcomes = h.outcomes.clone();
        let seen = Rc::new(RefCell::new(None));
        let seen_in_done = seen.clone();
        h.pool.start(
            echo("first"),
            None,
            Box::new(move |outcome| {
                // Nothing is borrowed here: snapshot and start both work.
                *seen_in_done.borrow_mut() = Some(pool.snapshot());
                outcomes.borrow_mut().push(("first", outcome));
                let outcomes = outcomes.clone();
                pool.start(
                    echo("second"),
                    None,
                    Box::new(move |o| outcomes.borrow_mut().push(("second", o))),
                );
            }),
        );
        h.ready(w(1));
        h.answer(w(1));
        assert_eq!(seen.borrow().as_ref().map(|s| s.workers[0].state.clone()), Some(WorkerState::Idle));
        assert_eq!(h.running(w(1)), Some(Request::Job { id: 2, job: echo("second") }));
        h.answer(w(1));
        assert_eq!(h.outcomes(), [("first", text("first")), ("second", text("second"))]);
    }

    #[test]
    fn shutdown_fails_every_job_once_and_terminates_every_worker() {
        let h = harness(1);
        h.start("running", echo("r"), None);
        h.start("queued", echo("q"), None);
        h.ready(w(1));
        h.pool.shutdown();
        let outcomes = h.take_outcomes();
        assert_eq!(outcomes.len(), 2);
        assert!(
            matches!(&outcomes[0], ("running", Err(JobFailure::Unavailable(m))) if m.contains("shut down"))
        );
        assert!(
            matches!(&outcomes[1], ("queued", Err(JobFailure::Unavailable(m))) if m.contains("never ran"))
        );
        assert_eq!(h.terminated(), [w(1)]);
        h.answer_if_any();
        assert!(h.outcomes().is_empty());
    }

    impl Harness {
        fn answer_if_any(&self) {
            if self.running(w(1)).is_some() {
                self.answer(w(1));
            }
        }
    }

    #[test]
    fn every_job_gets_exactly_one_outcome_under_mixed_events() {
        let h = harness(3);
        let tags: [&'static str; 9] = ["0", "1", "2", "3", "4", "5", "6", "7", "8"];
        for (i, tag) in tags.iter().enumerate() {
            let deadline = (i % 3 == 0).then_some(1.0);
            h.start(tag, echo(tag), deadline);
        }
        // Drive every event kind in turn until the queue drains.
        let mut round = 0u32;
        while h.outcomes().len() < tags.len() {
            round += 1;
            assert!(round < 200, "the pool stalled: {}", h.pool.snapshot());
            let snapshot = h.pool.snapshot();
            for worker in snapshot.workers {
                let id = w(worker.number);
                match (worker.state, round % 4) {
                    (WorkerState::Loading, _) => h.ready(id),
                    (WorkerState::Busy { .. }, 0) => h.pool.on_timeout(id),
                    (WorkerState::Busy { .. }, 1) => h.pool.on_error(id, "x"),
                    (WorkerState::Busy { .. }, _) => h.answer(id),
                    (WorkerState::Idle, _) => {}
                }
            }
        }
        let mut seen: Vec<_> = h.outcomes().into_iter().map(|(tag, _)| tag).collect();
        seen.sort_unstable();
        assert_eq!(seen, tags);
        assert!(h.spawned().len() <= 3 + h.pool.snapshot().replaced);
    }

    #[test]
    fn the_snapshot_reads_as_text() {
        let h = harness(2);
        h.clock.set(12.5);
        h.start("a", Job::Fib { n: 3 }, None);
        h.start("b", echo("b"), None);
        h.ready(w(1));
        let text = h.pool.snapshot().to_string();
        assert_eq!(text, "Web Worker 1: busy: fib(3) since 12.5 ms\nWeb Worker 2: loading\nworkers=2/2 queued=1 replaced=0");
    }

    #[test]
    fn config_is_sanitised() {
        let core = PoolCore::new(PoolConfig { max_workers: 0, load_timeout: f64::NAN }, Rc::new(|| 0.0));
        assert_eq!(core.config(), &PoolConfig { max_workers: 1, load_timeout: DEFAULT_LOAD_TIMEOUT });
        assert_eq!(PoolConfig::default().max_workers, 64);
    }

    #[test]
    fn the_core_alone_returns_actions_in_order() {
        let mut core = PoolCore::new(PoolConfig::default(), Rc::new(|| 0.0));
        let actions = format!("{:?}", core.start(echo("a"), Some(2.0), Box::new(|_| {})));
        assert_eq!(actions, "[Spawn(1), ArmTimer(1, 15)]");
        let actions = format!("{:?}", core.on_reply(w(1), Reply::Ready));
        assert_eq!(actions, "[Disarm(1), Post(1, Job { id: 1, job: Echo { text: \"a\" } }), ArmTimer(1, 2)]");
        let actions = format!("{:?}", core.on_reply(w(1), Reply::Result { id: 1, value: JobValue::None }));
        assert_eq!(actions, "[Disarm(1), Deliver(Ok(None))]");
    }
}
