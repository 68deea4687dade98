//! Event loop objects, `asyncio.run` and the loop functions.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use super::futures::{register_task, run_callback, PyFuture, TaskBody};
use crate::interp::budget::{Charge, HANDLE_BYTES};
use crate::interp::exc::raise;
use crate::interp::{interp, text};
use crate::modules::contextvars;
use crate::native::{method, take_kw, Kwargs, Native};
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::{EventLoop, Exception, Future, Handle, PyResult, TimerHandle};

/// A loop the program can see.
pub struct PyLoop {
    pub lp: EventLoop,
    /// The default executor (made on first `run_in_executor(None, ...)`).
    pub default_executor: RefCell<Option<Value>>,
    /// `shutdown_default_executor()` was called: the default executor takes no more jobs.
    pub executor_shutdown_called: Cell<bool>,
    /// `set_exception_handler`'s handler, or None.
    pub exception_handler: RefCell<Value>,
    /// The signals `add_signal_handler` took (no signal ever arrives here).
    signals: RefCell<Vec<i64>>,
}

thread_local! {
    static LOOPS: RefCell<Vec<Weak<PyLoop>>> = const { RefCell::new(Vec::new()) };
    static CURRENT: RefCell<Option<Value>> = const { RefCell::new(None) };
    /// CPython's `Task-N` counter is global: carried from loop to loop.
    static TASK_COUNTER: Cell<u64> = const { Cell::new(0) };
}

/// Forgets every loop (a new program starts).
pub fn reset() {
    LOOPS.with(|l| l.borrow_mut().clear());
    CURRENT.with(|c| *c.borrow_mut() = None);
    SET_CALLED.with(|s| s.set(false));
    TASK_COUNTER.with(|c| c.set(0));
    super::futures::reset();
}

/// `BaseSelectorEventLoop.__init__`'s `logger.debug('Using selector: %s',
/// ...)` (pyrun.py's selector), seen when the program imported logging and
/// configured it at DEBUG.
fn log_selector() -> PyResult<()> {
    let Some(logging) = interp().modules.borrow().get("logging").cloned() else { return Ok(()) };
    let get_logger = crate::interp::attr::getattr(&logging, "getLogger")?;
    let logger = crate::interp::call::call_sync(&get_logger, vec![Value::str("asyncio")], vec![])?;
    let debug = crate::interp::attr::getattr(&logger, "debug")?;
    let args = vec![Value::str("Using selector: %s"), Value::str("_VirtualSelector")];
    let place = super::handler::logged_from("selector_events.py", "__init__", 54);
    crate::interp::call::call_sync(&debug, args, vec![(Rc::from("_where"), place)]).map(|_| ())
}

/// `asyncio.new_event_loop()`.
pub fn new_loop() -> PyResult<Value> {
    log_selector()?;
    let it = interp();
    let lp = EventLoop::with_clock(it.host.loop_clock());
    if let Some(hook) = it.host.on_new_loop.borrow_mut().as_mut() {
        hook(&lp);
    }
    let obj = Rc::new(PyLoop {
        lp,
        default_executor: RefCell::new(None),
        executor_shutdown_called: Cell::new(false),
        exception_handler: RefCell::new(Value::None),
        signals: RefCell::new(Vec::new()),
    });
    it.loops.track(&obj);
    LOOPS.with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|w| w.strong_count() > 0);
        l.push(Rc::downgrade(&obj));
    });
    Ok(Value::Object(obj))
}

/// Every loop still alive.
pub fn all_loops() -> Vec<Rc<PyLoop>> {
    LOOPS.with(|l| l.borrow().iter().filter_map(Weak::upgrade).collect())
}

/// The loop object of an engine loop.
pub fn loop_value(lp: &EventLoop) -> Option<Value> {
    loop_object(lp).map(|p| Value::Object(p as Rc<dyn Native>))
}

/// The loop object of an engine loop, as itself.
pub fn loop_object(lp: &EventLoop) -> Option<Rc<PyLoop>> {
    LOOPS.with(|l| l.borrow().iter().filter_map(Weak::upgrade).find(|p| p.lp.ptr_eq(lp)))
}

/// `asyncio.get_running_loop()`.
pub fn running_loop_value() -> PyResult<Value> {
    let lp = asyncio_engine::get_running_loop()?;
    loop_value(&lp).ok_or_else(|| Exception::runtime_error("no running event loop"))
}

