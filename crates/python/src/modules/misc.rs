//! `functools`, `math` and `typing` (annotations only).

use std::any::Any;
use std::rc::Rc;

use crate::builtins::alias::TypingName;
use crate::builtins::functools::{partial, update_wrapper, wraps, WRAPPER_ASSIGNMENTS};
use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::{interp, iter, text};
use crate::modules::Args::{Positional, C};
use crate::modules::{clinic, ModuleObj};
use crate::native::Native;
use crate::object::{Builtin, BuiltinType, Class};
use crate::value::Value;
use asyncio_engine::PyResult;

pub fn functools() -> ModuleObj {
    let m = ModuleObj::new("functools");
    let partial_class = interp().types.native("partial");
    partial_class.dict.borrow_mut().set("__new__", Builtin::new("partial", partial));
    m.set("partial", Value::Class(partial_class));
    m.def("wraps", "wraps(wrapped, assigned=None, updated=None)", wraps);
    m.def("update_wrapper", "update_wrapper(wrapper, wrapped, assigned=None, updated=None)", |args, _| {
        update_wrapper(&args[0], &args[1], args.get(2), args.get(3))
    });
    m.set("WRAPPER_ASSIGNMENTS", Value::tuple(WRAPPER_ASSIGNMENTS.iter().map(|n| Value::str(n)).collect()));
    m.set("WRAPPER_UPDATES", Value::tuple(vec![Value::str("__dict__")]));
    m.def_c("total_ordering", C(1), super::ordering::total_ordering);
    m.def_c("reduce", Positional(2, 3), |args, _| {
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
    m.def("lru_cache", "lru_cache(maxsize=128, typed=False)", |args, _| {
        let typed = crate::interp::ops::truthy(&args.get(1).cloned().unwrap_or(Value::Bool(false)))?;
        let size = match args.first() {
            None => Some(128),
            Some(Value::None) => None,
            Some(v @ (Value::Int(_) | Value::Bool(_))) => Some(v.as_i64().unwrap_or(0).max(0) as usize),
            Some(f) if crate::interp::call::callable(f) => {
                return Ok(LruCache::wrap(f.clone(), Some(128), typed))
            }
            Some(_) => {
                return raise("TypeError", "Expected first argument to be an integer, a callable, or None")
            }
        };
        Ok(Builtin::new("decorating_function", move |mut a, mut kw| {
            crate::modules::bind("lru_cache.<locals>.decorating_function(user_function)", &mut a, &mut kw)?;
            Ok(LruCache::wrap(a.remove(0), size, typed))
        }))
    });
    m.def("cache", "cache(user_function, /)", |mut args, _| Ok(LruCache::wrap(args.remove(0), None, false)));
    m
}

/// `functools.lru_cache(maxsize)(f)` / `functools.cache(f)`: results by arguments, least
/// recently used dropped first.
struct LruCache {
    func: Value,
    maxsize: Option<usize>,
    /// Arguments of different types are cached apart (`typed=True`).
    typed: bool,
    table: Rc<crate::value::Dict>,
    hits: std::cell::Cell<i64>,
    misses: std::cell::Cell<i64>,
}

impl LruCache {
    fn wrap(func: Value, maxsize: Option<usize>, typed: bool) -> Value {
        Value::native(LruCache {
            func,
            maxsize,
            typed,
            table: crate::value::Dict::new(),
            hits: std::cell::Cell::new(0),
            misses: std::cell::Cell::new(0),
        })
    }

    /// The cache key of a call, as `functools._make_key` makes it: a lone
    /// `int` or `str` argument is its own key (so `f(2)` and `f(2.0)` are
    /// cached apart even untyped), else a tuple of the arguments, keywords
    /// and, if typed, their types.
    fn key(&self, args: &[Value], kwargs: &crate::native::Kwargs) -> Value {
        if let ([one @ (Value::Int(_) | Value::Big(_) | Value::Str(_))], true, false) =
            (args, kwargs.is_empty(), self.typed)
        {
            return one.clone();
        }
        let mut key = args.to_vec();
        if !kwargs.is_empty() {
            key.push(crate::builtins::ellipsis());
            for (k, v) in kwargs {
                key.push(Value::Str(k.clone()));
                key.push(v.clone());
            }
        }
        if self.typed {
            let values = args.iter().chain(kwargs.iter().map(|(_, v)| v));
            key.extend(values.map(|v| Value::Class(crate::interp::attr::type_of(v))));
        }
        Value::tuple(key)
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
    fn binds(&self) -> bool {
        true
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
            let key = self.key(&args, &kwargs);
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
            "cache_info" => {
                crate::native::method::<LruCache>("cache_info", this, |c, _, mut args, mut kw| {
                    C(0).check("_lru_cache_wrapper", "cache_info", &mut args, &mut kw)?;
                    Ok(Value::native(CacheInfo([
                        ("hits", Value::Int(c.hits.get())),
                        ("misses", Value::Int(c.misses.get())),
                        ("maxsize", c.maxsize.map(|m| Value::Int(m as i64)).unwrap_or(Value::None)),
                        ("currsize", Value::Int(c.table.len() as i64)),
                    ])))
                })
            }
            "cache_clear" => {
                crate::native::method::<LruCache>("cache_clear", this, |c, _, mut args, mut kw| {
                    C(0).check("_lru_cache_wrapper", "cache_clear", &mut args, &mut kw)?;
                    c.table.table.borrow_mut().clear();
                    c.table.touch();
                    c.hits.set(0);
                    c.misses.set(0);
                    Ok(Value::None)
                })
            }
            "__wrapped__" => self.func.clone(),
            _ => return Some(crate::interp::attr::getattr(&self.func, name)),
        }))
    }
}

