//! CPU-bound work on the loop thread or in a process pool, while a
//! heartbeat task tries to tick: offloading keeps the loop responsive.
//!
//! On the virtual clock each `count_primes(n)` costs `cost` seconds (the
//! count itself is computed once, for real). In real mode the pool variant
//! runs every chunk in the page's Web Workers and the loop variant counts on
//! the page's own thread, which freezes the page meanwhile (the frame meter
//! shows it).

use std::cell::Cell;
use std::rc::Rc;

use asyncio_engine::executor::VirtualPool;
use asyncio_engine::jobs::{count_primes, Job, JobValue};
use asyncio_engine::pyfmt::float_repr;

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta_extra::EXEC_CPU_OFFLOAD,
    python: Python {
        template: include_str!("../../python/exec_cpu_offload.py"),
        kind: ProgramKind::ReadOnly(Some(
            "Not an oracle scenario: its times are not CPython's. In instant and paced modes each \
             count_primes(n) takes cost virtual seconds (the count itself is real); in real mode the \
             pool is the page's Web Workers, one per process, and the loop variant counts on the page's \
             own thread.",
        )),
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: true,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "where_text" => Derived::Text(match p.str("where") {
            "pool" => format!("in a ProcessPoolExecutor({})", p.int("workers")),
            _ => "on the loop thread".to_string(),
        }),
        "in_pool" => Derived::Flag(p.str("where") == "pool"),
        _ => return None,
    })
}

async fn heartbeat(beats: Rc<Cell<u32>>, every: f64) -> PyResult<()> {
    loop {
        sleep(every).await?;
        beats.set(beats.get() + 1); // beats.append(time.perf_counter())
    }
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let (chunks, n) = (p.int("chunks"), p.int("n").clamp(0, i64::from(u32::MAX)) as u32);
        let (cost, beat, in_pool) = (p.float("cost"), p.float("beat"), p.str("where") == "pool");
        let event_loop = get_running_loop()?;
        let real = event_loop.workers().is_some();
        let beats = Rc::new(Cell::new(0));
        let ticker = create_task(heartbeat(beats.clone(), beat))?;
        let start = now(); // time.perf_counter()
        let results: Vec<JobValue> = if in_pool {
            let workers = p.int("workers").max(1) as usize;
            log(format!("ProcessPoolExecutor(max_workers={workers}): {chunks} x count_primes({n})"));
            let pool = VirtualPool::named(workers, "ProcessPoolExecutor")?;
            let once = Rc::new(std::cell::OnceCell::new());
            let jobs: Vec<_> = (0..chunks)
                .map(|_| {
                    if real {
                        pool.submit_job(&event_loop, Job::CountPrimes { n }, cost, None)
                    } else {
                        let once = once.clone();
                        let label = format!("count_primes({n})");
                        pool.submit(&event_loop, cost, &label, move || {
                            Ok(JobValue::Number(f64::from(*once.get_or_init(|| count_primes(n)))))
                        })
                    }
                })
                .collect();
            gather(&jobs)?.await? // await asyncio.gather(*jobs)
        } else {
            log(format!("on the loop thread: {chunks} x count_primes({n})"));
            let once = if real { None } else { Some(count_primes(n)) };
            (0..chunks)
                .map(|_| {
                    let count = match once {
                        Some(count) => {
                            event_loop.blocking_sleep(cost); // the loop thread is busy
                            count
                        }
                        None => count_primes(n), // really blocks the page
                    };
                    JobValue::Number(f64::from(count))
                })
                .collect()
        };
        let elapsed = now() - start;
        ticker.cancel(None);
        let first = results.first().map_or_else(|| "nothing".to_string(), ToString::to_string);
        log(format!("{chunks} x count_primes({n}) = {first} each, in {elapsed:.2} s"));
        log(format!("the heartbeat ticked {} times (every {} s it could)", beats.get(), float_repr(beat)));
        Ok(())
    })
}
