//! Python-like exceptions: a type name, a message, and for exception groups the
//! exceptions they carry.
//!
//! Every awaitable of the engine yields `Result<T, Exception>`; user code
//! propagates with `?` and catches by matching (`Err(e) if e.is_cancelled()`).
//! `Display` prints what Python's last traceback line shows: `Type: message`,
//! or `Type` alone when the message is empty.

use std::any::Any;
use std::cell::OnceCell;
use std::fmt;
use std::rc::Rc;

/// A Python exception value. Cheap to clone (one `Rc`).
#[derive(Clone)]
pub struct Exception(Rc<ExceptionInner>);

struct ExceptionInner {
    type_name: Rc<str>,
    message: String,
    /// The message was given, even empty: `CancelledError('')`, not `CancelledError()`.
    message_given: bool,
    /// True for `BaseException` subclasses that are not `Exception`s
    /// (`CancelledError`, `KeyboardInterrupt`, `SystemExit`, `BaseExceptionGroup`).
    base_only: bool,
    /// The members of an `ExceptionGroup` / `BaseExceptionGroup`.
    group: Vec<Exception>,
    /// A client's own object for this exception (the interpreter's exception
    /// instance), attached once; the engine never looks inside.
    payload: OnceCell<Rc<dyn Any>>,
}

/// Python's exception types that the engine itself raises.
pub mod types {
    /// `asyncio.CancelledError`.
    pub const CANCELLED_ERROR: &str = "CancelledError";
    /// `TimeoutError` (`asyncio.TimeoutError` in 3.11).
    pub const TIMEOUT_ERROR: &str = "TimeoutError";
    /// `asyncio.InvalidStateError`.
    pub const INVALID_STATE_ERROR: &str = "InvalidStateError";
    /// `ValueError`.
    pub const VALUE_ERROR: &str = "ValueError";
    /// `RuntimeError`.
    pub const RUNTIME_ERROR: &str = "RuntimeError";
    /// `TypeError`.
    pub const TYPE_ERROR: &str = "TypeError";
    /// `ZeroDivisionError`.
    pub const ZERO_DIVISION_ERROR: &str = "ZeroDivisionError";
    /// `ExceptionGroup`.
    pub const EXCEPTION_GROUP: &str = "ExceptionGroup";
    /// `BaseExceptionGroup` (a group with a member `except Exception` does not catch).
    pub const BASE_EXCEPTION_GROUP: &str = "BaseExceptionGroup";
    /// `asyncio.QueueEmpty`.
    pub const QUEUE_EMPTY: &str = "QueueEmpty";
    /// `asyncio.QueueFull`.
    pub const QUEUE_FULL: &str = "QueueFull";
    /// `asyncio.BrokenBarrierError`.
    pub const BROKEN_BARRIER_ERROR: &str = "BrokenBarrierError";
    /// The playground's own: a run stopped because a task step never
    /// yielded, virtual time stopped moving, or memory ran out.
    pub const RUNAWAY: &str = "Runaway";
    /// The oracle's (`vclock`): nothing is scheduled while tasks wait.
    pub const DEADLOCK: &str = "Deadlock";
}

impl Exception {
    /// An exception of a (possibly user-defined) type that derives from `Exception`.
    pub fn new(type_name: &str, message: impl Into<String>) -> Exception {
        Exception::with_message(type_name, message.into(), false)
    }

    fn with_message(type_name: &str, message: String, message_given: bool) -> Exception {
        let base_only = matches!(type_name, "CancelledError" | "KeyboardInterrupt" | "SystemExit");
        Exception(Rc::new(ExceptionInner {
            type_name: Rc::from(type_name),
            message,
            message_given,
            base_only,
            group: Vec::new(),
            payload: OnceCell::new(),
        }))
    }

    /// An exception made by a client that carries its own object for it (the
    /// interpreter's exception instance). `base_only` is true when `except
    /// Exception` would not catch it.
    pub fn with_payload(
        type_name: &str,
        message: impl Into<String>,
        base_only: bool,
        payload: Rc<dyn Any>,
    ) -> Exception {
        let exc = Exception(Rc::new(ExceptionInner {
            type_name: Rc::from(type_name),
            message: message.into(),
            message_given: false,
            base_only,
            group: Vec::new(),
            payload: OnceCell::new(),
        }));
        let _ = exc.0.payload.set(payload);
        exc
    }

    /// The client's object attached to this exception, if any.
    pub fn payload(&self) -> Option<&Rc<dyn Any>> {
        self.0.payload.get()
    }

    /// Attaches a client's object to an exception the engine made (first
    /// attachment wins) and returns the attached one.
    pub fn attach_payload(&self, make: impl FnOnce() -> Rc<dyn Any>) -> &Rc<dyn Any> {
        self.0.payload.get_or_init(make)
    }

