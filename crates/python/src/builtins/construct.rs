//! Calling a builtin class: `int("3")`, `list(x)`, `dict(a=1)` ...

use std::rc::Rc;

use super::descr::{ClassMethod, Property, StaticMethod};
use crate::bigint::BigInt;
use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::{attr, eval, iter, ops, text};
use crate::native::{take_kw, Kwargs};
use crate::object::{BuiltinType as B, Class, Instance};
use crate::value::{Dict, Value};
use asyncio_engine::PyResult;

/// `C(*args, **kwargs)` for a builtin class `C`.
pub fn construct(c: &Rc<Class>, args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let name = c.name.clone();
    // `float(x=1)`: the types that take no keywords, and at most one argument.
    let at_most_one = |kwargs: &Kwargs| {
        if !kwargs.is_empty() {
            return raise("TypeError", format!("{name}() takes no keyword arguments"));
        }
        match args.len() {
            0 | 1 => Ok(()),
            n => raise("TypeError", format!("{name} expected at most 1 argument, got {n}")),
        }
    };
    match c.builtin {
        B::Object => {
            if !args.is_empty() {
                return raise("TypeError", "object() takes no arguments");
            }
            Ok(Value::Instance(Instance::new(c.clone())))
        }
        B::Type => match args.as_slice() {
            [v] => Ok(Value::Class(attr::type_of(v))),
            _ => {
                raise("NotImplementedError", "type() with three arguments is not supported in the playground")
            }
        },
        B::NoneType => Ok(Value::None),
        B::Bool => {
            at_most_one(&kwargs)?;
            Ok(Value::Bool(match args.first() {
                Some(v) => ops::truthy(v)?,
                None => false,
            }))
        }
        B::Int => {
            let base = take_kw(&mut kwargs, "base");
            let given = args.len() + usize::from(base.is_some()) + kwargs.len();
            if given > 2 {
                return raise("TypeError", format!("int() takes at most 2 arguments ({given} given)"));
            }
            crate::native::invalid_keywords("int", &kwargs)?;
            int(args.first(), args.get(1).or(base.as_ref()))
        }
        B::Float => {
            at_most_one(&kwargs)?;
            float(args.first())
        }
        B::Str => {
            let object = take_kw(&mut kwargs, "object");
            let given = args.len() + usize::from(object.is_some()) + kwargs.len();
            if given > 3 {
                return raise("TypeError", format!("str() takes at most 3 arguments ({given} given)"));
            }
            crate::native::invalid_keywords("str", &kwargs)?;
            if args.len() > 1 {
                return raise("NotImplementedError", "bytes are not supported in the playground");
            }
            match args.first().or(object.as_ref()) {
                None => Ok(Value::str("")),
                Some(v) => text::str(v).map(Value::string),
            }
        }
        B::Tuple => {
            at_most_one(&kwargs)?;
            Ok(Value::tuple(match args.first() {
                Some(v) => iter::collect(v)?,
                None => Vec::new(),
            }))
        }
        B::List => {
            at_most_one(&kwargs)?;
            Ok(Value::list(match args.first() {
                Some(v) => iter::collect(v)?,
                None => Vec::new(),
            }))
        }
        B::Dict => {
            if args.len() > 1 {
                return raise("TypeError", format!("dict expected at most 1 argument, got {}", args.len()));
            }
            let d = Dict::new();
            if let Some(src) = args.first() {
                dict_update(&d, src)?;
            }
            for (k, v) in kwargs {
                ops::dict_set(&d, Value::Str(k), v)?;
            }
            Ok(Value::Dict(d))
        }
        B::Set | B::FrozenSet => {
            at_most_one(&kwargs)?;
            Ok(Value::Set(super::sets::new_from(c.builtin == B::FrozenSet, args.first())?))
        }
        B::Range => {
            if !kwargs.is_empty() {
                return raise("TypeError", "range() takes no keyword arguments");
            }
            range(&args)
        }
        B::Slice => {
            let (a, b, c) = match args.as_slice() {
                [stop] => (Value::None, stop.clone(), Value::None),
                [start, stop] => (start.clone(), stop.clone(), Value::None),
                [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
                _ => return raise("TypeError", "slice expected at least 1 argument, got 0"),
            };
            Ok(Value::Slice(Rc::new((a, b, c))))
        }
        B::Property => {
            let fget = args.first().cloned().or_else(|| take_kw(&mut kwargs, "fget"));
            let fset = args.get(1).cloned().or_else(|| take_kw(&mut kwargs, "fset"));
            let fdel = args.get(2).cloned().or_else(|| take_kw(&mut kwargs, "fdel"));
            let doc = args
                .get(3)
                .cloned()
                .or_else(|| take_kw(&mut kwargs, "doc"))
                .filter(|d| !matches!(d, Value::None));
            Ok(Value::native(Property { fget, fset, fdel, doc }))
        }
        B::StaticMethod => Ok(Value::native(StaticMethod(super::one("staticmethod", &args)?.clone()))),
        B::ClassMethod => Ok(Value::native(ClassMethod(super::one("classmethod", &args)?.clone()))),
        B::Native => match c.dict.borrow().get("__new__") {
            Some(f) => call_sync(&f, args, kwargs),
            None => raise("TypeError", format!("cannot create '{}' instances", c.name)),
        },
        // `types.MethodType(func, obj)`.
        B::Function if &*c.name == "method" => {
            let [func, this] = <[Value; 2]>::try_from(args).or_else(|args| {
                raise("TypeError", format!("method expected 2 arguments, got {}", args.len()))
            })?;
            if !crate::interp::call::callable(&func) {
                return raise("TypeError", "first argument must be callable");
            }
            if matches!(this, Value::None) {
                return raise("TypeError", "instance must not be None");
            }
            Ok(Value::BoundMethod(Rc::new(crate::object::BoundMethod { this, func })))
        }
        _ => raise("TypeError", format!("cannot create '{}' instances", c.name)),
    }
}

/// `d.update(src)` / `dict(src)`.
pub fn dict_update(d: &Dict, src: &Value) -> PyResult<()> {
    if let Value::Dict(_) = src {
        return eval::merge_into(d, src);
    }
    if attr::lookup_special(src, "keys").is_some() {
        return eval::merge_into(d, src);
    }
    for (i, item) in iter::collect(src)?.into_iter().enumerate() {
        let pair = iter::collect(&item).map_err(|_| {
            asyncio_engine::Exception::type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if pair.len() != 2 {
            return raise(
                "ValueError",
                format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len()),
            );
        }
        let mut p = pair.into_iter();
        let (k, v) = (p.next().unwrap_or_default(), p.next().unwrap_or_default());
        ops::dict_set(d, k, v)?;
    }
    Ok(())
}

/// An argument of `range()`: an int, or what an object's `__index__` gives.
fn range_arg(a: &Value) -> PyResult<i64> {
    match a {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Big(_) => raise("OverflowError", "Python int too large to convert to C ssize_t"),
        other => match ops::user_index(other)? {
            Some(i) => range_arg(&i),
            None => raise(
                "TypeError",
                format!("'{}' object cannot be interpreted as an integer", text::type_name(other)),
            ),
        },
    }
}

fn range(args: &[Value]) -> PyResult<Value> {
    let ints: Vec<i64> = args.iter().map(range_arg).collect::<PyResult<_>>()?;
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        [] => return raise("TypeError", "range expected at least 1 argument, got 0"),
        _ => return raise("TypeError", format!("range expected at most 3 arguments, got {}", ints.len())),
    };
    if step == 0 {
        return raise("ValueError", "range() arg 3 must not be zero");
    }
    Ok(Value::Range(Rc::new((start, stop, step))))
}

fn int(v: Option<&Value>, base: Option<&Value>) -> PyResult<Value> {
    let Some(v) = v else { return Ok(Value::Int(0)) };
    if let Some(b) = base {
        let Value::Str(s) = v else {
            return raise("TypeError", "int() can't convert non-string with explicit base");
        };
        let b = match b {
            Value::Int(_) | Value::Bool(_) => b.as_i64().unwrap_or(-1),
            Value::Big(_) => -1,
            other => {
                let name = crate::interp::text::type_name(other);
                return raise("TypeError", format!("'{name}' object cannot be interpreted as an integer"));
            }
        };
        if b != 0 && !(2..=36).contains(&b) {
            return raise("ValueError", "int() base must be >= 2 and <= 36, or 0");
        }
        return parse_int(s, b as u32);
    }
    match v {
        Value::Int(_) | Value::Big(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return raise("ValueError", "cannot convert float NaN to integer");
            }
            if f.is_infinite() {
                return raise("OverflowError", "cannot convert float infinity to integer");
            }
            Ok(BigInt::from_f64(f.trunc()).map(Value::from_big).unwrap_or(Value::Int(0)))
        }
        Value::Str(s) => parse_int(s, 10),
        _ => match attr::lookup_special(v, "__int__")
            .map(|f| (f, "__int__"))
            .or_else(|| attr::lookup_special(v, "__index__").map(|f| (f, "__index__")))
        {
            Some((f, slot)) => match call_sync(&f, vec![], vec![])? {
                r @ (Value::Int(_) | Value::Big(_)) => Ok(r),
                Value::Bool(b) => Ok(Value::Int(b as i64)),
                other => {
                    raise("TypeError", format!("{slot} returned non-int (type {})", text::type_name(&other)))
                }
            },
            None => raise(
                "TypeError",
                format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    text::type_name(v)
                ),
            ),
        },
    }
}

