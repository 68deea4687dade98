//! The modules a program may import: `asyncio`, `concurrent.futures`,
//! `time`, `random`, `functools`, `collections`, `dataclasses`, `sys`,
//! `math`, `typing`, and those written in Python (`pysrc.rs`: `abc`, `bisect`,
//! `copy`, `heapq`, `json`, `logging`, `operator`, `string`). Nothing reaches the host.

pub mod asyncio;
pub mod collections;
pub mod concurrent;
pub mod contextlib;
pub mod contextvars;
pub mod dataclasses;
pub mod fsum;
pub mod glibc_math;
pub mod itertools;
pub mod library;
pub mod mathint;
pub mod misc;
pub mod ordering;
pub mod pysrc;
pub mod random;
pub mod re;
pub mod sha512;
pub mod sys;
pub mod time;
pub mod traceback;
pub mod vnorm;

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
    "abc",
    "asyncio",
    "bisect",
    "collections",
    "collections.abc",
    "concurrent.futures",
    "contextlib",
    "contextvars",
    "copy",
    "dataclasses",
    "datetime",
    "enum",
    "fractions",
    "functools",
    "heapq",
    "inspect",
    "itertools",
    "json",
    "keyword",
    "logging",
    "math",
    "operator",
    "pprint",
    "random",
    "re",
    "signal",
    "statistics",
    "string",
    "sys",
    "textwrap",
    "time",
    "traceback",
    "types",
    "typing",
    "warnings",
];

/// A module object.
pub struct ModuleObj {
    pub name: Rc<str>,
    pub attrs: RefCell<Attrs>,
}

/// A function implemented in Rust, behind a pointer.
type NativeFn = Box<dyn Fn(Vec<Value>, crate::native::Kwargs) -> PyResult<Value>>;

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
        self.set(
            name,
            Builtin::python(name, move |mut args, mut kwargs| {
                bind_keywords(name, params, keyword_only, &mut args, &mut kwargs)?;
                f(args, kwargs)
            }),
        );
    }
    /// Function `name`, defined in Python with signature `sig`: its arguments
    /// are bound as [`bind`] binds them.
    pub fn def(
        &self,
        name: &str,
        sig: &'static str,
        f: impl Fn(Vec<Value>, crate::native::Kwargs) -> PyResult<Value> + 'static,
    ) {
        // One wrapper for every function (the body stays behind a pointer).
        let f: NativeFn = Box::new(f);
        self.set(
            name,
            Builtin::python(name, move |mut args, mut kwargs| {
                bind(sig, &mut args, &mut kwargs)?;
                f(args, kwargs)
            }),
        );
    }
    /// A function CPython implements in C, `qualname` as its messages name
    /// it (`"math.sqrt"` is `sqrt`), taking its arguments as `how` says.
    pub(crate) fn def_c(
        &self,
        qualname: &'static str,
        how: Args,
        f: impl Fn(Vec<Value>, crate::native::Kwargs) -> PyResult<Value> + 'static,
    ) {
        let (module, name) = qualname.rsplit_once('.').unwrap_or(("", qualname));
        let f: NativeFn = Box::new(f);
        self.func(name, move |mut args, mut kwargs| {
            how.check(module, name, &mut args, &mut kwargs)?;
            f(args, kwargs)
        });
    }
}

/// Move keywords naming one of `params` into `args`, in order, and refuse a
/// keyword that is neither one of `params` nor of `keyword_only`, or names a
/// parameter already given by position. A parameter written `"name=default"`
/// may be skipped: a later one given by name puts its default (a literal) in
/// its place.
pub(crate) fn bind_keywords(
    name: &str,
    params: &[&str],
    keyword_only: &[&str],
    args: &mut Vec<Value>,
    kwargs: &mut crate::native::Kwargs,
) -> PyResult<()> {
    if kwargs.is_empty() {
        // Only keywords are bound here: nothing to do (the common call).
        return Ok(());
    }
    let mut sig = Sig { name, keyword_only: keyword_only.to_vec(), ..Sig::default() };
    sig.positional = params.iter().map(|p| split_default(p)).collect();
    sig.bind(args, kwargs, false)
}

