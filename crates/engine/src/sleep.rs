//! `asyncio.sleep`.

use std::pin::Pin;
use std::task::{Context, Poll};

use crate::event_loop::get_running_loop;
use crate::exception::PyResult;
use crate::task::{step_ctx, Yield};

/// `await asyncio.sleep(0)`'s `__sleep0()`: one bare yield, so the task runs
/// again in the next loop iteration.
pub struct Sleep0 {
    yielded: bool,
}

impl std::future::Future for Sleep0 {
    type Output = PyResult<()>;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult<()>> {
        if self.yielded {
            if let Some(exc) = step_ctx::take_throw() {
                return Poll::Ready(Err(exc));
            }
            return Poll::Ready(Ok(()));
        }
        self.yielded = true;
        step_ctx::set_yield(Yield::Bare);
        Poll::Pending
    }
}

/// One bare yield (`asyncio.sleep(0)`).
pub fn sleep0() -> Sleep0 {
    Sleep0 { yielded: false }
}

/// `await asyncio.sleep(delay)`.
///
/// A delay `<= 0` is one bare yield. Otherwise a future completed by a
/// `call_later(delay)` timer; the timer is cancelled when the sleep ends
/// early (the `finally: h.cancel()` of CPython).
///
/// # Cancellation
/// Cancelling the sleeping task cancels the future; the sleep returns
/// `Err(CancelledError)` and its timer is cancelled.
///
/// # Errors
/// `RuntimeError: no running event loop`; `CancelledError`.
pub async fn sleep(delay: f64) -> PyResult<()> {
    sleep_result(delay, ()).await
}

/// `await asyncio.sleep(delay, result)`.
///
/// # Errors
/// As [`sleep`].
pub async fn sleep_result<T: Clone + 'static>(delay: f64, result: T) -> PyResult<T> {
    if delay <= 0.0 {
        sleep0().await?;
        return Ok(result);
    }
    let event_loop = get_running_loop()?;
    let future = event_loop.create_future::<T>();
    if event_loop.tracing() {
        future.set_label(&format!("sleep({})", crate::pyfmt::float_repr(delay)));
    }
    let target = future.clone();
    let handle = event_loop.call_later(delay, move || {
        // futures._set_result_unless_cancelled
        if !target.cancelled() {
            let _ = target.set_result(result);
        }
    })?;
    let outcome = future.await;
    handle.cancel();
    outcome
}
