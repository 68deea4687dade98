//! Browser tests, in headless Chromium:
//!
//! ```text
//! PATH=$PWD/node_modules/.bin:$PATH trunk build --release   # the worker test loads dist/
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p asyncio-playground --test browser
//! ```
//!
//! wasm-bindgen-test-runner serves its own files and, as a fallback, the
//! package root, so the Trunk-built worker is at `/dist/worker_loader.js`.
#![cfg(target_arch = "wasm32")]

use asyncio_playground::worker_protocol::{Reply, Request, Value};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{ErrorEvent, Event, MessageEvent, Response, Worker, WorkerOptions, WorkerType};

wasm_bindgen_test_configure!(run_in_browser);

/// How long a worker may take to start or to answer before the test fails.
const WORKER_TIMEOUT_MS: i32 = 10_000;
const WORKER_URL: &str = "/dist/worker_loader.js";

fn window() -> web_sys::Window {
    web_sys::window().expect("the tests run in a browser window")
}

fn text_of(value: &JsValue) -> String {
    match value.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => value.as_string().unwrap_or_else(|| format!("{value:?}")),
    }
}

/// Await `promise`, failing with a message naming `what` if it does not
/// settle within `ms` milliseconds.
async fn with_timeout(promise: &Promise, ms: i32, what: &str) -> Result<JsValue, String> {
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

/// The next message from `worker`, or its error event, or a timeout.
async fn next_message(worker: &Worker, what: &str) -> Result<JsValue, String> {
    let mut handlers = None;
    let message = Promise::new(&mut |resolve, reject| {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        // A module that fails to load fires a plain `Event`, a script error
        // an `ErrorEvent`.
        let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let detail = match event.dyn_ref::<ErrorEvent>() {
                Some(error) => format!("{} ({}:{})", error.message(), error.filename(), error.lineno()),
                None => format!("{} event (the worker script did not load)", event.type_()),
            };
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&format!("worker error: {detail}")));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_message, on_error));
    });
    let result = with_timeout(&message, WORKER_TIMEOUT_MS, what).await;
    worker.set_onmessage(None);
    worker.set_onerror(None);
    drop(handlers);
    result
}

