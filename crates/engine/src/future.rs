//! `asyncio.Future`: a result that will be available later.
//!
//! Done callbacks are always scheduled with `call_soon`, never run inline,
//! even when the future is already done when the callback is added. A task
//! awaiting a future therefore resumes one loop iteration after the future
//! completes, as in CPython.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use crate::event_loop::{EventLoop, LoopInner};
use crate::exception::{Exception, PyResult};
use crate::finalize::Finalizer;
use crate::task::{step_ctx, AnyTask, TaskFields, TaskStep, Yield};

/// An asyncio future holding a `T` or an exception. Cloning gives another
/// reference to the same future.
pub struct Future<T>(pub(crate) Rc<FutureCore<T>>);

impl<T> Clone for Future<T> {
    fn clone(&self) -> Self {
        Future(self.0.clone())
    }
}

/// Identifies a callback added with [`Future::add_done_callback`], for
/// [`Future::remove_done_callback`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallbackId(u64);

pub(crate) enum State<T> {
    Pending,
    Finished(PyResult<T>),
    Cancelled,
}

/// A done callback, called with the future.
type FutureCallback<T> = Box<dyn FnOnce(&Future<T>)>;

/// A future's done callbacks in the order they were added. The first one is
/// stored inline (as CPython's C future keeps `fut_callback0`): most futures
/// have exactly one, a task's wakeup, and then need no allocation.
struct Callbacks<T> {
    first: Option<DoneCallback<T>>,
    rest: Vec<DoneCallback<T>>,
}

impl<T> Default for Callbacks<T> {
    fn default() -> Self {
        Callbacks { first: None, rest: Vec::new() }
    }
}

impl<T> Callbacks<T> {
    fn push(&mut self, callback: DoneCallback<T>) {
        if self.first.is_none() && self.rest.is_empty() {
            self.first = Some(callback);
        } else {
            self.rest.push(callback);
        }
    }
    fn is_empty(&self) -> bool {
        self.first.is_none() && self.rest.is_empty()
    }
    /// Remove every `Fn` callback with this id; how many were removed.
    fn remove(&mut self, id: u64) -> usize {
        let is_it = |c: &DoneCallback<T>| matches!(c, DoneCallback::Fn(i, ..) if *i == id);
        let mut removed = 0;
        if self.first.as_ref().is_some_and(is_it) {
            self.first = None;
            removed += 1;
        }
        let before = self.rest.len();
        self.rest.retain(|c| !is_it(c));
        removed + before - self.rest.len()
    }
}

enum DoneCallback<T> {
    Fn(u64, FutureCallback<T>, Option<CallbackName>),
    /// A task's `__wakeup`: step the task.
    Wakeup(Rc<dyn TaskStep>),
}

/// A future's state. A plain future is a `FutureCore<T, ()>`; a task is a
/// `FutureCore<T, TaskExt<T>>` (the task's fields inline and its boxed
/// coroutine, so a task and its future are one allocation); a sleep's future
/// carries its timer (`SleepTimer`). Every one of
/// them is seen as `FutureCore<T>` (the extension behind `dyn Extension<T>`)
/// by [`Future<T>`], whose field accesses need no virtual call.
pub(crate) struct FutureCore<T, X: ?Sized = dyn Extension<T>> {
    /// This future without its type (what [`Future::as_any`] returns): a
    /// weak reference to its own allocation, always upgradable while
    /// anyone holds the future.
    this: Weak<dyn FutureObj>,
    pub(crate) event_loop: Weak<LoopInner>,
    pub(crate) state: RefCell<State<T>>,
    callbacks: RefCell<Callbacks<T>>,
    next_callback_id: Cell<u64>,
    pub(crate) cancel_message: Cell<Option<Rc<str>>>,
    /// `_cancelled_exc`: the `CancelledError` a task was cancelled with, raised
    /// again (once) by `result()`.
    pub(crate) cancelled_exc: Cell<Option<Exception>>,
    /// A `cancel()` override of a gathering future: cancel its children.
    /// (A task's future cancels its task through its extension.)
    cancel_children: Cell<Option<Rc<dyn CancelChildren>>>,
    /// What the page calls this future while a task waits on it.
    label: Cell<Option<Rc<str>>>,
    /// A fuller description for deadlock explanations (`Lock lock (held by
    /// Task-1)`), computed only when asked: see [`Future::set_label_fn`].
    label_fn: Cell<Option<LabelFn>>,
    /// `__log_traceback`: it failed and nobody has asked for the exception yet.
    pub(crate) log_tb: Cell<bool>,
    /// What a client reports if it is freed while `log_tb` (`__del__`).
    finalizer: Cell<Option<Finalizer>>,
    /// What this future is besides a future: nothing, a task, a sleep's timer.
    pub(crate) ext: X,
}

