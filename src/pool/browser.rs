//! [`WorkerPool`]: the pool's [core](super::core) on real Web Workers.
//!
//! Each worker is a module worker (`worker_loader.js`, which Trunk emits
//! next to the page) with its `message` and `error` handlers and one
//! `gloo_timers` timeout (its load timeout, then its job's deadline), all
//! owned by the worker's entry and dropped with it. The handlers hold only a
//! weak reference to the pool, and outcomes are delivered from their call
//! stacks with no borrow of the pool held.

use std::collections::HashMap;
use std::rc::{Rc, Weak};

use asyncio_engine::executor::{JobOutcome, WorkerBackend};
use asyncio_engine::jobs::Job;
use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, Event, MessageEvent, Worker, WorkerOptions, WorkerType};

use super::core::{Pool, PoolConfig, PoolSnapshot, WorkerHost, WorkerId};
use crate::worker_protocol::{Reply, Request};

/// Where the page finds the worker: Trunk's loader, next to the page.
pub const DEFAULT_WORKER_URL: &str = "./worker_loader.js";

/// The longest delay `setTimeout` honours (2^31 - 1 ms); a longer one would
/// fire at once, so a deadline past it is no timer at all.
const MAX_TIMER_MS: f64 = 2_147_483_647.0;

/// A live worker and what is kept for it. Dropping it detaches the handlers
/// and terminates the worker, so no event of a retired worker reaches the
/// pool. (A handler may drop its own entry while it runs: wasm-bindgen frees
/// a closure only once its running call returns.)
struct Entry {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
    timer: Option<Timeout>,
}

impl Drop for Entry {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// The [`WorkerHost`] of real Web Workers.
struct BrowserHost {
    url: String,
    pool: Weak<WorkerPool>,
    entries: HashMap<WorkerId, Entry>,
}

/// A JS exception as text.
fn js_text(value: &JsValue) -> String {
    match value.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", String::from(error.name()), String::from(error.message())),
        None => value.as_string().unwrap_or_else(|| format!("{value:?}")),
    }
}

/// What a worker's `error` event says: the exception's message for a
/// script error (`Uncaught Error: x` becomes `x`), or what failed to load
/// for a plain `Event` (a module worker whose script or import failed).
fn error_detail(event: &Event, url: &str) -> String {
    match event.dyn_ref::<ErrorEvent>() {
        Some(error) if !error.message().is_empty() => {
            let message = error.message();
            let message = message.strip_prefix("Uncaught ").unwrap_or(&message);
            message.strip_prefix("Error: ").unwrap_or(message).to_string()
        }
        Some(error) if !error.filename().is_empty() => {
            format!("an error at {}:{}", error.filename(), error.lineno())
        }
        _ => format!("{url} did not load (a missing file, a network error or a failed import)"),
    }
}

impl WorkerHost for BrowserHost {
    fn spawn(&mut self, id: WorkerId) -> Result<(), String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&self.url, &options)
            .map_err(|error| format!("new Worker({:?}) failed: {}", self.url, js_text(&error)))?;
        let pool = self.pool.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(pool) = pool.upgrade() else { return };
            let reply = Reply::from_js(&event.data()).unwrap_or_else(|error| Reply::Error {
                id: error.id,
                message: format!("a malformed reply: {error}"),
            });
            pool.pool.on_reply(id, reply);
        });
        let pool = self.pool.clone();
        let url = self.url.clone();
        let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            // Handled here: not an uncaught error of the page.
            event.prevent_default();
            let Some(pool) = pool.upgrade() else { return };
            pool.pool.on_error(id, &error_detail(&event, &url));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.entries.insert(id, Entry { worker, _on_message: on_message, _on_error: on_error, timer: None });
        Ok(())
    }

    fn post(&mut self, id: WorkerId, request: &Request) -> Result<(), String> {
        let entry = self.entries.get(&id).ok_or_else(|| format!("{id} is gone"))?;
        entry
            .worker
            .post_message(&request.to_js())
            .map_err(|error| format!("could not post the job: {}", js_text(&error)))
    }

    fn terminate(&mut self, id: WorkerId) {
        self.entries.remove(&id);
    }

    fn arm(&mut self, id: WorkerId, seconds: f64) {
        let Some(entry) = self.entries.get_mut(&id) else { return };
        let ms = (seconds * 1000.0).ceil().max(0.0);
        entry.timer = (ms <= MAX_TIMER_MS).then(|| {
            let pool = self.pool.clone();
            Timeout::new(ms as u32, move || {
                if let Some(pool) = pool.upgrade() {
                    pool.pool.on_timeout(id);
                }
            })
        });
    }

    fn disarm(&mut self, id: WorkerId) {
        if let Some(entry) = self.entries.get_mut(&id) {
            entry.timer = None;
        }
    }
}

/// The page's pool of Web Workers: runs [`Job`]s for the executors in real
/// mode. Workers are spawned when jobs need them (or by
/// [`WorkerPool::prewarm`]), up to `max_workers`, and kept until the pool is
/// dropped; dropping it terminates them and fails the jobs still out.
pub struct WorkerPool {
    pool: Pool<BrowserHost>,
}

impl WorkerPool {
    /// A pool of workers loaded from `url` (relative to the page, usually
    /// [`DEFAULT_WORKER_URL`]), at most `max_workers` at once (at least 1),
    /// calling `on_event` after it hands jobs their outcomes.
    pub fn new(url: &str, max_workers: usize, on_event: Rc<dyn Fn()>) -> Rc<WorkerPool> {
        WorkerPool::with_config(url, PoolConfig { max_workers, ..PoolConfig::default() }, on_event)
    }

    /// [`WorkerPool::new`] with every setting (the load timeout too).
    pub fn with_config(url: &str, config: PoolConfig, on_event: Rc<dyn Fn()>) -> Rc<WorkerPool> {
        let performance = web_sys::window().and_then(|window| window.performance());
        let clock: Rc<dyn Fn() -> f64> = Rc::new(move || performance.as_ref().map_or(0.0, |p| p.now()));
        Rc::new_cyclic(|me: &Weak<WorkerPool>| {
            let host = BrowserHost { url: url.to_string(), pool: me.clone(), entries: HashMap::new() };
            WorkerPool { pool: Pool::new(config, clock, host, on_event) }
        })
    }

    /// Spawn idle workers until `n` (at most `max_workers`) are alive, so the
    /// first jobs do not wait for a worker to load.
    pub fn prewarm(&self, n: usize) {
        self.pool.prewarm(n);
    }

    /// Stop every job, terminating the busy workers (see
    /// [`PoolCore::abandon`](super::core::PoolCore::abandon)).
    pub fn abandon(&self, why: &str) {
        self.pool.abandon(why);
    }

    /// The workers, the queue and the last load error, for the inspector.
    pub fn snapshot(&self) -> PoolSnapshot {
        self.pool.snapshot()
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        self.pool.shutdown();
    }
}

impl WorkerBackend for WorkerPool {
    /// `navigator.hardwareConcurrency`, at least 1.
    fn cpu_count(&self) -> usize {
        let cpus = web_sys::window().map_or(1.0, |window| window.navigator().hardware_concurrency());
        if cpus.is_finite() && cpus >= 1.0 {
            cpus as usize
        } else {
            1
        }
    }

    fn start(&self, job: Job, deadline: Option<f64>, done: Box<dyn FnOnce(JobOutcome)>) {
        self.pool.start(job, deadline, done);
    }
}
