//! The native peers: the same workloads on tokio's current-thread runtime and
//! on smol's `LocalExecutor`, written the way each runtime's users write them.
//!
//! | | tokio | smol |
//! |---|---|---|
//! | spawn, join | `tokio::spawn`, `JoinHandle` | `LocalExecutor::spawn`, `Task` |
//! | `sleep(0)` | `tokio::task::yield_now` | `futures_lite::future::yield_now` |
//! | `Semaphore(10)` | `tokio::sync::Semaphore` | `async_lock::Semaphore` |
//! | `Queue(maxsize=100)` | `tokio::sync::mpsc::channel(100)` | `async_channel::bounded(100)` |
//! | timers (W5) | `tokio::time::sleep`, paused clock | none: smol's timers are real time |
//! | `Lock` | `tokio::sync::Mutex` | `async_lock::Mutex` |
//!
//! W7 (the scenario catalogue) exists only for asyncio systems.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::{N1, N2_TASKS, N2_YIELDS, N3_PERMITS, N3_TASKS, N4_ITEMS, N4_MAXSIZE, N5, N6_ROUNDS, N6_TASKS};

/// Run workload `name` once on tokio's current-thread runtime (a fresh one);
/// `None` when the workload does not apply.
///
/// # Panics
/// If the runtime cannot be built or a result is wrong.
pub fn tokio_workload(name: &str) -> Option<usize> {
    let mut builder = tokio::runtime::Builder::new_current_thread();
    if name == "W5" {
        builder.enable_time().start_paused(true);
    }
    let rt = builder.build().expect("tokio runtime");
    let ops = match name {
        "W1" => rt.block_on(tokio_w1()),
        "W2" => rt.block_on(tokio_w2()),
        "W3" => rt.block_on(tokio_w3()),
        "W4" => rt.block_on(tokio_w4()),
        "W5" => rt.block_on(tokio_w5()),
        "W6" => rt.block_on(tokio_w6()),
        _ => return None,
    };
    Some(ops)
}

async fn tokio_w1() -> usize {
    let handles: Vec<_> = (0..N1).map(|_| tokio::spawn(async {})).collect();
    for handle in handles {
        handle.await.expect("task");
    }
    N1
}

async fn tokio_w2() -> usize {
    let handles: Vec<_> = (0..N2_TASKS)
        .map(|_| {
            tokio::spawn(async {
                for _ in 0..N2_YIELDS {
                    tokio::task::yield_now().await;
                }
                N2_YIELDS
            })
        })
        .collect();
    let mut total = 0;
    for handle in handles {
        total += handle.await.expect("task");
    }
    assert_eq!(total, N2_TASKS * N2_YIELDS);
    total
}

async fn tokio_w3() -> usize {
    let sem = Arc::new(tokio::sync::Semaphore::new(N3_PERMITS));
    let inside = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..N3_TASKS)
        .map(|_| {
            let (sem, inside, most) = (sem.clone(), inside.clone(), most.clone());
            tokio::spawn(async move {
                let _permit = sem.acquire().await.expect("semaphore");
                let now = inside.fetch_add(1, Ordering::Relaxed) + 1;
                most.fetch_max(now, Ordering::Relaxed);
                tokio::task::yield_now().await;
                inside.fetch_sub(1, Ordering::Relaxed);
            })
        })
        .collect();
    for handle in handles {
        handle.await.expect("task");
    }
    assert_eq!(most.load(Ordering::Relaxed), N3_PERMITS);
    N3_TASKS
}

async fn tokio_w4() -> usize {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u64>(N4_MAXSIZE);
    let producer = tokio::spawn(async move {
        for i in 0..N4_ITEMS as u64 {
            tx.send(i).await.expect("send");
        }
    });
    let consumer = tokio::spawn(async move {
        let mut total = 0u64;
        for _ in 0..N4_ITEMS {
            total += rx.recv().await.expect("recv");
        }
        total
    });
    producer.await.expect("producer");
    let total = consumer.await.expect("consumer");
    let n = N4_ITEMS as u64;
    assert_eq!(total, n * (n - 1) / 2);
    N4_ITEMS
}

