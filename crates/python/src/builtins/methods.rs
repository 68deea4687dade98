//! Methods of the builtin types: `str`, `list`, `dict`, `set`, `tuple`,
//! `int`, `float`.

use std::rc::Rc;

use super::sets;
use crate::interp::call::call_sync;
use crate::interp::exc::{raise, with_args};
use crate::interp::{attr, interp, iter, ops, text};
use crate::native::{arity, take_kw, Kwargs};
use crate::object::{Builtin, BuiltinType, Class};
use crate::regex;
use crate::value::{Dict, SetObj, Value};
use asyncio_engine::PyResult;

pub type Method = fn(&Value, Vec<Value>, Kwargs) -> PyResult<Value>;

/// `obj.name` for a builtin value: a bound method, or `None`.
pub fn get(obj: &Value, name: &str) -> Option<Value> {
    if let (Value::Int(_) | Value::Bool(_) | Value::Big(_), "real" | "numerator") = (obj, name) {
        return Some(obj.clone());
    }
    if let (Value::Int(_) | Value::Bool(_) | Value::Big(_), "imag") = (obj, name) {
        return Some(Value::Int(0));
    }
    if let (Value::Int(_) | Value::Bool(_) | Value::Big(_), "denominator") = (obj, name) {
        return Some(Value::Int(1));
    }
    if let (Value::Float(_), "real") = (obj, name) {
        return Some(obj.clone());
    }
    if let (Value::Slice(s), "start" | "stop" | "step") = (obj, name) {
        return Some(match name {
            "start" => s.0.clone(),
            "stop" => s.1.clone(),
            _ => s.2.clone(),
        });
    }
    if let (Value::Slice(s), "indices") = (obj, name) {
        let s = s.clone();
        return Some(Builtin::method(name, obj.clone(), move |args, kw| {
            crate::native::no_kwargs("indices", &kw)?;
            arity("indices", &args, 1, 1)?;
            let n = match &args[0] {
                Value::Int(n) => *n,
                Value::Bool(b) => i64::from(*b),
                other => match ops::user_index(other)? {
                    Some(Value::Int(n)) => n,
                    _ => {
                        return raise(
                            "TypeError",
                            format!(
                                "'{}' object cannot be interpreted as an integer",
                                text::type_name(other)
                            ),
                        )
                    }
                },
            };
            if n < 0 {
                return raise("ValueError", "length should not be negative");
            }
            let (start, stop, step) = ops::slice_bounds(&s, n as usize)?;
            Ok(Value::tuple(vec![Value::Int(start), Value::Int(stop), Value::Int(step)]))
        }));
    }
    if let (Value::Range(r), "start" | "stop" | "step") = (obj, name) {
        return Some(Value::Int(match name {
            "start" => r.0,
            "stop" => r.1,
            _ => r.2,
        }));
    }
    let m = lookup(obj, name)?;
    let this = obj.clone();
    if let Some(owner) = keywordless(obj, name) {
        let method: Rc<str> = Rc::from(name);
        let no_args = takes_no_arguments(owner, name);
        return Some(Builtin::method(name, obj.clone(), move |args, kwargs| {
            if !kwargs.is_empty() {
                return raise("TypeError", format!("{owner}.{method}() takes no keyword arguments"));
            }
            if no_args && !args.is_empty() {
                return raise(
                    "TypeError",
                    format!("{owner}.{method}() takes no arguments ({} given)", args.len()),
                );
            }
            m(&this, args, kwargs)
        }));
    }
    Some(Builtin::method(name, obj.clone(), move |args, kwargs| m(&this, args, kwargs)))
}

/// CPython's METH_NOARGS methods of the builtin types.
fn takes_no_arguments(owner: &str, name: &str) -> bool {
    let names: &[&str] = match owner {
        "str" => &[
            "upper",
            "lower",
            "casefold",
            "swapcase",
            "title",
            "capitalize",
            "isdigit",
            "isdecimal",
            "isnumeric",
            "isalpha",
            "isalnum",
            "isspace",
            "isidentifier",
            "isupper",
            "islower",
            "istitle",
            "isascii",
            "isprintable",
        ],
        "list" => &["copy", "clear", "reverse"],
        "dict" => &["keys", "values", "items", "copy", "clear", "popitem"],
        "set" | "frozenset" => &["copy", "clear", "pop"],
        "int" => &["bit_length", "bit_count", "is_integer", "conjugate", "as_integer_ratio"],
        "float" => &["is_integer", "conjugate", "as_integer_ratio", "hex"],
        _ => &[],
    };
    names.contains(&name)
}

/// The type whose method `name` takes no keyword arguments (CPython's
/// message names it), or None when it takes some.
fn keywordless(obj: &Value, name: &str) -> Option<&'static str> {
    let (owner, with_keywords): (&str, &[&str]) = match obj {
        Value::Str(_) => ("str", &["split", "rsplit", "splitlines", "format", "expandtabs", "encode"]),
        Value::List(_) => ("list", &["sort"]),
        Value::Dict(d) if d.kind.get() == crate::value::DictKind::Plain => ("dict", &["update"]),
        Value::Set(s) => (if s.frozen { "frozenset" } else { "set" }, &[]),
        Value::Tuple(_) => ("tuple", &[]),
        Value::Range(_) => ("range", &[]),
        Value::Int(_) | Value::Bool(_) | Value::Big(_) => ("int", &["to_bytes", "from_bytes"]),
        Value::Float(_) => ("float", &[]),
        _ => return None,
    };
    (!with_keywords.contains(&name)).then_some(owner)
}

