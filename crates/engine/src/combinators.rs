//! `wait`, `wait_for`, `shield` and `as_completed`, as CPython 3.11's
//! `tasks.py` writes them (timers, callbacks and all: the order of what
//! prints depends on them).

use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;

use crate::awaitable::Awaitable;
use crate::event_loop::{get_running_loop, EventLoop};
use crate::exception::{Exception, PyResult};
use crate::future::Future;

/// `asyncio.wait`'s `return_when`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnWhen {
    /// `FIRST_COMPLETED`: when any future finishes or is cancelled.
    FirstCompleted,
    /// `FIRST_EXCEPTION`: when any future raises, else when all are done.
    FirstException,
    /// `ALL_COMPLETED`: when every future is done.
    AllCompleted,
}

impl ReturnWhen {
    /// `asyncio.FIRST_COMPLETED` and friends by their Python names.
    pub fn from_name(name: &str) -> Option<ReturnWhen> {
        match name {
            "FIRST_COMPLETED" => Some(ReturnWhen::FirstCompleted),
            "FIRST_EXCEPTION" => Some(ReturnWhen::FirstException),
            "ALL_COMPLETED" => Some(ReturnWhen::AllCompleted),
            _ => None,
        }
    }
}

/// `_release_waiter(waiter)`.
fn release_waiter(waiter: &Future<()>) {
    if !waiter.done() {
        let _ = waiter.set_result(());
    }
}

/// `set(fs)` keeping the argument order: O(n) with a set of identities.
fn dedup<T: Clone + 'static>(fs: &[Future<T>]) -> Vec<Future<T>> {
    let mut seen: HashSet<*const ()> = HashSet::with_capacity(fs.len());
    fs.iter().filter(|f| seen.insert(f.addr())).cloned().collect()
}

/// `done, pending = await asyncio.wait(fs, timeout=..., return_when=...)`.
///
/// Both lists keep the order of `fs` (Python returns sets); duplicates count
/// once. A timeout does not raise: what is not done is in `pending`.
///
/// # Cancellation
/// Cancelling the waiting task leaves the futures running.
///
/// # Errors
/// `ValueError: Set of Tasks/Futures is empty.`; `CancelledError`.
pub async fn wait<T: Clone + 'static>(
    fs: &[Future<T>],
    timeout: Option<f64>,
    return_when: ReturnWhen,
) -> PyResult<(Vec<Future<T>>, Vec<Future<T>>)> {
    if fs.is_empty() {
        return Err(Exception::value_error("Set of Tasks/Futures is empty."));
    }
    let fs = dedup(fs);
    let event_loop = get_running_loop()?;
    wait_inner(&event_loop, &fs, timeout, return_when).await?;
    let (done, pending): (Vec<_>, Vec<_>) = fs.into_iter().partition(|f| f.done());
    Ok((done, pending))
}

/// `_wait(fs, timeout, return_when, loop)`.
async fn wait_inner<T: Clone + 'static>(
    event_loop: &EventLoop,
    fs: &[Future<T>],
    timeout: Option<f64>,
    return_when: ReturnWhen,
) -> PyResult<()> {
    let waiter: Future<()> = event_loop.create_future().with_label("asyncio.wait");
    let timeout_handle = match timeout {
        Some(t) => {
            let w = waiter.clone();
            Some(event_loop.call_later(t, move || release_waiter(&w))?)
        }
        None => None,
    };
    let counter = Rc::new(Cell::new(fs.len()));
    let mut ids = Vec::with_capacity(fs.len());
    for f in fs {
        let counter = counter.clone();
        let waiter = waiter.clone();
        let timeout_handle = timeout_handle.clone();
        let name = crate::CallbackName::Static(crate::callback_names::WAIT);
        ids.push(f.add_named_done_callback(name, move |f: &Future<T>| {
            counter.set(counter.get().saturating_sub(1));
            // Evaluated as CPython's `or` chain: only this asks for (and so
            // retrieves) the exception.
            let failed = || !f.cancelled() && matches!(f.exception(), Ok(Some(_)));
            if counter.get() == 0
                || return_when == ReturnWhen::FirstCompleted
                || (return_when == ReturnWhen::FirstException && failed())
            {
                if let Some(h) = &timeout_handle {
                    h.cancel();
                }
                release_waiter(&waiter);
            }
        }));
    }
    let outcome = waiter.await;
    // finally:
    if let Some(h) = &timeout_handle {
        h.cancel();
    }
    for (f, id) in fs.iter().zip(ids) {
        f.remove_done_callback(id);
    }
    outcome
}

