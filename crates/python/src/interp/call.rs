//! Calls: binding arguments to parameters, running function bodies,
//! making coroutines and generators, instantiating classes.

use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::budget::{Charge, FRAME_BYTES};
use super::exc::raise;
use super::exec::{exec_block, Flow};
use super::{attr, interp, text, Frame};
use crate::native::coro::{BoxFut, Coroutine};
use crate::native::gen::{AsyncGenerator, GenChannel, GenCore, Generator};
use crate::object::{BuiltinType, Class, Function, Instance};
use crate::value::{Dict, Value};
use asyncio_engine::PyResult;

/// Keyword arguments.
pub type Kw = Vec<(Rc<str>, Value)>;

/// What a call turned into before anything awaited.
pub enum Prepared {
    /// The call is complete (builtins, coroutine creation, ...).
    Done(Value),
    /// A function body to run.
    Body(BoxFut),
}

/// `f(*args, **kwargs)`, awaiting a Python function's body.
pub async fn call(f: &Value, args: Vec<Value>, kwargs: Kw) -> PyResult<Value> {
    match prepare(f, args, kwargs)? {
        Prepared::Done(v) => Ok(v),
        Prepared::Body(b) => b.await,
    }
}

/// `f(*args, **kwargs)` from Rust code that cannot await (builtins calling
/// back: sort keys, `__repr__`, loop callbacks). A body that would suspend
/// is an error.
pub fn call_sync(f: &Value, args: Vec<Value>, kwargs: Kw) -> PyResult<Value> {
    match prepare(f, args, kwargs)? {
        Prepared::Done(v) => Ok(v),
        Prepared::Body(mut b) => {
            let mut cx = Context::from_waker(std::task::Waker::noop());
            match b.as_mut().poll(&mut cx) {
                Poll::Ready(r) => r,
                Poll::Pending => raise(
                    "RuntimeError",
                    "an event loop cannot be run from here (a function called by a builtin or a callback)",
                ),
            }
        }
    }
}

/// Resolves a call to a completed value or a body to run.
pub fn prepare(f: &Value, mut args: Vec<Value>, kwargs: Kw) -> PyResult<Prepared> {
    match f {
        Value::Function(func) => call_function(func, args, kwargs),
        Value::Builtin(b) => {
            let v = (b.func)(args, kwargs)?;
            if let Some(s) = v.as_native::<crate::native::suspend::Suspend>() {
                if let Some(fut) = s.take() {
                    return Ok(Prepared::Body(fut));
                }
            }
            Ok(Prepared::Done(v))
        }
        Value::BoundMethod(m) => {
            args.insert(0, m.this.clone());
            prepare(&m.func, args, kwargs)
        }
        Value::Class(c) => instantiate(c, args, kwargs),
        Value::Object(o) => match o.call(f, args, kwargs) {
            Some(r) => r.map(Prepared::Done),
            None => not_callable(f),
        },
        Value::Instance(inst) => match inst.class.lookup("__call__") {
            Some(m) => {
                args.insert(0, f.clone());
                prepare(&m, args, kwargs)
            }
            None => not_callable(f),
        },
        _ => not_callable(f),
    }
}

fn not_callable<T>(f: &Value) -> PyResult<T> {
    raise("TypeError", format!("'{}' object is not callable", text::type_name(f)))
}

