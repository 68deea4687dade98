//! The `asyncio` module: every awaitable and primitive is the engine's, so
//! interpreted programs are scheduled exactly as the Rust lessons are.

pub mod bases;
pub mod futures;
pub mod groups;
pub mod handler;
pub mod loops;
pub mod sync;

use std::cell::RefCell;
use std::collections::hash_map::{Entry, HashMap};
use std::rc::Rc;

use self::futures::{engine_future, is_future, register_task, task_value, PyFuture, PyTask, TaskBody};
use crate::interp::budget::{Charge, WAITER_BYTES};
use crate::interp::exc::raise;
use crate::interp::{interp, iter, ops, text};
use crate::modules::ModuleObj;
use crate::native::coro::Coroutine;
use crate::native::gen::{ANext, Generator};
use crate::native::{take_kw, Kwargs};
use crate::value::{SetObj, Value};
use asyncio_engine::{Awaitable, EventLoop, Future, PyResult, ReturnWhen};

/// A coroutine object running a Rust future (`asyncio.sleep(1)` and friends).
pub fn coro_value(name: &str, body: impl std::future::Future<Output = PyResult<Value>> + 'static) -> Value {
    let (name, file) = coro_names(name);
    Value::native(Coroutine::new(name.clone(), name, vec![], vec![], file, Box::pin(body)))
}

/// One of asyncio's coroutine functions as CPython 3.11's reprs show it
/// (`coro=<Queue.get() running at .../asyncio/queues.py:158>`): its
/// qualified name, its file in the reference installation
/// ([`asyncio_engine::cpython_source::ASYNCIO_DIR`]), the line it is defined
/// at and the line it waits at once started.
pub struct Source {
    qualname: &'static str,
    file: &'static str,
    line: u32,
    waits_at: u32,
}

pub const SLEEP: Source = Source { qualname: "sleep", file: "tasks.py", line: 637, waits_at: 649 };
/// `sleep(0)` (or less) waits at another line.
const SLEEP_0_WAITS_AT: u32 = 640;
const WAIT: Source = Source { qualname: "wait", file: "tasks.py", line: 399, waits_at: 428 };
const WAIT_FOR: Source = Source { qualname: "wait_for", file: "tasks.py", line: 436, waits_at: 476 };
/// `wait_for(aw, None)` waits at another line.
const WAIT_FOR_NONE_WAITS_AT: u32 = 452;
const WAIT_FOR_ONE: Source =
    Source { qualname: "as_completed.<locals>._wait_for_one", file: "tasks.py", line: 610, waits_at: 611 };
const TO_THREAD: Source = Source { qualname: "to_thread", file: "threads.py", line: 12, waits_at: 25 };
pub const QUEUE_GET: Source = Source { qualname: "Queue.get", file: "queues.py", line: 149, waits_at: 158 };
pub const QUEUE_PUT: Source = Source { qualname: "Queue.put", file: "queues.py", line: 110, waits_at: 120 };
pub const QUEUE_JOIN: Source = Source { qualname: "Queue.join", file: "queues.py", line: 206, waits_at: 215 };
/// The primitives' coroutines (`Condition.acquire` is its lock's;
/// `BoundedSemaphore` inherits `Semaphore.acquire`).
pub const LOCK_ACQUIRE: Source =
    Source { qualname: "Lock.acquire", file: "locks.py", line: 93, waits_at: 114 };
pub const EVENT_WAIT: Source = Source { qualname: "Event.wait", file: "locks.py", line: 200, waits_at: 213 };
pub const CONDITION_WAIT: Source =
    Source { qualname: "Condition.wait", file: "locks.py", line: 248, waits_at: 267 };
pub const CONDITION_WAIT_FOR: Source =
    Source { qualname: "Condition.wait_for", file: "locks.py", line: 285, waits_at: 294 };
pub const SEMAPHORE_ACQUIRE: Source =
    Source { qualname: "Semaphore.acquire", file: "locks.py", line: 364, waits_at: 387 };
