//! `asyncio.Future` and `asyncio.Task` objects over the engine's.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use crate::interp::budget::{Charge, FUTURE_BYTES, HANDLE_BYTES, TASK_BYTES, WAITER_BYTES};
use crate::interp::call::call_sync;
use crate::interp::exc::{self, raise};
use crate::interp::{interp, text};
use crate::modules::Args::{self, C};
use crate::native::coro::BoxFut;
use crate::native::{method, take_kw, AwaitTarget, Kwargs, Native};
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::{AnyFuture, AnyTask, CallbackName, Exception, Future, PyResult, Task};

/// A future the program can see: `loop.create_future()`, `gather(...)`, `shield(...)`.
pub struct PyFuture {
    pub fut: Future<Value>,
    /// Its class's name in reprs: `Future`, or `_GatheringFuture` (`gather`).
    kind: &'static str,
    /// Its size against the memory budget (with what it waits on).
    _charge: Charge,
    /// Attributes the program set (`fut.url = ...`): C futures have a `__dict__`.
    attrs: RefCell<crate::object::Attrs>,
}

impl PyFuture {
    /// A future object (charged against the memory budget).
    pub fn value(fut: Future<Value>) -> PyResult<Value> {
        PyFuture::waiting(fut, 0)
    }

    /// A future object over a combinator waiting on `n` futures (`shield`).
    pub fn waiting(fut: Future<Value>, n: usize) -> PyResult<Value> {
        PyFuture::of_kind(fut, n, "Future")
    }

    /// `gather`'s future, waiting on `n` futures.
    pub fn gathering(fut: Future<Value>, n: usize) -> PyResult<Value> {
        PyFuture::of_kind(fut, n, "_GatheringFuture")
    }

    fn of_kind(fut: Future<Value>, n: usize, kind: &'static str) -> PyResult<Value> {
        let bytes = FUTURE_BYTES.saturating_add(WAITER_BYTES.saturating_mul(n));
        Ok(Value::native(PyFuture { fut, kind, _charge: Charge::new(bytes)?, attrs: RefCell::default() }))
    }
}

/// The program lets go of a future: if it fails with nobody retrieving the
/// exception, the loop's exception handler hears of it when it is freed.
impl Drop for PyFuture {
    fn drop(&mut self) {
        if may_fail_unseen(&self.fut) {
            let kind = self.kind;
            let describe = move |e: &str| format!("<{kind} finished exception={e}>");
            watch(&self.fut, kind, describe);
        }
    }
}

/// Still pending, or failed: what may end up never retrieved.
fn may_fail_unseen(fut: &Future<Value>) -> bool {
    match fut.peek_outcome() {
        None => !fut.cancelled(),
        Some(outcome) => outcome.is_err(),
    }
}

/// Sets `fut`'s finalizer: `<kind> exception was never retrieved`, with
/// `describe(exception repr)` as the future's repr, to the handler of the
/// loop it belongs to (CPython's `Future.__del__`).
fn watch(fut: &Future<Value>, kind: &'static str, describe: impl FnOnce(&str) -> String + 'static) {
    let lp = fut.get_loop().and_then(|lp| super::loops::loop_object(&lp));
    let lp = lp.as_ref().map(Rc::downgrade);
    fut.on_unretrieved(move |e| {
        // SystemExit and KeyboardInterrupt end the program through the task
        // (its traceback holds it until Python exits: never reported).
        if e.is("SystemExit") || e.is("KeyboardInterrupt") {
            return;
        }
        let shown = text::repr(&exc_value(&e)).unwrap_or_default();
        let message = format!("{kind} exception was never retrieved");
        super::handler::never_retrieved(lp.and_then(|w| w.upgrade()), message, describe(&shown), &e);
    });
}