/// The loop `gather` and friends use outside a running loop: the current one.
pub fn current_or_running() -> PyResult<EventLoop> {
    if let Ok(lp) = asyncio_engine::get_running_loop() {
        return Ok(lp);
    }
    let v = get_event_loop()?;
    v.as_native::<PyLoop>().map(|p| p.lp.clone()).ok_or_else(|| Exception::runtime_error("no event loop"))
}

/// `asyncio.get_event_loop()`.
pub fn get_event_loop() -> PyResult<Value> {
    if let Ok(v) = running_loop_value() {
        return Ok(v);
    }
    if let Some(v) = CURRENT.with(|c| c.borrow().clone()) {
        return Ok(v);
    }
    // The policy makes a loop only while nothing has set one (`_set_called`):
    // after `asyncio.run`, which sets None at its end, there is none.
    if SET_CALLED.with(Cell::get) {
        return raise("RuntimeError", "There is no current event loop in thread 'MainThread'.");
    }
    let v = new_loop()?;
    set_event_loop(Some(v.clone()));
    Ok(v)
}

/// The current loop (set_event_loop), without making one.
pub fn get_event_loop_opt() -> Option<EventLoop> {
    CURRENT.with(|c| c.borrow().as_ref().and_then(|v| v.as_native::<PyLoop>().map(|p| p.lp.clone())))
}

pub fn set_event_loop(v: Option<Value>) {
    SET_CALLED.with(|s| s.set(true));
    CURRENT.with(|c| *c.borrow_mut() = v);
}

thread_local! {
    /// `set_event_loop` was called (the policy's `_set_called`).
    static SET_CALLED: Cell<bool> = const { Cell::new(false) };
}

/// Carries `Task-N` numbering on from the last loop (before a loop runs).
fn counter_in(lp: &EventLoop) {
    let n = TASK_COUNTER.with(|c| c.get()).max(lp.task_name_counter());
    lp.set_task_name_counter(n);
}

/// Remembers the loop's `Task-N` numbering (after a loop ran).
fn counter_out(lp: &EventLoop) {
    TASK_COUNTER.with(|c| c.set(c.get().max(lp.task_name_counter())));
}

/// `_check_running`: a loop runs once at a time, and only one loop runs.
fn check_running(lp: &EventLoop) -> PyResult<()> {
    if lp.is_running() {
        return raise("RuntimeError", "This event loop is already running");
    }
    if asyncio_engine::get_running_loop().is_ok() {
        return raise("RuntimeError", "Cannot run the event loop while another loop is running");
    }
    Ok(())
}

/// `loop.run_until_complete(fut)`, through the program's driver.
pub async fn run_until_complete(lp: &EventLoop, fut: &Future<Value>) -> PyResult<Value> {
    check_running(lp)?;
    crate::modules::concurrent::loop_starting(lp);
    counter_in(lp);
    let out = crate::program::drive(lp, fut).await;
    counter_out(lp);
    out?;
    fut.result()
}

/// The future `run_until_complete` waits on: tasks for coroutines.
fn as_future(lp: &EventLoop, v: &Value) -> PyResult<Future<Value>> {
    if let Some(f) = super::futures::engine_future(v) {
        return Ok(f);
    }
    if let Some(body) = super::coroutine_body(v) {
        let body = TaskBody::new(body)?;
        let handle = body.handle();
        counter_in(lp);
        let task = lp.create_task(body)?;
        counter_out(lp);
        register_task(task.clone(), v, handle);
        return Ok(task.future().clone());
    }
    raise("TypeError", "An asyncio.Future, a coroutine or an awaitable is required")
}