/// Bind `args` and `kwargs` as CPython binds a call of the Python function
/// `sig`, written as `inspect.signature` shows it after the name CPython's
/// messages give it, with `self` for a method (a class method's too), which
/// `args` leaves out:
/// `"Random.randint(self, a, b)"`, `"_strftime(format, t=None)"`,
/// `"BaseEventLoop.call_later(self, delay, callback, *args, context=None)"`.
/// Keywords naming positional parameters move into `args`, the defaults
/// (literals) of skipped ones filled in; keyword-only ones (and any a
/// `**kwargs` takes) stay in `kwargs`. An unexpected keyword, one given
/// twice, too many positional arguments or a missing one is CPython's
/// `TypeError`.
pub(crate) fn bind(sig: &str, args: &mut Vec<Value>, kwargs: &mut crate::native::Kwargs) -> PyResult<()> {
    if kwargs.is_empty() && fits_positionally(sig, args.len()) {
        // Nothing to bind and nothing wrong: the common call, without
        // parsing the signature.
        return Ok(());
    }
    Sig::parse(sig).bind(args, kwargs, true)
}

/// True when `args` positional arguments (and no keywords) are a complete,
/// correct call of `sig`: no positional parameter without a default is
/// left unfilled, and there are not too many (see [`Sig::bind`], whose
/// result this is for such a call), found without allocating.
fn fits_positionally(sig: &str, args: usize) -> bool {
    let params = sig.split_once('(').map_or("", |(_, rest)| rest.strip_suffix(')').unwrap_or(rest));
    let (mut most, mut needed, mut varargs, mut star, mut with_self) = (0, 0, false, false, false);
    for p in params.split(',').map(str::trim) {
        match p.as_bytes() {
            [] | [b'/'] | [b'*', b'*', ..] => {}
            [b'*'] => star = true,
            [b'*', ..] => (varargs, star) = (true, true),
            _ if star => {}
            _ => {
                with_self |= most == 0 && p == "self";
                most += 1;
                if !p.contains('=') {
                    needed = most;
                }
            }
        }
    }
    let given = args + usize::from(with_self);
    given >= needed && (varargs || given <= most)
}

/// Check `kwargs` of a function CPython implements in C that takes no
/// keyword arguments, named as its message names it: `deque.append() takes
/// no keyword arguments`.
pub(crate) fn no_keywords(name: &str, kwargs: &crate::native::Kwargs) -> PyResult<()> {
    if kwargs.is_empty() {
        return Ok(());
    }
    raise("TypeError", format!("{name}() takes no keyword arguments"))
}

/// CPython's count of a C function's positional arguments
/// (`_PyArg_CheckPositional`): `pow expected 2 arguments, got 1`,
/// `islice expected at least 2 arguments, got 1`.
pub(crate) fn check_positional(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    let (bound, limit) = match n {
        _ if n < min => (if min == max { "" } else { "at least " }, min),
        _ if n > max => (if min == max { "" } else { "at most " }, max),
        _ => return Ok(()),
    };
    let s = if limit == 1 { "" } else { "s" };
    raise("TypeError", format!("{name} expected {bound}{limit} argument{s}, got {n}"))
}

