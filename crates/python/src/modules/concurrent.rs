//! `concurrent.futures` and `run_in_executor` on pyrun.py's virtual pool
//! (vpool.py's model): one FIFO queue, the first free worker takes a job and
//! calls its function at once (its prints are stamped with the job's time),
//! the worker stays busy for the `time.sleep`s the function made, then the
//! job's future gets the outcome and the worker takes the next job.
//!
//! A finished job is a timer on the loop that carries pool jobs (the running
//! loop, else the current one); when the program blocks outside the loop
//! (`with ThreadPoolExecutor()` leaving, `Future.result()`, `time.sleep`
//! with no loop), only pool jobs go on: their timers fire in time order and
//! the clock jumps to them.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use super::asyncio::futures::PyFuture;
use super::asyncio::loops::PyLoop;
use crate::host::JobTime;
use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::{interp, iter, text};
use crate::modules::ModuleObj;
use crate::native::{method, take_kw, Kwargs, Native};
use crate::object::{Builtin, Class};
use crate::value::Value;
use asyncio_engine::executor::ExecutorSnapshot;
use asyncio_engine::trace::{AsSnapshot, PrimitiveKind};
use asyncio_engine::{EventLoop, Exception, Future, PyResult, TraceEvent};

/// `asyncio.base_events.MAXIMUM_SELECT_TIMEOUT`.
const MAX_SELECT: f64 = 24.0 * 3600.0;

/// Where a job's outcome goes.
#[derive(Clone)]
enum Target {
    Asyncio(Future<Value>),
    Concurrent(Rc<CfFuture>),
}

impl Target {
    fn cancelled(&self) -> bool {
        match self {
            Target::Asyncio(f) => f.cancelled(),
            Target::Concurrent(f) => f.state.borrow().cancelled,
        }
    }
    fn settle(&self, outcome: PyResult<Value>) {
        match self {
            Target::Asyncio(f) => {
                let closed = f.get_loop().is_none_or(|lp| lp.is_closed());
                if f.cancelled() || closed {
                    return;
                }
                let _ = match outcome {
                    Ok(v) => f.set_result(v),
                    Err(e) => f.set_exception(e),
                };
            }
            Target::Concurrent(f) => f.settle(outcome),
        }
    }
}

struct Job {
    target: Target,
    func: Value,
    args: Vec<Value>,
}

/// A pool of virtual worker threads (or processes).
pub struct Pool {
    /// What the page's inspector shows it as: `default executor`,
    /// `thread_pool-1`, `process_pool-2`.
    name: String,
    max_workers: usize,
    free: Cell<usize>,
    queue: RefCell<VecDeque<Job>>,
    idle: RefCell<Option<Future<Value>>>,
    /// The running jobs (`work(1)`), in the order they started.
    running: RefCell<Vec<Rc<str>>>,
}

/// Settles a job's target: with the job's outcome, or with the failure of
/// the real worker its sleeps ran on.
type Settle = Box<dyn FnOnce(Option<Exception>)>;

/// A job's end, scheduled as a timer.
struct Finish {
    when: f64,
    seq: u64,
    fired: Cell<bool>,
    run: RefCell<Option<Settle>>,
    on_loop: RefCell<Option<EventLoop>>,
}

impl Finish {
    fn fire(&self) {
        self.fire_with(None);
    }
    fn fire_with(&self, worker_failure: Option<Exception>) {
        if self.fired.replace(true) {
            return;
        }
        if let Some(f) = self.run.borrow_mut().take() {
            f(worker_failure);
        }
    }
}

thread_local! {
    static FINISHES: RefCell<Vec<Rc<Finish>>> = const { RefCell::new(Vec::new()) };
    static SEQ: Cell<u64> = const { Cell::new(0) };
    static EXECUTORS: RefCell<Vec<Rc<Pool>>> = const { RefCell::new(Vec::new()) };
    /// Counts futures finishing, so `as_completed` hands them out in that order.
    static DONE_SEQ: Cell<u64> = const { Cell::new(0) };
}

/// Forgets the pools (a new program starts).
pub fn reset() {
    FINISHES.with(|f| f.borrow_mut().clear());
    EXECUTORS.with(|e| e.borrow_mut().clear());
}

