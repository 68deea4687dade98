//! Differential test: every program in `tests/programs/` must print, line for
//! line, what CPython 3.11 prints running it on the oracle's virtual clock
//! (`python3 ../shared/reference/pyrun.py PROG`). Both python3 and the oracle
//! are required: without them the test fails, it never passes silently.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn programs() -> Vec<PathBuf> {
    let dir = manifest_dir().join("tests").join("programs");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    out.sort();
    out
}

/// pyrun.py's trace of `prog`, one string per line.
fn oracle(pyrun: &Path, prog: &Path) -> Vec<String> {
    // Run from the program's folder with its bare name, as the playground
    // names it: tracebacks and reprs then show the same file name.
    let (dir, name) =
        (prog.parent().expect("a program's folder"), prog.file_name().expect("a program's name"));
    let out = Command::new("python3")
        .current_dir(dir)
        .arg(pyrun)
        .arg(name)
        .arg("--cpus")
        .arg("2")
        .env("PYTHONHASHSEED", "0")
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 (required by this test): {e}"));
    assert!(
        out.status.success(),
        "pyrun.py failed on {} (status {:?}):\n{}",
        prog.display(),
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("pyrun.py prints UTF-8").lines().map(String::from).collect()
}

/// The interpreter's trace of `prog`, run on a thread with the CLI's deep
/// stack (`asyncio-play` runs programs on a 512 MiB one): a program may
/// recurse to Python's limit of 1000 frames, which a test thread's default
/// 2 MiB does not hold in a debug build.
fn playground(prog: &Path) -> Result<Vec<String>, String> {
    let prog = prog.to_path_buf();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || playground_here(&prog))
        .expect("a thread for the program")
        .join()
        .unwrap_or_else(|_| Err("the program's thread panicked".to_string()))
}

fn playground_here(prog: &Path) -> Result<Vec<String>, String> {
    let source = std::fs::read_to_string(prog).map_err(|e| e.to_string())?;
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    let name = prog.file_name().and_then(|n| n.to_str()).unwrap_or("prog.py");
    asyncio_python::run_source(&source, name, 2, move |line| sink.borrow_mut().push(line.to_string()))
        .map_err(|e| format!("compile error: {e}"))?;
    let out = lines.borrow().clone();
    Ok(out)
}

/// A short unified-style diff of two traces.
fn diff(expected: &[String], got: &[String]) -> String {
    let first = expected.iter().zip(got).position(|(a, b)| a != b).unwrap_or(expected.len().min(got.len()));
    let mut out = format!("  first difference at line {}\n", first + 1);
    let from = first.saturating_sub(2);
    for i in from..(first + 4).min(expected.len().max(got.len())) {
        match (expected.get(i), got.get(i)) {
            (Some(a), Some(b)) if a == b => out.push_str(&format!("    {a}\n")),
            (a, b) => {
                if let Some(a) = a {
                    out.push_str(&format!("  - {a}\n"));
                }
                if let Some(b) = b {
                    out.push_str(&format!("  + {b}\n"));
                }
            }
        }
    }
    out.push_str(&format!("  ({} lines expected, {} printed)\n", expected.len(), got.len()));
    out
}

#[test]
fn programs_match_cpython_on_the_virtual_clock() {
    let pyrun = manifest_dir().join("../../../shared/reference/pyrun.py");
    assert!(pyrun.is_file(), "the oracle {} is required by this test and is missing", pyrun.display());
    let progs = programs();
    assert!(progs.len() >= 30, "expected the differential programs in tests/programs, found {}", progs.len());
    let mut failures = Vec::new();
    for prog in &progs {
        let name = prog.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let first = std::fs::read_to_string(prog).unwrap_or_default();
        assert!(first.starts_with("# "), "{name} must start with a one-line comment saying what it shows");
        let expected = oracle(&pyrun, prog);
        assert!(!expected.is_empty(), "pyrun.py printed nothing for {name}");
        match playground(prog) {
            Ok(got) if got == expected => {}
            Ok(got) => failures.push(format!("{name}:\n{}", diff(&expected, &got))),
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from CPython:\n{}",
        failures.len(),
        progs.len(),
        failures.join("\n")
    );
}

#[test]
fn error_programs_end_with_a_traceback_line() {
    // Programs named error_* end with an uncaught exception: the last line of
    // the oracle's trace (which the test above compares) is `[t] Traceback: ...`.
    let errors: Vec<PathBuf> = programs()
        .into_iter()
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("error_")))
        .collect();
    assert!(errors.len() >= 3, "expected error_* programs, found {}", errors.len());
    for prog in errors {
        let got = playground(&prog).unwrap_or_else(|e| panic!("{}: {e}", prog.display()));
        let last = got.last().cloned().unwrap_or_default();
        assert!(
            last.get(12..).is_some_and(|rest| rest.starts_with("Traceback: ")),
            "{}: last line is not a Traceback line: {last:?}",
            prog.display()
        );
    }
}
