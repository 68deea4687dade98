//! The regular-expression engine (`src/regex/`): its API, CPython's error
//! messages, and robustness (long texts without native recursion, budgets
//! for catastrophic patterns, nesting limits, random patterns never panic).

use asyncio_python::regex::{compile, Exhausted, Mode, ReError, ASCII, IGNORECASE, LOCALE, UNICODE};

type Spans = Vec<Option<(usize, usize)>>;

fn run(p: &str, t: &str, mode: Mode) -> Option<Spans> {
    let r = compile(p, 0).unwrap();
    let text: Vec<char> = t.chars().collect();
    let mut budget = 1_000_000_000u64;
    r.exec(&text, 0, text.len(), mode, false, &mut budget).unwrap()
}

fn err(p: &str) -> ReError {
    compile(p, 0).unwrap_err()
}

#[test]
fn spec_examples() {
    let g = run(r"(a|ab)(c|bcd)(d*)", "abcd", Mode::Match).unwrap();
    assert_eq!(g, vec![Some((0, 4)), Some((0, 1)), Some((1, 4)), Some((4, 4))]);
    assert_eq!(run(r"(a*)*b", "aaab", Mode::Match).unwrap()[1], Some((3, 3)));
    assert_eq!(run(r"(a)|b", "b", Mode::Match).unwrap()[1], None);
    assert_eq!(run(r"(?:(a)|b)+", "ab", Mode::Match).unwrap()[1], Some((0, 1)));
    assert_eq!(run(r"b", "ab", Mode::Search).unwrap()[0], Some((1, 2)));
    assert_eq!(run(r"a", "ab", Mode::FullMatch), None);
}

#[test]
fn api_accessors() {
    let r = compile(r"(?P<x>a)(b)(?P<y>c)", IGNORECASE).unwrap();
    assert_eq!(r.groups(), 3);
    assert_eq!(r.group_names(), vec![("x".to_string(), 1), ("y".to_string(), 3)]);
    assert_eq!(r.flags(), IGNORECASE | UNICODE);
    assert_eq!(compile("(?a)x", 0).unwrap().flags(), ASCII);
    let _ = format!("{:?}", r.clone());
}

#[test]
fn error_messages() {
    let cases: &[(&str, &str, Option<usize>)] = &[
        ("*", "nothing to repeat", Some(0)),
        ("a**", "multiple repeat", Some(2)),
        ("(a", "missing ), unterminated subpattern", Some(0)),
        ("a)", "unbalanced parenthesis", Some(1)),
        ("[a", "unterminated character set", Some(0)),
        (r"\q", r"bad escape \q", Some(0)),
        ("[z-a]", "bad character range z-a", Some(1)),
        ("(?P=x)", "unknown group name 'x'", Some(4)),
        (r"(a)\3", "invalid group reference 3", Some(4)),
        ("(?<x>a)", "unknown extension ?<x", Some(1)),
        ("(?P<>a)", "missing group name", Some(4)),
        ("(?P<1>a)", "bad character in group name '1'", Some(4)),
        ("(?P<a>x)(?P<a>y)", "redefinition of group name 'a' as group 2; was group 1", Some(12)),
        ("(?<=a*)b", "look-behind requires fixed-width pattern", None),
        ("a{3,2}", "min repeat greater than max repeat", Some(2)),
        ("a{99999999999}", "the repetition number is too large", None),
        (r"(a\1)", "cannot refer to an open group", Some(2)),
        ("(?z)", "unknown extension ?z", Some(1)),
        ("(?iz)", "unknown flag", Some(3)),
        ("(?i", "missing -, : or )", Some(3)),
        ("a(?i)", "global flags not at the start of the expression", Some(1)),
        (r"\x0", r"incomplete escape \x0", Some(0)),
        ("\\", "bad escape (end of pattern)", Some(0)),
        (r"\N{FOO}", "undefined character name 'FOO'", Some(0)),
    ];
    for &(p, msg, pos) in cases {
        let e = err(p);
        assert_eq!((e.msg.as_str(), e.pos), (msg, pos), "pattern {p:?}");
    }
    assert_eq!(compile("a", LOCALE).unwrap_err().msg, "cannot use LOCALE flag with a str pattern");
    assert_eq!(compile("a", ASCII | UNICODE).unwrap_err().msg, "ASCII and UNICODE flags are incompatible");
}