/// The loop that carries pool timers now.
fn home() -> Option<EventLoop> {
    if let Ok(lp) = asyncio_engine::get_running_loop() {
        return Some(lp);
    }
    let cur = super::asyncio::loops::get_event_loop_opt();
    cur.filter(|lp| !lp.is_closed())
}

fn schedule(rec: &Rc<Finish>, lp: &EventLoop) {
    let r = rec.clone();
    if lp.call_at(rec.when, move || r.fire()).is_ok() {
        *rec.on_loop.borrow_mut() = Some(lp.clone());
    }
}

/// In real mode (the loop has real workers) the job's sleeps block a Web
/// Worker (`busy_wait`) and its end fires when that worker is done; false
/// on the virtual clock. A thread blocked on the job meanwhile (`result()`)
/// still fires it by its time, and the worker's late answer is then ignored.
fn on_worker(rec: &Rc<Finish>, lp: &EventLoop, cost: f64) -> bool {
    let r = rec.clone();
    let started =
        asyncio_engine::executor::sleep_on_worker(lp, cost, move |outcome| r.fire_with(outcome.err()));
    if started {
        *rec.on_loop.borrow_mut() = Some(lp.clone());
    }
    started
}

impl Pool {
    pub fn new(name: String, max_workers: usize) -> PyResult<Rc<Pool>> {
        if max_workers == 0 {
            return raise("ValueError", "max_workers must be greater than 0");
        }
        let pool = Rc::new(Pool {
            name,
            running: RefCell::new(Vec::new()),
            max_workers,
            free: Cell::new(max_workers),
            queue: RefCell::new(VecDeque::new()),
            idle: RefCell::new(None),
        });
        EXECUTORS.with(|e| e.borrow_mut().push(pool.clone()));
        Ok(pool)
    }

    pub fn is_idle(&self) -> bool {
        self.queue.borrow().is_empty() && self.free.get() == self.max_workers
    }

    fn enqueue(self: &Rc<Self>, job: Job) {
        self.queue.borrow_mut().push_back(job);
        self.dispatch();
        self.trace();
    }

    /// Tell the page's inspector the pool's state, as the engine's pools do.
    fn trace(&self) {
        let Some(lp) = home().filter(EventLoop::tracing) else { return };
        let snapshot = ExecutorSnapshot {
            name: self.name.clone(),
            busy: self.max_workers - self.free.get(),
            max_workers: self.max_workers,
            queued: self.queue.borrow().len(),
            running: self.running.borrow().iter().map(|label| label.to_string()).collect(),
        };
        lp.emit(&TraceEvent::Primitive {
            name: &self.name,
            kind: PrimitiveKind::Executor,
            action: None,
            snapshot: snapshot.as_snapshot(),
        });
    }

    fn dispatch(self: &Rc<Self>) {
        while self.free.get() > 0 {
            let Some(job) = self.queue.borrow_mut().pop_front() else { return };
            if job.target.cancelled() {
                continue;
            }
            self.free.set(self.free.get() - 1);
            self.start(job);
        }
    }

    /// A worker takes the job: its function runs now, its end is a timer.
    fn start(self: &Rc<Self>, job: Job) {
        let it = interp();
        let start = it.host.clock.0.get();
        it.host.jobs.borrow_mut().push(JobTime { start, cost: 0.0 });
        let label: Rc<str> = Rc::from(job_label(&job.func, &job.args));
        self.running.borrow_mut().push(label.clone());
        if let Target::Concurrent(f) = &job.target {
            f.state.borrow_mut().started = true;
        }
        let mut outcome = call_sync(&job.func, job.args, vec![]);
        let cost = it.host.jobs.borrow_mut().pop().map(|j| j.cost).unwrap_or(0.0);
        if let Err(e) = &outcome {
            if e.is_base_only() || it.stopped.borrow().is_some() {
                // Only Exceptions are delivered to the future; the rest escape.
                outcome = Err(e.clone());
            }
        }
        let pool = self.clone();
        let target = job.target.clone();
        // The end is pyrun.py's `loop.call_later(cost, finish)`, made just
        // after the function ran: it runs in a copy of the context current
        // then, and so does the queued job it starts.
        let ctx = crate::modules::contextvars::capture();
        let seq = SEQ.with(|s| {
            s.set(s.get() + 1);
            s.get()
        });
        let home = home();
        let when = match &home {
            Some(lp) => lp.time() + cost,
            None => start + cost,
        };
        let rec = Rc::new(Finish {
            when,
            seq,
            fired: Cell::new(false),
            run: RefCell::new(Some(Box::new(move |worker_failure: Option<Exception>| {
                crate::modules::contextvars::run_in(ctx, || {
                    target.settle(worker_failure.map_or(outcome, Err));
                    pool.release(&label);
                })
            }))),
            on_loop: RefCell::new(None),
        });
        if let Some(lp) = &home {
            if !on_worker(&rec, lp, cost) {
                schedule(&rec, lp);
            }
        }
        FINISHES.with(|f| f.borrow_mut().push(rec));
    }

