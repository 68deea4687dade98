//! The compiled-pattern helpers behind `re` (`py/re.py`): `_re_compile`,
//! `_re_info` and `_re_scan`, over the engine in `crate::regex`. Matching
//! counts against the statement budget, so a catastrophic pattern is a
//! runaway, never a frozen tab.

use std::any::Any;
use std::rc::Rc;

use crate::interp::exc::raise;
use crate::interp::{budget, interp};
use crate::native::{Kwargs, Native};
use crate::object::Class;
use crate::regex::{compile, Mode, Regex, Spans};

/// A match: its spans and its `lastindex`.
type Found = (Spans, Option<usize>);
use crate::value::Value;
use asyncio_engine::PyResult;

/// A compiled pattern, held by a `re.Pattern`.
pub struct Program(Regex);

impl Native for Program {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("_sre_program")
    }
}

fn int_arg(args: &[Value], i: usize) -> usize {
    args.get(i).and_then(Value::as_i64).map_or(0, |n| n.max(0) as usize)
}

/// `_re_compile(pattern, flags)`: the program, or `(message, pos)` of the
/// `re.error` to raise; CPython's errors that are not `re.error` are raised.
pub fn compile_fn(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let (Some(Value::Str(pattern)), Some(flags)) = (args.first(), args.get(1).and_then(Value::as_i64)) else {
        return raise("TypeError", "_re_compile() takes a pattern and flags");
    };
    match compile(pattern, flags as u32) {
        Ok(re) => Ok(Value::native(Program(re))),
        Err(e) if e.msg == "the repetition number is too large" => raise("OverflowError", e.msg),
        Err(e) if e.msg.starts_with("cannot use LOCALE") || e.msg.starts_with("ASCII and UNICODE") => {
            raise("ValueError", e.msg)
        }
        Err(e) => {
            let pos = e.pos.map_or(Value::None, |p| Value::Int(p as i64));
            Ok(Value::tuple(vec![Value::string(e.msg), pos]))
        }
    }
}

fn program(v: Option<&Value>) -> PyResult<&Regex> {
    match v.and_then(|v| v.as_native::<Program>()) {
        Some(p) => Ok(&p.0),
        None => raise("TypeError", "not a compiled pattern"),
    }
}

/// `_re_info(program)`: `(groups, ((name, index), ...), flags)`.
pub fn info_fn(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let re = program(args.first())?;
    let names = re
        .group_names()
        .into_iter()
        .map(|(n, i)| Value::tuple(vec![Value::string(n), Value::Int(i as i64)]))
        .collect();
    Ok(Value::tuple(vec![
        Value::Int(re.groups() as i64),
        Value::tuple(names),
        Value::Int(i64::from(re.flags())),
    ]))
}

/// `_re_scan(program, string, pos, endpos, mode, limit)`: mode 0, 1, 2 is
/// one match, search or fullmatch (or None); mode 3 is every match as
/// `finditer` finds them (a list), at most `limit` of them when `limit` >
/// 0. A match is `(spans, lastindex)`, its spans a tuple of `(start, end)`
/// or None per group, in characters.
pub fn scan_fn(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let re = program(args.first())?;
    let Some(Value::Str(s)) = args.get(1) else {
        return raise("TypeError", "_re_scan() takes a string");
    };
    let text: Vec<char> = s.chars().collect();
    let (pos, endpos) = (int_arg(&args, 2).min(text.len()), int_arg(&args, 3).min(text.len()));
    let (mode, limit) = (int_arg(&args, 4), int_arg(&args, 5));
    let one = |mode| run(re, &text, pos, endpos, mode, false).map(|m| m.map_or(Value::None, found_value));
    match mode {
        0 => one(Mode::Match),
        1 => one(Mode::Search),
        2 => one(Mode::FullMatch),
        _ => all(re, &text, pos, endpos, limit),
    }
}

/// Every match from `pos`: after an empty match the next must advance.
fn all(re: &Regex, text: &[char], mut pos: usize, endpos: usize, limit: usize) -> PyResult<Value> {
    let mut found = Vec::new();
    let mut must_advance = false;
    while pos <= endpos && (limit == 0 || found.len() < limit) {
        let Some(m) = run(re, text, pos, endpos, Mode::Search, must_advance)? else { break };
        let (start, end) = m.0.first().copied().flatten().unwrap_or((pos, pos));
        must_advance = start == end;
        pos = end;
        found.push(found_value(m));
    }
    Ok(Value::list(found))
}

/// One attempt, its steps counted against the statement budget.
fn run(
    re: &Regex,
    text: &[char],
    pos: usize,
    endpos: usize,
    mode: Mode,
    advance: bool,
) -> PyResult<Option<Found>> {
    let left = budget::remaining();
    let mut steps = left;
    let out = re.exec_full(text, pos, endpos, mode, advance, &mut steps);
    budget::spend(left - steps);
    match out {
        Ok(found) => Ok(found),
        Err(_) => {
            let it = interp();
            Err(crate::host::runaway(&it, "in a regular expression match", 0))
        }
    }
}

fn found_value((spans, lastindex): Found) -> Value {
    let span = |s: Option<(usize, usize)>| {
        s.map_or(Value::None, |(a, b)| Value::tuple(vec![Value::Int(a as i64), Value::Int(b as i64)]))
    };
    let last = lastindex.map_or(Value::None, |i| Value::Int(i as i64));
    Value::tuple(vec![Value::tuple(spans.into_iter().map(span).collect()), last])
}