/// A task's body with the task's charge against the memory budget: held
/// while the body runs (the loop keeps a pending task alive, whether or not
/// the program does) and while the task object lives.
///
/// The body also holds the task object until it finishes, as CPython's loop
/// holds a pending task: `id(asyncio.current_task())` is the same on every
/// call, whether or not the program kept the object.
pub struct TaskBody {
    body: BoxFut,
    handle: BodyHandle,
    /// The context its steps run in (`contextvars`).
    ctx: crate::modules::contextvars::Ctx,
}

/// What a task object shares with its body: the charge, and the slot where
/// the body keeps the object.
#[derive(Clone)]
pub struct BodyHandle {
    charge: Rc<Charge>,
    keep: Rc<RefCell<Option<Rc<PyTask>>>>,
}

impl TaskBody {
    /// A task's body that runs in a copy of the current context.
    pub fn new(body: BoxFut) -> PyResult<TaskBody> {
        TaskBody::in_context(body, crate::modules::contextvars::capture())
    }

    /// A task's body that runs in `ctx` (`create_task(..., context=)`).
    pub fn in_context(body: BoxFut, ctx: crate::modules::contextvars::Ctx) -> PyResult<TaskBody> {
        let handle = BodyHandle { charge: Rc::new(Charge::new(TASK_BYTES)?), keep: Rc::default() };
        Ok(TaskBody { body, handle, ctx })
    }

    /// The charge and the keeping slot, for the task object.
    pub fn handle(&self) -> BodyHandle {
        self.handle.clone()
    }
}

impl std::future::Future for TaskBody {
    type Output = PyResult<Value>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<Value>> {
        use crate::modules::contextvars::swap;
        let outer = swap(self.ctx.take());
        let out = self.body.as_mut().poll(cx);
        // What the step freed (its frame's locals, when it ended) is
        // finalized within the step, as reference counting does.
        crate::interp::finalize::run_pending();
        self.ctx = swap(outer);
        if out.is_ready() {
            self.handle.keep.borrow_mut().take();
        }
        out
    }
}

/// A task: the engine's task and the coroutine it runs.
pub struct PyTask {
    pub any: Rc<dyn AnyTask>,
    pub typed: Option<Task<Value>>,
    /// The coroutine's name, for reprs.
    pub coro_name: Rc<str>,
    /// The coroutine object (`get_coro()`).
    pub coro: Option<Value>,
    /// The task's charge against the memory budget (tasks the program made).
    _charge: Option<Rc<Charge>>,
    /// Attributes the program set (`task.url = ...`): C tasks have a `__dict__`.
    attrs: RefCell<crate::object::Attrs>,
}