/// What a future is besides a future (see [`FutureCore`]).
pub(crate) trait Extension<T> {
    /// The task's fields when this future is a task's.
    fn task(&self) -> Option<&TaskFields> {
        None
    }
    /// The task as [`AnyTask`], when this future is a task's.
    fn any_task(core: Rc<FutureCore<T, Self>>) -> Option<Rc<dyn AnyTask>>
    where
        Self: Sized,
    {
        let _ = core;
        None
    }
}

impl<T> Extension<T> for () {}

/// A future without its type, that knows whether it is a task: what a
/// future's reference to itself points to.
pub(crate) trait FutureObj: AnyFuture {
    fn any_task(self: Rc<Self>) -> Option<Rc<dyn AnyTask>>;
}

impl<T: Clone + 'static, X: Extension<T> + 'static> FutureObj for FutureCore<T, X> {
    fn any_task(self: Rc<Self>) -> Option<Rc<dyn AnyTask>> {
        X::any_task(self)
    }
}

impl<T: Clone + 'static, X: Extension<T> + 'static> FutureCore<T, X> {
    /// A pending future of `event_loop` with extension `ext`, holding a weak
    /// reference to itself (for [`Future::as_any`]).
    pub(crate) fn new_rc(event_loop: Weak<LoopInner>, ext: X) -> Rc<FutureCore<T, X>> {
        Rc::new_cyclic(|this: &Weak<FutureCore<T, X>>| FutureCore {
            this: this.clone(),
            event_loop,
            state: RefCell::new(State::Pending),
            callbacks: RefCell::new(Callbacks::default()),
            next_callback_id: Cell::new(0),
            cancel_message: Cell::new(None),
            cancelled_exc: Cell::new(None),
            cancel_children: Cell::new(None),
            label: Cell::new(None),
            label_fn: Cell::new(None),
            log_tb: Cell::new(false),
            finalizer: Cell::new(None),
            ext,
        })
    }
}

impl<T, X: ?Sized> Drop for FutureCore<T, X> {
    fn drop(&mut self) {
        if !self.log_tb.get() {
            return;
        }
        if let (Some(finalizer), State::Finished(Err(e))) = (self.finalizer.take(), self.state.get_mut()) {
            crate::finalize::defer(finalizer, e.clone());
        }
    }
}

/// A clone of what `cell` holds (the cells of a future hold reference-counted
/// values, read rarely: a `Cell` spares the `RefCell`'s borrow flag).
pub(crate) fn peek<T: Clone>(cell: &Cell<Option<T>>) -> Option<T> {
    let value = cell.take();
    let clone = value.clone();
    cell.set(value);
    clone
}

/// `_make_cancelled_error()` on a future's `_cancelled_exc` and
/// `_cancel_message`: the saved `CancelledError` (once), else a new one
/// carrying the message. Not generic, so compiled once, in the engine.
pub(crate) fn cancelled_error(
    cancelled_exc: &Cell<Option<Exception>>,
    message: &Cell<Option<Rc<str>>>,
) -> Exception {
    if let Some(exc) = cancelled_exc.take() {
        return exc;
    }
    Exception::cancelled(peek(message).as_deref())
}

/// Describes what a task waiting on a future waits for, at the moment asked.
pub type LabelFn = Rc<dyn Fn() -> String>;

/// A future whose `cancel()` cancels the futures it waits on instead of
/// itself (`_GatheringFuture.cancel`).
pub(crate) trait CancelChildren {
    /// Cancel the children; `false` when none could be cancelled.
    fn cancel_children(&self, msg: Option<&str>) -> bool;
}

