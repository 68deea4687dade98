//! What a Web Worker does with a request: run the named job of the engine's
//! registry ([`asyncio_engine::jobs::Job`]) and say what to answer.
//!
//! The jobs themselves are plain Rust functions in the engine, so the same
//! code runs in a worker, on the page's own thread and in host tests; this
//! module only maps a job's outcome onto the protocol.

use asyncio_engine::jobs::JobError;

use crate::worker_protocol::{Reply, Request};

/// What a worker does after running a request's job.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Post this reply.
    Post(Reply),
    /// Throw a JavaScript error with this message out of the message handler
    /// ([`asyncio_engine::jobs::Job::Throw`]), so the page sees an `error`
    /// event.
    Throw(String),
}

/// Run the job a request names and say what to answer. `now_ms` is the
/// worker's `performance.now()`, read by `busy_wait`.
///
/// A job with bad arguments answers [`Reply::Failed`]. A crash job panics
/// (the worker's panic hook reports it).
pub fn respond(request: Request, now_ms: &dyn Fn() -> f64) -> Answer {
    match request {
        Request::Job { id, job } => match job.run(now_ms) {
            Ok(value) => Answer::Post(Reply::Result { id, value }),
            Err(JobError::BadArgument(message)) => Answer::Post(Reply::Failed { id, message }),
            Err(JobError::Thrown(message)) => Answer::Throw(message),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncio_engine::jobs::{Job, JobValue};

    fn no_clock() -> f64 {
        0.0
    }

    fn ask(id: u32, job: Job) -> Answer {
        respond(Request::Job { id, job }, &no_clock)
    }

    #[test]
    fn respond_answers_each_job_with_its_value() {
        assert_eq!(
            ask(7, Job::CountPrimes { n: 100 }),
            Answer::Post(Reply::Result { id: 7, value: JobValue::Number(25.0) })
        );
        assert_eq!(
            ask(2, Job::Echo { text: "héllo".into() }),
            Answer::Post(Reply::Result { id: 2, value: JobValue::Text("héllo".into()) })
        );
        assert_eq!(
            ask(3, Job::Fib { n: 20 }),
            Answer::Post(Reply::Result { id: 3, value: JobValue::Number(6765.0) })
        );
        assert_eq!(
            ask(4, Job::HashRounds { rounds: 0, seed: 0 }),
            Answer::Post(Reply::Result { id: 4, value: JobValue::Text("9e3779b97f4a7c15".into()) })
        );
        assert_eq!(
            ask(5, Job::BusyWait { ms: 0.0 }),
            Answer::Post(Reply::Result { id: 5, value: JobValue::None })
        );
    }

    #[test]
    fn busy_wait_spins_on_the_given_clock() {
        let ticks = std::cell::Cell::new(0.0);
        let clock = || {
            ticks.set(ticks.get() + 1.0);
            ticks.get()
        };
        let answer = respond(Request::Job { id: 1, job: Job::BusyWait { ms: 20.0 } }, &clock);
        assert_eq!(answer, Answer::Post(Reply::Result { id: 1, value: JobValue::None }));
        assert!(ticks.get() >= 21.0, "the clock was read {} times", ticks.get());
    }

    #[test]
    fn bad_arguments_fail_and_throw_throws() {
        assert_eq!(
            ask(8, Job::Fib { n: 51 }),
            Answer::Post(Reply::Failed { id: 8, message: "fib: n must be from 0 to 50, got 51".into() })
        );
        assert_eq!(ask(9, Job::Throw { message: "nope".into() }), Answer::Throw("nope".into()));
    }

    #[test]
    fn crash_panics_for_the_panic_hook_to_report() {
        let outcome = std::panic::catch_unwind(|| ask(10, Job::Crash { message: "boom".into() }));
        let payload = outcome.expect_err("a crash job panics");
        assert_eq!(payload.downcast_ref::<String>().map(String::as_str), Some("boom"));
    }
}