/// Binds arguments into a fresh frame for `func`.
pub fn bind(func: &Rc<Function>, args: Vec<Value>, kwargs: Kw) -> PyResult<Frame> {
    let def = &func.def;
    let scope = def.scope.borrow();
    let p = &def.params;
    let npos = p.posonly.len() + p.args.len();
    let mut slots: Vec<Option<Value>> = vec![None; scope.locals.len()];
    let qual = func.qualname.borrow().clone();
    let nargs = args.len();
    let mut extra = Vec::new();
    for (i, a) in args.into_iter().enumerate() {
        if i < npos {
            slots[i] = Some(a);
        } else {
            extra.push(a);
        }
    }
    let mut next = npos;
    if p.vararg.is_some() {
        slots[next] = Some(Value::tuple(extra));
        next += 1;
    } else if !extra.is_empty() {
        return too_many_positional(&qual, npos, def, nargs, &kwargs);
    }
    let kwonly_start = next;
    next += p.kwonly.len();
    let kwdict = if p.kwarg.is_some() { Some(Dict::new()) } else { None };
    if kwdict.is_none() {
        let named: Vec<&str> =
            kwargs.iter().map(|(k, _)| &**k).filter(|k| p.posonly.iter().any(|a| &*a.name == *k)).collect();
        if !named.is_empty() {
            return raise(
                "TypeError",
                format!(
                    "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
                    named.join(", ")
                ),
            );
        }
    }
    for (k, v) in kwargs {
        let pos_slot = p.args.iter().position(|a| a.name == k).map(|i| i + p.posonly.len());
        let kw_slot = p.kwonly.iter().position(|a| a.name == k).map(|i| i + kwonly_start);
        match pos_slot.or(kw_slot) {
            Some(s) => {
                if slots[s].is_some() {
                    return raise("TypeError", format!("{qual}() got multiple values for argument '{k}'"));
                }
                slots[s] = Some(v);
            }
            None => match &kwdict {
                Some(d) => super::ops::dict_set(d, Value::Str(k), v)?,
                None => {
                    return raise("TypeError", format!("{qual}() got an unexpected keyword argument '{k}'"));
                }
            },
        }
    }
    if let Some(d) = kwdict {
        slots[next] = Some(Value::Dict(d));
    }
    fill_defaults(func, &mut slots, npos, kwonly_start, &qual)?;
    let cells = make_cells(func, &scope, &mut slots);
    let mut frame = Frame::new(func.module.clone(), func.def.name.clone(), 0, cells);
    *frame.locals.borrow_mut() = slots;
    frame.owner = func.owner.clone();
    frame.def = Some(func.def.clone());
    Ok(frame)
}

fn too_many_positional<T>(
    qual: &str,
    npos: usize,
    def: &crate::ast::FunctionDef,
    given: usize,
    kwargs: &Kw,
) -> PyResult<T> {
    let required = def.params.posonly.iter().chain(&def.params.args).filter(|a| a.default.is_none()).count();
    let takes = if required == npos {
        format!("{npos} positional argument{}", if npos == 1 { "" } else { "s" })
    } else {
        format!("from {required} to {npos} positional arguments")
    };
    let kw_given = kwargs.iter().filter(|(k, _)| def.params.kwonly.iter().any(|p| &p.name == k)).count();
    let given_text = if kw_given > 0 {
        format!(
            "{given} positional argument{} (and {kw_given} keyword-only argument{}) were given",
            if given == 1 { "" } else { "s" },
            if kw_given == 1 { "" } else { "s" }
        )
    } else {
        format!("{given} {}", if given == 1 { "was given" } else { "were given" })
    };
    raise("TypeError", format!("{qual}() takes {takes} but {given_text}"))
}

fn fill_defaults(
    func: &Function,
    slots: &mut [Option<Value>],
    npos: usize,
    kw_start: usize,
    qual: &str,
) -> PyResult<()> {
    let p = &func.def.params;
    let first_default = npos - func.defaults.len();
    let mut missing = Vec::new();
    let names: Vec<&Rc<str>> = p.posonly.iter().chain(&p.args).map(|a| &a.name).collect();
    for i in 0..npos {
        if slots[i].is_none() {
            if i >= first_default {
                slots[i] = Some(func.defaults[i - first_default].clone());
            } else {
                missing.push(format!("'{}'", names[i]));
            }
        }
    }
    if !missing.is_empty() {
        return missing_error(qual, "positional", &missing);
    }
    for (j, param) in p.kwonly.iter().enumerate() {
        let s = kw_start + j;
        if slots[s].is_none() {
            match func.kw_defaults.get(j).cloned().flatten() {
                Some(d) => slots[s] = Some(d),
                None => missing.push(format!("'{}'", param.name)),
            }
        }
    }
    if !missing.is_empty() {
        return missing_error(qual, "keyword-only", &missing);
    }
    Ok(())
}

fn missing_error<T>(qual: &str, kind: &str, missing: &[String]) -> PyResult<T> {
    let n = missing.len();
    let list = match n {
        1 => missing[0].clone(),
        2 => format!("{} and {}", missing[0], missing[1]),
        _ => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
    };
    raise(
        "TypeError",
        format!("{qual}() missing {n} required {kind} argument{}: {list}", if n == 1 { "" } else { "s" }),
    )
}