/// Fail at once, with the fix, when the Trunk build is missing.
async fn require_dist() {
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

/// Spawn the Trunk-built worker as a module worker and wait for its `ready`.
async fn spawn_worker() -> Worker {
    require_dist().await;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker =
        Worker::new_with_options(WORKER_URL, &options).expect("the Worker constructor accepts the URL");
    let ready = next_message(&worker, "waiting for the worker's ready message").await;
    match ready.map(|message| Reply::from_js(&message)) {
        Ok(Ok(Reply::Ready)) => worker,
        other => panic!("expected the worker's ready message, got {other:?}"),
    }
}

/// Post `request` and decode the reply.
async fn ask(worker: &Worker, request: &Request) -> Reply {
    worker.post_message(&request.to_js()).expect("posting a plain object works");
    let reply = next_message(worker, &format!("waiting for the reply to {request:?}"))
        .await
        .unwrap_or_else(|message| panic!("{message}"));
    Reply::from_js(&reply)
        .unwrap_or_else(|error| panic!("the worker's reply {reply:?} is malformed: {error}"))
}

#[wasm_bindgen_test]
async fn a_browser_timer_waits_at_least_its_timeout() {
    let performance = window().performance().expect("the window has performance");
    let start = performance.now();
    TimeoutFuture::new(50).await;
    let elapsed = performance.now() - start;
    // performance.now() is coarsened (to 0.1 ms in Chromium), so a reading
    // may fall that much short of the time that really passed.
    assert!(elapsed >= 50.0 - 0.1, "a 50 ms timer fired after only {elapsed} ms");
}

#[wasm_bindgen_test]
async fn the_trunk_built_worker_answers_requests() {
    let worker = spawn_worker().await;

    let reply = ask(&worker, &Request::CountPrimes { id: 1, n: 10_000 }).await;
    assert_eq!(reply, Reply::Result { id: 1, value: Value::Number(1229.0) });

    let reply = ask(&worker, &Request::Echo { id: 2, text: "héllo, 世界".into() }).await;
    assert_eq!(reply, Reply::Result { id: 2, value: Value::Text("héllo, 世界".into()) });

    worker.terminate();
}

#[wasm_bindgen_test]
async fn the_worker_answers_a_bad_request_with_an_error() {
    let worker = spawn_worker().await;
    let bad = Object::new();
    Reflect::set(&bad, &"kind".into(), &"count_primes".into()).expect("set on a plain object");
    Reflect::set(&bad, &"id".into(), &3.into()).expect("set on a plain object");
    Reflect::set(&bad, &"n".into(), &(-1).into()).expect("set on a plain object");
    worker.post_message(&bad).expect("posting a plain object works");
    let reply = next_message(&worker, "waiting for the error reply").await.unwrap_or_else(|m| panic!("{m}"));
    match Reply::from_js(&reply) {
        Ok(Reply::Error { id: Some(3), message }) => assert!(message.contains("\"n\""), "{message}"),
        other => panic!("expected an error reply for id 3, got {other:?}"),
    }
    worker.terminate();
}

#[wasm_bindgen_test]
fn requests_and_replies_round_trip_through_plain_objects() {
    for request in [Request::CountPrimes { id: 0, n: u32::MAX }, Request::Echo { id: 9, text: String::new() }]
    {
        assert_eq!(Request::from_js(&request.to_js()), Ok(request));
    }
    for reply in [
        Reply::Ready,
        Reply::Result { id: 4, value: Value::Number(0.5) },
        Reply::Result { id: 5, value: Value::Text("x".into()) },
        Reply::Error { id: None, message: "bad".into() },
        Reply::Error { id: Some(6), message: "worse".into() },
    ] {
        assert_eq!(Reply::from_js(&reply.to_js()), Ok(reply));
    }
}

#[wasm_bindgen_test]
fn malformed_requests_are_errors_not_panics() {
    let plain = |pairs: &[(&str, JsValue)]| -> JsValue {
        let object = Object::new();
        for (key, value) in pairs {
            Reflect::set(&object, &JsValue::from_str(key), value).expect("set on a plain object");
        }
        object.into()
    };
    let cases = [
        (JsValue::from_str("count_primes"), None),
        (plain(&[("id", 1.into())]), Some(1)),
        (plain(&[("kind", "nope".into()), ("id", 2.into())]), Some(2)),
        (plain(&[("kind", "count_primes".into()), ("n", 5.into())]), None),
        (plain(&[("kind", "count_primes".into()), ("id", 3.into()), ("n", 1.5.into())]), Some(3)),
        (plain(&[("kind", "echo".into()), ("id", 4.into()), ("text", 7.into())]), Some(4)),
    ];
    for (message, id) in cases {
        match Request::from_js(&message) {
            Err(error) => assert_eq!(error.id, id, "{message:?}: {error}"),
            Ok(request) => panic!("{message:?} was accepted as {request:?}"),
        }
    }
}

#[wasm_bindgen_test]
fn a_scenario_runs_on_the_engine_in_wasm() {
    let scenario =
        asyncio_scenarios::find("tasks_say_after_sequential").expect("the scenario is in the catalogue");
    let lines = asyncio_scenarios::run_to_lines(&scenario, scenario.defaults());
    assert_eq!(lines.first().map(String::as_str), Some("[    0.000] started at 00:00:00"));
    assert_eq!(
        lines,
        [
            "[    0.000] started at 00:00:00",
            "[    1.000] hello",
            "[    3.000] world",
            "[    3.000] finished at 00:00:03"
        ]
    );
}

/// A panic on wasm aborts the module; the page's panic hook shows what
/// happened in the `#error` banner, with a link that reloads the current URL
/// (which holds the scenario and its parameters).
#[wasm_bindgen_test]
fn an_internal_error_is_shown_with_a_reload_link_that_keeps_the_url() {
    let window = web_sys::window().expect("a window");
    let document = window.document().expect("a document");
    let body = document.body().expect("a body");
    let banner = document.create_element("div").expect("div");
    banner.set_id("error");
    banner.set_attribute("hidden", "").expect("hidden");
    body.append_child(&banner).expect("append");

    asyncio_playground::page::report_fatal("The playground crashed: boom at src/x.rs:1:1");

    assert!(!banner.has_attribute("hidden"), "the banner is shown");
    let text = banner.text_content().unwrap_or_default();
    assert!(text.starts_with("The playground crashed: boom at src/x.rs:1:1"), "{text}");
    assert!(text.contains("reload the page"), "{text}");
    let link = banner.query_selector("a").expect("query").expect("a reload link");
    assert_eq!(link.get_attribute("href"), window.location().href().ok());
    assert_eq!(body.get_attribute("data-state").as_deref(), Some("error"));
    body.remove_child(&banner).expect("remove");
    body.remove_attribute("data-state").expect("reset state");
}
