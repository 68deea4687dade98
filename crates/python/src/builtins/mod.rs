//! The builtins module: functions, types and exceptions.

pub mod alias;
pub mod construct;
pub mod descr;
pub mod dirnames;
pub mod dunders;
pub mod excgroup;
pub mod floathex;
pub mod functools;
pub mod methods;
pub mod object;
pub mod oserror;
pub mod reprlib;
pub mod sets;
pub mod sorting;
pub mod strfmt;
pub mod timsort;
pub mod titlecase;
pub mod types;
pub mod union;
pub mod views;

use std::any::Any;
use std::rc::Rc;

use crate::interp::call::{call_sync, callable};
use crate::interp::exc::raise;
use crate::interp::{attr, iter, ops, text, Interp};
use crate::native::{arity, take_kw, Kwargs, Native};
use crate::object::{Builtin, Class};
use crate::value::Value;
use asyncio_engine::PyResult;

pub use construct::construct;

/// `NotImplemented`.
pub struct NotImplementedType;

impl Native for NotImplementedType {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        crate::interp::interp().types.native("NotImplementedType")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok("NotImplemented".into())
    }
}

struct EllipsisType;

impl Native for EllipsisType {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        crate::interp::interp().types.native("ellipsis")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok("Ellipsis".into())
    }
}

thread_local! {
    static ELLIPSIS: Value = Value::native(EllipsisType);
    static NOT_IMPLEMENTED: Value = Value::native(NotImplementedType);
}

/// The `NotImplemented` singleton.
pub fn not_implemented() -> Value {
    NOT_IMPLEMENTED.with(|v| v.clone())
}

/// `...`
pub fn ellipsis() -> Value {
    ELLIPSIS.with(|v| v.clone())
}

/// Installs the builtins into `it`.
pub fn install(it: &Rc<Interp>) {
    let t = &it.types;
    let mut b = it.builtins.borrow_mut();
    let mut add = |name: &str, v: Value| {
        b.insert(Rc::from(name), v);
    };
    for (name, class) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("bool", &t.bool_),
        ("int", &t.int),
        ("float", &t.float),
        ("str", &t.str_),
        ("bytes", &t.bytes),
        ("tuple", &t.tuple),
        ("list", &t.list),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
    ] {
        add(name, Value::Class(class.clone()));
    }
    for (name, class) in t.exceptions.iter() {
        if class.module.as_ref() == "builtins" {
            add(name, Value::Class(class.clone()));
        }
    }
    // Python 3's old names of OSError.
    for alias in ["IOError", "EnvironmentError"] {
        add(alias, Value::Class(t.exception_named("OSError")));
    }
    // BaseException.__init__ sets args; object.__init__ does nothing.
    t.base_exception.dict.borrow_mut().set(
        "__init__",
        Builtin::new("__init__", |args, _| {
            if let Some(Value::Instance(inst)) = args.first() {
                if let Some(data) = &inst.exc {
                    let mut rest = args[1..].to_vec();
                    oserror::init(inst, &mut rest);
                    *data.args.borrow_mut() = rest;
                }
            }
            Ok(Value::None)
        }),
    );
    add("NotImplemented", NOT_IMPLEMENTED.with(|v| v.clone()));
    add("Ellipsis", ellipsis());
    add("__name__", Value::str("__main__"));
    for (name, f) in FUNCTIONS {
        add(name, Builtin::new(name, checked_keywords(name, *f)));
    }
    add(
        "super",
        Builtin::new("super", |args, _| match args.as_slice() {
            [Value::Class(class), this] => {
                let ok = match this {
                    Value::Class(c) => c.is_subclass(class),
                    other => attr::isinstance(other, class),
                };
                if !ok {
                    return raise(
                        "TypeError",
                        "super(type, obj): obj must be an instance or subtype of type",
                    );
                }
                Ok(Value::native(descr::Super { class: class.clone(), this: this.clone() }))
            }
            [other, _] => raise(
                "TypeError",
                format!("super() argument 1 must be a type, not {}", text::type_name(other)),
            ),
            _ => raise("RuntimeError", "super(): use super() inside a method, or super(type, obj)"),
        }),
    );
    for name in
        ["eval", "exec", "compile", "open", "input", "breakpoint", "__import__", "memoryview", "bytearray"]
    {
        let n: Rc<str> = Rc::from(name);
        add(
            name,
            Builtin::new(name, move |_, _| {
                raise("NotImplementedError", format!("{n}() is not supported in the playground"))
            }),
        );
    }
}

type Func = fn(Vec<Value>, Kwargs) -> PyResult<Value>;

