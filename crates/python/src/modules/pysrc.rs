//! Modules written in Python (`py/*.py`, where `library.rs` finds their
//! text; `ext/*.py`, the Python parts of modules written in Rust), for the
//! standard library's pure Python parts: compiled and run by this
//! interpreter when first imported, like a user's module. Their text costs a few kB of gzip where the same
//! code in Rust would cost tens (issue 14's size budget), and their
//! behaviour is Python's by construction. A module's body must not await.

use std::rc::Rc;
use std::task::{Context, Poll};

use crate::interp::exc::raise;
use crate::interp::{interp, Frame, Module};
use crate::modules::ModuleObj;
use crate::value::Value;
use asyncio_engine::PyResult;

/// What every module here is given besides Python's builtins (not exported).
const HELPERS: [&str; 11] = [
    "_caller",
    "_iterable_coroutine",
    "_format_exception",
    "_strftime_at",
    "_ctx_current",
    "_ctx_swap",
    "_cm_enter",
    "_cm_exit",
    "_re_compile",
    "_re_info",
    "_re_scan",
];

/// The parts of modules implemented in Rust that are written in Python:
/// run in a namespace holding the module's attributes, they add theirs.
pub const EXTENSIONS: &[(&str, &str)] = &[
    ("asyncio", include_str!("ext/asyncio.py")),
    ("collections", include_str!("ext/collections.py")),
    ("contextlib", include_str!("ext/contextlib.py")),
    ("functools", include_str!("ext/functools.py")),
    ("time", include_str!("ext/time.py")),
    ("typing", include_str!("ext/typing.py")),
];

/// Is `name` a module written in Python here, wholly or in part? (Their
/// classes may have metaclasses.)
pub fn is_library(name: &str) -> bool {
    super::library::NAMES.contains(&name) || extension(name).is_some()
}

/// The Python part of module `name` implemented in Rust, if it has one.
pub fn extension(name: &str) -> Option<&'static str> {
    EXTENSIONS.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// Compiles and runs module `name` from `text`: its globals become the
/// module's attributes.
///
/// # Errors
/// Whatever the body raises; a module that does not compile or awaits is a
/// `RuntimeError` naming it (a bug here, never the user's).
pub fn load(name: &str, text: &str) -> PyResult<ModuleObj> {
    let module = ModuleObj::new(name);
    run_into(&module, text)?;
    Ok(module)
}

/// Adds the Python part of `module` (implemented in Rust), if it has one.
///
/// # Errors
/// As [`load`].
pub fn extend(module: &ModuleObj) -> PyResult<()> {
    match extension(&module.name) {
        Some(text) => run_into(module, text),
        None => Ok(()),
    }
}

/// Runs `text` in a namespace that starts with `module`'s attributes, then
/// gives `module` every global the run left.
fn run_into(module: &ModuleObj, text: &str) -> PyResult<()> {
    let name = module.name.clone();
    let tree = match crate::runner::compile(text) {
        Ok(tree) => tree,
        Err(e) => {
            return raise("RuntimeError", format!("the playground's module {name} does not compile: {e:?}"));
        }
    };
    let it = interp();
    let namespace = Module::new(&name, &format!("<playground>/{name}.py"), text);
    for (k, v) in module.attrs.borrow().0.iter() {
        namespace.set(k, v.clone());
    }
    namespace.set("__name__", Value::Str(name.clone()));
    namespace.set("_format_exception", crate::object::Builtin::new("_format_exception", format_exception));
    namespace.set("_strftime_at", crate::object::Builtin::new("_strftime_at", strftime_at));
    namespace.set("_ctx_current", crate::object::Builtin::new("_ctx_current", super::contextvars::current));
    namespace.set("_ctx_swap", crate::object::Builtin::new("_ctx_swap", super::contextvars::swap_value));
    namespace.set("_cm_enter", crate::object::Builtin::new("_cm_enter", super::contextlib::cm_enter));
    namespace.set("_cm_exit", crate::object::Builtin::new("_cm_exit", super::contextlib::cm_exit));
    namespace.set("_re_compile", crate::object::Builtin::new("_re_compile", super::re::compile_fn));
    namespace.set("_re_info", crate::object::Builtin::new("_re_info", super::re::info_fn));
    namespace.set("_re_scan", crate::object::Builtin::new("_re_scan", super::re::scan_fn));
    namespace.set("_caller", crate::object::Builtin::new("_caller", caller));
    namespace
        .set("_iterable_coroutine", crate::object::Builtin::new("_iterable_coroutine", iterable_coroutine));
    it.library.borrow_mut().push((tree.clone(), namespace.clone()));
    let frame = Frame::new(namespace.clone(), Rc::from("<module>"), 0, Vec::new());
    let mut body = crate::interp::exec::exec_block(&tree.body, &frame);
    let mut cx = Context::from_waker(std::task::Waker::noop());
    match body.as_mut().poll(&mut cx) {
        Poll::Ready(Ok(_)) => {}
        Poll::Ready(Err(e)) => return Err(e),
        Poll::Pending => {
            return raise("RuntimeError", format!("the playground's module {name} awaited at import"))
        }
    }
    drop(body);
    for (k, v) in namespace.globals.borrow().iter() {
        if !HELPERS.contains(&&**k) {
            module.set(k, v.clone());
        }
    }
    Ok(())
}