    fn release(self: &Rc<Self>, label: &Rc<str>) {
        let mut running = self.running.borrow_mut();
        if let Some(i) = running.iter().position(|l| Rc::ptr_eq(l, label)) {
            running.remove(i);
        }
        drop(running);
        self.free.set(self.free.get() + 1);
        self.dispatch();
        self.trace();
        let idle = self.idle.borrow().clone();
        if let Some(f) = idle {
            if !f.done() && self.is_idle() {
                let _ = f.set_result(Value::None);
            }
        }
    }

    /// `await pool.join()`: a future done when the pool is idle.
    fn join(&self, lp: &EventLoop) -> Future<Value> {
        let f: Future<Value> = lp.create_future();
        if self.is_idle() {
            let _ = f.set_result(Value::None);
        } else {
            *self.idle.borrow_mut() = Some(f.clone());
        }
        f
    }
}

/// `work(1)`: the job's function and its arguments, as the inspector shows a
/// running job.
fn job_label(func: &Value, args: &[Value]) -> String {
    let name = crate::interp::attr::getattr(func, "__name__")
        .ok()
        .and_then(|n| text::str(&n).ok())
        .unwrap_or_else(|| "job".to_string());
    let args: Vec<String> = args.iter().map(|a| text::repr(a).unwrap_or_else(|_| "?".into())).collect();
    format!("{name}({})", args.join(", "))
}

/// Live job ends, in time order.
fn pending() -> Vec<Rc<Finish>> {
    FINISHES.with(|f| {
        let mut all = f.borrow_mut();
        all.retain(|r| !r.fired.get());
        let mut v = all.clone();
        v.sort_by(|a, b| a.when.total_cmp(&b.when).then(a.seq.cmp(&b.seq)));
        v
    })
}

/// The loop thread is blocked: the next due job ends fire, the clock jumping
/// to them. False if none is due by `limit`.
fn drain_step(limit: Option<f64>) -> bool {
    let due = pending();
    let Some(first) = due.first() else { return false };
    let when = first.when;
    if limit.is_some_and(|l| when > l) {
        return false;
    }
    let clock = &interp().host.clock.0;
    while when > clock.get() {
        let now = clock.get();
        let next = now + (when - now).min(MAX_SELECT);
        // A day at a time, as the loop's selects; but a million days or more
        // (`time.sleep(1e300)` in a job), or a day too small to move a clock
        // that large, would take forever: jump.
        if when - now > MAX_SELECT * 1e6 || next <= now {
            clock.set(when);
            break;
        }
        clock.set(next);
        if when < clock.get() + 1e-9 {
            break;
        }
    }
    // Due within the clock's resolution (at 1e300 the clock itself is coarser).
    let (now, end) = (clock.get(), clock.get() + 1e-9);
    for rec in due.iter().filter(|r| r.when < end || r.when <= now) {
        rec.fire();
    }
    true
}

/// Blocks the calling thread until `ready()`: only pool jobs go on.
fn block(ready: &dyn Fn() -> bool, timeout: Option<f64>, what: &str) -> PyResult<()> {
    if ready() {
        return Ok(());
    }
    if !interp().host.jobs.borrow().is_empty() {
        return raise(
            "RuntimeError",
            "a pool job that waits for other jobs is not modelled in the playground",
        );
    }
    let clock = &interp().host.clock.0;
    let limit = timeout.map(|t| clock.get() + t.max(0.0));
    while !ready() {
        if !drain_step(limit) {
            match limit {
                None => {
                    return Err(Exception::deadlock(format!(
                        "deadlock: nothing is scheduled and the main thread waits forever in {what}"
                    )))
                }
                Some(l) => {
                    if l > clock.get() {
                        clock.set(l);
                    }
                    return Ok(());
                }
            }
        }
    }
    Ok(())
}

