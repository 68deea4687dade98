//! Link settings of the web builds that only some binaries need.

fn main() {
    // The interpreter's build (`playground_code`) runs Python frames as
    // nested Rust futures polled on wasm's shadow stack, about 2.5 kB a
    // frame: the default 1 MB stack overflowed (a trap, the page's wasm
    // dead) near 400 frames, before Python's limit of 1000 raised
    // RecursionError. Measured in Chromium: see ARCHITECTURE.md.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=playground_code=-zstack-size=8388608");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