fn lookup(obj: &Value, name: &str) -> Option<Method> {
    if let Value::Dict(d) = obj {
        if d.kind.get() != crate::value::DictKind::Plain {
            if let Some(m) = crate::modules::collections::special_method(d.kind.get(), name) {
                return Some(m);
            }
        }
    }
    if let Value::Set(s) = obj {
        // A frozenset has only the methods that do not change it.
        if s.frozen && SET_MUTATORS.contains(&name) {
            return None;
        }
    }
    let table: &[(&str, Method)] = match obj {
        Value::Str(_) => STR,
        Value::List(_) => LIST,
        Value::Dict(_) => DICT,
        Value::Set(_) => SET,
        Value::Tuple(_) => TUPLE,
        Value::Int(_) | Value::Bool(_) | Value::Big(_) => INT,
        Value::Float(_) => FLOAT,
        Value::Range(_) => TUPLE,
        _ => return None,
    };
    table.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

/// `C.name` for a builtin class `C` (unbound methods and class methods).
pub fn class_method(c: &Rc<Class>, name: &str) -> Option<Value> {
    let sample = match c.builtin {
        BuiltinType::Str if name == "maketrans" => {
            return Some(Builtin::new("maketrans", |a, _| maketrans(&a)))
        }
        BuiltinType::Str => Value::str(""),
        BuiltinType::List => Value::list(vec![]),
        BuiltinType::Dict => {
            if name == "fromkeys" {
                return Some(Builtin::new("fromkeys", |args, _| {
                    arity("fromkeys", &args, 1, 2)?;
                    let d = Dict::new();
                    let v = args.get(1).cloned().unwrap_or(Value::None);
                    for k in iter::collect(&args[0])? {
                        ops::dict_set(&d, k, v.clone())?;
                    }
                    Ok(Value::Dict(d))
                }));
            }
            Value::Dict(Dict::new())
        }
        BuiltinType::Set => Value::Set(SetObj::new(false)),
        BuiltinType::Tuple => Value::tuple(vec![]),
        BuiltinType::Int => Value::Int(0),
        BuiltinType::Float if name == "fromhex" => {
            return Some(Builtin::new("fromhex", |args, _| {
                let s = super::str_arg(super::one("fromhex", &args)?, "fromhex() argument must be str")?;
                super::floathex::fromhex(&s).map(Value::Float)
            }))
        }
        BuiltinType::Float => Value::Float(0.0),
        _ => return None,
    };
    if matches!(name, "__repr__" | "__str__") {
        // `int.__repr__(x)`, `float.__repr__(x)`: json.py writes numbers so.
        let repr = name == "__repr__";
        return Some(Builtin::new(name, move |args, _| {
            let [this] =
                <[Value; 1]>::try_from(args).or_else(|_| raise("TypeError", "expected 1 argument"))?;
            let this = mixed_in_value(this, &sample);
            if let Err(e) = of_type(this.clone(), &sample, "", "") {
                // A slot wrapper's message differs from a method descriptor's.
                let (class, found) = (text::type_name(&sample), text::type_name(&this));
                let method = if repr { "__repr__" } else { "__str__" };
                let msg =
                    format!("descriptor '{method}' requires a '{class}' object but received a '{found}'");
                return if e.is("TypeError") { raise("TypeError", msg) } else { Err(e) };
            }
            let text =
                if repr { crate::interp::text::repr(&this)? } else { crate::interp::text::str(&this)? };
            Ok(Value::string(text))
        }));
    }
    let m = lookup(&sample, name)?;
    let cname = c.name.clone();
    let mname: Rc<str> = Rc::from(name);
    Some(Builtin::new(name, move |mut args, kwargs| {
        if args.is_empty() {
            return raise("TypeError", format!("unbound method {cname}.{mname}() needs an argument"));
        }
        let this = of_type(mixed_in_value(args.remove(0), &sample), &sample, &cname, &mname)?;
        m(&this, args, kwargs)
    }))
}

/// `this` if it is a value of `sample`'s type, else CPython's TypeError for
/// an unbound method given another type (`str.upper(42)`).
fn of_type(this: Value, sample: &Value, class: &str, method: &str) -> PyResult<Value> {
    let fits = match (sample, &this) {
        (Value::Int(_), Value::Int(_) | Value::Bool(_) | Value::Big(_)) => true,
        (Value::Set(_), Value::Set(s)) => !s.frozen,
        _ => std::mem::discriminant(sample) == std::mem::discriminant(&this),
    };
    if fits {
        return Ok(this);
    }
    let found = text::type_name(&this);
    raise(
        "TypeError",
        format!("descriptor '{method}' for '{class}' objects doesn't apply to a '{found}' object"),
    )
}

/// A member of `class C(int, Enum)` (IntEnum, StrEnum) stands for its value
/// (`int.__repr__(Code.OK)`): enum.py keeps the value in `_value_`.
fn mixed_in_value(this: Value, sample: &Value) -> Value {
    let Value::Instance(inst) = &this else { return this };
    match inst.get_attr("_value_") {
        Some(v) if std::mem::discriminant(&v) == std::mem::discriminant(sample) => v,
        _ => this,
    }
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn str_of(v: &Value, what: &str) -> PyResult<Rc<str>> {
    match v {
        Value::Str(x) => Ok(x.clone()),
        other => raise("TypeError", format!("{what} must be str, not {}", text::type_name(other))),
    }
}

fn opt_chars(args: &[Value]) -> PyResult<Option<Rc<str>>> {
    match args.first() {
        None | Some(Value::None) => Ok(None),
        Some(v) => str_of(v, "strip arg").map(Some),
    }
}

fn int_arg(v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(Value::Big(_)) => raise("OverflowError", "Python int too large to convert to C ssize_t"),
        // An object with `__index__`, or CPython's TypeError.
        Some(other) => ops::index_value(other),
    }
}

/// A start or end bound (`_PyEval_SliceIndex`): an int too big for a
/// machine word stands for the farthest one.
fn bound_arg(v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(Value::Big(b)) => Ok(if b.is_negative() { i64::MIN } else { i64::MAX }),
        _ => int_arg(v, default),
    }
}

