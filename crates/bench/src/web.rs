//! The browser side (wasm32 only): what `web/bench.html` calls.
//!
//! - [`engine_workload`] runs a workload on the engine, synchronously (the
//!   virtual clock never waits), and returns its operation count;
//! - [`spawn_local_workload`] runs it on wasm-bindgen-futures' `spawn_local`
//!   (the browser's microtask queue as the executor), with async-lock and
//!   async-channel for the primitives. It has no virtual clock (W5) and runs no
//!   asyncio programs (W7): those resolve to `null`.
//!
//! The page times both with `performance.now()`.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use futures_lite::future::yield_now;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;

use crate::{N1, N2_TASKS, N2_YIELDS, N3_PERMITS, N3_TASKS, N4_ITEMS, N4_MAXSIZE, N6_ROUNDS, N6_TASKS};

/// Run workload `name` (`"W1"` ... `"W7"`) once on the engine; returns its
/// number of operations.
#[wasm_bindgen]
pub fn engine_workload(name: &str) -> Result<usize, JsError> {
    crate::engine::run_workload(name).ok_or_else(|| JsError::new(&format!("unknown workload {name}")))
}

/// Run workload `name` once on `spawn_local`; resolves to its number of
/// operations, or `null` when the workload does not apply.
#[wasm_bindgen]
pub async fn spawn_local_workload(name: String) -> Result<JsValue, JsError> {
    let ops = match name.as_str() {
        "W1" => w1().await,
        "W2" => w2().await,
        "W3" => w3().await,
        "W4" => w4().await,
        "W6" => w6().await,
        "W5" | "W7" => return Ok(JsValue::NULL),
        _ => return Err(JsError::new(&format!("unknown workload {name}"))),
    };
    Ok(JsValue::from_f64(ops as f64))
}

/// `spawn_local` has no join handle: this one is the smallest that lets the
/// main task await each spawned task, as the other systems do.
struct JoinState<T> {
    output: Option<T>,
    waiter: Option<Waker>,
}

struct Join<T>(Rc<RefCell<JoinState<T>>>);

impl<T> Future for Join<T> {
    type Output = T;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut state = self.0.borrow_mut();
        match state.output.take() {
            Some(output) => Poll::Ready(output),
            None => {
                state.waiter = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

fn spawn<T: 'static>(future: impl Future<Output = T> + 'static) -> Join<T> {
    let state = Rc::new(RefCell::new(JoinState { output: None, waiter: None }));
    let shared = state.clone();
    spawn_local(async move {
        let output = future.await;
        let waiter = {
            let mut state = shared.borrow_mut();
            state.output = Some(output);
            state.waiter.take()
        };
        if let Some(waker) = waiter {
            waker.wake();
        }
    });
    Join(state)
}

async fn w1() -> usize {
    let tasks: Vec<_> = (0..N1).map(|_| spawn(async {})).collect();
    for task in tasks {
        task.await;
    }
    N1
}

async fn w2() -> usize {
    let tasks: Vec<_> = (0..N2_TASKS)
        .map(|_| {
            spawn(async {
                for _ in 0..N2_YIELDS {
                    yield_now().await;
                }
                N2_YIELDS
            })
        })
        .collect();
    let mut total = 0;
    for task in tasks {
        total += task.await;
    }
    assert_eq!(total, N2_TASKS * N2_YIELDS);
    total
}

async fn w3() -> usize {
    let sem = Rc::new(async_lock::Semaphore::new(N3_PERMITS));
    let inside = Rc::new(std::cell::Cell::new(0usize));
    let most = Rc::new(std::cell::Cell::new(0usize));
    let tasks: Vec<_> = (0..N3_TASKS)
        .map(|_| {
            let (sem, inside, most) = (sem.clone(), inside.clone(), most.clone());
            spawn(async move {
                let _permit = sem.acquire().await;
                inside.set(inside.get() + 1);
                most.set(most.get().max(inside.get()));
                yield_now().await;
                inside.set(inside.get() - 1);
            })
        })
        .collect();
    for task in tasks {
        task.await;
    }
    assert_eq!(most.get(), N3_PERMITS);
    N3_TASKS
}

async fn w4() -> usize {
    let (tx, rx) = async_channel::bounded::<u64>(N4_MAXSIZE);
    let producer = spawn(async move {
        for i in 0..N4_ITEMS as u64 {
            tx.send(i).await.expect("send");
        }
    });
    let consumer = spawn(async move {
        let mut total = 0u64;
        for _ in 0..N4_ITEMS {
            total += rx.recv().await.expect("recv");
        }
        total
    });
    producer.await;
    let total = consumer.await;
    let n = N4_ITEMS as u64;
    assert_eq!(total, n * (n - 1) / 2);
    N4_ITEMS
}

async fn w6() -> usize {
    let lock = Rc::new(async_lock::Mutex::new(0usize));
    let tasks: Vec<_> = (0..N6_TASKS)
        .map(|_| {
            let lock = lock.clone();
            spawn(async move {
                for _ in 0..N6_ROUNDS {
                    let mut count = lock.lock().await;
                    *count += 1;
                    yield_now().await;
                }
            })
        })
        .collect();
    for task in tasks {
        task.await;
    }
    let count = *lock.lock().await;
    assert_eq!(count, N6_TASKS * N6_ROUNDS);
    count
}
