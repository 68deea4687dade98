//! `asyncio.TaskGroup` and `asyncio.timeout()`: async context managers over
//! the engine's.

use std::any::Any;
use std::rc::Rc;

use super::coro_value;
use super::futures::{register_task, TaskBody};
use crate::interp::exc::raise;
use crate::interp::{interp, text};
use crate::native::{method, take_kw, Native};
use crate::object::{Builtin, Class};
use crate::value::Value;
use asyncio_engine::{Exception, PyResult, TaskGroup, Timeout};

/// The outcome `__aexit__` hands the engine, and what to return: `False`
/// (let the original exception propagate) or a new exception.
fn exit_result(original: Option<&Exception>, r: PyResult<()>, chain: Chain) -> PyResult<Value> {
    match (r, original) {
        (Ok(()), _) => Ok(Value::Bool(false)),
        (Err(e), Some(o)) if e.ptr_eq(o) => Ok(Value::Bool(false)),
        (Err(e), original) => {
            // Raised by asyncio's `__aexit__`: its frame is the innermost.
            use crate::interp::exc::{add_foreign_frame, TASKGROUP_EXIT, TIMEOUT_EXIT};
            match chain {
                Chain::FromOriginal if e.is("TimeoutError") => add_foreign_frame(&e, &TIMEOUT_EXIT),
                Chain::FromNone
                    if crate::interp::exc::instance(&e)
                        .exc
                        .as_ref()
                        .is_some_and(|d| d.group.borrow().is_some()) =>
                {
                    add_foreign_frame(&e, &TASKGROUP_EXIT)
                }
                _ => {}
            }
            chain_to(&e, original, chain);
            Err(e)
        }
    }
}

/// How `__aexit__` raises its own exception: `raise TimeoutError from exc_val`
/// (a timeout), `raise me from None` (a task group's ExceptionGroup).
#[derive(Clone, Copy)]
enum Chain {
    FromOriginal,
    FromNone,
}

/// An exception raised by `__aexit__` while the block's exception is handled
/// remembers it (`__context__`); a timeout's TimeoutError is raised `from` it,
/// a task group's ExceptionGroup `from None`.
fn chain_to(e: &Exception, original: Option<&Exception>, chain: Chain) {
    let inst = crate::interp::exc::instance(e);
    let Some(data) = &inst.exc else { return };
    if let Some(o) = original {
        let handled = crate::interp::exc::instance(o);
        if !Rc::ptr_eq(&inst, &handled) && matches!(*data.context.borrow(), Value::None) {
            *data.context.borrow_mut() = Value::Instance(handled.clone());
        }
        if let (Chain::FromOriginal, true) = (chain, e.is("TimeoutError")) {
            *data.cause.borrow_mut() = Value::Instance(handled);
            data.suppress_context.set(true);
        }
    }
    let group = data.group.borrow().is_some();
    if let (Chain::FromNone, true) = (chain, group) {
        data.suppress_context.set(true);
    }
}

pub struct PyTaskGroup(pub TaskGroup);

impl Native for PyTaskGroup {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("TaskGroup")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(self.0.repr())
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "create_task" => Some(Ok(method::<PyTaskGroup>(name, this, |tg, _, mut args, mut kw| {
                let sig = "TaskGroup.create_task(self, coro, *, name=None, context=None)";
                crate::modules::bind(sig, &mut args, &mut kw)?;
                let name = take_kw(&mut kw, "name");
                let context = crate::modules::contextvars::given(take_kw(&mut kw, "context"))?;
                let coro = &args[0];
                let Some(body) = super::coroutine_body(coro) else {
                    return raise(
                        "TypeError",
                        format!("a coroutine was expected, got {}", text::repr(coro)?),
                    );
                };
                let name = match name {
                    None | Some(Value::None) => None,
                    Some(n) => Some(text::str(&n)?),
                };
                let body = TaskBody::in_context(body, context)?;
                let handle = body.handle();
                let task = tg.0.create_task_named(body, name.as_deref())?;
                Ok(register_task(task, coro, handle))
            }))),
            _ => None,
        }
    }
    fn aenter(&self, this: &Value) -> Option<PyResult<Value>> {
        let me = this.clone();
        Some(self.0.enter().map(|_| coro_value("__aenter__", async move { Ok(me) })))
    }
    fn aexit(&self, _this: &Value, exc: Option<&Exception>) -> Option<PyResult<Value>> {
        let tg = self.0.clone();
        let original = exc.cloned();
        Some(Ok(coro_value("__aexit__", async move {
            let outcome = match &original {
                Some(e) => Err(e.clone()),
                None => Ok(()),
            };
            let r = tg.exit(outcome).await;
            exit_result(original.as_ref(), r, Chain::FromNone)
        })))
    }
}

