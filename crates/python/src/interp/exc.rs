//! Python exceptions over the engine's [`Exception`].
//!
//! Every raised exception travels as an engine `Exception` (so tasks,
//! gather and TaskGroup carry it unchanged); its Python instance is the
//! exception's payload, made on first need for exceptions that the engine
//! or a builtin raised by name and message.

use std::rc::Rc;

use super::{interp, text, Frame};
use crate::ast::{Expr, ExprKind, Pos};
use crate::object::{Class, ExcData, Instance, Span, Split, TbEntry};
use crate::value::Value;
use asyncio_engine::{Exception, PyResult};

/// Names of the exceptions builtins raise.
pub struct ExcKind;

impl ExcKind {
    pub const TYPE: &'static str = "TypeError";
    pub const VALUE: &'static str = "ValueError";
    pub const ATTRIBUTE: &'static str = "AttributeError";
    pub const NAME: &'static str = "NameError";
    pub const INDEX: &'static str = "IndexError";
    pub const KEY: &'static str = "KeyError";
    pub const ZERO_DIV: &'static str = "ZeroDivisionError";
    pub const RUNTIME: &'static str = "RuntimeError";
    pub const RECURSION: &'static str = "RecursionError";
    pub const OVERFLOW: &'static str = "OverflowError";
    pub const MEMORY: &'static str = "MemoryError";
    pub const STOP_ITERATION: &'static str = "StopIteration";
    pub const STOP_ASYNC_ITERATION: &'static str = "StopAsyncIteration";
    pub const UNBOUND_LOCAL: &'static str = "UnboundLocalError";
    pub const NOT_IMPLEMENTED: &'static str = "NotImplementedError";
    pub const ASSERTION: &'static str = "AssertionError";
    pub const MODULE_NOT_FOUND: &'static str = "ModuleNotFoundError";
    pub const IMPORT: &'static str = "ImportError";
}

/// `Err(kind(message))`.
pub fn raise<T>(kind: &str, message: impl Into<String>) -> PyResult<T> {
    Err(Exception::new(kind, message))
}

/// An exception whose instance has `args` (not just a message): `KeyError(key)`.
/// `NameError: name 'x' is not defined`, raised in frame `f`: with its
/// `name`, and the "Did you mean" python3 would print for it.
pub fn name_error(id: &str, f: &super::Frame) -> Exception {
    let e = with_args("NameError", vec![Value::string(format!("name '{id}' is not defined"))]);
    let inst = instance(&e);
    inst.set_attr("name", Value::Str(Rc::from(id)));
    if let Some(data) = &inst.exc {
        *data.suggestion.borrow_mut() = super::suggest::for_name(id, f);
    }
    e
}

/// An AttributeError with CPython's `name` and `obj` (what "Did you mean"
/// looks in).
pub fn attribute_error(message: String, obj: &Value, name: &str) -> Exception {
    let e = with_args("AttributeError", vec![Value::string(message)]);
    let inst = instance(&e);
    inst.set_attr("name", Value::Str(Rc::from(name)));
    inst.set_attr("obj", obj.clone());
    e
}

/// The StopIteration that ends a generator or coroutine returning `v`.
pub fn stop_iteration(v: Value) -> Exception {
    if matches!(v, Value::None) {
        Exception::new("StopIteration", "")
    } else {
        with_args("StopIteration", vec![v])
    }
}

pub fn with_args(kind: &str, args: Vec<Value>) -> Exception {
    let class = interp().types.exception_named(kind);
    let inst = Instance::new(class);
    if let Some(exc) = &inst.exc {
        *exc.args.borrow_mut() = args;
    }
    to_engine(&inst)
}

/// The Python instance of an exception (made and attached on first use).
pub fn instance(exc: &Exception) -> Rc<Instance> {
    let any = exc.attach_payload(|| {
        let it = interp();
        let class = it.types.exception_named(exc.type_name());
        let inst = Instance::new(class);
        if let Some(data) = &inst.exc {
            if exc.is_group() {
                let members: Vec<Value> =
                    exc.exceptions().iter().map(|e| Value::Instance(instance(e))).collect();
                *data.args.borrow_mut() = vec![Value::str(exc.message()), Value::list(members.clone())];
                *data.group.borrow_mut() = Some((Rc::from(exc.message()), members));
            } else if exc.message_given() {
                *data.args.borrow_mut() = vec![Value::str(exc.message())];
            }
        }
        inst as Rc<dyn std::any::Any>
    });
    any.clone().downcast::<Instance>().unwrap_or_else(|_| {
        // A payload of another kind: never made by this crate.
        Instance::new(interp().types.exception_named(exc.type_name()))
    })
}

