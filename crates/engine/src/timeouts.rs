//! `asyncio.timeout` and `asyncio.timeout_at` (3.11's `timeouts.py`).

use std::cell::{Cell, RefCell};
use std::future::Future as StdFuture;
use std::rc::Rc;

use crate::event_loop::{get_running_loop, Handle};
use crate::exception::{Exception, PyResult};
use crate::task::{current_task, AnyTask};

/// `timeouts._State`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeoutState {
    /// Made, not entered yet.
    Created,
    /// Inside the `async with`: the deadline is armed.
    Entered,
    /// The deadline passed and the task was cancelled; `__aexit__` will
    /// turn the cancellation into `TimeoutError`.
    Expiring,
    /// Left with `TimeoutError`.
    Expired,
    /// Left before the deadline.
    Exited,
}

impl TimeoutState {
    /// The state's name in `Timeout.__repr__` (`_State.value`): `active` for `Entered`.
    pub fn value(self) -> &'static str {
        match self {
            TimeoutState::Created => "created",
            TimeoutState::Entered => "active",
            TimeoutState::Expiring => "expiring",
            TimeoutState::Expired => "expired",
            TimeoutState::Exited => "finished",
        }
    }
}

struct TimeoutInner {
    state: Cell<TimeoutState>,
    handler: RefCell<Option<Handle>>,
    task: RefCell<Option<Rc<dyn AnyTask>>>,
    when: Cell<Option<f64>>,
    cancelling: Cell<u32>,
}

/// An `asyncio.Timeout` context manager. Use [`timeout`]/[`timeout_at`] to
/// make one, then [`Timeout::run`] for the `async with` block (or
/// [`Timeout::enter`] / [`Timeout::exit`] by hand).
#[derive(Clone)]
pub struct Timeout(Rc<TimeoutInner>);

/// `asyncio.timeout(delay)`: a deadline `delay` seconds from now (`None`:
/// never).
///
/// # Errors
/// `RuntimeError: no running event loop`.
pub fn timeout(delay: Option<f64>) -> PyResult<Timeout> {
    let event_loop = get_running_loop()?;
    Ok(Timeout::new(delay.map(|d| event_loop.time() + d)))
}

/// `asyncio.timeout_at(when)`: a deadline in loop time.
pub fn timeout_at(when: Option<f64>) -> Timeout {
    Timeout::new(when)
}

impl Timeout {
    fn new(when: Option<f64>) -> Timeout {
        Timeout(Rc::new(TimeoutInner {
            state: Cell::new(TimeoutState::Created),
            handler: RefCell::new(None),
            task: RefCell::new(None),
            when: Cell::new(when),
            cancelling: Cell::new(0),
        }))
    }

    /// `cm.when()`.
    pub fn when(&self) -> Option<f64> {
        self.0.when.get()
    }
    /// `cm.expired()`.
    pub fn expired(&self) -> bool {
        matches!(self.0.state.get(), TimeoutState::Expiring | TimeoutState::Expired)
    }
    /// Where the timeout is in its life.
    pub fn state(&self) -> TimeoutState {
        self.0.state.get()
    }

    /// `cm.reschedule(when)`.
    ///
    /// # Errors
    /// `RuntimeError` unless the timeout is active.
    pub fn reschedule(&self, when: Option<f64>) -> PyResult<()> {
        let state = self.0.state.get();
        if state != TimeoutState::Entered {
            if state == TimeoutState::Created {
                return Err(Exception::runtime_error("Timeout has not been entered"));
            }
            return Err(Exception::runtime_error(format!(
                "Cannot change state of {} Timeout",
                state.value()
            )));
        }
        self.0.when.set(when);
        if let Some(h) = self.0.handler.borrow_mut().take() {
            h.cancel();
        }
        if let Some(when) = when {
            let event_loop = get_running_loop()?;
            let me = self.clone();
            let handle = if when <= event_loop.time() {
                event_loop.call_soon(move || me.on_timeout())?
            } else {
                event_loop.call_at(when, move || me.on_timeout())?
            };
            *self.0.handler.borrow_mut() = Some(handle);
        }
        Ok(())
    }

    /// `__aenter__`.
    ///
    /// # Errors
    /// `RuntimeError` when entered twice or outside a task.
    pub fn enter(&self) -> PyResult<()> {
        if self.0.state.get() != TimeoutState::Created {
            return Err(Exception::runtime_error("Timeout has already been entered"));
        }
        let Some(task) = current_task() else {
            return Err(Exception::runtime_error("Timeout should be used inside a task"));
        };
        self.0.state.set(TimeoutState::Entered);
        self.0.cancelling.set(task.cancelling());
        *self.0.task.borrow_mut() = Some(task);
        self.reschedule(self.0.when.get())
    }

    /// `__aexit__` with the block's outcome: a `CancelledError` caused by this
    /// timeout becomes `TimeoutError`; anything else passes through.
    ///
    /// # Errors
    /// `TimeoutError`, or the block's own exception.
    pub fn exit<T>(&self, outcome: PyResult<T>) -> PyResult<T> {
        if let Some(h) = self.0.handler.borrow_mut().take() {
            h.cancel();
        }
        match self.0.state.get() {
            TimeoutState::Expiring => {
                self.0.state.set(TimeoutState::Expired);
                let uncancelled = self.0.task.borrow().as_ref().map_or(0, |t| t.uncancel());
                if let Err(e) = &outcome {
                    if uncancelled <= self.0.cancelling.get() && e.is_cancelled() {
                        return Err(Exception::timeout());
                    }
                }
            }
            TimeoutState::Entered => self.0.state.set(TimeoutState::Exited),
            _ => {}
        }
        outcome
    }

    /// `async with self: body`.
    ///
    /// # Cancellation
    /// When the deadline passes, the task is cancelled; the `CancelledError`
    /// raised in `body` becomes `TimeoutError` here. A cancellation from
    /// elsewhere passes through as `CancelledError`.
    ///
    /// # Errors
    /// `TimeoutError`; the body's exception; `RuntimeError` on misuse.
    pub async fn run<T>(&self, body: impl StdFuture<Output = PyResult<T>>) -> PyResult<T> {
        self.enter()?;
        let outcome = body.await;
        self.exit(outcome)
    }

    fn on_timeout(&self) {
        if let Some(task) = &*self.0.task.borrow() {
            task.cancel(None);
        }
        self.0.state.set(TimeoutState::Expiring);
        *self.0.handler.borrow_mut() = None;
    }
}
