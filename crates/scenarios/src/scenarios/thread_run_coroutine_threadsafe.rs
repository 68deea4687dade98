//! run_coroutine_threadsafe: hand a coroutine to a loop in another thread and
//! block on future.result(timeout=2).

use asyncio_engine::executor::thread_sleep;

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_RUN_COROUTINE_THREADSAFE,
    python: Python {
        template: include_str!("../../python/thread_run_coroutine_threadsafe.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: the background loop's work is \
             a task, a()'s time.sleep, which blocks only that loop's thread, an await asyncio.sleep, and \
             future.result(timeout) an asyncio.wait with that timeout that raises TimeoutError when the \
             future is not done.",
        ),
        derived: Some(derived),
    },
    push_hint: None,
    uses_workers: true,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "times_out" => Derived::Flag(p.float("a_cost") >= p.float("timeout")),
        _ => return None,
    })
}

async fn a(a_cost: f64) -> PyResult<String> {
    thread_sleep(a_cost).await?; // time.sleep(1) in the background loop's thread
    log("a in ");
    Ok("a".to_string())
}

async fn b1(a_cost: f64, timeout: f64) -> PyResult<()> {
    // new_loop = asyncio.new_event_loop(); Thread(target=start_loop, args=(new_loop,)).start()
    let future = ensure_future(a(a_cost))?; // asyncio.run_coroutine_threadsafe(a(), new_loop)
    let state = if future.done() { "finished" } else { "pending" };
    log(format!("<Future state={state}>")); // print(future)
    let (done, _) = wait(&[future.future().clone()], Some(timeout), ReturnWhen::AllCompleted).await?; // future.result(timeout=2)
    if done.is_empty() {
        return Err(Exception::timeout());
    }
    log(format!("Result: {}", future.result()?));
    // new_loop.call_soon_threadsafe(partial(shutdown, new_loop))
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move { b1(p.float("a_cost"), p.float("timeout")).await })
}