/// An engine exception carrying `inst` (raising an instance).
pub fn to_engine(inst: &Rc<Instance>) -> Exception {
    let message = str_of_instance(inst).unwrap_or_default();
    Exception::with_payload(
        &inst.class.name,
        message,
        inst.class.base_only,
        inst.clone() as Rc<dyn std::any::Any>,
    )
}

/// `str(exc)` for an exception instance, without user `__str__` (the caller
/// handles overrides).
pub fn default_str(inst: &Instance) -> PyResult<String> {
    let Some(data) = &inst.exc else { return Ok(String::new()) };
    if let Some((msg, members)) = &*data.group.borrow() {
        let n = members.len();
        return Ok(format!("{} ({} sub-exception{})", msg, n, if n == 1 { "" } else { "s" }));
    }
    if let Some(text) = crate::builtins::oserror::str_of(inst) {
        return text;
    }
    let args = data.args.borrow().clone();
    match args.len() {
        0 => Ok(String::new()),
        1 if inst.class.is_subclass(&interp().types.exception_named("KeyError")) => text::repr(&args[0]),
        1 => text::str(&args[0]),
        _ => text::repr(&Value::tuple(args)),
    }
}

/// `str(exc)`, user `__str__` included.
pub fn str_of_instance(inst: &Rc<Instance>) -> PyResult<String> {
    text::str(&Value::Instance(inst.clone()))
}

/// `isinstance(exc, class)` without making an instance when none exists.
pub fn matches(exc: &Exception, class: &Class) -> bool {
    if let Some(p) = exc.payload() {
        if let Some(inst) = p.downcast_ref::<Instance>() {
            return inst.class.is_subclass(class);
        }
    }
    interp().types.exception_named(exc.type_name()).is_subclass(class)
}

/// The class of an exception.
pub fn class_of(exc: &Exception) -> Rc<Class> {
    if let Some(p) = exc.payload() {
        if let Some(inst) = p.downcast_ref::<Instance>() {
            return inst.class.clone();
        }
    }
    interp().types.exception_named(exc.type_name())
}

/// `RuntimeError(msg)` raised from `cause` (its `__cause__` and
/// `__context__`), as CPython's `_PyErr_FormatFromCause`: PEP 479's
/// "generator raised StopIteration".
pub fn from_cause(cause: &Exception, msg: &str) -> Exception {
    let new = Exception::runtime_error(msg);
    let inst = instance(&new);
    if let Some(data) = &inst.exc {
        let c = Value::Instance(instance(cause));
        *data.cause.borrow_mut() = c.clone();
        *data.context.borrow_mut() = c;
        data.suppress_context.set(true);
    }
    new
}

/// `exc` came out of a statement of frame `f`: the traceback gets `f`'s
/// entry (the line being run), unless `exc` is already in `f`, as CPython
/// adds one when an exception is raised in a frame or a call raises into it
/// (a `try` ending in `finally` or re-raising keeps the first).
pub fn entered(exc: &Exception, f: &Frame) {
    let inst = instance(exc);
    if let Some(data) = &inst.exc {
        // Raised by native code: a context it set itself stays (wait_for's).
        let fresh = data.tb_frame.get() == 0 && matches!(*data.context.borrow(), Value::None);
        if fresh && !exc.is_runaway() {
            context_at_raise(&inst, data);
        }
        if data.tb_frame.get() != f.serial {
            add_entry(data, f, true);
        }
    }
}

/// `raise exc` (the statement from `start` to `end`) in frame `f`: an entry
/// for the `raise`, even if the exception was here before (bare `raise`:
/// [`reraised`]).
pub fn raised(exc: &Exception, f: &Frame, start: Pos, end: Pos) {
    let inst = instance(exc);
    if let Some(data) = &inst.exc {
        context_at_raise(&inst, data);
        let span = Span {
            line: start.line,
            col: start.col,
            end_line: end.line,
            end_col: end.col,
            split: Split::Whole,
        };
        data.located.set((f.serial, Some(span)));
        add_entry(data, f, true);
    }
}

/// CPython sets `__context__` when an exception is raised: the exception the
/// running code is handling (an `except` block of this task's running
/// frames), the chain cut where it would come back to `inst`.
fn context_at_raise(inst: &Rc<Instance>, data: &ExcData) {
    let Some(handled) = super::frames::handling() else { return };
    let hi = instance(&handled);
    if Rc::ptr_eq(&hi, inst) {
        return;
    }
    let mut link = hi.clone();
    for _ in 0..10_000 {
        let Some(ld) = &link.exc else { break };
        let next = match &*ld.context.borrow() {
            Value::Instance(n) => n.clone(),
            _ => break,
        };
        if Rc::ptr_eq(&next, inst) {
            *ld.context.borrow_mut() = Value::None;
            break;
        }
        link = next;
    }
    *data.context.borrow_mut() = Value::Instance(hi);
}

