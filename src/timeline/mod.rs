//! The timeline and the inspector: what a run did, drawn from its trace.
//!
//! - [`model`]: [`TraceRecorder`], the loop's tracer, turns
//!   [`TraceEvent`](asyncio_engine::TraceEvent)s into one lane of state bars
//!   per task, the history of every primitive's state and the printed lines
//!   (pure Rust, tested on the host in `tests/timeline_model.rs`).
//! - [`axis`]: loop seconds to pixels, tick steps, zoom and pan limits.
//! - [`state`]: a primitive's recorded state (the typed snapshot of its
//!   trace event) and the fields the inspector lists.
//! - `canvas` (wasm): [`TimelineView`], the lanes on a `<canvas>` with a time
//!   cursor, zoom, pan, hover and scrubbing.
//! - `inspector` (wasm): [`InspectorView`], every primitive's state and every
//!   task's at one instant, as text.
//!
//! Wiring, for one run:
//!
//! ```text
//! let recorder = TraceRecorder::new();             // or recorder.clear() for the next run
//! event_loop.set_tracer(recorder.tracer());        // before scenarios::start
//! timeline.set_on_scrub(Box::new(|t| post(Msg::Scrub(t))));
//! // after each batch of iterations (or once, in instant mode):
//! timeline.update(&recorder);
//! timeline.set_cursor(event_loop.time());
//! inspector.update(&recorder, event_loop.time());
//! // on Msg::Scrub(t):
//! timeline.set_cursor(t);
//! inspector.update(&recorder, t);
//! ```

pub mod axis;
pub mod model;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod canvas;
#[cfg(target_arch = "wasm32")]
mod inspector;

#[cfg(target_arch = "wasm32")]
pub use canvas::{HoverCallback, TimelineView};
#[cfg(target_arch = "wasm32")]
pub use inspector::InspectorView;
pub use model::{seconds, Bar, BarState, Hover, Lane, PrimitiveAt, Recording, TraceRecorder, DEFAULT_CAP};