/// The builtins that take keyword arguments, the name their error gives
/// (`sorted()` is `list.sort()` underneath, and says so), and which keywords
/// (CPython's); every other builtin function takes none.
const KEYWORDS: &[(&str, &str, &[&str])] = &[
    ("print", "print", &["sep", "end", "file", "flush"]),
    ("round", "round", &["number", "ndigits"]),
    ("pow", "pow", &["base", "exp", "mod"]),
    ("min", "min", &["key", "default"]),
    ("max", "max", &["key", "default"]),
    ("sum", "sum", &["start"]),
    ("sorted", "sort", &["key", "reverse"]),
    ("enumerate", "enumerate", &["iterable", "start"]),
    ("zip", "zip", &["strict"]),
];

/// `f` behind CPython's check of its keyword arguments, so that none is
/// silently ignored: `len() takes no keyword arguments`, `'zzz' is an invalid
/// keyword argument for print()`.
fn checked_keywords(name: &'static str, f: Func) -> impl Fn(Vec<Value>, Kwargs) -> PyResult<Value> {
    let allowed = KEYWORDS.iter().find(|(n, _, _)| *n == name).map(|(_, shown, k)| (*shown, *k));
    move |args, kwargs| {
        if let Some((k, _)) = kwargs.iter().find(|(k, _)| !allowed.is_some_and(|(_, a)| a.contains(&&**k))) {
            return raise(
                "TypeError",
                match allowed {
                    None => format!("{name}() takes no keyword arguments"),
                    Some((shown, _)) => format!("'{k}' is an invalid keyword argument for {shown}()"),
                },
            );
        }
        f(args, kwargs)
    }
}