fn num(v: &Value) -> PyResult<f64> {
    match v.as_f64() {
        Some(f) => Ok(f),
        None if matches!(v, Value::Big(_)) => raise("OverflowError", "int too large to convert to float"),
        // An object with `__float__` (a Fraction), or `__index__`, as
        // `PyFloat_AsDouble` takes it.
        None => match special(v, "__float__").or_else(|| special(v, "__index__")) {
            Some(r) => {
                let r = r?;
                r.as_f64().map_or_else(|| raise("OverflowError", "int too large to convert to float"), Ok)
            }
            None => {
                raise("TypeError", format!("must be real number, not {}", crate::interp::text::type_name(v)))
            }
        },
    }
}

/// `type(v).name(v)` for an instance of a class that defines `name`.
fn special(v: &Value, name: &str) -> Option<PyResult<Value>> {
    if !matches!(v, Value::Instance(_)) {
        return None;
    }
    let method = crate::interp::attr::lookup_special(v, name)?;
    Some(crate::interp::call::call_sync(&method, vec![], vec![]))
}

/// CPython's `loghelper`: `f(x)` for x > 0, an int too large for a float
/// as `f(m) + f(2) * e` with `x = m * 2**e`, m in [0.5, 1).
fn log_of(v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Value::Big(b) = v {
        if b.is_negative() || b.is_zero() {
            return raise("ValueError", "math domain error");
        }
        if b.to_f64().is_none() {
            let mut e = b.bit_length() as i64;
            let two_e = crate::bigint::BigInt::from_u64(1)
                .shl(e as u64)
                .map_err(|_| asyncio_engine::Exception::new("MemoryError", ""))?;
            let mut m = b.true_div(&two_e).unwrap_or(0.5);
            if m >= 1.0 {
                m = 0.5;
                e += 1;
            }
            return Ok(f(m) + f(2.0) * e as f64);
        }
    }
    let x = num(v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return raise("ValueError", "math domain error");
    }
    Ok(f(x))
}

/// `math.frexp`: `x == m * 2**e` with `0.5 <= abs(m) < 1` (`(x, 0)` for 0, inf and nan).
pub(crate) fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    // A subnormal is scaled into the normal range first.
    let (x, shift) = if x.abs() < f64::MIN_POSITIVE { (x * 2f64.powi(54), -54) } else { (x, 0) };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1022;
    let mant = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mant, exp + shift)
}

/// `math.ldexp`: `x * 2**i`, scaled in steps so that no step overflows early.
pub(crate) fn ldexp(mut x: f64, i: i64) -> f64 {
    let mut i = i.clamp(-2200, 2200) as i32;
    while i > 1000 {
        x *= 2f64.powi(1000);
        i -= 1000;
    }
    while i < -1000 {
        x *= 2f64.powi(-1000);
        i += 1000;
    }
    x * 2f64.powi(i)
}

