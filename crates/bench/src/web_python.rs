//! The browser side of the interpreter's benchmarks (wasm32 only): what
//! `web/bench.mjs` calls to run the workloads as plain Python programs on our
//! interpreter. Built alone (feature `python-only`, without the engine's and
//! `spawn_local`'s exports), the wasm is what a lazily loaded interpreter
//! module would weigh: `scripts/bench.sh` measures it.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::interp;

thread_local! {
    /// W7's programs (file name, source), added by the page before timing.
    static PLAIN: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Runs a Python program to its end; returns its trace lines (`[    0.500] text`).
///
/// # Errors
/// A compile error or a runaway, as text.
#[wasm_bindgen]
pub fn run_python(source: &str, filename: &str) -> Result<Vec<String>, JsError> {
    interp::run_program(source, filename).map_err(|e| JsError::new(&e))
}

/// Adds a program to W7's catalogue (the oracle's `plain/*.py`, in order).
#[wasm_bindgen]
pub fn python_add_plain(filename: &str, source: &str) {
    PLAIN.with(|p| p.borrow_mut().push((filename.to_string(), source.to_string())));
}

/// Runs workload `name` (`"W1"` ... `"W7"`) once on the interpreter; returns its number of
/// operations (W7: of programs, after [`python_add_plain`]).
///
/// # Errors
/// An unknown workload, or a program that did not run as expected.
#[wasm_bindgen]
pub fn python_workload(name: &str) -> Result<usize, JsError> {
    let ops = match name {
        "W7" => PLAIN.with(|p| interp::run_catalogue(&p.borrow())),
        _ => interp::run_workload(name),
    };
    ops.map_err(|e| JsError::new(&e))
}
