//! The page's entry point. In the browser it starts the playground; on the
//! host it only says how to build the site (the web app compiles natively so
//! that `cargo clippy --workspace` covers it).

#[cfg(target_arch = "wasm32")]
fn main() {
    asyncio_playground::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the playground is a web page: build it with `trunk build --release` (see index.html)");
}
