//! Scenario parameters: their declarations, parsing `key=value` text exactly
//! as the oracle's `run.py` does, and their JSON form (`--params`).

use std::fmt::Write as _;

use asyncio_engine::pyfmt::float_repr;

/// A parameter's default, which also fixes its type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Default {
    Int(i64),
    Float(f64),
    Str(&'static str),
}

/// A range bound, printed as Python prints it (`0` or `0.0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
    fn py_str(self) -> String {
        match self {
            Num::Int(i) => i.to_string(),
            Num::Float(f) => float_repr(f),
        }
    }
}

/// One knob of a scenario, as the oracle's `PARAMS` declares it.
#[derive(Debug)]
pub struct ParamSpec {
    pub name: &'static str,
    pub default: Default,
    pub min: Option<Num>,
    pub max: Option<Num>,
    pub choices: Option<&'static [&'static str]>,
    pub help: &'static str,
}

impl ParamSpec {
    /// The default as a form and a URL write it (`3`, `2.0`, `ALL_COMPLETED`).
    pub fn default_text(&self) -> String {
        match self.default {
            Default::Int(i) => i.to_string(),
            Default::Float(f) => float_repr(f),
            Default::Str(s) => s.to_string(),
        }
    }
}

/// A parameter's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(i64),
    Float(f64),
    Str(String),
}

impl Value {
    /// `str(value)` as Python prints it.
    pub fn py_str(&self) -> String {
        match self {
            Value::Int(i) => i.to_string(),
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => s.clone(),
        }
    }
    /// `repr(value)`.
    pub fn py_repr(&self) -> String {
        match self {
            Value::Str(s) => py_str_repr(s),
            other => other.py_str(),
        }
    }
}

/// The values of every parameter of a scenario, in declaration order.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    values: Vec<(&'static str, Value)>,
}

impl Params {
    /// Every parameter at its default.
    pub fn defaults(specs: &'static [ParamSpec]) -> Params {
        Params {
            values: specs
                .iter()
                .map(|s| {
                    let v = match s.default {
                        Default::Int(i) => Value::Int(i),
                        Default::Float(f) => Value::Float(f),
                        Default::Str(t) => Value::Str(t.to_string()),
                    };
                    (s.name, v)
                })
                .collect(),
        }
    }
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.values.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
    /// An int parameter (0 if the scenario has no such int: a programming
    /// error caught by the oracle comparison, never a panic).
    pub fn int(&self, key: &str) -> i64 {
        match self.get(key) {
            Some(Value::Int(i)) => *i,
            Some(Value::Float(f)) => *f as i64,
            _ => 0,
        }
    }
    /// A float parameter.
    pub fn float(&self, key: &str) -> f64 {
        match self.get(key) {
            Some(Value::Float(f)) => *f,
            Some(Value::Int(i)) => *i as f64,
            _ => 0.0,
        }
    }
    /// A string parameter.
    pub fn str(&self, key: &str) -> &str {
        match self.get(key) {
            Some(Value::Str(s)) => s,
            _ => "",
        }
    }
    /// `(name, value)` pairs in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Value)> {
        self.values.iter().map(|(k, v)| (*k, v))
    }
    fn set(&mut self, key: &str, value: Value) {
        if let Some(slot) = self.values.iter_mut().find(|(k, _)| *k == key) {
            slot.1 = value;
        }
    }
}

/// Python's `repr()` of a string: single quotes unless the text has a single
/// quote and no double quote; backslash escapes for `\\`, the quote, `\n`,
/// `\r`, `\t` and other control characters.
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Remove Python's digit-group underscores (`1_000`); `None` when they are
/// misplaced.
fn strip_underscores(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let prev_digit = i > 0 && bytes[i - 1].is_ascii_digit();
            let next_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(prev_digit && next_digit) {
                return None;
            }
        } else {
            out.push(b as char);
        }
    }
    Some(out)
}

/// What went wrong parsing one parameter.
enum IntParse {
    Ok(i64),
    /// A valid integer too large for i64: its digits, for the range message.
    Huge(String),
    Bad,
}

/// Python's `int(text)` for base 10.
fn parse_int(text: &str) -> IntParse {
    let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let Some(clean) = strip_underscores(trimmed) else { return IntParse::Bad };
    let (sign, digits) = match clean.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", clean.strip_prefix('+').unwrap_or(&clean)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return IntParse::Bad;
    }
    match format!("{sign}{digits}").parse::<i64>() {
        Ok(v) => IntParse::Ok(v),
        Err(_) => {
            let significant = digits.trim_start_matches('0');
            IntParse::Huge(format!("{sign}{significant}"))
        }
    }
}

/// Python's `float(text)`, then `math.isfinite`.
fn parse_float(text: &str) -> Option<f64> {
    let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let clean = strip_underscores(trimmed)?;
    let lower = clean.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    // Rust accepts "inf"/"infinity"/"nan" too; they are not finite anyway.
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'+' | b'-'))
    {
        return None;
    }
    let value: f64 = clean.parse().ok()?;
    value.is_finite().then_some(value)
}

