//! The page with the Python interpreter and the code editor: the build the
//! loader starts for a `#code=` link, and the one the gallery's build hands
//! the page to when a view needs the interpreter (see `scripts/csp.py`).
//! Apart from the interpreter it is the same page (`src/main.rs`); keeping
//! the interpreter out of that build keeps the gallery's first load small,
//! and keeping the Rust lessons' code out of this one (no `mains`: it runs
//! the lessons' Python programs) keeps running one's own code small.

#[cfg(target_arch = "wasm32")]
fn main() {
    asyncio_playground::page::start_with(
        Some(std::rc::Rc::new(asyncio_playground::code::python::Python)),
        None,
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the playground is a web page: build it with `trunk build --release` (see index.html)");
}
