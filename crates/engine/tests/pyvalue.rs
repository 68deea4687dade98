//! `pyvalue::PyValue` against CPython 3.11's `repr()`, `str()` and rich
//! comparisons.
//!
//! The expectations are in `tests/data/pyvalue_cases.txt`, written by
//! `python3 scripts/gen_python_cases.py` (see the file's header for the format).

use asyncio_engine::pyvalue::{is_printable, repr_str, CompareOp, PyValue, MAX_DEPTH};

const CASES: &str = include_str!("data/pyvalue_cases.txt");

/// Parse one value from the prefix tokens.
fn parse<'a>(tokens: &mut impl Iterator<Item = &'a str>) -> PyValue {
    let token = tokens.next().expect("a value token");
    let count = |rest: &str| -> usize { rest.parse().unwrap() };
    match token {
        "N" => PyValue::None,
        "T" => PyValue::Bool(true),
        "F" => PyValue::Bool(false),
        _ if token.starts_with("i:") => PyValue::Int(token[2..].parse().unwrap()),
        _ if token.starts_with("f:") => PyValue::Float(token[2..].parse().unwrap()),
        _ if token.starts_with("s:") => {
            let hex = &token[2..];
            let bytes: Vec<u8> =
                (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
            PyValue::Str(String::from_utf8(bytes).unwrap())
        }
        _ if token.starts_with('L') => {
            PyValue::List((0..count(&token[1..])).map(|_| parse(tokens)).collect())
        }
        _ if token.starts_with('U') => {
            PyValue::Tuple((0..count(&token[1..])).map(|_| parse(tokens)).collect())
        }
        _ if token.starts_with('D') => {
            PyValue::Dict((0..count(&token[1..])).map(|_| (parse(tokens), parse(tokens))).collect())
        }
        _ => panic!("bad token {token:?}"),
    }
}

fn parse_value(text: &str) -> PyValue {
    let mut tokens = text.split(' ');
    let value = parse(&mut tokens);
    assert_eq!(tokens.next(), None, "trailing tokens in {text:?}");
    value
}

/// Undo the data file's escapes: `\\`, `\n`, `\r`, `\u{hex}`.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                assert_eq!(chars.next(), Some('{'));
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("bad escape {other:?} in {text:?}"),
        }
    }
    out
}

fn op(symbol: &str) -> CompareOp {
    match symbol {
        "<" => CompareOp::Lt,
        "<=" => CompareOp::Le,
        "==" => CompareOp::Eq,
        "!=" => CompareOp::Ne,
        ">" => CompareOp::Gt,
        ">=" => CompareOp::Ge,
        _ => panic!("bad operator {symbol}"),
    }
}

