//! The loop's exception handler, as asyncio's `base_events` has it: an
//! exception escaping a loop callback becomes a context dict
//! (`message`, `exception`, `handle`) given to the handler the program set
//! with `loop.set_exception_handler`, or to `default_exception_handler`,
//! which logs it on the `asyncio` logger when the program uses `logging`
//! (so `basicConfig(stream=sys.stdout)` shows it in the trace) and writes
//! it to stderr otherwise, as logging's last-resort handler does.

use std::any::Any;
use std::rc::Rc;

use super::loops::PyLoop;
use crate::interp::call::{call_sync, callable};
use crate::interp::exc::raise;
use crate::interp::{attr, interp, ops, text};
use crate::native::Native;
use crate::object::Class;
use crate::value::{Dict, Value};
use asyncio_engine::{Exception, PyResult};

/// Stands in a context for an object the handler only shows: the handle of
/// the callback that failed (`<Handle cb() at prog.py:3>`, `<TimerHandle
/// when=1.0 cb() at prog.py:3>`), a future already freed (`<Task finished
/// ...>`); its repr is CPython's.
struct Shown {
    class: &'static str,
    repr: String,
}

impl Native for Shown {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native(self.class)
    }
    fn repr(&self, _: &Value) -> PyResult<String> {
        Ok(self.repr.clone())
    }
}

/// A loop callback `f(*args)` raised `e`: the loop's exception handler
/// hears of it. `when`: the deadline of a `call_later`/`call_at` handle.
pub fn callback_failed(f: &Value, args: &[Value], when: Option<f64>, e: &Exception) {
    let Ok(lv) = super::loops::running_loop_value() else { return };
    let source = callback_source(f, args);
    let handle = match when {
        Some(t) => {
            format!("<TimerHandle when={} {source}>", text::repr(&Value::Float(t)).unwrap_or_default())
        }
        None => format!("<Handle {source}>"),
    };
    let context = Dict::new();
    let set = |k: &str, v: Value| ops::dict_set(&context, Value::str(k), v);
    let filled = set("message", Value::string(format!("Exception in callback {source}")))
        .and_then(|()| set("exception", Value::Instance(crate::interp::exc::instance(e))))
        .and_then(|()| set("handle", Value::native(Shown { class: "Handle", repr: handle })));
    if filled.is_ok() {
        report(call_exception_handler(&lv, Value::Dict(context)));
    }
}

/// A future or task freed with an exception nobody retrieved: the handler
/// of its loop (`lp`, gone once the program dropped it: then the default
/// one) gets `message`, the exception and the future (`shown`: its repr).
pub fn never_retrieved(lp: Option<Rc<PyLoop>>, message: String, shown: String, e: &Exception) {
    if interp().stopped.borrow().is_some() {
        return;
    }
    let context = Dict::new();
    let set = |k: &str, v: Value| ops::dict_set(&context, Value::str(k), v);
    let filled = set("message", Value::string(message))
        .and_then(|()| set("exception", Value::Instance(crate::interp::exc::instance(e))))
        .and_then(|()| set("future", Value::native(Shown { class: "Future", repr: shown })));
    if filled.is_ok() {
        let context = Value::Dict(context);
        report(match lp {
            Some(lp) => call_exception_handler(&Value::Object(lp), context),
            None => default_exception_handler(&context),
        });
    }
}

/// The tasks still pending when the program ends, with their loops'
/// objects, in the order they were made (before the exit frees the loops).
pub fn pending_at_exit() -> Vec<(Rc<PyLoop>, Value)> {
    let mut out = Vec::new();
    for pl in super::loops::all_loops() {
        for task in pl.lp.all_tasks() {
            out.push((pl.clone(), super::futures::task_value(task)));
        }
    }
    out
}

