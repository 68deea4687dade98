//! The event loop: CPython's `BaseEventLoop` scheduling, step for step.
//!
//! # Implementation details
//! `_run_once` is mirrored exactly, because the order in which things print
//! depends on it:
//! 1. compact cancelled timers (all of them when over 100 are scheduled and
//!    over half are cancelled, otherwise only those at the top of the heap);
//! 2. compute the select timeout: `0` when something is ready or the loop is
//!    stopping, the time to the earliest timer (at most a day) otherwise, and
//!    *none* when nothing is scheduled at all, which on a virtual clock is a
//!    deadlock;
//! 3. let the clock "select" (a virtual clock jumps forward);
//! 4. move every timer with `when < time() + clock_resolution` to the ready
//!    queue, popping the heap with `heapq`'s algorithm (equal deadlines pop in
//!    heap order, not FIFO);
//! 5. run exactly the handles that were ready when step 4 ended; callbacks
//!    they schedule wait for the next iteration.
//!
//! The iteration is split in two, `prepare_iteration` (steps 1-2) and
//! `finish_iteration` (4-5), so that a driver can wait as it sees fit in
//! between; drivers do that through a [`Session`](crate::Session).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::rc::{Rc, Weak};

use crate::clock::{Clock, VirtualClock, CLOCK_RESOLUTION, MAXIMUM_SELECT_TIMEOUT};
use crate::exception::{Exception, PyResult};
use crate::future::Future;
use crate::heapq;
use crate::task::{AnyTask, Task, TaskStep};
use crate::trace::{TraceEvent, Tracer};
use crate::workers::WorkerBackend;

/// `_MIN_SCHEDULED_TIMER_HANDLES` and `_MIN_CANCELLED_TIMER_HANDLES_FRACTION`.
const MIN_SCHEDULED_TIMER_HANDLES: usize = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION: f64 = 0.5;

/// A callback scheduled with `call_soon`, `call_later` or `call_at`.
///
/// Cloning gives another reference to the same handle; [`Handle::cancel`]
/// stops the callback from running if it has not run yet.
#[derive(Clone)]
pub struct Handle(Rc<HandleInner>);

struct HandleInner {
    cancelled: Cell<bool>,
    callback: Cell<Option<Box<dyn FnOnce()>>>,
    /// For timer handles: the deadline, and whether the handle is in the heap.
    when: f64,
    timer: bool,
    scheduled: Cell<bool>,
    event_loop: Weak<LoopInner>,
}

/// The loop's running state, entered by [`EventLoop::enter_running`] and
/// left (the `finally` of `run_forever`) when this guard is dropped.
#[must_use = "the loop leaves its running state when this is dropped"]
pub struct Running(EventLoop);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.exit_running();
    }
}

/// An outside callback (a worker's result) the loop waits for instead of
/// reporting a deadlock, until this guard is dropped.
pub(crate) struct ExternalCall(EventLoop);

impl Drop for ExternalCall {
    fn drop(&mut self) {
        let pending = &self.0 .0.external_pending;
        pending.set(pending.get().saturating_sub(1));
    }
}

/// A handle returned by `call_later` / `call_at` (`asyncio.TimerHandle`).
pub type TimerHandle = Handle;

impl Handle {
    /// `Handle.cancel()`: the callback will not run. For a timer still in the
    /// heap, the loop counts it for compaction (`_timer_handle_cancelled`).
    pub fn cancel(&self) {
        let inner = &self.0;
        if inner.cancelled.get() {
            return;
        }
        if inner.timer && inner.scheduled.get() {
            if let Some(lp) = inner.event_loop.upgrade() {
                lp.timer_cancelled_count.set(lp.timer_cancelled_count.get() + 1);
            }
        }
        inner.cancelled.set(true);
        // Drop the callback now, as CPython sets `_callback = None`.
        drop(inner.callback.take());
    }
    /// `handle.cancelled()`.
    pub fn cancelled(&self) -> bool {
        self.0.cancelled.get()
    }
    /// `TimerHandle.when()`: the deadline in loop time (0.0 for plain handles).
    pub fn when(&self) -> f64 {
        self.0.when
    }
    fn run(&self) {
        if let Some(callback) = self.0.callback.take() {
            callback();
        }
    }
}

