//! Determinism and per-iteration cost.
//!
//! - The same program run twice prints the same trace and emits the same
//!   trace events (tokio's `paused_time_is_deterministic`), and that trace is
//!   the oracle's.
//! - One loop iteration does work proportional to what it runs, not to how
//!   many timers are scheduled or tasks are waiting: with 100 or 10,000 idle
//!   timers and waiting tasks, an iteration that steps one task emits the same
//!   events and reads the clock the same number of times; and the number of
//!   iterations a workload takes does not grow with the number of tasks that
//!   share its deadlines. Nothing here reads a wall clock.

mod common;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use asyncio_engine::{
    as_completed, create_task, gather, gather_outcomes, shield, sleep, sleep0, timeout, wait, wait_for,
    Awaitable, EventLoop, Exception, PyResult, ReturnWhen, TaskGroup, TraceEvent,
};

async fn worker(lp: EventLoop, name: &'static str, delay: f64, fail: bool) -> PyResult<&'static str> {
    sleep(delay).await?;
    if fail {
        return Err(Exception::value_error(name));
    }
    lp.log(&format!("{name} ok"));
    Ok(name)
}

async fn stubborn(lp: EventLoop) -> PyResult<&'static str> {
    match sleep(5.0).await {
        Err(e) if e.is_cancelled() => {
            lp.log("stubborn cleans up");
            sleep(0.5).await?;
            Err(e)
        }
        other => other.map(|()| "slept"),
    }
}

/// A program mixing timers with tied deadlines, gather, wait_for, shield,
/// timeout, TaskGroup, wait and as_completed. Its Python twin:
///
/// ```python
/// import asyncio
///
/// async def worker(name, delay, fail=False):
///     await asyncio.sleep(delay)
///     if fail:
///         raise ValueError(name)
///     print(name, "ok")
///     return name
///
/// async def stubborn():
///     try:
///         await asyncio.sleep(5)
///     except asyncio.CancelledError:
///         print("stubborn cleans up")
///         await asyncio.sleep(0.5)
///         raise
///
/// async def main():
///     loop = asyncio.get_running_loop()
///     for i, d in enumerate([0.5, 0.25, 0.5, 0.25, 0.5]):
///         loop.call_later(d, print, "tick", i)
///     res = await asyncio.gather(worker("a", 1), worker("b", 0.5), worker("c", 1, fail=True),
///                                return_exceptions=True)
///     print("gather", [r if isinstance(r, str) else type(r).__name__ for r in res])
///     try:
///         await asyncio.wait_for(stubborn(), 1)
///     except TimeoutError:
///         print("wait_for timed out at", loop.time())
///     inner = asyncio.create_task(worker("shielded", 1))
///     outer = asyncio.create_task(asyncio.wait_for(asyncio.shield(inner), 0.5))
///     try:
///         await outer
///     except TimeoutError:
///         print("outer timed out; inner cancelled:", inner.cancelled())
///     print("inner result", await inner)
///     try:
///         async with asyncio.timeout(1.5):
///             async with asyncio.TaskGroup() as tg:
///                 tg.create_task(worker("g1", 1))
///                 tg.create_task(worker("g2", 2))
///     except TimeoutError:
///         print("group timed out at", loop.time())
///     fs = [asyncio.create_task(worker(f"w{i}", d)) for i, d in enumerate([0.3, 0.1, 0.2, 0.1])]
///     done, pending = await asyncio.wait(fs, timeout=0.15)
///     print("wait", sorted(f.result() for f in done), len(pending))
///     for f in asyncio.as_completed(fs):
///         print("as_completed", await f)
///
/// asyncio.run(main())
/// ```
async fn mixed_program(lp: EventLoop) -> PyResult<()> {
    for (i, d) in [0.5, 0.25, 0.5, 0.25, 0.5].into_iter().enumerate() {
        let out = lp.clone();
        lp.call_later(d, move || out.log(&format!("tick {i}")))?;
    }
    let children = [
        create_task(worker(lp.clone(), "a", 1.0, false))?,
        create_task(worker(lp.clone(), "b", 0.5, false))?,
        create_task(worker(lp.clone(), "c", 1.0, true))?,
    ];
    let res = gather_outcomes(&children.iter().map(|t| t.future().clone()).collect::<Vec<_>>())?.await?;
    let shown: Vec<String> = res
        .iter()
        .map(|r| match r {
            Ok(name) => format!("'{name}'"),
            Err(e) => format!("'{}'", e.type_name()),
        })
        .collect();
    lp.log(&format!("gather [{}]", shown.join(", ")));

    match wait_for(Awaitable::coro(stubborn(lp.clone())), Some(1.0)).await {
        Err(e) if e.is_timeout() => lp.log(&format!("wait_for timed out at {:?}", lp.time())),
        other => {
            other?;
        }
    }

    let inner = create_task(worker(lp.clone(), "shielded", 1.0, false))?;
    let outer = create_task(wait_for(shield(&inner)?, Some(0.5)))?;
    match outer.await {
        Err(e) if e.is_timeout() => lp.log(&format!(
            "outer timed out; inner cancelled: {}",
            if inner.cancelled() { "True" } else { "False" }
        )),
        other => {
            other?;
        }
    }
    lp.log(&format!("inner result {}", inner.await?));

    let out = lp.clone();
    let group = timeout(Some(1.5))?
        .run(TaskGroup::run(|tg| async move {
            tg.create_task(worker(out.clone(), "g1", 1.0, false))?;
            tg.create_task(worker(out.clone(), "g2", 2.0, false))?;
            Ok(())
        }))
        .await;
    match group {
        Err(e) if e.is_timeout() => lp.log(&format!("group timed out at {:?}", lp.time())),
        other => other?,
    }

    let mut fs = Vec::new();
    for (name, d) in [("w0", 0.3), ("w1", 0.1), ("w2", 0.2), ("w3", 0.1)] {
        fs.push(create_task(worker(lp.clone(), name, d, false))?.future().clone());
    }
    let (done, pending) = wait(&fs, Some(0.15), ReturnWhen::AllCompleted).await?;
    let mut names: Vec<String> = done.iter().map(|f| format!("'{}'", f.result().unwrap())).collect();
    names.sort();
    lp.log(&format!("wait [{}] {}", names.join(", "), pending.len()));
    let it = as_completed(&fs, None)?;
    while let Some(f) = it.next().await {
        lp.log(&format!("as_completed {}", f?));
    }
    Ok(())
}

