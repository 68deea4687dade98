//! `asyncio.Task`: a coroutine driven by the loop, one step per callback.
//!
//! # Implementation details
//! A coroutine is a Rust future whose every await point is an engine
//! awaitable returning `PyResult<T>`. Those awaitables speak to the task
//! through a small per-thread context ([`step_ctx`]) in place of Python's
//! `yield`:
//! - awaiting a pending [`Future`] records it as *yielded*; the task then adds
//!   its wakeup as a done callback and remembers it as `_fut_waiter`;
//! - `sleep(0)` records a *bare* yield; the task schedules its next step with
//!   `call_soon`;
//! - `coro.throw(exc)` becomes a pending *throw*: the await point that
//!   suspended the coroutine returns `Err(exc)` when it is polled again.
//!
//! Cancellation follows `Task.cancel` exactly: the awaited future is
//! cancelled if it can be, otherwise `_must_cancel` makes the next step throw
//! `CancelledError`. A task cancelled before its first step never runs its
//! body.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future as StdFuture;
use std::ops::Deref;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

use crate::event_loop::{get_running_loop, EventLoop, LoopInner};
use crate::exception::{Exception, PyResult};
use crate::future::{AnyFuture, CancelHook, Future, FutureAwait, TaskCancel};
use crate::trace::{Outcome, TraceEvent};

/// What a coroutine handed to its task when it suspended.
pub enum Yield {
    /// Nothing: the coroutine awaited something that is not an engine
    /// awaitable (`Task got bad yield`).
    Nothing,
    /// `sleep(0)`: run again in the next iteration.
    Bare,
    /// Wait for this future.
    Future(Rc<dyn AnyFuture>),
}

/// The per-thread channel between a task's step and the awaitable that
/// suspends or resumes inside it.
pub mod step_ctx {
    use super::Yield;
    use crate::exception::Exception;
    use std::cell::RefCell;

    thread_local! {
        static THROW: RefCell<Option<Exception>> = const { RefCell::new(None) };
        static YIELDED: RefCell<Yield> = const { RefCell::new(Yield::Nothing) };
    }

    /// Called by a resumed awaitable: the exception thrown into the coroutine.
    pub fn take_throw() -> Option<Exception> {
        THROW.with(|t| t.borrow_mut().take())
    }
    /// Called by an awaitable that suspends.
    pub fn set_yield(y: Yield) {
        YIELDED.with(|s| *s.borrow_mut() = y);
    }
    pub(crate) fn begin(throw: Option<Exception>) -> (Option<Exception>, Yield) {
        let old_throw = THROW.with(|t| t.replace(throw));
        let old_yield = YIELDED.with(|s| s.replace(Yield::Nothing));
        (old_throw, old_yield)
    }
    pub(crate) fn end(saved: (Option<Exception>, Yield)) -> Yield {
        THROW.with(|t| *t.borrow_mut() = saved.0);
        YIELDED.with(|s| s.replace(saved.1))
    }
}

/// Something the loop can step (a task's `__step`, scheduled by `call_soon`
/// or by a future's done callbacks as `__wakeup`).
pub trait TaskStep {
    fn run_step(self: Rc<Self>);
    /// The task's name.
    fn task_name(&self) -> String;
}

/// A task seen without its result type: `asyncio.all_tasks()`,
/// `asyncio.current_task()`.
pub trait AnyTask {
    /// `task.get_name()`.
    fn name(&self) -> String;
    /// `task.done()`.
    fn is_done(&self) -> bool;
    /// `task.cancel(msg)`.
    fn cancel(&self, msg: Option<&str>) -> bool;
    /// `task.cancelling()`.
    fn cancelling(&self) -> u32;
    /// `task.uncancel()`.
    fn uncancel(&self) -> u32;
    /// What the task waits on, in words (`"a future"`, `"sleep(1.0)"`, ...).
    fn waiting_on(&self) -> String;
    /// The loop's id for this task (creation order, from 1).
    fn id(&self) -> u64;
    /// The task's own future, without its type.
    fn as_future(&self) -> Rc<dyn AnyFuture>;
}

