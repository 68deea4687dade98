//! What a pool does with jobs that fail: a panic, a thrown error, a job that
//! runs past its deadline. Each fails its own future with an exception naming
//! the job; the worker is replaced and the pool keeps serving.
//!
//! On the virtual clock the virtual pool models the failures (each job takes
//! `cost` seconds, the hung one until the deadline); in real mode they happen
//! for real in the page's Web Workers (a wasm panic, a JavaScript throw, a
//! worker terminated at its deadline).

use asyncio_engine::executor::VirtualPool;
use asyncio_engine::jobs::Job;
use asyncio_engine::pyfmt::float_repr;

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta_extra::EXEC_WORKER_FAULTS,
    python: Python {
        template: include_str!("../../python/exec_worker_faults.py"),
        kind: ProgramKind::ReadOnly(Some(
            "Not an oracle scenario. CPython's ProcessPoolExecutor has no deadline, and a process that \
             dies breaks the whole pool (BrokenProcessPool); the playground's pool fails only the job \
             and replaces the worker. In real mode the jobs run in the page's Web Workers.",
        )),
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: true,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "hang_ms" => Derived::Text(float_repr(p.float("hang") * 1000.0)),
        _ => return None,
    })
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let event_loop = get_running_loop()?;
        let (cost, deadline, hang) = (p.float("cost"), p.float("deadline"), p.float("hang"));
        let n = p.int("n").clamp(0, i64::from(u32::MAX)) as u32;
        let pool = VirtualPool::named(p.int("workers").max(1) as usize, "ProcessPoolExecutor")?;
        let jobs = [
            (Job::CountPrimes { n }, cost, None),
            (Job::Crash { message: "boom".into() }, cost, None),
            (Job::Throw { message: "bad input".into() }, cost, None),
            (Job::BusyWait { ms: hang * 1000.0 }, hang, Some(deadline)),
            (Job::Fib { n: 20 }, cost, None),
        ];
        let (mut results, mut failures) = (0, 0);
        for (job, cost, deadline) in jobs {
            let label = job.label();
            let limit = deadline.map_or(String::new(), |d| format!(" with a {} s deadline", float_repr(d)));
            log(format!("submit {label}{limit}"));
            // try: result = await loop.run_in_executor(pool, job)
            match pool.submit_job(&event_loop, job, cost, deadline).await {
                Ok(value) => {
                    results += 1;
                    log(format!("{label} -> {value}"));
                }
                Err(exc) if exc.is_cancelled() => return Err(exc),
                Err(exc) => {
                    failures += 1;
                    log(format!("{label} raised {exc}"));
                }
            }
        }
        log(format!("{results} results, {failures} exceptions: the pool kept serving"));
        Ok(())
    })
}
