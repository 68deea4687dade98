//! The asyncio playground's web app: the page and the Web Worker side.
//!
//! The page ([`start`], wasm only) shows the gallery: every scenario of
//! [`asyncio_scenarios::all_meta`] (the oracle's and the extra ones) in the
//! learning path's order ([`page::lessons::PATH`]; those not in
//! [`asyncio_scenarios::catalogue`] yet say they are coming soon), then the
//! lessons written in Python and "Write your own". It opens a view from a
//! click or from the URL (`?scenario=NAME&mode=...&PARAM=VALUE`, a `#code=`
//! program, see [`route`]), and runs it on the engine with a [`driver`] that
//! never blocks the page. The worker
//! (`src/bin/worker.rs`) answers typed requests ([`worker_protocol`]) by
//! running named CPU-bound jobs ([`jobs`]).
//!
//! Everything that does not touch the browser compiles and is tested on the
//! host too; the DOM code lives behind `cfg(target_arch = "wasm32")`.

pub mod code;
pub mod driver;
pub mod jobs;
pub mod meter;
pub mod pool;
pub mod route;
pub mod timeline;
pub mod worker_protocol;

#[cfg(target_arch = "wasm32")]
mod dom;
pub mod page;

#[cfg(target_arch = "wasm32")]
pub use page::start;