const FUNCTIONS: &[(&str, Func)] = &[
    ("print", print),
    ("len", len),
    ("repr", |a, _| one("repr", &a).and_then(|v| text::repr(v).map(Value::string))),
    ("ascii", |a, _| one("ascii", &a).and_then(|v| text::ascii(v).map(Value::string))),
    ("abs", abs),
    ("round", round),
    ("divmod", divmod),
    ("pow", |mut a, mut k| {
        for (i, name) in ["base", "exp", "mod"].iter().enumerate() {
            if let Some(v) = take_kw(&mut k, name) {
                if a.len() != i {
                    return raise(
                        "TypeError",
                        format!("argument for pow() given by name ('{name}') and position"),
                    );
                }
                a.push(v);
            }
        }
        crate::native::no_kwargs("pow", &k)?;
        arity("pow", &a, 2, 3)?;
        match a.get(2) {
            None | Some(Value::None) => ops::binop(crate::ast::BinOp::Pow, &a[0], &a[1]),
            // A user `__pow__(exp, mod)` (the reflected one never gets `mod`).
            Some(m) => match attr::lookup_special(&a[0], "__pow__") {
                Some(f) => call_sync(&f, vec![a[1].clone(), m.clone()], vec![]),
                None => mod_pow(&a[0], &a[1], m),
            },
        }
    }),
    ("min", |a, k| min_max(a, k, "min", std::cmp::Ordering::Less)),
    ("max", |a, k| min_max(a, k, "max", std::cmp::Ordering::Greater)),
    ("sum", sum),
    ("any", |a, _| {
        let mut it = iter::iter(one("any", &a)?)?;
        while let Some(v) = it.next()? {
            if ops::truthy(&v)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    }),
    ("all", |a, _| {
        let mut it = iter::iter(one("all", &a)?)?;
        while let Some(v) = it.next()? {
            if !ops::truthy(&v)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    }),
    ("sorted", sorting::sorted),
    ("reversed", reversed),
    ("enumerate", enumerate),
    ("zip", zip),
    ("map", map),
    ("filter", |a, _| {
        positional("filter", &a, 2, 2)?;
        let it = iter::iter(&a[1])?;
        Ok(crate::native::iters::IterObj::value(iter::Iter::Filter(a[0].clone(), Box::new(it)), "filter"))
    }),
    ("iter", |a, _| match a.as_slice() {
        [f, sentinel] if callable(f) => Ok(crate::native::iters::IterObj::value(
            iter::Iter::Callable(f.clone(), sentinel.clone()),
            "callable_iterator",
        )),
        [_, _] => raise("TypeError", "iter(v, w): v must be callable"),
        _ => {
            positional("iter", &a, 1, 2)?;
            iter::iter_object(&a[0])
        }
    }),
    ("next", next),
    ("isinstance", |a, _| {
        positional("isinstance", &a, 2, 2)?;
        class_check(
            &a[1],
            &|c| {
                custom_check(c, "__instancecheck__", &a[0]).unwrap_or_else(|| Ok(attr::isinstance(&a[0], c)))
            },
            "isinstance() arg 2",
        )
        .map(Value::Bool)
    }),
    ("issubclass", |a, _| {
        positional("issubclass", &a, 2, 2)?;
        let Value::Class(sub) = &a[0] else {
            return raise("TypeError", "issubclass() arg 1 must be a class");
        };
        class_check(
            &a[1],
            &|c| custom_check(c, "__subclasscheck__", &a[0]).unwrap_or_else(|| Ok(attr::is_subclass(sub, c))),
            "issubclass() arg 2",
        )
        .map(Value::Bool)
    }),
    ("hasattr", |a, _| {
        positional("hasattr", &a, 2, 2)?;
        let name = str_arg(&a[1], "hasattr(): attribute name must be string")?;
        match attr::getattr_opt(&a[0], &name) {
            Ok(v) => Ok(Value::Bool(v.is_some())),
            Err(e) if e.is("AttributeError") => Ok(Value::Bool(false)),
            Err(e) => Err(e),
        }
    }),
    ("getattr", |a, _| {
        positional("getattr", &a, 2, 3)?;
        let name = str_arg(&a[1], "attribute name must be string")?;
        let Some(default) = a.get(2) else { return attr::getattr(&a[0], &name) };
        match attr::getattr_opt(&a[0], &name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(default.clone()),
            Err(e) if e.is("AttributeError") => Ok(default.clone()),
            Err(e) => Err(e),
        }
    }),
    ("setattr", |a, _| {
        positional("setattr", &a, 3, 3)?;
        let name = str_arg(&a[1], "attribute name must be string")?;
        attr::setattr(&a[0], &name, a[2].clone()).map(|_| Value::None)
    }),
    ("delattr", |a, _| {
        positional("delattr", &a, 2, 2)?;
        let name = str_arg(&a[1], "attribute name must be string")?;
        attr::delattr(&a[0], &name).map(|_| Value::None)
    }),
    ("id", |a, _| Ok(Value::Int(one("id", &a)?.id() as i64))),
    ("hash", |a, _| Ok(Value::Int(ops::hash(one("hash", &a)?)? as i64))),
    ("callable", |a, _| Ok(Value::Bool(callable(one("callable", &a)?)))),
    ("chr", |a, _| {
        let i = ops::index_value(one("chr", &a)?)?;
        match u32::try_from(i).ok().and_then(char::from_u32) {
            Some(c) => Ok(Value::string(c.to_string())),
            None if (0xD800..=0xDFFF).contains(&i) => raise(
                "NotImplementedError",
                format!("chr({i:#x}), a lone surrogate, is not supported in the playground"),
            ),
            None => raise("ValueError", "chr() arg not in range(0x110000)"),
        }
    }),
    ("ord", |a, _| {
        let s = str_arg(one("ord", &a)?, "ord() expected string of length 1")?;
        let mut cs = s.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => Ok(Value::Int(c as i64)),
            _ => raise(
                "TypeError",
                format!("ord() expected a character, but string of length {} found", s.chars().count()),
            ),
        }
    }),
    ("bin", |a, _| radix(one("bin", &a)?, "b")),
    ("oct", |a, _| radix(one("oct", &a)?, "o")),
    ("hex", |a, _| radix(one("hex", &a)?, "x")),
    ("format", |a, _| {
        positional("format", &a, 1, 2)?;
        let spec = match a.get(1) {
            Some(s) => str_arg(s, &format!("format() argument 2 must be str, not {}", text::type_name(s)))?,
            None => String::new(),
        };
        strfmt::format_value(&a[0], &spec).map(Value::string)
    }),
    ("vars", |a, _| match attr::getattr(object_arg("vars", &a)?, "__dict__") {
        Err(e) if e.is("AttributeError") => {
            raise("TypeError", "vars() argument must have __dict__ attribute")
        }
        other => other,
    }),
    ("dir", |a, _| {
        let v = object_arg("dir", &a)?;
        // A class's own `__dir__`, its result sorted (`object.__dir__` is the rest below).
        let own_dir = match v {
            Value::Instance(i) => attr::lookup_user(&i.class, "__dir__"),
            _ => None,
        };
        if let Some(f) = own_dir {
            let mut items = iter::collect(&call_sync(&f, vec![v.clone()], vec![])?)?;
            sorting::sort(&mut items, None, None)?;
            return Ok(Value::list(items));
        }
        let mut names: Vec<String> = match v {
            Value::Instance(i) => {
                let mut names = class_dir(&i.class);
                names.extend(i.attr_names().iter().filter_map(|k| k.as_str().map(str::to_string)));
                names
            }
            Value::Class(c) => class_dir(c),
            Value::Object(o) if o.as_any().is::<crate::modules::ModuleObj>() => {
                let m = o.as_any().downcast_ref::<crate::modules::ModuleObj>();
                m.map(|m| m.attrs.borrow().0.iter().map(|(k, _)| k.to_string()).collect()).unwrap_or_default()
            }
            other => {
                let class = attr::type_of(other);
                let mut names = class_dir(&class);
                for k in class.mro().iter().filter(|k| !k.is_user()) {
                    names.extend(dirnames::native_names(&k.name).1.split_whitespace().map(String::from));
                }
                names
            }
        };
        names.sort();
        names.dedup();
        Ok(Value::list(names.into_iter().map(Value::string).collect()))
    }),
    ("globals", |_, _| raise("NotImplementedError", "globals() is not supported in the playground")),
    ("locals", |_, _| raise("NotImplementedError", "locals() is not supported in the playground")),
    ("aiter", |a, _| {
        let v = one("aiter", &a)?;
        crate::interp::eval::aiter_or(v, |v| {
            raise(
                "TypeError",
                format!("'{}' object is not an async iterable", crate::interp::text::type_name(v)),
            )
        })
    }),
    ("anext", |a, _| {
        if a.is_empty() || a.len() > 2 {
            let (bound, n) =
                if a.is_empty() { ("least 1 argument", 0) } else { ("most 2 arguments", a.len()) };
            return raise("TypeError", format!("anext expected at {bound}, got {n}"));
        }
        let v = &a[0];
        let awaitable = match v {
            Value::Object(o) => o.anext(v).unwrap_or_else(|| {
                raise("TypeError", format!("'{}' object is not an async iterator", text::type_name(v)))
            }),
            _ => match attr::lookup_special(v, "__anext__") {
                Some(m) => call_sync(&m, vec![], vec![]),
                None => {
                    raise("TypeError", format!("'{}' object is not an async iterator", text::type_name(v)))
                }
            },
        }?;
        let Some(default) = a.get(1).cloned() else { return Ok(awaitable) };
        // Awaited, it gives `default` at StopAsyncIteration.
        Ok(crate::modules::asyncio::coro_value("anext", async move {
            match crate::interp::eval::await_value(awaitable).await {
                Err(e)
                    if crate::interp::exc::matches(
                        &e,
                        &crate::interp::interp().types.exception_named("StopAsyncIteration"),
                    ) =>
                {
                    Ok(default)
                }
                r => r,
            }
        }))
    }),
];

/// `pow(base, exp, mod)` for ints, by square-and-multiply.
fn mod_pow(base: &Value, exp: &Value, m: &Value) -> PyResult<Value> {
    use crate::ast::BinOp;
    let is_int = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_) | Value::Big(_));
    if !(is_int(base) && is_int(exp) && is_int(m)) {
        return raise("TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
    }
    if !ops::truthy(m)? {
        return raise("ValueError", "pow() 3rd argument cannot be 0");
    }
    let negative = |v: &Value| ops::compare(crate::ast::CmpOp::Lt, v, &Value::Int(0));
    let (base, exp) = if negative(exp)? {
        // base**-e is the inverse of base, to the power e.
        let modulus = if negative(m)? { ops::unary(crate::ast::UnaryOp::Neg, m)? } else { m.clone() };
        (invmod(base, &modulus)?, ops::unary(crate::ast::UnaryOp::Neg, exp)?)
    } else {
        (base.clone(), exp.clone())
    };
    let mut result = ops::binop(BinOp::Mod, &Value::Int(1), m)?;
    let mut b = ops::binop(BinOp::Mod, &base, m)?;
    let mut e = exp;
    while ops::truthy(&e)? {
        if ops::truthy(&ops::binop(BinOp::BitAnd, &e, &Value::Int(1))?)? {
            result = ops::binop(BinOp::Mod, &ops::binop(BinOp::Mul, &result, &b)?, m)?;
        }
        b = ops::binop(BinOp::Mod, &ops::binop(BinOp::Mul, &b, &b)?, m)?;
        e = ops::binop(BinOp::RShift, &e, &Value::Int(1))?;
    }
    Ok(result)
}

