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
//! body (unless it is marked [`Task::runs_when_thrown_unstarted`]).

use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future as StdFuture;
use std::ops::Deref;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

use crate::event_loop::{get_running_loop, EventLoop, LoopInner};
use crate::exception::{Exception, PyResult};
use crate::future::{peek, AnyFuture, Extension, Future, FutureAwait, FutureCore};
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
    use super::{Yield, STEP};
    use crate::exception::Exception;

    /// Called by a resumed awaitable: the exception thrown into the coroutine.
    #[inline]
    pub fn take_throw() -> Option<Exception> {
        STEP.with(|s| s.throw.take())
    }
    /// Called by a coroutine that throws `exc` into its own await point
    /// (an `aclose()` throwing GeneratorExit into the async generator it
    /// runs, where that generator awaits): the awaitable resumed next in
    /// this step gets it, as it gets a thrown exception.
    #[inline]
    pub fn set_throw(exc: Exception) {
        STEP.with(|s| s.throw.set(Some(exc)));
    }
    /// Called by an awaitable that suspends.
    #[inline]
    pub fn set_yield(y: Yield) {
        STEP.with(|s| s.yielded.set(y));
    }
    /// What the coroutine polled last yielded, taken (`Nothing` after): for a
    /// client that drives a coroutine by hand (`coro.send(None)`), which
    /// hands a bare yield or the awaited future to its caller instead of a task.
    pub fn take_yield() -> Yield {
        STEP.with(|s| s.yielded.replace(Yield::Nothing))
    }
}

/// What a task's step shares with the code it runs, per thread, in one
/// thread-local (one access to begin a step, one to end it): the running
/// task (`current_task()`), the exception thrown into the coroutine, and what
/// the coroutine yielded.
struct StepState {
    current: Cell<Option<Rc<dyn AnyTask>>>,
    throw: Cell<Option<Exception>>,
    yielded: Cell<Yield>,
}

/// Tasks cancelled inside one another's `cancel()` at most: tasks awaiting
/// each other in a cycle would recurse without end (CPython raises
/// RecursionError there); deeper, the cancellation stops and
/// [`cancel_overflowed`] says so.
const MAX_NESTED_CANCELS: u32 = 256;

thread_local! {
    static NESTED_CANCELS: Cell<u32> = const { Cell::new(0) };
    static CANCEL_OVERFLOW: Cell<bool> = const { Cell::new(false) };
}

/// Whether the last outermost `cancel()` went past [`MAX_NESTED_CANCELS`]
/// (tasks awaiting each other in a cycle), asked once: a client raises
/// CPython's RecursionError.
pub fn cancel_overflowed() -> bool {
    CANCEL_OVERFLOW.with(|o| o.replace(false))
}

thread_local! {
    static STEP: StepState = const {
        StepState { current: Cell::new(None), throw: Cell::new(None), yielded: Cell::new(Yield::Nothing) }
    };
}

/// What a step saved to restore when it ends (steps do not nest in practice,
/// but nothing is lost if they do).
struct SavedStep {
    current: Option<Rc<dyn AnyTask>>,
    throw: Option<Exception>,
    yielded: Yield,
}

/// A task's step begins: `task` is the current task, `throw` is thrown at its
/// await point.
#[inline]
fn begin_step(task: Rc<dyn AnyTask>, throw: Option<Exception>) -> SavedStep {
    STEP.with(|s| SavedStep {
        current: s.current.replace(Some(task)),
        throw: s.throw.replace(throw),
        yielded: s.yielded.replace(Yield::Nothing),
    })
}

/// The step ended: what the coroutine yielded.
#[inline]
fn end_step(saved: SavedStep) -> Yield {
    let (current, throw, yielded) = STEP.with(|s| {
        (s.current.replace(saved.current), s.throw.replace(saved.throw), s.yielded.replace(saved.yielded))
    });
    drop((current, throw));
    yielded
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
    /// `task._fut_waiter`: the future the task waits on, if it waits.
    fn fut_waiter(&self) -> Option<Rc<dyn AnyFuture>>;
    /// The loop's id for this task (creation order, from 1).
    fn id(&self) -> u64;
    /// The task's own future, without its type.
    fn as_future(&self) -> Rc<dyn AnyFuture>;
}