/// How a future's repr names one of its done callbacks (`cb=[...]`), as
/// `format_helpers._format_callback_source` does: `cb() at prog.py:3`.
#[derive(Clone)]
pub enum CallbackName {
    /// One of asyncio's own (see [`callback_names`]).
    Static(&'static str),
    /// A program's callback, named when a repr asks (most never are).
    Lazy(Rc<dyn Fn() -> String>),
}

impl CallbackName {
    /// The name.
    pub fn text(&self) -> String {
        match self {
            CallbackName::Static(s) => s.to_string(),
            CallbackName::Lazy(f) => f(),
        }
    }
}

/// Where the reference interpreter (the oracle's `python3`, CPython 3.11.7,
/// whose reprs the playground's match) has asyncio's source: reprs of
/// asyncio's own callbacks and coroutines name its files and lines.
pub mod cpython_source {
    /// The directory of asyncio's source.
    pub const ASYNCIO_DIR: &str = "/root/.pyenv/versions/3.11.7/lib/python3.11/asyncio";
}

/// asyncio's own done callbacks as CPython 3.11's reprs name them: with
/// the file and line of their source ([`cpython_source::ASYNCIO_DIR`]).
pub mod callback_names {
    /// `loop.run_until_complete`'s.
    pub const RUN_UNTIL_COMPLETE: &str =
        "_run_until_complete_cb() at /root/.pyenv/versions/3.11.7/lib/python3.11/asyncio/base_events.py:180";
    /// `gather`'s, on each of its children.
    pub const GATHER: &str =
        "gather.<locals>._done_callback() at /root/.pyenv/versions/3.11.7/lib/python3.11/asyncio/tasks.py:764";
    /// `wait`'s, on each future it waits for.
    pub const WAIT: &str =
        "_wait.<locals>._on_completion() at /root/.pyenv/versions/3.11.7/lib/python3.11/asyncio/tasks.py:519";
    /// `as_completed`'s, on each future.
    pub const AS_COMPLETED: &str =
        "as_completed.<locals>._on_completion() at /root/.pyenv/versions/3.11.7/lib/python3.11/asyncio/tasks.py:602";
    /// A `TaskGroup`'s, on each of its tasks (a bound method: no source).
    pub const TASK_GROUP: &str = "TaskGroup._on_task_done()";
    /// `shield`'s, on the future it shields.
    pub const SHIELD_INNER: &str =
        "shield.<locals>._inner_done_callback() at /root/.pyenv/versions/3.11.7/lib/python3.11/asyncio/tasks.py:891";
    /// `shield`'s, on the future it returns.
    pub const SHIELD_OUTER: &str =
        "shield.<locals>._outer_done_callback() at /root/.pyenv/versions/3.11.7/lib/python3.11/asyncio/tasks.py:908";
}

/// A repr's ` cb=[...]` part for `fut`'s pending callbacks, as
/// `base_futures._format_callbacks` writes it (the first and the last of
/// more than two); empty when it has none, or one asyncio does not name here.
pub fn callbacks_repr(fut: &dyn AnyFuture) -> String {
    let Some(names) = fut.callback_names() else { return String::new() };
    match names.as_slice() {
        [] => String::new(),
        [one] => format!(" cb=[{one}]"),
        [first, second] => format!(" cb=[{first}, {second}]"),
        [first, .., last] => format!(" cb=[{first}, <{} more>, {last}]", names.len() - 2),
    }
}

/// `functools.partial(_release_waiter, waiter)` as a repr names it, for
/// the waiter of `wait_for` and `_cancel_and_wait` (a future of `None`).
pub(crate) fn release_waiter_name(waiter: &Future<()>) -> CallbackName {
    let waiter = waiter.clone();
    CallbackName::Lazy(Rc::new(move || {
        let state = if waiter.cancelled() {
            "cancelled".to_string()
        } else if waiter.done() {
            "finished result=None".to_string()
        } else {
            format!("pending{}", callbacks_repr(&*waiter.as_any()))
        };
        // The argument as `reprlib.repr` shortens an object's repr.
        let arg = format!("<Future {state}>");
        let arg = if arg.len() > 30 { format!("{}...{}", &arg[..13], &arg[arg.len() - 14..]) } else { arg };
        format!("_release_waiter({arg})() at {}/tasks.py:431", cpython_source::ASYNCIO_DIR)
    }))
}

/// A future seen without its result type, as a task's `_fut_waiter`.
pub trait AnyFuture {
    /// `fut.done()`.
    fn done(&self) -> bool;
    /// `fut.cancelled()`.
    fn cancelled(&self) -> bool;
    /// `cancel(msg)`; for a task's future, `Task.cancel`.
    fn cancel_any(self: Rc<Self>, msg: Option<&str>) -> bool;
    /// What a task waiting on it is waiting for, in words.
    fn label(&self) -> String;
    /// [`label`](Self::label) with what is known now, for deadlock
    /// explanations: the label function's text when one is set.
    fn describe(&self) -> String;
    /// `add_done_callback` for a callback that does not need the future.
    fn add_done_callback_any(&self, f: Box<dyn FnOnce()>);
    /// [`add_done_callback_any`](Self::add_done_callback_any) of a callback
    /// a repr names.
    fn add_named_done_callback_any(&self, name: CallbackName, f: Box<dyn FnOnce()>);
    /// How a repr names its pending callbacks (`cb=[...]`), in order; `None`
    /// when one of them has no name.
    fn callback_names(&self) -> Option<Vec<String>>;
    /// The task this future is, if it is a task's.
    fn task_of(&self) -> Option<Rc<dyn AnyTask>>;
    /// Calls `f` with its outcome, if it finished (for a repr: a client
    /// knows its result types and downcasts); the exception is not marked
    /// retrieved.
    fn with_outcome(&self, f: &mut dyn FnMut(Result<&dyn std::any::Any, &Exception>));
    /// Its class as a repr names it: `_GatheringFuture` for `gather`'s
    /// future (one with children), `Future` for others (tasks: `Task`).
    fn class_name(&self) -> &'static str;
    /// `exception()` of a done future that was not cancelled (`None` for a
    /// result or while pending).
    fn exception_any(&self) -> Option<Exception>;
    /// `_make_cancelled_error()`.
    fn make_cancelled_error_any(&self) -> Exception;
    /// `_cancel_message`.
    fn cancel_message_any(&self) -> Option<String>;
    #[doc(hidden)]
    fn add_wakeup(&self, task: Rc<dyn TaskStep>);
    #[doc(hidden)]
    fn loop_addr(&self) -> *const ();
    #[doc(hidden)]
    fn addr(&self) -> *const ();
}

/// The message of CPython's `ValueError` when a future is used with a loop
/// it does not belong to (`ensure_future`, `run_until_complete`, `gather`).
pub const DIFFERENT_LOOP: &str =
    "The future belongs to a different loop than the one specified as the loop argument";

/// `Ok` when the future whose loop is at `loop_addr` belongs to `event_loop`.
pub(crate) fn check_same_loop(loop_addr: *const (), event_loop: &EventLoop) -> PyResult<()> {
    if loop_addr == event_loop.addr() {
        Ok(())
    } else {
        Err(Exception::value_error(DIFFERENT_LOOP))
    }
}

impl<T: Clone + 'static> Future<T> {
    /// `loop.create_future()`.
    pub fn new(event_loop: &EventLoop) -> Future<T> {
        Future(FutureCore::new_rc(event_loop.downgrade(), ()))
    }