/// `time.sleep(d)` with no running loop: the clock moves while pool jobs go on.
pub fn advance_blocked(target: f64) -> PyResult<()> {
    while drain_step(Some(target)) {}
    let clock = &interp().host.clock.0;
    if target > clock.get() {
        clock.set(target);
    }
    Ok(())
}

/// A loop is about to run: job ends waiting for a loop go on it.
pub fn loop_starting(lp: &EventLoop) {
    for rec in pending() {
        let detached = rec.on_loop.borrow().as_ref().is_none_or(|l| l.is_closed());
        if detached {
            schedule(&rec, lp);
        }
    }
}

/// A loop closes: its unfired job ends wait for the next loop (or the exit).
pub fn loop_closing(lp: &EventLoop) {
    for rec in pending() {
        let on = rec.on_loop.borrow().as_ref().is_some_and(|l| l.ptr_eq(lp));
        if on {
            *rec.on_loop.borrow_mut() = None;
        }
    }
}

/// The future `asyncio.run` waits on when its loop's default executor is busy.
pub fn default_executor_join(pl: &PyLoop) -> Option<Future<Value>> {
    let ex = pl.default_executor.borrow().clone()?;
    let e = ex.as_native::<Executor>()?;
    if e.pool.is_idle() {
        return None;
    }
    Some(e.pool.join(&pl.lp))
}

/// Interpreter exit: worker threads finish every queued job.
pub fn wind_up() -> PyResult<()> {
    let pools: Vec<Rc<Pool>> = EXECUTORS.with(|e| e.borrow().clone());
    block(&|| pools.iter().all(|p| p.is_idle()), None, "interpreter exit")
}

/// An executor object.
pub struct Executor {
    pub pool: Rc<Pool>,
    shutdown: Cell<bool>,
    /// A ProcessPoolExecutor (its `map` sends chunks of calls).
    process: bool,
}

/// `loop.run_in_executor(executor, func, *args)`.
pub fn run_in_executor(pl: &PyLoop, _this: &Value, args: Vec<Value>) -> PyResult<Value> {
    if pl.lp.is_closed() {
        return raise("RuntimeError", "Event loop is closed");
    }
    let ex = match &args[0] {
        Value::None if pl.executor_shutdown_called.get() => {
            return raise("RuntimeError", "Executor shutdown has been called");
        }
        Value::None => {
            let existing = pl.default_executor.borrow().clone();
            match existing {
                Some(e) => e,
                None => {
                    let cpus = interp().host.cpus as usize;
                    let e = new_executor("default executor".to_string(), (cpus + 4).min(32), false)?;
                    *pl.default_executor.borrow_mut() = Some(e.clone());
                    e
                }
            }
        }
        other => other.clone(),
    };
    let Some(e) = ex.as_native::<Executor>() else {
        return raise("TypeError", "executor must be an Executor");
    };
    if e.shutdown.get() {
        return raise("RuntimeError", "cannot schedule new futures after shutdown");
    }
    let fut: Future<Value> = pl.lp.create_future();
    e.pool.enqueue(Job {
        target: Target::Asyncio(fut.clone()),
        func: args[1].clone(),
        args: args[2..].to_vec(),
    });
    PyFuture::value(fut)
}

fn new_executor(name: String, max_workers: usize, process: bool) -> PyResult<Value> {
    Ok(Value::native(Executor { pool: Pool::new(name, max_workers)?, shutdown: Cell::new(false), process }))
}