/// `asyncio.run(main)`.
pub fn run(args: Vec<Value>, _kwargs: Kwargs) -> PyResult<Value> {
    if asyncio_engine::get_running_loop().is_ok() {
        return raise("RuntimeError", "asyncio.run() cannot be called from a running event loop");
    }
    let main = crate::builtins::one("run", &args)?;
    let Some(body) = super::coroutine_body(main) else {
        return raise("ValueError", format!("a coroutine was expected, got {}", text::repr(main)?));
    };
    let lv = new_loop()?;
    set_event_loop(Some(lv.clone()));
    let lp = match lv.as_native::<PyLoop>() {
        Some(pl) => pl.lp.clone(),
        None => return raise("SystemError", "loop"),
    };
    let body = TaskBody::new(body)?;
    let handle = body.handle();
    counter_in(&lp);
    let task = lp.create_task(body)?;
    counter_out(&lp);
    register_task(task.clone(), main, handle);
    Ok(crate::native::suspend::Suspend::value(async move {
        let outcome = run_until_complete(&lp, task.future()).await;
        let cleanup = cancel_remaining(&lp).await;
        let cleanup = match cleanup {
            Ok(()) => shutdown_asyncgens(&lp).await,
            Err(e) => Err(e),
        };
        let cleanup = match cleanup {
            Ok(()) => wait_default_executor(&lv).await,
            Err(e) => Err(e),
        };
        set_event_loop(None);
        close_loop(&lp);
        cleanup?;
        outcome
    }))
}

async fn cancel_remaining(lp: &EventLoop) -> PyResult<()> {
    let tasks: Vec<_> = lp.all_tasks().into_iter().filter(|t| !t.is_done()).collect();
    if tasks.is_empty() {
        return Ok(());
    }
    for t in &tasks {
        t.cancel(None);
        // Tasks awaiting each other in a cycle: CPython's cancel() recursion
        // escapes `asyncio.run`.
        if asyncio_engine::cancel_overflowed() {
            return crate::interp::exc::raise(
                "RecursionError",
                "maximum recursion depth exceeded while calling a Python object",
            );
        }
    }
    let futs = tasks.iter().map(|t| t.as_future()).collect();
    let all = asyncio_engine::gather_any(lp, futs);
    crate::modules::concurrent::loop_starting(lp);
    counter_in(lp);
    let out = crate::program::drive(lp, &all).await;
    counter_out(lp);
    out
}

/// Tasks closing the async generators left suspended (their `finally`
/// blocks run), gathered as `shutdown_asyncgens` gathers them. `in_a_task`:
/// `asyncio.run` runs `shutdown_asyncgens()` as a task of its own, which
/// takes a `Task-N` name before the closing tasks.
fn asyncgen_closings(lp: &EventLoop, in_a_task: bool) -> PyResult<Option<Future<()>>> {
    // The generators whose closing task was cancelled first get CancelledError.
    crate::native::gen::close_garbage();
    let gens = crate::native::gen::take_suspended_async_gens();
    if gens.is_empty() {
        return Ok(None);
    }
    counter_in(lp);
    if in_a_task {
        lp.set_task_name_counter(lp.task_name_counter() + 1);
    }
    let mut futs = Vec::new();
    for g in gens {
        let task = lp.create_task(g.aclose())?;
        futs.push(task.future().as_any());
    }
    counter_out(lp);
    Ok(Some(asyncio_engine::gather_any(lp, futs)))
}

/// `asyncio.run`'s `shutdown_asyncgens`, driving the stopped loop.
async fn shutdown_asyncgens(lp: &EventLoop) -> PyResult<()> {
    let Some(all) = asyncgen_closings(lp, true)? else { return Ok(()) };
    counter_in(lp);
    let out = crate::program::drive(lp, &all).await;
    counter_out(lp);
    out
}

/// `await loop.shutdown_asyncgens()` in a task of the running loop.
async fn close_asyncgens(lp: &EventLoop) -> PyResult<()> {
    match asyncgen_closings(lp, false)? {
        Some(all) => all.await,
        None => Ok(()),
    }
}

/// `asyncio.run`'s wait for a busy default executor.
async fn wait_default_executor(lv: &Value) -> PyResult<()> {
    let Some(pl) = lv.as_native::<PyLoop>() else { return Ok(()) };
    let Some(f) = crate::modules::concurrent::default_executor_join(pl) else { return Ok(()) };
    run_until_complete(&pl.lp, &f).await.map(|_| ())
}

fn close_loop(lp: &EventLoop) {
    crate::modules::concurrent::loop_closing(lp);
    let _ = lp.close();
}

/// A handle from `call_soon` / `call_later` / `call_at`.
pub struct PyHandle {
    handle: Option<Handle>,
    timer: Option<TimerHandle>,
    /// The callback and its arguments, for the repr (dropped by `cancel()`).
    callback: RefCell<Option<(Value, Vec<Value>)>>,
}

impl PyHandle {
    fn value(handle: Option<Handle>, timer: Option<TimerHandle>, cb: &Value, args: &[Value]) -> Value {
        Value::native(PyHandle { handle, timer, callback: RefCell::new(Some((cb.clone(), args.to_vec()))) })
    }