pub const BARRIER_WAIT: Source =
    Source { qualname: "Barrier.wait", file: "locks.py", line: 481, waits_at: 497 };
pub const BARRIER_RESET: Source =
    Source { qualname: "Barrier.reset", file: "locks.py", line: 547, waits_at: 553 };
pub const BARRIER_ABORT: Source =
    Source { qualname: "Barrier.abort", file: "locks.py", line: 562, waits_at: 568 };

/// A coroutine object of asyncio's function `source` running `body`;
/// `waits_at` overrides the line it waits at.
pub fn asyncio_coro(
    source: &Source,
    waits_at: Option<u32>,
    body: impl std::future::Future<Output = PyResult<Value>> + 'static,
) -> Value {
    let (qualname, _) = coro_names(source.qualname);
    let name = match source.qualname.rsplit_once('.') {
        Some((_, name)) => coro_names(name).0,
        None => qualname.clone(),
    };
    let defined_at = DEFINED_AT.with(|places| {
        let mut places = places.borrow_mut();
        if let Some((_, at)) = places.iter().find(|(q, _)| *q == source.qualname) {
            return at.clone();
        }
        let dir = asyncio_engine::cpython_source::ASYNCIO_DIR;
        let at: Rc<str> = Rc::from(format!("{dir}/{}:{}", source.file, source.line));
        places.push((source.qualname, at.clone()));
        at
    });
    let waits_at = waits_at.unwrap_or(source.waits_at);
    Value::native(Coroutine::asyncio(qualname, name, defined_at, waits_at, Box::pin(body)))
}