/// `s` with every Unicode decimal digit as its ASCII one (`int("٣٤")`).
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match crate::regex::decimal_value(c as u32) {
            Some(d) if !c.is_ascii() => char::from_digit(d, 10).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `int(s, base)` with Python's literal rules (spaces, sign, underscores).
pub fn parse_int(s: &str, base: u32) -> PyResult<Value> {
    let bad = || {
        raise(
            "ValueError",
            format!("invalid literal for int() with base {base}: {}", asyncio_engine::pyvalue::repr_str(s)),
        )
    };
    let t = s.trim();
    let (neg, digits) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut digits = ascii_digits(digits);
    let mut base = base;
    let lower = digits.to_ascii_lowercase();
    for (p, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if (base == b || base == 0) && lower.starts_with(p) {
            // One underscore may follow the prefix (`0x_1f`).
            let rest = &digits[2..];
            digits = rest.strip_prefix('_').unwrap_or(rest).to_string();
            base = b;
        }
    }
    if base == 0 {
        base = 10;
        // Base 0 reads a literal: no leading zeros but for zero itself (`08`).
        let zeros_only = digits.chars().all(|c| c == '0' || c == '_');
        if digits.starts_with('0') && !zeros_only {
            return bad();
        }
    }
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return bad();
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return bad();
    }
    // Python's limit on decimal conversions (`sys.set_int_max_str_digits`).
    if base == 10 && clean.len() > crate::bigint::digit_limit() {
        return raise("ValueError", crate::bigint::BigIntError::TooManyDigits(Some(clean.len())).to_string());
    }
    if let Ok(i) = i64::from_str_radix(&clean, base) {
        return Ok(Value::Int(if neg { -i } else { i }));
    }
    let parsed = if base == 10 { BigInt::parse(&clean) } else { BigInt::parse_radix(&clean, base) };
    match parsed {
        Some(b) => Ok(Value::from_big(if neg { b.neg() } else { b })),
        None => bad(),
    }
}