/// `asyncio.current_task()`: the task whose step is running.
pub fn current_task() -> Option<Rc<dyn AnyTask>> {
    STEP.with(|s| peek(&s.current))
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

/// A task's own fields, beside its future's (the part of `Task` that does
/// not depend on the result type).
pub(crate) struct TaskFields {
    started: Cell<bool>,
    /// Its coroutine runs when an exception is thrown into it before its
    /// first step ([`Task::runs_when_thrown_unstarted`]).
    runs_when_thrown: Cell<bool>,
    must_cancel: Cell<bool>,
    fut_waiter: Cell<Option<Rc<dyn AnyFuture>>>,
    num_cancels_requested: Cell<u32>,
    /// An exception for the next step to throw (`Task got bad yield`, ...).
    pending_throw: Cell<Option<Exception>>,
    /// The task's name: `Task-N` until `set_name` or a given name (formatted
    /// only when read, to spare every task an allocation).
    name: RefCell<TaskName>,
    id: Cell<u64>,
}

impl TaskFields {
    /// A new task's fields: named `name`, else `Task-N`.
    fn new(event_loop: &EventLoop, name: Option<String>) -> TaskFields {
        let name = match name {
            Some(name) => TaskName::Given(name),
            None => TaskName::Numbered(event_loop.next_task_number()),
        };
        TaskFields {
            started: Cell::new(false),
            runs_when_thrown: Cell::new(false),
            must_cancel: Cell::new(false),
            fut_waiter: Cell::new(None),
            num_cancels_requested: Cell::new(0),
            pending_throw: Cell::new(None),
            name: RefCell::new(name),
            id: Cell::new(0),
        }
    }

    /// `Task.__init__`: schedule the task's first step (`step`), then register
    /// the task (`any`) with the loop; `coro_type` is its coroutine's type name
    /// (the trace's label for it).
    fn init(
        &self,
        event_loop: &EventLoop,
        step: Rc<dyn TaskStep>,
        any: Weak<dyn AnyTask>,
        coro_type: &'static str,
    ) {
        event_loop.call_soon_step(step);
        let id = event_loop.register_task(any);
        self.id.set(id);
        if event_loop.tracing() {
            self.trace_created(event_loop, coro_type);
        }
    }

    #[cold]
    fn trace_created(&self, event_loop: &EventLoop, coro_type: &str) {
        let id = self.id.get();
        event_loop.emit(&TraceEvent::TaskCreated { task: id, name: &self.name_string() });
        if let Some(label) = coroutine_label(coro_type) {
            event_loop.emit(&TraceEvent::TaskLabel { task: id, label: &label });
        }
    }

    /// `Task.cancel(msg)` on the task whose future is `fut`.
    pub(crate) fn cancel_task<T: Clone + 'static>(&self, fut: &FutureCore<T>, msg: Option<&str>) -> bool {
        // `self._log_traceback = False`, done or not.
        fut.log_tb.set(false);
        if fut.is_done() {
            return false;
        }
        self.num_cancels_requested.set(self.num_cancels_requested.get() + 1);
        let depth = NESTED_CANCELS.with(|d| d.get());
        if depth == 0 {
            // An outermost cancel(): an earlier one's overflow is old news
            // (one made inside the engine, a TaskGroup's, is never asked about).
            CANCEL_OVERFLOW.with(|o| o.set(false));
        }
        let waiter = self.waiter();
        if let Some(waiter) = waiter {
            if depth >= MAX_NESTED_CANCELS {
                CANCEL_OVERFLOW.with(|o| o.set(true));
                return false;
            }
            NESTED_CANCELS.with(|d| d.set(depth + 1));
            let cancelled = waiter.cancel_any(msg);
            NESTED_CANCELS.with(|d| d.set(depth));
            if cancelled {
                // Leave _fut_waiter: it may be a task that ignores the
                // cancellation and must be cancelled again later.
                return true;
            }
        }
        self.must_cancel.set(true);
        fut.set_cancel_message(msg);
        true
    }

    /// `_fut_waiter`.
    fn waiter(&self) -> Option<Rc<dyn AnyFuture>> {
        peek(&self.fut_waiter)
    }

    /// What the task waits for, in words.
    fn waiting_on(&self) -> String {
        match self.waiter() {
            Some(waiter) => waiter.describe(),
            None => "nothing (ready to run)".to_string(),
        }
    }

    /// The task's name.
    pub(crate) fn name_string(&self) -> String {
        self.name.borrow().to_string()
    }

    fn uncancel(&self) -> u32 {
        let n = self.num_cancels_requested.get();
        if n > 0 {
            self.num_cancels_requested.set(n - 1);
        }
        self.num_cancels_requested.get()
    }
}

/// A task's coroutine, boxed.
type Coro<T> = Pin<Box<dyn StdFuture<Output = PyResult<T>>>>;