    /// A future on the running loop (`asyncio.Future()` inside a coroutine).
    ///
    /// # Errors
    /// `RuntimeError: no running event loop`.
    pub fn on_running_loop() -> PyResult<Future<T>> {
        Ok(Future::new(&crate::event_loop::get_running_loop()?))
    }

    /// Name what a task waiting on this future waits for (shown by the page
    /// and in deadlock explanations).
    pub fn with_label(self, label: &str) -> Future<T> {
        self.0.label.set(Some(Rc::from(label)));
        self
    }
    /// Name what a task waiting on this future waits for (deadlock
    /// explanations, the timeline).
    pub fn set_label(&self, label: &str) {
        self.0.label.set(Some(Rc::from(label)));
    }
    /// [`set_label`](Self::set_label) with a shared label: no allocation.
    pub fn set_label_rc(&self, label: Rc<str>) {
        self.0.label.set(Some(label));
    }
    /// Describe this future, when a deadlock is explained
    /// ([`AnyFuture::describe`]), with `f`'s text at that moment instead of
    /// the fixed label: a lock's waiter names the task holding the lock. `f`
    /// runs only when describing.
    pub fn set_label_fn(&self, f: LabelFn) {
        self.0.label_fn.set(Some(f));
    }

    /// `fut.get_loop()`; `None` once the loop is gone.
    pub fn get_loop(&self) -> Option<EventLoop> {
        LoopInner::upgrade(&self.0.event_loop)
    }

    /// `ensure_future(fut, loop=event_loop)`'s check that `fut` belongs to
    /// `event_loop`.
    ///
    /// # Errors
    /// CPython's `ValueError` for a future of another loop.
    pub fn check_loop(&self, event_loop: &EventLoop) -> PyResult<()> {
        check_same_loop(self.0.event_loop.as_ptr() as *const (), event_loop)
    }

    /// `fut.done()`: finished with a result or an exception, or cancelled.
    pub fn done(&self) -> bool {
        self.0.is_done()
    }
    /// `fut.cancelled()`.
    pub fn cancelled(&self) -> bool {
        self.0.is_cancelled()
    }

