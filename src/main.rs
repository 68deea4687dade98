//! The page's entry point. In the browser it starts the playground; on the
//! host it only says how to build the site (the web app compiles natively so
//! that `cargo clippy --workspace` covers it).

// The pool benchmark's exports (`window.wasmBindings.pool_bench_*`). They
// live in the page's binary, not the library: a `#[wasm_bindgen]` export of
// the library would be linked into the worker's wasm too.
#[cfg(target_arch = "wasm32")]
mod bench_api;

#[cfg(target_arch = "wasm32")]
fn main() {
    asyncio_playground::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the playground is a web page: build it with `trunk build --release` (see index.html)");
}

/// Stop this build of the page, so that the build with the interpreter can
/// take it over (the loader's `playgroundUpgrade`, see `scripts/csp.py`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn playground_shutdown() {
    asyncio_playground::page::shutdown();
}