thread_local! {
    /// The names of asyncio's coroutines made so far (a handful: `put`,
    /// `get`, `acquire`...), shared rather than allocated per call.
    static CORO_NAMES: RefCell<Vec<Rc<str>>> = const { RefCell::new(Vec::new()) };
    static ASYNCIO_FILE: Rc<str> = Rc::from("<asyncio>");
    /// Where each [`Source`] made so far is defined (`file:line`), shared
    /// rather than formatted per call (`asyncio.sleep` is called often).
    static DEFINED_AT: RefCell<Vec<(&'static str, Rc<str>)>> = const { RefCell::new(Vec::new()) };
}

/// `name` as a shared string, and the file asyncio's coroutines say they
/// are defined in.
fn coro_names(name: &str) -> (Rc<str>, Rc<str>) {
    let shared = CORO_NAMES.with(|names| {
        let mut names = names.borrow_mut();
        match names.iter().find(|n| ***n == *name) {
            Some(n) => n.clone(),
            None => {
                let n: Rc<str> = Rc::from(name);
                names.push(n.clone());
                n
            }
        }
    });
    (shared, ASYNCIO_FILE.with(Rc::clone))
}

/// `loop.create_task(coro, name=...)`.
pub fn spawn(lp: &EventLoop, coro: &Value, name: Option<Value>) -> PyResult<Value> {
    spawn_in(lp, coro, name, None)
}

/// `loop.create_task(coro, name=..., context=...)`.
pub fn spawn_in(
    lp: &EventLoop,
    coro: &Value,
    name: Option<Value>,
    context: Option<Value>,
) -> PyResult<Value> {
    let Some(body) = coroutine_body(coro) else {
        return raise("TypeError", format!("a coroutine was expected, got {}", text::repr(coro)?));
    };
    let body = TaskBody::in_context(body, crate::modules::contextvars::given(context)?)?;
    let handle = body.handle();
    let task = match name {
        None | Some(Value::None) => lp.create_task(body)?,
        Some(n) => lp.create_named_task(body, &text::str(&n)?)?,
    };
    Ok(register_task(task, coro, handle))
}

/// What asyncio takes for a coroutine (`asyncio.iscoroutine`): coroutines,
/// the awaitables of an async generator's `__anext__`, `asend` and
/// `athrow`, which have a coroutine's methods (`collections.abc.Coroutine`),
/// and in 3.11 still any generator (`types.GeneratorType`).
pub fn is_coroutine(v: &Value) -> bool {
    v.as_native::<Coroutine>().is_some()
        || v.as_native::<ANext>().is_some()
        || v.as_native::<Generator>().is_some()
        || is_coroutine_object(v)
}

/// An object of the program's that `collections.abc.Coroutine` takes: its
/// class has `__await__`, `send`, `throw` and `close`, or derives from it.
fn is_coroutine_object(v: &Value) -> bool {
    let Value::Instance(inst) = v else { return false };
    let abc =
        |c: &std::rc::Rc<crate::object::Class>| &*c.name == "Coroutine" && &*c.module == "collections.abc";
    inst.class.mro().iter().any(abc)
        || ["__await__", "send", "throw", "close"].iter().all(|m| inst.class.lookup(m).is_some())
}

/// The body a task runs for coroutine `v` (see [`is_coroutine`]); one that
/// cannot start (already awaited) fails in the task, as in CPython. A task
/// steps a generator as it steps an `__await__` generator.
pub fn coroutine_body(v: &Value) -> Option<crate::native::coro::BoxFut> {
    if is_coroutine_object(v) {
        let coro = v.clone();
        return Some(Box::pin(async move { crate::interp::yieldfrom::drive_coroutine_object(coro).await }));
    }
    if v.as_native::<Generator>().is_some() {
        let gen = v.clone();
        return Some(Box::pin(async move {
            let Some(g) = gen.as_native::<Generator>() else { return Ok(Value::None) };
            crate::interp::eval::drive_await_generator(g).await
        }));
    }
    match v.as_native::<Coroutine>() {
        Some(c) => Some(c.take_for_task()),
        None => v.as_native::<ANext>().map(ANext::body_for_task),
    }
}

fn running() -> PyResult<EventLoop> {
    asyncio_engine::get_running_loop()
}

/// `ensure_future(aw)` on `lp`: the engine future (tasks for coroutines).
fn ensure(lp: &EventLoop, v: &Value) -> PyResult<(Value, Future<Value>)> {
    if let Some(f) = engine_future(v) {
        return Ok((v.clone(), f));
    }
    if is_coroutine(v) {
        let t = spawn(lp, v, None)?;
        let f = engine_future(&t).ok_or_else(|| asyncio_engine::Exception::runtime_error("task"))?;
        return Ok((t, f));
    }
    if let Some(c) = wrap_awaitable(v) {
        return ensure(lp, &c);
    }
    raise("TypeError", "An asyncio.Future, a coroutine or an awaitable is required")
}

/// An object with `__await__` as a coroutine awaiting it (`_wrap_awaitable`).
fn wrap_awaitable(v: &Value) -> Option<Value> {
    if !matches!(v, Value::Instance(_)) {
        return None;
    }
    crate::interp::attr::lookup_special(v, "__await__")?;
    let v = v.clone();
    Some(coro_value("_wrap_awaitable", async move { crate::interp::eval::await_value(v).await }))
}

/// `asyncio.ensure_future(aw, *, loop=None)`.
fn ensure_future(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let v = crate::builtins::one("ensure_future", &args)?;
    let lp = match take_kw(&mut kwargs, "loop") {
        None | Some(Value::None) => None,
        Some(l) => match l.as_native::<loops::PyLoop>() {
            Some(pl) => Some(pl.lp.clone()),
            None if is_future(v) => return raise("ValueError", asyncio_engine::DIFFERENT_LOOP),
            None => {
                let what = text::type_name(&l);
                return raise("AttributeError", format!("'{what}' object has no attribute 'create_task'"));
            }
        },
    };
    if is_future(v) {
        if let (Some(lp), Some(f)) = (&lp, engine_future(v)) {
            f.check_loop(lp)?;
        }
        return Ok(v.clone());
    }
    let lp = match lp {
        Some(lp) => lp,
        None => loops::current_or_running()?,
    };
    Ok(ensure(&lp, v)?.0)
}

/// An awaitable argument for the engine's `wait_for` / `shield`.
fn awaitable(v: &Value) -> PyResult<Awaitable<Value>> {
    if let Some(f) = engine_future(v) {
        return Ok(Awaitable::Future(f));
    }
    if let Some(c) = v.as_native::<Coroutine>() {
        return Ok(Awaitable::Coroutine(c.take()?));
    }
    if let Some(body) = coroutine_body(v) {
        return Ok(Awaitable::Coroutine(body));
    }
    if let Some(c) = wrap_awaitable(v) {
        return awaitable(&c);
    }
    raise("TypeError", "An asyncio.Future, a coroutine or an awaitable is required")
}

/// A `timeout` argument: None, or seconds. Anything else fails where
/// CPython's code first computes with it: `loop.time() + timeout` (`wait`,
/// `as_completed`), or `timeout <= 0` when `compared` (`wait_for`).
fn delay_arg(v: Option<Value>, compared: bool) -> PyResult<Option<f64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_f64() {
            Some(f) => Ok(Some(f)),
            None if compared => raise(
                "TypeError",
                format!("'<=' not supported between instances of '{}' and 'int'", text::type_name(&v)),
            ),
            None => raise(
                "TypeError",
                format!("unsupported operand type(s) for +: 'float' and '{}'", text::type_name(&v)),
            ),
        },
    }
}