/// The oracle's output for [`mixed_program`]'s Python twin.
const MIXED_PROGRAM_ORACLE: &str = "\
[    0.250] tick 1
[    0.250] tick 3
[    0.500] tick 2
[    0.500] tick 4
[    0.500] tick 0
[    0.500] b ok
[    1.000] a ok
[    1.000] gather ['a', 'b', 'ValueError']
[    2.000] stubborn cleans up
[    2.500] wait_for timed out at 2.5
[    3.000] outer timed out; inner cancelled: False
[    3.500] shielded ok
[    3.500] inner result shielded
[    4.500] g1 ok
[    5.000] group timed out at 5.0
[    5.100] w1 ok
[    5.100] w3 ok
[    5.150] wait ['w1', 'w3'] 2
[    5.150] as_completed w1
[    5.150] as_completed w3
[    5.200] w2 ok
[    5.200] as_completed w2
[    5.300] w0 ok
[    5.300] as_completed w0
";

async fn job(lp: EventLoop, name: &'static str, d: f64) -> PyResult<&'static str> {
    match sleep(d).await {
        Ok(()) => {
            lp.log(&format!("{name} finished"));
            Ok(name)
        }
        Err(e) => {
            lp.log(&format!("{name} cancelled"));
            Err(e)
        }
    }
}

/// Completions tied with deadlines (wait_for, shield, as_completed), a
/// timeout rescheduled into the past, sleeps accumulating to a `call_at`
/// deadline, and a deadlock. Its Python twin:
///
/// ```python
/// import asyncio
///
/// async def job(name, d):
///     try:
///         await asyncio.sleep(d)
///         print(name, "finished")
///         return name
///     except asyncio.CancelledError:
///         print(name, "cancelled")
///         raise
///
/// async def main():
///     loop = asyncio.get_running_loop()
///     # wait_for: the inner finishes at the very deadline
///     try:
///         print("wait_for ->", await asyncio.wait_for(job("tie", 1), 1))
///     except TimeoutError:
///         print("wait_for timeout")
///     # timer created before vs after
///     t = asyncio.create_task(job("early", 1))
///     try:
///         print("wait_for ->", await asyncio.wait_for(t, 1))
///     except TimeoutError:
///         print("wait_for timeout 2")
///     # shield: outer cancelled in the iteration the inner completes
///     inner = asyncio.create_task(job("inner", 1))
///     outer = asyncio.shield(inner)
///     loop.call_later(1, outer.cancel)
///     try:
///         print("shield ->", await outer)
///     except asyncio.CancelledError:
///         print("shield cancelled; inner done:", inner.done())
///     # as_completed timeout tied with a completion
///     fs = [asyncio.create_task(job(n, d)) for n, d in [("p", 1), ("q", 2)]]
///     for f in asyncio.as_completed(fs, timeout=1):
///         try:
///             print("as_completed ->", await f)
///         except TimeoutError:
///             print("as_completed timeout")
///     await asyncio.gather(*fs)
///     # reschedule into the past
///     async with asyncio.timeout(10) as cm:
///         try:
///             cm.reschedule(loop.time() - 1)
///             print("rescheduled", cm.when() < loop.time())
///             await asyncio.sleep(0)
///             print("still running after one yield")
///             await asyncio.sleep(0)
///         except asyncio.CancelledError:
///             print("cancelled by past deadline")
///             raise
///         finally:
///             pass
///     print("unreachable")
///
/// async def outer_main():
///     try:
///         await main()
///     except TimeoutError:
///         print("timeout escaped", asyncio.get_running_loop().time())
///     # accumulated sleeps vs call_at at 0.3 after now
///     loop = asyncio.get_running_loop()
///     t0 = loop.time()
///     loop.call_at(t0 + 0.3, print, "call_at fired")
///     for _ in range(3):
///         await asyncio.sleep(0.1)
///     print("three sleeps done")
///     await asyncio.sleep(0)
///     print("after yield")
///     f = loop.create_future()
///     asyncio.create_task(job("orphan", 100))
///     await asyncio.sleep(1)
///     await f
///
/// asyncio.run(outer_main())
/// ```
async fn races_program(lp: EventLoop) -> PyResult<()> {
    let main = async {
        match wait_for(Awaitable::coro(job(lp.clone(), "tie", 1.0)), Some(1.0)).await {
            Ok(v) => lp.log(&format!("wait_for -> {v}")),
            Err(e) if e.is_timeout() => lp.log("wait_for timeout"),
            Err(e) => return Err(e),
        }
        let t = create_task(job(lp.clone(), "early", 1.0))?;
        match wait_for(t, Some(1.0)).await {
            Ok(v) => lp.log(&format!("wait_for -> {v}")),
            Err(e) if e.is_timeout() => lp.log("wait_for timeout 2"),
            Err(e) => return Err(e),
        }
        let inner = create_task(job(lp.clone(), "inner", 1.0))?;
        let outer = shield(&inner)?;
        let victim = outer.clone();
        lp.call_later(1.0, move || {
            victim.cancel(None);
        })?;
        match outer.await {
            Ok(v) => lp.log(&format!("shield -> {v}")),
            Err(e) if e.is_cancelled() => lp.log(&format!(
                "shield cancelled; inner done: {}",
                if inner.done() { "True" } else { "False" }
            )),
            Err(e) => return Err(e),
        }
        let fs = [
            create_task(job(lp.clone(), "p", 1.0))?.future().clone(),
            create_task(job(lp.clone(), "q", 2.0))?.future().clone(),
        ];
        let it = as_completed(&fs, Some(1.0))?;
        while let Some(f) = it.next().await {
            match f {
                Ok(v) => lp.log(&format!("as_completed -> {v}")),
                Err(e) if e.is_timeout() => lp.log("as_completed timeout"),
                Err(e) => return Err(e),
            }
        }
        gather(&fs)?.await?;
        let cm = timeout(Some(10.0))?;
        cm.run(async {
            let body = async {
                cm.reschedule(Some(lp.time() - 1.0))?;
                lp.log(&format!(
                    "rescheduled {}",
                    if cm.when().unwrap() < lp.time() { "True" } else { "False" }
                ));
                sleep0().await?;
                lp.log("still running after one yield");
                sleep0().await
            };
            match body.await {
                Err(e) if e.is_cancelled() => {
                    lp.log("cancelled by past deadline");
                    Err(e)
                }
                other => other,
            }
        })
        .await?;
        lp.log("unreachable");
        Ok(())
    };
    match main.await {
        Err(e) if e.is_timeout() => lp.log(&format!("timeout escaped {:?}", lp.time())),
        other => other?,
    }
    let t0 = lp.time();
    let out = lp.clone();
    lp.call_at(t0 + 0.3, move || out.log("call_at fired"))?;
    for _ in 0..3 {
        sleep(0.1).await?;
    }
    lp.log("three sleeps done");
    sleep0().await?;
    lp.log("after yield");
    let f = lp.create_future::<()>();
    create_task(job(lp.clone(), "orphan", 100.0))?;
    sleep(1.0).await?;
    f.await
}

/// The oracle's output for [`races_program`]'s Python twin.
const RACES_PROGRAM_ORACLE: &str = "\
[    1.000] tie cancelled
[    1.000] wait_for timeout
[    2.000] early cancelled
[    2.000] wait_for timeout 2
[    3.000] shield cancelled; inner done: False
[    3.000] inner finished
[    4.000] as_completed timeout
[    4.000] as_completed timeout
[    4.000] p finished
[    5.000] q finished
[    5.000] rescheduled True
[    5.000] cancelled by past deadline
[    5.000] timeout escaped 5.0
[    5.300] call_at fired
[    5.300] three sleeps done
[    5.300] after yield
[  105.300] orphan finished
[  105.300] deadlock: nothing is scheduled and 1 task(s) wait forever: Task-1
";

/// Run `program` on a fresh loop; return its printed trace and every trace
/// event, each as `time event`.
fn record<F>(program: impl FnOnce(EventLoop) -> F) -> (String, Vec<String>)
where
    F: std::future::Future<Output = PyResult<()>> + 'static,
{
    let (lp, lines) = common::traced_loop();
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = events.clone();
    lp.set_tracer(Box::new(move |time: f64, event: &TraceEvent<'_>| {
        sink.borrow_mut().push(format!("{time:?} {event:?}"));
    }));
    let main = program(lp.clone());
    if let Err(exc) = asyncio_engine::run(&lp, main) {
        asyncio_engine::report_exception(&lp, &exc);
    }
    let events = events.borrow().clone();
    (lines.text(), events)
}

