//! What `__await__()` returns: a `coroutine_wrapper` for a coroutine, a
//! `FutureIter` for a future or task. A scheduler written in Python steps
//! them by hand (`next(it)`, `it.send(v)`); `yield from` and an `__await__`
//! returning them take them as what they wrap.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use super::coro::{Coroutine, Input};
use super::{method, Native};
use crate::interp::exc::{raise, stop_iteration};
use crate::interp::interp;
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::PyResult;

/// `coro.__await__()`.
pub struct CoroWrapper(pub Value);

/// `fut.__await__()`: yields the future once while it is pending, then
/// ends with its result (CPython's `Future.__await__`).
pub struct FutureIter {
    fut: Value,
    yielded: Cell<bool>,
}

impl FutureIter {
    pub fn new(fut: Value) -> FutureIter {
        FutureIter { fut, yielded: Cell::new(false) }
    }

    fn step(&self) -> PyResult<Value> {
        let Some(engine) = crate::modules::asyncio::futures::engine_future(&self.fut) else {
            return raise("TypeError", "not a future");
        };
        if engine.done() {
            return Err(stop_iteration(engine.result()?));
        }
        if self.yielded.replace(true) {
            return raise("RuntimeError", "await wasn't used with future");
        }
        Ok(self.fut.clone())
    }
}

impl CoroWrapper {
    fn coro(&self) -> PyResult<&Coroutine> {
        match self.0.as_native::<Coroutine>() {
            Some(c) => Ok(c),
            None => raise("TypeError", "not a coroutine"),
        }
    }
}

/// `send`, `throw`, `close` and `__next__` of an `__await__()` iterator,
/// by what each does to the object.
fn step_method<T: Native>(
    this: &Value,
    name: &str,
    step: fn(&T, Input) -> PyResult<Value>,
    close: fn(&T) -> PyResult<()>,
) -> Option<PyResult<Value>> {
    let m = match name {
        "send" => method::<T>(name, this, move |it, _, args, _| {
            super::arity("send", &args, 1, 1)?;
            step(it, Input::Send(args.into_iter().next().unwrap_or_default()))
        }),
        "__next__" => method::<T>(name, this, move |it, _, _, _| step(it, Input::Send(Value::None))),
        "throw" => method::<T>(name, this, move |it, _, args, _| {
            step(it, Input::Throw(super::gen::thrown("throw", &args)?))
        }),
        "close" => method::<T>(name, this, move |it, _, _, _| close(it).map(|()| Value::None)),
        _ => return None,
    };
    Some(Ok(m))
}

impl Native for CoroWrapper {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("coroutine_wrapper")
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<coroutine_wrapper object at {:#x}>", this.id()))
    }
    fn iter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        Some(self.coro().and_then(|c| c.drive(Input::Send(Value::None))).map(Some))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        step_method::<CoroWrapper>(this, name, |w, input| w.coro()?.drive(input), |w| w.coro()?.close())
    }
}

impl Native for FutureIter {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("FutureIter")
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<_asyncio.FutureIter object at {:#x}>", this.id()))
    }
    fn iter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        Some(self.step().map(Some))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        step_method::<FutureIter>(
            this,
            name,
            |it, input| match input {
                Input::Send(_) => it.step(),
                Input::Throw(e) => Err(e),
            },
            |_| Ok(()),
        )
    }
}

/// The coroutine or future an `__await__()` iterator iterates: what
/// `yield from` or an `__await__` returning it awaits. (Not awaitable
/// themselves: `await coro.__await__()` is a TypeError, as in CPython.)
pub fn wrapped(v: &Value) -> Option<Value> {
    if let Some(w) = v.as_native::<CoroWrapper>() {
        return Some(w.0.clone());
    }
    v.as_native::<FutureIter>().map(|i| i.fut.clone())
}

/// What `obj.__await__()` returns for a coroutine, future or task.
pub fn await_iter(obj: &Value) -> Value {
    if obj.as_native::<Coroutine>().is_some() {
        Value::native(CoroWrapper(obj.clone()))
    } else {
        Value::native(FutureIter::new(obj.clone()))
    }
}