thread_local! {
    /// Task objects by their engine future's address, so that the same
    /// task is always the same Python object (`current_task()`, `wait()`).
    static TASKS: RefCell<HashMap<usize, Weak<PyTask>>> = RefCell::new(HashMap::new());
    static SWEEP_AT: Cell<usize> = const { Cell::new(4096) };
    /// How reprs name the coroutines of tasks the interpreter made without
    /// a coroutine object (an async generator's closing task), by task.
    static CORO_NAMES: RefCell<Vec<(Weak<dyn AnyTask>, &'static str)>> = const { RefCell::new(Vec::new()) };
}

/// Names the coroutine of `task`, made without a coroutine object, in its
/// repr: `coro=<{name}()>`.
pub fn name_task_coro(task: &Rc<dyn AnyTask>, name: &'static str) {
    CORO_NAMES.with(|n| {
        let mut n = n.borrow_mut();
        n.retain(|(t, _)| t.strong_count() > 0);
        n.push((Rc::downgrade(task), name));
    });
}

fn coro_name_of(any: &Rc<dyn AnyTask>) -> Rc<str> {
    let named = CORO_NAMES.with(|n| {
        n.borrow()
            .iter()
            .find(|(t, _)| t.upgrade().is_some_and(|t| Rc::ptr_eq(&t, any)))
            .map(|(_, name)| *name)
    });
    Rc::from(named.unwrap_or("coro"))
}

fn task_key(any: &Rc<dyn AnyTask>) -> usize {
    any.as_future().addr() as usize
}

/// Is `v` the object of the task running now?
pub fn is_current_task(v: &Value) -> bool {
    // Asked at every `await`: the running task only for a task object.
    let Some(t) = v.as_native::<PyTask>() else { return false };
    asyncio_engine::current_task().is_some_and(|current| task_key(&t.any) == task_key(&current))
}

/// Registers a new task object (`charge`: its body's, see [`TaskBody`]).
pub fn register_task(task: Task<Value>, coro: &Value, handle: BodyHandle) -> Value {
    let any = task.as_any_task();
    let native = coro.as_native::<crate::native::coro::Coroutine>();
    // asyncio's words for a coroutine without a name (an `anext()` awaitable).
    let coro_name = native.map_or_else(
        || Rc::from(format!("<{} without __name__>", crate::interp::text::type_name(coro))),
        |c| c.name.clone(),
    );
    if let Some(lp) = task.future().get_loop() {
        if lp.tracing() {
            // What the task runs (`job(1)`), for the page's lanes.
            let label = native.map(|c| c.label()).unwrap_or_default();
            lp.emit(&asyncio_engine::TraceEvent::TaskLabel { task: task.id(), label: &label });
        }
    }
    let obj = Rc::new(PyTask {
        any: any.clone(),
        typed: Some(task),
        coro_name,
        coro: Some(coro.clone()),
        _charge: Some(handle.charge),
        attrs: RefCell::default(),
    });
    *handle.keep.borrow_mut() = Some(obj.clone());
    TASKS.with(|t| {
        let mut t = t.borrow_mut();
        // Forget dead tasks now and then (amortised: when the map has doubled).
        if t.len() >= SWEEP_AT.with(Cell::get) {
            t.retain(|_, w| w.strong_count() > 0);
            SWEEP_AT.with(|s| s.set((2 * t.len()).max(4096)));
        }
        t.insert(task_key(&any), Rc::downgrade(&obj));
    });
    Value::Object(obj)
}

/// The task object of an engine task (made for tasks the engine created).
pub fn task_value(any: Rc<dyn AnyTask>) -> Value {
    let key = task_key(&any);
    if let Some(obj) = TASKS.with(|t| t.borrow().get(&key).and_then(Weak::upgrade)) {
        return Value::Object(obj);
    }
    let coro_name = coro_name_of(&any);
    let obj =
        Rc::new(PyTask { any, typed: None, coro_name, coro: None, _charge: None, attrs: RefCell::default() });
    TASKS.with(|t| t.borrow_mut().insert(key, Rc::downgrade(&obj)));
    Value::Object(obj)
}

/// The engine future behind a future or task object.
pub fn engine_future(v: &Value) -> Option<Future<Value>> {
    if let Some(f) = v.as_native::<PyFuture>() {
        return Some(f.fut.clone());
    }
    if let Some(t) = v.as_native::<PyTask>() {
        return t.typed.as_ref().map(|t| t.future().clone());
    }
    None
}

/// Is `v` a future or a task (`asyncio.isfuture`)?
pub fn is_future(v: &Value) -> bool {
    v.as_native::<PyFuture>().is_some() || v.as_native::<PyTask>().is_some()
}

/// A future-like object of the program's (`asyncio.isfuture`): its class
/// has `_asyncio_future_blocking`, and it is not None on the object.
pub fn is_future_like(v: &Value) -> PyResult<bool> {
    let Value::Instance(inst) = v else { return Ok(false) };
    if inst.class.lookup("_asyncio_future_blocking").is_none() {
        return Ok(false);
    }
    Ok(!matches!(crate::interp::attr::getattr(v, "_asyncio_future_blocking")?, Value::None))
}

/// The Python value of a future's exception.
fn exc_value(e: &Exception) -> Value {
    Value::Instance(exc::instance(e))
}

/// An engine exception from `set_exception(x)`: an instance, or a class to instantiate.
pub fn exception_arg(v: &Value) -> PyResult<Exception> {
    let v = match v {
        Value::Class(c) if c.is_exception => call_sync(v, vec![], vec![])?,
        other => other.clone(),
    };
    match &v {
        Value::Instance(i) if i.exc.is_some() => {
            if i.class.name.as_ref() == "StopIteration" {
                return raise(
                    "TypeError",
                    "StopIteration interacts badly with generators and cannot be raised into a Future",
                );
            }
            Ok(exc::to_engine(i))
        }
        // `Future.set_exception`'s own words (the C future's).
        _ => raise("TypeError", "invalid exception object"),
    }
}

/// `cancel(msg=None)`'s message.
fn cancel_message(args: &[Value], mut kwargs: Kwargs) -> PyResult<Option<String>> {
    match take_kw(&mut kwargs, "msg").or_else(|| args.first().cloned()) {
        None | Some(Value::None) => Ok(None),
        Some(v) => text::str(&v).map(Some),
    }
}

/// The future methods shared by futures and tasks (their arguments checked).
fn future_method(
    fut: &Future<Value>,
    this: &Value,
    name: &str,
    args: Vec<Value>,
    mut kwargs: Kwargs,
) -> PyResult<Value> {
    match name {
        "done" => Ok(Value::Bool(fut.done())),
        "cancelled" => Ok(Value::Bool(fut.cancelled())),
        "result" => fut.result(),
        "exception" => Ok(fut.exception()?.map(|e| exc_value(&e)).unwrap_or(Value::None)),
        "cancel" => Ok(Value::Bool(fut.cancel(cancel_message(&args, kwargs)?.as_deref()))),
        "set_result" => fut.set_result(args[0].clone()).map(|_| Value::None),
        "set_exception" => {
            // The state is checked first, then the exception (CPython's order).
            if fut.done() {
                return raise("InvalidStateError", "invalid state");
            }
            let e = exception_arg(&args[0])?;
            fut.set_exception(e).map(|_| Value::None)
        }
        "add_done_callback" => {
            let cb = args[0].clone();
            let charge = Charge::new(HANDLE_BYTES)?;
            let ctx = crate::modules::contextvars::given(take_kw(&mut kwargs, "context"))?;
            let me = this.clone();
            let key = cb.clone();
            let obj = this.id();
            let named = cb.clone();
            let name = CallbackName::Lazy(Rc::new(move || super::handler::callback_source(&named, &[])));
            let id = fut.add_named_done_callback(name, move |_| {
                let _charge = charge;
                // The future is done: none of its callbacks can be removed any more.
                CALLBACKS.with(|c| c.borrow_mut().remove(&obj));
                crate::modules::contextvars::run_in(ctx.clone(), || {
                    run_callback(&cb, vec![me.clone()], None)
                });
            });
            CALLBACKS.with(|c| c.borrow_mut().entry(obj).or_default().push((key, id)));
            Ok(Value::None)
        }
        "remove_done_callback" => {
            let cb = &args[0];
            // Out of the map while comparing: `__eq__` may add callbacks.
            let entries = CALLBACKS.with(|c| c.borrow_mut().remove(&this.id())).unwrap_or_default();
            let mut keep: Vec<(Value, asyncio_engine::CallbackId)> = Vec::new();
            let mut n = 0;
            for (f, id) in entries {
                if f.is(cb) || crate::interp::ops::eq(&f, cb).unwrap_or(false) {
                    n += fut.remove_done_callback(id);
                } else {
                    keep.push((f, id));
                }
            }
            if !keep.is_empty() {
                CALLBACKS.with(|c| {
                    let mut c = c.borrow_mut();
                    let added = c.entry(this.id()).or_default();
                    keep.append(added);
                    *added = keep;
                });
            }
            Ok(Value::Int(n as i64))
        }
        "get_loop" => match fut.get_loop().as_ref().and_then(super::loops::loop_value) {
            Some(lp) => Ok(lp),
            None => super::loops::running_loop_value(),
        },
        _ => raise("AttributeError", format!("'{}' object has no attribute '{name}'", text::type_name(this))),
    }
}

type Callbacks = HashMap<usize, Vec<(Value, asyncio_engine::CallbackId)>>;

thread_local! {
    /// The done callbacks the program added, by future object, while they
    /// may still be removed (until the future is done).
    static CALLBACKS: RefCell<Callbacks> = RefCell::new(HashMap::new());
}

/// Forgets the callbacks and task objects of the last program.
pub fn reset() {
    CALLBACKS.with(|c| c.borrow_mut().clear());
    TASKS.with(|t| t.borrow_mut().clear());
    CORO_NAMES.with(|n| n.borrow_mut().clear());
    SWEEP_AT.with(|s| s.set(4096));
}

/// Runs a loop callback: an exception goes to the loop's exception handler.
/// `when`: a timer handle's deadline.
pub fn run_callback(f: &Value, args: Vec<Value>, when: Option<f64>) {
    let shown = args.clone();
    if let Err(e) = call_sync(f, args, vec![]) {
        if interp().stopped.borrow().is_some() {
            return;
        }
        exc::add_foreign_frame(&e, &exc::HANDLE_RUN);
        super::handler::callback_failed(f, &shown, when, &e);
    }
}

const CANCEL: Args = Args::Clinic("cancel(msg=None)");
const ADD_DONE_CALLBACK: Args = Args::Clinic("add_done_callback(fn, /, *, context=None)");

/// Future's methods, and how CPython's (C) ones take their arguments.
const FUTURE_METHODS: &[(&str, Args)] = &[
    ("done", C(0)),
    ("cancelled", C(0)),
    ("result", C(0)),
    ("exception", C(0)),
    ("cancel", CANCEL),
    ("set_result", C(1)),
    ("set_exception", C(1)),
    ("add_done_callback", ADD_DONE_CALLBACK),
    ("remove_done_callback", C(1)),
    ("get_loop", C(0)),
];

/// Calls method `name` (of `table`) of a future or task: its arguments
/// checked as CPython's `class` does, then `f`.
fn checked(
    table: &[(&'static str, Args)],
    class: &str,
    name: &str,
    mut args: Vec<Value>,
    mut kwargs: Kwargs,
    f: impl FnOnce(Vec<Value>, Kwargs) -> PyResult<Value>,
) -> PyResult<Value> {
    if let Some((_, how)) = table.iter().find(|(n, _)| *n == name) {
        how.check(class, name, &mut args, &mut kwargs)?;
    }
    f(args, kwargs)
}

impl Native for PyFuture {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn has_method(&self, name: &str) -> bool {
        FUTURE_METHODS.iter().any(|(n, _)| *n == name)
    }
    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
        checked(FUTURE_METHODS, "Future", name, args, kwargs, |a, k| {
            future_method(&self.fut, this, name, a, k)
        })
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native(self.kind)
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        future_text(self.kind, &*self.fut.as_any(), self.fut.peek_outcome())
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(Ok(v));
        }
        let &(n, _) = FUTURE_METHODS.iter().find(|(m, _)| *m == name)?;
        Some(Ok(method::<PyFuture>(name, this, move |f, me, args, kw| f.call_method(me, n, args, kw))))
    }
    fn setattr(&self, name: &str, value: Value) -> Option<PyResult<()>> {
        Some(set_attr(&self.attrs, name, value))
    }
    fn await_target(&self, _this: &Value) -> Option<PyResult<AwaitTarget>> {
        Some(Ok(AwaitTarget::Future(self.fut.clone())))
    }
}

/// A task object freed (the program let go of it, and its body is done
/// or let go of it too): as for a future, a failure nobody retrieves is
/// reported when the task is freed.
impl Drop for PyTask {
    fn drop(&mut self) {
        let Some(task) = &self.typed else { return };
        if !may_fail_unseen(task.future()) {
            return;
        }
        let coro = match self.coro.as_ref().and_then(|c| c.as_native::<crate::native::coro::Coroutine>()) {
            Some(c) => c.describe(true),
            None => format!("{}()", self.coro_name),
        };
        let name = self.any.name();
        let describe = move |e: &str| format!("<Task finished name='{name}' coro=<{coro}> exception={e}>");
        watch(task.future(), "Task", describe);
    }
}

impl PyTask {
    fn state(&self) -> &'static str {
        let f = self.any.as_future();
        if f.cancelled() {
            "cancelled"
        } else if f.done() {
            "finished"
        } else if self.any.cancelling() > 0 {
            // `task.cancelling()`, as `_task_repr_info` asks.
            "cancelling"
        } else {
            "pending"
        }
    }
}