thread_local! {
    static CURRENT_TASK: RefCell<Option<Rc<dyn AnyTask>>> = const { RefCell::new(None) };
}

/// `asyncio.current_task()`: the task whose step is running.
pub fn current_task() -> Option<Rc<dyn AnyTask>> {
    CURRENT_TASK.with(|c| c.borrow().clone())
}

/// A task's name.
pub(crate) enum TaskName {
    /// `Task-N`.
    Numbered(u64),
    Given(String),
}

impl std::fmt::Display for TaskName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TaskName::Numbered(n) => write!(f, "Task-{n}"),
            TaskName::Given(name) => f.write_str(name),
        }
    }
}

type Coro<T> = Pin<Box<dyn StdFuture<Output = PyResult<T>>>>;

pub(crate) struct TaskCore<T> {
    fut: Future<T>,
    coro: RefCell<Option<Coro<T>>>,
    started: Cell<bool>,
    must_cancel: Cell<bool>,
    fut_waiter: RefCell<Option<Rc<dyn AnyFuture>>>,
    num_cancels_requested: Cell<u32>,
    /// An exception for the next step to throw (`Task got bad yield`, ...).
    pending_throw: RefCell<Option<Exception>>,
    /// The task's name: `Task-N` until `set_name` or a given name (formatted
    /// only when read, to spare every task an allocation).
    name: RefCell<TaskName>,
    id: Cell<u64>,
    event_loop: Weak<LoopInner>,
}

/// An asyncio task producing a `T`. Derefs to its [`Future`]; cloning gives
/// another reference to the same task.
pub struct Task<T>(Rc<TaskCore<T>>);

impl<T> Clone for Task<T> {
    fn clone(&self) -> Self {
        Task(self.0.clone())
    }
}

/// What CPython's task repr calls the coroutine (`coro=<factorial() ...>`),
/// from the Rust type of the future a task runs: `factorial()` for the
/// future of `async fn factorial`; `None` for an async block inside an async
/// function, a boxed future or anything else that names no function.
pub fn coroutine_label(type_name: &str) -> Option<String> {
    let path = type_name.strip_suffix("::{{closure}}")?;
    if path.contains('{') || path.contains('<') {
        return None;
    }
    let function = path.rsplit("::").next()?;
    (!function.is_empty()).then(|| format!("{function}()"))
}

impl<T: Clone + 'static> Task<T> {
    pub(crate) fn spawn<F>(event_loop: &EventLoop, coro: F, name: Option<String>) -> Task<T>
    where
        F: StdFuture<Output = PyResult<T>> + 'static,
    {
        let name = match name {
            Some(name) => TaskName::Given(name),
            None => TaskName::Numbered(event_loop.next_task_number()),
        };
        let core = Rc::new(TaskCore {
            fut: Future::new(event_loop),
            coro: RefCell::new(Some(Box::pin(coro))),
            started: Cell::new(false),
            must_cancel: Cell::new(false),
            fut_waiter: RefCell::new(None),
            num_cancels_requested: Cell::new(0),
            pending_throw: RefCell::new(None),
            name: RefCell::new(name),
            id: Cell::new(0),
            event_loop: event_loop.downgrade(),
        });
        let cancel_hook: Weak<dyn TaskCancel> = Rc::downgrade(&core) as Weak<dyn TaskCancel>;
        *core.fut.0.cancel_hook.borrow_mut() = Some(CancelHook::Task(cancel_hook));
        // Task.__init__: schedule the first step, then register the task.
        event_loop.call_soon_step(core.clone());
        let any: Weak<dyn AnyTask> = Rc::downgrade(&core) as Weak<dyn AnyTask>;
        let id = event_loop.register_task(any);
        core.id.set(id);
        if event_loop.tracing() {
            let name = core.name.borrow().to_string();
            event_loop.emit(&TraceEvent::TaskCreated { task: id, name: &name });
            if let Some(label) = coroutine_label(std::any::type_name::<F>()) {
                event_loop.emit(&TraceEvent::TaskLabel { task: id, label: &label });
            }
        }
        Task(core)
    }

    /// The task's own future (what `await task` waits for).
    pub fn future(&self) -> &Future<T> {
        &self.0.fut
    }
    /// `task.get_name()`.
    pub fn get_name(&self) -> String {
        self.0.name.borrow().to_string()
    }
    /// `task.set_name(name)`.
    pub fn set_name(&self, name: &str) {
        *self.0.name.borrow_mut() = TaskName::Given(name.to_string());
    }
    /// `task.cancel(msg)`: request cancellation; `false` if already done.
    pub fn cancel(&self, msg: Option<&str>) -> bool {
        self.0.cancel_task(msg)
    }
    /// `task.cancelling()`: pending cancellation requests.
    pub fn cancelling(&self) -> u32 {
        self.0.num_cancels_requested.get()
    }
    /// `task.uncancel()`.
    pub fn uncancel(&self) -> u32 {
        AnyTask::uncancel(&*self.0)
    }
    /// This task without its type.
    pub fn as_any_task(&self) -> Rc<dyn AnyTask> {
        self.0.clone()
    }
    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &Task<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
    /// The loop's id for this task.
    pub fn id(&self) -> u64 {
        self.0.id.get()
    }

    /// `Task.set_result`: tasks do not support it.
    ///
    /// # Errors
    /// Always `RuntimeError: Task does not support set_result operation`
    /// (`task.future().set_result(..)` is `Future.set_result(task, ..)`).
    pub fn set_result(&self, _value: T) -> PyResult<()> {
        Err(Exception::runtime_error("Task does not support set_result operation"))
    }

    /// `Task.set_exception`: tasks do not support it.
    ///
    /// # Errors
    /// Always `RuntimeError: Task does not support set_exception operation`.
    pub fn set_exception(&self, _exc: Exception) -> PyResult<()> {
        Err(Exception::runtime_error("Task does not support set_exception operation"))
    }
}