/// Python's exit collects the tasks still pending: each is "Task was
/// destroyed but it is pending!" for its loop's exception handler. A task
/// of a loop the program closed is garbage collected, its coroutine closed
/// first (`done, defined at`); one an open loop still holds goes with the
/// loop, its coroutine where it waits (`running at`).
pub fn destroyed_pending(tasks: Vec<(Rc<PyLoop>, Value)>) {
    // A coroutine that never ran is first "never awaited" (at `sys:1`: no
    // frame is running any more), once per coroutine.
    let mut warned: Vec<Rc<str>> = Vec::new();
    for (_, task) in &tasks {
        let coro = task.as_native::<super::futures::PyTask>().and_then(|t| t.coro.clone());
        let Some(c) = coro.as_ref().and_then(|c| c.as_native::<crate::native::coro::Coroutine>()) else {
            continue;
        };
        if !c.has_run() && !warned.contains(&c.qualname) {
            warned.push(c.qualname.clone());
            interp().host.write_stderr(&format!(
                "sys:1: RuntimeWarning: coroutine '{}' was never awaited\n\
                 RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
                c.qualname
            ));
        }
    }
    for (pl, task) in tasks {
        let Some(t) = task.as_native::<super::futures::PyTask>() else { continue };
        let Ok(shown) = t.exit_repr(pl.lp.is_closed()) else { continue };
        let context = Dict::new();
        let set = |k: &str, v: Value| ops::dict_set(&context, Value::str(k), v);
        let filled = set("task", Value::native(Shown { class: "Task", repr: shown }))
            .and_then(|()| set("message", Value::str("Task was destroyed but it is pending!")));
        if filled.is_ok() {
            report(call_exception_handler(&Value::Object(pl), Value::Dict(context)));
        }
    }
}

/// An error of the handlers themselves goes to stderr (CPython logs it).
fn report(outcome: PyResult<()>) {
    if let Err(e) = outcome {
        let it = interp();
        if it.stopped.borrow().is_none() {
            it.host.write_stderr(&format!(
                "Exception in default exception handler\n{}",
                crate::traceback::format(&e)
            ));
        }
    }
}

/// CPython's `format_helpers._format_callback_source`: `name(args) at
/// file:line` (the place only for a function written in Python); a
/// `functools.partial` shows its function and arguments, then the call's.
pub(crate) fn callback_source(f: &Value, args: &[Value]) -> String {
    let (mut f, mut args, mut keywords) = (f.clone(), args.to_vec(), Vec::new());
    let mut suffix = String::new();
    while let Some((func, inner_args, inner_keywords)) = partial_parts(&f) {
        suffix = format!("{}{suffix}", call_text(&args, &keywords));
        (f, args, keywords) = (func, inner_args, inner_keywords);
    }
    let name = ["__qualname__", "__name__"]
        .iter()
        .find_map(|n| attr::getattr_opt(&f, n).ok().flatten().and_then(|v| v.as_str().map(String::from)))
        .unwrap_or_else(|| text::repr(&f).unwrap_or_default());
    let place = match &f {
        Value::Function(func) => format!(" at {}:{}", func.module.filename, func.def.pos.line),
        _ => String::new(),
    };
    format!("{name}{}{suffix}{place}", call_text(&args, &keywords))
}

/// Keyword arguments, by name.
type Keywords = Vec<(String, Value)>;

/// A `functools.partial`'s function, arguments and keywords.
fn partial_parts(f: &Value) -> Option<(Value, Vec<Value>, Keywords)> {
    if attr::type_of(f).name.as_ref() != "partial" {
        return None;
    }
    let get = |n: &str| attr::getattr_opt(f, n).ok().flatten();
    let args = crate::interp::iter::collect(&get("args")?).ok()?;
    let mut keywords = Vec::new();
    if let Some(Value::Dict(d)) = get("keywords") {
        for k in d.table.borrow().keys() {
            let v = ops::dict_get(&d, &k).ok().flatten()?;
            keywords.push((text::str(&k).ok()?, v));
        }
    }
    Some((get("func")?, args, keywords))
}

/// `(a, b, k=c)`, each shortened as `reprlib` does.
fn call_text(args: &[Value], keywords: &Keywords) -> String {
    let short = |v: &Value| crate::builtins::reprlib::repr(v).unwrap_or_default();
    let mut items: Vec<String> = args.iter().map(short).collect();
    items.extend(keywords.iter().map(|(k, v)| format!("{k}={}", short(v))));
    format!("({})", items.join(", "))
}