    /// `asyncio.CancelledError(msg)`; `None` gives an empty message.
    pub fn cancelled(msg: Option<&str>) -> Exception {
        Exception::with_message(types::CANCELLED_ERROR, msg.unwrap_or("").to_string(), msg.is_some())
    }
    /// `TimeoutError()` (in 3.11, `asyncio.TimeoutError` is the builtin).
    pub fn timeout() -> Exception {
        Exception::new(types::TIMEOUT_ERROR, "")
    }
    /// `InvalidStateError(msg)`.
    pub fn invalid_state(msg: impl Into<String>) -> Exception {
        Exception::new(types::INVALID_STATE_ERROR, msg)
    }
    /// `ValueError(msg)`.
    pub fn value_error(msg: impl Into<String>) -> Exception {
        Exception::new(types::VALUE_ERROR, msg)
    }
    /// `RuntimeError(msg)`.
    pub fn runtime_error(msg: impl Into<String>) -> Exception {
        Exception::new(types::RUNTIME_ERROR, msg)
    }
    /// `TypeError(msg)`.
    pub fn type_error(msg: impl Into<String>) -> Exception {
        Exception::new(types::TYPE_ERROR, msg)
    }
    /// `ZeroDivisionError(msg)`.
    pub fn zero_division(msg: impl Into<String>) -> Exception {
        Exception::new(types::ZERO_DIVISION_ERROR, msg)
    }
    /// A [`types::RUNAWAY`]: `message` says what ran away.
    pub fn runaway(message: impl Into<String>) -> Exception {
        Exception::new(types::RUNAWAY, message)
    }
    /// A [`types::DEADLOCK`] with the oracle's message.
    pub fn deadlock(message: impl Into<String>) -> Exception {
        Exception::new(types::DEADLOCK, message)
    }

    /// `ExceptionGroup(msg, excs)`, or `BaseExceptionGroup` when any member is
    /// not an `Exception` (as Python chooses in `BaseExceptionGroup.__new__`).
    pub fn group(msg: impl Into<String>, exceptions: Vec<Exception>) -> Exception {
        let base_only = exceptions.iter().any(|e| e.is_base_only());
        let type_name = if base_only { types::BASE_EXCEPTION_GROUP } else { types::EXCEPTION_GROUP };
        Exception(Rc::new(ExceptionInner {
            type_name: Rc::from(type_name),
            message: msg.into(),
            message_given: true,
            base_only,
            group: exceptions,
            payload: OnceCell::new(),
        }))
    }

    /// The type's name: `ValueError`, or a user class's.
    pub fn type_name(&self) -> &str {
        &self.0.type_name
    }
    /// `str(exc)`: the message alone.
    pub fn message(&self) -> &str {
        &self.0.message
    }
    /// True when the message is an argument even if empty (`CancelledError('')`
    /// after `cancel('')`, or a `gather` child's with `return_exceptions`).
    pub fn message_given(&self) -> bool {
        self.0.message_given || !self.0.message.is_empty()
    }
    /// The members of an exception group (empty for any other exception).
    pub fn exceptions(&self) -> &[Exception] {
        &self.0.group
    }
    /// True for an `ExceptionGroup` or `BaseExceptionGroup`.
    pub fn is_group(&self) -> bool {
        matches!(&*self.0.type_name, types::EXCEPTION_GROUP | types::BASE_EXCEPTION_GROUP)
    }
    /// `isinstance(e, type_name)` for the engine's flat hierarchy (groups
    /// aside, a type matches only itself).
    pub fn is(&self, type_name: &str) -> bool {
        &*self.0.type_name == type_name
    }
    /// True for a `CancelledError`.
    pub fn is_cancelled(&self) -> bool {
        self.is(types::CANCELLED_ERROR)
    }
    /// True for a `TimeoutError`.
    pub fn is_timeout(&self) -> bool {
        self.is(types::TIMEOUT_ERROR)
    }
    /// True for a [`types::RUNAWAY`].
    pub fn is_runaway(&self) -> bool {
        self.is(types::RUNAWAY)
    }
    /// True for a [`types::DEADLOCK`].
    pub fn is_deadlock(&self) -> bool {
        self.is(types::DEADLOCK)
    }
    /// True when `except Exception` would not catch it.
    pub fn is_base_only(&self) -> bool {
        self.0.base_only
    }
    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &Exception) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Display for Exception {
    /// The last line of a Python traceback: `Type: message` or `Type`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.str();
        if message.is_empty() {
            f.write_str(self.type_name())
        } else {
            write!(f, "{}: {}", self.type_name(), message)
        }
    }
}

impl Exception {
    /// `str(e)`: the message; for a group, Python's `msg (N sub-exception[s])`.
    pub fn str(&self) -> String {
        if self.is_group() {
            let n = self.0.group.len();
            format!("{} ({} sub-exception{})", self.0.message, n, if n == 1 { "" } else { "s" })
        } else {
            self.0.message.clone()
        }
    }
}

impl fmt::Debug for Exception {
    /// Python's `repr(e)` for the common single-argument case: `Type('msg')`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message().is_empty() && !self.is_group() {
            write!(f, "{}()", self.type_name())
        } else {
            write!(f, "{}({:?})", self.type_name(), self.message())
        }
    }
}

impl std::error::Error for Exception {}

/// The engine's result type: `Ok(T)` or a raised Python exception.
pub type PyResult<T> = Result<T, Exception>;
