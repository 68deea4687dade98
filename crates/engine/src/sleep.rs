//! `asyncio.sleep`.

use std::cell::Cell;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use crate::event_loop::{get_running_loop, LoopInner, Timer};
use crate::exception::PyResult;
use crate::future::{Extension, Future, FutureCore};
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
    // `loop.call_later(delay, futures._set_result_unless_cancelled, future,
    // result)`: the future is its own timer handle (one allocation).
    event_loop.check_schedule()?;
    let when = event_loop.time() + delay;
    let timer = FutureCore::new_rc(
        event_loop.downgrade(),
        SleepTimer {
            when,
            result: Cell::new(Some(result)),
            cancelled: Cell::new(false),
            scheduled: Cell::new(false),
        },
    );
    let future = Future::<T>(timer.clone());
    if event_loop.tracing() {
        future.set_label(&format!("sleep({})", crate::pyfmt::float_repr(delay)));
    }
    timer.ext.scheduled.set(true);
    event_loop.push_timer(when, timer.clone());
    let outcome = future.await;
    timer.cancel_timer();
    outcome
}

/// A sleep's future as its own timer handle: the deadline, the result to
/// set, and the handle's `cancelled` and `scheduled` flags.
pub(crate) struct SleepTimer<T> {
    when: f64,
    result: Cell<Option<T>>,
    cancelled: Cell<bool>,
    scheduled: Cell<bool>,
}

impl<T> Extension<T> for SleepTimer<T> {}

impl<T: Clone + 'static> FutureCore<T, SleepTimer<T>> {
    /// `h.cancel()` (the `finally` of `sleep`): as [`Handle::cancel`](crate::Handle::cancel).
    fn cancel_timer(&self) {
        let timer = &self.ext;
        if timer.cancelled.get() {
            return;
        }
        if timer.scheduled.get() {
            if let Some(lp) = LoopInner::upgrade(&self.event_loop) {
                lp.timer_cancelled();
            }
        }
        timer.cancelled.set(true);
        // `_callback = None`: the result is dropped now.
        drop(timer.result.take());
    }
}

impl<T: Clone + 'static> Timer for FutureCore<T, SleepTimer<T>> {
    fn when(&self) -> f64 {
        self.ext.when
    }
    fn cancelled(&self) -> bool {
        self.ext.cancelled.get()
    }
    fn set_scheduled(&self, scheduled: bool) {
        self.ext.scheduled.set(scheduled);
    }
    fn fire(self: Rc<Self>) {
        // futures._set_result_unless_cancelled
        let Some(result) = self.ext.result.take() else { return };
        let future = Future::<T>(self);
        if !future.cancelled() {
            let _ = future.set_result(result);
        }
    }
}
