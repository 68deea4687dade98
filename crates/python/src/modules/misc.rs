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
    m.func("lru_cache", |args, mut kwargs| {
        let maxsize = crate::native::take_kw(&mut kwargs, "maxsize");
        crate::native::take_kw(&mut kwargs, "typed");
        match args.first() {
            Some(f) if crate::interp::call::callable(f) && !matches!(f, Value::Int(_)) => {
                Ok(LruCache::wrap(f.clone(), Some(128)))
            }
            first => {
                let size = match first.or(maxsize.as_ref()) {
                    None => Some(128),
                    Some(Value::None) => None,
                    Some(v) => Some(v.as_i64().unwrap_or(128).max(0) as usize),
                };
                Ok(Builtin::new("lru_cache", move |a, _| match a.into_iter().next() {
                    Some(f) => Ok(LruCache::wrap(f, size)),
                    None => raise("TypeError", "lru_cache() missing the function"),
                }))
            }
        }
    });
    m.func("cache", |args, _| match args.into_iter().next() {
        Some(f) => Ok(LruCache::wrap(f, None)),
        None => raise("TypeError", "cache() missing 1 required positional argument: 'user_function'"),
    });
    m
}

/// `functools.lru_cache(maxsize)(f)` / `functools.cache(f)`: results by arguments, least
/// recently used dropped first.
struct LruCache {
    func: Value,
    maxsize: Option<usize>,
    table: Rc<crate::value::Dict>,
    hits: std::cell::Cell<i64>,
    misses: std::cell::Cell<i64>,
}

impl LruCache {
    fn wrap(func: Value, maxsize: Option<usize>) -> Value {
        Value::native(LruCache {
            func,
            maxsize,
            table: crate::value::Dict::new(),
            hits: std::cell::Cell::new(0),
            misses: std::cell::Cell::new(0),
        })
    }
}

