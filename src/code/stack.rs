//! Whether the browser's stack has room for more Python frames: the
//! interpreter's [`Budgets::stack_room`](asyncio_python::Budgets).
//!
//! Chromium gives wasm and JavaScript one stack of about 1 MB. A Python
//! frame of the interpreter takes about 1.5 kB of it (nested futures
//! polled: more through `*args` wrappers), so some paths overflow it before
//! Python's limit of 1000 frames, and an overflow is a `RangeError` thrown
//! through the wasm, which leaves the page's state half-updated. The probe
//! asks JavaScript to recurse a fixed number of calls (about 90 kB)
//! and to catch the overflow: no room, and the interpreter raises
//! RecursionError while the stack still has that much.

#[cfg(target_arch = "wasm32")]
mod probe {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen(inline_js = "
export function stack_room(calls) {
  const down = (n, a, b, c, d) => (n === 0 ? a : down(n - 1, b, c, d, a) + 1);
  try {
    return down(calls, 0, 0, 0, 0) >= 0;
  } catch (e) {
    return false;
  }
}")]
    extern "C" {
        pub fn stack_room(calls: u32) -> bool;
    }
}

/// JavaScript calls the probe makes: about 90 bytes each: about 90 kB, room for 16 frames of the deepest path seen (2 kB each) with a wide margin.
#[cfg(target_arch = "wasm32")]
const PROBE_CALLS: u32 = 1000;

/// True while the stack has room (see the module's doc).
#[cfg(target_arch = "wasm32")]
pub fn room() -> bool {
    probe::stack_room(PROBE_CALLS)
}

/// The stack probe this build has: the browser's, or none natively (the
/// CLI's thread has a 512 MiB stack).
pub fn probe() -> Option<fn() -> bool> {
    #[cfg(target_arch = "wasm32")]
    return Some(room);
    #[cfg(not(target_arch = "wasm32"))]
    None
}