/// `ThreadPoolExecutor(...)` or `ProcessPoolExecutor(...)` (pyrun.py's
/// classes): `max_workers` or the default, and no initializer.
fn executor(process: bool) -> impl Fn(Vec<Value>, Kwargs) -> PyResult<Value> {
    move |mut args, mut kw| {
        let sig = match process {
            false => "ThreadPoolExecutor.__init__(self, max_workers=None, thread_name_prefix='', initializer=None, \
                      initargs=())",
            true => "ProcessPoolExecutor.__init__(self, max_workers=None, mp_context=None, initializer=None, \
                     initargs=(), *, max_tasks_per_child=None)",
        };
        crate::modules::bind(sig, &mut args, &mut kw)?;
        if args.get(2).is_some_and(|init| !matches!(init, Value::None)) {
            return raise("NotImplementedError", "executor initializers are not modelled in the playground");
        }
        let cpus = interp().host.cpus as usize;
        let workers = match args.first() {
            None | Some(Value::None) if process => cpus,
            None | Some(Value::None) => (cpus + 4).min(32),
            Some(Value::Int(n)) if *n > 0 => *n as usize,
            Some(Value::Int(_)) => return raise("ValueError", "max_workers must be greater than 0"),
            Some(other) => {
                return raise(
                    "TypeError",
                    format!("max_workers must be an int, not {}", text::type_name(other)),
                )
            }
        };
        let kind = if process { "process_pool" } else { "thread_pool" };
        new_executor(super::asyncio::sync::next_name(kind), workers, process)
    }
}

impl Executor {
    fn submit(&self, mut args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
        if self.shutdown.get() {
            return raise("RuntimeError", "cannot schedule new futures after shutdown");
        }
        let func = args.remove(0);
        let fargs = args;
        let func = if kwargs.is_empty() {
            func
        } else {
            Value::native(crate::builtins::functools::Partial { func, args: vec![], kwargs })
        };
        let cf = Rc::new(CfFuture::default());
        self.pool.enqueue(Job { target: Target::Concurrent(cf.clone()), func, args: fargs });
        Ok(Value::Object(cf))
    }

    /// `map(fn, *iterables, timeout=None, chunksize=1)`: one job per call, or
    /// (a ProcessPoolExecutor) per chunk of `chunksize` calls.
    fn map(&self, mut args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
        let chunksize = match take_kw(&mut kw, "chunksize") {
            Some(v) if self.process => v.as_i64().unwrap_or(0),
            _ => 1,
        };
        if chunksize < 1 {
            return raise("ValueError", "chunksize must be >= 1.");
        }
        let deadline = match take_kw(&mut kw, "timeout") {
            None | Some(Value::None) => None,
            Some(t) => match t.as_f64() {
                Some(t) => Some(interp().host.clock.0.get() + t),
                None => {
                    return raise("TypeError", format!("must be real number, not {}", text::type_name(&t)))
                }
            },
        };
        let func = args.remove(0);
        let calls = zip_all(&args)?;
        let futures: VecDeque<Value> = if self.process {
            let chunks = calls.chunks(chunksize as usize);
            chunks.map(|chunk| self.submit(vec![chunk_job(&func, chunk)], vec![])).collect::<PyResult<_>>()?
        } else {
            let calls = calls.into_iter().map(|args| std::iter::once(func.clone()).chain(args).collect());
            calls.map(|call| self.submit(call, vec![])).collect::<PyResult<_>>()?
        };
        Ok(Value::native(MapResults {
            futures: RefCell::new(futures),
            deadline,
            chunked: self.process,
            ready: RefCell::new(VecDeque::new()),
        }))
    }

    /// `shutdown(cancel_futures=True)`: the jobs not started are cancelled.
    fn cancel_queued(&self) {
        for job in self.pool.queue.borrow().iter() {
            match &job.target {
                Target::Concurrent(f) => {
                    f.cancel();
                }
                Target::Asyncio(f) => {
                    f.cancel(None);
                }
            }
        }
    }

    fn shutdown(&self, wait: bool) -> PyResult<()> {
        self.shutdown.set(true);
        if wait {
            let pool = self.pool.clone();
            block(&|| pool.is_idle(), None, "Executor.shutdown(wait=True)")?;
        }
        Ok(())
    }
}