fn sleep(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let result = take_kw(&mut kwargs, "result").or_else(|| args.get(1).cloned()).unwrap_or(Value::None);
    let Some(d) = args.first().cloned().or_else(|| take_kw(&mut kwargs, "delay")) else {
        return raise("TypeError", "sleep() missing 1 required positional argument: 'delay'");
    };
    let Some(delay) = d.as_f64() else {
        return raise(
            "TypeError",
            format!("'<=' not supported between instances of '{}' and 'int'", text::type_name(&d)),
        );
    };
    if delay.is_nan() || delay == f64::INFINITY {
        // Forever: a future nothing completes (a deadlock if nothing else runs),
        // not a timer the clock would chase a day at a time.
        let lp = running()?;
        let never: asyncio_engine::Future<Value> = lp.create_future();
        return Ok(asyncio_coro(&SLEEP, None, async move { never.await }));
    }
    let waits_at = (delay <= 0.0).then_some(SLEEP_0_WAITS_AT);
    Ok(asyncio_coro(&SLEEP, waits_at, async move { asyncio_engine::sleep_result(delay, result).await }))
}

fn create_task(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let name = take_kw(&mut kwargs, "name");
    let context = take_kw(&mut kwargs, "context");
    let coro = crate::builtins::one("create_task", &args)?;
    let lp = running()?;
    // 3.11's asyncio.create_task makes the task unnamed (using up a Task-N
    // number), then sets the name.
    let task = spawn_in(&lp, coro, None, context)?;
    if let (Some(n), Some(t)) = (name.filter(|n| !matches!(n, Value::None)), task.as_native::<PyTask>()) {
        if let Some(typed) = &t.typed {
            typed.set_name(&text::str(&n)?);
        }
    }
    Ok(task)
}

fn gather(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let return_exceptions = match take_kw(&mut kwargs, "return_exceptions") {
        Some(v) => ops::truthy(&v)?,
        None => false,
    };
    // CPython's gather belongs to its first future's loop.
    let first_loop = args.first().and_then(engine_future).and_then(|f| f.get_loop());
    let lp = match first_loop {
        Some(lp) => lp,
        None => loops::current_or_running()?,
    };
    // An argument given twice is one child (CPython's `arg_to_fut`): its
    // result fills both places.
    let (mut futs, mut seen, mut slot_of) = (Vec::new(), HashMap::new(), Vec::with_capacity(args.len()));
    for a in &args {
        // CPython's `arg not in arg_to_fut` hashes each argument first.
        ops::hash(a)?;
        let slot = match seen.entry(a.id()) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                futs.push(ensure(&lp, a)?.1);
                *e.insert(futs.len() - 1)
            }
        };
        slot_of.push(slot);
    }
    let n = futs.len();
    let out = asyncio_engine::gather_collect(&lp, &futs, return_exceptions, move |outcomes| {
        let values: Vec<Value> = outcomes
            .into_iter()
            .map(|o| match o {
                Ok(v) => v,
                Err(e) => Value::Instance(crate::interp::exc::instance(&e)),
            })
            .collect();
        Value::list(slot_of.iter().map(|&i| values.get(i).cloned().unwrap_or(Value::None)).collect())
    })?;
    if n == 0 {
        // `gather()` of nothing is a plain future, done with `[]`.
        return PyFuture::value(out);
    }
    PyFuture::gathering(out, n)
}

