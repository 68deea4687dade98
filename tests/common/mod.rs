//! Helpers shared by the browser tests: the Trunk-built worker's URL, a
//! check that it is built, and a timeout guard for promises.
//!
//! wasm-bindgen-test-runner serves its own files and, as a fallback, the
//! package root, so the Trunk-built worker is at `/dist/worker_loader.js`
//! and the fixtures at `/tests/fixtures/`.
#![cfg(target_arch = "wasm32")]
// Each test binary includes this module and uses only some of it.
#![allow(dead_code)]

use js_sys::{Array, Object, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// How long a worker may take to start or to answer before a test fails.
pub const WORKER_TIMEOUT_MS: i32 = 10_000;
/// The Trunk-built worker, as the test runner serves it.
pub const WORKER_URL: &str = "/dist/worker_loader.js";

pub fn window() -> web_sys::Window {
    web_sys::window().expect("the tests run in a browser window")
}

/// A thrown JS value as text.
pub fn text_of(value: &JsValue) -> String {
    match value.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => value.as_string().unwrap_or_else(|| format!("{value:?}")),
    }
}

/// Await `promise`, failing with a message naming `what` if it does not
/// settle within `ms` milliseconds.
pub async fn with_timeout(promise: &Promise, ms: i32, what: &str) -> Result<JsValue, String> {
    // The timer resolves with this object, which nothing else can produce.
    let marker: JsValue = Object::new().into();
    let timeout = Promise::new(&mut |resolve, _reject| {
        // A timer left to fire after the race is decided is harmless: it
        // resolves a promise nobody awaits any more.
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_1(&resolve, ms, &marker);
    });
    let winner = JsFuture::from(Promise::race(&Array::of2(promise, &timeout)))
        .await
        .map_err(|error| format!("{what}: {}", text_of(&error)))?;
    if Object::is(&winner, &marker) {
        Err(format!("{what}: nothing within {ms} ms"))
    } else {
        Ok(winner)
    }
}

/// Fail at once, with the fix, when the Trunk build is missing.
pub async fn require_dist() {
    let fetched =
        with_timeout(&window().fetch_with_str(WORKER_URL), WORKER_TIMEOUT_MS, "fetching the worker").await;
    let status = match fetched {
        Ok(response) => response.dyn_into::<Response>().map(|r| r.status()).unwrap_or(0),
        Err(message) => panic!("{message}"),
    };
    assert_eq!(
        status, 200,
        "{WORKER_URL} is not served (HTTP {status}): run `trunk build --release` in the repository root \
         (with node_modules/.bin on PATH) before the browser tests"
    );
}
