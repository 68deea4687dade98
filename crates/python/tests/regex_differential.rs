//! Differential test of the regular-expression engine (`src/regex/`):
//! `regex_cases.py` records what python3's `re` (CPython 3.11) does with
//! some 16,000 patterns, texts and positions (compile errors with their
//! positions, match, search, fullmatch and finditer spans), and every case
//! must come out the same here. python3 is required: without it the test
//! fails, it never passes silently.

use asyncio_python::regex::{compile, Mode, Regex};

/// Decodes '.'-joined hex code points.
fn dec(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    s.split('.').map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap()).collect()
}

/// Formats spans like the generator.
fn fmt_spans(v: &[Option<(usize, usize)>]) -> String {
    v.iter().map(|s| s.map_or("-".to_string(), |(a, b)| format!("{a},{b}"))).collect::<Vec<_>>().join(";")
}

/// finditer-style iteration using must_advance.
fn finditer(r: &Regex, t: &[char], pos: usize, end: usize) -> String {
    let mut out = Vec::new();
    let (mut pos, mut adv) = (pos, false);
    let mut budget = 10_000_000u64;
    while let Some(m) = r.exec(t, pos, end, Mode::Search, adv, &mut budget).unwrap() {
        let (s, e) = m[0].unwrap();
        out.push(format!("{s},{e}"));
        adv = s == e;
        pos = e;
        if pos > end.min(t.len()) {
            break;
        }
    }
    out.join(";")
}

/// Result of a compile case, formatted like the generator.
fn compile_result(p: &str, flags: u32) -> String {
    match compile(p, flags) {
        Err(e) => {
            let pos = e.pos.map_or("-".to_string(), |p| p.to_string());
            let msg: Vec<String> = e.msg.chars().map(|c| format!("{:x}", c as u32)).collect();
            format!("E:{pos}:{}", msg.join("."))
        }
        Ok(r) => {
            let names: Vec<String> = r
                .group_names()
                .iter()
                .map(|(n, i)| {
                    format!(
                        "{}={i}",
                        n.chars().map(|c| format!("{:x}", c as u32)).collect::<Vec<_>>().join(".")
                    )
                })
                .collect();
            format!("OK:{}:{}:{}", r.groups(), r.flags(), names.join("."))
        }
    }
}

/// Runs one case line; returns an error description on mismatch.
fn run_line(line: &str) -> Result<(), String> {
    let f: Vec<&str> = line.split('|').collect();
    let (kind, pat, flags) = (f[0], dec(f[1]), f[2].parse::<u32>().unwrap());
    if kind == "C" {
        let got = compile_result(&pat, flags);
        let want = f.last().copied().unwrap_or("");
        return if got == want {
            Ok(())
        } else {
            Err(format!("{line}\n  pattern {pat:?} want {want} got {got}"))
        };
    }
    let r = compile(&pat, flags).map_err(|e| format!("{line}: compile failed {e:?}"))?;
    let text: Vec<char> = dec(f[3]).chars().collect();
    let (pos, end) = (f[4].parse::<usize>().unwrap(), f[5].parse::<usize>().unwrap());
    let mut budget = 10_000_000u64;
    let got = match kind {
        "I" => finditer(&r, &text, pos, end),
        _ => {
            let mode = match kind {
                "M" => Mode::Match,
                "S" => Mode::Search,
                _ => Mode::FullMatch,
            };
            match r.exec_full(&text, pos, end, mode, false, &mut budget).unwrap() {
                None => "N".to_string(),
                Some((v, last)) => {
                    format!("{};L{}", fmt_spans(&v), last.map_or("-".to_string(), |i| i.to_string()))
                }
            }
        }
    };
    if got == f[6] {
        Ok(())
    } else {
        Err(format!(
            "{line}\n  {kind} pattern {pat:?} flags {flags} text {:?} pos {pos} end {end}: want {} got {got}",
            dec(f[3]),
            f[6]
        ))
    }
}

#[test]
fn differential_against_cpython() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/regex_cases.py");
    let out = std::env::temp_dir().join(format!("regex_cases_{}.txt", std::process::id()));
    let status = std::process::Command::new("python3")
        .arg(script)
        .arg(&out)
        .status()
        .unwrap_or_else(|e| panic!("cannot run python3 (required by this test): {e}"));
    assert!(status.success(), "regex_cases.py failed: {status}");
    let data = std::fs::read_to_string(&out).expect("regex_cases.py wrote its cases");
    let _ = std::fs::remove_file(&out);
    assert!(data.lines().count() > 10_000, "too few cases recorded");
    let (mut pass, mut fails) = (0, Vec::new());
    for line in data.lines().filter(|l| !l.is_empty()) {
        match run_line(line) {
            Ok(()) => pass += 1,
            Err(e) => fails.push(e),
        }
    }
    println!("differential: {pass} passed, {} failed", fails.len());
    for f in fails.iter().take(40) {
        println!("FAIL {f}");
    }
    assert!(fails.is_empty());
}