/// `_format_exception(exc)`, given to every module here: Python's traceback
/// text of an exception instance (`traceback.format_exception`, joined).
fn format_exception(args: Vec<Value>, _: crate::native::Kwargs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Instance(inst)) if inst.exc.is_some() => {
            let e = crate::interp::exc::to_engine(inst);
            Ok(Value::string(crate::traceback::format(&e)))
        }
        _ => raise("TypeError", "_format_exception() takes an exception"),
    }
}

/// `_caller(stacklevel)`: the function name and line of the program's
/// code that called in (`stacklevel` 1), or of its caller (2), ... for
/// logging's `funcName` and `lineno`; CPython's words when there is none.
/// `_caller(stacklevel, True)` adds the line's text (`None` without one),
/// for warnings.
fn caller(args: Vec<Value>, _: crate::native::Kwargs) -> PyResult<Value> {
    let level = args.first().and_then(Value::as_i64).unwrap_or(1).max(1);
    let (name, line) = match crate::interp::frames::caller(level as usize - 1) {
        Some((name, line)) => (Value::Str(name), line),
        None => (Value::str("(unknown function)"), 0),
    };
    let mut out = vec![name, Value::Int(i64::from(line))];
    if args.get(1).is_some_and(|t| matches!(t, Value::Bool(true))) {
        let it = interp();
        let source = it.main_module.borrow().as_ref().map(|m| m.source.clone());
        let text = source.and_then(|s| s.get((line as usize).wrapping_sub(1)).cloned());
        out.push(text.map_or(Value::None, Value::Str));
    }
    Ok(Value::tuple(out))
}

/// `_strftime_at(format, secs)`: `time.strftime(format, time.gmtime(secs))`
/// (the playground's times are UTC), for logging's `asctime`.
fn strftime_at(args: Vec<Value>, _: crate::native::Kwargs) -> PyResult<Value> {
    match (args.first(), args.get(1).and_then(Value::as_f64)) {
        (Some(Value::Str(fmt)), Some(secs)) => Ok(Value::string(crate::modules::time::strftime(fmt, secs))),
        _ => raise("TypeError", "_strftime_at() takes a format and seconds"),
    }
}

/// `_iterable_coroutine(f)`, for `types.coroutine`: generator function `f`'s
/// generators become awaitable (CPython sets `CO_ITERABLE_COROUTINE`).
fn iterable_coroutine(args: Vec<Value>, _kw: crate::native::Kwargs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Function(f)) => {
            f.iterable_coroutine.set(true);
            Ok(Value::Function(f.clone()))
        }
        _ => raise("TypeError", "_iterable_coroutine() expects a function"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(source: &str) -> Vec<String> {
        let lines = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let sink = lines.clone();
        crate::run_source(source, "prog.py", 2, move |line| sink.borrow_mut().push(line.to_string()))
            .expect("compiles");
        let out = lines.borrow().clone();
        out
    }

    /// `logger.exception` in an `except` block: the traceback ends at the
    /// frame that caught it (python3's lines, checked by hand), and no
    /// frame of the library's own functions shows.
    #[test]
    fn logger_exception_shows_the_traceback_up_to_the_catching_frame() {
        let source = "import logging, sys\n\
            logging.basicConfig(stream=sys.stdout, format='%(levelname)s %(message)s')\n\
            def fail():\n    raise KeyError('k')\n\
            try:\n    fail()\nexcept KeyError:\n    logging.exception('caught %d', 1)\n\
            print(sys.exc_info())\n";
        let lines: Vec<String> = run(source).into_iter().map(|l| l[12..].to_string()).collect();
        assert_eq!(
            lines,
            [
                "ERROR caught 1",
                "Traceback (most recent call last):",
                "  File \"prog.py\", line 6, in <module>",
                "    fail()",
                "  File \"prog.py\", line 4, in fail",
                "    raise KeyError('k')",
                "KeyError: 'k'",
                "(None, None, None)",
            ]
        );
    }

    /// Every module compiles (parse, scopes, imports of available modules).
    #[test]
    fn every_python_module_compiles() {
        let inside = super::super::library::NAMES
            .iter()
            .filter_map(|n| super::super::library::text(n).map(|t| (n, t)));
        for (name, text) in inside.chain(EXTENSIONS.iter().map(|(n, t)| (n, *t))) {
            if let Err(e) = crate::runner::compile(text) {
                panic!("{name}.py: {e:?}");
            }
        }
    }
}