impl Native for Executor {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native(if self.process { "ProcessPoolExecutor" } else { "ThreadPoolExecutor" })
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let (name, sig): (&'static str, _) = match (name, self.process) {
            ("submit", _) => ("submit", "_Executor.submit(self, fn, /, *args, **kwargs)"),
            ("map", false) => ("map", "Executor.map(self, fn, *iterables, timeout=None, chunksize=1)"),
            ("map", true) => {
                ("map", "ProcessPoolExecutor.map(self, fn, *iterables, timeout=None, chunksize=1)")
            }
            ("shutdown", _) => ("shutdown", "_Executor.shutdown(self, wait=True, *, cancel_futures=False)"),
            ("_max_workers", _) => return Some(Ok(Value::Int(self.pool.max_workers as i64))),
            _ => return None,
        };
        Some(Ok(method::<Executor>(name, this, move |e, _, mut args, mut kw| {
            crate::modules::bind(sig, &mut args, &mut kw)?;
            match name {
                "submit" => e.submit(args, kw),
                "map" => e.map(args, kw),
                _ => {
                    let cancel = take_kw(&mut kw, "cancel_futures").map(|v| crate::interp::ops::truthy(&v));
                    if cancel.transpose()? == Some(true) {
                        e.cancel_queued();
                    }
                    let wait = args.first().map_or(Ok(true), crate::interp::ops::truthy)?;
                    e.shutdown(wait).map(|_| Value::None)
                }
            }
        })))
    }
    fn enter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn exit(&self, _this: &Value, _exc: Option<&Exception>) -> Option<PyResult<bool>> {
        Some(self.shutdown(true).map(|_| false))
    }
}

/// `zip(*iterables)`: the argument lists of `map`'s calls.
fn zip_all(iterables: &[Value]) -> PyResult<Vec<Vec<Value>>> {
    let mut sources = iterables.iter().map(iter::iter).collect::<PyResult<Vec<_>>>()?;
    let mut calls = Vec::new();
    loop {
        let mut call = Vec::new();
        for s in sources.iter_mut() {
            match s.next()? {
                Some(v) => call.push(v),
                None => return Ok(calls),
            }
        }
        calls.push(call);
    }
}

/// A ProcessPoolExecutor's job for a chunk of `map`'s calls
/// (`_process_chunk`): the list of their results.
fn chunk_job(func: &Value, chunk: &[Vec<Value>]) -> Value {
    let (func, chunk) = (func.clone(), chunk.to_vec());
    Builtin::new("_process_chunk", move |_, _| {
        let results = chunk.iter().map(|args| call_sync(&func, args.clone(), vec![]));
        Ok(Value::list(results.collect::<PyResult<_>>()?))
    })
}

/// `Executor.map`'s result iterator (each `next` blocks for the next result,
/// until the deadline of `timeout`); an error cancels the futures left, as
/// the generator's `finally` does.
struct MapResults {
    futures: RefCell<VecDeque<Value>>,
    deadline: Option<f64>,
    /// The futures' results are lists (chunks) of results.
    chunked: bool,
    /// The rest of the last chunk.
    ready: RefCell<VecDeque<Value>>,
}

impl MapResults {
    fn next_result(&self) -> PyResult<Option<Value>> {
        loop {
            if let Some(v) = self.ready.borrow_mut().pop_front() {
                return Ok(Some(v));
            }
            let Some(f) = self.futures.borrow_mut().pop_front() else { return Ok(None) };
            let Some(cf) = f.as_native::<CfFuture>() else { return Ok(None) };
            let left = self.deadline.map(|d| d - interp().host.clock.0.get());
            let result = cf.result(left);
            cf.cancel();
            match result {
                Ok(v) if self.chunked => self.ready.borrow_mut().extend(iter::collect(&v)?),
                Ok(v) => return Ok(Some(v)),
                Err(e) => {
                    for f in self.futures.borrow_mut().drain(..) {
                        f.as_native::<CfFuture>().map(|f| f.cancel());
                    }
                    return Err(e);
                }
            }
        }
    }
}

impl Native for MapResults {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("generator")
    }
    fn iter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        Some(self.next_result())
    }
}

/// Done callbacks run as concurrent.futures runs them: an exception in one is
/// logged (here: dropped) and the others still run.
fn run_callbacks(callbacks: Vec<(Value, Value)>) {
    for (cb, fut) in callbacks {
        let _ = call_sync(&cb, vec![fut], vec![]);
    }
}

fn cf_state<T>(f: &Value, get: impl Fn(&CfState) -> T) -> Option<T> {
    f.as_native::<CfFuture>().map(|c| get(&c.state.borrow()))
}

fn cf_done(f: &Value) -> bool {
    cf_state(f, |s| s.done).unwrap_or(false)
}

/// `concurrent.futures.as_completed(fs, timeout)`: a generator that blocks for
/// each next finished future.
struct AsCompleted {
    started: Cell<bool>,
    timeout: Option<f64>,
    deadline: Cell<Option<f64>>,
    total: usize,
    pending: RefCell<Vec<Value>>,
    ready: RefCell<VecDeque<Value>>,
}