fn task_method(t: &PyTask, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    checked(TASK_METHODS, "Task", name, args, kwargs, |args, kwargs| task_call(t, this, name, args, kwargs))
}

fn task_call(t: &PyTask, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    match name {
        "get_name" => Ok(Value::string(t.any.name())),
        "set_name" => {
            let n = text::str(&args[0])?;
            match &t.typed {
                Some(task) => task.set_name(&n),
                None => {
                    return raise(
                        "NotImplementedError",
                        "set_name() on this task is not supported in the playground",
                    )
                }
            }
            Ok(Value::None)
        }
        "cancel" => {
            let cancelled = t.any.cancel(cancel_message(&args, kwargs)?.as_deref());
            // Tasks awaiting each other in a cycle: CPython's cancel() recursion.
            if asyncio_engine::cancel_overflowed() {
                return raise(
                    "RecursionError",
                    "maximum recursion depth exceeded while calling a Python object",
                );
            }
            Ok(Value::Bool(cancelled))
        }
        "cancelling" => Ok(Value::Int(t.any.cancelling() as i64)),
        "uncancel" => Ok(Value::Int(t.any.uncancel() as i64)),
        "done" => Ok(Value::Bool(t.any.is_done())),
        "get_coro" => Ok(t.coro.clone().unwrap_or(Value::None)),
        "set_result" | "set_exception" => {
            raise("RuntimeError", format!("Task does not support {name} operation"))
        }
        _ => match &t.typed {
            Some(task) => future_method(task.future(), this, name, args, kwargs),
            None => {
                let f = t.any.as_future();
                match name {
                    "cancelled" => Ok(Value::Bool(f.cancelled())),
                    _ => raise(
                        "NotImplementedError",
                        format!("Task.{name}() on this task is not supported in the playground"),
                    ),
                }
            }
        },
    }
}

