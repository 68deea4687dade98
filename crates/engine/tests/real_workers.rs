//! Executors on real workers (the page's Web Workers in real mode), with a
//! fake backend the test completes by hand: results enter the loop through
//! `call_soon_threadsafe`, the loop waits for them instead of reporting a
//! deadlock, cancelled jobs are dropped or ignored as in asyncio, and
//! failures become exceptions.

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_engine::executor::{thread_sleep, JobFailure, JobOutcome, VirtualPool, WorkerBackend};
use asyncio_engine::jobs::{Job, JobValue};
use asyncio_engine::{create_task, get_running_loop, sleep, EventLoop, Next, PyResult, Session, Status};

type Done = Box<dyn FnOnce(JobOutcome)>;
/// A started job: what, its deadline, and how to finish it (taken once).
type Started = (Job, Option<f64>, Option<Done>);

/// Jobs started on the "workers", in order, with how to finish each.
#[derive(Default)]
struct FakeWorkers {
    started: RefCell<Vec<Started>>,
}

impl WorkerBackend for FakeWorkers {
    fn cpu_count(&self) -> usize {
        3
    }
    fn start(&self, job: Job, deadline: Option<f64>, done: Done) {
        self.started.borrow_mut().push((job, deadline, Some(done)));
    }
}

impl FakeWorkers {
    fn labels(&self) -> Vec<String> {
        self.started.borrow().iter().map(|(job, _, _)| job.label()).collect()
    }
    /// Deliver job `i`'s outcome, as a worker's message would.
    fn finish(&self, i: usize, outcome: JobOutcome) {
        let done = self.started.borrow_mut()[i].2.take().expect("each job finishes once");
        done(outcome);
    }
}

struct Run {
    session: Session,
    workers: Rc<FakeWorkers>,
    lines: Rc<RefCell<Vec<String>>>,
}

fn run_with_workers(main: impl std::future::Future<Output = PyResult<()>> + 'static) -> Run {
    let event_loop = EventLoop::new();
    let workers = Rc::new(FakeWorkers::default());
    event_loop.set_workers(workers.clone());
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    event_loop.set_output(move |line| sink.borrow_mut().push(line.to_string()));
    Run { session: Session::new(&event_loop, main), workers, lines }
}

impl Run {
    /// Run until the loop only waits for workers (or is finished).
    fn settle(&mut self) -> Next {
        loop {
            match self.session.prepare() {
                Next::Iterate { timeout } if timeout.is_infinite() => return Next::Iterate { timeout },
                Next::Iterate { timeout } => self.session.iterate(timeout),
                Next::Finished => return Next::Finished,
            }
        }
    }
    fn lines(&self) -> Vec<String> {
        self.lines.borrow().clone()
    }
}

fn log(text: &str) {
    get_running_loop().unwrap().log(text);
}

#[test]
fn a_job_runs_on_a_worker_and_the_loop_waits_for_it() {
    let mut run = run_with_workers(async {
        let event_loop = get_running_loop()?;
        let pool = VirtualPool::named(2, "pool")?;
        let fut = pool.submit(&event_loop, 1.5, "f()", || {
            log("f starts");
            Ok(7)
        });
        let value = fut.await?;
        log(&format!("got {value}"));
        Ok(())
    });
    // Waiting on a worker is not a deadlock: the loop waits forever.
    assert_eq!(run.settle(), Next::Iterate { timeout: f64::INFINITY });
    assert!(matches!(run.session.status(), Status::WaitingForOutside));
    assert_eq!(run.workers.labels(), ["busy_wait(1500.0)"]);
    assert_eq!(run.lines(), ["[    0.000] f starts"]);
    run.workers.finish(0, Ok(JobValue::None));
    // The result is in: the loop has its callback to run, at once.
    assert!(matches!(run.session.status(), Status::OutsideArrived));
    assert_eq!(run.settle(), Next::Finished);
    assert_eq!(run.lines(), ["[    0.000] f starts", "[    0.000] got 7"]);
    assert!(matches!(run.session.outcome(), Some(Ok(()))));
}

#[test]
fn a_callback_from_outside_during_a_timed_wait_is_reported_and_runs_at_once() {
    let mut run = run_with_workers(async {
        sleep(5.0).await?;
        log("slept");
        Ok(())
    });
    let Next::Iterate { timeout } = run.session.prepare() else { panic!("the run ended at once") };
    assert_eq!(timeout, 0.0, "the main task's first step is ready");
    // Nothing to wait for yet: a ready callback is not news.
    assert!(matches!(run.session.status(), Status::Running));
    run.session.iterate(timeout);
    assert_eq!(run.session.prepare(), Next::Iterate { timeout: 5.0 });
    assert!(matches!(run.session.status(), Status::Running));
    let event_loop = run.session.event_loop().clone();
    event_loop.call_soon_threadsafe(|| log("pushed")).unwrap();
    assert!(matches!(run.session.status(), Status::OutsideArrived));
    // The driver iterates early: the push runs with the clock where it was.
    run.session.iterate(0.0);
    assert!(matches!(run.session.status(), Status::Running));
    assert_eq!(run.lines(), ["[    0.000] pushed"]);
    assert_eq!(run.settle(), Next::Finished);
    assert_eq!(run.lines(), ["[    0.000] pushed", "[    5.000] slept"]);
}