    /// `fut.result()`.
    ///
    /// # Errors
    /// The exception that was set; `CancelledError` if cancelled;
    /// `InvalidStateError: Result is not set.` while pending (the message of
    /// CPython's C `_asyncio.Future`, which asyncio uses).
    pub fn result(&self) -> PyResult<T> {
        match &*self.0.state.borrow() {
            State::Pending => Err(Exception::invalid_state("Result is not set.")),
            State::Finished(result) => {
                self.0.log_tb.set(false);
                result.clone()
            }
            State::Cancelled => Err(self.make_cancelled_error()),
        }
    }

    /// `fut.exception()`: `Ok(None)` for a result, `Ok(Some(e))` for an
    /// exception.
    ///
    /// # Errors
    /// `CancelledError` if cancelled; `InvalidStateError: Exception is not
    /// set.` while pending.
    pub fn exception(&self) -> PyResult<Option<Exception>> {
        match &*self.0.state.borrow() {
            State::Pending => Err(Exception::invalid_state("Exception is not set.")),
            State::Finished(Ok(_)) => Ok(None),
            State::Finished(Err(e)) => {
                self.0.log_tb.set(false);
                Ok(Some(e.clone()))
            }
            State::Cancelled => Err(self.make_cancelled_error()),
        }
    }

    /// The outcome of a done future that was not cancelled, as a repr shows
    /// it: unlike [`result`](Self::result), it does not count as retrieving
    /// the exception.
    pub fn peek_outcome(&self) -> Option<PyResult<T>> {
        match &*self.0.state.borrow() {
            State::Finished(result) => Some(result.clone()),
            _ => None,
        }
    }

    /// What to report if this future is freed after failing with an
    /// exception nobody retrieved (`Future.__del__`): `finalizer` gets the
    /// exception at the next safe point (see [`crate::finalize`]). It
    /// replaces any finalizer set before.
    pub fn on_unretrieved(&self, finalizer: impl FnOnce(Exception) + 'static) {
        self.0.finalizer.set(Some(Box::new(finalizer)));
    }

    /// `_make_cancelled_error()`: the saved `CancelledError` (once), else a
    /// new one carrying the cancel message.
    pub(crate) fn make_cancelled_error(&self) -> Exception {
        self.0.make_cancelled_error()
    }

    /// The message given to `cancel(msg)`.
    pub fn cancel_message(&self) -> Option<String> {
        self.0.cancel_message()
    }

    /// `fut.set_result(value)`.
    ///
    /// # Errors
    /// `InvalidStateError: invalid state` when already done.
    pub fn set_result(&self, value: T) -> PyResult<()> {
        self.finish(Ok(value))
    }

    /// `fut.set_exception(exc)`.
    ///
    /// # Errors
    /// `InvalidStateError: invalid state` when already done.
    pub fn set_exception(&self, exc: Exception) -> PyResult<()> {
        self.finish(Err(exc))
    }

    /// `set_result` for a future that stands for a task's wakeup: a client's
    /// bridge to a future-like object of the program's, whose done callback
    /// is CPython's `Task.__wakeup`. A task waiting on it steps now, inside
    /// the callback completing it, as `__wakeup` steps it (not a turn of the
    /// loop later); other callbacks are scheduled as `set_result` schedules them.
    ///
    /// # Errors
    /// As [`set_result`](Self::set_result).
    pub fn set_result_stepping(&self, value: T) -> PyResult<()> {
        {
            let mut state = self.0.state.borrow_mut();
            if !matches!(*state, State::Pending) {
                return Err(Exception::invalid_state("invalid state"));
            }
            *state = State::Finished(Ok(value));
        }
        let Callbacks { first, rest } = std::mem::take(&mut *self.0.callbacks.borrow_mut());
        let Some(event_loop) = self.get_loop() else { return Ok(()) };
        for callback in first.into_iter().chain(rest) {
            match callback {
                DoneCallback::Wakeup(task) => task.run_step(),
                other => self.schedule_one(&event_loop, other),
            }
        }
        Ok(())
    }