/// A bare `raise` in frame `f`: the exception keeps the traceback it had.
pub fn reraised(exc: &Exception, f: &Frame) {
    if let Some(data) = &instance(exc).exc {
        data.tb_frame.set(f.serial);
    }
}

fn add_entry(data: &ExcData, f: &Frame, located: bool) {
    data.tb_frame.set(f.serial);
    let (at, span) = data.located.replace((0, None));
    // A module written in Python stands for one CPython implements in C or
    // whose source the page does not show: no frame of it.
    if f.module.is_main() {
        let span = span.filter(|_| located && at == f.serial);
        // The line of the expression that raised, as CPython's instruction's.
        let line = span.map_or(f.line.get(), |s| s.line);
        data.traceback.borrow_mut().push(TbEntry { name: f.name.clone(), line, span, foreign: None });
    }
}

/// `exc` left a frame of CPython's own source (see [`TbEntry::foreign`]):
/// its traceback gets that frame as its outermost.
pub fn add_foreign_frame(exc: &Exception, frame: &ForeignFrame) {
    if let Some(data) = &instance(exc).exc {
        let (file, name, line, text) = *frame;
        data.traceback.borrow_mut().push(TbEntry {
            name: Rc::from(name),
            line,
            span: None,
            foreign: Some((file, text)),
        });
    }
}

/// A frame of CPython's asyncio source: file, function, line and its text.
pub type ForeignFrame = (&'static str, &'static str, u32, &'static str);

/// `Handle._run`, under every loop callback's exception.
pub const HANDLE_RUN: ForeignFrame = (
    "/root/.pyenv/versions/3.11.7/lib/python3.11/asyncio/events.py",
    "_run",
    80,
    "self._context.run(self._callback, *self._args)",
);

/// `Timeout.__aexit__` raising its TimeoutError.
pub const TIMEOUT_EXIT: ForeignFrame = (
    "/root/.pyenv/versions/3.11.7/lib/python3.11/asyncio/timeouts.py",
    "__aexit__",
    115,
    "raise TimeoutError from exc_val",
);

/// `TaskGroup.__aexit__` raising its ExceptionGroup.
pub const TASKGROUP_EXIT: ForeignFrame = (
    "/root/.pyenv/versions/3.11.7/lib/python3.11/asyncio/taskgroups.py",
    "__aexit__",
    145,
    "raise me from None",
);

/// `exc` came out of expression `e` in frame `f`: unless an expression
/// inside `e` raised it here first, its entry for `f` will show `e`.
pub fn locate(exc: &Exception, e: &Expr, f: &Frame) {
    if e.end == e.pos {
        return; // where it ends is unknown
    }
    let inst = instance(exc);
    let Some(data) = &inst.exc else { return };
    if data.located.get().0 == f.serial || data.tb_frame.get() == f.serial {
        return;
    }
    let start = e.start();
    let split = match &e.kind {
        ExprKind::BinOp { left, right, .. } => {
            Split::Op { left_end: left.end.col, right_start: right.start().col }
        }
        ExprKind::Subscript { value, index } => {
            Split::Index { value_end: value.end.col, index_end: index.end.col }
        }
        _ => Split::Whole,
    };
    let span = Span { line: start.line, col: start.col, end_line: e.end.line, end_col: e.end.col, split };
    data.located.set((f.serial, Some(span)));
}

/// `Type: message` as the last line of a traceback.
pub fn last_line(exc: &Exception) -> String {
    let inst = instance(exc);
    with_message(inst.class.name.to_string(), &inst, exc)
}

/// A traceback's last line, as `traceback.format_exception_only` writes it:
/// the class by its module and qualified name unless it is a builtin or the
/// program's (`asyncio.exceptions.CancelledError`, `Outer.Error`).
pub fn traceback_last_line(exc: &Exception) -> String {
    let inst = instance(exc);
    let class = &inst.class;
    let name = match &*class.module {
        "builtins" | "__main__" => class.qualname.to_string(),
        module => format!("{module}.{}", class.qualname),
    };
    with_message(name, &inst, exc)
}

fn with_message(name: String, inst: &Rc<Instance>, exc: &Exception) -> String {
    let message = str_of_instance(inst).unwrap_or_else(|_| exc.message().to_string());
    if message.is_empty() {
        name
    } else {
        format!("{name}: {message}")
    }
}
