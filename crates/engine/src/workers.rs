//! Real workers for executor jobs: what the loop knows of the page's pool of
//! Web Workers (the [`WorkerBackend`] it hands jobs to, and how a job there
//! ends). Below both the loop and the executors, so neither imports the
//! other for it.

use crate::exception::Exception;
use crate::jobs::{Job, JobValue};

/// Why a job on a real worker did not return a value. Each message names
/// the job and the cause.
#[derive(Debug, Clone, PartialEq)]
pub enum JobFailure {
    /// The job panicked or threw; its worker was replaced.
    Crashed(String),
    /// The job ran past its deadline; its worker was terminated and replaced.
    Deadline(String),
    /// No worker could be started (the worker script or its wasm did not
    /// load).
    Unavailable(String),
}

impl JobFailure {
    /// The exception the job's future fails with.
    pub fn exception(&self) -> Exception {
        match self {
            JobFailure::Crashed(message) | JobFailure::Unavailable(message) => {
                Exception::runtime_error(message)
            }
            JobFailure::Deadline(message) => Exception::new("TimeoutError", message.clone()),
        }
    }
}

/// What a job on a real worker ended with.
pub type JobOutcome = Result<JobValue, JobFailure>;

/// Real workers that run [`Job`]s off the loop's thread: the page's pool of
/// Web Workers. Jobs are started only when a pool slot is free, so the
/// backend never queues more than the executors allow; it may still wait
/// for a worker to load.
pub trait WorkerBackend {
    /// `os.cpu_count()` of the machine the workers run on.
    fn cpu_count(&self) -> usize;
    /// Run `job` on a worker, terminated (and replaced) after `deadline`
    /// seconds if given. `done` is called exactly once with the outcome,
    /// from outside any loop iteration (a worker's message), or at once if
    /// the job cannot start.
    fn start(&self, job: Job, deadline: Option<f64>, done: Box<dyn FnOnce(JobOutcome)>);
}