impl AsCompleted {
    /// Moves the finished futures of `pending` to `ready`, in finishing order.
    fn collect(&self) {
        let mut done: Vec<Value> = Vec::new();
        self.pending.borrow_mut().retain(|f| {
            if cf_done(f) {
                done.push(f.clone());
                false
            } else {
                true
            }
        });
        done.sort_by_key(|f| cf_state(f, |s| s.done_seq).unwrap_or(0));
        self.ready.borrow_mut().extend(done);
    }
}

impl Native for AsCompleted {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("generator")
    }
    fn iter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        let clock = &interp().host.clock.0;
        if !self.started.replace(true) {
            self.deadline.set(self.timeout.map(|t| clock.get() + t));
            self.collect();
        }
        Some((|| {
            if let Some(f) = self.ready.borrow_mut().pop_front() {
                return Ok(Some(f));
            }
            if self.pending.borrow().is_empty() {
                return Ok(None);
            }
            let left = self.deadline.get().map(|d| d - clock.get());
            if left.is_some_and(|l| l < 0.0) {
                return self.timed_out();
            }
            let pending = self.pending.borrow().clone();
            block(&|| pending.iter().any(cf_done), left, "concurrent.futures.as_completed()")?;
            self.collect();
            match self.ready.borrow_mut().pop_front() {
                Some(f) => Ok(Some(f)),
                None => self.timed_out(),
            }
        })())
    }
}

impl AsCompleted {
    fn timed_out(&self) -> PyResult<Option<Value>> {
        raise(
            "TimeoutError",
            format!("{} (of {}) futures unfinished", self.pending.borrow().len(), self.total),
        )
    }
}

#[derive(Default)]
struct CfState {
    /// A worker has taken the job (`running()` until it is done).
    started: bool,
    done: bool,
    cancelled: bool,
    outcome: Option<PyResult<Value>>,
    /// The order in which it finished among all futures.
    done_seq: u64,
    /// `(callback, the future as a value)`.
    callbacks: Vec<(Value, Value)>,
}

/// A `concurrent.futures.Future` whose blocking calls wait on the virtual clock.
#[derive(Default)]
pub struct CfFuture {
    state: RefCell<CfState>,
}

impl CfFuture {
    fn settle(&self, outcome: PyResult<Value>) {
        let callbacks = {
            let mut s = self.state.borrow_mut();
            if s.cancelled {
                return;
            }
            s.done = true;
            s.done_seq = DONE_SEQ.with(|c| c.replace(c.get() + 1));
            s.outcome = Some(outcome);
            std::mem::take(&mut s.callbacks)
        };
        run_callbacks(callbacks);
    }
    fn cancel(&self) -> bool {
        let callbacks = {
            let mut s = self.state.borrow_mut();
            if s.done || s.started {
                return false;
            }
            s.cancelled = true;
            s.done = true;
            s.done_seq = DONE_SEQ.with(|c| c.replace(c.get() + 1));
            std::mem::take(&mut s.callbacks)
        };
        run_callbacks(callbacks);
        true
    }
    fn result(&self, timeout: Option<f64>) -> PyResult<Value> {
        block(&|| self.state.borrow().done, timeout, "Future.result()")?;
        let s = self.state.borrow();
        if s.cancelled {
            return raise("CancelledError", "");
        }
        match &s.outcome {
            Some(r) => r.clone(),
            None => raise("TimeoutError", ""),
        }
    }
}

impl Native for CfFuture {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("Future")
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let &(name, sig) = CF_FUTURE_METHODS.iter().find(|(n, _)| *n == name)?;
        Some(Ok(method::<CfFuture>(name, this, move |f, me, mut args, mut kw| {
            crate::modules::bind(sig, &mut args, &mut kw)?;
            f.call(me, name, args)
        })))
    }
}

/// pyrun.py's `Future`'s methods (a `concurrent.futures.Future`).
const CF_FUTURE_METHODS: &[(&str, &str)] = &[
    ("result", "Future.result(self, timeout=None)"),
    ("exception", "Future.exception(self, timeout=None)"),
    ("done", "Future.done(self)"),
    ("cancelled", "Future.cancelled(self)"),
    ("running", "Future.running(self)"),
    ("cancel", "Future.cancel(self)"),
    ("add_done_callback", "Future.add_done_callback(self, fn)"),
];