#[test]
fn mixed_program_matches_the_oracle() {
    let (trace, _) = record(mixed_program);
    assert_eq!(trace, MIXED_PROGRAM_ORACLE);
}

#[test]
fn races_program_matches_the_oracle() {
    let (trace, _) = record(races_program);
    assert_eq!(trace, RACES_PROGRAM_ORACLE);
}

#[test]
fn same_program_twice_gives_identical_traces() {
    let (trace1, events1) = record(mixed_program);
    let (trace2, events2) = record(mixed_program);
    assert_eq!(trace1, trace2);
    assert_eq!(events1, events2);
    // Not vacuous: every step, timer and print is in the event stream.
    assert_eq!(trace1.lines().count(), MIXED_PROGRAM_ORACLE.lines().count());
    assert!(events1.len() > 100, "{} events", events1.len());
}

/// Takes `limit` events, then stops listening.
struct Limited {
    seen: Rc<Cell<usize>>,
    limit: usize,
}

impl asyncio_engine::trace::Tracer for Limited {
    fn event(&mut self, _: f64, _: &TraceEvent<'_>) {
        self.seen.set(self.seen.get() + 1);
    }
    fn listening(&self) -> bool {
        self.seen.get() < self.limit
    }
}

#[test]
fn a_tracer_that_stops_listening_is_dropped_and_the_run_is_unchanged() {
    let (lp, lines) = common::traced_loop();
    let seen = Rc::new(Cell::new(0));
    lp.set_tracer(Box::new(Limited { seen: seen.clone(), limit: 10 }));
    if let Err(exc) = asyncio_engine::run(&lp, mixed_program(lp.clone())) {
        asyncio_engine::report_exception(&lp, &exc);
    }
    assert_eq!(seen.get(), 10, "no event after the tracer stopped listening");
    assert!(!lp.tracing());
    assert!(lp.take_tracer().is_none());
    assert_eq!(lines.text(), MIXED_PROGRAM_ORACLE);
}

