//! `functools`, `math` and `typing` (annotations only).

use std::any::Any;
use std::rc::Rc;

use crate::builtins::functools::{partial, update_wrapper, wraps};
use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::{interp, iter};
use crate::modules::ModuleObj;
use crate::native::Native;
use crate::object::{Builtin, Class};
use crate::value::Value;
use asyncio_engine::PyResult;

pub fn functools() -> ModuleObj {
    let m = ModuleObj::new("functools");
    let partial_class = interp().types.native("partial");
    partial_class.dict.borrow_mut().set("__new__", Builtin::new("partial", partial));
    m.set("partial", Value::Class(partial_class));
    m.func("wraps", wraps);
    m.func("update_wrapper", |args, _| match args.as_slice() {
        [w, f, ..] => update_wrapper(w, f),
        _ => raise("TypeError", "update_wrapper() missing required arguments"),
    });
    m.func("reduce", |args, _| {
        if args.len() < 2 {
            return raise("TypeError", "reduce expected at least 2 arguments");
        }
        let mut it = iter::iter(&args[1])?;
        let mut acc = match args.get(2) {
            Some(v) => v.clone(),
            None => match it.next()? {
                Some(v) => v,
                None => return raise("TypeError", "reduce() of empty iterable with no initial value"),
            },
        };
        while let Some(v) = it.next()? {
            acc = call_sync(&args[0], vec![acc, v], vec![])?;
        }
        Ok(acc)
    });
    m.func("lru_cache", |args, _| match args.first() {
        Some(f) if crate::interp::call::callable(f) && !matches!(f, Value::Int(_)) => Ok(f.clone()),
        _ => Ok(Builtin::new("lru_cache", |a, _| Ok(a.into_iter().next().unwrap_or(Value::None)))),
    });
    m.func("cache", |args, _| Ok(args.into_iter().next().unwrap_or(Value::None)));
    m
}

fn num(v: &Value) -> PyResult<f64> {
    match v.as_f64() {
        Some(f) => Ok(f),
        None => raise("TypeError", format!("must be real number, not {}", crate::interp::text::type_name(v))),
    }
}

pub fn math() -> ModuleObj {
    let m = ModuleObj::new("math");
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(f64::NAN));
    type Unary = (&'static str, fn(f64) -> f64);
    let unary: &[Unary] = &[
        ("sqrt", f64::sqrt),
        ("exp", f64::exp),
        ("log2", f64::log2),
        ("log10", f64::log10),
        ("sin", f64::sin),
        ("cos", f64::cos),
        ("tan", f64::tan),
        ("atan", f64::atan),
        ("fabs", f64::abs),
    ];
    for (name, f) in unary {
        let f = *f;
        let n: &'static str = name;
        m.func(name, move |args, _| {
            let x = num(crate::builtins::one(n, &args)?)?;
            if n == "sqrt" && x < 0.0 {
                return raise("ValueError", "math domain error");
            }
            Ok(Value::Float(f(x)))
        });
    }
    m.func("log", |args, _| {
        let x = num(args.first().unwrap_or(&Value::None))?;
        if x <= 0.0 {
            return raise("ValueError", "math domain error");
        }
        Ok(Value::Float(match args.get(1) {
            Some(b) => x.ln() / num(b)?.ln(),
            None => x.ln(),
        }))
    });
    m.func("pow", |args, _| match args.as_slice() {
        [a, b] => Ok(Value::Float(num(a)?.powf(num(b)?))),
        _ => raise("TypeError", "pow expected 2 arguments"),
    });
    for (name, up) in [("floor", false), ("ceil", true)] {
        m.func(name, move |args, _| {
            let v = crate::builtins::one(if up { "ceil" } else { "floor" }, &args)?;
            if let Value::Int(_) | Value::Big(_) = v {
                return Ok(v.clone());
            }
            let x = num(v)?;
            let r = if up { x.ceil() } else { x.floor() };
            crate::builtins::construct(&interp().types.int, vec![Value::Float(r)], vec![])
        });
    }
    m.func("isclose", |args, _| match args.as_slice() {
        [a, b] => {
            let (a, b) = (num(a)?, num(b)?);
            Ok(Value::Bool(a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())))
        }
        _ => raise("TypeError", "isclose expected 2 arguments"),
    });
    m.func("factorial", |args, _| {
        let n = crate::builtins::one("factorial", &args)?.as_i64().unwrap_or(-1);
        if n < 0 {
            return raise("ValueError", "factorial() not defined for negative values");
        }
        let mut acc = Value::Int(1);
        for i in 2..=n {
            acc = crate::interp::ops::binop(crate::ast::BinOp::Mul, &acc, &Value::Int(i))?;
        }
        Ok(acc)
    });
    m.func("gcd", |args, _| {
        let mut g: i64 = 0;
        for a in &args {
            let mut x = a.as_i64().unwrap_or(0).abs();
            let mut y = g;
            while y != 0 {
                (x, y) = (y, x % y);
            }
            g = x;
        }
        Ok(Value::Int(g))
    });
    m
}

/// A `typing` name: subscriptable, callable as nothing.
struct TypingAlias(&'static str);

impl Native for TypingAlias {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("_GenericAlias")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("typing.{}", self.0))
    }
    fn getitem(&self, _key: &Value) -> Option<PyResult<Value>> {
        Some(Ok(Value::native(TypingAlias(self.0))))
    }
}

pub fn typing() -> ModuleObj {
    let m = ModuleObj::new("typing");
    for name in [
        "Any",
        "List",
        "Dict",
        "Set",
        "Tuple",
        "Optional",
        "Union",
        "Callable",
        "Awaitable",
        "Coroutine",
        "Iterable",
        "Iterator",
        "AsyncIterator",
        "AsyncIterable",
        "AsyncGenerator",
        "Generator",
        "Sequence",
        "Mapping",
        "Type",
        "ClassVar",
        "Final",
        "Deque",
        "DefaultDict",
        "NoReturn",
    ] {
        m.set(name, Value::native(TypingAlias(name)));
    }
    m.func("cast", |args, _| Ok(args.get(1).cloned().unwrap_or(Value::None)));
    m.set("TYPE_CHECKING", Value::Bool(false));
    m
}