    fn cancelled(&self) -> bool {
        match (&self.handle, &self.timer) {
            (Some(x), _) => x.cancelled(),
            (_, Some(t)) => t.cancelled(),
            _ => false,
        }
    }
}

/// `<`, `<=`, `>`, `>=` between timer handles: by their time; None otherwise.
pub fn timer_order(op: crate::ast::CmpOp, a: &Value, b: &Value) -> Option<PyResult<bool>> {
    let (x, y) = (a.as_native::<PyHandle>()?.timer.as_ref()?, b.as_native::<PyHandle>()?.timer.as_ref()?);
    Some(crate::interp::ops::compare(op, &Value::Float(x.when()), &Value::Float(y.when())))
}

impl Native for PyHandle {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native(if self.timer.is_some() { "TimerHandle" } else { "Handle" })
    }
    /// `<TimerHandle when=1.0 f(1) at prog.py:3>`, `<Handle cancelled>`.
    fn repr(&self, _this: &Value) -> PyResult<String> {
        let mut info = vec![self.class().name.to_string()];
        if self.cancelled() {
            info.push("cancelled".to_string());
        }
        if let Some(t) = &self.timer {
            info.push(format!("when={}", text::repr(&Value::Float(t.when()))?));
        }
        if let Some((f, args)) = self.callback.borrow().as_ref() {
            info.push(super::handler::callback_source(f, args));
        }
        Ok(format!("<{}>", info.join(" ")))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let timer = self.timer.is_some();
        let sig = match (name, timer) {
            ("cancel", false) => "Handle.cancel(self)",
            ("cancel", true) => "TimerHandle.cancel(self)",
            ("cancelled", _) => "Handle.cancelled(self)",
            ("when", true) => "TimerHandle.when(self)",
            _ => return None,
        };
        let method = |f: fn(&PyHandle) -> PyResult<Value>| {
            method::<PyHandle>(name, this, move |h, _, mut args, mut kw| {
                crate::modules::bind(sig, &mut args, &mut kw)?;
                f(h)
            })
        };
        Some(Ok(match name {
            "cancel" => method(|h| {
                if !h.cancelled() {
                    h.callback.borrow_mut().take();
                }
                if let Some(x) = &h.handle {
                    x.cancel();
                }
                if let Some(t) = &h.timer {
                    t.cancel();
                }
                Ok(Value::None)
            }),
            "cancelled" => method(|h| Ok(Value::Bool(h.cancelled()))),
            _ => method(|h| Ok(h.timer.as_ref().map_or(Value::None, |t| Value::Float(t.when())))),
        }))
    }
}

/// The callback and its arguments. Not checked: CPython checks that the
/// callback is callable only in debug mode (never on here); calling it fails
/// later, in the loop's exception handler.
fn callback_args(args: &[Value], first: usize) -> (Value, Vec<Value>) {
    (args[first].clone(), args[first + 1..].to_vec())
}

fn number(v: &Value, what: &str) -> PyResult<f64> {
    match v.as_f64() {
        Some(f) => Ok(f),
        None => raise("TypeError", format!("{what} must be a number, not {}", text::type_name(v))),
    }
}

