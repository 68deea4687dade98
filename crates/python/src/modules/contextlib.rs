//! `contextlib`: `contextmanager`, `asynccontextmanager`, `suppress`,
//! `nullcontext`, over the interpreter's generators; `ExitStack` and the rest
//! are written in Python (`ext/contextlib.py`) over [`cm_enter`] and [`cm_exit`].

use std::any::Any;
use std::rc::Rc;
use std::task::Poll;

use crate::interp::call::call_sync;
use crate::interp::exc::{self, raise};
use crate::interp::interp;
use crate::modules::asyncio::coro_value;
use crate::modules::ModuleObj;
use crate::native::gen::{AsyncGenerator, GenCore, Generator};
use crate::native::Native;
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::{Exception, PyResult};

/// What leaving the block did with its exception.
fn after_throw(thrown: &Exception, r: PyResult<Option<Value>>, what: &str) -> PyResult<bool> {
    match r {
        Ok(Some(_)) => raise("RuntimeError", format!("generator didn't stop after {what}()")),
        Ok(None) => Ok(true),
        Err(e) if e.ptr_eq(thrown) || Rc::ptr_eq(&exc::instance(&e), &exc::instance(thrown)) => Ok(false),
        // A StopIteration (StopAsyncIteration) thrown in came back as the
        // generator's RuntimeError caused by it: the original goes on.
        Err(e) if e.is("RuntimeError") && caused_by(&e, thrown) => Ok(false),
        Err(e) => Err(e),
    }
}

fn caused_by(e: &Exception, thrown: &Exception) -> bool {
    if !(thrown.is("StopIteration") || thrown.is("StopAsyncIteration")) {
        return false;
    }
    let inst = exc::instance(e);
    let cause = inst.exc.as_ref().map(|d| d.cause.borrow().clone());
    matches!(cause, Some(Value::Instance(c)) if Rc::ptr_eq(&c, &exc::instance(thrown)))
}

/// `@contextmanager`'s object: a generator run to its `yield` and on.
struct GenCm(Value, Again);

impl GenCm {
    fn gen(&self) -> PyResult<&Generator> {
        self.0
            .as_native::<Generator>()
            .ok_or_else(|| Exception::type_error("contextmanager needs a generator"))
    }
}

impl Native for GenCm {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("_GeneratorContextManager")
    }
    fn call(
        &self,
        _this: &Value,
        args: Vec<Value>,
        kwargs: crate::native::Kwargs,
    ) -> Option<PyResult<Value>> {
        Some(decorate(&self.1, args, kwargs, false))
    }
    fn enter(&self, _this: &Value) -> Option<PyResult<Value>> {
        Some(self.gen().and_then(|g| match g.resume(None)? {
            Some(v) => Ok(v),
            None => raise("RuntimeError", "generator didn't yield"),
        }))
    }
    fn exit(&self, _this: &Value, e: Option<&Exception>) -> Option<PyResult<bool>> {
        Some(self.gen().and_then(|g| match e {
            None => match g.resume(None)? {
                Some(_) => raise("RuntimeError", "generator didn't stop"),
                None => Ok(false),
            },
            Some(e) => {
                g.0.throw_in(e.clone());
                after_throw(e, g.resume(None), "throw")
            }
        }))
    }
}

/// `@asynccontextmanager`'s object.
struct AsyncGenCm(Rc<GenCore>, Again);

/// How to make a manager's like again (CPython's `_recreate_cm`): the
/// factory `@contextmanager` made, called with the same arguments.
#[derive(Clone)]
struct Again {
    factory: Value,
    args: Vec<Value>,
    kwargs: crate::native::Kwargs,
}