impl CfFuture {
    /// Method `name`, its arguments bound.
    fn call(&self, me: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let timeout = args.first().and_then(|v| v.as_f64());
        let state = |get: fn(&CfState) -> bool| Ok(Value::Bool(get(&self.state.borrow())));
        match name {
            "result" => self.result(timeout),
            "exception" => self.exception(timeout),
            "done" => state(|s| s.done),
            "cancelled" => state(|s| s.cancelled),
            "running" => state(|s| s.started && !s.done),
            "cancel" => Ok(Value::Bool(self.cancel())),
            _ => {
                let (cb, done) = (args[0].clone(), self.state.borrow().done);
                if done {
                    run_callbacks(vec![(cb, me.clone())]);
                } else {
                    self.state.borrow_mut().callbacks.push((cb, me.clone()));
                }
                Ok(Value::None)
            }
        }
    }

    /// `exception(timeout)`: blocks as `result` does.
    fn exception(&self, timeout: Option<f64>) -> PyResult<Value> {
        block(&|| self.state.borrow().done, timeout, "Future.exception()")?;
        let s = self.state.borrow();
        if s.cancelled {
            return raise("CancelledError", "");
        }
        Ok(match &s.outcome {
            Some(Err(e)) => Value::Instance(crate::interp::exc::instance(e)),
            Some(Ok(_)) => Value::None,
            None => return raise("TimeoutError", ""),
        })
    }
}

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("concurrent.futures");
    let t = &interp().types;
    for (name, process) in [("ThreadPoolExecutor", false), ("ProcessPoolExecutor", true)] {
        let class = t.native(name);
        class.dict.borrow_mut().set("__new__", Builtin::new(name, executor(process)));
        m.set(name, Value::Class(class));
    }
    m.set("Future", Value::Class(t.native("Future")));
    m.set("FIRST_COMPLETED", Value::str("FIRST_COMPLETED"));
    m.set("FIRST_EXCEPTION", Value::str("FIRST_EXCEPTION"));
    m.set("ALL_COMPLETED", Value::str("ALL_COMPLETED"));
    m.set("CancelledError", Value::Class(t.exception_named("CancelledError")));
    m.set("TimeoutError", Value::Class(t.exception_named("TimeoutError")));
    m.set("BrokenExecutor", Value::Class(t.exception_named("BrokenExecutor")));
    m.def("wait", "_cf_wait(fs, timeout=None, return_when='ALL_COMPLETED')", |args, _| {
        let timeout = args.get(1).and_then(|v| v.as_f64());
        let when = args.get(2).and_then(|v| v.as_str()).unwrap_or("ALL_COMPLETED").to_string();
        let fs = iter::collect(&args[0])?;
        let failed = |f: &Value| {
            cf_state(f, |s| s.done && !s.cancelled && matches!(s.outcome, Some(Err(_)))).unwrap_or(false)
        };
        let ready = || match when.as_str() {
            "FIRST_COMPLETED" => fs.iter().any(cf_done),
            "FIRST_EXCEPTION" => fs.iter().any(failed) || fs.iter().all(cf_done),
            _ => fs.iter().all(cf_done),
        };
        block(&ready, timeout, "concurrent.futures.wait()")?;
        let done = crate::value::SetObj::new(false);
        let pending = crate::value::SetObj::new(false);
        for f in fs {
            let is_done = cf_done(&f);
            crate::interp::ops::set_add(if is_done { &done } else { &pending }, f)?;
        }
        Ok(Value::tuple(vec![Value::Set(done), Value::Set(pending)]))
    });
    m.def("as_completed", "_cf_as_completed(fs, timeout=None)", |args, _| {
        let timeout = args.get(1).and_then(|v| v.as_f64());
        let mut fs: Vec<Value> = Vec::new();
        for f in iter::collect(&args[0])? {
            if !fs.iter().any(|g| g.is(&f)) {
                fs.push(f);
            }
        }
        Ok(Value::native(AsCompleted {
            started: Cell::new(false),
            timeout,
            deadline: Cell::new(None),
            total: fs.len(),
            pending: RefCell::new(fs),
            ready: RefCell::new(VecDeque::new()),
        }))
    });
    m
}
