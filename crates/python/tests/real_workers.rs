//! Executors in real mode: when the program's loops have real workers (the
//! page's Web Workers), a job's function still runs when a worker takes it,
//! as on the virtual pool, and its `time.sleep`s block a real worker
//! (`busy_wait`); the job's future settles when that worker answers, and the
//! loop waits for it rather than reporting a deadlock. A fake backend stands
//! in for the Web Workers and is answered by hand.

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_engine::executor::{JobFailure, JobOutcome, WorkerBackend};
use asyncio_engine::jobs::{Job, JobValue};
use asyncio_engine::Next;
use asyncio_python::host::Host;
use asyncio_python::program::Program;
use asyncio_python::{runner, Budgets, Status};

type Done = Box<dyn FnOnce(JobOutcome)>;

#[derive(Default)]
struct FakeWorkers {
    started: RefCell<Vec<(Job, Option<Done>)>>,
}

impl WorkerBackend for FakeWorkers {
    fn cpu_count(&self) -> usize {
        2
    }
    fn start(&self, job: Job, _deadline: Option<f64>, done: Done) {
        self.started.borrow_mut().push((job, Some(done)));
    }
}

impl FakeWorkers {
    fn labels(&self) -> Vec<String> {
        self.started.borrow().iter().map(|(job, _)| job.label()).collect()
    }
    fn finish(&self, i: usize, outcome: JobOutcome) {
        let done = self.started.borrow_mut()[i].1.take().expect("each job finishes once");
        done(outcome);
    }
}

struct Run {
    program: Program,
    workers: Rc<FakeWorkers>,
    lines: Rc<RefCell<Vec<String>>>,
}

fn start(src: &str) -> Run {
    let lines: Rc<RefCell<Vec<String>>> = Rc::default();
    let sink = lines.clone();
    let host = Host::new(2, move |l: &str| sink.borrow_mut().push(l.to_string()));
    let workers = Rc::new(FakeWorkers::default());
    let backend = workers.clone();
    *host.on_new_loop.borrow_mut() = Some(Box::new(move |lp| lp.set_workers(backend.clone())));
    let module = runner::compile(src).expect("compiles");
    Run { program: Program::new(module, host, Budgets::default(), src), workers, lines }
}

impl Run {
    /// Iterate until the program waits for a worker only, or has finished.
    fn settle(&mut self) -> Next {
        loop {
            match self.program.prepare() {
                Next::Iterate { timeout } if timeout.is_infinite() => return Next::Iterate { timeout },
                Next::Iterate { timeout } => self.program.iterate(timeout),
                Next::Finished => return Next::Finished,
            }
        }
    }
    fn lines(&self) -> Vec<String> {
        self.lines.borrow().clone()
    }
}

const ONE_JOB: &str = r#"
import asyncio, time

def work(n):
    print("work", n, "starts")
    time.sleep(1.5)
    return n * 2

async def main():
    loop = asyncio.get_running_loop()
    try:
        print("got", await loop.run_in_executor(None, work, 21))
    except RuntimeError as e:
        print("failed:", e)

asyncio.run(main())
"#;

#[test]
fn a_jobs_sleep_blocks_a_real_worker_and_the_loop_waits_for_its_answer() {
    let mut run = start(ONE_JOB);
    assert_eq!(run.settle(), Next::Iterate { timeout: f64::INFINITY });
    // The function ran when the job started; its sleep is the worker's.
    assert_eq!(run.lines(), ["[    0.000] work 21 starts"]);
    assert_eq!(run.workers.labels(), ["busy_wait(1500.0)"]);
    assert!(!run.program.outside_arrived());
    run.workers.finish(0, Ok(JobValue::None));
    assert!(run.program.outside_arrived());
    assert_eq!(run.settle(), Next::Finished);
    assert_eq!(run.lines(), ["[    0.000] work 21 starts", "[    0.000] got 42"]);
    assert_eq!(run.program.report().map(|r| r.status.clone()), Some(Status::Finished));
}

#[test]
fn a_worker_that_fails_fails_the_jobs_future() {
    let mut run = start(ONE_JOB);
    assert_eq!(run.settle(), Next::Iterate { timeout: f64::INFINITY });
    run.workers.finish(0, Err(JobFailure::Crashed("job busy_wait(1500.0) failed in Web Worker 1".into())));
    assert_eq!(run.settle(), Next::Finished);
    assert_eq!(
        run.lines(),
        ["[    0.000] work 21 starts", "[    0.000] failed: job busy_wait(1500.0) failed in Web Worker 1"]
    );
}

#[test]
fn a_thread_blocked_on_a_job_still_gets_it_by_its_time() {
    // `result()` blocks the loop's thread: the job ends by its virtual time,
    // and the worker's late answer changes nothing.
    let src = "import concurrent.futures, time, asyncio\n\
        def work():\n    time.sleep(2)\n    return 'done'\n\
        async def main():\n    with concurrent.futures.ThreadPoolExecutor(1) as ex:\n        \
        print(ex.submit(work).result())\n\
        asyncio.run(main())\n";
    let mut run = start(src);
    assert_eq!(run.settle(), Next::Finished);
    assert_eq!(run.lines(), ["[    2.000] done"]);
    assert_eq!(run.workers.labels(), ["busy_wait(2000.0)"]);
    run.workers.finish(0, Ok(JobValue::None));
    assert_eq!(run.lines(), ["[    2.000] done"]);
}
