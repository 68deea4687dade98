//! The workloads as plain Python programs, run by our interpreter
//! (`asyncio_python::run_source`), natively and in the browser.
//!
//! W1–W6 are `python/interp/w1.py` ... `w6.py`: plain asyncio programs with
//! the operation counts of `python/workloads.py`, each printing one line
//! `WN COUNT UNIT` that is checked here. W7 is every program of the oracle's
//! `plain/` folder run one after the other (the caller reads them: natively
//! from `--reference`, in the browser over HTTP). CPython runs the same files
//! under the oracle's `pyrun.py` (`python/bench_cpython.py --plain`), Pyodide
//! too (`web/bench.mjs`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::{N1, N2_TASKS, N2_YIELDS, N3_TASKS, N4_ITEMS, N5, N6_ROUNDS, N6_TASKS};

/// The default executor's size parameter, as `pyrun.py`'s default `--cpus`.
const CPUS: u32 = 2;

/// W1–W6: name, source, operations, and the line the program prints (after the timestamp).
pub fn program(name: &str) -> Option<(&'static str, usize, &'static str)> {
    Some(match name {
        "W1" => (include_str!("../python/interp/w1.py"), N1, "tasks"),
        "W2" => (include_str!("../python/interp/w2.py"), N2_TASKS * N2_YIELDS, "yields"),
        "W3" => (include_str!("../python/interp/w3.py"), N3_TASKS, "tasks"),
        "W4" => (include_str!("../python/interp/w4.py"), N4_ITEMS, "items"),
        "W5" => (include_str!("../python/interp/w5.py"), N5, "timers"),
        "W6" => (include_str!("../python/interp/w6.py"), N6_TASKS * N6_ROUNDS, "acquisitions"),
        _ => return None,
    })
}

/// Runs `source` to its end; returns its trace lines, or why it did not run
/// (a compile error, or a budget that stopped it).
///
/// # Errors
/// A compile error or a runaway, as text.
pub fn run_program(source: &str, filename: &str) -> Result<Vec<String>, String> {
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    let report = asyncio_python::run_source(source, filename, CPUS, move |line| {
        sink.borrow_mut().push(line.to_string());
    })
    .map_err(|e| format!("{filename}: {e}"))?;
    if let asyncio_python::Status::Runaway(why) = report.status {
        return Err(format!("{filename}: stopped: {why}"));
    }
    let out = lines.borrow().clone();
    Ok(out)
}

/// Runs workload `name` (W1–W6) once; returns its number of operations.
///
/// # Errors
/// An unknown name, a program that did not run, or a wrong printed line.
pub fn run_workload(name: &str) -> Result<usize, String> {
    let (source, ops, unit) = program(name).ok_or_else(|| format!("no program for {name}"))?;
    let lines = run_program(source, &format!("{}.py", name.to_lowercase()))?;
    let expected = format!("{name} {ops} {unit}");
    match lines.as_slice() {
        [line] if line.ends_with(&format!("] {expected}")) => Ok(ops),
        _ => Err(format!("{name}: expected one line `{expected}`, got {lines:?}")),
    }
}

/// W7: runs every program of `programs` (file name, source) once, one after
/// the other; returns how many ran.
///
/// # Errors
/// A program that did not run or printed nothing.
pub fn run_catalogue(programs: &[(String, String)]) -> Result<usize, String> {
    for (filename, source) in programs {
        if run_program(source, filename)?.is_empty() {
            return Err(format!("{filename}: printed nothing"));
        }
    }
    Ok(programs.len())
}

/// The `.py` files of the oracle's `plain/` folder (`reference/plain`), sorted by name.
///
/// # Errors
/// The folder or a file cannot be read.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_catalogue(reference: &std::path::Path) -> std::io::Result<Vec<(String, String)>> {
    let dir = reference.join("plain");
    let mut names: Vec<String> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    names.into_iter().map(|n| Ok((n.clone(), std::fs::read_to_string(dir.join(&n))?))).collect()
}
