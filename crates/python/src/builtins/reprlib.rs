//! `reprlib.repr` with its default limits, as asyncio shortens a future's
//! result and a callback's arguments: six items of a list, tuple, set or
//! deque, four of a dict, 30 characters of a str (its ends around `...`),
//! 40 digits of an int, 30 characters of any other repr, six levels deep.

use crate::interp::{ops, text};
use crate::value::Value;
use asyncio_engine::PyResult;

const FILL: &str = "...";

/// `reprlib.repr(v)`.
pub fn repr(v: &Value) -> PyResult<String> {
    repr1(v, 6)
}

fn repr1(v: &Value, level: u32) -> PyResult<String> {
    match v {
        Value::Tuple(t) => iterable(t, level, "(", ")", 6, ","),
        Value::List(l) => {
            let items = l.borrow().clone();
            iterable(&items, level, "[", "]", 6, "")
        }
        Value::Set(s) => {
            let frozen = s.frozen;
            let items = possibly_sorted(s.table.borrow().keys());
            match (items.is_empty(), frozen) {
                (true, false) => Ok("set()".to_string()),
                (true, true) => Ok("frozenset()".to_string()),
                (false, false) => iterable(&items, level, "{", "}", 6, ""),
                (false, true) => iterable(&items, level, "frozenset({", "})", 6, ""),
            }
        }
        Value::Dict(d)
            if d.kind.get() == crate::value::DictKind::Plain && d.default_factory.borrow().is_none() =>
        {
            dict(d, level)
        }
        Value::Str(s) => Ok(string(s)),
        Value::Int(_) | Value::Big(_) => Ok(middle(text::repr(v)?, 40)),
        Value::Object(_) if text::type_name(v) == "collections.deque" => {
            let items = crate::interp::iter::collect(v)?;
            iterable(&items, level, "deque([", "])", 6, "")
        }
        _ => Ok(match text::repr(v) {
            Ok(r) => middle(r, 30),
            Err(_) => format!("<{} instance at {:#x}>", text::type_name(v), v.id()),
        }),
    }
}

/// `_repr_iterable`.
fn iterable(
    items: &[Value],
    level: u32,
    left: &str,
    right: &str,
    max: usize,
    trail: &str,
) -> PyResult<String> {
    let body = if level == 0 && !items.is_empty() {
        FILL.to_string()
    } else {
        let mut pieces = items
            .iter()
            .take(max)
            .map(|x| repr1(x, level.saturating_sub(1)))
            .collect::<PyResult<Vec<_>>>()?;
        if items.len() > max {
            pieces.push(FILL.to_string());
        }
        pieces.join(", ")
    };
    let right = if items.len() == 1 { format!("{trail}{right}") } else { right.to_string() };
    Ok(format!("{left}{body}{right}"))
}

fn dict(d: &crate::value::Dict, level: u32) -> PyResult<String> {
    let keys = d.table.borrow().keys();
    if keys.is_empty() {
        return Ok("{}".to_string());
    }
    if level == 0 {
        return Ok(format!("{{{FILL}}}"));
    }
    let n = keys.len();
    let mut pieces = Vec::new();
    for k in possibly_sorted(keys).into_iter().take(4) {
        let v = ops::dict_get(d, &k)?.unwrap_or(Value::None);
        pieces.push(format!("{}: {}", repr1(&k, level - 1)?, repr1(&v, level - 1)?));
    }
    if n > 4 {
        pieces.push(FILL.to_string());
    }
    Ok(format!("{{{}}}", pieces.join(", ")))
}

/// `_possibly_sorted`: sorted when the items compare, else as they are.
fn possibly_sorted(mut items: Vec<Value>) -> Vec<Value> {
    match crate::builtins::sorting::sort(&mut items, None, None) {
        Ok(()) => items,
        Err(_) => items,
    }
}

/// `repr_str`: the repr of the first 30 characters, or of its ends around `...`.
fn string(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let head: String = chars.iter().take(30).collect();
    let r = asyncio_engine::pyvalue::repr_str(&head);
    if r.chars().count() <= 30 {
        return r;
    }
    let (i, j) = (13, 14);
    let ends: String =
        chars[..i.min(chars.len())].iter().chain(&chars[chars.len().saturating_sub(j)..]).collect();
    let r = asyncio_engine::pyvalue::repr_str(&ends);
    let rc: Vec<char> = r.chars().collect();
    let front: String = rc[..i.min(rc.len())].iter().collect();
    let back: String = rc[rc.len().saturating_sub(j)..].iter().collect();
    format!("{front}{FILL}{back}")
}

/// A repr longer than `max`: its ends around `...`.
fn middle(r: String, max: usize) -> String {
    let chars: Vec<char> = r.chars().collect();
    if chars.len() <= max {
        return r;
    }
    let i = (max - 3) / 2;
    let j = max - 3 - i;
    let front: String = chars[..i].iter().collect();
    let back: String = chars[chars.len() - j..].iter().collect();
    format!("{front}{FILL}{back}")
}