/// `@cm(...)` on a function (`ContextDecorator.__call__`): each call of the
/// function runs in a `with` (`async with`) block of a fresh manager
/// (contextlib.py's `_cm_decorator`).
fn decorate(
    again: &Again,
    args: Vec<Value>,
    kwargs: crate::native::Kwargs,
    is_async: bool,
) -> PyResult<Value> {
    let name = if is_async { "AsyncContextDecorator" } else { "ContextDecorator" };
    let [func] = <[Value; 1]>::try_from(args).or_else(|args| {
        raise(
            "TypeError",
            format!("{name}.__call__() takes 2 positional arguments but {} were given", args.len() + 1),
        )
    })?;
    if let Some((k, _)) = kwargs.first() {
        return raise("TypeError", format!("{name}.__call__() got an unexpected keyword argument '{k}'"));
    }
    let again = again.clone();
    let recreate = crate::object::Builtin::new("_recreate_cm", move |_, _| {
        call_sync(&again.factory, again.args.clone(), again.kwargs.clone())
    });
    let contextlib = super::import("contextlib", crate::ast::Pos::default())?;
    let helper = crate::interp::attr::getattr(&contextlib, "_cm_decorator")?;
    call_sync(&helper, vec![recreate, func, Value::Bool(is_async)], vec![])
}

impl Native for AsyncGenCm {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("_AsyncGeneratorContextManager")
    }
    fn call(
        &self,
        _this: &Value,
        args: Vec<Value>,
        kwargs: crate::native::Kwargs,
    ) -> Option<PyResult<Value>> {
        Some(decorate(&self.1, args, kwargs, true))
    }
    fn aenter(&self, _this: &Value) -> Option<PyResult<Value>> {
        let core = self.0.clone();
        Some(Ok(coro_value("__aenter__", async move {
            match std::future::poll_fn(|cx| core.poll_body(cx)).await? {
                Some(v) => Ok(v),
                None => raise("RuntimeError", "generator didn't yield"),
            }
        })))
    }
    fn aexit(&self, _this: &Value, e: Option<&Exception>) -> Option<PyResult<Value>> {
        let core = self.0.clone();
        let e = e.cloned();
        Some(Ok(coro_value("__aexit__", async move {
            match e {
                None => match std::future::poll_fn(|cx| core.poll_body(cx)).await? {
                    Some(_) => raise("RuntimeError", "generator didn't stop"),
                    None => Ok(Value::Bool(false)),
                },
                Some(e) => {
                    core.throw_in(e.clone());
                    let r = std::future::poll_fn(|cx| match core.poll_body(cx) {
                        Poll::Ready(r) => Poll::Ready(r),
                        Poll::Pending => Poll::Pending,
                    })
                    .await;
                    after_throw(&e, r, "athrow").map(Value::Bool)
                }
            }
        })))
    }
}

/// `contextlib.suppress(*exceptions)`.
struct Suppress(Vec<Value>);

impl Native for Suppress {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("suppress")
    }
    fn enter(&self, _this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(Value::None))
    }
    fn exit(&self, _this: &Value, e: Option<&Exception>) -> Option<PyResult<bool>> {
        let Some(e) = e else { return Some(Ok(false)) };
        Some(Ok(self.0.iter().any(|c| matches!(c, Value::Class(c) if exc::matches(e, c)))))
    }
}

/// `contextlib.nullcontext(enter_result=None)`, also as an async context manager.
struct Null(Value);

impl Native for Null {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("nullcontext")
    }
    fn enter(&self, _this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(self.0.clone()))
    }
    fn exit(&self, _this: &Value, _e: Option<&Exception>) -> Option<PyResult<bool>> {
        Some(Ok(false))
    }
    fn aenter(&self, _this: &Value) -> Option<PyResult<Value>> {
        let v = self.0.clone();
        Some(Ok(coro_value("__aenter__", async move { Ok(v) })))
    }
    fn aexit(&self, _this: &Value, _e: Option<&Exception>) -> Option<PyResult<Value>> {
        Some(Ok(coro_value("__aexit__", async { Ok(Value::Bool(false)) })))
    }
}

/// What `@contextmanager` / `@asynccontextmanager` make of a generator
/// function: called, a context manager over its generator. It binds as the
/// function does (a decorated method gets `self`), and has its name, doc
/// and `__wrapped__` (CPython's is a `functools.wraps` helper).
struct CmFactory {
    func: Value,
    is_async: bool,
}