/// Task's methods, and how CPython's (C) ones take their arguments.
const TASK_METHODS: &[(&str, Args)] = &[
    ("get_name", C(0)),
    ("set_name", C(1)),
    ("cancel", CANCEL),
    ("cancelling", C(0)),
    ("uncancel", C(0)),
    ("done", C(0)),
    ("get_coro", C(0)),
    ("set_result", C(1)),
    ("set_exception", C(1)),
    ("cancelled", C(0)),
    ("result", C(0)),
    ("exception", C(0)),
    ("add_done_callback", ADD_DONE_CALLBACK),
    ("remove_done_callback", C(1)),
    ("get_loop", C(0)),
];

impl Native for PyTask {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn has_method(&self, name: &str) -> bool {
        TASK_METHODS.iter().any(|(n, _)| *n == name)
    }
    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
        task_method(self, this, name, args, kwargs)
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("Task")
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        // `reprlib.recursive_repr()`: tasks waiting on each other are `...`.
        text::guarded(this.id(), "...", || self.repr_text())
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(Ok(v));
        }
        let &(n, _) = TASK_METHODS.iter().find(|(m, _)| *m == name)?;
        Some(Ok(method::<PyTask>(name, this, move |t, me, args, kw| task_method(t, me, n, args, kw))))
    }
    fn setattr(&self, name: &str, value: Value) -> Option<PyResult<()>> {
        Some(set_attr(&self.attrs, name, value))
    }
    fn await_target(&self, _this: &Value) -> Option<PyResult<AwaitTarget>> {
        match &self.typed {
            Some(t) => Some(Ok(AwaitTarget::Future(t.future().clone()))),
            None => {
                Some(raise("NotImplementedError", "awaiting this task is not supported in the playground"))
            }
        }
    }
}

