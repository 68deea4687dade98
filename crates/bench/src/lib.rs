//! Benchmarks of the asyncio engine against its peers: CPython 3.11 asyncio,
//! tokio's current-thread runtime and smol's `LocalExecutor` natively;
//! Pyodide and wasm-bindgen-futures' `spawn_local` in headless Chromium.
//!
//! `scripts/bench.sh` builds and runs everything and writes `BENCHMARKS.md`.
//! The workloads mean the same thing on every system (the Python originals
//! are in `python/workloads.py`):
//!
//! | | workload | operations |
//! |---|---|---|
//! | W1 | spawn 100k trivial tasks, then await each | 100k tasks |
//! | W2 | 1,000 tasks x 1,000 `sleep(0)` yields | 1M yields |
//! | W3 | 10k tasks through `Semaphore(10)`, holding it across one yield | 10k tasks |
//! | W4 | 200k items through `Queue(maxsize=100)`, one producer, one consumer | 200k items |
//! | W5 | 100k tasks sleeping distinct multiples of 1 ms, on a virtual clock | 100k timers |
//! | W6 | 1,000 tasks x 100 `async with lock: sleep(0)` | 100k acquisitions |
//! | W7 | every scenario of the catalogue at its defaults | scenarios |
//!
//! [`engine`] is the engine's side, used natively and in the browser;
//! [`interp`] runs the workloads as plain Python programs on our interpreter
//! (`asyncio-python`), beside CPython and Pyodide running the same files;
//! `peers` (native) has tokio and smol, `web` (wasm32) the browser exports and
//! the `spawn_local` versions, `web_python` the interpreter's exports (alone
//! with the feature `python-only`: the size of an interpreter-only wasm).

pub mod engine;
pub mod interp;
#[cfg(not(target_arch = "wasm32"))]
pub mod peers;
#[cfg(all(target_arch = "wasm32", not(feature = "python-only")))]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod web_python;

/// W1: trivial tasks.
pub const N1: usize = 100_000;
/// W2: tasks, and `sleep(0)` yields per task.
pub const N2_TASKS: usize = 1_000;
pub const N2_YIELDS: usize = 1_000;
/// W3: tasks, and the semaphore's value.
pub const N3_TASKS: usize = 10_000;
pub const N3_PERMITS: usize = 10;
/// W4: items, and the queue's maxsize.
pub const N4_ITEMS: usize = 200_000;
pub const N4_MAXSIZE: usize = 100;
/// W5: timers; task `i` sleeps `((i * N5_STRIDE) % N5 + 1)` ms (a permutation).
pub const N5: usize = 100_000;
pub const N5_STRIDE: usize = 7919;
/// W6: tasks, and lock acquisitions per task.
pub const N6_TASKS: usize = 1_000;
pub const N6_ROUNDS: usize = 100;

/// The deadline of W5's timer `i`, in milliseconds: distinct for every `i`.
pub fn w5_millis(i: usize) -> u64 {
    ((i * N5_STRIDE) % N5 + 1) as u64
}

/// The workloads, by name.
pub const WORKLOADS: [&str; 7] = ["W1", "W2", "W3", "W4", "W5", "W6", "W7"];