/// The inverse of `a` modulo `n` (> 0), by the extended Euclidean
/// algorithm, as `pow(a, -1, n)` gives it.
fn invmod(a: &Value, n: &Value) -> PyResult<Value> {
    use crate::ast::BinOp;
    let (mut b, mut c) = (ops::binop(BinOp::Mod, a, n)?, n.clone());
    let (mut x0, mut x1) = (Value::Int(1), Value::Int(0));
    while ops::truthy(&c)? {
        let q = ops::binop(BinOp::FloorDiv, &b, &c)?;
        let r = ops::binop(BinOp::Sub, &b, &ops::binop(BinOp::Mul, &q, &c)?)?;
        let x = ops::binop(BinOp::Sub, &x0, &ops::binop(BinOp::Mul, &q, &x1)?)?;
        (b, c, x0, x1) = (c, r, x1, x);
    }
    if !ops::eq(&b, &Value::Int(1))? {
        return raise("ValueError", "base is not invertible for the given modulus");
    }
    ops::binop(BinOp::Mod, &x0, n)
}

/// A builtin function's positional argument count, checked with CPython's
/// words (`isinstance expected 2 arguments, got 1`).
fn positional(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    let (how, k) = match () {
        _ if n >= min && n <= max => return Ok(()),
        _ if min == max => ("", min),
        _ if n < min => ("at least ", min),
        _ => ("at most ", max),
    };
    raise("TypeError", format!("{name} expected {how}{k} argument{}, got {n}", if k == 1 { "" } else { "s" }))
}