impl PyTask {
    fn repr_text(&self) -> PyResult<String> {
        self.text(false)
    }

    /// Its repr as Python's exit shows a pending task it collects: with its
    /// coroutine closed first (`coro=<f() done, defined at ...>`) when
    /// `coro_closed`.
    pub fn exit_repr(&self, coro_closed: bool) -> PyResult<String> {
        self.text(coro_closed)
    }

    fn text(&self, coro_closed: bool) -> PyResult<String> {
        let done = coro_closed || self.typed.as_ref().is_some_and(|t| t.future().done());
        let coro = match self.coro.as_ref().and_then(|c| c.as_native::<crate::native::coro::Coroutine>()) {
            Some(c) => c.describe(done),
            None => format!("{}()", self.coro_name),
        };
        let mut out = format!("<Task {} name='{}' coro=<{coro}>", self.state(), self.any.name());
        if let Some(waiter) = self.any.fut_waiter() {
            if let Some(waiter) = waiter_repr(&waiter)? {
                out.push_str(&format!(" wait_for={waiter}"));
            }
        }
        if let Some(task) = &self.typed {
            let f = task.future();
            match f.peek_outcome() {
                Some(Ok(v)) => out.push_str(&format!(" result={}", crate::builtins::reprlib::repr(&v)?)),
                Some(Err(e)) => out.push_str(&format!(" exception={}", text::repr(&exc_value(&e))?)),
                None => {}
            }
        }
        out.push_str(&asyncio_engine::callbacks_repr(&*self.any.as_future()));
        out.push('>');
        Ok(out)
    }
}

