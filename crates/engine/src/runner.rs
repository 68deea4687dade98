//! `vclock.run` and `run.py`'s reporting: run a main coroutine on a loop,
//! cancel what is left, and turn an escaping exception into a trace line.

use crate::event_loop::EventLoop;
use crate::exception::{Exception, PyResult};
use crate::session::{Session, SessionEnd};

/// `vclock.run(main)`: `asyncio.run` on `event_loop`, blocking.
///
/// Runs `main` as a task (`Task-1` on a fresh loop) until it is done; then,
/// whatever happened, cancels every task still pending, waits for them with
/// `gather(..., return_exceptions=True)` and closes the loop. An exception
/// raised by that clean-up replaces `main`'s outcome, as a Python `finally`
/// would. This is a [`Session`] run to its end: the same iterations a
/// driver makes, with the same budgets.
///
/// # Errors
/// `main`'s exception, a `Deadlock`, a `Runaway`, or loop misuse
/// (`RuntimeError`).
pub fn run<T, F>(event_loop: &EventLoop, main: F) -> PyResult<T>
where
    T: Clone + 'static,
    F: std::future::Future<Output = PyResult<T>> + 'static,
{
    let task = match event_loop.create_task(main) {
        Ok(task) => task,
        Err(e) => {
            let _ = event_loop.close();
            return Err(e);
        }
    };
    let mut session = Session::until(event_loop, task.future(), SessionEnd::CleanupAndClose);
    session.run_to_end();
    match session.outcome() {
        Some(Err(e)) => Err(e.clone()),
        _ => task.future().result(),
    }
}

/// `run.py`'s report of an exception that escaped `main`: a deadlock (or a
/// runaway, which the oracle never shows) prints its message, anything else
/// `Traceback: Type: message`.
pub fn report_exception(event_loop: &EventLoop, exc: &Exception) {
    if exc.is_deadlock() || exc.is_runaway() {
        event_loop.log(exc.message());
    } else {
        event_loop.log(&format!("Traceback: {exc}"));
    }
}