#[test]
fn long_text_uses_no_native_recursion() {
    let text: Vec<char> = "ab".repeat(100_000).chars().collect();
    let r = compile(r"(a|b)*c", 0).unwrap();
    let mut budget = u64::MAX;
    assert_eq!(r.exec(&text, 0, text.len(), Mode::Match, false, &mut budget), Ok(None));
    let big: Vec<char> = "x".repeat(1 << 20).chars().collect();
    let r = compile(r".*", 0).unwrap();
    let got = r.exec(&big, 0, big.len(), Mode::Match, false, &mut budget).unwrap().unwrap();
    assert_eq!(got[0], Some((0, 1 << 20)));
    let r = compile(r"(?:x|y)*$", 0).unwrap();
    let got = r.exec(&big, 0, big.len(), Mode::Search, false, &mut budget).unwrap().unwrap();
    assert_eq!(got[0], Some((0, 1 << 20)));
}

#[test]
fn catastrophic_patterns_exhaust_budget() {
    let text: Vec<char> = "a".repeat(30).chars().collect();
    for p in [r"(a*)*b", r"(a|a)*b", r"(?:a+)+b"] {
        let r = compile(p, 0).unwrap();
        let mut budget = 1_000_000u64;
        assert_eq!(r.exec(&text, 0, text.len(), Mode::Search, false, &mut budget), Err(Exhausted), "{p}");
    }
}

#[test]
fn nesting_limit_and_small_stack() {
    let deep = format!("{}a{}", "(".repeat(150), ")*".repeat(150));
    let handle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let r = compile(&deep, 0).unwrap();
            let text: Vec<char> = "aaaa".chars().collect();
            let mut budget = 10_000_000u64;
            r.exec(&text, 0, 4, Mode::Match, false, &mut budget).unwrap().is_some()
        })
        .unwrap();
    assert!(handle.join().unwrap());
    let too_deep = format!("{}a{}", "(".repeat(1000), ")".repeat(1000));
    assert_eq!(compile(&too_deep, 0).unwrap_err().msg, "too many nested groups");
}

#[test]
fn big_patterns_compile() {
    let p = "[\\x00-\\uffff]ab|".repeat(1_000) + &"[a-z]b|".repeat(20_000) + "x";
    let r = compile(&p, IGNORECASE).unwrap();
    let text: Vec<char> = "zAB".chars().collect();
    let mut budget = 100_000_000u64;
    assert!(r.exec(&text, 0, 3, Mode::Match, false, &mut budget).unwrap().is_some());
    let lits = "abc".repeat(100_000);
    assert!(compile(&lits, 0).is_ok());
}

#[test]
fn fuzz_no_panics() {
    let alphabet: Vec<char> =
        "ab()[]{}|*+?^$\\-.,:=!<>P#0123xiuLmsaNdwbBAZ'\" \n\u{e9}\u{10400}".chars().collect();
    let mut seed = 0x1234_5678_u64;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let mut compiled = 0;
    for _ in 0..30_000 {
        let len = next() % 14;
        let p: String = (0..len).map(|_| alphabet[next() % alphabet.len()]).collect();
        let flags = [0, 2, 8, 16, 64, 256, 2 | 256, 1, 4, 128][next() % 10];
        if let Ok(r) = compile(&p, flags as u32) {
            compiled += 1;
            let text: Vec<char> = (0..next() % 8).map(|_| alphabet[next() % alphabet.len()]).collect();
            let mut budget = 100_000u64;
            let (pos, end) = (next() % 10, next() % 10);
            for mode in [Mode::Match, Mode::Search, Mode::FullMatch] {
                let _ = r.exec(&text, pos, end, mode, next() % 2 == 0, &mut budget);
            }
        }
    }
    // Random patterns over this alphabet compile often enough to exercise matching.
    assert!(compiled > 3_000, "only {compiled} random patterns compiled");
}