fn pad(this: &Value, args: Vec<Value>, how: char) -> PyResult<Value> {
    arity("ljust", &args, 1, 2)?;
    let width = int_arg(args.first(), 0)?.max(0) as usize;
    let fill = match args.get(1) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => return raise("TypeError", "The fill character must be exactly one character long"),
        None => ' ',
    };
    let st = s(this);
    let n = st.chars().count();
    if n >= width {
        return Ok(this.clone());
    }
    ops::check_size(width as u128, 4)?;
    let total = width - n;
    let (left, right) = match how {
        'l' => (0, total),
        'r' => (total, 0),
        _ => {
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let f = fill.to_string();
    Ok(Value::string(format!("{}{}{}", f.repeat(left), st, f.repeat(right))))
}

fn split(this: &Value, args: Vec<Value>, mut kwargs: Kwargs, from_right: bool) -> PyResult<Value> {
    let sep = args.first().cloned().or_else(|| take_kw(&mut kwargs, "sep")).unwrap_or(Value::None);
    let maxsplit = int_arg(args.get(1).or(take_kw(&mut kwargs, "maxsplit").as_ref()), -1)?;
    crate::native::invalid_keywords(if from_right { "rsplit" } else { "split" }, &kwargs)?;
    let st = s(this);
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let parts: Vec<String> = match &sep {
        Value::None => {
            // Python's whitespace (`str.isspace`), `\x1c`-`\x1f` included.
            let ws = |c: char| regex::is_space(c as u32);
            let words: Vec<&str> = st.split(ws).filter(|w| !w.is_empty()).collect();
            if limit >= words.len() {
                words.into_iter().map(String::from).collect()
            } else if from_right {
                let mut out: Vec<String> = Vec::new();
                let mut rest = st.trim_end_matches(ws);
                for _ in 0..limit {
                    match rest.rfind(ws) {
                        Some(i) => {
                            out.push(rest[i..].trim_start_matches(ws).to_string());
                            rest = rest[..i].trim_end_matches(ws);
                        }
                        None => break,
                    }
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out.reverse();
                out
            } else {
                let mut out: Vec<String> = Vec::new();
                let mut rest = st.trim_start_matches(ws);
                for _ in 0..limit {
                    match rest.find(ws) {
                        Some(i) => {
                            out.push(rest[..i].to_string());
                            rest = rest[i..].trim_start_matches(ws);
                        }
                        None => break,
                    }
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out
            }
        }
        Value::Str(sep) => {
            if sep.is_empty() {
                return raise("ValueError", "empty separator");
            }
            if from_right {
                let mut v: Vec<String> =
                    st.rsplitn(limit.saturating_add(1), &**sep).map(String::from).collect();
                v.reverse();
                v
            } else {
                st.splitn(limit.saturating_add(1), &**sep).map(String::from).collect()
            }
        }
        other => return raise("TypeError", format!("must be str or None, not {}", text::type_name(other))),
    };
    Ok(Value::list(parts.into_iter().map(Value::string).collect()))
}

fn find(this: &Value, args: &[Value], from_right: bool) -> PyResult<Option<usize>> {
    arity("find", args, 1, 3)?;
    let sub = str_of(&args[0], "must be str")?;
    let st = s(this);
    let chars: Vec<char> = st.chars().collect();
    let n = chars.len() as i64;
    let (start, end) = window_bounds(n, bound_arg(args.get(1), 0)?, bound_arg(args.get(2), n)?);
    if start > end {
        return Ok(None);
    }
    let hay: String = chars[start..end].iter().collect();
    let pos = if from_right { hay.rfind(&*sub) } else { hay.find(&*sub) };
    Ok(pos.map(|byte| start + hay[..byte].chars().count()))
}

fn join(this: &Value, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    arity("join", &args, 1, 1)?;
    let items = iter::collect(&args[0])?;
    let sep = s(this);
    let pieces: u128 = items.iter().map(|v| v.as_str().map_or(0, str::len) as u128).sum();
    ops::check_size(pieces + sep.len() as u128 * items.len().saturating_sub(1) as u128, 1)?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match item {
            Value::Str(x) => out.push_str(x),
            // A member of `class C(str, Enum)` is its value here.
            Value::Instance(_) if attr::isinstance(item, &interp().types.str_) => {
                out.push_str(&text::str(&attr::getattr(item, "_value_")?)?)
            }
            other => {
                return raise(
                    "TypeError",
                    format!("sequence item {i}: expected str instance, {} found", text::type_name(other)),
                )
            }
        }
    }
    Ok(Value::string(out))
}

fn strip_with(this: &Value, args: Vec<Value>, left: bool, right: bool) -> PyResult<Value> {
    let chars = opt_chars(&args)?;
    let st = s(this);
    let out = match chars {
        None => {
            let ws = |c: char| regex::is_space(c as u32);
            match (left, right) {
                (true, true) => st.trim_matches(ws),
                (true, false) => st.trim_start_matches(ws),
                _ => st.trim_end_matches(ws),
            }
        }
        Some(cs) => {
            let set: Vec<char> = cs.chars().collect();
            let p = |c: char| set.contains(&c);
            match (left, right) {
                (true, true) => st.trim_matches(p),
                (true, false) => st.trim_start_matches(p),
                _ => st.trim_end_matches(p),
            }
        }
    };
    Ok(Value::str(out))
}

/// The characters of `this[start:end]` (str.find's start/end arguments, clamped).
/// CPython's `ADJUST_INDICES` for a string of `n` characters: negative
/// bounds count from the end, the end stops at `n`, and a start past the end
/// stays past it (`'abc'.find('', 5)` is -1), kept at `n + 1`.
fn window_bounds(n: i64, start: i64, end: i64) -> (usize, usize) {
    let from_end = |i: i64| if i < 0 { i.saturating_add(n).max(0) } else { i };
    (from_end(start).min(n + 1) as usize, from_end(end).min(n) as usize)
}

fn char_window(this: &Value, args: &[Value]) -> PyResult<Option<String>> {
    let st = s(this);
    let n = st.chars().count() as i64;
    let (start, end) = window_bounds(n, bound_arg(args.first(), 0)?, bound_arg(args.get(1), n)?);
    if start > end {
        return Ok(None);
    }
    Ok(Some(st.chars().skip(start).take(end - start).collect()))
}

fn affix(this: &Value, args: &[Value], start: bool) -> PyResult<Value> {
    arity(if start { "startswith" } else { "endswith" }, args, 1, 3)?;
    let Some(st) = char_window(this, &args[1..])? else {
        return Ok(Value::Bool(false));
    };
    let check = |p: &str| if start { st.starts_with(p) } else { st.ends_with(p) };
    Ok(Value::Bool(match &args[0] {
        Value::Str(p) => check(p),
        Value::Tuple(ps) => {
            for p in ps.iter() {
                if !matches!(p, Value::Str(_)) {
                    return raise(
                        "TypeError",
                        format!(
                            "tuple for {} must only contain str, not {}",
                            if start { "startswith" } else { "endswith" },
                            text::type_name(p)
                        ),
                    );
                }
            }
            ps.iter().any(|p| check(s(p)))
        }
        other => {
            return raise(
                "TypeError",
                format!(
                    "{} first arg must be str or a tuple of str, not {}",
                    if start { "startswith" } else { "endswith" },
                    text::type_name(other)
                ),
            )
        }
    }))
}

/// `str.isdigit` for one character: a decimal digit, or one of the other
/// digits (superscripts, circled digits ...) of CPython 3.11's database.
fn is_digit(c: char) -> bool {
    const OTHER_DIGITS: [(u32, u32); 20] = [
        (0xB2, 0xB3),
        (0xB9, 0xB9),
        (0x1369, 0x1371),
        (0x19DA, 0x19DA),
        (0x2070, 0x2070),
        (0x2074, 0x2079),
        (0x2080, 0x2089),
        (0x2460, 0x2468),
        (0x2474, 0x247C),
        (0x2488, 0x2490),
        (0x24EA, 0x24EA),
        (0x24F5, 0x24FD),
        (0x24FF, 0x24FF),
        (0x2776, 0x277E),
        (0x2780, 0x2788),
        (0x278A, 0x2792),
        (0x10A40, 0x10A43),
        (0x10E60, 0x10E68),
        (0x11052, 0x1105A),
        (0x1F100, 0x1F10A),
    ];
    let u = c as u32;
    regex::is_decimal(u) || OTHER_DIGITS.iter().any(|&(a, b)| (a..=b).contains(&u))
}

fn expandtabs(this: &Value, args: &[Value], mut kwargs: Kwargs) -> PyResult<Value> {
    arity("expandtabs", args, 0, 1)?;
    let size = int_arg(args.first().or(take_kw(&mut kwargs, "tabsize").as_ref()), 8)?;
    crate::native::invalid_keywords("expandtabs", &kwargs)?;
    let mut out = String::new();
    let mut col = 0i64;
    for c in s(this).chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    ops::check_size(out.len() as u128 + n as u128, 1)?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

fn char_test(this: &Value, f: fn(char) -> bool) -> PyResult<Value> {
    let st = s(this);
    Ok(Value::Bool(!st.is_empty() && st.chars().all(f)))
}

const STR: &[(&str, Method)] = &[
    ("join", join),
    ("split", |t, a, k| split(t, a, k, false)),
    ("rsplit", |t, a, k| split(t, a, k, true)),
    ("strip", |t, a, _| strip_with(t, a, true, true)),
    ("lstrip", |t, a, _| strip_with(t, a, true, false)),
    ("rstrip", |t, a, _| strip_with(t, a, false, true)),
    ("upper", |t, _, _| Ok(Value::string(s(t).to_uppercase()))),
    ("lower", |t, _, _| Ok(Value::string(s(t).to_lowercase()))),
    ("casefold", |t, _, _| Ok(Value::string(s(t).to_lowercase().replace('ß', "ss")))),
    ("swapcase", |t, _, _| {
        Ok(Value::string(
            s(t).chars()
                .flat_map(|c| {
                    // Titlecase letters (`ǅ`) are neither, and stay.
                    if c.is_uppercase() {
                        c.to_lowercase().collect::<Vec<_>>()
                    } else if c.is_lowercase() {
                        c.to_uppercase().collect()
                    } else {
                        vec![c]
                    }
                })
                .collect(),
        ))
    }),
    ("title", |t, _, _| Ok(Value::string(super::titlecase::title(s(t))))),
    ("capitalize", |t, _, _| Ok(Value::string(super::titlecase::capitalize(s(t))))),
    ("startswith", |t, a, _| affix(t, &a, true)),
    ("endswith", |t, a, _| affix(t, &a, false)),
    ("replace", |t, a, _| {
        arity("replace", &a, 2, 3)?;
        let (old, new) = (str_of(&a[0], "replace() argument 1")?, str_of(&a[1], "replace() argument 2")?);
        let count = int_arg(a.get(2), -1)?;
        let st = s(t);
        if new.len() > old.len() {
            // Empty `old` matches between every two characters and at both ends.
            let hits = if old.is_empty() { st.chars().count() + 1 } else { st.matches(&*old).count() };
            let hits = if count < 0 { hits } else { hits.min(count as usize) };
            ops::check_size(st.len() as u128 + hits as u128 * (new.len() - old.len()) as u128, 1)?;
        }
        Ok(Value::string(if count < 0 {
            st.replace(&*old, &new)
        } else {
            st.replacen(&*old, &new, count as usize)
        }))
    }),
    ("find", |t, a, _| Ok(Value::Int(find(t, &a, false)?.map(|i| i as i64).unwrap_or(-1)))),
    ("rfind", |t, a, _| Ok(Value::Int(find(t, &a, true)?.map(|i| i as i64).unwrap_or(-1)))),
    ("index", |t, a, _| match find(t, &a, false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => raise("ValueError", "substring not found"),
    }),
    ("rindex", |t, a, _| match find(t, &a, true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => raise("ValueError", "substring not found"),
    }),
    ("count", |t, a, _| {
        arity("count", &a, 1, 3)?;
        let sub = str_of(&a[0], "must be str")?;
        let Some(st) = char_window(t, &a[1..])? else {
            return Ok(Value::Int(0));
        };
        Ok(Value::Int(if sub.is_empty() {
            st.chars().count() as i64 + 1
        } else {
            st.matches(&*sub).count() as i64
        }))
    }),
    ("format", |t, a, k| super::strfmt::str_format(s(t), &a, &k).map(Value::string)),
    ("format_map", |t, a, _| {
        arity("format_map", &a, 1, 1)?;
        super::strfmt::str_format_map(s(t), &a[0]).map(Value::string)
    }),
    ("ljust", |t, a, _| pad(t, a, 'l')),
    ("rjust", |t, a, _| pad(t, a, 'r')),
    ("center", |t, a, _| pad(t, a, 'c')),
    ("zfill", |t, a, _| {
        arity("zfill", &a, 1, 1)?;
        let width = int_arg(a.first(), 0)?.max(0) as usize;
        let st = s(t);
        let n = st.chars().count();
        if n >= width {
            return Ok(t.clone());
        }
        ops::check_size(width as u128, 1)?;
        let (sign, rest) = match st.chars().next() {
            Some(c @ ('+' | '-')) => (c.to_string(), &st[1..]),
            _ => (String::new(), st),
        };
        Ok(Value::string(format!("{sign}{}{rest}", "0".repeat(width - n))))
    }),
    ("isdigit", |t, _, _| char_test(t, is_digit)),
    ("isdecimal", |t, _, _| char_test(t, |c| regex::is_decimal(c as u32))),
    ("isnumeric", |t, _, _| char_test(t, char::is_numeric)),
    ("isalpha", |t, _, _| char_test(t, char::is_alphabetic)),
    ("isalnum", |t, _, _| char_test(t, |c| regex::is_alnum(c as u32))),
    ("isspace", |t, _, _| char_test(t, |c| regex::is_space(c as u32))),
    ("isidentifier", |t, _, _| Ok(Value::Bool(regex::is_identifier(s(t))))),
    ("isupper", |t, _, _| {
        let st = s(t);
        Ok(Value::Bool(st.chars().any(char::is_uppercase) && !st.chars().any(char::is_lowercase)))
    }),
    ("islower", |t, _, _| {
        let st = s(t);
        Ok(Value::Bool(st.chars().any(char::is_lowercase) && !st.chars().any(char::is_uppercase)))
    }),
    ("splitlines", |t, a, mut kw| {
        let keep = a.first().cloned().or_else(|| take_kw(&mut kw, "keepends"));
        crate::native::invalid_keywords("splitlines", &kw)?;
        let keep = keep.map(|k| ops::truthy(&k)).transpose()?.unwrap_or(false);
        Ok(Value::list(split_lines(s(t), keep).into_iter().map(Value::str).collect()))
    }),
    // A static method: `str.maketrans(x[, y[, z]])`.
    ("maketrans", |_, a, _| maketrans(&a)),
    ("translate", |t, a, _| {
        arity("translate", &a, 1, 1)?;
        let mut out = String::new();
        for c in s(t).chars() {
            match ops::getitem(&a[0], &Value::Int(c as i64)) {
                Ok(Value::None) => {}
                Ok(Value::Int(i)) => out.push(char_of(i)?),
                Ok(Value::Str(r)) => out.push_str(&r),
                Ok(other) => {
                    return raise(
                        "TypeError",
                        format!(
                            "character mapping must return integer, None or str, not {}",
                            text::type_name(&other)
                        ),
                    )
                }
                Err(e) if e.is("LookupError") || e.is("KeyError") || e.is("IndexError") => out.push(c),
                Err(e) => return Err(e),
            }
        }
        Ok(Value::string(out))
    }),
    ("partition", |t, a, _| {
        arity("partition", &a, 1, 1)?;
        let sep = str_of(&a[0], "must be str")?;
        if sep.is_empty() {
            return raise("ValueError", "empty separator");
        }
        let st = s(t);
        Ok(match st.find(&*sep) {
            Some(i) => Value::tuple(vec![
                Value::str(&st[..i]),
                Value::Str(sep.clone()),
                Value::str(&st[i + sep.len()..]),
            ]),
            None => Value::tuple(vec![t.clone(), Value::str(""), Value::str("")]),
        })
    }),
    ("rpartition", |t, a, _| {
        arity("rpartition", &a, 1, 1)?;
        let sep = str_of(&a[0], "must be str")?;
        if sep.is_empty() {
            return raise("ValueError", "empty separator");
        }
        let st = s(t);
        Ok(match st.rfind(&*sep) {
            Some(i) => Value::tuple(vec![
                Value::str(&st[..i]),
                Value::Str(sep.clone()),
                Value::str(&st[i + sep.len()..]),
            ]),
            None => Value::tuple(vec![Value::str(""), Value::str(""), t.clone()]),
        })
    }),
    ("removeprefix", |t, a, _| {
        let p = str_of(super::one("removeprefix", &a)?, "must be str")?;
        Ok(Value::str(s(t).strip_prefix(&*p).unwrap_or(s(t))))
    }),
    ("removesuffix", |t, a, _| {
        let p = str_of(super::one("removesuffix", &a)?, "must be str")?;
        Ok(Value::str(s(t).strip_suffix(&*p).unwrap_or(s(t))))
    }),
    ("expandtabs", |t, a, k| expandtabs(t, &a, k)),
    ("istitle", |t, _, _| Ok(Value::Bool(super::titlecase::is_title(s(t))))),
    ("isascii", |t, _, _| Ok(Value::Bool(s(t).is_ascii()))),
    ("isprintable", |t, _, _| Ok(Value::Bool(s(t).chars().all(asyncio_engine::pyvalue::is_printable)))),
    ("encode", |_, _, _| raise("NotImplementedError", "bytes are not supported in the playground")),
    ("__len__", |t, _, _| Ok(Value::Int(s(t).chars().count() as i64))),
];

fn list_of(v: &Value) -> &Rc<crate::value::ListCell> {
    match v {
        Value::List(l) => l,
        _ => unreachable_list(),
    }
}

#[allow(clippy::panic)]
fn unreachable_list() -> ! {
    // Only list values reach the LIST table (see `lookup`).
    panic!("list method on a non-list")
}

fn index_in(items: &[Value], x: &Value, args: &[Value], what: &str) -> PyResult<Value> {
    let n = items.len() as i64;
    let (start, end) = window_bounds(n, bound_arg(args.get(1), 0)?, bound_arg(args.get(2), n)?);
    for (i, v) in items.iter().enumerate().take(end).skip(start) {
        if v.is(x) || ops::eq(v, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    match what {
        "list" => raise("ValueError", format!("{} is not in list", text::repr(x)?)),
        _ => raise("ValueError", "tuple.index(x): x not in tuple"),
    }
}

const LIST: &[(&str, Method)] = &[
    ("append", |t, a, _| {
        arity("append", &a, 1, 1)?;
        let l = list_of(t);
        let n = l.borrow().len();
        if n % 4096 == 4095 {
            ops::charge_memory(4096 * 16)?;
        }
        l.borrow_mut().push(a.into_iter().next().unwrap_or_default());
        Ok(Value::None)
    }),
    ("extend", |t, a, _| {
        arity("extend", &a, 1, 1)?;
        let items = iter::collect(&a[0])?;
        ops::charge_memory(items.len() * 16)?;
        list_of(t).borrow_mut().extend(items);
        Ok(Value::None)
    }),
    ("insert", |t, a, _| {
        arity("insert", &a, 2, 2)?;
        let l = list_of(t);
        let n = l.borrow().len() as i64;
        let i = int_arg(a.first(), 0)?;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        l.borrow_mut().insert(i, a[1].clone());
        Ok(Value::None)
    }),
    ("pop", |t, a, _| {
        arity("pop", &a, 0, 1)?;
        let l = list_of(t);
        let n = l.borrow().len();
        if n == 0 {
            return raise("IndexError", "pop from empty list");
        }
        let i = int_arg(a.first(), -1)?;
        match ops::seq_index(&Value::Int(i), n)? {
            Some(i) => Ok(l.borrow_mut().remove(i)),
            None => raise("IndexError", "pop index out of range"),
        }
    }),
    ("remove", |t, a, _| {
        arity("remove", &a, 1, 1)?;
        let l = list_of(t);
        let items = l.borrow().clone();
        for (i, v) in items.iter().enumerate() {
            if v.is(&a[0]) || ops::eq(v, &a[0])? {
                l.borrow_mut().remove(i);
                return Ok(Value::None);
            }
        }
        raise("ValueError", "list.remove(x): x not in list")
    }),
    ("index", |t, a, _| {
        arity("index", &a, 1, 3)?;
        let items = list_of(t).borrow().clone();
        index_in(&items, &a[0], &a, "list")
    }),
    ("count", |t, a, _| {
        arity("count", &a, 1, 1)?;
        let items = list_of(t).borrow().clone();
        let mut n = 0;
        for v in &items {
            if v.is(&a[0]) || ops::eq(v, &a[0])? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    }),
    ("sort", |t, a, mut k| {
        if !a.is_empty() {
            return raise("TypeError", "sort() takes no positional arguments");
        }
        let key = take_kw(&mut k, "key");
        let reverse = take_kw(&mut k, "reverse");
        crate::native::invalid_keywords("sort", &k)?;
        let l = list_of(t);
        // The list is empty while it is sorted, as in CPython.
        let mut items = std::mem::take(&mut *l.borrow_mut());
        let r = super::sorting::sort(&mut items, key.as_ref(), reverse.as_ref());
        let modified = !std::mem::replace(&mut *l.borrow_mut(), items).is_empty();
        r?;
        if modified {
            return raise("ValueError", "list modified during sort");
        }
        Ok(Value::None)
    }),
    ("reverse", |t, _, _| {
        list_of(t).borrow_mut().reverse();
        Ok(Value::None)
    }),
    ("copy", |t, _, _| Ok(Value::list(list_of(t).borrow().clone()))),
    ("clear", |t, _, _| {
        // Freed from the last item, as CPython's list_clear frees them.
        let old = std::mem::take(&mut *list_of(t).borrow_mut());
        drop(crate::value::ListCell(std::cell::RefCell::new(old)));
        Ok(Value::None)
    }),
];

fn dict_of(v: &Value) -> &Rc<Dict> {
    match v {
        Value::Dict(d) => d,
        _ => unreachable_list(),
    }
}

const DICT: &[(&str, Method)] = &[
    ("get", |t, a, _| {
        arity("get", &a, 1, 2)?;
        Ok(ops::dict_get(dict_of(t), &a[0])?.unwrap_or_else(|| a.get(1).cloned().unwrap_or(Value::None)))
    }),
    ("keys", |t, _, _| Ok(super::views::view(dict_of(t), super::views::ViewKind::Keys))),
    ("values", |t, _, _| Ok(super::views::view(dict_of(t), super::views::ViewKind::Values))),
    ("items", |t, _, _| Ok(super::views::view(dict_of(t), super::views::ViewKind::Items))),
    ("pop", |t, a, _| {
        arity("pop", &a, 1, 2)?;
        match ops::dict_remove(dict_of(t), &a[0])? {
            Some(v) => Ok(v),
            None => match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(with_args("KeyError", vec![a[0].clone()])),
            },
        }
    }),
    ("popitem", |t, _, _| {
        let d = dict_of(t);
        let item = d.table.borrow_mut().pop_last();
        d.touch();
        match item {
            Some((k, v)) => Ok(Value::tuple(vec![k, v])),
            None => raise("KeyError", "popitem(): dictionary is empty"),
        }
    }),
    ("setdefault", |t, a, _| {
        arity("setdefault", &a, 1, 2)?;
        let d = dict_of(t);
        match ops::dict_get(d, &a[0])? {
            Some(v) => Ok(v),
            None => {
                let v = a.get(1).cloned().unwrap_or(Value::None);
                ops::dict_set(d, a[0].clone(), v.clone())?;
                Ok(v)
            }
        }
    }),
    ("update", |t, a, k| {
        arity("update", &a, 0, 1)?;
        let d = dict_of(t);
        if let Some(src) = a.first() {
            super::construct::dict_update(d, src)?;
        }
        for (key, v) in k {
            ops::dict_set(d, Value::Str(key), v)?;
        }
        Ok(Value::None)
    }),
    ("copy", |t, _, _| {
        let src = dict_of(t);
        let d = Dict::new();
        *d.table.borrow_mut() = src.table.borrow().clone();
        *d.default_factory.borrow_mut() = src.default_factory.borrow().clone();
        d.kind.set(src.kind.get());
        Ok(Value::Dict(d))
    }),
    ("clear", |t, _, _| {
        let d = dict_of(t);
        d.table.borrow_mut().clear();
        d.touch();
        Ok(Value::None)
    }),
];

/// `str.splitlines`: at `\n`, `\r`, `\r\n` and the other line boundaries
/// Python knows (`\v`, `\f`, `\x1c`-`\x1e`, `\x85`, `\u2028`, `\u2029`).
fn split_lines(text: &str, keep: bool) -> Vec<&str> {
    let is_break = |c: char| {
        matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
    };
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(is_break) {
        let c = rest[i..].chars().next().map_or(1, char::len_utf8);
        let end = if rest[i..].starts_with("\r\n") { i + 2 } else { i + c };
        out.push(if keep { &rest[..end] } else { &rest[..i] });
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

fn char_of(i: i64) -> PyResult<char> {
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(c),
        None => raise("ValueError", "character mapping must be in range(0x110000)"),
    }
}

/// `str.maketrans`: a dict from code points to code points, strings or None.
fn maketrans(a: &[Value]) -> PyResult<Value> {
    let d = Dict::new();
    match a {
        [Value::Dict(src)] => {
            for (k, v) in src.table.borrow().items() {
                let key = match &k {
                    Value::Str(s) if s.chars().count() == 1 => {
                        Value::Int(s.chars().next().map_or(0, |c| c as i64))
                    }
                    Value::Int(_) => k.clone(),
                    _ => return raise("ValueError", "string keys in translate table must be of length 1"),
                };
                ops::dict_set(&d, key, v)?;
            }
        }
        [_] => return raise("TypeError", "if you give only one argument to maketrans it must be a dict"),
        [Value::Str(x), Value::Str(y), rest @ ..] if rest.len() <= 1 => {
            if x.chars().count() != y.chars().count() {
                return raise("ValueError", "the first two maketrans arguments must have equal length");
            }
            for (p, q) in x.chars().zip(y.chars()) {
                ops::dict_set(&d, Value::Int(p as i64), Value::Int(q as i64))?;
            }
            if let Some(Value::Str(z)) = rest.first() {
                for c in z.chars() {
                    ops::dict_set(&d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => return raise("TypeError", "maketrans() arguments must be str"),
    }
    Ok(Value::Dict(d))
}

fn set_of(v: &Value) -> &Rc<SetObj> {
    match v {
        Value::Set(s) => s,
        _ => unreachable_list(),
    }
}

fn as_set(v: &Value) -> PyResult<Rc<SetObj>> {
    match v {
        Value::Set(s) => Ok(s.clone()),
        _ => match super::construct(&crate::interp::interp().types.set, vec![v.clone()], vec![])? {
            Value::Set(s) => Ok(s),
            _ => raise("TypeError", "expected a set"),
        },
    }
}

/// The set methods a frozenset lacks.
const SET_MUTATORS: &[&str] = &[
    "add",
    "discard",
    "remove",
    "pop",
    "clear",
    "update",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
];

const SET: &[(&str, Method)] = &[
    ("add", |t, a, _| {
        arity("add", &a, 1, 1)?;
        ops::set_add(set_of(t), a[0].clone())?;
        Ok(Value::None)
    }),
    ("discard", |t, a, _| {
        arity("discard", &a, 1, 1)?;
        ops::set_remove(set_of(t), &a[0])?;
        Ok(Value::None)
    }),
    ("remove", |t, a, _| {
        arity("remove", &a, 1, 1)?;
        if !ops::set_remove(set_of(t), &a[0])? {
            return Err(with_args("KeyError", vec![a[0].clone()]));
        }
        Ok(Value::None)
    }),
    ("pop", |t, _, _| match sets::pop(set_of(t)) {
        Some(k) => Ok(k),
        None => raise("KeyError", "pop from an empty set"),
    }),
    ("clear", |t, _, _| {
        sets::clear(set_of(t));
        Ok(Value::None)
    }),
    ("copy", |t, _, _| Ok(Value::Set(sets::copy(set_of(t))))),
    ("update", |t, a, _| {
        for src in a {
            sets::update(set_of(t), &src)?;
        }
        Ok(Value::None)
    }),
    ("union", |t, a, _| Ok(Value::Set(sets::union(set_of(t), &a)?))),
    ("intersection_update", |t, a, _| {
        sets::intersection_update(set_of(t), &a)?;
        Ok(Value::None)
    }),
    ("difference_update", |t, a, _| {
        for other in a {
            sets::difference_update(set_of(t), &other)?;
        }
        Ok(Value::None)
    }),
    ("symmetric_difference_update", |t, a, _| {
        sets::symmetric_difference_update(set_of(t), super::one("symmetric_difference_update", &a)?)?;
        Ok(Value::None)
    }),
    ("intersection", |t, a, _| Ok(Value::Set(sets::intersection_multi(set_of(t), &a)?))),
    ("difference", |t, a, _| Ok(Value::Set(sets::difference_multi(set_of(t), &a)?))),
    ("symmetric_difference", |t, a, _| {
        Ok(Value::Set(sets::symmetric_difference(set_of(t), super::one("symmetric_difference", &a)?)?))
    }),
    ("issubset", |t, a, _| {
        let other = as_set(super::one("issubset", &a)?)?;
        ops::compare(crate::ast::CmpOp::LtE, t, &Value::Set(other)).map(Value::Bool)
    }),
    ("issuperset", |t, a, _| {
        let other = as_set(super::one("issuperset", &a)?)?;
        ops::compare(crate::ast::CmpOp::GtE, t, &Value::Set(other)).map(Value::Bool)
    }),
    ("isdisjoint", |t, a, _| {
        let other = as_set(super::one("isdisjoint", &a)?)?;
        Ok(Value::Bool(sets::intersection(set_of(t), &Value::Set(other))?.is_empty()))
    }),
];

const TUPLE: &[(&str, Method)] = &[
    ("index", |t, a, _| {
        arity("index", &a, 1, 3)?;
        let items = iter::collect(t)?;
        index_in(&items, &a[0], &a, "tuple")
    }),
    ("count", |t, a, _| {
        arity("count", &a, 1, 1)?;
        let mut n = 0;
        for v in iter::collect(t)? {
            if v.is(&a[0]) || ops::eq(&v, &a[0])? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    }),
];

const INT: &[(&str, Method)] = &[
    ("bit_length", |t, _, _| {
        Ok(Value::Int(match t {
            Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
            Value::Bool(b) => *b as i64,
            Value::Big(b) => b.bit_length() as i64,
            _ => 0,
        }))
    }),
    ("is_integer", |_, _, _| Ok(Value::Bool(true))),
    ("bit_count", |t, _, _| {
        Ok(Value::Int(match t {
            Value::Int(i) => i.unsigned_abs().count_ones() as i64,
            Value::Bool(b) => *b as i64,
            Value::Big(b) => b.to_str_radix_abs(2).bytes().filter(|&c| c == b'1').count() as i64,
            _ => 0,
        }))
    }),
    ("as_integer_ratio", |t, _, _| {
        let n = if let Value::Bool(b) = t { Value::Int(*b as i64) } else { t.clone() };
        Ok(Value::tuple(vec![n, Value::Int(1)]))
    }),
    ("conjugate", |t, _, _| Ok(t.clone())),
    ("__index__", |t, _, _| Ok(t.clone())),
];

const FLOAT: &[(&str, Method)] = &[
    ("is_integer", |t, _, _| Ok(Value::Bool(t.as_f64().is_some_and(|f| f.is_finite() && f.fract() == 0.0)))),
    ("conjugate", |t, _, _| Ok(t.clone())),
    ("as_integer_ratio", |t, _, _| float_ratio(t.as_f64().unwrap_or(0.0))),
    ("hex", |t, _, _| Ok(Value::string(super::floathex::hex(t.as_f64().unwrap_or(0.0))))),
];

/// `float.as_integer_ratio()`: the exact fraction, in lowest terms.
fn float_ratio(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return raise("ValueError", "cannot convert NaN to integer ratio");
    }
    if x.is_infinite() {
        return raise("OverflowError", "cannot convert Infinity to integer ratio");
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mant, mut exp) =
        if exp_bits == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp_bits - 1075) };
    if mant == 0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let zeros = (mant.trailing_zeros() as i64).min(-exp).max(0);
    mant >>= zeros;
    exp += zeros;
    let shifted = |m: u64, shift: i64| -> PyResult<Value> {
        let b = crate::bigint::BigInt::from_u64(m).shl(shift as u64);
        Ok(Value::from_big(
            b.map_err(|_| asyncio_engine::Exception::new("OverflowError", "integer ratio too large"))?,
        ))
    };
    let (n, d) = if exp >= 0 {
        (shifted(mant, exp)?, Value::Int(1))
    } else {
        (Value::Int(mant as i64), shifted(1, -exp)?)
    };
    let n = if x < 0.0 { crate::interp::ops::unary(crate::ast::UnaryOp::Neg, &n)? } else { n };
    Ok(Value::tuple(vec![n, d]))
}

/// `Builtin` for a callable taking only keyword arguments or none (helper for modules).
pub fn call_with(f: &Value, args: Vec<Value>) -> PyResult<Value> {
    call_sync(f, args, vec![])
}