/// A timer in the loop's heap: a [`TimerHandle`], or something that keeps
/// its timer state itself (a sleep's future, which is then its own timer
/// and needs no handle or boxed callback).
pub(crate) trait Timer {
    /// `TimerHandle.when()`.
    fn when(&self) -> f64;
    /// `handle.cancelled()`.
    fn cancelled(&self) -> bool;
    /// Whether the timer is in the heap (`_scheduled`).
    fn set_scheduled(&self, scheduled: bool);
    /// Run the callback (once; nothing when cancelled).
    fn fire(self: Rc<Self>);
}

impl Timer for HandleInner {
    fn when(&self) -> f64 {
        self.when
    }
    fn cancelled(&self) -> bool {
        self.cancelled.get()
    }
    fn set_scheduled(&self, scheduled: bool) {
        self.scheduled.set(scheduled);
    }
    fn fire(self: Rc<Self>) {
        if let Some(callback) = self.callback.take() {
            callback();
        }
    }
}

impl fmt::Debug for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.0.timer { "TimerHandle" } else { "Handle" };
        write!(f, "<{kind} when={} cancelled={}>", self.0.when, self.0.cancelled.get())
    }
}

/// How many scheduling operations (`create_task`, `call_soon`, `call_later`,
/// `call_at`, printed lines) one task step may do before it counts as a
/// runaway: a coroutine that loops without ever awaiting. The busiest step of
/// the catalogue does about a thousand.
pub const STEP_OPERATION_BUDGET: u64 = 100_000;

/// What a pushed value does (see [`EventLoop::set_inbox`]).
type InboxHandler = Rc<dyn Fn(&str) -> PyResult<()>>;

/// Where printed trace lines go.
type OutputSink = Box<dyn FnMut(&str)>;

/// An entry of the ready queue. Task steps are scheduled without a boxed
/// callback: they are the loop's hottest path and nobody can cancel them.
pub(crate) enum Ready {
    Handle(Handle),
    /// A timer that came due.
    Timer(Rc<dyn Timer>),
    Step(Rc<dyn TaskStep>),
}

pub(crate) struct LoopInner {
    ready: RefCell<VecDeque<Ready>>,
    /// The timer heap. Each entry carries its deadline inline, so the heap's
    /// comparisons read contiguous memory rather than every handle.
    scheduled: RefCell<Vec<TimerEntry>>,
    timer_cancelled_count: Cell<usize>,
    clock: RefCell<Box<dyn Clock>>,
    stopping: Cell<bool>,
    running: Cell<bool>,
    closed: Cell<bool>,
    /// `itertools.count(1)` behind the default names `Task-1`, `Task-2`, ...
    task_name_counter: Cell<u64>,
    next_task_id: Cell<u64>,
    /// Every task not yet done, by creation id (`asyncio.all_tasks`).
    tasks: RefCell<Vec<Weak<dyn AnyTask>>>,
    /// How many of `tasks` are not done; the list is compacted when it holds
    /// more than twice that (amortised O(1) per task).
    live_tasks: Cell<usize>,
    /// Callbacks pushed from outside the loop thread's normal flow
    /// (`call_soon_threadsafe` from a worker) that are still expected; while
    /// non-zero, an empty schedule is not a deadlock.
    external_pending: Cell<usize>,
    /// A `KeyboardInterrupt` / `SystemExit` raised by a task step: it leaves
    /// the loop at once (the rest of the iteration stays in the ready queue).
    raised: RefCell<Option<Exception>>,
    /// Scheduling operations done by the running step (see
    /// [`STEP_OPERATION_BUDGET`]).
    step_ops: Cell<u64>,
    in_step: Cell<bool>,
    /// Set when a step went over its budget: the `RuntimeError` every
    /// fallible operation of that step now raises, naming the task.
    runaway: RefCell<Option<Exception>>,
    tracer: RefCell<Option<Box<dyn Tracer>>>,
    tracing: Cell<bool>,
    /// Real workers for executor jobs (the page's Web Workers in real mode);
    /// without one, executors are the virtual pool.
    workers: RefCell<Option<Rc<dyn WorkerBackend>>>,
    /// What a value pushed from outside the loop does (see
    /// [`EventLoop::set_inbox`]).
    inbox: RefCell<Option<InboxHandler>>,
    output: RefCell<Option<OutputSink>>,
}