/// `_cancel_and_wait(fut)`: cancel `fut` and wait until it is done.
async fn cancel_and_wait<T: Clone + 'static>(event_loop: &EventLoop, fut: &Future<T>) -> PyResult<()> {
    let waiter: Future<()> = event_loop.create_future();
    let w = waiter.clone();
    let id =
        fut.add_named_done_callback(crate::future::release_waiter_name(&waiter), move |_| release_waiter(&w));
    fut.cancel(None);
    let outcome = waiter.await;
    fut.remove_done_callback(id);
    outcome
}

/// `await asyncio.wait_for(aw, timeout)` with 3.11's implementation.
///
/// Without a timeout the awaitable is simply awaited (a coroutine inline). A
/// timeout `<= 0` cancels at once unless already done. Otherwise a
/// `call_later(timeout)` releases a waiter; on expiry the inner task is
/// cancelled and awaited, then `TimeoutError` is raised.
///
/// # Cancellation
/// Cancelling the waiting task cancels the inner one and waits for it; if
/// the inner one finished meanwhile its result is returned.
///
/// # Errors
/// `TimeoutError`; the awaitable's own exception; `CancelledError`.
pub async fn wait_for<T: Clone + 'static>(aw: impl Into<Awaitable<T>>, timeout: Option<f64>) -> PyResult<T> {
    let aw = aw.into();
    let event_loop = get_running_loop()?;
    let Some(timeout) = timeout else {
        return aw.await_inline().await;
    };
    if timeout <= 0.0 {
        let fut = aw.ensure_future(&event_loop)?;
        if fut.done() {
            return fut.result();
        }
        cancel_and_wait(&event_loop, &fut).await?;
        return match fut.result() {
            Err(e) if e.is_cancelled() => Err(Exception::timeout()),
            other => other,
        };
    }
    let waiter: Future<()> = event_loop.create_future().with_label("asyncio.wait_for");
    let w = waiter.clone();
    let timeout_handle = event_loop.call_later(timeout, move || release_waiter(&w))?;
    // Before CPython's `try:`: when this raises, the timer stays scheduled.
    let fut = aw.ensure_future(&event_loop)?;
    let w = waiter.clone();
    let cb =
        fut.add_named_done_callback(crate::future::release_waiter_name(&waiter), move |_| release_waiter(&w));
    let outcome = async {
        match waiter.await {
            Err(e) if e.is_cancelled() => {
                if fut.done() {
                    return fut.result();
                }
                fut.remove_done_callback(cb);
                cancel_and_wait(&event_loop, &fut).await?;
                Err(e)
            }
            Err(e) => Err(e),
            Ok(()) => {
                if fut.done() {
                    return fut.result();
                }
                fut.remove_done_callback(cb);
                cancel_and_wait(&event_loop, &fut).await?;
                match fut.result() {
                    Err(e) if e.is_cancelled() => Err(Exception::timeout()),
                    other => other,
                }
            }
        }
    }
    .await;
    timeout_handle.cancel();
    outcome
}

/// `asyncio.shield(aw)`: a future that follows `aw` but whose cancellation
/// does not cancel `aw`. Already-done futures are returned as they are.
///
/// # Errors
/// `RuntimeError` when a coroutine cannot become a task.
pub fn shield<T: Clone + 'static>(aw: impl Into<Awaitable<T>>) -> PyResult<Future<T>> {
    let event_loop = get_running_loop()?;
    let inner = aw.into().ensure_future(&event_loop)?;
    if inner.done() {
        return Ok(inner);
    }
    let outer: Future<T> = event_loop.create_future();
    let o = outer.clone();
    let name = crate::CallbackName::Static(crate::callback_names::SHIELD_INNER);
    let inner_cb = inner.add_named_done_callback(name, move |inner: &Future<T>| {
        if o.cancelled() {
            if !inner.cancelled() {
                // Marks the exception retrieved, as `_inner_done_callback` does.
                let _ = inner.exception();
            }
            return;
        }
        if inner.cancelled() {
            o.cancel(None);
        } else {
            let _ = o.finish_with(inner.result());
        }
    });
    let i = inner.clone();
    let name = crate::CallbackName::Static(crate::callback_names::SHIELD_OUTER);
    outer.add_named_done_callback(name, move |_| {
        if !i.done() {
            i.remove_done_callback(inner_cb);
        }
    });
    Ok(outer)
}

/// The iterator of `asyncio.as_completed(fs, timeout=...)`: call
/// [`AsCompleted::next`] once per future (`for coro in as_completed(fs):
/// await coro`).
pub struct AsCompleted<T> {
    state: Rc<AsCompletedState<T>>,
    remaining: Cell<usize>,
}

struct AsCompletedState<T> {
    /// The `done` Queue: finished futures, `None` for a timeout.
    done: RefCell<VecDeque<Option<Future<T>>>>,
    /// `Queue._getters`.
    getters: RefCell<VecDeque<Future<()>>>,
    todo: RefCell<Vec<(Future<T>, crate::future::CallbackId)>>,
    timeout_handle: RefCell<Option<crate::event_loop::Handle>>,
}

