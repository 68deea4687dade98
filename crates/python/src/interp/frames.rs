//! The Python frames being run, innermost last: the call chain of the code
//! running now. A function's body keeps its frame here while it is polled
//! (its caller's poll encloses its own), so that between two awaits the
//! list is exactly the running task's stack, as CPython's frame chain is.
//! What reads it: logging's `%(funcName)s` and `%(lineno)d`, and an exception
//! being raised (its `__context__`).

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::Frame;

thread_local! {
    static RUNNING: RefCell<Vec<Rc<Frame>>> = const { RefCell::new(Vec::new()) };
}

/// While the returned guard lives, `frame` is the innermost running frame.
pub fn enter(frame: &Rc<Frame>) -> Running {
    RUNNING.with(|r| r.borrow_mut().push(frame.clone()));
    Running(())
}

/// Leaves the frame [`enter`] entered.
pub struct Running(());

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.with(|r| r.borrow_mut().pop());
    }
}

/// The function name and line of the `skip + 1`-th innermost frame of the
/// program's own code (frames of the modules written in Python, such as
/// logging's, are passed over, as `logging.Logger.findCaller` passes over
/// its own file).
pub fn caller(skip: usize) -> Option<(Rc<str>, u32)> {
    RUNNING.with(|r| {
        let r = r.borrow();
        let mut mine = r.iter().rev().filter(|f| f.module.is_main());
        mine.nth(skip).map(|f| (f.name.clone(), f.line.get()))
    })
}

/// The exception the innermost `except` block of the running frames is
/// handling: what an exception raised now has as `__context__`.
pub fn handling() -> Option<asyncio_engine::Exception> {
    RUNNING.with(|r| r.borrow().iter().rev().find_map(|f| f.handling.borrow().last().cloned()))
}

/// `inner` run in `frame`: the innermost running frame while it is polled
/// (a module's body, a comprehension's loop).
pub struct Within<'a, T> {
    frame: Rc<Frame>,
    inner: Pin<Box<dyn Future<Output = T> + 'a>>,
}

impl<'a, T> Within<'a, T> {
    pub fn new(frame: Rc<Frame>, inner: impl Future<Output = T> + 'a) -> Within<'a, T> {
        Within { frame, inner: Box::pin(inner) }
    }
}

impl<T> Future for Within<'_, T> {
    type Output = T;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let _running = enter(&self.frame);
        self.inner.as_mut().poll(cx)
    }
}