fn loop_method(
    pl: &PyLoop,
    this: &Value,
    name: &str,
    args: Vec<Value>,
    mut kwargs: Kwargs,
) -> PyResult<Value> {
    let lp = &pl.lp;
    let context = take_kw(&mut kwargs, "context");
    match name {
        "time" => Ok(Value::Float(lp.time())),
        "call_soon" | "call_soon_threadsafe" => {
            let (cb, cargs) = callback_args(&args, 0);
            let charge = Charge::new(HANDLE_BYTES)?;
            let ctx = contextvars::given(context)?;
            let (f, a) = (cb.clone(), cargs.clone());
            let h = lp.call_soon(move || {
                let _charge = charge;
                contextvars::run_in(ctx, || run_callback(&cb, cargs, None));
            })?;
            Ok(PyHandle::value(Some(h), None, &f, &a))
        }
        "call_later" => {
            let delay = number(&args[0], "delay")?;
            let (cb, cargs) = callback_args(&args, 1);
            let charge = Charge::new(HANDLE_BYTES)?;
            let ctx = contextvars::given(context)?;
            let when = lp.time() + delay;
            let (f, a) = (cb.clone(), cargs.clone());
            let h = lp.call_later(delay, move || {
                let _charge = charge;
                contextvars::run_in(ctx, || run_callback(&cb, cargs, Some(when)));
            })?;
            Ok(PyHandle::value(None, Some(h), &f, &a))
        }
        "call_at" => {
            let when = number(&args[0], "when")?;
            let (cb, cargs) = callback_args(&args, 1);
            let charge = Charge::new(HANDLE_BYTES)?;
            let ctx = contextvars::given(context)?;
            let (f, a) = (cb.clone(), cargs.clone());
            let h = lp.call_at(when, move || {
                let _charge = charge;
                contextvars::run_in(ctx, || run_callback(&cb, cargs, Some(when)));
            })?;
            Ok(PyHandle::value(None, Some(h), &f, &a))
        }
        "create_future" => PyFuture::value(lp.create_future()),
        "create_task" => {
            let name_kw = take_kw(&mut kwargs, "name");
            // Numbered on from the last loop's tasks, also before this one runs.
            counter_in(lp);
            let task = super::spawn_in(lp, &args[0], name_kw, context);
            counter_out(lp);
            task
        }
        "run_until_complete" => {
            check_running(lp)?;
            let fut = as_future(lp, &args[0])?;
            let lp = lp.clone();
            Ok(crate::native::suspend::Suspend::value(async move { run_until_complete(&lp, &fut).await }))
        }
        "run_forever" => {
            check_running(lp)?;
            let lp = lp.clone();
            Ok(crate::native::suspend::Suspend::value(async move {
                crate::modules::concurrent::loop_starting(&lp);
                counter_in(&lp);
                let out = crate::program::drive_forever(&lp).await;
                counter_out(&lp);
                out.map(|_| Value::None)
            }))
        }
        "stop" => {
            lp.stop();
            Ok(Value::None)
        }
        "close" => {
            if lp.is_running() {
                return raise("RuntimeError", "Cannot close a running event loop");
            }
            close_loop(lp);
            Ok(Value::None)
        }
        "is_running" => Ok(Value::Bool(lp.is_running())),
        "is_closed" => Ok(Value::Bool(lp.is_closed())),
        "get_debug" => Ok(Value::Bool(false)),
        "set_debug" => Ok(Value::None),
        "run_in_executor" => crate::modules::concurrent::run_in_executor(pl, this, args),
        "shutdown_asyncgens" => {
            let lp = lp.clone();
            Ok(super::coro_value(name, async move { close_asyncgens(&lp).await.map(|_| Value::None) }))
        }
        "shutdown_default_executor" => {
            pl.executor_shutdown_called.set(true);
            let lv = this.clone();
            Ok(super::coro_value(name, async move { wait_default_executor(&lv).await.map(|()| Value::None) }))
        }
        "set_default_executor" => {
            if args[0].as_native::<crate::modules::concurrent::Executor>().is_none() {
                return raise("TypeError", "executor must be a ThreadPoolExecutor");
            }
            *pl.default_executor.borrow_mut() = Some(args[0].clone());
            Ok(Value::None)
        }
        "set_exception_handler" => super::handler::set_handler(pl, &args[0]),
        "get_exception_handler" => Ok(pl.exception_handler.borrow().clone()),
        "call_exception_handler" => {
            super::handler::call_exception_handler(this, args[0].clone()).map(|()| Value::None)
        }
        "default_exception_handler" => {
            super::handler::default_exception_handler(&args[0]).map(|()| Value::None)
        }
        "add_signal_handler" => {
            let cb = &args[1];
            if super::is_coroutine(cb) || super::is_coroutine_function(cb) {
                return raise("TypeError", "coroutines cannot be used with add_signal_handler()");
            }
            let sig = signal_number(&args[0])?;
            if lp.is_closed() {
                return raise("RuntimeError", "Event loop is closed");
            }
            if sig == 9 || sig == 19 {
                return raise("RuntimeError", format!("sig {sig} cannot be caught"));
            }
            let mut signals = pl.signals.borrow_mut();
            if !signals.contains(&sig) {
                signals.push(sig);
            }
            Ok(Value::None)
        }
        "remove_signal_handler" => {
            let sig = signal_number(&args[0])?;
            let mut signals = pl.signals.borrow_mut();
            let had = signals.contains(&sig);
            signals.retain(|s| *s != sig);
            Ok(Value::Bool(had))
        }
        _ => raise("AttributeError", format!("'_UnixSelectorEventLoop' object has no attribute '{name}'")),
    }
}