impl<T> Deref for Task<T> {
    type Target = Future<T>;
    fn deref(&self) -> &Future<T> {
        &self.0.fut
    }
}

impl<T: Clone + 'static> fmt::Debug for Task<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<Task {} {:?}>", self.get_name(), self.0.fut)
    }
}

impl<T: Clone + 'static> std::future::IntoFuture for Task<T> {
    type Output = PyResult<T>;
    type IntoFuture = FutureAwait<T>;
    fn into_future(self) -> FutureAwait<T> {
        self.0.fut.clone().into_future()
    }
}

impl<T: Clone + 'static> std::future::IntoFuture for &Task<T> {
    type Output = PyResult<T>;
    type IntoFuture = FutureAwait<T>;
    fn into_future(self) -> FutureAwait<T> {
        self.0.fut.clone().into_future()
    }
}

impl<T: Clone + 'static> TaskCancel for TaskCore<T> {
    /// `Task.cancel(msg)`.
    fn cancel_task(&self, msg: Option<&str>) -> bool {
        if self.fut.done() {
            return false;
        }
        self.num_cancels_requested.set(self.num_cancels_requested.get() + 1);
        let waiter = self.fut_waiter.borrow().clone();
        if let Some(waiter) = waiter {
            if waiter.cancel_any(msg) {
                // Leave _fut_waiter: it may be a task that ignores the
                // cancellation and must be cancelled again later.
                return true;
            }
        }
        self.must_cancel.set(true);
        self.fut.set_cancel_message(msg);
        true
    }
    fn task_name(&self) -> String {
        self.name.borrow().to_string()
    }
}

impl<T: Clone + 'static> AnyTask for TaskCore<T> {
    fn name(&self) -> String {
        self.name.borrow().to_string()
    }
    fn is_done(&self) -> bool {
        self.fut.done()
    }
    fn cancel(&self, msg: Option<&str>) -> bool {
        self.cancel_task(msg)
    }
    fn cancelling(&self) -> u32 {
        self.num_cancels_requested.get()
    }
    fn uncancel(&self) -> u32 {
        let n = self.num_cancels_requested.get();
        if n > 0 {
            self.num_cancels_requested.set(n - 1);
        }
        self.num_cancels_requested.get()
    }
    fn waiting_on(&self) -> String {
        match &*self.fut_waiter.borrow() {
            Some(waiter) => waiter.describe(),
            None => "nothing (ready to run)".to_string(),
        }
    }
    fn id(&self) -> u64 {
        self.id.get()
    }
    fn as_future(&self) -> Rc<dyn AnyFuture> {
        self.fut.as_any()
    }
}