/// The futures of `wait`/`as_completed`'s argument, with their objects.
fn futures_of(fs: &Value, lp: &EventLoop, coroutines_ok: bool) -> PyResult<Vec<(Value, Future<Value>)>> {
    let items = iter::collect(fs)?;
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        if !coroutines_ok && is_coroutine(&v) {
            return raise("TypeError", "Passing coroutines is forbidden, use tasks explicitly.");
        }
        out.push(ensure(lp, &v)?);
    }
    Ok(out)
}

/// `asyncio.wait(fs, timeout=None, return_when=ALL_COMPLETED)`: an `async
/// def` in CPython, so its checks and the loop it runs on come at its first
/// step (`loop.run_until_complete(asyncio.wait(tasks))` before any loop runs).
fn wait(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let Some(fs) = args.first().cloned() else {
        return raise("TypeError", "wait() missing 1 required positional argument: 'fs'");
    };
    let timeout = take_kw(&mut kwargs, "timeout").or_else(|| args.get(1).cloned());
    let rw = take_kw(&mut kwargs, "return_when").or_else(|| args.get(2).cloned());
    Ok(asyncio_coro(&WAIT, None, async move {
        let timeout = delay_arg(timeout, false)?;
        let return_when = match rw {
            None => ReturnWhen::AllCompleted,
            Some(v) => match ReturnWhen::from_name(&text::str(&v)?) {
                Some(r) => r,
                None => return raise("ValueError", format!("Invalid return_when value: {}", text::str(&v)?)),
            },
        };
        if is_future(&fs) || is_coroutine(&fs) {
            return raise(
                "TypeError",
                format!("expect a list of futures, not {}", crate::interp::attr::type_of(&fs).name),
            );
        }
        let lp = running()?;
        let pairs = futures_of(&fs, &lp, false)?;
        let _charge = Charge::new(WAITER_BYTES.saturating_mul(pairs.len()))?;
        let futs: Vec<Future<Value>> = pairs.iter().map(|(_, f)| f.clone()).collect();
        let (done, pending) = asyncio_engine::wait(&futs, timeout, return_when).await?;
        let to_set = |group: Vec<Future<Value>>| -> PyResult<Value> {
            let s = SetObj::new(false);
            for f in group {
                if let Some((v, _)) = pairs.iter().find(|(_, g)| g.ptr_eq(&f)) {
                    ops::set_add(&s, v.clone())?;
                }
            }
            Ok(Value::Set(s))
        };
        Ok(Value::tuple(vec![to_set(done)?, to_set(pending)?]))
    }))
}

/// `async def` functions, bound or wrapped in `functools.partial` (as
/// `inspect` unwraps them).
pub fn is_coroutine_function(v: &Value) -> bool {
    match v {
        Value::Function(f) => f.def.is_async && !f.def.is_generator,
        Value::BoundMethod(b) => is_coroutine_function(&b.func),
        _ => v
            .as_native::<crate::builtins::functools::Partial>()
            .is_some_and(|p| is_coroutine_function(&p.func)),
    }
}

