//! A single-threaded event loop that reproduces CPython 3.11 asyncio's
//! observable order: the same ready queue, timer heap, future callbacks, task
//! steps and cancellation, on a clock the caller supplies.
//!
//! Coroutines are Rust futures returning [`PyResult`]; they await the
//! engine's awaitables ([`Future`], [`Task`], [`sleep`], ...) and propagate
//! exceptions with `?`. A loop runs them:
//!
//! ```
//! use asyncio_engine::{run, sleep, create_task, get_running_loop, EventLoop, PyResult};
//!
//! async fn say_after(delay: f64, what: &'static str) -> PyResult<()> {
//!     sleep(delay).await?;
//!     get_running_loop()?.log(what);
//!     Ok(())
//! }
//!
//! let event_loop = EventLoop::new();
//! let lines = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
//! let sink = lines.clone();
//! event_loop.set_output(move |line| sink.borrow_mut().push(line.to_string()));
//! run(&event_loop, async {
//!     let t1 = create_task(say_after(1.0, "hello"))?;
//!     let t2 = create_task(say_after(2.0, "world"))?;
//!     t1.await?;
//!     t2.await?;
//!     Ok(())
//! }).unwrap();
//! assert_eq!(*lines.borrow(), ["[    1.000] hello", "[    2.000] world"]);
//! ```
//!
//! The engine never reads a wall clock and never links web-sys: time comes
//! from a [`Clock`], output goes to a sink, and the page listens to
//! [`TraceEvent`]s.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// Items of the loop's introspection: `pub` with the `introspection`
/// feature (which the engine's own integration tests turn on, for CPython's
/// ported tests that read `_ready` and call `_run_once`), crate-private
/// otherwise: drivers observe a run through [`Session::status`].
macro_rules! introspection {
    ($($(#[$meta:meta])* fn $name:ident $args:tt $(-> $ret:ty)? $body:block)*) => {$(
        #[cfg(feature = "introspection")]
        $(#[$meta])*
        pub fn $name $args $(-> $ret)? $body
        #[cfg(not(feature = "introspection"))]
        #[allow(dead_code)]
        $(#[$meta])*
        pub(crate) fn $name $args $(-> $ret)? $body
    )*};
}

mod awaitable;
mod combinators;
mod event_loop;
mod future;
mod gather;
mod runner;
mod session;
mod sleep;
mod task;
mod taskgroup;
mod timeouts;
mod workers;

pub mod clock;
pub mod exception;
pub mod executor;
pub mod finalize;
pub mod heapq;
pub mod jobs;
pub mod pyfmt;
pub mod pyrandom;
pub mod pyvalue;
pub mod sync;
pub mod trace;

pub use awaitable::{Awaitable, Coroutine};
pub use clock::{Clock, VirtualClock};
pub use combinators::{as_completed, shield, wait, wait_for, AsCompleted, ReturnWhen};
pub use event_loop::{get_running_loop, EventLoop, Handle, Running, TimerHandle, STEP_OPERATION_BUDGET};
pub use exception::{Exception, PyResult};
pub use finalize::run_finalizers;
pub use future::{
    callback_names, callbacks_repr, cpython_source, AnyFuture, CallbackId, CallbackName, Future, FutureAwait,
    DIFFERENT_LOOP,
};
pub use gather::{gather, gather_any, gather_collect, gather_on, gather_outcomes};
pub use runner::{report_exception, run};
pub use session::{Next, Session, SessionEnd, Status, STALLED_ITERATION_BUDGET};
pub use sleep::{sleep, sleep0, sleep_result, Sleep0};
pub use task::{
    cancel_overflowed, create_named_task, create_task, current_task, ensure_future, step_ctx, AnyTask, Task,
    Yield,
};
pub use taskgroup::TaskGroup;
pub use timeouts::{timeout, timeout_at, Timeout, TimeoutState};
pub use trace::{Outcome, TraceEvent, Tracer};