impl<T: Clone + 'static> TaskStep for TaskCore<T> {
    fn run_step(self: Rc<Self>) {
        self.step();
    }
    fn task_name(&self) -> String {
        self.name.borrow().to_string()
    }
}

impl<T: Clone + 'static> TaskCore<T> {
    fn event_loop(&self) -> Option<EventLoop> {
        LoopInner::upgrade(&self.event_loop)
    }

    /// `Task.__step`.
    fn step(self: Rc<Self>) {
        if self.fut.done() {
            return;
        }
        let mut throw = self.pending_throw.borrow_mut().take();
        let woken_by = self.fut_waiter.borrow_mut().take();
        if self.must_cancel.get() {
            let woken_by_cancelled = woken_by.as_ref().is_some_and(|w| w.cancelled());
            let throwing_cancelled = throw.as_ref().is_some_and(Exception::is_cancelled);
            if !throwing_cancelled && !woken_by_cancelled {
                throw = Some(self.fut.make_cancelled_error());
            }
            self.must_cancel.set(false);
        }
        let event_loop = self.event_loop();
        let id = self.id.get();
        if let Some(lp) = &event_loop {
            lp.begin_step();
            if lp.tracing() {
                lp.emit(&TraceEvent::StepStart { task: id });
            }
        }

        let me: Rc<dyn AnyTask> = self.clone();
        let previous = CURRENT_TASK.with(|c| c.replace(Some(me)));
        let (poll, yielded) = if throw.is_some() && !self.started.get() {
            // coro.throw() on a coroutine that never started: the body never runs.
            self.coro.borrow_mut().take();
            (Poll::Ready(Err(throw.take().unwrap_or_else(|| Exception::cancelled(None)))), Yield::Nothing)
        } else {
            self.started.set(true);
            let coro = self.coro.borrow_mut().take();
            match coro {
                None => (Poll::Ready(Err(Exception::runtime_error("task has no coroutine"))), Yield::Nothing),
                Some(mut coro) => {
                    let saved = step_ctx::begin(throw);
                    let mut cx = Context::from_waker(Waker::noop());
                    let poll = coro.as_mut().poll(&mut cx);
                    let yielded = step_ctx::end(saved);
                    if poll.is_pending() {
                        *self.coro.borrow_mut() = Some(coro);
                    } else {
                        drop(coro);
                    }
                    (poll, yielded)
                }
            }
        };
        CURRENT_TASK.with(|c| *c.borrow_mut() = previous);
        if let Some(lp) = &event_loop {
            lp.end_step();
        }

        match poll {
            Poll::Ready(Ok(value)) => {
                if self.must_cancel.get() {
                    // Cancelled right before the coroutine returned.
                    self.must_cancel.set(false);
                    let msg = self.fut.cancel_message();
                    self.fut.cancel_future(msg.as_deref());
                } else {
                    let _ = self.fut.finish(Ok(value));
                }
                self.finished(&event_loop);
            }
            Poll::Ready(Err(exc)) if exc.is_cancelled() => {
                *self.fut.0.cancelled_exc.borrow_mut() = Some(exc);
                self.fut.cancel_future(None);
                self.finished(&event_loop);
            }
            Poll::Ready(Err(exc)) => {
                let exits = crate::event_loop::is_exit_exception(&exc);
                let _ = self.fut.finish(Err(exc.clone()));
                self.finished(&event_loop);
                if exits {
                    if let Some(lp) = &event_loop {
                        lp.raise_out(exc);
                    }
                }
            }
            Poll::Pending => {
                let Some(lp) = event_loop else { return };
                match yielded {
                    Yield::Future(waiter) => {
                        if waiter.loop_addr() != lp.addr() {
                            *self.pending_throw.borrow_mut() = Some(Exception::runtime_error(format!(
                                "Task <Task {}> got Future <{}> attached to a different loop",
                                self.name.borrow(),
                                waiter.label()
                            )));
                            lp.call_soon_step(self.clone());
                        } else if waiter.addr() == self.fut.as_any().addr() {
                            *self.pending_throw.borrow_mut() = Some(Exception::runtime_error(format!(
                                "Task cannot await on itself: <Task {}>",
                                self.name.borrow()
                            )));
                            lp.call_soon_step(self.clone());
                        } else {
                            if lp.tracing() {
                                lp.emit(&TraceEvent::Waiting { task: id, on: &waiter.label() });
                            }
                            waiter.add_wakeup(self.clone());
                            *self.fut_waiter.borrow_mut() = Some(waiter.clone());
                            if self.must_cancel.get() {
                                let msg = self.fut.cancel_message();
                                if waiter.cancel_any(msg.as_deref()) {
                                    self.must_cancel.set(false);
                                }
                            }
                        }
                    }
                    Yield::Bare => {
                        if lp.tracing() {
                            lp.emit(&TraceEvent::Yielded { task: id });
                        }
                        lp.call_soon_step(self.clone());
                    }
                    Yield::Nothing => {
                        *self.pending_throw.borrow_mut() =
                            Some(Exception::runtime_error("Task got bad yield: not an asyncio awaitable"));
                        lp.call_soon_step(self.clone());
                    }
                }
                if lp.tracing() {
                    lp.emit(&TraceEvent::StepEnd { task: id });
                }
            }
        }
    }

    fn finished(&self, event_loop: &Option<EventLoop>) {
        if let Some(lp) = event_loop {
            let id = self.id.get();
            lp.unregister_task(id);
            if lp.tracing() {
                let outcome = if self.fut.cancelled() {
                    Outcome::Cancelled
                } else {
                    match self.fut.exception() {
                        Ok(Some(e)) => Outcome::Failed(e.to_string()),
                        _ => Outcome::Done,
                    }
                };
                lp.emit(&TraceEvent::StepEnd { task: id });
                lp.emit(&TraceEvent::TaskDone { task: id, outcome });
            }
        }
    }
}

