//! The engine's executors on the page's real Web Workers, in headless
//! Chromium: `run_in_executor` futures completed through
//! `call_soon_threadsafe`, asyncio's cancellation rules (a queued job is
//! dropped, a running one finishes and its result is ignored), and failures
//! as exceptions, with the loop waiting for workers instead of reporting a
//! deadlock.
//!
//! ```text
//! PATH=$PWD/node_modules/.bin:$PATH trunk build --release   # the pool loads dist/worker_loader.js
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p asyncio-playground --test browser_executor
//! ```
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_engine::executor::VirtualPool;
use asyncio_engine::jobs::{Job, JobValue};
use asyncio_engine::{get_running_loop, EventLoop, Next, PyResult, Session};
use asyncio_playground::pool::WorkerPool;
use common::{require_dist, with_timeout, WORKER_TIMEOUT_MS, WORKER_URL};
use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Wakes the test when the pool has handed out outcomes.
#[derive(Clone, Default)]
struct Wake(Rc<RefCell<Option<Function>>>);

impl Wake {
    /// A promise the next pool event resolves.
    fn next(&self) -> Promise {
        let slot = self.0.clone();
        Promise::new(&mut |resolve, _reject| *slot.borrow_mut() = Some(resolve))
    }
    fn fire(&self) {
        if let Some(resolve) = self.0.borrow_mut().take() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }
}

/// Run `main` on a virtual-clock loop whose executors use a real pool of at
/// most `workers` Web Workers; returns the printed lines and the pool.
async fn run(workers: usize, main: impl std::future::Future<Output = PyResult<()>> + 'static) -> Vec<String> {
    require_dist().await;
    let wake = Wake::default();
    let fire = wake.clone();
    let pool = WorkerPool::new(WORKER_URL, workers, Rc::new(move || fire.fire()));
    let event_loop = EventLoop::new();
    event_loop.set_workers(pool.clone());
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    event_loop.set_output(move |line| sink.borrow_mut().push(line.to_string()));
    let mut session = Session::new(&event_loop, main);
    loop {
        match session.prepare() {
            Next::Iterate { timeout } if timeout.is_infinite() => {
                // Only workers can move the run on: wait for the pool.
                let next = wake.next();
                if let Err(error) = with_timeout(&next, WORKER_TIMEOUT_MS, "waiting for a worker").await {
                    panic!("{error}; lines so far: {:?}", lines.borrow());
                }
            }
            Next::Iterate { timeout } => session.iterate(timeout),
            Next::Finished => break,
        }
    }
    let result = lines.borrow().clone();
    result
}

fn log(text: String) {
    get_running_loop().expect("inside the loop").log(&text);
}

#[wasm_bindgen_test]
async fn queued_jobs_are_dropped_and_running_ones_ignored_when_cancelled() {
    let lines = run(1, async {
        let event_loop = get_running_loop()?;
        let pool = VirtualPool::named(1, "pool")?;
        let running = pool.submit_job(&event_loop, Job::BusyWait { ms: 200.0 }, 0.0, None);
        let queued = pool.submit_job(&event_loop, Job::CountPrimes { n: 1000 }, 0.0, None);
        let last = pool.submit_job(&event_loop, Job::Fib { n: 20 }, 0.0, None);
        queued.cancel(None);
        running.cancel(None);
        log(format!("last -> {}", last.await?));
        log(format!("running cancelled: {}, queued cancelled: {}", running.cancelled(), queued.cancelled()));
        pool.join().await?;
        log(pool.state());
        Ok(())
    })
    .await;
    assert_eq!(
        lines,
        [
            "[    0.000] last -> 6765",
            "[    0.000] running cancelled: true, queued cancelled: true",
            "[    0.000] busy=0/1 queued=0 running=[]",
        ]
    );
}

#[wasm_bindgen_test]
async fn results_and_failures_come_back_in_completion_order() {
    let lines = run(3, async {
        let event_loop = get_running_loop()?;
        let pool = VirtualPool::named(3, "pool")?;
        let futures = [
            pool.submit_job(&event_loop, Job::BusyWait { ms: 300.0 }, 0.0, None),
            pool.submit_job(&event_loop, Job::Crash { message: "boom".into() }, 0.0, None),
            pool.submit_job(&event_loop, Job::BusyWait { ms: 5_000.0 }, 0.0, Some(0.1)),
        ];
        let names = ["busy_wait(300)", "crash", "deadline"];
        let mut pending: Vec<usize> = vec![0, 1, 2];
        // Await in completion order: poll the futures each time one is done.
        while !pending.is_empty() {
            let (done, _) = asyncio_engine::wait(
                &pending.iter().map(|&i| futures[i].clone()).collect::<Vec<_>>(),
                None,
                asyncio_engine::ReturnWhen::FirstCompleted,
            )
            .await?;
            for (slot, &i) in pending.clone().iter().enumerate().rev() {
                if done.iter().any(|f| f.ptr_eq(&futures[i])) {
                    let text = match futures[i].result() {
                        Ok(JobValue::None) => "ok".to_string(),
                        Ok(value) => value.to_string(),
                        Err(exc) => exc.type_name().to_string(),
                    };
                    log(format!("{}: {text}", names[i]));
                    pending.remove(slot);
                }
            }
        }
        Ok(())
    })
    .await;
    let texts: Vec<&str> = lines.iter().map(|l| &l[12..]).collect();
    // The crash comes back first, the deadline at 0.1 s, the 0.3 s job last.
    assert_eq!(texts, ["crash: RuntimeError", "deadline: TimeoutError", "busy_wait(300): ok"]);
}