#[test]
fn a_queued_job_whose_future_is_cancelled_never_starts_and_a_running_one_is_ignored() {
    let mut run = run_with_workers(async {
        let event_loop = get_running_loop()?;
        let pool = VirtualPool::named(1, "pool")?;
        let first = pool.submit(&event_loop, 1.0, "first()", || Ok(1));
        let second = pool.submit(&event_loop, 1.0, "second()", || Ok(2));
        let third = pool.submit(&event_loop, 1.0, "third()", || Ok(3));
        second.cancel(None);
        first.cancel(None);
        let value = third.await?;
        log(&format!("third {value}"));
        pool.join().await?;
        log(&format!("first cancelled {}", first.cancelled()));
        Ok(())
    });
    run.settle();
    // One worker: only the first job is out.
    assert_eq!(run.workers.labels().len(), 1);
    // Its future was cancelled while it ran: its result is dropped, and the
    // freed slot goes to the third job (the second was dropped while queued).
    run.workers.finish(0, Ok(JobValue::None));
    run.settle();
    assert_eq!(run.workers.labels().len(), 2);
    run.workers.finish(1, Ok(JobValue::None));
    assert_eq!(run.settle(), Next::Finished);
    assert_eq!(run.lines(), ["[    0.000] third 3", "[    0.000] first cancelled true"]);
}

#[test]
fn failures_become_exceptions_naming_the_job() {
    let mut run = run_with_workers(async {
        let event_loop = get_running_loop()?;
        let pool = VirtualPool::named(3, "pool")?;
        let crash = pool.submit_job(&event_loop, Job::Crash { message: "boom".into() }, 0.0, None);
        let slow = pool.submit_job(&event_loop, Job::BusyWait { ms: 5000.0 }, 5.0, Some(0.5));
        let primes = pool.submit_job(&event_loop, Job::CountPrimes { n: 100 }, 0.1, None);
        for fut in [crash, slow, primes] {
            match fut.await {
                Ok(value) => log(&format!("ok {value}")),
                Err(exc) => log(&format!("{exc}")),
            }
        }
        Ok(())
    });
    run.settle();
    assert_eq!(run.workers.labels(), ["crash('boom')", "busy_wait(5000.0)", "count_primes(100)"]);
    assert_eq!(run.workers.started.borrow()[1].1, Some(0.5), "the deadline reaches the backend");
    run.workers.finish(2, Ok(JobValue::Number(25.0)));
    run.workers.finish(1, Err(JobFailure::Deadline("job busy_wait(5000.0) ran past its deadline".into())));
    run.workers.finish(
        0,
        Err(JobFailure::Crashed("job crash('boom') failed in Web Worker 1: panicked: boom".into())),
    );
    assert_eq!(run.settle(), Next::Finished);
    assert_eq!(
        run.lines(),
        [
            "[    0.000] RuntimeError: job crash('boom') failed in Web Worker 1: panicked: boom",
            "[    0.000] TimeoutError: job busy_wait(5000.0) ran past its deadline",
            "[    0.000] ok 25",
        ]
    );
}

#[test]
fn thread_sleep_blocks_a_worker_and_the_loop_keeps_running() {
    let mut run = run_with_workers(async {
        let ticker = create_task(async {
            sleep(0.25).await?;
            log("the loop ran meanwhile");
            Ok(())
        })?;
        thread_sleep(2.0).await?;
        log("slept");
        ticker.await?;
        Ok(())
    });
    run.settle();
    assert_eq!(run.workers.labels(), ["busy_wait(2000.0)"]);
    assert_eq!(run.lines(), ["[    0.250] the loop ran meanwhile"]);
    run.workers.finish(0, Ok(JobValue::None));
    assert_eq!(run.settle(), Next::Finished);
    assert_eq!(run.lines()[1], "[    0.250] slept");
}

#[test]
fn a_result_after_the_run_ended_is_dropped_quietly() {
    let mut run = run_with_workers(async {
        let event_loop = get_running_loop()?;
        let pool = VirtualPool::named(1, "pool")?;
        let _ = pool.submit(&event_loop, 1.0, "f()", || Ok(()));
        Ok(())
    });
    assert_eq!(run.settle(), Next::Finished);
    run.workers.finish(0, Ok(JobValue::None));
    assert!(matches!(run.session.status(), Status::Completed));
}

#[test]
fn virtual_workers_model_crashes_and_deadlines_on_the_virtual_clock() {
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    let event_loop = EventLoop::new();
    event_loop.set_output(move |line| sink.borrow_mut().push(line.to_string()));
    asyncio_engine::run(&event_loop, async {
        let event_loop = get_running_loop()?;
        let pool = VirtualPool::named(2, "pool")?;
        let jobs = [
            pool.submit_job(&event_loop, Job::Crash { message: "boom".into() }, 0.5, None),
            pool.submit_job(&event_loop, Job::BusyWait { ms: 3000.0 }, 3.0, Some(1.0)),
            pool.submit_job(&event_loop, Job::Fib { n: 20 }, 0.25, None),
            pool.submit_job(&event_loop, Job::Throw { message: "no".into() }, 0.0, None),
        ];
        for fut in jobs {
            match fut.await {
                Ok(value) => log(&format!("ok {value}")),
                Err(exc) => log(&format!("{exc}")),
            }
        }
        Ok(())
    })
    .unwrap();
    assert_eq!(
        *lines.borrow(),
        [
            "[    0.500] RuntimeError: job crash('boom') failed: panicked: boom",
            "[    1.000] TimeoutError: job busy_wait(3000.0) ran past its deadline of 1.0 s; its worker was terminated and replaced",
            "[    1.000] ok 6765",
            "[    1.000] RuntimeError: job throw('no') failed: threw: no",
        ]
    );
}