/// Many tasks with tied deadlines and a failing child: the heap order of
/// ties and the order of cancellations are the same run after run.
#[test]
fn tied_deadlines_and_cancellations_are_reproducible() {
    let program = |lp: EventLoop| async move {
        let mut tasks = Vec::new();
        for i in 0..50 {
            let out = lp.clone();
            tasks.push(
                create_task(async move {
                    match sleep(f64::from(i % 4)).await {
                        Ok(()) if i == 13 => Err(Exception::zero_division(format!("{i}"))),
                        Ok(()) => {
                            out.log(&format!("t{i} woke"));
                            Ok(i)
                        }
                        Err(e) => {
                            out.log(&format!("t{i} cancelled"));
                            Err(e)
                        }
                    }
                })?
                .future()
                .clone(),
            );
        }
        if let Err(e) = gather(&tasks)?.await {
            lp.log(&format!("gather raised {e}"));
        }
        for t in &tasks {
            t.cancel(None);
        }
        sleep0().await?;
        Ok(())
    };
    let (trace1, events1) = record(program);
    let (trace2, events2) = record(program);
    assert_eq!(trace1, trace2);
    assert_eq!(events1, events2);
    assert!(trace1.contains("gather raised ZeroDivisionError: 13"));
    assert!(trace1.contains("cancelled"));
}