/// A single-threaded asyncio event loop. Cloning gives another reference to
/// the same loop.
#[derive(Clone)]
pub struct EventLoop(pub(crate) Rc<LoopInner>);

thread_local! {
    static RUNNING_LOOP: RefCell<Option<EventLoop>> = const { RefCell::new(None) };
}

/// `asyncio.get_running_loop()`.
///
/// # Errors
/// `RuntimeError: no running event loop` outside a running loop.
pub fn get_running_loop() -> PyResult<EventLoop> {
    RUNNING_LOOP.with(|r| r.borrow().clone()).ok_or_else(|| Exception::runtime_error("no running event loop"))
}

/// The running loop when it has a tracer: the `tracing()` test of the trace
/// idiom for code that has no loop at hand (primitives). Without a tracer it
/// reads the thread-local and clones nothing.
pub(crate) fn tracing_running_loop() -> Option<EventLoop> {
    RUNNING_LOOP.with(|r| r.borrow().as_ref().filter(|lp| lp.tracing()).cloned())
}

impl Default for EventLoop {
    fn default() -> Self {
        EventLoop::new()
    }
}

impl EventLoop {
    /// A new loop on a fresh [`VirtualClock`] at `0.0`.
    pub fn new() -> EventLoop {
        EventLoop::with_clock(Box::new(VirtualClock::new()))
    }

    /// A new loop reading time from `clock`.
    pub fn with_clock(clock: Box<dyn Clock>) -> EventLoop {
        EventLoop(Rc::new(LoopInner {
            ready: RefCell::new(VecDeque::new()),
            scheduled: RefCell::new(Vec::new()),
            timer_cancelled_count: Cell::new(0),
            clock: RefCell::new(clock),
            stopping: Cell::new(false),
            running: Cell::new(false),
            closed: Cell::new(false),
            task_name_counter: Cell::new(0),
            next_task_id: Cell::new(0),
            tasks: RefCell::new(Vec::new()),
            live_tasks: Cell::new(0),
            external_pending: Cell::new(0),
            raised: RefCell::new(None),
            step_ops: Cell::new(0),
            in_step: Cell::new(false),
            runaway: RefCell::new(None),
            tracer: RefCell::new(None),
            tracing: Cell::new(false),
            workers: RefCell::new(None),
            inbox: RefCell::new(None),
            output: RefCell::new(None),
        }))
    }