/// `math.remainder`: IEEE 754's remainder, as CPython's `m_remainder`.
fn remainder(x: f64, y: f64) -> PyResult<f64> {
    if x.is_nan() || y.is_nan() {
        return Ok(f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return raise("ValueError", "math domain error");
    }
    if y.is_infinite() {
        return Ok(x);
    }
    let (absx, absy) = (x.abs(), y.abs());
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    Ok(1.0f64.copysign(x) * r)
}

pub fn math() -> ModuleObj {
    let m = ModuleObj::new("math");
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(f64::NAN));
    type Unary = (&'static str, fn(f64) -> f64);
    let unary: &[Unary] = &[
        ("math.sqrt", f64::sqrt),
        ("math.exp", f64::exp),
        ("math.sin", f64::sin),
        ("math.cos", f64::cos),
        ("math.tan", f64::tan),
        ("math.atan", f64::atan),
        ("math.asin", f64::asin),
        ("math.acos", f64::acos),
        ("math.sinh", f64::sinh),
        ("math.cosh", f64::cosh),
        ("math.tanh", f64::tanh),
        ("math.fabs", f64::abs),
        ("math.degrees", f64::to_degrees),
        ("math.radians", f64::to_radians),
        ("math.expm1", f64::exp_m1),
        ("math.log1p", f64::ln_1p),
        ("math.cbrt", super::glibc_math::cbrt),
        ("math.exp2", f64::exp2),
    ];
    for &(qualname, f) in unary {
        m.def_c(qualname, C(1), move |args, _| {
            let x = num(&args[0])?;
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
    // The inverse hyperbolic functions: an infinity from a finite argument
    // is a singularity, CPython's ValueError.
    let inverse: &[Unary] = &[
        ("math.asinh", super::glibc_math::asinh),
        ("math.acosh", super::glibc_math::acosh),
        ("math.atanh", super::glibc_math::atanh),
    ];
    for &(qualname, f) in inverse {
        m.def_c(qualname, C(1), move |args, _| {
            let x = num(&args[0])?;
            let r = f(x);
            if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
                return raise("ValueError", "math domain error");
            }
            Ok(Value::Float(r))
        });
    }
    m.def_c("math.nextafter", Positional(2, 2), |args, _| {
        let (x, y) = (num(&args[0])?, num(&args[1])?);
        Ok(Value::Float(match () {
            _ if x.is_nan() || y.is_nan() => f64::NAN,
            _ if x == y => y,
            _ if y > x => x.next_up(),
            _ => x.next_down(),
        }))
    });
    m.def_c("math.ulp", C(1), |args, _| {
        let x = num(&args[0])?.abs();
        if x.is_nan() || x.is_infinite() {
            return Ok(Value::Float(x));
        }
        let up = x.next_up();
        Ok(Value::Float(if up.is_infinite() { x - x.next_down() } else { up - x }))
    });
    m.def_c("log", Positional(0, usize::MAX), |args, _| {
        if !(1..=2).contains(&args.len()) {
            return raise("TypeError", "math.log requires 1 to 2 arguments");
        }
        let x = log_of(&args[0], f64::ln)?;
        Ok(Value::Float(match args.get(1) {
            Some(b) => {
                let base = log_of(b, f64::ln)?;
                if base == 0.0 {
                    return raise("ZeroDivisionError", "float division by zero");
                }
                x / base
            }
            None => x,
        }))
    });
    for (qualname, f) in [("math.log2", f64::log2 as fn(f64) -> f64), ("math.log10", f64::log10)] {
        m.def_c(qualname, C(1), move |args, _| log_of(&args[0], f).map(Value::Float));
    }
    m.def_c("math.pow", Positional(2, 2), |args, _| Ok(Value::Float(num(&args[0])?.powf(num(&args[1])?))));
    for (qualname, up) in [("math.floor", false), ("math.ceil", true)] {
        m.def_c(qualname, C(1), move |args, _| {
            let v = &args[0];
            if let Value::Int(_) | Value::Big(_) = v {
                return Ok(v.clone());
            }
            if let Some(r) = special(v, if up { "__ceil__" } else { "__floor__" }) {
                return r;
            }
            let x = num(v)?;
            let r = if up { x.ceil() } else { x.floor() };
            crate::builtins::construct(&interp().types.int, vec![Value::Float(r)], vec![])
        });
    }
    m.func("isclose", |args, kwargs| {
        let a = clinic("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", &args, &kwargs)?;
        let arg = |i: usize, default: f64| a[i].as_ref().map_or(Ok(default), num);
        let (x, y, rel, abs) = (arg(0, 0.0)?, arg(1, 0.0)?, arg(2, 1e-9)?, arg(3, 0.0)?);
        if rel < 0.0 || abs < 0.0 {
            return raise("ValueError", "tolerances must be non-negative");
        }
        if x == y {
            return Ok(Value::Bool(true));
        }
        let diff = (y - x).abs();
        let close = diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs;
        Ok(Value::Bool(close && x.is_finite() && y.is_finite()))
    });
    m.set("tau", Value::Float(std::f64::consts::TAU));
    type Binary = (&'static str, fn(f64, f64) -> f64);
    let binary: &[Binary] = &[("math.atan2", f64::atan2), ("math.copysign", f64::copysign)];
    for &(qualname, f) in binary {
        m.def_c(qualname, Positional(2, 2), move |args, _| {
            Ok(Value::Float(f(num(&args[0])?, num(&args[1])?)))
        });
    }
    m.def_c("math.hypot", Positional(0, usize::MAX), |args, _| {
        let coords = args.iter().map(num).collect::<PyResult<Vec<f64>>>()?;
        Ok(Value::Float(super::vnorm::norm(&coords)))
    });
    m.def_c("math.dist", Positional(2, 2), |args, _| {
        let point = |v: &Value| -> PyResult<Vec<f64>> { iter::collect(v)?.iter().map(num).collect() };
        let (p, q) = (point(&args[0])?, point(&args[1])?);
        if p.len() != q.len() {
            return raise("ValueError", "both points must have the same number of dimensions");
        }
        let diffs: Vec<f64> = p.iter().zip(&q).map(|(a, b)| a - b).collect();
        Ok(Value::Float(super::vnorm::norm(&diffs)))
    });
    m.def_c("math.fmod", Positional(2, 2), |args, _| {
        let (a, b) = (num(&args[0])?, num(&args[1])?);
        // C's fmod domain: an infinite dividend or a zero divisor (not with a NaN).
        if (a.is_infinite() && !b.is_nan()) || (b == 0.0 && !a.is_nan()) {
            return raise("ValueError", "math domain error");
        }
        Ok(Value::Float(a % b))
    });
    type Test = fn(f64) -> bool;
    let tests: [(&str, Test); 3] =
        [("math.isnan", f64::is_nan), ("math.isinf", f64::is_infinite), ("math.isfinite", f64::is_finite)];
    for (qualname, test) in tests {
        m.def_c(qualname, C(1), move |args, _| Ok(Value::Bool(test(num(&args[0])?))));
    }
    m.def_c("math.trunc", C(1), |args, _| {
        let v = &args[0];
        if let Value::Int(_) | Value::Big(_) | Value::Bool(_) = v {
            return crate::builtins::construct(&interp().types.int, vec![v.clone()], vec![]);
        }
        match (special(v, "__trunc__"), v) {
            (Some(r), _) => r,
            (None, Value::Float(x)) => {
                crate::builtins::construct(&interp().types.int, vec![Value::Float(x.trunc())], vec![])
            }
            _ => raise(
                "TypeError",
                format!("type {} doesn't define __trunc__ method", crate::interp::text::type_name(v)),
            ),
        }
    });
    m.def_c("math.frexp", C(1), |args, _| {
        let (mant, exp) = frexp(num(&args[0])?);
        Ok(Value::tuple(vec![Value::Float(mant), Value::Int(exp)]))
    });
    m.def_c("math.ldexp", Positional(2, 2), |args, _| {
        let x = num(&args[0])?;
        let i = match &args[1] {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            Value::Big(b) => {
                if b.is_negative() {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
            _ => return raise("TypeError", "Expected an int as second argument to ldexp."),
        };
        let r = ldexp(x, i);
        if r.is_infinite() && x.is_finite() {
            return raise("OverflowError", "math range error");
        }
        Ok(Value::Float(r))
    });
    m.def_c("math.remainder", Positional(2, 2), |args, _| {
        remainder(num(&args[0])?, num(&args[1])?).map(Value::Float)
    });
    m.def_c("math.modf", C(1), |args, _| {
        let x = num(&args[0])?;
        Ok(Value::tuple(vec![Value::Float(x.fract()), Value::Float(x.trunc())]))
    });
    m.def_c("math.fsum", C(1), |args, _| {
        let mut sum = super::fsum::FSum::default();
        let mut it = iter::iter(&args[0])?;
        while let Some(v) = it.next()? {
            sum.add(num(&v)?)?;
        }
        sum.total().map(Value::Float)
    });
    m.func("prod", |args, kwargs| {
        let a = clinic("prod(iterable, /, *, start=1)", &args, &kwargs)?;
        let mut acc = a[1].clone().unwrap_or(Value::Int(1));
        for v in iter::collect(&args[0])? {
            acc = crate::interp::ops::binop(crate::ast::BinOp::Mul, &acc, &v)?;
        }
        Ok(acc)
    });
    super::mathint::install(&m);
    m
}

/// `TypeVar('T', *constraints, bound=None, covariant=False,
/// contravariant=False)`: its repr is `~T` (`+T`, `-T` when co- or
/// contravariant).
struct TypeVar {
    name: Rc<str>,
    constraints: Vec<Value>,
    bound: Value,
    covariant: bool,
    contravariant: bool,
}

impl Native for TypeVar {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("TypeVar")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        let sign = if self.covariant {
            '+'
        } else if self.contravariant {
            '-'
        } else {
            '~'
        };
        Ok(format!("{sign}{}", self.name))
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "__name__" => Value::Str(self.name.clone()),
            "__bound__" => self.bound.clone(),
            "__constraints__" => Value::tuple(self.constraints.clone()),
            "__covariant__" => Value::Bool(self.covariant),
            "__contravariant__" => Value::Bool(self.contravariant),
            _ => return None,
        }))
    }
}

/// True for `typing.NamedTuple` (a class deriving from it is a namedtuple).
pub fn is_typing_namedtuple(c: &Class) -> bool {
    &*c.name == "NamedTuple" && &*c.module == "typing"
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
        m.set(name, Value::native(TypingName(name)));
    }
    for name in [
        "Literal",
        "Annotated",
        "TypeAlias",
        "Self",
        "Never",
        "LiteralString",
        "Concatenate",
        "TypeGuard",
        "Required",
        "NotRequired",
        "Unpack",
        "Hashable",
        "Sized",
        "Container",
        "Collection",
        "Reversible",
        "MutableMapping",
        "MutableSequence",
        "MutableSet",
        "AbstractSet",
        "FrozenSet",
        "Counter",
        "OrderedDict",
        "ChainMap",
        "ContextManager",
        "AsyncContextManager",
        "SupportsInt",
        "SupportsFloat",
        "SupportsIndex",
        "SupportsAbs",
        "SupportsRound",
        "SupportsBytes",
        "SupportsComplex",
        "ByteString",
        "ItemsView",
        "KeysView",
        "MappingView",
        "ValuesView",
        "IO",
        "TextIO",
        "BinaryIO",
        "Match",
        "Pattern",
    ] {
        m.set(name, Value::native(TypingName(name)));
    }
    // Base classes: `class Box(Generic[T])` (a class subscripted is the
    // class), `class Row(NamedTuple)` (see `class.rs`); `Protocol` is
    // typing.py's.
    for name in ["Generic", "NamedTuple"] {
        let c = crate::builtins::types::make_class(
            name,
            "typing",
            &[&interp().types.object],
            BuiltinType::Object,
        );
        m.set(name, Value::Class(c));
    }
    m.def(
        "TypeVar",
        "TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False)",
        |args, mut kwargs| {
            let flag = |v: Option<Value>| {
                v.map(|v| crate::interp::ops::truthy(&v)).transpose().map(|b| b.unwrap_or(false))
            };
            let bound = crate::native::take_kw(&mut kwargs, "bound").unwrap_or(Value::None);
            let covariant = flag(crate::native::take_kw(&mut kwargs, "covariant"))?;
            let contravariant = flag(crate::native::take_kw(&mut kwargs, "contravariant"))?;
            if covariant && contravariant {
                return raise("ValueError", "Bivariant types are not supported.");
            }
            let name = Rc::from(text::str(&args[0])?);
            Ok(Value::native(TypeVar {
                name,
                constraints: args[1..].to_vec(),
                bound,
                covariant,
                contravariant,
            }))
        },
    );
    m.def("cast", "cast(typ, val)", |args, _| Ok(args[1].clone()));
    m.set("TYPE_CHECKING", Value::Bool(false));
    m
}