/// `CacheInfo(hits=..., misses=..., maxsize=..., currsize=...)`.
struct CacheInfo([(&'static str, Value); 4]);

impl Native for CacheInfo {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("CacheInfo")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        let mut parts = Vec::new();
        for (k, v) in &self.0 {
            parts.push(format!("{k}={}", crate::interp::text::repr(v)?));
        }
        Ok(format!("CacheInfo({})", parts.join(", ")))
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| Ok(v.clone()))
    }
    fn getitem(&self, key: &Value) -> Option<PyResult<Value>> {
        let items: Vec<Value> = self.0.iter().map(|(_, v)| v.clone()).collect();
        Some(crate::interp::ops::getitem(&Value::tuple(items), key))
    }
    fn iter(&self, _this: &Value) -> Option<PyResult<Value>> {
        let items: Vec<Value> = self.0.iter().map(|(_, v)| v.clone()).collect();
        Some(iter::iter_object(&Value::tuple(items)))
    }
    fn eq(&self, _this: &Value, other: &Value) -> Option<PyResult<bool>> {
        let items: Vec<Value> = self.0.iter().map(|(_, v)| v.clone()).collect();
        Some(crate::interp::ops::eq(&Value::tuple(items), other))
    }
}

impl Native for LruCache {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("_lru_cache_wrapper")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        crate::interp::text::repr(&self.func)
    }
    fn call(
        &self,
        _this: &Value,
        args: Vec<Value>,
        kwargs: crate::native::Kwargs,
    ) -> Option<PyResult<Value>> {
        use crate::interp::ops;
        Some((|| {
            let mut key = args.clone();
            if !kwargs.is_empty() {
                key.push(crate::builtins::ellipsis());
                for (k, v) in &kwargs {
                    key.push(Value::Str(k.clone()));
                    key.push(v.clone());
                }
            }
            let key = Value::tuple(key);
            if let Some(v) = ops::dict_get(&self.table, &key)? {
                self.hits.set(self.hits.get() + 1);
                ops::dict_remove(&self.table, &key)?;
                ops::dict_set(&self.table, key, v.clone())?;
                return Ok(v);
            }
            self.misses.set(self.misses.get() + 1);
            let v = call_sync(&self.func, args, kwargs)?;
            if self.maxsize != Some(0) {
                ops::dict_set(&self.table, key, v.clone())?;
                if self.maxsize.is_some_and(|m| self.table.len() > m) {
                    self.table.table.borrow_mut().pop_first();
                    self.table.touch();
                }
            }
            Ok(v)
        })())
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "cache_info" => crate::native::method::<LruCache>("cache_info", this, |c, _, _, _| {
                Ok(Value::native(CacheInfo([
                    ("hits", Value::Int(c.hits.get())),
                    ("misses", Value::Int(c.misses.get())),
                    ("maxsize", c.maxsize.map(|m| Value::Int(m as i64)).unwrap_or(Value::None)),
                    ("currsize", Value::Int(c.table.len() as i64)),
                ])))
            }),
            "cache_clear" => crate::native::method::<LruCache>("cache_clear", this, |c, _, _, _| {
                c.table.table.borrow_mut().clear();
                c.table.touch();
                c.hits.set(0);
                c.misses.set(0);
                Ok(Value::None)
            }),
            "__wrapped__" => self.func.clone(),
            _ => return Some(crate::interp::attr::getattr(&self.func, name)),
        }))
    }
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
        ("asin", f64::asin),
        ("acos", f64::acos),
        ("sinh", f64::sinh),
        ("cosh", f64::cosh),
        ("tanh", f64::tanh),
        ("fabs", f64::abs),
        ("degrees", f64::to_degrees),
        ("radians", f64::to_radians),
        ("expm1", f64::exp_m1),
        ("log1p", f64::ln_1p),
    ];
    for (name, f) in unary {
        let f = *f;
        let n: &'static str = name;
        m.func(name, move |args, _| {
            let x = num(crate::builtins::one(n, &args)?)?;
            let r = f(x);
            if r.is_nan() && !x.is_nan() {
                return raise("ValueError", "math domain error");
            }
            if r.is_infinite() && x.is_finite() {
                return raise("OverflowError", "math range error");
            }
            Ok(Value::Float(r))
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
    m.set("tau", Value::Float(std::f64::consts::TAU));
    type Binary = (&'static str, fn(f64, f64) -> f64);
    let binary: &[Binary] = &[("atan2", f64::atan2), ("copysign", f64::copysign), ("hypot", f64::hypot)];
    for (name, f) in binary {
        let f = *f;
        let n: &'static str = name;
        m.func(name, move |args, _| match args.as_slice() {
            [a, b] => Ok(Value::Float(f(num(a)?, num(b)?))),
            _ => raise("TypeError", format!("{n} expected 2 arguments, got {}", args.len())),
        });
    }
    m.func("fmod", |args, _| match args.as_slice() {
        [a, b] => {
            let (a, b) = (num(a)?, num(b)?);
            if b == 0.0 {
                return raise("ValueError", "math domain error");
            }
            Ok(Value::Float(a % b))
        }
        _ => raise("TypeError", "fmod expected 2 arguments"),
    });
    for (name, test) in
        [("isnan", f64::is_nan as fn(f64) -> bool), ("isinf", f64::is_infinite), ("isfinite", f64::is_finite)]
    {
        m.func(name, move |args, _| Ok(Value::Bool(test(num(crate::builtins::one(name, &args)?)?))));
    }
    m.func("trunc", |args, _| {
        let v = crate::builtins::one("trunc", &args)?;
        if let Value::Int(_) | Value::Big(_) | Value::Bool(_) = v {
            return crate::builtins::construct(&interp().types.int, vec![v.clone()], vec![]);
        }
        crate::builtins::construct(&interp().types.int, vec![Value::Float(num(v)?.trunc())], vec![])
    });
    m.func("modf", |args, _| {
        let x = num(crate::builtins::one("modf", &args)?)?;
        Ok(Value::tuple(vec![Value::Float(x.fract()), Value::Float(x.trunc())]))
    });
    m.func("fsum", |args, _| {
        // Neumaier's compensated sum: exact for the sums learners write.
        let (mut sum, mut c) = (0.0f64, 0.0f64);
        for v in iter::collect(crate::builtins::one("fsum", &args)?)? {
            let x = num(&v)?;
            let t = sum + x;
            c += if sum.abs() >= x.abs() { (sum - t) + x } else { (x - t) + sum };
            sum = t;
        }
        Ok(Value::Float(sum + c))
    });
    m.func("prod", |args, mut kwargs| {
        let mut acc = crate::native::take_kw(&mut kwargs, "start").unwrap_or(Value::Int(1));
        for v in iter::collect(crate::builtins::one("prod", &args)?)? {
            acc = crate::interp::ops::binop(crate::ast::BinOp::Mul, &acc, &v)?;
        }
        Ok(acc)
    });
    m.func("isqrt", |args, _| {
        let n = crate::builtins::one("isqrt", &args)?.as_i64().unwrap_or(-1);
        if n < 0 {
            return raise("ValueError", "isqrt() argument must be nonnegative");
        }
        let mut r = (n as f64).sqrt() as i64;
        while r * r > n {
            r -= 1;
        }
        while (r + 1) * (r + 1) <= n {
            r += 1;
        }
        Ok(Value::Int(r))
    });
    for (name, perm) in [("comb", false), ("perm", true)] {
        m.func(name, move |args, _| {
            use crate::ast::BinOp;
            use crate::interp::ops::binop;
            let (n, k) = match args.as_slice() {
                [n, k] => (n.as_i64().unwrap_or(-1), k.as_i64().unwrap_or(-1)),
                [n] if perm => (n.as_i64().unwrap_or(-1), n.as_i64().unwrap_or(-1)),
                _ => return raise("TypeError", format!("{name} expected 2 arguments, got {}", args.len())),
            };
            if n < 0 || k < 0 {
                return raise(
                    "ValueError",
                    format!("{} must be a non-negative integer", if n < 0 { "n" } else { "k" }),
                );
            }
            if k > n {
                return Ok(Value::Int(0));
            }
            let k = if perm { k } else { k.min(n - k) };
            let mut acc = Value::Int(1);
            for i in 0..k {
                acc = binop(BinOp::Mul, &acc, &Value::Int(n - i))?;
                if !perm {
                    acc = binop(BinOp::FloorDiv, &acc, &Value::Int(i + 1))?;
                }
            }
            Ok(acc)
        });
    }
    m.func("lcm", |args, _| {
        let mut l: i64 = 1;
        for a in &args {
            let x = a.as_i64().unwrap_or(0).abs();
            if x == 0 {
                return Ok(Value::Int(0));
            }
            let (mut p, mut q) = (l, x);
            while q != 0 {
                (p, q) = (q, p % q);
            }
            l = l / p * x;
        }
        Ok(Value::Int(l))
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
