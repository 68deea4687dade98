//! The page's pool of Web Workers in headless Chromium, on the Trunk-built
//! worker:
//!
//! ```text
//! PATH=$PWD/node_modules/.bin:$PATH trunk build --release   # the pool loads dist/worker_loader.js
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p asyncio-playground --test browser_pool
//! ```
//!
//! Every test awaits the outcomes themselves; timeouts only guard against a
//! hang.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use asyncio_engine::executor::{JobFailure, JobOutcome, WorkerBackend};
use asyncio_engine::jobs::{hash_rounds, Job, JobValue};
use asyncio_playground::pool::{PoolConfig, WorkerPool, WorkerState};
use common::{require_dist, window, with_timeout, WORKER_TIMEOUT_MS, WORKER_URL};
use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A job handed to a pool, whose outcome can be awaited.
struct Pending {
    what: String,
    promise: Promise,
    outcome: Rc<RefCell<Option<JobOutcome>>>,
    calls: Rc<Cell<u32>>,
}

/// Start `job` on `pool` through the engine's trait, as the executors do.
fn submit(pool: &dyn WorkerBackend, job: Job, deadline: Option<f64>) -> Pending {
    let what = format!("waiting for {}", job.label());
    let mut resolver: Option<Function> = None;
    let promise = Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
    let outcome = Rc::new(RefCell::new(None));
    let calls = Rc::new(Cell::new(0));
    let (slot, count) = (outcome.clone(), calls.clone());
    pool.start(
        job,
        deadline,
        Box::new(move |result| {
            count.set(count.get() + 1);
            *slot.borrow_mut() = Some(result);
            if let Some(resolve) = &resolver {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }),
    );
    Pending { what, promise, outcome, calls }
}

impl Pending {
    /// The outcome, failing the test if none comes within the guard.
    async fn outcome(self) -> JobOutcome {
        if let Err(message) = with_timeout(&self.promise, WORKER_TIMEOUT_MS, &self.what).await {
            panic!("{message}");
        }
        assert_eq!(self.calls.get(), 1, "{}: done was called once", self.what);
        let outcome = self.outcome.borrow_mut().take();
        outcome.unwrap_or_else(|| panic!("{}: resolved without an outcome", self.what))
    }
}

fn no_event() -> Rc<dyn Fn()> {
    Rc::new(|| {})
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

fn crashed(outcome: JobOutcome) -> String {
    match outcome {
        Err(JobFailure::Crashed(message)) => message,
        other => panic!("expected a crash, got {other:?}"),
    }
}

fn unavailable(outcome: JobOutcome) -> String {
    match outcome {
        Err(JobFailure::Unavailable(message)) => message,
        other => panic!("expected Unavailable, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn jobs_return_their_values_through_the_pool() {
    require_dist().await;
    let events = Rc::new(Cell::new(0u32));
    let counter = events.clone();
    let pool = WorkerPool::new(WORKER_URL, 4, Rc::new(move || counter.set(counter.get() + 1)));
    assert!(pool.cpu_count() >= 1);
    let started = now_ms();
    let jobs = [
        submit(&*pool, Job::CountPrimes { n: 10_000 }, None),
        submit(&*pool, Job::Fib { n: 20 }, None),
        submit(&*pool, Job::HashRounds { rounds: 1000, seed: 7 }, None),
        submit(&*pool, Job::Echo { text: "héllo, 世界".into() }, None),
        submit(&*pool, Job::BusyWait { ms: 50.0 }, Some(5.0)),
    ];
    let mut outcomes = Vec::new();
    for job in jobs {
        outcomes.push(job.outcome().await);
    }
    assert_eq!(
        outcomes,
        [
            Ok(JobValue::Number(1229.0)),
            Ok(JobValue::Number(6765.0)),
            Ok(JobValue::Text(format!("{:016x}", hash_rounds(1000, 7)))),
            Ok(JobValue::Text("héllo, 世界".into())),
            Ok(JobValue::None),
        ]
    );
    assert!(now_ms() - started >= 50.0 - 0.1, "busy_wait(50) returned early");
    assert_eq!(events.get(), 5, "on_event once per outcome (each came in its own message)");
    let snapshot = pool.snapshot();
    assert_eq!(snapshot.workers.len(), 4, "four workers for five jobs: {snapshot:?}");
    // Every job is done, so no worker is busy; on a loaded machine the first
    // workers to load may have run all five jobs while the last still load.
    assert!(
        snapshot.workers.iter().all(|w| matches!(w.state, WorkerState::Idle | WorkerState::Loading)),
        "{snapshot:?}"
    );
    assert!(snapshot.workers.iter().any(|w| w.state == WorkerState::Idle), "{snapshot:?}");
    assert_eq!((snapshot.queued, snapshot.replaced, snapshot.last_load_error), (0, 0, None));

    // The workers are kept: the next job spawns none.
    let again = submit(&*pool, Job::Echo { text: "again".into() }, None).outcome().await;
    assert_eq!(again, Ok(JobValue::Text("again".into())));
    let numbers: Vec<u32> = pool.snapshot().workers.iter().map(|w| w.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
}

#[wasm_bindgen_test]
async fn one_worker_runs_the_jobs_in_fifo_order() {
    require_dist().await;
    let pool = WorkerPool::new(WORKER_URL, 1, no_event());
    let order = Rc::new(RefCell::new(Vec::new()));
    let mut expected = Vec::new();
    for i in 0..6u32 {
        // Later jobs are cheaper: only the queue's order can keep them in line.
        let job = if i % 2 == 0 {
            Job::CountPrimes { n: 20_000 - i * 3000 }
        } else {
            Job::Echo { text: i.to_string() }
        };
        let log = order.clone();
        pool.start(job, None, Box::new(move |_| log.borrow_mut().push(i)));
        expected.push(i);
    }
    assert_eq!(pool.snapshot().queued, 6, "all wait for the one loading worker");
    let last = submit(&*pool, Job::Echo { text: "last".into() }, None);
    assert_eq!(last.outcome().await, Ok(JobValue::Text("last".into())));
    assert_eq!(*order.borrow(), expected);
    let snapshot = pool.snapshot();
    assert_eq!(snapshot.workers.len(), 1, "{snapshot:?}");
}

#[wasm_bindgen_test]
async fn a_crash_fails_its_job_and_the_next_job_runs_on_a_replacement() {
    require_dist().await;
    let pool = WorkerPool::new(WORKER_URL, 1, no_event());
    let crash = submit(&*pool, Job::Crash { message: "boom".into() }, None);
    let next = submit(&*pool, Job::Echo { text: "after".into() }, None);
    assert_eq!(
        crashed(crash.outcome().await),
        "job crash('boom') failed in Web Worker 1: panicked: boom; the worker was replaced"
    );
    assert_eq!(next.outcome().await, Ok(JobValue::Text("after".into())));
    let snapshot = pool.snapshot();
    assert_eq!(snapshot.replaced, 1);
    assert_eq!(snapshot.workers.iter().map(|w| w.number).collect::<Vec<_>>(), [2]);
}

#[wasm_bindgen_test]
async fn a_throw_fails_its_job_and_the_pool_still_serves() {
    require_dist().await;
    let pool = WorkerPool::new(WORKER_URL, 1, no_event());
    let thrown = submit(&*pool, Job::Throw { message: "nope".into() }, None).outcome().await;
    assert_eq!(
        crashed(thrown),
        "job throw('nope') failed in Web Worker 1: threw: nope; the worker was replaced"
    );
    let next = submit(&*pool, Job::Fib { n: 10 }, None).outcome().await;
    assert_eq!(next, Ok(JobValue::Number(55.0)));
    assert_eq!(pool.snapshot().replaced, 1);
}

#[wasm_bindgen_test]
async fn a_bad_argument_fails_its_job_and_keeps_the_worker() {
    require_dist().await;
    let pool = WorkerPool::new(WORKER_URL, 1, no_event());
    let bad = submit(&*pool, Job::Fib { n: 99 }, None).outcome().await;
    assert_eq!(crashed(bad), "job fib(99) failed in Web Worker 1: fib: n must be from 0 to 50, got 99");
    let next = submit(&*pool, Job::Echo { text: "ok".into() }, None).outcome().await;
    assert_eq!(next, Ok(JobValue::Text("ok".into())));
    let snapshot = pool.snapshot();
    assert_eq!((snapshot.replaced, snapshot.workers[0].number), (0, 1));
}

#[wasm_bindgen_test]
async fn a_job_past_its_deadline_is_stopped_and_the_next_job_works() {
    require_dist().await;
    let pool = WorkerPool::new(WORKER_URL, 1, no_event());
    // Load the worker first, so the time measured is the job's.
    pool.prewarm(1);
    let warm = submit(&*pool, Job::Echo { text: "warm".into() }, None).outcome().await;
    assert_eq!(warm, Ok(JobValue::Text("warm".into())));
    let started = now_ms();
    let slow = submit(&*pool, Job::BusyWait { ms: 5000.0 }, Some(0.3));
    let next = submit(&*pool, Job::Echo { text: "next".into() }, None);
    match slow.outcome().await {
        Err(JobFailure::Deadline(message)) => assert_eq!(
            message,
            "job busy_wait(5000.0) ran past its deadline of 0.3 s; Web Worker 1 was terminated and replaced"
        ),
        other => panic!("expected a deadline failure, got {other:?}"),
    }
    let elapsed = now_ms() - started;
    assert!((300.0 - 0.1..3000.0).contains(&elapsed), "the deadline of 0.3 s struck after {elapsed} ms");
    assert_eq!(next.outcome().await, Ok(JobValue::Text("next".into())));
    assert_eq!(pool.snapshot().workers.iter().map(|w| w.number).collect::<Vec<_>>(), [2]);
}

#[wasm_bindgen_test]
async fn a_missing_worker_script_fails_every_queued_job_quickly() {
    let pool = WorkerPool::new("/dist/no_such_worker.js", 2, no_event());
    let started = now_ms();
    let jobs: Vec<Pending> =
        (0..3).map(|i| submit(&*pool, Job::Echo { text: i.to_string() }, None)).collect();
    for job in jobs {
        let message = unavailable(job.outcome().await);
        assert!(message.starts_with("the Web Workers could not start: Web Worker "), "{message}");
        // Chromium says "Failed to fetch dynamically imported module: <url>".
        assert!(message.contains("/dist/no_such_worker.js"), "{message}");
    }
    let elapsed = now_ms() - started;
    assert!(elapsed < 5000.0, "the failure took {elapsed} ms (the load timeout is not what caught it)");
    assert!(pool.snapshot().last_load_error.is_some());
    // The next job tries one fresh worker, and fails the same way.
    let retry = submit(&*pool, Job::Echo { text: "retry".into() }, None).outcome().await;
    assert!(unavailable(retry).contains("/dist/no_such_worker.js"));
    assert!(pool.snapshot().workers.is_empty());
}

#[wasm_bindgen_test]
async fn a_worker_whose_wasm_does_not_load_is_unavailable() {
    require_dist().await;
    let pool = WorkerPool::new("/tests/fixtures/worker_missing_wasm.js", 4, no_event());
    let first = submit(&*pool, Job::Fib { n: 5 }, None);
    let second = submit(&*pool, Job::Fib { n: 6 }, None);
    for job in [first, second] {
        let message = unavailable(job.outcome().await);
        assert!(message.starts_with("the Web Workers could not start: Web Worker "), "{message}");
        // The glue's own words: "failed to fetch Wasm: 404 Not Found fetching '<url>'".
        assert!(message.contains("no_such_worker_bg.wasm"), "{message}");
    }
}

#[wasm_bindgen_test]
async fn a_worker_that_throws_while_loading_is_unavailable_with_its_error() {
    let pool = WorkerPool::new("/tests/fixtures/worker_throws.js", 4, no_event());
    let message = unavailable(submit(&*pool, Job::Fib { n: 5 }, None).outcome().await);
    assert_eq!(
        message,
        "the Web Workers could not start: Web Worker 1 failed to load: the fixture worker refuses to start"
    );
}

#[wasm_bindgen_test]
async fn a_worker_that_never_says_ready_times_out() {
    let config = PoolConfig { max_workers: 2, load_timeout: 0.5 };
    let pool = WorkerPool::with_config("/tests/fixtures/worker_silent.js", config, no_event());
    let message = unavailable(submit(&*pool, Job::Fib { n: 5 }, None).outcome().await);
    assert_eq!(message, "the Web Workers could not start: Web Worker 1 was not ready within 0.5 s");
}

#[wasm_bindgen_test]
async fn dropping_the_pool_fails_the_jobs_still_out() {
    require_dist().await;
    let pool = WorkerPool::new(WORKER_URL, 1, no_event());
    let running = submit(&*pool, Job::BusyWait { ms: 2000.0 }, None);
    let queued = submit(&*pool, Job::Echo { text: "never".into() }, None);
    drop(pool);
    assert!(unavailable(running.outcome().await).contains("shut down"));
    assert!(unavailable(queued.outcome().await).contains("never ran"));
}