impl<T: Clone + 'static> AsCompletedState<T> {
    /// `Queue.put_nowait(item)` on an unbounded queue: append, wake the first
    /// getter still waiting.
    fn put_nowait(&self, item: Option<Future<T>>) {
        self.done.borrow_mut().push_back(item);
        self.wake_next_getter();
    }
}

/// `asyncio.as_completed(fs, timeout=...)`.
///
/// # Errors
/// `RuntimeError: no running event loop`; `ValueError` for a future of
/// another loop (`ensure_future(f, loop=loop)`).
pub fn as_completed<T: Clone + 'static>(fs: &[Future<T>], timeout: Option<f64>) -> PyResult<AsCompleted<T>> {
    let event_loop = get_running_loop()?;
    let fs = dedup(fs);
    for f in &fs {
        f.check_loop(&event_loop)?;
    }
    let state = Rc::new(AsCompletedState {
        done: RefCell::new(VecDeque::new()),
        getters: RefCell::new(VecDeque::new()),
        todo: RefCell::new(Vec::new()),
        timeout_handle: RefCell::new(None),
    });
    let n = fs.len();
    for f in &fs {
        let st = Rc::downgrade(&state);
        let name = crate::CallbackName::Static(crate::callback_names::AS_COMPLETED);
        let id = f.add_named_done_callback(name, move |f: &Future<T>| {
            // _on_completion
            let Some(st) = st.upgrade() else { return };
            let mut todo = st.todo.borrow_mut();
            if todo.is_empty() {
                return; // _on_timeout() was here first.
            }
            todo.retain(|(g, _)| !g.ptr_eq(f));
            let now_empty = todo.is_empty();
            drop(todo);
            st.put_nowait(Some(f.clone()));
            if now_empty {
                if let Some(h) = &*st.timeout_handle.borrow() {
                    h.cancel();
                }
            }
        });
        state.todo.borrow_mut().push((f.clone(), id));
    }
    if n > 0 {
        if let Some(t) = timeout {
            let st = Rc::downgrade(&state);
            let handle = event_loop.call_later(t, move || {
                // _on_timeout
                let Some(st) = st.upgrade() else { return };
                let todo = std::mem::take(&mut *st.todo.borrow_mut());
                for (f, id) in todo {
                    f.remove_done_callback(id);
                    st.put_nowait(None);
                }
            })?;
            *state.timeout_handle.borrow_mut() = Some(handle);
        }
    }
    Ok(AsCompleted { state, remaining: Cell::new(n) })
}

impl<T: Clone + 'static> AsCompleted<T> {
    /// How many results are still to come.
    /// How many results are still to be awaited.
    pub fn len(&self) -> usize {
        self.remaining.get()
    }
    /// True when every result has been awaited.
    pub fn is_empty(&self) -> bool {
        self.remaining.get() == 0
    }

    /// `await _wait_for_one()`: the next future to finish, as its result.
    /// `None` once every future has been returned.
    ///
    /// # Errors
    /// `TimeoutError` when the timeout passed first; the future's exception.
    pub async fn next(&self) -> Option<PyResult<T>> {
        if self.remaining.get() == 0 {
            return None;
        }
        self.remaining.set(self.remaining.get() - 1);
        Some(self.wait_for_one().await)
    }

    async fn wait_for_one(&self) -> PyResult<T> {
        // `f = await done.get()`: Queue.get with its getter futures.
        let event_loop = get_running_loop()?;
        while self.state.done.borrow().is_empty() {
            let getter: Future<()> = event_loop.create_future().with_label("as_completed");
            self.state.getters.borrow_mut().push_back(getter.clone());
            if let Err(e) = getter.clone().await {
                getter.cancel(None);
                self.state.getters.borrow_mut().retain(|g| !g.ptr_eq(&getter));
                if !self.state.done.borrow().is_empty() && !getter.cancelled() {
                    self.state.wake_next_getter();
                }
                return Err(e);
            }
        }
        let item = self.state.done.borrow_mut().pop_front();
        match item {
            Some(Some(f)) => f.result(),
            _ => Err(Exception::timeout()),
        }
    }
}

impl<T: Clone + 'static> AsCompletedState<T> {
    /// `Queue._wakeup_next(self._getters)`.
    fn wake_next_getter(&self) {
        let mut getters = self.getters.borrow_mut();
        while let Some(getter) = getters.pop_front() {
            if !getter.done() {
                let _ = getter.set_result(());
                break;
            }
        }
    }
}

impl<T: Clone + 'static> Future<T> {
    /// Set a result or an exception.
    ///
    /// # Errors
    /// `InvalidStateError` when already done.
    pub fn finish_with(&self, outcome: PyResult<T>) -> PyResult<()> {
        self.finish(outcome)
    }
}