    pub(crate) fn finish(&self, result: PyResult<T>) -> PyResult<()> {
        {
            let mut state = self.0.state.borrow_mut();
            if !matches!(*state, State::Pending) {
                return Err(Exception::invalid_state("invalid state"));
            }
            self.0.log_tb.set(result.is_err());
            *state = State::Finished(result);
        }
        let callbacks = std::mem::take(&mut *self.0.callbacks.borrow_mut());
        if callbacks.is_empty() {
            return Ok(());
        }
        match self.get_loop() {
            Some(event_loop) if !event_loop.is_closed() => {
                self.schedule_on(&event_loop, callbacks);
                Ok(())
            }
            _ => {
                // `__schedule_callbacks` calls `loop.call_soon`, which raises.
                drop(callbacks);
                Err(Exception::runtime_error("Event loop is closed"))
            }
        }
    }

    /// `fut.cancel(msg)`: for a plain future, mark it cancelled and schedule
    /// its callbacks; for a task's future, `Task.cancel(msg)`. `false` when
    /// already done.
    #[inline(never)]
    pub fn cancel(&self, msg: Option<&str>) -> bool {
        if let Some(task) = self.0.ext.task() {
            return task.cancel_task(&self.0, msg);
        }
        let children = peek(&self.0.cancel_children);
        match children {
            Some(children) => {
                if self.done() {
                    return false;
                }
                children.cancel_children(msg)
            }
            None => self.cancel_future(msg),
        }
    }

    /// Make `cancel()` cancel `children` instead (a gather's outer future).
    pub(crate) fn set_cancel_children(&self, children: Rc<dyn CancelChildren>) {
        self.0.cancel_children.set(Some(children));
    }

    /// `Future.cancel(self, msg)` without the task override.
    pub(crate) fn cancel_future(&self, msg: Option<&str>) -> bool {
        // `self.__log_traceback = False`, done or not.
        self.0.log_tb.set(false);
        {
            let mut state = self.0.state.borrow_mut();
            if !matches!(*state, State::Pending) {
                return false;
            }
            *state = State::Cancelled;
        }
        self.0.set_cancel_message(msg);
        self.schedule_callbacks();
        true
    }

    fn schedule_callbacks(&self) {
        let callbacks = std::mem::take(&mut *self.0.callbacks.borrow_mut());
        if callbacks.is_empty() {
            return;
        }
        let Some(event_loop) = self.get_loop() else { return };
        self.schedule_on(&event_loop, callbacks);
    }

    /// `__schedule_callbacks`: `call_soon` each callback, in order.
    fn schedule_on(&self, event_loop: &EventLoop, callbacks: Callbacks<T>) {
        let Callbacks { first, rest } = callbacks;
        for callback in first.into_iter().chain(rest) {
            self.schedule_one(event_loop, callback);
        }
    }

    fn schedule_one(&self, event_loop: &EventLoop, callback: DoneCallback<T>) {
        match callback {
            DoneCallback::Fn(_, f, _) => {
                let fut = self.clone();
                event_loop.call_soon_internal(Box::new(move || f(&fut)));
            }
            DoneCallback::Wakeup(task) => event_loop.call_soon_step(task),
        }
    }

    /// `fut.add_done_callback(fn)`: `fn(fut)` is scheduled with `call_soon`
    /// when the future is done, or at once (still through `call_soon`) if it
    /// already is.
    pub fn add_done_callback(&self, f: impl FnOnce(&Future<T>) + 'static) -> CallbackId {
        self.add_callback(None, Box::new(f))
    }

    /// [`add_done_callback`](Self::add_done_callback) of a callback a repr
    /// names (`cb=[name]`): a Python function, or asyncio's own.
    pub fn add_named_done_callback(
        &self,
        name: CallbackName,
        f: impl FnOnce(&Future<T>) + 'static,
    ) -> CallbackId {
        self.add_callback(Some(name), Box::new(f))
    }

    fn add_callback(&self, name: Option<CallbackName>, f: FutureCallback<T>) -> CallbackId {
        let id = self.0.next_callback_id.get() + 1;
        self.0.next_callback_id.set(id);
        if self.done() {
            if let Some(event_loop) = self.get_loop() {
                let fut = self.clone();
                event_loop.call_soon_internal(Box::new(move || f(&fut)));
            }
        } else {
            self.0.callbacks.borrow_mut().push(DoneCallback::Fn(id, f, name));
        }
        CallbackId(id)
    }

    /// `fut.remove_done_callback(fn)`: the number of callbacks removed.
    pub fn remove_done_callback(&self, id: CallbackId) -> usize {
        self.0.callbacks.borrow_mut().remove(id.0)
    }

    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &Future<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// This future without its type, for [`AnyFuture`] users.
    pub fn as_any(&self) -> Rc<dyn AnyFuture> {
        self.0.any()
    }