async fn tokio_w5() -> usize {
    let start = tokio::time::Instant::now();
    let handles: Vec<_> = (0..N5)
        .map(|i| tokio::spawn(tokio::time::sleep(Duration::from_millis(crate::w5_millis(i)))))
        .collect();
    for handle in handles {
        handle.await.expect("task");
    }
    let elapsed = start.elapsed();
    assert!(elapsed >= Duration::from_millis(N5 as u64), "paused clock at {elapsed:?}");
    N5
}

async fn tokio_w6() -> usize {
    let lock = Arc::new(tokio::sync::Mutex::new(0usize));
    let handles: Vec<_> = (0..N6_TASKS)
        .map(|_| {
            let lock = lock.clone();
            tokio::spawn(async move {
                for _ in 0..N6_ROUNDS {
                    let mut count = lock.lock().await;
                    *count += 1;
                    tokio::task::yield_now().await;
                }
            })
        })
        .collect();
    for handle in handles {
        handle.await.expect("task");
    }
    let count = *lock.lock().await;
    assert_eq!(count, N6_TASKS * N6_ROUNDS);
    count
}

/// Run workload `name` once on a fresh smol `LocalExecutor`; `None` when the
/// workload does not apply (W5: smol has no virtual clock; W7).
///
/// # Panics
/// If a result is wrong.
pub fn smol_workload(name: &str) -> Option<usize> {
    let ex = async_executor::LocalExecutor::new();
    use futures_lite::future::block_on;
    let ops = match name {
        "W1" => block_on(ex.run(smol_w1(&ex))),
        "W2" => block_on(ex.run(smol_w2(&ex))),
        "W3" => block_on(ex.run(smol_w3(&ex))),
        "W4" => block_on(ex.run(smol_w4(&ex))),
        "W6" => block_on(ex.run(smol_w6(&ex))),
        _ => return None,
    };
    Some(ops)
}

type LocalExecutor<'a> = async_executor::LocalExecutor<'a>;

async fn smol_w1(ex: &LocalExecutor<'_>) -> usize {
    let tasks: Vec<_> = (0..N1).map(|_| ex.spawn(async {})).collect();
    for task in tasks {
        task.await;
    }
    N1
}

async fn smol_w2(ex: &LocalExecutor<'_>) -> usize {
    let tasks: Vec<_> = (0..N2_TASKS)
        .map(|_| {
            ex.spawn(async {
                for _ in 0..N2_YIELDS {
                    futures_lite::future::yield_now().await;
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

async fn smol_w3(ex: &LocalExecutor<'_>) -> usize {
    let sem = Rc::new(async_lock::Semaphore::new(N3_PERMITS));
    let inside = Rc::new(Cell::new(0usize));
    let most = Rc::new(Cell::new(0usize));
    let tasks: Vec<_> = (0..N3_TASKS)
        .map(|_| {
            let (sem, inside, most) = (sem.clone(), inside.clone(), most.clone());
            ex.spawn(async move {
                let _permit = sem.acquire().await;
                inside.set(inside.get() + 1);
                most.set(most.get().max(inside.get()));
                futures_lite::future::yield_now().await;
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

async fn smol_w4(ex: &LocalExecutor<'_>) -> usize {
    let (tx, rx) = async_channel::bounded::<u64>(N4_MAXSIZE);
    let producer = ex.spawn(async move {
        for i in 0..N4_ITEMS as u64 {
            tx.send(i).await.expect("send");
        }
    });
    let consumer = ex.spawn(async move {
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

async fn smol_w6(ex: &LocalExecutor<'_>) -> usize {
    let lock = Rc::new(async_lock::Mutex::new(0usize));
    let tasks: Vec<_> = (0..N6_TASKS)
        .map(|_| {
            let lock = lock.clone();
            ex.spawn(async move {
                for _ in 0..N6_ROUNDS {
                    let mut count = lock.lock().await;
                    *count += 1;
                    futures_lite::future::yield_now().await;
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
