//! Benchmarks of the Web Worker pool, called from the built page as
//! `window.wasmBindings.pool_bench_*` by `crates/bench/web/pool.mjs` (see
//! BENCHMARKS.md). They never touch the DOM or the page's own pool: each
//! makes its own [`WorkerPool`] (and event loop), drops it when done, and
//! resolves to a plain object of times in milliseconds (`performance.now()`).
//! A rejected promise carries the reason as a string.

#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use asyncio_engine::executor::{VirtualPool, WorkerBackend};
use asyncio_engine::jobs::{Job, JobValue};
use asyncio_engine::{EventLoop, Future, Next, Session, SessionEnd};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use asyncio_playground::pool::{WorkerPool, WorkerState, DEFAULT_WORKER_URL};

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Counts outcomes down to zero; keeps the first value, the first error and
/// when the last outcome arrived.
struct Latch {
    remaining: Cell<u32>,
    at: Cell<f64>,
    value: RefCell<Option<JobValue>>,
    error: RefCell<Option<String>>,
    waker: RefCell<Option<Waker>>,
}

impl Latch {
    fn new(count: u32) -> Rc<Latch> {
        Rc::new(Latch {
            remaining: Cell::new(count),
            at: Cell::new(0.0),
            value: RefCell::new(None),
            error: RefCell::new(None),
            waker: RefCell::new(None),
        })
    }

    fn arrive(&self, outcome: Result<JobValue, String>) {
        self.at.set(now());
        match outcome {
            Ok(value) => {
                let mut first = self.value.borrow_mut();
                if let Some(other) = first.as_ref().filter(|v| **v != value) {
                    *self.error.borrow_mut() = Some(format!("different results: {other} and {value}"));
                }
                first.get_or_insert(value);
            }
            Err(error) => {
                self.error.borrow_mut().get_or_insert(error);
            }
        }
        self.remaining.set(self.remaining.get().saturating_sub(1));
        if self.remaining.get() == 0 {
            if let Some(waker) = self.waker.take() {
                waker.wake();
            }
        }
    }

    /// Wait for every outcome; the first value, or the first error.
    async fn wait(self: &Rc<Latch>) -> Result<Option<JobValue>, JsValue> {
        Wait(self.clone()).await;
        if let Some(error) = self.error.take() {
            return Err(error.into());
        }
        Ok(self.value.borrow().clone())
    }
}

struct Wait(Rc<Latch>);