/// Parse `key=value` arguments over the defaults, with `run.py`'s messages.
///
/// # Errors
/// One line naming the problem: not `key=value`, an unknown key (listing the
/// known ones), a value of the wrong type, not one of the choices, or out of
/// range (naming the range).
pub fn parse_args<S: AsRef<str>>(specs: &'static [ParamSpec], args: &[S]) -> Result<Params, String> {
    let mut params = Params::defaults(specs);
    for arg in args {
        let arg = arg.as_ref();
        let Some((key, text)) = arg.split_once('=') else {
            return Err(format!("expected key=value, got {}", py_str_repr(arg)));
        };
        let Some(spec) = specs.iter().find(|s| s.name == key) else {
            let known: Vec<&str> = specs.iter().map(|s| s.name).collect();
            let known = if known.is_empty() { "none".to_string() } else { known.join(", ") };
            return Err(format!("unknown parameter {}; known: {known}", py_str_repr(key)));
        };
        let value = parse_value(spec, text)?;
        params.set(key, value);
    }
    Ok(params)
}

/// Parse and check one parameter's text.
///
/// # Errors
/// As [`parse_args`].
pub fn parse_value(spec: &ParamSpec, text: &str) -> Result<Value, String> {
    let key = spec.name;
    let value = match spec.default {
        Default::Int(_) => match parse_int(text) {
            IntParse::Ok(v) => Value::Int(v),
            IntParse::Huge(digits) => {
                return Err(format!(
                    "{key}={digits} is out of range [{}, {}]",
                    bound(spec.min),
                    bound(spec.max)
                ))
            }
            IntParse::Bad => return Err(format!("{key}: expected int, got {}", py_str_repr(text))),
        },
        Default::Float(_) => match parse_float(text) {
            Some(v) => Value::Float(v),
            None => return Err(format!("{key}: expected float, got {}", py_str_repr(text))),
        },
        Default::Str(_) => Value::Str(text.to_string()),
    };
    if let Some(choices) = spec.choices {
        let ok = match &value {
            Value::Str(s) => choices.contains(&s.as_str()),
            other => choices.contains(&other.py_str().as_str()),
        };
        if !ok {
            return Err(format!("{key}={} is not one of {}", value.py_repr(), choices.join(", ")));
        }
    }
    let x = match &value {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        Value::Str(_) => None,
    };
    if let Some(x) = x {
        let below = spec.min.is_some_and(|lo| num_lt(&value, x, lo, true));
        let above = spec.max.is_some_and(|hi| num_lt(&value, x, hi, false));
        if below || above {
            return Err(format!(
                "{key}={} is out of range [{}, {}]",
                value.py_repr(),
                bound(spec.min),
                bound(spec.max)
            ));
        }
    }
    Ok(value)
}

/// `value < bound` (or `value > bound` when `below` is false), exactly for
/// ints against int bounds.
fn num_lt(value: &Value, x: f64, bound: Num, below: bool) -> bool {
    match (value, bound) {
        (Value::Int(v), Num::Int(b)) => {
            if below {
                *v < b
            } else {
                *v > b
            }
        }
        _ => {
            if below {
                x < bound.as_f64()
            } else {
                x > bound.as_f64()
            }
        }
    }
}

fn bound(b: Option<Num>) -> String {
    b.map_or_else(|| "None".to_string(), Num::py_str)
}

/// A JSON string literal as `json.dumps(..., ensure_ascii=False)` writes it.
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_num(n: Option<Num>) -> String {
    n.map_or_else(|| "null".to_string(), Num::py_str)
}

/// The parameters as `json.dumps(PARAMS, indent=2, ensure_ascii=False)`.
pub fn params_json(specs: &[ParamSpec]) -> String {
    if specs.is_empty() {
        return "{}".to_string();
    }
    let mut out = String::from("{\n");
    for (i, spec) in specs.iter().enumerate() {
        let default = match spec.default {
            Default::Int(v) => v.to_string(),
            Default::Float(v) => float_repr(v),
            Default::Str(s) => json_str(s),
        };
        let _ = writeln!(out, "  {}: {{", json_str(spec.name));
        let _ = writeln!(out, "    \"default\": {default},");
        let _ = writeln!(out, "    \"min\": {},", json_num(spec.min));
        let _ = writeln!(out, "    \"max\": {},", json_num(spec.max));
        if let Some(choices) = spec.choices {
            out.push_str("    \"choices\": [\n");
            for (j, c) in choices.iter().enumerate() {
                let comma = if j + 1 < choices.len() { "," } else { "" };
                let _ = writeln!(out, "      {}{comma}", json_str(c));
            }
            out.push_str("    ],\n");
        }
        let _ = writeln!(out, "    \"help\": {}", json_str(spec.help));
        let comma = if i + 1 < specs.len() { "," } else { "" };
        let _ = writeln!(out, "  }}{comma}");
    }
    out.push('}');
    out
}