    /// Identity, as `AnyFuture::addr`.
    pub(crate) fn addr(&self) -> *const () {
        Rc::as_ptr(&self.0) as *const ()
    }
}

impl<T: Clone + 'static> FutureCore<T> {
    /// `fut.done()`.
    pub(crate) fn is_done(&self) -> bool {
        !matches!(*self.state.borrow(), State::Pending)
    }
    /// `fut.cancelled()`.
    pub(crate) fn is_cancelled(&self) -> bool {
        matches!(*self.state.borrow(), State::Cancelled)
    }
    /// `_make_cancelled_error()`: the saved `CancelledError` (once), else a
    /// new one carrying the cancel message.
    pub(crate) fn make_cancelled_error(&self) -> Exception {
        cancelled_error(&self.cancelled_exc, &self.cancel_message)
    }
    /// The message given to `cancel(msg)`.
    pub(crate) fn cancel_message(&self) -> Option<String> {
        peek(&self.cancel_message).map(|m| m.to_string())
    }
    pub(crate) fn set_cancel_message(&self, msg: Option<&str>) {
        self.cancel_message.set(msg.map(Rc::from));
    }
    /// This future without its type.
    pub(crate) fn any(&self) -> Rc<dyn AnyFuture> {
        self.this_obj()
    }
    /// The future's reference to itself, upgraded: it always succeeds, since
    /// the caller holds the future.
    pub(crate) fn this_obj(&self) -> Rc<dyn FutureObj> {
        match self.this.upgrade() {
            Some(this) => this,
            None => unreachable!("a future is reached only through a strong reference"),
        }
    }
    /// What a task waiting on it waits for, in words: a task's name, the
    /// label, or `a future`.
    #[inline(never)]
    fn label_text(&self) -> String {
        if let Some(task) = self.ext.task() {
            return task.name_string();
        }
        match peek(&self.label) {
            Some(label) => label.to_string(),
            None => "a future".to_string(),
        }
    }
}

/// A future seen as [`AnyFuture`]: one copy of these thin methods per kind
/// of future (plain, a task's, a sleep's) and result type, each handing over
/// to the one copy per result type below.
impl<T: Clone + 'static, X: Extension<T> + 'static> AnyFuture for FutureCore<T, X> {
    fn done(&self) -> bool {
        !matches!(*self.state.borrow(), State::Pending)
    }
    fn cancelled(&self) -> bool {
        matches!(*self.state.borrow(), State::Cancelled)
    }
    fn cancel_any(self: Rc<Self>, msg: Option<&str>) -> bool {
        Future::<T>(self).cancel(msg)
    }
    fn describe(&self) -> String {
        FutureCore::<T>::describe_any(self)
    }
    fn label(&self) -> String {
        FutureCore::<T>::label_text(self)
    }
    fn add_done_callback_any(&self, f: Box<dyn FnOnce()>) {
        FutureCore::<T>::add_done_callback_boxed(self, None, f);
    }
    fn add_named_done_callback_any(&self, name: CallbackName, f: Box<dyn FnOnce()>) {
        FutureCore::<T>::add_done_callback_boxed(self, Some(name), f);
    }
    fn callback_names(&self) -> Option<Vec<String>> {
        FutureCore::<T>::names_of_callbacks(self)
    }
    fn task_of(&self) -> Option<Rc<dyn AnyTask>> {
        self.this.upgrade().and_then(FutureObj::any_task)
    }
    fn with_outcome(&self, f: &mut dyn FnMut(Result<&dyn std::any::Any, &Exception>)) {
        if let State::Finished(outcome) = &*self.state.borrow() {
            f(outcome.as_ref().map(|v| v as &dyn std::any::Any));
        }
    }
    fn class_name(&self) -> &'static str {
        if self.ext.task().is_some() {
            "Task"
        } else if peek(&self.cancel_children).is_some() {
            "_GatheringFuture"
        } else {
            "Future"
        }
    }
    fn exception_any(&self) -> Option<Exception> {
        FutureCore::<T>::exception_if_failed(self)
    }
    fn make_cancelled_error_any(&self) -> Exception {
        FutureCore::<T>::make_cancelled_error(self)
    }
    fn cancel_message_any(&self) -> Option<String> {
        FutureCore::<T>::cancel_message(self)
    }
    fn add_wakeup(&self, task: Rc<dyn TaskStep>) {
        FutureCore::<T>::add_wakeup_step(self, task);
    }
    fn addr(&self) -> *const () {
        self as *const FutureCore<T, X> as *const ()
    }
    fn loop_addr(&self) -> *const () {
        self.event_loop.as_ptr() as *const ()
    }
}