impl StdFuture for Wait {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0.remaining.get() == 0 {
            return Poll::Ready(());
        }
        *self.0.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// Start `count` copies of `job` on `pool` at once (the pool queues what its
/// workers cannot take) and wait for them all.
async fn run_jobs(pool: &WorkerPool, count: u32, job: &Job) -> Result<Option<JobValue>, JsValue> {
    let latch = Latch::new(count);
    for _ in 0..count {
        let latch = latch.clone();
        pool.start(
            job.clone(),
            None,
            Box::new(move |outcome| latch.arrive(outcome.map_err(|f| f.exception().to_string()))),
        );
    }
    latch.wait().await
}

/// A pool of `workers` loaded workers, each of which has run `job` twice (so
/// its wasm is compiled and tiered up before anything is timed).
async fn warm_pool(workers: u32, job: &Job, on_event: Rc<dyn Fn()>) -> Result<Rc<WorkerPool>, JsValue> {
    let pool = WorkerPool::new(DEFAULT_WORKER_URL, workers as usize, on_event);
    pool.prewarm(workers as usize);
    loop {
        let snapshot = pool.snapshot();
        if let Some(error) = snapshot.last_load_error {
            return Err(error.into());
        }
        if snapshot.workers.iter().filter(|w| w.state == WorkerState::Idle).count() >= workers as usize {
            break;
        }
        TimeoutFuture::new(10).await;
    }
    for _ in 0..2 {
        run_jobs(&pool, workers, job).await?;
    }
    Ok(pool)
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

fn numbers(values: &[f64]) -> JsValue {
    values.iter().map(|&x| JsValue::from_f64(x)).collect::<Array>().into()
}

fn value_js(value: Option<JobValue>) -> JsValue {
    value.map_or(JsValue::NULL, |v| JsValue::from_str(&v.to_string()))
}

/// `chunks` jobs `count_primes(n)` per run, started at once, on a pool
/// capped at each of `workers` (0: the page's own thread, one after the
/// other), the configurations interleaved run by run after a warm-up.
/// Resolves to `{chunks, n, value, configs: [{workers, ms: [...]}]}`.
#[wasm_bindgen]
pub async fn pool_bench_speedup(
    chunks: u32,
    n: u32,
    workers: Vec<u32>,
    runs: u32,
) -> Result<JsValue, JsValue> {
    let job = Job::CountPrimes { n };
    let mut pools = Vec::new();
    for &count in &workers {
        pools.push(if count == 0 {
            let _ = job.run(&now);
            None
        } else {
            Some(warm_pool(count, &job, Rc::new(|| {})).await?)
        });
    }
    let mut times = vec![Vec::new(); workers.len()];
    let mut value = None;
    for _ in 0..runs {
        for (i, pool) in pools.iter().enumerate() {
            TimeoutFuture::new(20).await;
            let start = now();
            let result = match pool {
                Some(pool) => run_jobs(pool, chunks, &job).await?,
                None => {
                    let mut last = None;
                    for _ in 0..chunks {
                        last = job.run(&now).ok();
                    }
                    last
                }
            };
            times[i].push(now() - start);
            value = result;
        }
    }
    let configs: Array = workers
        .iter()
        .zip(&times)
        .map(|(&count, ms)| object(&[("workers", count.into()), ("ms", numbers(ms))]))
        .collect();
    Ok(object(&[
        ("chunks", chunks.into()),
        ("n", n.into()),
        ("value", value_js(value)),
        ("configs", configs.into()),
    ]))
}

/// The engine's side of a latency sample: the loop the job's future lives
/// on, run (a `run_until_complete` session) from the pool's outcome callback
/// until the future is done.
struct Probe {
    event_loop: EventLoop,
    pending: RefCell<Option<Sample>>,
}

/// A sample in flight: its session, the job's future, and who waits for it.
type Sample = (Session, Future<JobValue>, Rc<Latch>);

impl Probe {
    fn poll(&self) {
        let mut pending = self.pending.borrow_mut();
        let Some((session, fut, _)) = pending.as_mut() else { return };
        while let Next::Iterate { timeout } = session.prepare() {
            if timeout.is_infinite() {
                break; // waiting for the worker: its outcome calls poll again
            }
            session.iterate(timeout);
        }
        if fut.done() {
            if let Some((_, fut, latch)) = pending.take() {
                drop(pending);
                latch.arrive(fut.result().map_err(|e| e.to_string()));
            }
        }
    }
}

/// Round trips of an empty job (`echo('')`) on one warm worker, one at a
/// time, `warmup` untimed then `samples` timed, alternating two paths:
/// `engine`, from `VirtualPool::submit_job` on an event loop whose workers
/// are the pool to its future being done (the loop iterated from the pool's
/// outcome callback); `pool`, from `WorkerPool::start` to its `done`.
/// Resolves to `{engine: [ms...], pool: [ms...]}`.
#[wasm_bindgen]
pub async fn pool_bench_latency(samples: u32, warmup: u32) -> Result<JsValue, JsValue> {
    let probe = Rc::new(Probe { event_loop: EventLoop::new(), pending: RefCell::new(None) });
    let weak = Rc::downgrade(&probe);
    let on_event: Rc<dyn Fn()> = Rc::new(move || {
        if let Some(probe) = weak.upgrade() {
            probe.poll();
        }
    });
    let job = Job::Echo { text: String::new() };
    let pool = warm_pool(1, &job, on_event).await?;
    probe.event_loop.set_workers(pool.clone());
    let executor = VirtualPool::new(1).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let (mut engine, mut direct) = (Vec::new(), Vec::new());
    for i in 0..warmup + samples {
        let latch = Latch::new(1);
        let start = now();
        let fut = executor.submit_job(&probe.event_loop, job.clone(), 0.0, None);
        let session = Session::until(&probe.event_loop, &fut, SessionEnd::Stop);
        *probe.pending.borrow_mut() = Some((session, fut, latch.clone()));
        probe.poll();
        latch.wait().await?;
        let engine_ms = latch.at.get() - start;

        let latch = Latch::new(1);
        let done = latch.clone();
        let start = now();
        pool.start(
            job.clone(),
            None,
            Box::new(move |outcome| done.arrive(outcome.map_err(|f| f.exception().to_string()))),
        );
        latch.wait().await?;
        if i >= warmup {
            engine.push(engine_ms);
            direct.push(latch.at.get() - start);
        }
    }
    let _ = probe.event_loop.close();
    Ok(object(&[("engine", numbers(&engine)), ("pool", numbers(&direct))]))
}

/// `chunks` jobs `count_primes(n)` started at once on a warm pool of
/// `workers` (0: on the page's own thread, yielding to the browser between
/// chunks), for a frame meter in the page to watch. Resolves to
/// `{workers, chunks, n, start, end}`: the busy interval on the page's
/// `performance.now()` clock (warm-up excluded).
#[wasm_bindgen]
pub async fn pool_bench_saturate(workers: u32, chunks: u32, n: u32) -> Result<JsValue, JsValue> {
    let job = Job::CountPrimes { n };
    let pool = if workers > 0 { Some(warm_pool(workers, &job, Rc::new(|| {})).await?) } else { None };
    TimeoutFuture::new(50).await;
    let start = now();
    match &pool {
        Some(pool) => {
            run_jobs(pool, chunks, &job).await?;
        }
        None => {
            for _ in 0..chunks {
                let _ = job.run(&now);
                TimeoutFuture::new(0).await;
            }
        }
    }
    let end = now();
    Ok(object(&[
        ("workers", workers.into()),
        ("chunks", chunks.into()),
        ("n", n.into()),
        ("start", start.into()),
        ("end", end.into()),
    ]))
}
