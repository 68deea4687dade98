//! Hostile inputs: no panic, no hang, no stack overflow.

use crate::error::CompileErrorKind;
use crate::parser::parse;

/// Runs `f` on a thread with a big stack: a debug build's frames are several
/// times larger than a release build's (about 3.5 to 5 KB per nesting level
/// in release, 200 levels at most).
fn big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new().stack_size(64 << 20).spawn(f).unwrap().join().unwrap();
}

fn message(src: &str) -> String {
    parse(src).err().map(|e| e.message).unwrap_or_default()
}

#[test]
fn empty_and_blank() {
    for src in ["", "\n", "   ", "\n\n\n", "# c", "\\\n", "\t\n", "\x0c", "\r\n\r\n", "\r"] {
        let _ = parse(src);
    }
    assert!(parse("").unwrap().body.is_empty());
    assert!(parse("x = 1\r\ny = 2\r").is_ok());
    assert_eq!(message("x\0"), "source code string cannot contain null bytes");
}

#[test]
fn nested_brackets() {
    big_stack(nested_brackets_body);
}

fn nested_brackets_body() {
    for open in ["(", "[", "{"] {
        let e = parse(&open.repeat(100_000)).unwrap_err();
        assert_eq!((e.message.as_str(), e.pos.line, e.pos.col), ("too many nested parentheses", 1, 201));
    }
    let ok = format!("x = {}1{}", "(".repeat(150), ")".repeat(150));
    assert!(parse(&ok).is_ok());
    let lists = format!("x = {}{}", "[".repeat(199), "]".repeat(199));
    assert!(parse(&lists).is_ok());
}

#[test]
fn deep_expressions() {
    big_stack(deep_expressions_body);
}

fn deep_expressions_body() {
    let cases = [
        format!("{}1", "-".repeat(100_000)),
        format!("{}1", "- ".repeat(100_000)),
        format!("{}x", "not ".repeat(100_000)),
        format!("{}x", "~".repeat(100_000)),
        format!("x = {}1", "a if b else ".repeat(100_000)),
        format!("f = {}1", "lambda: ".repeat(100_000)),
        format!("x = a{}", " + a".repeat(100_000)),
        format!("x = a{}", ".b".repeat(100_000)),
        format!("x = a{}", "(1)".repeat(100_000)),
        format!("x = a{}", "[0]".repeat(100_000)),
        format!("x = 2{}", " ** 2".repeat(100_000)),
        format!("x = {}1", "await ".repeat(100_000)),
        format!("if x: pass\n{}", "elif x: pass\n".repeat(100_000)),
    ];
    for src in &cases {
        let e = parse(src).unwrap_err();
        assert_eq!(e.kind, CompileErrorKind::SyntaxError, "{}", &src[..20]);
    }
    assert_eq!(message(&cases[0]), "expression too deeply nested");
    assert_eq!(message(&cases[6]), "expression too deeply nested");
    // Moderate nesting is fine.
    assert!(parse(&format!("{}1", "-".repeat(150))).is_ok());
    assert!(parse(&format!("x = a{}", " + a".repeat(150))).is_ok());
    assert!(parse(&format!("x = {}", "[".repeat(100) + &"]".repeat(100))).is_ok());
    // Long flat constructs are not nesting.
    assert!(parse(&format!("x = [{}]", "1, ".repeat(100_000))).is_ok());
    assert!(parse(&format!("x = a{}", " < a".repeat(100_000))).is_ok());
    assert!(parse(&format!("x = a{}", " and a".repeat(100_000))).is_ok());
    assert!(parse(&format!("x = {}", "'a' ".repeat(100_000))).is_ok());
}

#[test]
fn deep_blocks() {
    big_stack(deep_blocks_body);
}

fn deep_blocks_body() {
    let deep = |n: usize| {
        let mut s: String = (0..n).map(|i| format!("{}if x:\n", " ".repeat(i))).collect();
        s.push_str(&" ".repeat(n));
        s.push_str("pass\n");
        s
    };
    assert!(parse(&deep(99)).is_ok());
    let e = parse(&deep(100)).unwrap_err();
    assert_eq!(
        (e.kind, e.message.as_str(), e.pos.line),
        (CompileErrorKind::IndentationError, "too many levels of indentation", 101)
    );
    let e = parse(&deep(1000)).unwrap_err();
    assert_eq!(e.message, "too many levels of indentation");
    // Nested f-strings are bounded by the quote kinds; nested specs by CPython's limit.
    assert_eq!(message("f'{a:{b:{c}}}'"), "f-string: expressions nested too deeply");
    assert!(parse("f'''{f\"\"\"{f'{f\"{x}\"}'}\"\"\"}'''").is_ok());
}

#[test]
fn long_lines_and_big_sources() {
    let line = format!("x = {}\n", "a + 1 - ".repeat(20) + "0");
    let src = line.repeat(1_000_000 / line.len() + 1);
    assert!(src.len() > 1_000_000);
    let m = parse(&src).unwrap();
    assert!(m.body.len() > 5000);
    let long = format!("x = [{}]", "123456789, ".repeat(100_000));
    assert!(parse(&long).is_ok());
    let long_str = format!("x = '{}'", "a".repeat(1_000_000));
    assert!(parse(&long_str).is_ok());
    let long_name = "a".repeat(1_000_000);
    assert!(parse(&long_name).is_ok());
}

/// A small deterministic generator of junk sources.
fn junk(seed: &mut u64, len: usize) -> String {
    const PIECES: &[&str] = &[
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ":",
        ",",
        ".",
        "=",
        "==",
        "+",
        "-",
        "*",
        "**",
        "/",
        "%",
        "@",
        "\n",
        "\n    ",
        "\n\t",
        " ",
        "'",
        "\"",
        "'''",
        "\\",
        "#",
        "f'",
        "{x}",
        "b'",
        "r'",
        "if ",
        "else ",
        "for ",
        "in ",
        "lambda ",
        "def ",
        "class ",
        "return ",
        "yield ",
        "await ",
        "async ",
        "with ",
        "as ",
        "try:",
        "except ",
        "finally:",
        "not ",
        "and ",
        "or ",
        "x",
        "y1",
        "é",
        "…",
        "1",
        "0x",
        "1.5e",
        "1_0",
        "j",
        "!",
        ";",
        "\r",
        "\0",
        ":=",
        "->",
        "del ",
        "global ",
        "nonlocal ",
        "import ",
        "from ",
        "match ",
        "case ",
        "*",
        "~",
        "<",
        ">>=",
        "}}",
    ];
    let mut s = String::new();
    for _ in 0..len {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        s.push_str(PIECES[(*seed >> 33) as usize % PIECES.len()]);
    }
    s
}

#[test]
fn junk_never_panics() {
    big_stack(junk_body);
}

fn junk_body() {
    let mut seed = 42;
    for k in 0..3000 {
        let src = junk(&mut seed, 1 + k % 60);
        let _ = parse(&src);
    }
    // Arbitrary code points too.
    for k in 0u32..3000 {
        let src: String =
            (0..20).filter_map(|j| char::from_u32((k * 7919 + j * 104_729) % 0x11_0000)).collect();
        let _ = parse(&src);
    }
}