/// `loop.set_exception_handler(handler)`.
pub fn set_handler(pl: &PyLoop, handler: &Value) -> PyResult<Value> {
    if !matches!(handler, Value::None) && !callable(handler) {
        let shown = text::repr(handler)?;
        return raise("TypeError", format!("A callable object or None is expected, got {shown}"));
    }
    *pl.exception_handler.borrow_mut() = handler.clone();
    Ok(Value::None)
}

/// `loop.call_exception_handler(context)`: the program's handler, or the
/// default one; a handler that raises is reported by the default one.
pub fn call_exception_handler(lv: &Value, context: Value) -> PyResult<()> {
    let Some(pl) = lv.as_native::<PyLoop>() else { return Ok(()) };
    let handler = pl.exception_handler.borrow().clone();
    if matches!(handler, Value::None) {
        return default_exception_handler(&context);
    }
    match call_sync(&handler, vec![lv.clone(), context.clone()], vec![]) {
        Ok(_) => Ok(()),
        Err(e) if e.is("SystemExit") || e.is("KeyboardInterrupt") => Err(e),
        Err(e) => {
            let inner = Dict::new();
            ops::dict_set(&inner, Value::str("message"), Value::str("Unhandled error in exception handler"))?;
            ops::dict_set(
                &inner,
                Value::str("exception"),
                Value::Instance(crate::interp::exc::instance(&e)),
            )?;
            ops::dict_set(&inner, Value::str("context"), context)?;
            default_exception_handler(&Value::Dict(inner))
        }
    }
}

/// `loop.default_exception_handler(context)`: the message, then every other
/// key but `exception` (sorted) as `key: repr`, with the exception's traceback.
pub fn default_exception_handler(context: &Value) -> PyResult<()> {
    let Value::Dict(d) = context else {
        return raise("TypeError", "the context must be a dict");
    };
    let message = match ops::dict_get(d, &Value::str("message"))? {
        Some(m) if ops::truthy(&m)? => text::str(&m)?,
        _ => "Unhandled exception in event loop".to_string(),
    };
    let exception = ops::dict_get(d, &Value::str("exception"))?.filter(|e| !matches!(e, Value::None));
    let mut keys: Vec<String> = Vec::new();
    for k in d.table.borrow().keys() {
        keys.push(text::str(&k)?);
    }
    keys.sort();
    let mut lines = vec![message];
    for k in keys.iter().filter(|k| *k != "message" && *k != "exception") {
        let v = ops::dict_get(d, &Value::string(k.clone()))?.unwrap_or(Value::None);
        lines.push(format!("{k}: {}", text::repr(&v)?));
    }
    log_error(&lines.join("\n"), exception)
}

/// Where in CPython 3.11.7's asyncio a message is logged from: `%(filename)s`,
/// `%(funcName)s` and `%(lineno)d` of its record.
pub fn logged_from(file: &str, function: &str, line: i64) -> Value {
    Value::tuple(vec![Value::string(format!("asyncio/{file}")), Value::str(function), Value::Int(line)])
}

/// `logging.getLogger('asyncio').error(text, exc_info=exception)` when the
/// program imported logging; else stderr, as logging's last resort writes it.
fn log_error(message: &str, exception: Option<Value>) -> PyResult<()> {
    let it = interp();
    let logging = it.modules.borrow().get("logging").cloned();
    if let Some(logging) = logging {
        let get_logger = attr::getattr(&logging, "getLogger")?;
        let logger = call_sync(&get_logger, vec![Value::str("asyncio")], vec![])?;
        let error = attr::getattr(&logger, "error")?;
        let exc_info = exception.unwrap_or(Value::Bool(false));
        let kwargs = vec![
            (Rc::from("exc_info"), exc_info),
            (Rc::from("_where"), logged_from("base_events.py", "default_exception_handler", 1771)),
        ];
        call_sync(&error, vec![Value::string(message.to_string())], kwargs)?;
        return Ok(());
    }
    let mut out = format!("{message}\n");
    if let Some(Value::Instance(inst)) = &exception {
        if inst.exc.is_some() {
            out.push_str(&crate::traceback::format(&crate::interp::exc::to_engine(inst)));
        }
    }
    it.host.write_stderr(&out);
    Ok(())
}