/// Parse the arguments of a C function with keyword parameters (Argument
/// Clinic, `PyArg_ParseTupleAndKeywords`), with CPython's messages: `sig` as
/// for [`bind`], without `self`: `"count(start=0, step=1)"`,
/// `"add_done_callback(fn, /, *, context=None)"`. One slot per parameter,
/// positional then keyword-only, `None` where not given (the defaults are
/// only there to say which parameters are optional).
pub(crate) fn clinic(
    sig: &str,
    args: &[Value],
    kwargs: &crate::native::Kwargs,
) -> PyResult<Vec<Option<Value>>> {
    let sig = Sig::parse(sig);
    let name = sig.name;
    let (nargs, nkw) = (args.len(), kwargs.len());
    let maxpos = sig.positional.len();
    let maxargs = maxpos + sig.keyword_only.len();
    let minpos = sig.positional.iter().take_while(|(_, d)| d.is_none()).count();
    let s = |n: usize| if n == 1 { "" } else { "s" };
    if nargs + nkw > maxargs {
        let keyword = if nargs == 0 { "keyword " } else { "" };
        let msg = format!(
            "{name}() takes at most {maxargs} {keyword}argument{} ({} given)",
            s(maxargs),
            nargs + nkw
        );
        return raise("TypeError", msg);
    }
    let count = |what: &str, n: usize| {
        format!("{name}() takes {what} {n} positional argument{} ({nargs} given)", s(n))
    };
    if nargs > maxpos {
        if maxpos == 0 {
            return raise("TypeError", format!("{name}() takes no positional arguments"));
        }
        return raise("TypeError", count(if minpos < maxpos { "at most" } else { "exactly" }, maxpos));
    }
    let min_posonly = sig.posonly.min(minpos);
    if nargs < min_posonly {
        let what = if sig.varargs || min_posonly < maxpos { "at least" } else { "exactly" };
        return raise("TypeError", count(what, min_posonly));
    }
    let mut kwargs = kwargs.clone();
    let mut out: Vec<Option<Value>> = args.iter().cloned().map(Some).collect();
    out.resize(sig.posonly.max(nargs), None);
    let names = sig.positional.iter().map(|(n, _)| *n).chain(sig.keyword_only.iter().copied());
    for (i, p) in names.enumerate().skip(out.len()) {
        let v = crate::native::take_kw(&mut kwargs, p);
        if v.is_none() && i < minpos {
            return raise("TypeError", format!("{name}() missing required argument '{p}' (pos {})", i + 1));
        }
        out.push(v);
    }
    if let Some((k, _)) = kwargs.first() {
        if let Some(i) = sig.positional.iter().skip(sig.posonly).position(|(n, _)| **n == **k) {
            let at = i + sig.posonly + 1;
            return raise(
                "TypeError",
                format!("argument for {name}() given by name ('{k}') and position ({at})"),
            );
        }
        return raise("TypeError", format!("'{k}' is an invalid keyword argument for {name}()"));
    }
    Ok(out)
}

