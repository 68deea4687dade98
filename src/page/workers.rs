//! The page's side of real mode's Web Workers: which scenarios use them (as
//! each scenario's descriptor declares), the
//! per-run wrapper that counts a run's jobs and wakes its driver, and the
//! workers panel's text (host-tested).

use std::cell::Cell;
use std::rc::Rc;

use asyncio_engine::executor::{default_workers, JobOutcome, WorkerBackend};
use asyncio_engine::jobs::Job;
use asyncio_scenarios::Lesson;

use crate::pool::{PoolSnapshot, WorkerState};

/// Whether a scenario runs jobs on workers in real mode (the executors, the
/// processes, the background thread of `thread_run_coroutine_threadsafe`):
/// its descriptor's [`asyncio_scenarios::Lesson::uses_workers`].
pub fn uses_workers(lesson: &Lesson) -> bool {
    lesson.uses_workers
}

/// How many workers to start before a run: the default executor's size
/// (`min(32, cpus + 4)`), at most 8 (more start when jobs need them).
pub fn prewarm_count(cpus: usize) -> usize {
    default_workers(cpus).min(8)
}

/// One run's view of the shared pool: counts the jobs the run started and
/// calls `notify` after each outcome reached the loop, so that the run's
/// driver stops waiting.
pub struct RunWorkers {
    backend: Rc<dyn WorkerBackend>,
    started: Rc<Cell<u32>>,
    notify: Rc<dyn Fn()>,
}

impl RunWorkers {
    pub fn new(backend: Rc<dyn WorkerBackend>, notify: Rc<dyn Fn()>) -> RunWorkers {
        RunWorkers { backend, started: Rc::new(Cell::new(0)), notify }
    }

    /// The count of the jobs the run started (shared, live).
    pub fn started(&self) -> Rc<Cell<u32>> {
        self.started.clone()
    }
}

impl WorkerBackend for RunWorkers {
    fn cpu_count(&self) -> usize {
        self.backend.cpu_count()
    }

    fn start(&self, job: Job, deadline: Option<f64>, done: Box<dyn FnOnce(JobOutcome)>) {
        self.started.set(self.started.get() + 1);
        let notify = self.notify.clone();
        self.backend.start(
            job,
            deadline,
            Box::new(move |outcome| {
                done(outcome);
                notify();
            }),
        );
    }
}

/// The workers panel: a heading and one row per worker.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelText {
    pub heading: String,
    pub rows: Vec<String>,
}

