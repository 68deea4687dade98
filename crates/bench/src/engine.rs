//! The workloads on the engine, written as a user of its public API would
//! write them: the same programs as `python/workloads.py`, line for line.
//! Each runs on a fresh `EventLoop::new()` (the virtual clock) with
//! [`asyncio_engine::run`] (`asyncio.run`), and checks its own result.

use std::cell::Cell;
use std::rc::Rc;

use asyncio_engine::sync::{Lock, Queue, Semaphore};
use asyncio_engine::{create_task, get_running_loop, run, sleep, sleep0, EventLoop, PyResult, Task};

use crate::{N1, N2_TASKS, N2_YIELDS, N3_PERMITS, N3_TASKS, N4_ITEMS, N4_MAXSIZE, N5, N6_ROUNDS, N6_TASKS};

/// Run workload `name` once on a fresh loop; returns its number of
/// operations, or `None` for an unknown name.
///
/// # Panics
/// If the workload raises or computes a wrong result.
pub fn run_workload(name: &str) -> Option<usize> {
    let ops = match name {
        "W1" => asyncio_run(w1()),
        "W2" => asyncio_run(w2()),
        "W3" => asyncio_run(w3()),
        "W4" => asyncio_run(w4()),
        "W5" => asyncio_run(w5()),
        "W6" => asyncio_run(w6()),
        "W7" => w7(),
        _ => return None,
    };
    Some(ops)
}

fn asyncio_run(main: impl std::future::Future<Output = PyResult<usize>> + 'static) -> usize {
    match run(&EventLoop::new(), main) {
        Ok(ops) => ops,
        Err(exc) => panic!("workload raised {exc}"),
    }
}

/// W1: spawn and finish 100k trivial tasks.
pub async fn w1() -> PyResult<usize> {
    let tasks = (0..N1).map(|_| create_task(async { Ok(()) })).collect::<PyResult<Vec<Task<()>>>>()?;
    for task in tasks {
        task.await?;
    }
    Ok(N1)
}

async fn yielder(n: usize) -> PyResult<usize> {
    for _ in 0..n {
        sleep0().await?;
    }
    Ok(n)
}

/// W2: 1M `sleep(0)` yields over 1,000 tasks.
pub async fn w2() -> PyResult<usize> {
    let tasks = (0..N2_TASKS).map(|_| create_task(yielder(N2_YIELDS))).collect::<PyResult<Vec<_>>>()?;
    let mut total = 0;
    for task in tasks {
        total += task.await?;
    }
    assert_eq!(total, N2_TASKS * N2_YIELDS);
    Ok(total)
}

/// W3: 10k tasks through `Semaphore(10)`, each holding it across a yield.
pub async fn w3() -> PyResult<usize> {
    let sem = Semaphore::new(N3_PERMITS as i64)?;
    let inside = Rc::new(Cell::new(0usize));
    let most = Rc::new(Cell::new(0usize));
    let mut tasks = Vec::with_capacity(N3_TASKS);
    for _ in 0..N3_TASKS {
        let (sem, inside, most) = (sem.clone(), inside.clone(), most.clone());
        tasks.push(create_task(async move {
            let _held = sem.acquire_guard().await?; // async with sem:
            inside.set(inside.get() + 1);
            most.set(most.get().max(inside.get()));
            sleep0().await?;
            inside.set(inside.get() - 1);
            Ok(())
        })?);
    }
    for task in tasks {
        task.await?;
    }
    assert_eq!(most.get(), N3_PERMITS);
    Ok(N3_TASKS)
}

/// W4: 200k items through `Queue(maxsize=100)`, one producer, one consumer.
pub async fn w4() -> PyResult<usize> {
    let queue: Queue<u64> = Queue::new(N4_MAXSIZE as i64);
    let q = queue.clone();
    let producer = create_task(async move {
        for i in 0..N4_ITEMS as u64 {
            q.put(i).await?;
        }
        Ok(())
    })?;
    let q = queue.clone();
    let consumer = create_task(async move {
        let mut total = 0u64;
        for _ in 0..N4_ITEMS {
            total += q.get().await?;
        }
        Ok(total)
    })?;
    producer.await?;
    let total = consumer.await?;
    let n = N4_ITEMS as u64;
    assert_eq!(total, n * (n - 1) / 2);
    Ok(N4_ITEMS)
}

/// W5: 100k timers with distinct deadlines (the virtual clock jumps from one
/// to the next).
pub async fn w5() -> PyResult<usize> {
    let event_loop = get_running_loop()?;
    let tasks = (0..N5)
        .map(|i| create_task(sleep(crate::w5_millis(i) as f64 * 0.001)))
        .collect::<PyResult<Vec<_>>>()?;
    for task in tasks {
        task.await?;
    }
    assert!((event_loop.time() - N5 as f64 * 0.001).abs() < 1e-6, "virtual time {}", event_loop.time());
    Ok(N5)
}

/// W6: 1,000 tasks x 100 acquisitions of one lock, held across a yield.
pub async fn w6() -> PyResult<usize> {
    let lock = Lock::new();
    let count = Rc::new(Cell::new(0usize));
    let mut tasks = Vec::with_capacity(N6_TASKS);
    for _ in 0..N6_TASKS {
        let (lock, count) = (lock.clone(), count.clone());
        tasks.push(create_task(async move {
            for _ in 0..N6_ROUNDS {
                let _held = lock.acquire_guard().await?; // async with lock:
                count.set(count.get() + 1);
                sleep0().await?;
            }
            Ok(())
        })?);
    }
    for task in tasks {
        task.await?;
    }
    assert_eq!(count.get(), N6_TASKS * N6_ROUNDS);
    Ok(count.get())
}

/// W7: every oracle scenario of the catalogue at its defaults (the ones
/// CPython runs in the same workload; the playground's extra scenarios, one
/// of which counts primes for real, are left out), each on a fresh
/// virtual-clock loop, its printed lines collected (as the page does).
/// Returns the number of scenarios.
pub fn w7() -> usize {
    let catalogue: Vec<_> = asyncio_scenarios::catalogue()
        .into_iter()
        .filter(|s| asyncio_scenarios::is_oracle_scenario(s.name()))
        .collect();
    let mut lines = 0;
    for scenario in &catalogue {
        let event_loop = EventLoop::new();
        let out = Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
        let sink = out.clone();
        event_loop.set_output(move |line| sink.borrow_mut().push(line.to_string()));
        asyncio_scenarios::run_on(&event_loop, scenario, scenario.defaults());
        lines += out.borrow().len();
    }
    assert!(lines > catalogue.len());
    catalogue.len()
}