#[test]
fn repr_str_and_comparisons_match_cpython() {
    let mut lines = CASES.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty());
    let (mut values, mut comparisons) = (0, 0);
    let mut failures = Vec::new();
    while let Some((lineno, line)) = lines.next() {
        if let Some(encoded) = line.strip_prefix("v ") {
            let value = parse_value(encoded);
            let (_, repr_line) = lines.next().unwrap();
            let (_, str_line) = lines.next().unwrap();
            let want_repr = unescape(repr_line.strip_prefix("r ").unwrap());
            let want_str = unescape(str_line.strip_prefix("s ").unwrap());
            if value.repr() != want_repr {
                failures.push(format!("line {}: repr {:?}, want {want_repr:?}", lineno + 1, value.repr()));
            }
            if value.str() != want_str || value.to_string() != want_str {
                failures.push(format!("line {}: str {:?}, want {want_str:?}", lineno + 1, value.str()));
            }
            values += 1;
        } else if let Some(rest) = line.strip_prefix("c ") {
            let (symbol, operands) = rest.split_once(' ').unwrap();
            let mut tokens = operands.split(' ');
            let a = parse(&mut tokens);
            let b = parse(&mut tokens);
            assert_eq!(tokens.next(), None);
            let (_, want) = lines.next().unwrap();
            let want = want.strip_prefix("= ").unwrap();
            let got = match a.compare(&b, op(symbol)) {
                Ok(true) => "True".to_string(),
                Ok(false) => "False".to_string(),
                Err(message) => format!("!TypeError: {message}"),
            };
            if got != want {
                failures.push(format!(
                    "line {}: {} {symbol} {}: {got}, want {want}",
                    lineno + 1,
                    a.repr(),
                    b.repr()
                ));
            }
            // The named helpers agree with `compare`.
            let named = match symbol {
                "<" => a.lt(&b),
                "<=" => a.le(&b),
                ">" => a.gt(&b),
                ">=" => a.ge(&b),
                "==" => Ok(a.py_eq(&b)),
                _ => Ok(a.py_ne(&b)),
            };
            assert_eq!(named, a.compare(&b, op(symbol)));
            comparisons += 1;
        } else {
            panic!("line {}: unexpected {line:?}", lineno + 1);
        }
    }
    assert!(values >= 60, "only {values} values");
    assert!(comparisons >= 300, "only {comparisons} comparisons");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn from_impls() {
    assert_eq!(PyValue::from(3i64), PyValue::Int(3));
    assert_eq!(PyValue::from(3i32), PyValue::Int(3));
    assert_eq!(PyValue::from(3u32), PyValue::Int(3));
    assert_eq!(PyValue::from(0.5), PyValue::Float(0.5));
    assert_eq!(PyValue::from(true), PyValue::Bool(true));
    assert_eq!(PyValue::from("x"), PyValue::Str("x".into()));
    assert_eq!(PyValue::from(String::from("x")), PyValue::Str("x".into()));
    assert_eq!(PyValue::from(vec![PyValue::None]), PyValue::List(vec![PyValue::None]));
    assert_eq!(PyValue::from(None::<i64>), PyValue::None);
    assert_eq!(PyValue::from(Some(2)), PyValue::Int(2));
    assert_eq!(PyValue::from((1, "a")).repr(), "(1, 'a')");
    assert_eq!(PyValue::from((1.5, 2, "c")).repr(), "(1.5, 2, 'c')");
    assert_eq!(PyValue::tuple(vec![]).repr(), "()");
}

#[test]
fn names_and_helpers() {
    assert_eq!(PyValue::None.type_name(), "NoneType");
    assert_eq!(PyValue::Dict(vec![]).type_name(), "dict");
    assert_eq!(repr_str("a'b"), "\"a'b\"");
    assert!(is_printable(' '));
    assert!(!is_printable('\u{a0}'));
    assert!(!is_printable('\u{10ffff}'));
    assert!(is_printable('é'));
    assert_eq!(CompareOp::Ge.symbol(), ">=");
}

#[test]
fn printable_agrees_with_the_data_for_every_latin1_character() {
    // str.isprintable() for U+0000..U+00FF: printable except 0-0x1f, 0x7f-0xa0, 0xad.
    for code in 0u32..0x100 {
        let ch = char::from_u32(code).unwrap();
        let want = !(code < 0x20 || (0x7f..=0xa0).contains(&code) || code == 0xad);
        assert_eq!(is_printable(ch), want, "U+{code:04X}");
    }
}

#[test]
fn deep_nesting_neither_overflows_nor_panics() {
    let mut deep = PyValue::Int(1);
    for _ in 0..(MAX_DEPTH + 10) {
        deep = PyValue::List(vec![deep]);
    }
    let repr = deep.repr();
    let n = MAX_DEPTH + 10;
    assert_eq!(repr, format!("{}1{}", "[".repeat(n), "]".repeat(n)));
    assert_eq!(deep.lt(&deep.clone()), Err("maximum recursion depth exceeded in comparison".to_string()));
    assert!(!deep.py_eq(&deep.clone()));
    let mut shallow = PyValue::Int(1);
    for _ in 0..100 {
        shallow = PyValue::Tuple(vec![shallow, PyValue::None]);
    }
    assert!(shallow.py_eq(&shallow.clone()));
    assert_eq!(shallow.le(&shallow.clone()), Ok(true));
}
