//! Parser tests: tree shapes, positions, errors (checked against CPython when
//! `python3` is available), hostile inputs and the reference programs.

use super::*;

mod diff;
mod hostile;
mod shapes;

/// Parses `src` and renders it.
pub(super) fn tree(src: &str) -> String {
    match parse(src) {
        Ok(m) => show::show_module(&m),
        Err(e) => panic!("{src:?} failed: {} at {}:{}", e, e.pos.line, e.pos.col),
    }
}

/// Parses invalid `src`: (type name, message, line, column).
pub(super) fn error(src: &str) -> (String, String, u32, u32) {
    match parse(src) {
        Ok(m) => panic!("{src:?} parsed: {}", show::show_module(&m)),
        Err(e) => (e.type_name().to_string(), e.message, e.pos.line, e.pos.col),
    }
}

fn reference_dir(sub: &str) -> std::path::PathBuf {
    let rel = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference");
    let base = if rel.exists() { rel } else { std::path::PathBuf::from("/work/shared/reference") };
    base.join(sub)
}

fn py_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            py_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

#[test]
fn reference_programs_parse() {
    let mut files = Vec::new();
    for sub in ["userprog", "plain", "scenarios"] {
        py_files(&reference_dir(sub), &mut files);
    }
    if files.is_empty() {
        eprintln!("no reference programs found: skipped");
        return;
    }
    let mut failures = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).unwrap();
        if let Err(e) = parse(&src) {
            failures.push(format!("{}: {} at {}:{}", path.display(), e, e.pos.line, e.pos.col));
        }
    }
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), files.len(), failures.join("\n"));
}