pub fn taskgroup_class() -> Value {
    let c = interp().types.native("TaskGroup");
    c.dict.borrow_mut().set(
        "__new__",
        Builtin::new("TaskGroup", |mut args, mut kw| {
            crate::modules::bind("TaskGroup.__init__(self)", &mut args, &mut kw)?;
            Ok(Value::native(PyTaskGroup(TaskGroup::new())))
        }),
    );
    Value::Class(c)
}

pub struct PyTimeout(pub Timeout);

impl PyTimeout {
    /// Method `name`, its arguments bound.
    fn call(&self, name: &str, args: &[Value]) -> PyResult<Value> {
        match name {
            "when" => Ok(self.0.when().map(Value::Float).unwrap_or(Value::None)),
            "expired" => Ok(Value::Bool(self.0.expired())),
            _ => {
                let when = match &args[0] {
                    Value::None => None,
                    v => match v.as_f64() {
                        Some(f) => Some(f),
                        None => return raise("TypeError", "reschedule() needs a number or None"),
                    },
                };
                self.0.reschedule(when).map(|_| Value::None)
            }
        }
    }
}

impl Native for PyTimeout {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("Timeout")
    }
    /// `<Timeout [active] when=2.5>`, as asyncio.timeouts.Timeout.__repr__.
    fn repr(&self, _this: &Value) -> PyResult<String> {
        let state = self.0.state();
        let info = match (state, self.0.when()) {
            (asyncio_engine::TimeoutState::Entered, Some(when)) => {
                format!(" when={}", text::repr(&Value::Float(crate::builtins::round_float(when, 3)?))?)
            }
            (asyncio_engine::TimeoutState::Entered, None) => " when=None".to_string(),
            _ => String::new(),
        };
        Ok(format!("<Timeout [{}]{info}>", state.value()))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let (name, sig): (&'static str, _) = match name {
            "when" => ("when", "Timeout.when(self)"),
            "expired" => ("expired", "Timeout.expired(self)"),
            "reschedule" => ("reschedule", "Timeout.reschedule(self, when)"),
            _ => return None,
        };
        Some(Ok(method::<PyTimeout>(name, this, move |t, _, mut args, mut kw| {
            crate::modules::bind(sig, &mut args, &mut kw)?;
            t.call(name, &args[..])
        })))
    }
    fn aenter(&self, this: &Value) -> Option<PyResult<Value>> {
        let me = this.clone();
        Some(self.0.enter().map(|_| coro_value("__aenter__", async move { Ok(me) })))
    }
    fn aexit(&self, _this: &Value, exc: Option<&Exception>) -> Option<PyResult<Value>> {
        let outcome = match exc {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        };
        let r = self.0.exit(outcome);
        let original = exc.cloned();
        Some(Ok(coro_value(
            "__aexit__",
            async move { exit_result(original.as_ref(), r, Chain::FromOriginal) },
        )))
    }
}

/// `timeout(delay)`'s or `timeout_at(when)`'s argument: None or seconds;
/// anything else fails as `loop.time() + delay` does in CPython.
fn time_arg(args: &[Value]) -> PyResult<Option<f64>> {
    match args.first() {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_f64() {
            Some(f) => Ok(Some(f)),
            None => raise(
                "TypeError",
                format!("unsupported operand type(s) for +: 'float' and '{}'", text::type_name(v)),
            ),
        },
    }
}

pub fn timeout(args: Vec<Value>, _kwargs: crate::native::Kwargs) -> PyResult<Value> {
    Ok(Value::native(PyTimeout(asyncio_engine::timeout(time_arg(&args)?)?)))
}

pub fn timeout_at(args: Vec<Value>, _kwargs: crate::native::Kwargs) -> PyResult<Value> {
    Ok(Value::native(PyTimeout(asyncio_engine::timeout_at(time_arg(&args)?))))
}
