//! The modules a program may import: `asyncio`, `concurrent.futures`,
//! `time`, `random`, `functools`, `collections`, `dataclasses`, `sys`,
//! `math`, `typing`. Nothing reaches the host.

pub mod asyncio;
pub mod collections;
pub mod concurrent;
pub mod contextlib;
pub mod dataclasses;
pub mod itertools;
pub mod misc;
pub mod random;
pub mod sys;
pub mod time;

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use crate::ast::Pos;
use crate::interp::exc::raise;
use crate::interp::interp;
use crate::native::Native;
use crate::object::{Attrs, Builtin, Class};
use crate::value::Value;
use asyncio_engine::PyResult;

/// The modules that exist, for messages.
pub const AVAILABLE: &[&str] = &[
    "asyncio",
    "collections",
    "concurrent.futures",
    "contextlib",
    "dataclasses",
    "functools",
    "itertools",
    "math",
    "random",
    "sys",
    "time",
    "typing",
];

/// A module object.
pub struct ModuleObj {
    pub name: Rc<str>,
    pub attrs: RefCell<Attrs>,
}

impl ModuleObj {
    pub fn new(name: &str) -> ModuleObj {
        ModuleObj { name: Rc::from(name), attrs: RefCell::new(Attrs::default()) }
    }
    pub fn set(&self, name: &str, v: Value) {
        self.attrs.borrow_mut().set(name, v);
    }
    pub fn func(
        &self,
        name: &str,
        f: impl Fn(Vec<Value>, crate::native::Kwargs) -> PyResult<Value> + 'static,
    ) {
        self.set(name, Builtin::new(name, f));
    }
    /// A function defined in Python with positional-or-keyword parameters
    /// `params` and keyword-only ones `keyword_only`: a keyword naming one of
    /// `params` is passed in its place, as Python binds it; any other keyword
    /// is CPython's `TypeError: name() got an unexpected keyword argument
    /// 'k'`, never ignored.
    pub fn func_kw(
        &self,
        name: &'static str,
        params: &'static [&'static str],
        keyword_only: &'static [&'static str],
        f: impl Fn(Vec<Value>, crate::native::Kwargs) -> PyResult<Value> + 'static,
    ) {
        self.func(name, move |mut args, mut kwargs| {
            bind_keywords(name, params, keyword_only, &mut args, &mut kwargs)?;
            f(args, kwargs)
        });
    }
}

/// Move keywords naming the next of `params` into `args`, in order, and
/// refuse a keyword that is neither one of `params` nor of `keyword_only`,
/// or names a parameter already given by position.
pub(crate) fn bind_keywords(
    name: &str,
    params: &[&str],
    keyword_only: &[&str],
    args: &mut Vec<Value>,
    kwargs: &mut crate::native::Kwargs,
) -> PyResult<()> {
    use crate::interp::exc::raise;
    for (i, param) in params.iter().enumerate() {
        if let Some(at) = kwargs.iter().position(|(k, _)| &**k == *param) {
            if i < args.len() {
                return raise("TypeError", format!("{name}() got multiple values for argument '{param}'"));
            }
            if i == args.len() {
                args.push(kwargs.remove(at).1);
            }
        }
    }
    if let Some((k, _)) = kwargs.iter().find(|(k, _)| !keyword_only.contains(&&**k)) {
        if !params.contains(&&**k) {
            return raise("TypeError", format!("{name}() got an unexpected keyword argument '{k}'"));
        }
        // A later parameter by name, an earlier (required) one not given.
        let missing = params.get(args.len()).copied().unwrap_or("?");
        return raise("TypeError", format!("{name}() missing 1 required positional argument: '{missing}'"));
    }
    Ok(())
}

impl Native for ModuleObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("module")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("<module '{}'>", self.name))
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        if name == "__name__" {
            return Some(Ok(Value::Str(self.name.clone())));
        }
        self.attrs.borrow().get(name).map(Ok)
    }
    fn setattr(&self, name: &str, value: Value) -> Option<PyResult<()>> {
        self.set(name, value);
        Some(Ok(()))
    }
}

/// Is `name` a module the playground has?
pub fn exists(name: &str) -> bool {
    AVAILABLE.contains(&name) || name == "concurrent"
}

/// The message for a module the playground does not have.
pub fn not_found_message(name: &str) -> String {
    let why = match name.split('.').next().unwrap_or(name) {
        "threading" | "_thread" => " (threads are modelled by the lessons, not run here)",
        "multiprocessing" => " (processes are modelled by the lessons, not run here)",
        "os" | "subprocess" | "socket" | "urllib" | "http" | "requests" | "aiohttp" | "io" | "pathlib"
        | "shutil" => " (the playground has no files, network or processes)",
        _ => "",
    };
    format!("No module named '{name}'{why}; the playground has: {}", AVAILABLE.join(", "))
}

/// `import name`: the module object (made once per interpreter).
pub fn import(name: &str, _pos: Pos) -> PyResult<Value> {
    let it = interp();
    if let Some(m) = it.modules.borrow().get(name) {
        return Ok(m.clone());
    }
    let module = match name {
        "asyncio" => asyncio::module(),
        "time" => time::module(),
        "random" => random::module(),
        "functools" => misc::functools(),
        "collections" => collections::module(),
        "dataclasses" => dataclasses::module(),
        "itertools" => itertools::module(),
        "sys" => sys::module(),
        "contextlib" => contextlib::module(),
        "math" => misc::math(),
        "typing" => misc::typing(),
        "concurrent" => {
            let m = ModuleObj::new("concurrent");
            m.set("futures", import("concurrent.futures", _pos)?);
            m
        }
        "concurrent.futures" => concurrent::module(),
        _ => return raise("ModuleNotFoundError", not_found_message(name)),
    };
    let v = Value::native(module);
    it.modules.borrow_mut().insert(Rc::from(name), v.clone());
    Ok(v)
}