/// What makes a future a task's: the task's fields and its coroutine, in
/// the future's own allocation (the task and its future are one allocation,
/// the coroutine a second).
///
/// The coroutine is boxed rather than inline: inline, every coroutine type
/// would have its own copy of the task's code and vtables (+17 kB gzip in the
/// page, past its budget), where boxed there is one per result type.
pub(crate) struct TaskExt<T> {
    fields: TaskFields,
    coro: RefCell<Option<Coro<T>>>,
}

impl<T: Clone + 'static> Extension<T> for TaskExt<T> {
    fn task(&self) -> Option<&TaskFields> {
        Some(&self.fields)
    }
    fn any_task(core: Rc<FutureCore<T, Self>>) -> Option<Rc<dyn AnyTask>> {
        Some(core)
    }
}

/// A task: its future with the task inside.
type TaskCell<T> = FutureCore<T, TaskExt<T>>;

/// An asyncio task producing a `T`. Derefs to its [`Future`]; cloning gives
/// another reference to the same task.
pub struct Task<T>(Future<T>);

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
        let fields = TaskFields::new(event_loop, name);
        let coro: Coro<T> = Box::pin(coro);
        let core: Rc<TaskCell<T>> =
            FutureCore::new_rc(event_loop.downgrade(), TaskExt { fields, coro: RefCell::new(Some(coro)) });
        let any: Weak<dyn AnyTask> = Rc::downgrade(&core) as Weak<dyn AnyTask>;
        core.ext.fields.init(event_loop, core.clone(), any, std::any::type_name::<F>());
        Task(Future(core))
    }

    fn fields(&self) -> &TaskFields {
        match self.0 .0.ext.task() {
            Some(fields) => fields,
            None => unreachable!("a Task's future is a task's"),
        }
    }

    /// The task's own future (what `await task` waits for).
    pub fn future(&self) -> &Future<T> {
        &self.0
    }
    /// `task.get_name()`.
    pub fn get_name(&self) -> String {
        self.fields().name_string()
    }
    /// `task.set_name(name)`.
    pub fn set_name(&self, name: &str) {
        *self.fields().name.borrow_mut() = TaskName::Given(name.to_string());
    }
    /// `task.cancel(msg)`: request cancellation; `false` if already done.
    pub fn cancel(&self, msg: Option<&str>) -> bool {
        self.fields().cancel_task(&self.0 .0, msg)
    }
    /// A task whose coroutine is not a coroutine function's body but an
    /// awaitable whose `throw()` runs code before its first `send()`, as an
    /// async generator's `aclose()` throws into the generator: cancelled
    /// before its first step, the task polls it with the `CancelledError`
    /// to take ([`step_ctx::take_throw`]) instead of dropping it unrun.
    pub fn runs_when_thrown_unstarted(&self) {
        self.fields().runs_when_thrown.set(true);
    }
    /// `task.cancelling()`: pending cancellation requests.
    pub fn cancelling(&self) -> u32 {
        self.fields().num_cancels_requested.get()
    }
    /// `task.uncancel()`.
    pub fn uncancel(&self) -> u32 {
        self.fields().uncancel()
    }
    /// This task without its type.
    pub fn as_any_task(&self) -> Rc<dyn AnyTask> {
        match self.0 .0.this_obj().any_task() {
            Some(task) => task,
            None => unreachable!("a Task's future is a task's"),
        }
    }
    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &Task<T>) -> bool {
        self.0.ptr_eq(&other.0)
    }
    /// The loop's id for this task.
    pub fn id(&self) -> u64 {
        self.fields().id.get()
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
        &self.0
    }
}

impl<T: Clone + 'static> fmt::Debug for Task<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<Task {} {:?}>", self.get_name(), self.0)
    }
}

impl<T: Clone + 'static> std::future::IntoFuture for Task<T> {
    type Output = PyResult<T>;
    type IntoFuture = FutureAwait<T>;
    fn into_future(self) -> FutureAwait<T> {
        self.0.into_future()
    }
}

impl<T: Clone + 'static> std::future::IntoFuture for &Task<T> {
    type Output = PyResult<T>;
    type IntoFuture = FutureAwait<T>;
    fn into_future(self) -> FutureAwait<T> {
        self.0.clone().into_future()
    }
}