fn wait_for(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let timeout = delay_arg(take_kw(&mut kwargs, "timeout").or_else(|| args.get(1).cloned()), true)?;
    let Some(aw) = args.first() else {
        return raise("TypeError", "wait_for() missing 1 required positional argument: 'fut'");
    };
    let aw = awaitable(aw)?;
    let waits_at = timeout.is_none().then_some(WAIT_FOR_NONE_WAITS_AT);
    Ok(asyncio_coro(&WAIT_FOR, waits_at, async move {
        asyncio_engine::wait_for(aw, timeout).await.inspect_err(|e| {
            // The engine's own timeout is `raise TimeoutError() from exc`,
            // `exc` the CancelledError of the awaitable it cancelled.
            if e.is("TimeoutError") && e.payload().is_none() {
                let inst = crate::interp::exc::instance(e);
                if let Some(data) = &inst.exc {
                    let cancelled =
                        crate::object::Instance::new(interp().types.exception_named("CancelledError"));
                    *data.cause.borrow_mut() = Value::Instance(cancelled.clone());
                    *data.context.borrow_mut() = Value::Instance(cancelled);
                    data.suppress_context.set(true);
                }
            }
        })
    }))
}

fn shield(args: Vec<Value>, _kwargs: Kwargs) -> PyResult<Value> {
    let v = crate::builtins::one("shield", &args)?;
    if is_coroutine(v) {
        // shield() wraps a coroutine in a task on the running loop.
        let lp = loops::current_or_running()?;
        let (_, f) = ensure(&lp, v)?;
        return PyFuture::waiting(asyncio_engine::shield(Awaitable::Future(f))?, 1);
    }
    let out = asyncio_engine::shield(awaitable(v)?)?;
    PyFuture::waiting(out, 1)
}

fn as_completed(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let timeout = delay_arg(take_kw(&mut kwargs, "timeout").or_else(|| args.get(1).cloned()), false)?;
    let Some(fs) = args.first() else {
        return raise("TypeError", "as_completed() missing 1 required positional argument: 'fs'");
    };
    if is_future(fs) || is_coroutine(fs) {
        return raise(
            "TypeError",
            format!("expect an iterable of futures, not {}", crate::interp::attr::type_of(fs).name),
        );
    }
    let lp = running()?;
    let pairs = futures_of(fs, &lp, true)?;
    let futs: Vec<Future<Value>> = pairs.iter().map(|(_, f)| f.clone()).collect();
    let ac = Rc::new(asyncio_engine::as_completed(&futs, timeout)?);
    let n = ac.len();
    let charge = Rc::new(Charge::new(WAITER_BYTES.saturating_mul(n))?);
    // A generator: each `_wait_for_one()` coroutine is made when asked for,
    // so a loop that breaks leaves none unawaited behind.
    let make = crate::object::Builtin::new("_wait_for_one", move |_, _| {
        let ac = ac.clone();
        let charge = charge.clone();
        Ok(asyncio_coro(&WAIT_FOR_ONE, None, async move {
            let _charge = charge;
            match ac.next().await {
                Some(r) => r,
                None => raise("StopIteration", ""),
            }
        }))
    });
    let count = iter::Iter::Range { cur: 0, stop: n as i64, step: 1 };
    Ok(crate::native::iters::IterObj::value(iter::Iter::Map(make, vec![count]), "generator"))
}

/// The running task's object, or None.
pub fn current_task_value() -> Value {
    asyncio_engine::current_task().map_or(Value::None, task_value)
}

fn current_task(_args: Vec<Value>, _kwargs: Kwargs) -> PyResult<Value> {
    Ok(match asyncio_engine::current_task() {
        Some(t) => task_value(t),
        None => {
            running()?;
            Value::None
        }
    })
}

