//! The statement budget, checked on every statement and every item a loop
//! or a builtin iterates, without touching the interpreter: a thread-local
//! counter since the running task last awaited.
//!
//! And what the program keeps alive that no container charge sees:
//! coroutine and generator frames, tasks, futures and the waiters of
//! `wait`/`gather`. Each holds a [`Charge`] of its approximate size against
//! the memory budget, released when it is dropped. A fan-out of tasks that
//! never ends (every task spawning more, the clock never moving) is stopped
//! when they would take more than the budget; the stop is final (as a
//! runaway's is): the loop holds tasks whatever the program catches, so a
//! catchable `MemoryError` would only let the others spawn on at the limit.

use std::cell::Cell;

use asyncio_engine::{Exception, PyResult};

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
    static LIMIT: Cell<u64> = const { Cell::new(u64::MAX) };
    static STOPPED: Cell<bool> = const { Cell::new(false) };
    /// Bytes of live charges (frames, tasks, futures), approximately.
    static HELD: Cell<usize> = const { Cell::new(0) };
    /// How many charges are live.
    static HELD_COUNT: Cell<usize> = const { Cell::new(0) };
    /// The program the live charges belong to: a charge of a program that
    /// ended (dropped while the next one runs) releases nothing.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// A coroutine's or generator's frame and the body future that runs it.
pub const FRAME_BYTES: usize = 1024;
/// A task: the engine's task, its object and its registration.
pub const TASK_BYTES: usize = 768;
/// A future object.
pub const FUTURE_BYTES: usize = 256;
/// A callback the loop holds (`call_soon`, `call_later`, `add_done_callback`).
pub const HANDLE_BYTES: usize = 512;
/// Each future a `wait`, `gather` or `as_completed` waits on (a callback and a slot).
pub const WAITER_BYTES: usize = 64;

/// Starts a program: `limit` statements per task step, nothing stopped,
/// nothing held.
pub fn start(limit: u64) {
    STEPS.with(|s| s.set(0));
    LIMIT.with(|l| l.set(limit));
    STOPPED.with(|s| s.set(false));
    HELD.with(|h| h.set(0));
    HELD_COUNT.with(|h| h.set(0));
    GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
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

/// Units of work this step may still count (none once stopped).
pub fn remaining() -> u64 {
    if STOPPED.with(Cell::get) {
        return 0;
    }
    LIMIT.with(Cell::get).saturating_sub(STEPS.with(Cell::get))
}

/// Counts `n` units of work at once (a regular expression's steps).
pub fn spend(n: u64) {
    STEPS.with(|s| s.set(s.get().saturating_add(n)));
}

/// A budget stopped the program: from now on every tick fails.
pub fn stop() {
    STOPPED.with(|s| s.set(true));
}

pub fn is_stopped() -> bool {
    STOPPED.with(Cell::get)
}

/// Bytes held by live charges, approximately (for tests and the inspector).
pub fn held() -> usize {
    HELD.with(Cell::get)
}

/// An object's approximate size, counted against the memory budget while
/// the charge lives.
#[must_use = "the charge is released when dropped"]
pub struct Charge {
    bytes: usize,
    generation: u32,
}

impl Charge {
    /// Charges `bytes`; beyond the memory budget the program is stopped (the
    /// error is the stop's).
    pub fn new(bytes: usize) -> PyResult<Charge> {
        let it = super::interp();
        if let Some(e) = it.stopped.borrow().as_ref() {
            return Err(e.clone());
        }
        let held = HELD.with(Cell::get).saturating_add(bytes);
        if held > it.budgets.max_memory {
            return Err(out_of_memory(&it));
        }
        HELD.with(|h| h.set(held));
        HELD_COUNT.with(|h| h.set(h.get() + 1));
        Ok(Charge { bytes, generation: GENERATION.with(Cell::get) })
    }
}

impl Drop for Charge {
    fn drop(&mut self) {
        // try_with: a charge may be dropped while the thread's locals go away.
        let current = GENERATION.try_with(Cell::get).ok();
        if current == Some(self.generation) {
            let _ = HELD.try_with(|h| h.set(h.get().saturating_sub(self.bytes)));
            let _ = HELD_COUNT.try_with(|h| h.set(h.get().saturating_sub(1)));
        }
    }
}

/// Stops the program: the charges alive would take more than the memory budget.
fn out_of_memory(it: &super::Interp) -> Exception {
    let count = HELD_COUNT.with(Cell::get);
    let mb = it.budgets.max_memory.div_ceil(1 << 20);
    let e = Exception::runaway(format!(
        "runaway: out of memory: {count} coroutines, tasks and futures alive at once \
         (over the {mb} MB memory budget)"
    ));
    *it.stopped.borrow_mut() = Some(e.clone());
    stop();
    // Nothing else runs: the loop stops at the end of this iteration.
    if let Ok(lp) = asyncio_engine::get_running_loop() {
        lp.stop();
    }
    e
}