/// [`AnyFuture`]'s methods, once per result type.
impl<T: Clone + 'static> FutureCore<T> {
    #[inline(never)]
    fn describe_any(&self) -> String {
        // No borrow is held while the function runs.
        let f = peek(&self.label_fn);
        match f {
            Some(f) => f(),
            None => self.label_text(),
        }
    }
    #[inline(never)]
    fn add_done_callback_boxed(&self, name: Option<CallbackName>, f: Box<dyn FnOnce()>) {
        let id = self.next_callback_id.get() + 1;
        self.next_callback_id.set(id);
        if self.is_done() {
            if let Some(event_loop) = LoopInner::upgrade(&self.event_loop) {
                event_loop.call_soon_internal(f);
            }
        } else {
            self.callbacks.borrow_mut().push(DoneCallback::Fn(id, Box::new(move |_: &Future<T>| f()), name));
        }
    }
    /// The exception of a failed future, without retrieving it (what the
    /// trace reports of a finished task).
    #[inline(never)]
    pub(crate) fn failure(&self) -> Option<Exception> {
        match &*self.state.borrow() {
            State::Finished(Err(e)) => Some(e.clone()),
            _ => None,
        }
    }
    #[inline(never)]
    pub(crate) fn exception_if_failed(&self) -> Option<Exception> {
        match &*self.state.borrow() {
            State::Finished(Err(e)) => {
                self.log_tb.set(false);
                Some(e.clone())
            }
            _ => None,
        }
    }
    #[inline(never)]
    fn names_of_callbacks(&self) -> Option<Vec<String>> {
        const WAKEUP: CallbackName = CallbackName::Static("Task.task_wakeup()");
        // Taken out first: a program's callback is named by running its code.
        let names: Option<Vec<CallbackName>> = {
            let callbacks = self.callbacks.borrow();
            let name = |c: &DoneCallback<T>| match c {
                DoneCallback::Fn(_, _, name) => name.clone(),
                DoneCallback::Wakeup(_) => Some(WAKEUP),
            };
            callbacks.first.iter().chain(&callbacks.rest).map(name).collect()
        };
        Some(names?.iter().map(CallbackName::text).collect())
    }

    fn add_wakeup_step(&self, task: Rc<dyn TaskStep>) {
        if self.is_done() {
            if let Some(event_loop) = LoopInner::upgrade(&self.event_loop) {
                event_loop.call_soon_step(task);
            }
        } else {
            self.callbacks.borrow_mut().push(DoneCallback::Wakeup(task));
        }
    }
}

impl<T: Clone + 'static> fmt::Debug for Future<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match &*self.0.state.borrow() {
            State::Pending => "pending",
            State::Finished(Ok(_)) => "finished",
            State::Finished(Err(_)) => "finished (exception)",
            State::Cancelled => "cancelled",
        };
        write!(f, "<Future {state}>")
    }
}

/// `await fut`: yields the future to the task until it is done, then returns
/// its result.
pub struct FutureAwait<T> {
    fut: Future<T>,
    yielded: bool,
}

impl<T: Clone + 'static> std::future::Future for FutureAwait<T> {
    type Output = PyResult<T>;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult<T>> {
        if self.yielded {
            // Resumed by the task: a pending throw (cancellation) wins.
            if let Some(exc) = step_ctx::take_throw() {
                return Poll::Ready(Err(exc));
            }
        }
        if self.fut.done() {
            return Poll::Ready(self.fut.result());
        }
        if self.yielded {
            // `await wasn't used with future`: stepped again while pending.
            return Poll::Ready(Err(Exception::runtime_error("await wasn't used with future")));
        }
        self.yielded = true;
        step_ctx::set_yield(Yield::Future(self.fut.as_any()));
        Poll::Pending
    }
}

impl<T: Clone + 'static> std::future::IntoFuture for Future<T> {
    type Output = PyResult<T>;
    type IntoFuture = FutureAwait<T>;
    fn into_future(self) -> FutureAwait<T> {
        FutureAwait { fut: self, yielded: false }
    }
}

impl<T: Clone + 'static> std::future::IntoFuture for &Future<T> {
    type Output = PyResult<T>;
    type IntoFuture = FutureAwait<T>;
    fn into_future(self) -> FutureAwait<T> {
        FutureAwait { fut: self.clone(), yielded: false }
    }
}
