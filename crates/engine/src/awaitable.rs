//! What `ensure_future` accepts: a future (or task) as it is, or a coroutine
//! that becomes a task.

use std::future::Future as StdFuture;
use std::pin::Pin;

use crate::event_loop::EventLoop;
use crate::exception::PyResult;
use crate::future::Future;
use crate::task::Task;

/// A boxed coroutine returning `PyResult<T>`.
pub type Coroutine<T> = Pin<Box<dyn StdFuture<Output = PyResult<T>>>>;

/// An argument of `wait_for`, `shield`, ...: a future, or a coroutine that
/// `ensure_future` wraps in a task when (and only when) CPython would.
pub enum Awaitable<T> {
    /// A future or a task's future: awaited as it is.
    Future(Future<T>),
    /// A coroutine: awaited inline, or wrapped in a task by `ensure_future`.
    Coroutine(Coroutine<T>),
}

impl<T: Clone + 'static> Awaitable<T> {
    /// A coroutine argument.
    pub fn coro(coro: impl StdFuture<Output = PyResult<T>> + 'static) -> Awaitable<T> {
        Awaitable::Coroutine(Box::pin(coro))
    }

    /// `ensure_future(aw, loop=loop)`: futures of `event_loop` are returned
    /// as they are, coroutines become tasks.
    ///
    /// # Errors
    /// `ValueError` for a future of another loop; `RuntimeError: Event loop
    /// is closed`.
    pub fn ensure_future(self, event_loop: &EventLoop) -> PyResult<Future<T>> {
        match self {
            Awaitable::Future(f) => f.check_loop(event_loop).map(|()| f),
            Awaitable::Coroutine(c) => Ok(event_loop.create_task(c)?.future().clone()),
        }
    }

    /// `await aw`: a coroutine runs inline in the awaiting task.
    pub async fn await_inline(self) -> PyResult<T> {
        match self {
            Awaitable::Future(f) => f.await,
            Awaitable::Coroutine(c) => c.await,
        }
    }
}

impl<T> From<Future<T>> for Awaitable<T> {
    fn from(f: Future<T>) -> Self {
        Awaitable::Future(f)
    }
}

impl<T: Clone> From<&Future<T>> for Awaitable<T> {
    fn from(f: &Future<T>) -> Self {
        Awaitable::Future(f.clone())
    }
}

impl<T: Clone + 'static> From<Task<T>> for Awaitable<T> {
    fn from(t: Task<T>) -> Self {
        Awaitable::Future(t.future().clone())
    }
}

impl<T: Clone + 'static> From<&Task<T>> for Awaitable<T> {
    fn from(t: &Task<T>) -> Self {
        Awaitable::Future(t.future().clone())
    }
}