/// `obj.name = value` on a task or future: kept in its `__dict__`, which
/// shadows its methods as an instance's does.
fn set_attr(attrs: &RefCell<crate::object::Attrs>, name: &str, value: Value) -> PyResult<()> {
    attrs.borrow_mut().set(name, value);
    Ok(())
}

/// The repr of the future a task waits on (`wait_for=`): a task's, or a
/// future's as `Future.__repr__` writes it; `None` for a result of a type
/// the interpreter does not know, which the repr then leaves out.
fn waiter_repr(waiter: &Rc<dyn AnyFuture>) -> PyResult<Option<String>> {
    if let Some(task) = waiter.task_of() {
        return text::repr(&task_value(task)).map(Some);
    }
    // Taken out first: a repr may run the program's code.
    let mut outcome: Option<Result<Value, Exception>> = None;
    waiter.with_outcome(&mut |o| {
        outcome = match o {
            Err(e) => Some(Err(e.clone())),
            Ok(r) => {
                r.downcast_ref::<Value>().cloned().or_else(|| r.is::<()>().then_some(Value::None)).map(Ok)
            }
        }
    });
    if waiter.done() && !waiter.cancelled() && outcome.is_none() {
        return Ok(None);
    }
    future_text(waiter.class_name(), &**waiter, outcome).map(Some)
}

/// `Future.__repr__` of `fut` (class `class`, finished with `outcome` if
/// done): `<Future finished result=1>`, `<Future pending cb=[...]>`.
fn future_text(
    class: &str,
    fut: &dyn AnyFuture,
    outcome: Option<Result<Value, Exception>>,
) -> PyResult<String> {
    let state = match outcome {
        _ if fut.cancelled() => "cancelled".to_string(),
        Some(Ok(v)) => format!("finished result={}", crate::builtins::reprlib::repr(&v)?),
        Some(Err(e)) => format!("finished exception={}", text::repr(&exc_value(&e))?),
        None => "pending".to_string(),
    };
    Ok(format!("<{class} {state}{}>", asyncio_engine::callbacks_repr(fut)))
}