/// What one iteration did: trace events emitted, clock reads, handles left
/// ready for the next iteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct IterationWork {
    events: usize,
    clock_reads: usize,
    ready_after: usize,
}

/// Schedule `n` idle timers (distinct, far deadlines) and `n` tasks waiting
/// on futures that never complete, plus one task that yields with
/// `sleep(0)` forever; then measure `iterations` iterations, each of which
/// runs that one task's step.
fn per_iteration_work(n: usize, iterations: usize) -> Vec<IterationWork> {
    let (lp, clock) = common::recording_loop();
    let events = Rc::new(Cell::new(0usize));
    let counter = events.clone();
    lp.set_tracer(Box::new(move |_: f64, _: &TraceEvent<'_>| counter.set(counter.get() + 1)));

    let mut never = Vec::with_capacity(n);
    for i in 0..n {
        lp.call_later(1000.0 + i as f64, || ()).unwrap();
        let fut = lp.create_future::<()>();
        never.push(fut.clone());
        lp.create_task(async move { fut.await }).unwrap();
    }
    lp.create_task(async {
        loop {
            sleep0().await?;
        }
        #[allow(unreachable_code)]
        Ok(())
    })
    .unwrap();

    let running = lp.enter_running().unwrap();
    // First iteration: every task takes its first step.
    lp.run_once().unwrap();
    assert_eq!(lp.ready_len(), 1, "only the yielding task is ready");
    assert_eq!(lp.scheduled_len(), n);

    let mut work = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let (events_before, reads_before) = (events.get(), clock.time_reads.get());
        lp.run_once().unwrap();
        work.push(IterationWork {
            events: events.get() - events_before,
            clock_reads: clock.time_reads.get() - reads_before,
            ready_after: lp.ready_len(),
        });
    }
    drop(running);
    // Idle timers never came due and no waiting task was touched.
    assert_eq!(lp.time(), 0.0);
    assert_eq!(lp.scheduled_len(), n);
    assert!(never.iter().all(|f| !f.done()));
    work
}

#[test]
fn an_iteration_costs_the_same_with_10000_timers_and_waiting_tasks() {
    let small = per_iteration_work(100, 20);
    let large = per_iteration_work(10_000, 20);
    // Every iteration does the same observable work...
    assert!(small.iter().all(|w| *w == small[0]), "{small:?}");
    // ...and it is one step: start, yield, end; nothing else was looked at.
    assert_eq!(small[0].ready_after, 1);
    assert_eq!(small[0].events, 3, "{:?}", small[0]);
    // 100x more idle timers and waiting tasks change nothing.
    assert_eq!(small, large);
}

/// Run `n` tasks that each sleep twice (all sharing deadlines) and gather
/// them; return the number of iterations the loop took.
fn iterations_for_shared_deadlines(n: usize) -> usize {
    let lp = EventLoop::new();
    let main = lp
        .create_task(async move {
            let mut tasks = Vec::with_capacity(n);
            for i in 0..n {
                tasks.push(
                    create_task(async move {
                        sleep(1.0).await?;
                        sleep(0.5).await?;
                        Ok(i)
                    })?
                    .future()
                    .clone(),
                );
            }
            let results = gather(&tasks)?.await?;
            assert_eq!(results.len(), n);
            Ok(())
        })
        .unwrap();
    let running = lp.enter_running().unwrap();
    let mut iterations = 0;
    while !main.done() {
        lp.run_once().unwrap();
        iterations += 1;
    }
    drop(running);
    main.result().unwrap();
    assert_eq!(lp.time(), 1.5);
    iterations
}

#[test]
fn iteration_count_does_not_grow_with_tasks_sharing_deadlines() {
    let few = iterations_for_shared_deadlines(10);
    let many = iterations_for_shared_deadlines(10_000);
    assert_eq!(few, many);
    // 1: main starts; 2: children start; 3: the 1.0 timers fire; 4: children
    // resume and sleep again; 5: the 1.5 timers fire; 6: children finish; 7:
    // gather's done callbacks complete it; 8: main resumes and returns.
    assert_eq!(few, 8);
}