    pub(crate) fn from_inner(inner: Rc<LoopInner>) -> EventLoop {
        EventLoop(inner)
    }
    pub(crate) fn downgrade(&self) -> Weak<LoopInner> {
        Rc::downgrade(&self.0)
    }
    pub(crate) fn addr(&self) -> *const () {
        Rc::as_ptr(&self.0) as *const ()
    }

    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &EventLoop) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    // ----- time -----

    /// `loop.time()`.
    pub fn time(&self) -> f64 {
        self.0.clock.borrow().time()
    }

    /// `time.sleep(d)` on the loop thread: the clock jumps by `d` and nothing
    /// else runs meanwhile.
    pub fn blocking_sleep(&self, d: f64) {
        self.0.clock.borrow_mut().blocking_sleep(d);
    }

    // ----- scheduling -----

    fn check_closed(&self) -> PyResult<()> {
        if self.0.closed.get() {
            return Err(Exception::runtime_error("Event loop is closed"));
        }
        self.count_operation()
    }

    /// Count one scheduling operation of the running task step. Past
    /// [`STEP_OPERATION_BUDGET`] the step is a runaway: the operation raises
    /// `RuntimeError` naming the task (like tokio-console's "task has not
    /// yielded"), and so does every later one in that step.
    fn count_operation(&self) -> PyResult<()> {
        if !self.0.in_step.get() {
            return Ok(()); // callbacks and drivers are not task steps
        }
        if let Some(exc) = &*self.0.runaway.borrow() {
            return Err(exc.clone());
        }
        let ops = self.0.step_ops.get() + 1;
        self.0.step_ops.set(ops);
        if ops > STEP_OPERATION_BUDGET {
            if let Some(task) = crate::task::current_task() {
                let exc = Exception::runaway(format!(
                    "runaway: {} did {STEP_OPERATION_BUDGET} operations in one step without awaiting \
                         (task has not yielded)",
                    task.name()
                ));
                *self.0.runaway.borrow_mut() = Some(exc.clone());
                return Err(exc);
            }
        }
        Ok(())
    }

    /// A task step begins: its operation count starts at zero.
    pub(crate) fn begin_step(&self) {
        self.0.step_ops.set(0);
        self.0.in_step.set(true);
    }

    /// The task step ended.
    pub(crate) fn end_step(&self) {
        self.0.in_step.set(false);
    }

    /// The runaway error, once a step went over its budget.
    pub(crate) fn runaway(&self) -> Option<Exception> {
        self.0.runaway.borrow().clone()
    }

    /// The names of the tasks whose steps are in the ready queue.
    pub(crate) fn ready_task_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .0
            .ready
            .borrow()
            .iter()
            .filter_map(|r| match r {
                Ready::Step(step) => Some(step.task_name()),
                Ready::Handle(_) | Ready::Timer(_) => None,
            })
            .collect();
        names.dedup();
        names
    }

    /// `loop.call_soon(callback)`: run `callback` in a later iteration, after
    /// everything already ready (FIFO).
    ///
    /// # Errors
    /// `RuntimeError: Event loop is closed`.
    pub fn call_soon(&self, callback: impl FnOnce() + 'static) -> PyResult<Handle> {
        self.check_closed()?;
        Ok(self.call_soon_internal(Box::new(callback)))
    }

    /// `loop.call_soon_threadsafe(callback)`. The loop is single-threaded;
    /// this is how results from workers enter it, and it behaves as
    /// `call_soon` (CPython also writes to the self-pipe, which changes no
    /// order on a virtual clock).
    pub fn call_soon_threadsafe(&self, callback: impl FnOnce() + 'static) -> PyResult<Handle> {
        self.call_soon(callback)
    }

    pub(crate) fn call_soon_internal(&self, callback: Box<dyn FnOnce()>) -> Handle {
        let handle = Handle(Rc::new(HandleInner {
            cancelled: Cell::new(false),
            callback: Cell::new(Some(callback)),
            when: 0.0,
            timer: false,
            scheduled: Cell::new(false),
            event_loop: Weak::new(),
        }));
        if !self.0.closed.get() {
            self.0.ready.borrow_mut().push_back(Ready::Handle(handle.clone()));
        }
        handle
    }

    /// Schedule a task step (the `call_soon(self.__step)` of `Task`).
    pub(crate) fn call_soon_step(&self, step: Rc<dyn TaskStep>) {
        if !self.0.closed.get() {
            self.0.ready.borrow_mut().push_back(Ready::Step(step));
        }
    }

    /// `loop.call_later(delay, callback)`: `call_at(time() + delay)`.
    ///
    /// # Errors
    /// `RuntimeError: Event loop is closed`.
    pub fn call_later(&self, delay: f64, callback: impl FnOnce() + 'static) -> PyResult<TimerHandle> {
        self.call_at(self.time() + delay, callback)
    }

    /// `loop.call_at(when, callback)`: push a timer handle on the heap.
    ///
    /// # Errors
    /// `RuntimeError: Event loop is closed`.
    pub fn call_at(&self, when: f64, callback: impl FnOnce() + 'static) -> PyResult<TimerHandle> {
        self.check_closed()?;
        Ok(self.call_at_internal(when, Box::new(callback)))
    }

    pub(crate) fn call_at_internal(&self, when: f64, callback: Box<dyn FnOnce()>) -> TimerHandle {
        let handle = Handle(Rc::new(HandleInner {
            cancelled: Cell::new(false),
            callback: Cell::new(Some(callback)),
            when,
            timer: true,
            scheduled: Cell::new(true),
            event_loop: Rc::downgrade(&self.0),
        }));
        if self.0.closed.get() {
            handle.0.scheduled.set(false);
            return handle;
        }
        self.push_timer(when, handle.0.clone());
        handle
    }

    /// Push a timer on the heap (the `heappush` of `call_at`), on a loop that
    /// is not closed.
    pub(crate) fn push_timer(&self, when: f64, timer: Rc<dyn Timer>) {
        heapq::heappush(&mut self.0.scheduled.borrow_mut(), TimerEntry { when, timer }, timer_lt);
        if self.tracing() {
            self.emit(&TraceEvent::TimerScheduled { when });
        }
    }

    /// `_timer_handle_cancelled`: a timer still in the heap was cancelled.
    pub(crate) fn timer_cancelled(&self) {
        self.0.timer_cancelled_count.set(self.0.timer_cancelled_count.get() + 1);
    }

    /// `loop.call_at`'s checks (a closed loop, the step's operation budget),
    /// for timers that are not handles.
    pub(crate) fn check_schedule(&self) -> PyResult<()> {
        self.check_closed()
    }

    /// `loop.create_future()`.
    pub fn create_future<T: Clone + 'static>(&self) -> Future<T> {
        Future::new(self)
    }

    /// `loop.create_task(coro)`: wrap a coroutine in a [`Task`] named
    /// `Task-N`, whose first step is scheduled with `call_soon`.
    ///
    /// # Errors
    /// `RuntimeError: Event loop is closed`.
    pub fn create_task<T, F>(&self, coro: F) -> PyResult<Task<T>>
    where
        T: Clone + 'static,
        F: std::future::Future<Output = PyResult<T>> + 'static,
    {
        self.check_closed()?;
        Ok(Task::spawn(self, coro, None))
    }

    /// `loop.create_task(coro, name=name)`.
    ///
    /// # Errors
    /// `RuntimeError: Event loop is closed`.
    pub fn create_named_task<T, F>(&self, coro: F, name: &str) -> PyResult<Task<T>>
    where
        T: Clone + 'static,
        F: std::future::Future<Output = PyResult<T>> + 'static,
    {
        self.check_closed()?;
        Ok(Task::spawn(self, coro, Some(name.to_string())))
    }

    /// The last number given to a `Task-N` name on this loop.
    pub fn task_name_counter(&self) -> u64 {
        self.0.task_name_counter.get()
    }

    /// Carries `Task-N` numbering on from another loop (CPython's counter is
    /// global to the interpreter, not per loop).
    pub fn set_task_name_counter(&self, n: u64) {
        self.0.task_name_counter.set(n);
    }

    /// The next number of `itertools.count(1)` behind `Task-N`.
    pub(crate) fn next_task_number(&self) -> u64 {
        let n = self.0.task_name_counter.get() + 1;
        self.0.task_name_counter.set(n);
        n
    }

    pub(crate) fn register_task(&self, task: Weak<dyn AnyTask>) -> u64 {
        let id = self.0.next_task_id.get() + 1;
        self.0.next_task_id.set(id);
        let live = self.0.live_tasks.get() + 1;
        self.0.live_tasks.set(live);
        let mut tasks = self.0.tasks.borrow_mut();
        if tasks.len() > 2 * live + 64 {
            tasks.retain(|t| t.upgrade().is_some_and(|t| !t.is_done()));
        }
        tasks.push(task);
        id
    }

    pub(crate) fn unregister_task(&self, _id: u64) {
        self.0.live_tasks.set(self.0.live_tasks.get().saturating_sub(1));
    }

    /// `asyncio.all_tasks(loop)`: the tasks not yet done, in creation order.
    pub fn all_tasks(&self) -> Vec<Rc<dyn AnyTask>> {
        let tasks: Vec<Rc<dyn AnyTask>> = self.0.tasks.borrow().iter().filter_map(Weak::upgrade).collect();
        tasks.into_iter().filter(|t| !t.is_done()).collect()
    }

    // ----- running -----

    /// `loop.is_running()`.
    pub fn is_running(&self) -> bool {
        self.0.running.get()
    }
    /// `loop.is_closed()`.
    pub fn is_closed(&self) -> bool {
        self.0.closed.get()
    }
    /// `loop.stop()`: finish the current iteration, then return from
    /// `run_forever`. Every callback already scheduled will still run.
    pub fn stop(&self) {
        self.0.stopping.set(true);
    }

    /// `loop.close()`: clear the queues.
    ///
    /// # Errors
    /// `RuntimeError: Cannot close a running event loop`.
    pub fn close(&self) -> PyResult<()> {
        if self.is_running() {
            return Err(Exception::runtime_error("Cannot close a running event loop"));
        }
        if self.0.closed.get() {
            return Ok(());
        }
        self.0.closed.set(true);
        // Take the queues out before dropping them: dropping a callback may
        // drop a task, which must not find the queues borrowed.
        let ready = std::mem::take(&mut *self.0.ready.borrow_mut());
        let scheduled = std::mem::take(&mut *self.0.scheduled.borrow_mut());
        drop(ready);
        drop(scheduled);
        Ok(())
    }

    fn check_running(&self) -> PyResult<()> {
        if self.is_running() {
            return Err(Exception::runtime_error("This event loop is already running"));
        }
        if RUNNING_LOOP.with(|r| r.borrow().is_some()) {
            return Err(Exception::runtime_error("Cannot run the event loop while another loop is running"));
        }
        Ok(())
    }

    /// Mark the loop running (what `run_forever` does before its first
    /// iteration) until the returned [`Running`] guard is dropped. A
    /// [`Session`](crate::Session) holds one while it runs; tests that need a
    /// running loop without iterating it hold one too.
    ///
    /// # Errors
    /// As `run_forever`: a closed loop, a running loop, another running loop.
    pub fn enter_running(&self) -> PyResult<Running> {
        self.check_closed()?;
        self.check_running()?;
        self.0.running.set(true);
        RUNNING_LOOP.with(|r| *r.borrow_mut() = Some(self.clone()));
        Ok(Running(self.clone()))
    }

    /// The `finally` of `run_forever` (what dropping [`Running`] does).
    fn exit_running(&self) {
        self.0.stopping.set(false);
        self.0.running.set(false);
        RUNNING_LOOP.with(|r| *r.borrow_mut() = None);
    }

    /// True when `stop()` was called and the loop should leave `run_forever`
    /// after this iteration.
    pub(crate) fn is_stopping(&self) -> bool {
        self.0.stopping.get()
    }

    /// A `KeyboardInterrupt` or `SystemExit` that a task step raised out of
    /// the loop during the last iteration.
    pub(crate) fn take_raised(&self) -> Option<Exception> {
        self.0.raised.borrow_mut().take()
    }

    /// A task step raised an exception that leaves the loop (`raise` after
    /// `set_exception` in `Task.__step`).
    pub(crate) fn raise_out(&self, exc: Exception) {
        *self.0.raised.borrow_mut() = Some(exc);
    }

    /// First half of `_run_once`: compact cancelled timers and return the
    /// select timeout, `None` when nothing is ready or scheduled.
    pub(crate) fn prepare_iteration(&self) -> Option<f64> {
        let inner = &*self.0;
        {
            let mut scheduled = inner.scheduled.borrow_mut();
            let sched_count = scheduled.len();
            if sched_count > MIN_SCHEDULED_TIMER_HANDLES
                && inner.timer_cancelled_count.get() as f64 / sched_count as f64
                    > MIN_CANCELLED_TIMER_HANDLES_FRACTION
            {
                let mut kept = Vec::with_capacity(sched_count);
                for entry in scheduled.drain(..) {
                    if entry.timer.cancelled() {
                        entry.timer.set_scheduled(false);
                    } else {
                        kept.push(entry);
                    }
                }
                heapq::heapify(&mut kept, timer_lt);
                *scheduled = kept;
                inner.timer_cancelled_count.set(0);
            } else {
                while scheduled.first().is_some_and(|e| e.timer.cancelled()) {
                    inner.timer_cancelled_count.set(inner.timer_cancelled_count.get().saturating_sub(1));
                    if let Some(entry) = heapq::heappop(&mut scheduled, timer_lt) {
                        entry.timer.set_scheduled(false);
                    }
                }
            }
        }
        if !inner.ready.borrow().is_empty() || inner.stopping.get() {
            Some(0.0)
        } else if let Some(first) = inner.scheduled.borrow().first() {
            let timeout = first.when - self.time();
            Some(timeout.clamp(0.0, MAXIMUM_SELECT_TIMEOUT))
        } else {
            // Nothing scheduled: a deadlock, unless something outside will
            // call back (`expects_external`), which a driver waits for.
            None
        }
    }

    /// True when an empty schedule only means "wait for an outside callback".
    pub(crate) fn expects_external(&self) -> bool {
        self.0.external_pending.get() > 0
    }

    /// Count one outside callback (a worker's result) as expected until the
    /// returned guard is dropped (it arrived, or will never come).
    pub(crate) fn expect_external(&self) -> ExternalCall {
        self.0.external_pending.set(self.0.external_pending.get() + 1);
        ExternalCall(self.clone())
    }

    /// Advance the loop's clock as `select(timeout)` would.
    pub(crate) fn select(&self, timeout: f64) {
        self.0.clock.borrow_mut().select(timeout);
    }

    /// Second half of `_run_once`: move due timers to the ready queue, then run
    /// exactly the handles ready at that point.
    ///
    /// Returns the loop time the iteration ran at (read once, at its start).
    pub(crate) fn finish_iteration(&self) -> f64 {
        let inner = &*self.0;
        let now = self.time();
        let end_time = now + CLOCK_RESOLUTION;
        {
            let mut scheduled = inner.scheduled.borrow_mut();
            let mut ready = inner.ready.borrow_mut();
            while scheduled.first().is_some_and(|e| e.when < end_time) {
                if let Some(TimerEntry { timer, .. }) = heapq::heappop(&mut scheduled, timer_lt) {
                    timer.set_scheduled(false);
                    ready.push_back(Ready::Timer(timer));
                }
            }
        }
        let ntodo = inner.ready.borrow().len();
        for _ in 0..ntodo {
            let next = inner.ready.borrow_mut().pop_front();
            match next {
                Some(Ready::Handle(handle)) => {
                    if !handle.cancelled() {
                        handle.run();
                    }
                }
                Some(Ready::Timer(timer)) => {
                    if !timer.cancelled() {
                        if self.tracing() {
                            self.emit(&TraceEvent::TimerFired { when: timer.when() });
                        }
                        timer.fire();
                    }
                }
                Some(Ready::Step(step)) => step.run_step(),
                None => break,
            }
            // What the callback freed reports now, before the next one runs.
            crate::finalize::run_finalizers();
            if self.0.raised.borrow().is_some() {
                break;
            }
        }
        now
    }

    introspection! {
        /// Number of handles in the ready queue.
        fn ready_len(&self) -> usize {
            self.0.ready.borrow().len()
        }
        /// Number of timers in the heap (cancelled ones included, as `len(_scheduled)`).
        fn scheduled_len(&self) -> usize {
            self.0.scheduled.borrow().len()
        }
        /// `_timer_cancelled_count`.
        fn timer_cancelled_count(&self) -> usize {
            self.0.timer_cancelled_count.get()
        }
        /// The earliest deadline in the heap, if any.
        fn next_deadline(&self) -> Option<f64> {
            self.0.scheduled.borrow().first().map(|e| e.when)
        }

        /// `loop._run_once()`: one iteration (compact the timers and compute the
        /// select timeout, a virtual select, run what is due), for CPython's
        /// tests that call it. Drivers iterate a [`Session`](crate::Session).
        ///
        /// # Errors
        /// `Deadlock` when nothing is ready or scheduled; a `KeyboardInterrupt`
        /// or `SystemExit` that a task step raised.
        fn run_once(&self) -> PyResult<()> {
            let timeout = self.prepare_iteration().ok_or_else(|| self.deadlock())?;
            self.select(timeout);
            let _ = self.finish_iteration();
            self.take_raised().map_or(Ok(()), Err)
        }

        /// What each waiting task waits on, for error messages: `name: label`,
        /// with the task holding a lock a task waits for (`Task-2: Lock lock
        /// (held by Task-1)`). Holders are looked up only here.
        fn describe_waiting(&self) -> Vec<String> {
            self.all_tasks().iter().map(|t| format!("{}: {}", t.name(), t.waiting_on())).collect()
        }
    }

    /// The oracle's deadlock error:
    /// `deadlock: nothing is scheduled and N task(s) wait forever: names`,
    /// the names sorted as strings.
    pub(crate) fn deadlock(&self) -> Exception {
        let mut names: Vec<String> = self.all_tasks().iter().map(|t| t.name()).collect();
        names.sort();
        Exception::deadlock(format!(
            "deadlock: nothing is scheduled and {} task(s) wait forever: {}",
            names.len(),
            names.join(", ")
        ))
    }

    // ----- output and tracing -----

    /// Send printed lines to `sink` (one call per trace line, without newline).
    pub fn set_output(&self, sink: impl FnMut(&str) + 'static) {
        *self.0.output.borrow_mut() = Some(Box::new(sink));
    }

    /// `vclock.log(text)`: print `[%9.3f] text` at the loop's time.
    pub fn log(&self, text: &str) {
        if self.count_operation().is_err() {
            return; // a runaway step prints no more
        }
        let line = format!("[{}] {}", crate::pyfmt::format_time(self.time()), text);
        if self.tracing() {
            self.emit(&TraceEvent::Print { line: &line });
        }
        // The sink is taken out while it runs, so no borrow is held across
        // it (a line it prints itself is dropped); a sink it sets wins.
        let taken = self.0.output.borrow_mut().take();
        if let Some(mut sink) = taken {
            sink(&line);
            self.0.output.borrow_mut().get_or_insert(sink);
        }
    }

    /// Run executor jobs on real workers from now on (real mode).
    pub fn set_workers(&self, workers: Rc<dyn WorkerBackend>) {
        *self.0.workers.borrow_mut() = Some(workers);
    }

    /// The real workers, when executors use them.
    pub fn workers(&self) -> Option<Rc<dyn WorkerBackend>> {
        self.0.workers.borrow().clone()
    }

    /// Let the world outside the loop push values in (a scenario's consumer
    /// thread, a redis list): `handler` runs on the loop, in a callback
    /// scheduled by [`EventLoop::push`].
    pub fn set_inbox(&self, handler: impl Fn(&str) -> PyResult<()> + 'static) {
        *self.0.inbox.borrow_mut() = Some(Rc::new(handler));
    }

    /// True when the running scenario takes pushed values.
    pub fn has_inbox(&self) -> bool {
        self.0.inbox.borrow().is_some()
    }

    /// Push `value` in from outside, as another thread would with
    /// `call_soon_threadsafe`: the inbox handler runs in the loop's next
    /// iteration. An error the handler returns is printed as a line.
    ///
    /// # Errors
    /// A message when the loop takes no pushes or is closed.
    pub fn push(&self, value: &str) -> Result<(), String> {
        let Some(handler) = self.0.inbox.borrow().clone() else {
            return Err("this scenario does not take pushed values".to_string());
        };
        if self.0.closed.get() {
            return Err("the run is over".to_string());
        }
        let value = value.to_string();
        let lp = self.clone();
        self.call_soon_threadsafe(move || {
            if let Err(exc) = handler(&value) {
                lp.log(&format!("pushed {value:?} was refused: {exc}"));
            }
        })
        .map(|_| ())
        .map_err(|exc| exc.to_string())
    }

    /// Listen to trace events. Without a tracer, tracing costs one flag test.
    pub fn set_tracer(&self, tracer: Box<dyn Tracer>) {
        *self.0.tracer.borrow_mut() = Some(tracer);
        self.0.tracing.set(true);
    }
    /// Stop listening and return the tracer.
    pub fn take_tracer(&self) -> Option<Box<dyn Tracer>> {
        self.0.tracing.set(false);
        self.0.tracer.borrow_mut().take()
    }
    /// True while a tracer listens: the test that guards every emission
    /// (`if lp.tracing() { lp.emit(&TraceEvent::...) }`, see [`crate::trace`]).
    #[inline]
    pub fn tracing(&self) -> bool {
        self.0.tracing.get()
    }
    /// Send one event to the tracer; nothing without one. Callers build the
    /// event inside `if self.tracing()` (the idiom of [`crate::trace`]).
    pub fn emit(&self, event: &TraceEvent<'_>) {
        if self.0.tracing.get() {
            let time = self.time();
            // Taken out while it runs, as the output sink is: an event the
            // tracer causes itself is dropped.
            let taken = self.0.tracer.borrow_mut().take();
            if let Some(mut tracer) = taken {
                tracer.event(time, event);
                if !tracer.listening() {
                    self.0.tracing.set(false);
                } else if self.0.tracing.get() {
                    self.0.tracer.borrow_mut().get_or_insert(tracer);
                }
            }
        }
    }
}

impl LoopInner {
    pub(crate) fn upgrade(weak: &Weak<LoopInner>) -> Option<EventLoop> {
        weak.upgrade().map(EventLoop::from_inner)
    }
}

/// `KeyboardInterrupt` and `SystemExit`: exceptions that leave the loop.
pub(crate) fn is_exit_exception(exc: &Exception) -> bool {
    exc.is("KeyboardInterrupt") || exc.is("SystemExit")
}

/// A timer in the heap: its deadline and the timer.
struct TimerEntry {
    when: f64,
    timer: Rc<dyn Timer>,
}

/// `TimerHandle.__lt__`: deadlines alone.
fn timer_lt(a: &TimerEntry, b: &TimerEntry) -> bool {
    a.when < b.when
}