/// `asyncio.all_tasks(loop=None)`: the running loop's unfinished tasks, or `loop`'s.
fn all_tasks(args: Vec<Value>, _kwargs: Kwargs) -> PyResult<Value> {
    let lp = match args.first().and_then(|v| v.as_native::<loops::PyLoop>()) {
        Some(pl) => pl.lp.clone(),
        None => running()?,
    };
    let s = SetObj::new(false);
    for t in lp.all_tasks() {
        if !t.is_done() {
            ops::set_add(&s, task_value(t))?;
        }
    }
    Ok(Value::Set(s))
}

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("asyncio");
    let t = &interp().types;
    m.def("run", "_asyncio_run(main, *, debug=None)", loops::run);
    m.def("sleep", "sleep(delay, result=None)", sleep);
    m.def("create_task", "create_task(coro, *, name=None, context=None)", create_task);
    m.def("ensure_future", "ensure_future(coro_or_future, *, loop=None)", ensure_future);
    m.func_kw("gather", &[], &["return_exceptions"], gather);
    m.func("to_thread", |args, kwargs| {
        let mut it = args.into_iter();
        let Some(func) = it.next() else {
            return raise("TypeError", "to_thread() missing 1 required positional argument: 'func'");
        };
        let call = Value::native(crate::builtins::functools::Partial { func, args: it.collect(), kwargs });
        // An `async def` in CPython: the loop is looked up at the first step,
        // and the call runs in a copy of the context current then
        // (`functools.partial(ctx.run, func, ...)`), even if it waits in the
        // pool's queue first.
        Ok(asyncio_coro(&TO_THREAD, None, async move {
            let ctx = super::contextvars::capture();
            let call = crate::object::Builtin::new("run", move |_, _| {
                super::contextvars::run_in(ctx.clone(), || {
                    crate::interp::call::call_sync(&call, vec![], vec![])
                })
            });
            let lv = loops::running_loop_value()?;
            let Some(pl) = lv.as_native::<loops::PyLoop>() else {
                return raise("RuntimeError", "no running event loop");
            };
            let fut = crate::modules::concurrent::run_in_executor(pl, &lv, vec![Value::None, call])?;
            crate::interp::eval::await_value(fut).await
        }))
    });
    m.def("wait", "wait(fs, *, timeout=None, return_when='ALL_COMPLETED')", wait);
    m.def("wait_for", "wait_for(fut, timeout)", wait_for);
    m.def("shield", "shield(arg)", shield);
    m.def("as_completed", "as_completed(fs, *, timeout=None)", as_completed);
    m.def("timeout", "timeout(delay)", groups::timeout);
    m.def("timeout_at", "timeout_at(when)", groups::timeout_at);
    m.func_kw("current_task", &["loop"], &[], current_task);
    m.func_kw("all_tasks", &["loop"], &[], all_tasks);
    m.func_kw("get_running_loop", &[], &[], |_, _| loops::running_loop_value());
    m.func_kw("get_event_loop", &[], &[], |_, _| loops::get_event_loop());
    m.func_kw("new_event_loop", &[], &[], |_, _| loops::new_loop());
    m.func_kw("set_event_loop", &["loop"], &[], |args, _| {
        loops::set_event_loop(args.into_iter().next().filter(|v| !matches!(v, Value::None)));
        Ok(Value::None)
    });
    m.func_kw("iscoroutine", &["obj"], &[], |args, _| {
        Ok(Value::Bool(args.first().is_some_and(is_coroutine)))
    });
    m.func_kw("iscoroutinefunction", &["func"], &[], |args, _| {
        Ok(Value::Bool(args.first().is_some_and(is_coroutine_function)))
    });
    m.func_kw("isfuture", &["obj"], &[], |args, _| {
        let Some(v) = args.first() else { return Ok(Value::Bool(false)) };
        Ok(Value::Bool(is_future(v) || futures::is_future_like(v)?))
    });
    for (name, c) in sync::classes() {
        m.set(name, c);
    }
    let future_class = t.native("Future");
    future_class.dict.borrow_mut().set(
        "__new__",
        crate::object::Builtin::new("Future", |_, _| {
            let lp = loops::current_or_running()?;
            PyFuture::value(lp.create_future())
        }),
    );
    m.set("Future", Value::Class(future_class));
    let task_class = t.native("Task");
    task_class.dict.borrow_mut().set(
        "__new__",
        crate::object::Builtin::new("Task", |args, mut kw| {
            let name = take_kw(&mut kw, "name");
            let lp = loops::current_or_running()?;
            spawn(&lp, crate::builtins::one("Task", &args)?, name)
        }),
    );
    m.set("Task", Value::Class(task_class));
    m.set("TaskGroup", groups::taskgroup_class());
    // `asyncio.Timeout(when)`: what `timeout_at(when)` makes.
    let timeout_class = t.native("Timeout");
    timeout_class
        .dict
        .borrow_mut()
        .set("__new__", crate::object::Builtin::new("Timeout", groups::timeout_at));
    m.set("Timeout", Value::Class(timeout_class));
    // For annotations and isinstance (`loop: asyncio.AbstractEventLoop`).
    for name in ["AbstractEventLoop", "BaseEventLoop", "Handle", "TimerHandle"] {
        m.set(name, Value::Class(t.native(name)));
    }
    for name in [
        "CancelledError",
        "InvalidStateError",
        "QueueEmpty",
        "QueueFull",
        "BrokenBarrierError",
        "LimitOverrunError",
        "IncompleteReadError",
        "TimeoutError",
    ] {
        m.set(name, Value::Class(t.exception_named(name)));
    }
    m.set("FIRST_COMPLETED", Value::str("FIRST_COMPLETED"));
    m.set("FIRST_EXCEPTION", Value::str("FIRST_EXCEPTION"));
    m.set("ALL_COMPLETED", Value::str("ALL_COMPLETED"));
    m
}

