//! `vclock.run` and `run.py`'s reporting: run a main coroutine on a loop,
//! cancel what is left, and turn an escaping exception into a trace line.

use crate::event_loop::EventLoop;
use crate::exception::PyResult;
use crate::gather::gather_any;

/// `vclock.run(main)`: `asyncio.run` on `event_loop`.
///
/// Runs `main` as a task (`Task-1` on a fresh loop) until it is done; then,
/// whatever happened, cancels every task still pending, waits for them with
/// `gather(..., return_exceptions=True)` and closes the loop. An exception
/// raised by that clean-up replaces `main`'s outcome, as a Python `finally`
/// would.
///
/// # Errors
/// `main`'s exception, a `Deadlock`, or loop misuse (`RuntimeError`).
pub fn run<T, F>(event_loop: &EventLoop, main: F) -> PyResult<T>
where
    T: Clone + 'static,
    F: std::future::Future<Output = PyResult<T>> + 'static,
{
    let outcome = event_loop.create_task(main).and_then(|task| event_loop.run_until_complete(&task));
    let cleanup = cancel_remaining(event_loop);
    let _ = event_loop.close();
    cleanup?;
    outcome
}

/// The `finally` of `vclock.run`: cancel the tasks left and wait for them.
fn cancel_remaining(event_loop: &EventLoop) -> PyResult<()> {
    let tasks = event_loop.all_tasks();
    if tasks.is_empty() {
        return Ok(());
    }
    for task in &tasks {
        task.cancel(None);
    }
    let futures = tasks.iter().map(|t| t.as_future()).collect();
    let all = gather_any(event_loop, futures);
    event_loop.run_until_complete(&all)
}

/// `run.py`'s report of an exception that escaped `main`: a deadlock (or a
/// runaway, which the oracle never shows) prints its message, anything else
/// `Traceback: Type: message`.
pub fn report_exception(event_loop: &EventLoop, exc: &crate::exception::Exception) {
    if exc.is("Deadlock") || exc.is("Runaway") {
        event_loop.log(exc.message());
    } else {
        event_loop.log(&format!("Traceback: {exc}"));
    }
}