impl<T: Clone + 'static> Future<T> {
    pub(crate) fn set_cancel_message(&self, msg: Option<&str>) {
        self.set_cancel_message_internal(msg.map(str::to_string));
    }
}

/// `asyncio.create_task(coro)` on the running loop.
///
/// # Errors
/// `RuntimeError: no running event loop`.
pub fn create_task<T, F>(coro: F) -> PyResult<Task<T>>
where
    T: Clone + 'static,
    F: StdFuture<Output = PyResult<T>> + 'static,
{
    get_running_loop()?.create_task(coro)
}

/// `asyncio.create_task(coro, name=name)` on the running loop.
///
/// # Errors
/// `RuntimeError: no running event loop`.
pub fn create_named_task<T, F>(coro: F, name: &str) -> PyResult<Task<T>>
where
    T: Clone + 'static,
    F: StdFuture<Output = PyResult<T>> + 'static,
{
    get_running_loop()?.create_named_task(coro, name)
}

/// `asyncio.ensure_future(coro)`: for a coroutine, the same as `create_task`.
///
/// # Errors
/// `RuntimeError: no running event loop`.
pub fn ensure_future<T, F>(coro: F) -> PyResult<Task<T>>
where
    T: Clone + 'static,
    F: StdFuture<Output = PyResult<T>> + 'static,
{
    create_task(coro)
}

#[cfg(test)]
mod label_tests {
    use super::coroutine_label;

    async fn factorial(n: u32) -> u32 {
        n
    }

    fn label_of<F: std::future::Future>(_future: &F) -> Option<String> {
        coroutine_label(std::any::type_name::<F>())
    }

    #[test]
    fn an_async_fn_is_named_and_other_futures_are_not() {
        assert_eq!(label_of(&factorial(3)).as_deref(), Some("factorial()"));
        let boxed: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> = Box::pin(async {});
        assert_eq!(label_of(&boxed), None);
        assert_eq!(coroutine_label("app::main::{{closure}}::{{closure}}"), None);
        assert_eq!(coroutine_label("app::lesson::worker::{{closure}}").as_deref(), Some("worker()"));
    }
}