/// The panel for `snapshot`, with `jobs` finished by the current run and
/// `now_ms` the page's clock (for how long a job has been running).
pub fn panel_text(snapshot: &PoolSnapshot, jobs: u32, now_ms: f64) -> PanelText {
    let count =
        |wanted: fn(&WorkerState) -> bool| snapshot.workers.iter().filter(|w| wanted(&w.state)).count();
    let busy = count(|s| matches!(s, WorkerState::Busy { .. }));
    let loading = count(|s| matches!(s, WorkerState::Loading));
    let mut parts = vec![format!("Web Workers: {} started, {busy} busy", snapshot.workers.len())];
    if loading > 0 {
        parts.push(format!("{loading} starting"));
    }
    parts.push(format!("{} queued", snapshot.queued));
    parts.push(format!("{jobs} {} this run", if jobs == 1 { "job" } else { "jobs" }));
    if snapshot.replaced > 0 {
        parts.push(format!("{} replaced", snapshot.replaced));
    }
    let mut heading = parts.join(" · ");
    if let Some(error) = &snapshot.last_load_error {
        let error = error.strip_prefix("the Web Workers could not start: ").unwrap_or(error);
        heading.push_str(&format!(". The Web Workers could not start: {error}"));
    }
    let rows = snapshot
        .workers
        .iter()
        .map(|worker| {
            let state = match &worker.state {
                WorkerState::Loading => "starting".to_string(),
                WorkerState::Idle => "idle".to_string(),
                WorkerState::Busy { job, started_ms } => {
                    format!("{job}, for {:.1} s", ((now_ms - started_ms) / 1000.0).max(0.0))
                }
            };
            format!("Web Worker {}: {state}", worker.number)
        })
        .collect();
    PanelText { heading, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pool::WorkerSnapshot;
    use asyncio_engine::jobs::JobValue;
    use asyncio_scenarios::Topic;
    use std::cell::RefCell;

    #[test]
    fn the_executor_scenarios_use_workers() {
        let using: Vec<String> = asyncio_scenarios::lessons()
            .iter()
            .filter(|s| uses_workers(s))
            .map(|s| s.name().into())
            .collect();
        let executors = asyncio_scenarios::all_meta().into_iter().filter(|m| m.topic == Topic::Executors);
        let mut expected: Vec<String> = executors.map(|m| m.name.to_string()).collect();
        expected.extend(["process_master_worker", "process_pool", "process_queue"].map(String::from));
        expected.push("thread_run_coroutine_threadsafe".into());
        expected.sort();
        assert_eq!(using, expected);
        assert_eq!(prewarm_count(2), 6);
        assert_eq!(prewarm_count(64), 8);
    }

    #[test]
    fn the_panel_says_what_each_worker_does() {
        let snapshot = PoolSnapshot {
            max_workers: 64,
            workers: vec![
                WorkerSnapshot {
                    number: 1,
                    state: WorkerState::Busy { job: "fib(30)".into(), started_ms: 500.0 },
                },
                WorkerSnapshot { number: 3, state: WorkerState::Idle },
                WorkerSnapshot { number: 4, state: WorkerState::Loading },
            ],
            queued: 2,
            replaced: 1,
            last_load_error: None,
        };
        let text = panel_text(&snapshot, 1, 2000.0);
        assert_eq!(
            text.heading,
            "Web Workers: 3 started, 1 busy · 1 starting · 2 queued · 1 job this run · 1 replaced"
        );
        assert_eq!(
            text.rows,
            ["Web Worker 1: fib(30), for 1.5 s", "Web Worker 3: idle", "Web Worker 4: starting"]
        );
        let failed = PoolSnapshot {
            workers: vec![],
            queued: 0,
            replaced: 0,
            last_load_error: Some("the Web Workers could not start: Web Worker 1 failed to load: 404".into()),
            max_workers: 64,
        };
        assert_eq!(
            panel_text(&failed, 0, 0.0).heading,
            "Web Workers: 0 started, 0 busy · 0 queued · 0 jobs this run. \
             The Web Workers could not start: Web Worker 1 failed to load: 404"
        );
    }

    /// Finishes every job at once with `None`.
    struct Instant(RefCell<Vec<String>>);

    impl WorkerBackend for Instant {
        fn cpu_count(&self) -> usize {
            4
        }
        fn start(&self, job: Job, _deadline: Option<f64>, done: Box<dyn FnOnce(JobOutcome)>) {
            self.0.borrow_mut().push(job.label());
            done(Ok(JobValue::None));
        }
    }

    #[test]
    fn a_run_counts_its_jobs_and_notifies_after_each_outcome() {
        let backend = Rc::new(Instant(RefCell::new(Vec::new())));
        let notified = Rc::new(Cell::new(0));
        let n = notified.clone();
        let run = RunWorkers::new(backend.clone(), Rc::new(move || n.set(n.get() + 1)));
        assert_eq!(run.cpu_count(), 4);
        let seen = Rc::new(Cell::new(0));
        for _ in 0..3 {
            let (seen, notified) = (seen.clone(), notified.clone());
            run.start(
                Job::Echo { text: String::new() },
                None,
                Box::new(move |_| {
                    // The outcome reaches the loop before the driver is woken.
                    assert_eq!(notified.get(), seen.get());
                    seen.set(seen.get() + 1);
                }),
            );
        }
        assert_eq!(run.started().get(), 3);
        assert_eq!(notified.get(), 3);
        assert_eq!(backend.0.borrow().len(), 3);
    }
}