fn float(v: Option<&Value>) -> PyResult<Value> {
    let Some(v) = v else { return Ok(Value::Float(0.0)) };
    match v {
        Value::Float(_) => Ok(v.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::Big(b) => match b.to_f64() {
            Some(f) => Ok(Value::Float(f)),
            None => raise("OverflowError", "int too large to convert to float"),
        },
        Value::Str(s) => parse_float(s),
        _ => match attr::lookup_special(v, "__float__") {
            Some(f) => match call_sync(&f, vec![], vec![])? {
                r @ Value::Float(_) => Ok(r),
                other => {
                    let (t, r) = (text::type_name(v), text::type_name(&other));
                    raise("TypeError", format!("{t}.__float__ returned non-float (type {r})"))
                }
            },
            None => raise(
                "TypeError",
                format!("float() argument must be a string or a real number, not '{}'", text::type_name(v)),
            ),
        },
    }
}

fn parse_float(s: &str) -> PyResult<Value> {
    let ascii = ascii_digits(s.trim());
    let t = ascii.as_str();
    let lower = t.to_ascii_lowercase();
    let special = match lower.trim_start_matches(['+', '-']) {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(x) = special {
        return Ok(Value::Float(if lower.starts_with('-') { -x } else { x }));
    }
    let ok_chars =
        !t.is_empty() && !t.contains("__") && t.chars().all(|c| c.is_ascii_digit() || "+-.eE_".contains(c));
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    match clean.parse::<f64>() {
        Ok(x) if ok_chars => Ok(Value::Float(x)),
        _ => raise(
            "ValueError",
            format!("could not convert string to float: {}", asyncio_engine::pyvalue::repr_str(s)),
        ),
    }
}