/// How a method takes its arguments, as CPython's implementation of it does.
#[derive(Clone, Copy)]
pub(crate) enum Args {
    /// Defined in Python with this signature: see [`bind`].
    Py(&'static str),
    /// In C, exactly this many positional arguments and no keywords
    /// (`METH_NOARGS`, `METH_O`): `Future.done() takes no arguments (1 given)`.
    C(usize),
    /// In C, from `min` to `max` positional arguments and no keywords:
    /// `pow expected 2 arguments, got 1`.
    Positional(usize, usize),
    /// In C with keyword parameters: see [`clinic`].
    Clinic(&'static str),
}

impl Args {
    /// Checks a call of method `name` of class `class` (or of function
    /// `name` if `class` is empty; the `Py` signature names it itself),
    /// binding a `Py` method's keywords.
    pub(crate) fn check(
        self,
        class: &str,
        name: &str,
        args: &mut Vec<Value>,
        kwargs: &mut crate::native::Kwargs,
    ) -> PyResult<()> {
        let qualname = || if class.is_empty() { name.to_string() } else { format!("{class}.{name}") };
        match self {
            Args::Py(sig) => bind(sig, args, kwargs),
            Args::C(_) | Args::Positional(..) if !kwargs.is_empty() => no_keywords(&qualname(), kwargs),
            Args::C(n) if args.len() != n => {
                let takes = if n == 0 { "no arguments" } else { "exactly one argument" };
                raise("TypeError", format!("{}() takes {takes} ({} given)", qualname(), args.len()))
            }
            Args::C(_) => Ok(()),
            Args::Positional(min, max) => check_positional(name, args, min, max),
            Args::Clinic(sig) => clinic(sig, args, kwargs).map(|_| ()),
        }
    }
}

/// A signature: see [`bind`].
#[derive(Default)]
struct Sig<'a> {
    name: &'a str,
    /// The positional parameters (`self` first for a method) and the text of
    /// their defaults.
    positional: Vec<(&'a str, Option<&'a str>)>,
    /// How many of them are positional-only (before `/`).
    posonly: usize,
    keyword_only: Vec<&'a str>,
    varargs: bool,
    varkw: bool,
}

fn split_default(p: &str) -> (&str, Option<&str>) {
    match p.split_once('=') {
        Some((n, d)) => (n, Some(d)),
        None => (p, None),
    }
}

/// The value of a default's text: `None`, `True`, `1`, `0.5`, `''`, `()`.
fn literal(text: &str) -> Value {
    match text {
        "True" | "False" => Value::Bool(text == "True"),
        "()" => Value::tuple(Vec::new()),
        _ if text.starts_with('\'') => Value::str(text.trim_matches('\'')),
        _ => text.parse().map(Value::Int).or_else(|_| text.parse().map(Value::Float)).unwrap_or(Value::None),
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`, as CPython lists missing arguments.
fn name_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

impl<'a> Sig<'a> {
    fn parse(text: &'a str) -> Sig<'a> {
        let (name, rest) = text.split_once('(').unwrap_or((text, ")"));
        let mut sig = Sig { name, ..Sig::default() };
        let mut star = false;
        for p in rest.strip_suffix(')').unwrap_or(rest).split(", ").filter(|p| !p.is_empty()) {
            match p {
                "/" => sig.posonly = sig.positional.len(),
                "*" => star = true,
                _ if p.starts_with("**") => sig.varkw = true,
                _ if p.starts_with('*') => (sig.varargs, star) = (true, true),
                _ if star => sig.keyword_only.push(p.split('=').next().unwrap_or(p)),
                _ => sig.positional.push(split_default(p)),
            }
        }
        sig
    }

    /// The binding of [`bind`]; with `complete` false the signature is only
    /// the parameters' names (positional counts unchecked, and a parameter
    /// not given is missing only when a later one is given by name).
    fn bind(
        &self,
        args: &mut Vec<Value>,
        kwargs: &mut crate::native::Kwargs,
        complete: bool,
    ) -> PyResult<()> {
        // Given positionally, `self` included.
        let given = args.len() + usize::from(self.positional.first().is_some_and(|(n, _)| *n == "self"));
        self.check_keywords(given, kwargs)?;
        if complete && given > self.positional.len() && !self.varargs {
            return raise("TypeError", self.too_many(given, kwargs));
        }
        let by_name =
            |i: usize| i >= self.posonly && kwargs.iter().any(|(k, _)| &**k == self.positional[i].0);
        let last = (given..self.positional.len()).rev().find(|&i| by_name(i)).map_or(given, |i| i + 1);
        let end = if complete { self.positional.len() } else { last };
        let missing: Vec<&str> = (given..end)
            .filter(|&i| !by_name(i) && self.positional[i].1.is_none())
            .map(|i| self.positional[i].0)
            .collect();
        if !missing.is_empty() {
            let (n, s) = (missing.len(), if missing.len() == 1 { "" } else { "s" });
            let names = name_list(&missing);
            return raise(
                "TypeError",
                format!("{}() missing {n} required positional argument{s}: {names}", self.name),
            );
        }
        for i in given..last {
            let (p, default) = self.positional[i];
            let v = crate::native::take_kw(kwargs, p);
            args.push(v.unwrap_or_else(|| literal(default.unwrap_or("None"))));
        }
        Ok(())
    }

    /// Refuses a keyword naming no parameter, a positional-only one, or one
    /// the first `given` positional arguments already gave.
    fn check_keywords(&self, given: usize, kwargs: &crate::native::Kwargs) -> PyResult<()> {
        let name = self.name;
        let posonly = &self.positional[..self.posonly];
        for (k, _) in kwargs.iter() {
            match self.positional.iter().skip(self.posonly).position(|(n, _)| **n == **k) {
                Some(i) if i + self.posonly < given => {
                    return raise("TypeError", format!("{name}() got multiple values for argument '{k}'"))
                }
                Some(_) => {}
                None if self.varkw || self.keyword_only.contains(&&**k) => {}
                None if posonly.iter().any(|(n, _)| **n == **k) => {
                    let names: Vec<&str> = posonly
                        .iter()
                        .map(|(n, _)| *n)
                        .filter(|n| kwargs.iter().any(|(k, _)| &**k == *n))
                        .collect();
                    let names = names.join(", ");
                    let msg = format!(
                        "{name}() got some positional-only arguments passed as keyword arguments: '{names}'"
                    );
                    return raise("TypeError", msg);
                }
                None => {
                    return raise("TypeError", format!("{name}() got an unexpected keyword argument '{k}'"))
                }
            }
        }
        Ok(())
    }

    /// `f() takes 2 positional arguments but 3 were given`, as CPython words it.
    fn too_many(&self, given: usize, kwargs: &crate::native::Kwargs) -> String {
        let n = self.positional.len();
        let defaults = self.positional.iter().filter(|(_, d)| d.is_some()).count();
        let s = |k: usize| if k == 1 { "" } else { "s" };
        let takes = match defaults {
            0 => format!("{n} positional argument{}", s(n)),
            _ => format!("from {} to {n} positional arguments", n - defaults),
        };
        let kwonly = kwargs.iter().filter(|(k, _)| self.keyword_only.contains(&&**k)).count();
        let (also, verb) = match kwonly {
            0 => (String::new(), if given == 1 { "was" } else { "were" }),
            k => {
                (format!(" positional argument{} (and {k} keyword-only argument{})", s(given), s(k)), "were")
            }
        };
        format!("{}() takes {takes} but {given}{also} {verb} given", self.name)
    }
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
    // `__future__` is there for its compile-time imports, not listed.
    AVAILABLE.contains(&name)
        || name == "concurrent"
        || name == "__future__"
        || asyncio::SUBMODULES.iter().any(|(n, _)| *n == name)
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
    // `asyncio.exceptions`: made with the package.
    if name.starts_with("asyncio.") && asyncio::SUBMODULES.iter().any(|(n, _)| *n == name) {
        import("asyncio", _pos)?;
        if let Some(m) = it.modules.borrow().get(name) {
            return Ok(m.clone());
        }
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
        "traceback" => traceback::module(),
        "typing" => misc::typing(),
        "concurrent" => {
            let m = ModuleObj::new("concurrent");
            m.set("futures", import("concurrent.futures", _pos)?);
            m
        }
        "concurrent.futures" => concurrent::module(),
        _ => match library::text(name) {
            Some(text) => pysrc::load(name, text)?,
            None if library::NAMES.contains(&name) => {
                // The page fetches what `library::missing` names before a run.
                return raise(
                    "ImportError",
                    format!("the playground's module {name} was not loaded: reload the page and run again"),
                );
            }
            // Only an import the program guards with `except ImportError`
            // gets here (`runner::compile` refuses the others): CPython's message.
            None => {
                let message = Value::string(format!("No module named '{name}'"));
                let e = crate::interp::exc::with_args("ModuleNotFoundError", vec![message]);
                crate::interp::exc::instance(&e).set_attr("name", Value::str(name));
                return Err(e);
            }
        },
    };
    pysrc::extend(&module)?;
    let v = Value::native(module);
    it.modules.borrow_mut().insert(Rc::from(name), v.clone());
    if name == "asyncio" {
        asyncio::add_submodules(&v)?;
    }
    // A submodule is an attribute of its package (`collections.abc`).
    if let Some((parent, child)) = name.rsplit_once('.') {
        if let Some(p) = import(parent, _pos)?.as_native::<ModuleObj>() {
            p.set(child, v.clone());
        }
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path of [`bind`] agrees with the full binder on every
    /// signature the modules use, for any number of positional arguments.
    #[test]
    fn a_call_without_keywords_fits_exactly_when_the_binder_accepts_it() {
        let sources = [
            include_str!("mod.rs"),
            include_str!("misc.rs"),
            include_str!("random.rs"),
            include_str!("time.rs"),
            include_str!("collections.rs"),
            include_str!("concurrent.rs"),
            include_str!("contextlib.rs"),
            include_str!("dataclasses.rs"),
            include_str!("sys.rs"),
            include_str!("asyncio/loops.rs"),
            include_str!("asyncio/futures.rs"),
            include_str!("asyncio/groups.rs"),
            include_str!("asyncio/sync.rs"),
        ];
        let mut checked = 0;
        for source in sources {
            // Signature literals: "name(params)" with a parameter list.
            let name_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
            for sig in source.split('"').filter(|s| {
                s.ends_with(')')
                    && !s.contains(['{', '%', '\\'])
                    && s.split_once('(').is_some_and(|(n, _)| !n.is_empty() && n.chars().all(name_char))
            }) {
                for n in 0..6 {
                    let mut args = vec![Value::None; n];
                    let full = Sig::parse(sig).bind(&mut args, &mut Vec::new(), true).is_ok();
                    assert_eq!(fits_positionally(sig, n), full, "{sig} with {n} arguments");
                }
                checked += 1;
            }
        }
        assert!(checked > 50, "only {checked} signatures found");
    }
}