impl<T: Clone + 'static> AnyTask for TaskCell<T> {
    fn name(&self) -> String {
        self.ext.fields.name_string()
    }
    fn is_done(&self) -> bool {
        AnyFuture::done(self)
    }
    fn cancel(&self, msg: Option<&str>) -> bool {
        self.ext.fields.cancel_task(self, msg)
    }
    fn cancelling(&self) -> u32 {
        self.ext.fields.num_cancels_requested.get()
    }
    fn uncancel(&self) -> u32 {
        self.ext.fields.uncancel()
    }
    fn waiting_on(&self) -> String {
        self.ext.fields.waiting_on()
    }
    fn fut_waiter(&self) -> Option<Rc<dyn AnyFuture>> {
        self.ext.fields.waiter()
    }
    fn id(&self) -> u64 {
        self.ext.fields.id.get()
    }
    fn as_future(&self) -> Rc<dyn AnyFuture> {
        let fut: &FutureCore<T> = self;
        fut.any()
    }
}

impl<T: Clone + 'static> TaskStep for TaskCell<T> {
    fn run_step(self: Rc<Self>) {
        self.step();
    }
    fn task_name(&self) -> String {
        self.ext.fields.name_string()
    }
}

impl<T: Clone + 'static> TaskCell<T> {
    /// Poll the coroutine once (inside `begin_step` / `end_step`); `None`
    /// when the coroutine is gone or already being polled.
    fn poll_coro(&self) -> Option<Poll<PyResult<T>>> {
        let mut slot = self.ext.coro.try_borrow_mut().ok()?;
        let coro = slot.as_mut()?;
        let mut cx = Context::from_waker(Waker::noop());
        let poll = coro.as_mut().poll(&mut cx);
        if poll.is_ready() {
            *slot = None;
        }
        Some(poll)
    }

    /// `Task.__step`. What does not depend on the result type is
    /// [`TaskFields`]' and so compiled once in the engine, at the engine's
    /// opt-level, rather than in every crate that creates tasks, at that
    /// crate's (the page's is "z").
    fn step(self: Rc<Self>) {
        let fut: &FutureCore<T> = &*self;
        if fut.is_done() {
            return;
        }
        let task = &self.ext.fields;
        let cells = FutureCells {
            event_loop: &fut.event_loop,
            cancelled_exc: &fut.cancelled_exc,
            cancel_message: &fut.cancel_message,
        };
        let (frame, unstarted_throw) = task.enter_step(self.clone(), cells);
        let poll = match unstarted_throw {
            // coro.throw() on a coroutine that never started: the body never runs.
            Some(exc) => {
                if let Ok(mut slot) = self.ext.coro.try_borrow_mut() {
                    *slot = None;
                }
                Poll::Ready(Err(exc))
            }
            None => match self.poll_coro() {
                Some(poll) => poll,
                None => Poll::Ready(Err(Exception::runtime_error("task has no coroutine"))),
            },
        };
        let (event_loop, yielded) = frame.leave();
        match poll {
            Poll::Ready(Ok(value)) => {
                if task.must_cancel.get() {
                    // Cancelled right before the coroutine returned.
                    task.must_cancel.set(false);
                    let msg = fut.cancel_message();
                    Future::<T>(self.clone()).cancel_future(msg.as_deref());
                } else {
                    let _ = Future::<T>(self.clone()).finish(Ok(value));
                }
                task.finished(&event_loop, &|| outcome(fut));
            }
            Poll::Ready(Err(exc)) if exc.is_cancelled() => {
                fut.cancelled_exc.set(Some(exc));
                Future::<T>(self.clone()).cancel_future(None);
                task.finished(&event_loop, &|| outcome(fut));
            }
            Poll::Ready(Err(exc)) => {
                let exits = crate::event_loop::is_exit_exception(&exc);
                let _ = Future::<T>(self.clone()).finish(Err(exc.clone()));
                task.finished(&event_loop, &|| outcome(fut));
                if exits {
                    if let Some(lp) = &event_loop {
                        lp.raise_out(exc);
                    }
                }
            }
            Poll::Pending => {
                if let Some(lp) = event_loop {
                    let me_addr = Rc::as_ptr(&self) as *const ();
                    task.suspended(self.clone(), me_addr, &lp, yielded, &fut.cancel_message);
                }
            }
        }
    }
}

/// How a done task's future ended, for the trace.
fn outcome<T: Clone + 'static>(fut: &FutureCore<T>) -> Outcome {
    if fut.is_cancelled() {
        return Outcome::Cancelled;
    }
    match fut.failure() {
        Some(e) => Outcome::Failed(e.to_string()),
        None => Outcome::Done,
    }
}

/// The fields of a task's future that its step reads, without the future's
/// result type.
#[derive(Clone, Copy)]
struct FutureCells<'a> {
    event_loop: &'a Weak<LoopInner>,
    cancelled_exc: &'a Cell<Option<Exception>>,
    cancel_message: &'a Cell<Option<Rc<str>>>,
}