/// `vars(obj)`, `dir(obj)`: without an argument they read the caller's
/// locals, which the playground does not offer (as `locals()`).
fn object_arg<'a>(name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    positional(name, args, 0, 1)?;
    match args.first() {
        Some(v) => Ok(v),
        None => raise(
            "NotImplementedError",
            format!("{name}() without an argument is not supported in the playground"),
        ),
    }
}

pub fn one<'a>(name: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    match args {
        [v] => Ok(v),
        _ => raise("TypeError", format!("{name}() takes exactly one argument ({} given)", args.len())),
    }
}

pub fn str_arg(v: &Value, message: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        _ => raise("TypeError", message),
    }
}

/// `isinstance`/`issubclass` as a metaclass written in Python answers them
/// (collections.abc's), if `class` has one that defines `method`.
fn custom_check(class: &Rc<Class>, method: &str, v: &Value) -> Option<PyResult<bool>> {
    let f = attr::lookup_special(&Value::Class(class.clone()), method)?;
    Some(call_sync(&f, vec![v.clone()], vec![]).and_then(|r| ops::truthy(&r)))
}

fn class_check(spec: &Value, check: &dyn Fn(&Rc<Class>) -> PyResult<bool>, what: &str) -> PyResult<bool> {
    match spec {
        Value::Class(c) => check(c),
        Value::Tuple(items) => {
            for i in items.iter() {
                if class_check(i, check, what)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ if spec.as_native::<alias::GenericAlias>().is_some() => {
            spec.as_native::<alias::GenericAlias>().map_or(Ok(false), |g| g.refuse_check())
        }
        _ => match spec.as_native::<union::UnionType>() {
            Some(u) => {
                for c in u.classes().iter() {
                    if check(c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            // issubclass's words are its own (3.11's `object_issubclass`).
            None if what.starts_with("issubclass") => {
                raise("TypeError", format!("{what} must be a class, a tuple of classes, or a union"))
            }
            None => raise("TypeError", format!("{what} must be a type, a tuple of types, or a union")),
        },
    }
}

fn print(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let sep = match take_kw(&mut kwargs, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(v) => {
            return raise("TypeError", format!("sep must be None or a string, not {}", text::type_name(&v)))
        }
    };
    let end = match take_kw(&mut kwargs, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(v) => {
            return raise("TypeError", format!("end must be None or a string, not {}", text::type_name(&v)))
        }
    };
    let file = take_kw(&mut kwargs, "file");
    take_kw(&mut kwargs, "flush");
    crate::native::no_kwargs("print", &kwargs)?;
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&text::str(a)?);
    }
    out.push_str(&end);
    let stream = file.as_ref().and_then(|f| f.as_native::<crate::modules::sys::Stream>());
    let it = crate::interp::interp();
    match stream {
        Some(s) if s.stderr => it.host.write_stderr(&out),
        Some(s) if s.plain => it.host.write_plain(&out)?,
        None if it.host.is_unstamped() => it.host.write_plain(&out)?,
        _ => it.host.write_stdout(&out)?,
    }
    Ok(Value::None)
}

fn len(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let v = one("len", &args)?;
    let n = match v {
        Value::Str(s) => s.chars().count(),
        Value::Tuple(t) => t.len(),
        Value::List(l) => l.borrow().len(),
        Value::Dict(d) => d.len(),
        Value::Set(s) => s.len(),
        Value::Range(r) => ops::range_len(r.0, r.1, r.2) as usize,
        Value::Object(o) => {
            match (crate::modules::collections::namedtuple_user(v, "__len__", vec![]), o.len()) {
                (Some(r), _) => return r,
                (None, Some(n)) => n,
                (None, None) => return no_len(v),
            }
        }
        Value::Instance(_) | Value::Class(_) => match attr::lookup_special(v, "__len__") {
            Some(f) => return ops::checked_len(call_sync(&f, vec![], vec![])?),
            None => return no_len(v),
        },
        _ => return no_len(v),
    };
    Ok(Value::Int(n as i64))
}

fn no_len<T>(v: &Value) -> PyResult<T> {
    raise("TypeError", format!("object of type '{}' has no len()", text::type_name(v)))
}

fn abs(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let v = one("abs", &args)?;
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_big(crate::bigint::BigInt::from_i64(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Big(b) => Ok(Value::from_big(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => match attr::lookup_special(v, "__abs__") {
            Some(f) => call_sync(&f, vec![], vec![]),
            None => raise("TypeError", format!("bad operand type for abs(): '{}'", text::type_name(v))),
        },
    }
}

fn round(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let nd = take_kw(&mut kwargs, "ndigits");
    arity("round", &args, 1, 2)?;
    let ndigits = args.get(1).cloned().or(nd).filter(|v| !matches!(v, Value::None));
    match (&args[0], ndigits) {
        (Value::Float(f), None) => {
            if !f.is_finite() {
                return raise(
                    if f.is_nan() { "ValueError" } else { "OverflowError" },
                    if f.is_nan() {
                        "cannot convert float NaN to integer"
                    } else {
                        "cannot convert float infinity to integer"
                    },
                );
            }
            let r = f.round_ties_even();
            Ok(match crate::bigint::BigInt::from_f64(r) {
                Some(b) => Value::from_big(b),
                None => Value::Float(r),
            })
        }
        (Value::Float(f), Some(n)) => {
            let n = n.as_i64().unwrap_or(0);
            Ok(Value::Float(round_float(*f, n)?))
        }
        (Value::Int(_) | Value::Bool(_) | Value::Big(_), None) => Ok(match &args[0] {
            Value::Bool(b) => Value::Int(*b as i64),
            v => v.clone(),
        }),
        (i @ (Value::Int(_) | Value::Bool(_) | Value::Big(_)), Some(n)) => round_int(i, &n),
        (v, _) => match attr::lookup_special(v, "__round__") {
            Some(f) => call_sync(&f, args[1..].to_vec(), vec![]),
            None => {
                raise("TypeError", format!("type {} doesn't define __round__ method", text::type_name(v)))
            }
        },
    }
}

/// `round(i, n)` of an int: to a multiple of `10**-n`, ties to even.
fn round_int(i: &Value, n: &Value) -> PyResult<Value> {
    use crate::ast::BinOp;
    let i = match i {
        Value::Bool(b) => Value::Int(i64::from(*b)),
        other => other.clone(),
    };
    let n = match n {
        Value::Int(n) => *n,
        Value::Big(b) if b.is_negative() => return Ok(Value::Int(0)),
        Value::Big(_) => return Ok(i),
        other => {
            return raise(
                "TypeError",
                format!("'{}' object cannot be interpreted as an integer", text::type_name(other)),
            )
        }
    };
    let digits = match &i {
        Value::Big(b) => b.bit_length() / 3 + 2,
        _ => 21,
    };
    if n >= 0 {
        return Ok(i);
    }
    if n.unsigned_abs() > digits {
        return Ok(Value::Int(0));
    }
    let p = ops::binop(BinOp::Pow, &Value::Int(10), &Value::Int(-n))?;
    let q = ops::binop(BinOp::FloorDiv, &i, &p)?;
    let r = ops::binop(BinOp::Mod, &i, &p)?;
    let half = ops::binop(BinOp::FloorDiv, &p, &Value::Int(2))?;
    let above = ops::compare(crate::ast::CmpOp::Gt, &r, &half)?;
    let odd = ops::truthy(&ops::binop(BinOp::Mod, &q, &Value::Int(2))?)?;
    let up = above || (ops::eq(&r, &half)? && odd);
    let q = if up { ops::binop(BinOp::Add, &q, &Value::Int(1))? } else { q };
    ops::binop(BinOp::Mul, &q, &p)
}

/// `round(f, n)`: correctly rounded through the exact decimal expansion.
pub fn round_float(f: f64, n: i64) -> PyResult<f64> {
    if !f.is_finite() || n > 323 {
        return Ok(f);
    }
    if n < -308 {
        return Ok(0.0 * f);
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, f);
        return Ok(s.parse().unwrap_or(f));
    }
    // To a multiple of 10**-n: the exact value divided, rounded half to
    // even, multiplied back and converted once (CPython's dtoa result).
    use crate::bigint::BigInt;
    let bits = f.abs().to_bits();
    let (exp_bits, frac) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
    let (mant, exp) = if exp_bits == 0 { (frac, -1074) } else { (frac | 1 << 52, exp_bits - 1075) };
    let big = |r: Result<BigInt, crate::bigint::BigIntError>| {
        r.map_err(|_| asyncio_engine::Exception::new("MemoryError", ""))
    };
    let unit = big(BigInt::from_u64(10).pow((-n) as u64))?;
    let (num, den) = if exp >= 0 {
        (big(BigInt::from_u64(mant).shl(exp as u64))?, unit.clone())
    } else {
        (BigInt::from_u64(mant), big(big(BigInt::from_u64(1).shl((-exp) as u64))?.mul(&unit))?)
    };
    let Some((mut q, r)) = num.checked_divmod(&den) else { return Ok(f) };
    let twice = r.add(&r);
    if twice > den || (twice == den && q.is_odd()) {
        q = q.add(&BigInt::from_u64(1));
    }
    let rounded = big(q.mul(&unit))?;
    match rounded.to_f64() {
        Some(v) => Ok(v.copysign(f)),
        None => raise("OverflowError", "rounded value too large to represent"),
    }
}

fn divmod(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    positional("divmod", &args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (a, b) {
        let (x, y) = (a.as_f64(), b.as_f64());
        if let (Some(x), Some(y)) = (x, y) {
            if y == 0.0 {
                return raise("ZeroDivisionError", "float divmod()");
            }
            let (q, r) = ops::float_divmod(x, y);
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
    }
    if let (Value::Int(_), Value::Int(0)) = (a, b) {
        return raise("ZeroDivisionError", "integer division or modulo by zero");
    }
    let fits = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_) | Value::Big(_) | Value::Float(_));
    if !(fits(a) && fits(b)) {
        if let Some(r) = ops::binary_dunders(a, b, "__divmod__", "__rdivmod__")? {
            return Ok(r);
        }
        let (ta, tb) = (crate::interp::text::type_name(a), crate::interp::text::type_name(b));
        return raise("TypeError", format!("unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"));
    }
    let q = ops::binop(crate::ast::BinOp::FloorDiv, a, b)?;
    let r = ops::binop(crate::ast::BinOp::Mod, a, b)?;
    Ok(Value::tuple(vec![q, r]))
}

fn min_max(args: Vec<Value>, mut kwargs: Kwargs, name: &str, want: std::cmp::Ordering) -> PyResult<Value> {
    let key = take_kw(&mut kwargs, "key").filter(|k| !matches!(k, Value::None));
    let default = take_kw(&mut kwargs, "default");
    crate::native::no_kwargs(name, &kwargs)?;
    let items = match args.len() {
        0 => return raise("TypeError", format!("{name} expected at least 1 argument, got 0")),
        1 => iter::collect(&args[0])?,
        _ => args,
    };
    let mut best: Option<(Value, Value)> = None;
    for v in items {
        let k = match &key {
            Some(f) => call_sync(f, vec![v.clone()], vec![])?,
            None => v.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                let op = if want == std::cmp::Ordering::Less {
                    crate::ast::CmpOp::Lt
                } else {
                    crate::ast::CmpOp::Gt
                };
                ops::compare(op, &k, bk)?
            }
        };
        if better {
            best = Some((k, v));
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => raise("ValueError", format!("{name}() arg is an empty sequence")),
        },
    }
}

fn sum(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let start = take_kw(&mut kwargs, "start");
    arity("sum", &args, 1, 2)?;
    let mut acc = args.get(1).cloned().or(start).unwrap_or(Value::Int(0));
    if matches!(acc, Value::Str(_)) {
        return raise("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
    }
    let mut it = iter::iter(&args[0])?;
    // Floats are added with Neumaier compensation, as CPython 3.12 does not
    // but 3.11 does plain addition: keep 3.11's plain left-to-right sum.
    while let Some(v) = it.next()? {
        acc = ops::binop(crate::ast::BinOp::Add, &acc, &v)?;
    }
    Ok(acc)
}

fn reversed(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    positional("reversed", &args, 1, 1)?;
    let v = &args[0];
    let items = match v {
        Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::Str(_) => iter::collect(v)?,
        Value::Dict(d) => {
            let rev = d.table.borrow().keys().into_iter().rev().collect();
            return Ok(crate::native::iters::IterObj::value(
                iter::Iter::over_dict(d, rev),
                "dict_reversekeyiterator",
            ));
        }
        Value::Object(o) if o.len().is_some() => iter::collect(v)?,
        _ => match attr::lookup_special(v, "__reversed__") {
            Some(Value::None) => {
                return raise("TypeError", format!("'{}' object is not reversible", text::type_name(v)))
            }
            None => {
                // The sequence protocol: `__len__` and `__getitem__`, lazily.
                let (Some(len), Some(get)) =
                    (attr::lookup_special(v, "__len__"), attr::lookup_special(v, "__getitem__"))
                else {
                    return raise("TypeError", format!("'{}' object is not reversible", text::type_name(v)));
                };
                let n = ops::checked_len(call_sync(&len, vec![], vec![])?)?.as_i64().unwrap_or(i64::MAX);
                let it = iter::Iter::GetItemBack(get, n - 1);
                return Ok(crate::native::iters::IterObj::value(it, "reversed"));
            }
            Some(f) => return call_sync(&f, vec![], vec![]),
        },
    };
    let rev: Vec<Value> = items.into_iter().rev().collect();
    let kind = match v {
        Value::Range(_) => "range_iterator",
        Value::Str(_) | Value::Tuple(_) | Value::Object(_) => "reversed",
        _ => "list_reverseiterator",
    };
    Ok(crate::native::iters::IterObj::value(iter::Iter::Items(rev.into_iter()), kind))
}

fn enumerate(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let start = take_kw(&mut kwargs, "start");
    arity("enumerate", &args, 1, 2)?;
    let start = args.get(1).cloned().or(start).and_then(|v| v.as_i64()).unwrap_or(0);
    let it = iter::iter(&args[0])?;
    Ok(crate::native::iters::IterObj::value(iter::Iter::Enumerate(Box::new(it), start), "enumerate"))
}

fn zip(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let strict = match take_kw(&mut kwargs, "strict") {
        Some(v) => ops::truthy(&v)?,
        None => false,
    };
    let mut its = Vec::new();
    for a in args.iter() {
        its.push(iter::iter(a)?);
    }
    Ok(crate::native::iters::IterObj::value(iter::Iter::Zip(its, strict), "zip"))
}

fn map(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    if args.len() < 2 {
        return raise("TypeError", "map() must have at least two arguments.");
    }
    let mut its = Vec::new();
    for a in &args[1..] {
        its.push(iter::iter(a)?);
    }
    Ok(crate::native::iters::IterObj::value(iter::Iter::Map(args[0].clone(), its), "map"))
}

fn next(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    positional("next", &args, 1, 2)?;
    let v = &args[0];
    if let Some(g) = v.as_native::<crate::native::gen::Generator>() {
        return match g.resume(None)? {
            Some(x) => Ok(x),
            None => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(g.stop()),
            },
        };
    }
    let out = match v {
        Value::Object(o) => match o.next() {
            Some(r) => r?,
            None => return raise("TypeError", format!("'{}' object is not an iterator", text::type_name(v))),
        },
        Value::Instance(_) => match attr::lookup_special(v, "__next__") {
            Some(f) => match call_sync(&f, vec![], vec![]) {
                Ok(x) => Some(x),
                Err(e) if e.is("StopIteration") && args.len() == 2 => None,
                Err(e) => return Err(e),
            },
            None => return raise("TypeError", format!("'{}' object is not an iterator", text::type_name(v))),
        },
        _ => return raise("TypeError", format!("'{}' object is not an iterator", text::type_name(v))),
    };
    match out {
        Some(x) => Ok(x),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => raise("StopIteration", ""),
        },
    }
}

fn radix(v: &Value, kind: &str) -> PyResult<Value> {
    let spec = format!("#{kind}");
    let v = match v {
        Value::Int(_) | Value::Bool(_) | Value::Big(_) => v.clone(),
        _ => match ops::user_index(v)? {
            Some(i) => i,
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", text::type_name(v));
                return raise("TypeError", msg);
            }
        },
    };
    strfmt::format_value(&v, &spec).map(Value::string)
}

/// `dir()` of a class: its attributes and its bases', and what every class
/// has from `object` and from the class statement (CPython's list).
fn class_dir(c: &Rc<crate::object::Class>) -> Vec<String> {
    const OBJECT: &[&str] = &[
        "__class__",
        "__delattr__",
        "__dir__",
        "__doc__",
        "__eq__",
        "__format__",
        "__ge__",
        "__getattribute__",
        "__getstate__",
        "__gt__",
        "__hash__",
        "__init__",
        "__init_subclass__",
        "__le__",
        "__lt__",
        "__ne__",
        "__new__",
        "__reduce__",
        "__reduce_ex__",
        "__repr__",
        "__setattr__",
        "__sizeof__",
        "__str__",
        "__subclasshook__",
    ];
    let mut names: Vec<String> = OBJECT.iter().map(|n| n.to_string()).collect();
    for k in c.mro() {
        if k.def.is_some() {
            names.extend(["__dict__", "__module__", "__weakref__"].map(String::from));
        }
        names.extend(k.dict.borrow().0.iter().map(|(n, _)| n.to_string()).filter(|n| n != "__qualname__"));
        names.extend(dirnames::extra_names(k.builtin).split_whitespace().map(String::from));
        if !k.is_user() {
            names.extend(dirnames::native_names(&k.name).0.split_whitespace().map(String::from));
        }
    }
    names
}