/// `_check_signal(sig)` of CPython's Unix loop: the signal's number.
fn signal_number(sig: &Value) -> PyResult<i64> {
    if !crate::interp::attr::isinstance(sig, &interp().types.int) {
        return raise("TypeError", format!("sig must be an int, not {}", text::repr(sig)?));
    }
    let n = crate::interp::ops::index_value(sig)?;
    if !(1..=31).contains(&n) && !(34..=64).contains(&n) {
        return raise("ValueError", format!("invalid signal number {n}"));
    }
    Ok(n)
}

/// The loop's methods and their signatures, named as pyrun.py's loop
/// (a `vclock.VirtualClockLoop`) names them.
const LOOP_METHODS: &[(&str, &str)] = &[
    ("time", "VirtualClockLoop.time(self)"),
    ("call_soon", "BaseEventLoop.call_soon(self, callback, *args, context=None)"),
    ("call_soon_threadsafe", "BaseEventLoop.call_soon_threadsafe(self, callback, *args, context=None)"),
    ("call_later", "BaseEventLoop.call_later(self, delay, callback, *args, context=None)"),
    ("call_at", "BaseEventLoop.call_at(self, when, callback, *args, context=None)"),
    ("create_future", "BaseEventLoop.create_future(self)"),
    ("create_task", "BaseEventLoop.create_task(self, coro, *, name=None, context=None)"),
    ("run_until_complete", "BaseEventLoop.run_until_complete(self, future)"),
    ("run_forever", "PlainLoop.run_forever(self)"),
    ("stop", "BaseEventLoop.stop(self)"),
    ("close", "PlainLoop.close(self)"),
    ("is_running", "BaseEventLoop.is_running(self)"),
    ("is_closed", "BaseEventLoop.is_closed(self)"),
    ("get_debug", "BaseEventLoop.get_debug(self)"),
    ("set_debug", "BaseEventLoop.set_debug(self, enabled)"),
    ("run_in_executor", "PlainLoop.run_in_executor(self, executor, func, *args)"),
    ("shutdown_asyncgens", "BaseEventLoop.shutdown_asyncgens(self)"),
    ("shutdown_default_executor", "PlainLoop.shutdown_default_executor(self, timeout=None)"),
    ("set_exception_handler", "BaseEventLoop.set_exception_handler(self, handler)"),
    ("get_exception_handler", "BaseEventLoop.get_exception_handler(self)"),
    ("call_exception_handler", "BaseEventLoop.call_exception_handler(self, context)"),
    ("default_exception_handler", "BaseEventLoop.default_exception_handler(self, context)"),
    ("set_default_executor", "BaseEventLoop.set_default_executor(self, executor)"),
    ("add_signal_handler", "_UnixSelectorEventLoop.add_signal_handler(self, sig, callback, *args)"),
    ("remove_signal_handler", "_UnixSelectorEventLoop.remove_signal_handler(self, sig)"),
];

/// A public method CPython's loop has that the playground's does not
/// (`set_task_factory`, the network methods): refused when called.
fn unsupported_method(this: &Value, name: &str) -> Option<PyResult<Value>> {
    let (names, _) = crate::builtins::dirnames::native_names("_UnixSelectorEventLoop");
    if name.starts_with('_') || !names.split(' ').any(|n| n == name) {
        return None;
    }
    let message = format!("loop.{name}() is not supported in the playground");
    Some(Ok(crate::object::Builtin::method(name, this.clone(), move |_, _| {
        raise("NotImplementedError", message.clone())
    })))
}

impl Native for PyLoop {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("_UnixSelectorEventLoop")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!(
            "<_UnixSelectorEventLoop running={} closed={} debug=False>",
            if self.lp.is_running() { "True" } else { "False" },
            if self.lp.is_closed() { "True" } else { "False" }
        ))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let Some(&(n, sig)) = LOOP_METHODS.iter().find(|(m, _)| *m == name) else {
            return unsupported_method(this, name);
        };
        Some(Ok(method::<PyLoop>(name, this, move |pl, me, mut args, mut kw| {
            crate::modules::bind(sig, &mut args, &mut kw)?;
            loop_method(pl, me, n, args, kw)
        })))
    }
}