/// A step in progress: its loop, and the thread-local state to restore.
struct StepFrame {
    event_loop: Option<EventLoop>,
    saved: SavedStep,
}

impl StepFrame {
    /// The coroutine returned or suspended: the task is no longer current.
    fn leave(self) -> (Option<EventLoop>, Yield) {
        let yielded = end_step(self.saved);
        if let Some(lp) = &self.event_loop {
            lp.end_step();
        }
        (self.event_loop, yielded)
    }
}

/// The parts of `Task.__step` that do not depend on the result type.
impl TaskFields {
    /// The step begins: what to throw into the coroutine (a pending throw, or
    /// the `CancelledError` of a requested cancellation), the loop's step
    /// budget, the trace, and `me` as the current task. The exception is
    /// returned instead of thrown when the coroutine never started.
    fn enter_step(&self, me: Rc<dyn AnyTask>, fut: FutureCells<'_>) -> (StepFrame, Option<Exception>) {
        let throw = self.throw_for_step(fut.cancelled_exc, fut.cancel_message);
        let event_loop = LoopInner::upgrade(fut.event_loop);
        if let Some(lp) = &event_loop {
            lp.begin_step();
            if lp.tracing() {
                lp.emit(&TraceEvent::StepStart { task: self.id.get() });
            }
        }
        if throw.is_some() && !self.started.get() && !self.runs_when_thrown.get() {
            (StepFrame { event_loop, saved: begin_step(me, None) }, throw)
        } else {
            self.started.set(true);
            (StepFrame { event_loop, saved: begin_step(me, throw) }, None)
        }
    }

    /// The exception the step throws at the coroutine's await point.
    fn throw_for_step(
        &self,
        cancelled_exc: &Cell<Option<Exception>>,
        cancel_message: &Cell<Option<Rc<str>>>,
    ) -> Option<Exception> {
        let mut throw = self.pending_throw.take();
        let woken_by = self.fut_waiter.take();
        if self.must_cancel.get() {
            let woken_by_cancelled = woken_by.as_ref().is_some_and(|w| w.cancelled());
            let throwing_cancelled = throw.as_ref().is_some_and(Exception::is_cancelled);
            if !throwing_cancelled && !woken_by_cancelled {
                throw = Some(crate::future::cancelled_error(cancelled_exc, cancel_message));
            }
            self.must_cancel.set(false);
        }
        throw
    }

    /// The coroutine suspended, having yielded `yielded`: wait on that
    /// future (`__wakeup` when it is done), or step again soon.
    fn suspended(
        &self,
        me: Rc<dyn TaskStep>,
        me_addr: *const (),
        lp: &EventLoop,
        yielded: Yield,
        cancel_message: &Cell<Option<Rc<str>>>,
    ) {
        let id = self.id.get();
        match yielded {
            Yield::Future(waiter) => {
                if waiter.loop_addr() != lp.addr() {
                    self.pending_throw.set(Some(Exception::runtime_error(format!(
                        "Task <Task {}> got Future <{}> attached to a different loop",
                        self.name.borrow(),
                        waiter.label()
                    ))));
                    lp.call_soon_step(me);
                } else if waiter.addr() == me_addr {
                    self.pending_throw.set(Some(Exception::runtime_error(format!(
                        "Task cannot await on itself: <Task {}>",
                        self.name.borrow()
                    ))));
                    lp.call_soon_step(me);
                } else {
                    if lp.tracing() {
                        lp.emit(&TraceEvent::Waiting { task: id, on: &waiter.label() });
                    }
                    waiter.add_wakeup(me);
                    self.fut_waiter.set(Some(waiter.clone()));
                    if self.must_cancel.get() {
                        let msg = peek(cancel_message);
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
                lp.call_soon_step(me);
            }
            Yield::Nothing => {
                self.pending_throw
                    .set(Some(Exception::runtime_error("Task got bad yield: not an asyncio awaitable")));
                lp.call_soon_step(me);
            }
        }
        if lp.tracing() {
            lp.emit(&TraceEvent::StepEnd { task: id });
        }
    }

    /// The task's future is done (`outcome` tells how): the loop forgets the task.
    fn finished(&self, event_loop: &Option<EventLoop>, outcome: &dyn Fn() -> Outcome) {
        if let Some(lp) = event_loop {
            let id = self.id.get();
            lp.unregister_task(id);
            if lp.tracing() {
                lp.emit(&TraceEvent::StepEnd { task: id });
                lp.emit(&TraceEvent::TaskDone { task: id, outcome: outcome() });
            }
        }
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
