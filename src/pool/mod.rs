//! The page's pool of real Web Workers: what the executors run on in real
//! mode ([`asyncio_engine::executor::WorkerBackend`]).
//!
//! [`core`] holds the logic, host-tested: the queue, lazy spawning up to a
//! cap, `ready`, deadlines, crashes and load failures. `browser` (wasm only)
//! runs it on real `web_sys::Worker`s with `gloo_timers` timeouts, as
//! [`WorkerPool`].

pub mod core;

#[cfg(target_arch = "wasm32")]
mod browser;

pub use self::core::{
    PoolConfig, PoolSnapshot, WorkerId, WorkerSnapshot, WorkerState, DEFAULT_LOAD_TIMEOUT,
    DEFAULT_MAX_WORKERS,
};

#[cfg(target_arch = "wasm32")]
pub use browser::{WorkerPool, DEFAULT_WORKER_URL};