impl Native for CmFactory {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("function")
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        let qualname = crate::interp::attr::getattr(&self.func, "__qualname__")?;
        Ok(format!("<function {} at {:#x}>", crate::interp::text::str(&qualname)?, this.id()))
    }
    fn call(&self, this: &Value, args: Vec<Value>, kwargs: crate::native::Kwargs) -> Option<PyResult<Value>> {
        let again = Again { factory: this.clone(), args: args.clone(), kwargs: kwargs.clone() };
        Some(call_sync(&self.func, args, kwargs).and_then(|g| {
            if self.is_async {
                match g.as_native::<AsyncGenerator>() {
                    Some(a) => Ok(Value::native(AsyncGenCm(a.0.clone(), again))),
                    None => raise("TypeError", "asynccontextmanager needs an async generator function"),
                }
            } else if g.as_native::<Generator>().is_some() {
                Ok(Value::native(GenCm(g, again)))
            } else {
                raise("TypeError", "contextmanager needs a generator function")
            }
        }))
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__wrapped__" => Some(Ok(self.func.clone())),
            "__name__" | "__qualname__" | "__doc__" | "__module__" | "__annotations__" => {
                Some(crate::interp::attr::getattr(&self.func, name))
            }
            _ => None,
        }
    }
    fn binds(&self) -> bool {
        true
    }
}

fn wrap(func: Value, is_async: bool) -> Value {
    Value::native(CmFactory { func, is_async })
}

/// `_cm_enter(cm, is_async)`, for contextlib.py: what a `with` (or, as an
/// awaitable, an `async with`) statement does on entry, objects implemented
/// in Rust included.
pub fn cm_enter(args: Vec<Value>, _: crate::native::Kwargs) -> PyResult<Value> {
    let [cm, is_async] = <[Value; 2]>::try_from(args).map_err(|_| helper_args("_cm_enter"))?;
    let is_async = crate::interp::ops::truthy(&is_async)?;
    let names = if is_async { ["__aenter__", "__aexit__"] } else { ["__enter__", "__exit__"] };
    let native = matches!(cm, Value::Object(_));
    if !native && names.iter().any(|n| crate::interp::attr::lookup_special(&cm, n).is_none()) {
        // ExitStack's message names the class with its module.
        let c = crate::interp::attr::type_of(&cm);
        return raise(
            "TypeError",
            format!(
                "'{}.{}' object does not support the {}context manager protocol",
                c.module,
                c.qualname,
                if is_async { "asynchronous " } else { "" }
            ),
        );
    }
    if is_async {
        return Ok(coro_value("__aenter__", async move { crate::interp::exec::enter(&cm, true).await }));
    }
    now(crate::interp::exec::enter(&cm, false))
}

/// `_cm_exit(cm, exc, is_async)`: what leaving a `with` block with exception
/// `exc` (or None) does; True if the manager swallowed it.
pub fn cm_exit(args: Vec<Value>, _: crate::native::Kwargs) -> PyResult<Value> {
    let [cm, e, is_async] = <[Value; 3]>::try_from(args).map_err(|_| helper_args("_cm_exit"))?;
    let e = match &e {
        Value::Instance(i) if i.exc.is_some() => Some(exc::to_engine(i)),
        _ => None,
    };
    if crate::interp::ops::truthy(&is_async)? {
        return Ok(coro_value("__aexit__", async move {
            crate::interp::exec::exit(&cm, e.as_ref(), true).await.map(Value::Bool)
        }));
    }
    now(crate::interp::exec::exit(&cm, e.as_ref(), false)).map(Value::Bool)
}

fn helper_args(name: &str) -> Exception {
    Exception::new("TypeError", format!("{name}() got the wrong number of arguments"))
}

/// Runs a synchronous manager's entry or exit to its end.
fn now<T>(f: impl std::future::Future<Output = PyResult<T>>) -> PyResult<T> {
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match std::pin::pin!(f).poll(&mut cx) {
        Poll::Ready(r) => r,
        Poll::Pending => raise("RuntimeError", "a context manager's __enter__ or __exit__ cannot await"),
    }
}

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("contextlib");
    m.def("contextmanager", "contextmanager(func)", |mut args, _| Ok(wrap(args.remove(0), false)));
    m.def("asynccontextmanager", "asynccontextmanager(func)", |mut args, _| Ok(wrap(args.remove(0), true)));
    m.def("suppress", "suppress.__init__(self, *exceptions)", |args, _| Ok(Value::native(Suppress(args))));
    m.def("nullcontext", "nullcontext.__init__(self, enter_result=None)", |args, _| {
        Ok(Value::native(Null(args.into_iter().next().unwrap_or(Value::None))))
    });
    m
}
