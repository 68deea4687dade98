//! Objects implemented in Rust: coroutines, generators, iterators, and the
//! asyncio objects (tasks, futures, locks, queues, loops ...).

pub mod await_iter;
pub mod code;
pub mod coro;
pub mod gen;
pub mod iters;
pub mod suspend;

use std::any::Any;
use std::rc::Rc;

use crate::interp::exc::raise;
use crate::object::{Builtin, Class};
use crate::value::Value;
use asyncio_engine::{Future, PyResult};

pub use coro::{BoxFut, Coroutine};

/// Keyword arguments as passed to natives.
pub type Kwargs = Vec<(Rc<str>, Value)>;

/// What `await x` suspends on.
pub enum AwaitTarget {
    /// An engine future (a task's, a sleep's, a lock waiter's ...).
    Future(Future<Value>),
    /// A coroutine body to run inline.
    Coro(BoxFut),
}

/// A Rust object visible to Python code.
pub trait Native: Any {
    fn as_any(&self) -> &dyn Any;
    /// `type(x)`.
    fn class(&self) -> Rc<Class>;
    /// `repr(x)`.
    fn repr(&self, this: &Value) -> PyResult<String> {
        let c = self.class();
        Ok(format!("<{}.{} object at {:#x}>", c.module, c.name, this.id()))
    }
    /// `str(x)`.
    fn str(&self, this: &Value) -> PyResult<String> {
        self.repr(this)
    }
    /// `x.name`: an attribute or a bound method; `None` if there is none.
    fn getattr(&self, _this: &Value, _name: &str) -> Option<PyResult<Value>> {
        None
    }
    /// True when [`call_method`](Self::call_method) handles `name`: then
    /// `x.name(...)` calls it without making a bound method first.
    fn has_method(&self, _name: &str) -> bool {
        false
    }
    /// `x.name(*args, **kwargs)` for a method [`has_method`](Self::has_method) names.
    fn call_method(&self, _this: &Value, _name: &str, _args: Vec<Value>, _kwargs: Kwargs) -> PyResult<Value> {
        raise("AttributeError", "no such method")
    }
    /// `x.name = value`; `None` if the object has no such settable attribute.
    fn setattr(&self, _name: &str, _value: Value) -> Option<PyResult<()>> {
        None
    }
    /// `x(...)` for callable objects.
    fn call(&self, _this: &Value, _args: Vec<Value>, _kwargs: Kwargs) -> Option<PyResult<Value>> {
        None
    }
    /// `iter(x)`; `None` if not iterable.
    fn iter(&self, _this: &Value) -> Option<PyResult<Value>> {
        None
    }
    /// `next(x)` for iterators: `Ok(None)` when exhausted.
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        None
    }
    fn len(&self) -> Option<usize> {
        None
    }
    /// `len(x) == 0` (derived from [`len`](Self::len)).
    fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }
    fn truthy(&self) -> bool {
        self.len().map(|n| n > 0).unwrap_or(true)
    }
    fn getitem(&self, _key: &Value) -> Option<PyResult<Value>> {
        None
    }
    fn setitem(&self, _key: &Value, _value: Value) -> Option<PyResult<()>> {
        None
    }
    fn contains(&self, _item: &Value) -> Option<PyResult<bool>> {
        None
    }
    /// `await x`; `None` if not awaitable.
    fn await_target(&self, _this: &Value) -> Option<PyResult<AwaitTarget>> {
        None
    }
    /// `x.__aiter__()` for async iterables.
    fn aiter(&self, _this: &Value) -> Option<PyResult<Value>> {
        None
    }
    /// `x.__anext__()`: an awaitable.
    fn anext(&self, _this: &Value) -> Option<PyResult<Value>> {
        None
    }
    /// `with x:` — `__enter__`.
    fn enter(&self, _this: &Value) -> Option<PyResult<Value>> {
        None
    }
    /// `__exit__`: true to suppress the exception.
    fn exit(&self, _this: &Value, _exc: Option<&asyncio_engine::Exception>) -> Option<PyResult<bool>> {
        None
    }
    /// `async with x:` — `__aenter__` returns an awaitable.
    fn aenter(&self, _this: &Value) -> Option<PyResult<Value>> {
        None
    }
    /// `__aexit__` returns an awaitable whose truth suppresses the exception.
    fn aexit(&self, _this: &Value, _exc: Option<&asyncio_engine::Exception>) -> Option<PyResult<Value>> {
        None
    }
    /// Equality other than identity (deques compare by contents).
    fn eq(&self, _this: &Value, _other: &Value) -> Option<PyResult<bool>> {
        None
    }
    /// Looked up on an instance through its class, it binds the instance as
    /// a function does (its `__get__` makes a method: `lru_cache`'s wrapper).
    fn binds(&self) -> bool {
        false
    }
}

/// A method of native type `T` bound to `this`.
pub fn method<T: 'static>(
    name: &str,
    this: &Value,
    f: impl Fn(&T, &Value, Vec<Value>, Kwargs) -> PyResult<Value> + 'static,
) -> Value {
    let me = this.clone();
    let mname: Rc<str> = Rc::from(name);
    Builtin::method(name, this.clone(), move |args, kwargs| match me.as_native::<T>() {
        Some(obj) => f(obj, &me, args, kwargs),
        None => raise("TypeError", format!("descriptor '{mname}' applied to the wrong object")),
    })
}

/// Checks a native method's positional argument count.
pub fn arity(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        let expected = if min == max { format!("{min}") } else { format!("from {min} to {max}") };
        return raise(
            "TypeError",
            format!(
                "{name}() takes {expected} positional argument{} but {} were given",
                if max == 1 { "" } else { "s" },
                args.len()
            ),
        );
    }
    Ok(())
}

/// Rejects keyword arguments for natives that take none.
pub fn no_kwargs(name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if let Some((k, _)) = kwargs.first() {
        return raise("TypeError", format!("{name}() got an unexpected keyword argument '{k}'"));
    }
    Ok(())
}

/// Argument Clinic's error for a keyword left over by a builtin that takes
/// some keywords (`'foo' is an invalid keyword argument for split()`).
pub fn invalid_keywords(name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if let Some((k, _)) = kwargs.first() {
        return raise("TypeError", format!("'{k}' is an invalid keyword argument for {name}()"));
    }
    Ok(())
}

/// Takes keyword `name` out of `kwargs`.
pub fn take_kw(kwargs: &mut Kwargs, name: &str) -> Option<Value> {
    let i = kwargs.iter().position(|(k, _)| &**k == name)?;
    Some(kwargs.remove(i).1)
}