/// The frame's cells: its own (parameters moved in) and the closure's.
fn make_cells(
    func: &Function,
    scope: &crate::ast::ScopeInfo,
    slots: &mut [Option<Value>],
) -> Vec<crate::object::CellRef> {
    let mut cells = Vec::with_capacity(scope.cells.len() + func.closure.len());
    if !scope.cells.is_empty() {
        let it = interp();
        for (_, param_slot) in &scope.cells {
            let init = param_slot.and_then(|s| slots[s as usize].take());
            let cell = Rc::new(std::cell::RefCell::new(init));
            it.cells.track(&cell);
            cells.push(cell);
        }
    }
    cells.extend(func.closure.iter().cloned());
    cells
}

fn call_function(func: &Rc<Function>, args: Vec<Value>, kwargs: Kw) -> PyResult<Prepared> {
    let def = &func.def;
    let label_args =
        if def.is_async && !def.is_generator { Some((args.clone(), kwargs.clone())) } else { None };
    let mut frame = bind(func, args, kwargs)?;
    let name = func.name.borrow().clone();
    let qualname = func.qualname.borrow().clone();
    // A coroutine's or generator's frame outlives the call: it counts
    // against the memory budget until its body ends or is dropped.
    let charge = if def.is_generator || def.is_async { Some(Charge::new(FRAME_BYTES)?) } else { None };
    if def.is_generator {
        let chan = Rc::new(GenChannel::default());
        chan.coroutine.set(func.iterable_coroutine.get());
        frame.gen = Some(chan.clone());
        let body = charged_body_future(func.clone(), Rc::new(frame), charge);
        let core = GenCore::new(name, qualname, body, chan);
        core.iterable_coroutine.set(func.iterable_coroutine.get());
        return Ok(Prepared::Done(if def.is_async {
            Value::native(AsyncGenerator(Rc::new(core)))
        } else {
            Value::native(Generator(Rc::new(core)))
        }));
    }
    let frame = Rc::new(frame);
    let body = charged_body_future(func.clone(), frame.clone(), charge);
    if def.is_async {
        let (args, kwargs) = label_args.unwrap_or_default();
        let defined_at: Rc<str> = Rc::from(format!("{}:{}", func.module.filename, def.first_line()));
        let coro = Coroutine::new(name, qualname, args, kwargs, defined_at, body);
        coro.set_frame(&frame);
        return Ok(Prepared::Done(Value::native(coro)));
    }
    Ok(Prepared::Body(body))
}

/// The future that runs a function's body in `frame`.
pub fn body_future(func: Rc<Function>, frame: Rc<Frame>) -> BoxFut {
    charged_body_future(func, frame, None)
}

/// [`body_future`] holding `charge` until the body ends (or is dropped).
fn charged_body_future(func: Rc<Function>, frame: Rc<Frame>, charge: Option<Charge>) -> BoxFut {
    let running = frame.clone();
    Box::pin(Depth::new(running, async move {
        let _charge = charge;
        let out = exec_block(&func.def.body, &frame).await;
        match out {
            Ok(Flow::Return(v)) => Ok(v),
            Ok(_) => Ok(Value::None),
            // PEP 479: a coroutine's StopIteration does not leak as its end.
            Err(e) if func.def.is_async && !func.def.is_generator && e.is("StopIteration") => {
                Err(super::exc::from_cause(&e, "coroutine raised StopIteration"))
            }
            Err(e) => Err(e),
        }
    }))
}

/// Counts the Python frames on the Rust stack while a body is polled, so
/// that deep recursion is a RecursionError instead of a stack overflow, and
/// keeps the body's frame among the running ones ([`super::frames`]).
pub struct Depth<F> {
    frame: Rc<Frame>,
    inner: Pin<Box<F>>,
}

impl<F> Depth<F> {
    pub fn new(frame: Rc<Frame>, inner: F) -> Depth<F> {
        Depth { frame, inner: Box::pin(inner) }
    }
}

impl<F: StdFuture<Output = PyResult<Value>>> StdFuture for Depth<F> {
    type Output = PyResult<Value>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<Value>> {
        let it = interp();
        let d = it.depth.get();
        if let Some(e) = it.too_deep(d, "") {
            return Poll::Ready(Err(e));
        }
        it.depth.set(d + 1);
        let running = super::frames::enter(&self.frame);
        let out = self.inner.as_mut().poll(cx);
        drop(running);
        it.depth.set(d);
        if out.is_ready() {
            // The frame is done: its locals go now (a task keeps its body
            // after it ends), so their `__del__`s run when CPython's do.
            drop(std::mem::take(&mut *self.frame.locals.borrow_mut()));
        }
        out
    }
}