/// asyncio's submodules and the names each defines that the playground has
/// (`asyncio.exceptions.TimeoutError`, `from asyncio.tasks import Task`):
/// the same objects as the package's.
pub const SUBMODULES: &[(&str, &[&str])] = &[
    (
        "asyncio.exceptions",
        &[
            "BrokenBarrierError",
            "CancelledError",
            "InvalidStateError",
            "TimeoutError",
            "IncompleteReadError",
            "LimitOverrunError",
        ],
    ),
    (
        "asyncio.tasks",
        &[
            "Task",
            "create_task",
            "FIRST_COMPLETED",
            "FIRST_EXCEPTION",
            "ALL_COMPLETED",
            "wait",
            "wait_for",
            "as_completed",
            "sleep",
            "gather",
            "shield",
            "ensure_future",
            "current_task",
            "all_tasks",
            "run_coroutine_threadsafe",
        ],
    ),
    ("asyncio.queues", &["Queue", "PriorityQueue", "LifoQueue", "QueueFull", "QueueEmpty"]),
    ("asyncio.locks", &["Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore", "Barrier"]),
    ("asyncio.futures", &["Future", "wrap_future", "isfuture"]),
    (
        "asyncio.events",
        &[
            "AbstractEventLoop",
            "Handle",
            "TimerHandle",
            "get_event_loop",
            "set_event_loop",
            "new_event_loop",
            "get_running_loop",
        ],
    ),
    ("asyncio.runners", &["Runner", "run"]),
    ("asyncio.timeouts", &["Timeout", "timeout", "timeout_at"]),
    ("asyncio.taskgroups", &["TaskGroup"]),
    ("asyncio.coroutines", &["iscoroutinefunction", "iscoroutine"]),
];

/// Makes the submodules of the finished `asyncio` module (its Python part
/// run), registers them as imported and sets them as its attributes.
pub fn add_submodules(asyncio: &Value) -> PyResult<()> {
    let it = interp();
    for (name, names) in SUBMODULES {
        let sub = ModuleObj::new(name);
        for n in *names {
            if let Some(v) = crate::interp::attr::getattr_opt(asyncio, n)? {
                sub.set(n, v);
            }
        }
        let sub = Value::native(sub);
        it.modules.borrow_mut().insert(Rc::from(*name), sub.clone());
        crate::interp::attr::setattr(asyncio, &name["asyncio.".len()..], sub)?;
    }
    Ok(())
}
