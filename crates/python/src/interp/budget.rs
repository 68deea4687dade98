//! The statement budget, checked on every statement and every item a loop
//! or a builtin iterates, without touching the interpreter: a thread-local
//! counter since the running task last awaited.

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
    static LIMIT: Cell<u64> = const { Cell::new(u64::MAX) };
    static STOPPED: Cell<bool> = const { Cell::new(false) };
}

/// Starts a program: `limit` statements per task step, nothing stopped.
pub fn start(limit: u64) {
    STEPS.with(|s| s.set(0));
    LIMIT.with(|l| l.set(limit));
    STOPPED.with(|s| s.set(false));
}

/// The running task awaited: a new step begins.
pub fn reset() {
    STEPS.with(|s| s.set(0));
}

/// Counts one unit of work; false once the step is over its budget (or the
/// program was stopped).
#[inline]
pub fn tick() -> bool {
    let n = STEPS.with(|s| {
        let n = s.get() + 1;
        s.set(n);
        n
    });
    n <= LIMIT.with(Cell::get) && !STOPPED.with(Cell::get)
}

/// A budget stopped the program: from now on every tick fails.
pub fn stop() {
    STOPPED.with(|s| s.set(true));
}

pub fn is_stopped() -> bool {
    STOPPED.with(Cell::get)
}