/// `C(*args, **kwargs)`.
fn instantiate(c: &Rc<Class>, args: Vec<Value>, kwargs: Kw) -> PyResult<Prepared> {
    if let Some(call) = attr::lookup_special(&Value::Class(c.clone()), "__call__") {
        return call_sync(&call, args, kwargs).map(Prepared::Done);
    }
    if !c.is_user() && !c.is_exception {
        return crate::builtins::construct(c, args, kwargs).map(Prepared::Done);
    }
    if let Some(new) = user_new(c) {
        let mut a = vec![Value::Class(c.clone())];
        a.extend(args.iter().cloned());
        let obj = call_sync(&new, a, kwargs.clone())?;
        // CPython calls __init__ only on an instance of the class.
        if !matches!(&obj, Value::Instance(i) if i.class.is_subclass(c)) {
            return Ok(Prepared::Done(obj));
        }
        return finish_init(c, obj, args, kwargs);
    }
    if c.is_exception
        && !kwargs.is_empty()
        && c.lookup("__init__").is_none_or(|f| !matches!(f, Value::Function(_)))
    {
        return raise("TypeError", format!("{}() takes no keyword arguments", c.name));
    }
    let obj = bare_instance(c, args.clone())?;
    finish_init(c, obj, args, kwargs)
}

/// A new instance of `c` before `__init__` (`object.__new__`); an
/// exception's `args` are the arguments.
pub fn bare_instance(c: &Rc<Class>, args: Vec<Value>) -> PyResult<Value> {
    let group = c.is_exception && c.is_subclass(&interp().types.exception_named("BaseExceptionGroup"));
    let class = if group {
        crate::builtins::excgroup::group_class(c, &args)?
    } else {
        crate::builtins::oserror::class_for(c, &args)
    };
    let inst = Instance::new(class);
    if let Some(data) = &inst.exc {
        let mut args = args;
        crate::builtins::oserror::init(&inst, &mut args);
        *data.args.borrow_mut() = args.clone();
        if group {
            crate::builtins::excgroup::init_group(&inst, &args)?;
        }
    }
    Ok(Value::Instance(inst))
}

fn user_new(c: &Class) -> Option<Value> {
    match c.lookup("__new__") {
        Some(v @ Value::Function(_)) => Some(v),
        Some(Value::Object(o)) if o.as_any().is::<crate::builtins::descr::StaticMethod>() => {
            o.as_any().downcast_ref::<crate::builtins::descr::StaticMethod>().map(|s| s.0.clone())
        }
        _ => None,
    }
}

fn finish_init(c: &Rc<Class>, obj: Value, args: Vec<Value>, kwargs: Kw) -> PyResult<Prepared> {
    let init = c.lookup("__init__");
    match init {
        Some(f @ Value::Function(_)) => {
            let mut a = vec![obj.clone()];
            a.extend(args);
            match prepare(&f, a, kwargs)? {
                Prepared::Done(r) => {
                    check_init_result(&r)?;
                    Ok(Prepared::Done(obj))
                }
                Prepared::Body(b) => Ok(Prepared::Body(Box::pin(async move {
                    let r = b.await?;
                    check_init_result(&r)?;
                    Ok(obj)
                }))),
            }
        }
        Some(f @ Value::Builtin(_)) => {
            let mut a = vec![obj.clone()];
            a.extend(args);
            call_sync(&f, a, kwargs)?;
            Ok(Prepared::Done(obj))
        }
        _ => {
            let is_exc = matches!(&obj, Value::Instance(i) if i.exc.is_some());
            if !is_exc && (!args.is_empty() || !kwargs.is_empty()) && user_new(c).is_none() {
                return raise("TypeError", format!("{}() takes no arguments", c.name));
            }
            Ok(Prepared::Done(obj))
        }
    }
}

fn check_init_result(r: &Value) -> PyResult<()> {
    if !matches!(r, Value::None) {
        return raise("TypeError", format!("__init__() should return None, not '{}'", text::type_name(r)));
    }
    Ok(())
}

/// Is `v` callable?
pub fn callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        Value::Object(o) => {
            o.class().builtin == BuiltinType::Native
                && attr::getattr_opt(v, "__call__").ok().flatten().is_some()
                || o.as_any().is::<crate::builtins::functools::Partial>()
                || o.as_any()
                    .downcast_ref::<crate::builtins::descr::StaticMethod>()
                    .is_some_and(|s| callable(&s.0))
        }
        _ => false,
    }
}
