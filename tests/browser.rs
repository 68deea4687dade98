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

mod common;

use asyncio_engine::jobs::{Job, JobValue};
use asyncio_playground::worker_protocol::{Reply, Request};
use common::{require_dist, window, with_timeout, WORKER_TIMEOUT_MS, WORKER_URL};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{ErrorEvent, Event, MessageEvent, Worker, WorkerOptions, WorkerType};

wasm_bindgen_test_configure!(run_in_browser);

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

fn job(id: u32, job: Job) -> Request {
    Request::Job { id, job }
}

#[wasm_bindgen_test]
async fn the_trunk_built_worker_answers_requests() {
    let worker = spawn_worker().await;

    let reply = ask(&worker, &job(1, Job::CountPrimes { n: 10_000 })).await;
    assert_eq!(reply, Reply::Result { id: 1, value: JobValue::Number(1229.0) });

    let reply = ask(&worker, &job(2, Job::Echo { text: "héllo, 世界".into() })).await;
    assert_eq!(reply, Reply::Result { id: 2, value: JobValue::Text("héllo, 世界".into()) });

    let reply = ask(&worker, &job(3, Job::BusyWait { ms: 1.0 })).await;
    assert_eq!(reply, Reply::Result { id: 3, value: JobValue::None });

    let reply = ask(&worker, &job(4, Job::Fib { n: 51 })).await;
    assert_eq!(reply, Reply::Failed { id: 4, message: "fib: n must be from 0 to 50, got 51".into() });

    worker.terminate();
}

#[wasm_bindgen_test]
async fn the_worker_answers_a_bad_request_with_an_error() {
    let worker = spawn_worker().await;
    let bad = Object::new();
    let job = Object::new();
    Reflect::set(&job, &"name".into(), &"count_primes".into()).expect("set on a plain object");
    Reflect::set(&job, &"n".into(), &(-1).into()).expect("set on a plain object");
    Reflect::set(&bad, &"kind".into(), &"job".into()).expect("set on a plain object");
    Reflect::set(&bad, &"id".into(), &3.into()).expect("set on a plain object");
    Reflect::set(&bad, &"job".into(), &job).expect("set on a plain object");
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
    for request in [
        job(0, Job::CountPrimes { n: u32::MAX }),
        job(9, Job::Echo { text: String::new() }),
        job(10, Job::HashRounds { rounds: 3, seed: 4 }),
        job(11, Job::BusyWait { ms: 2.5 }),
    ] {
        assert_eq!(Request::from_js(&request.to_js()), Ok(request));
    }
    for reply in [
        Reply::Ready,
        Reply::Result { id: 3, value: JobValue::None },
        Reply::Result { id: 4, value: JobValue::Number(0.5) },
        Reply::Result { id: 5, value: JobValue::Text("x".into()) },
        Reply::Failed { id: 6, message: "out of range".into() },
        Reply::Panic { id: Some(7), message: "boom".into() },
        Reply::Error { id: None, message: "bad".into() },
        Reply::Error { id: Some(6), message: "worse".into() },
    ] {
        assert_eq!(Reply::from_js(&reply.to_js()), Ok(reply));
    }
    // None crosses as null.
    let value = Reflect::get(&Reply::Result { id: 1, value: JobValue::None }.to_js(), &"value".into());
    assert_eq!(value.ok(), Some(JsValue::NULL));
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
    let job = |pairs: &[(&str, JsValue)]| plain(pairs);
    let cases = [
        (JsValue::from_str("job"), None),
        (plain(&[("id", 1.into())]), Some(1)),
        (plain(&[("kind", "nope".into()), ("id", 2.into())]), Some(2)),
        (plain(&[("kind", "job".into()), ("job", job(&[("name", "fib".into()), ("n", 5.into())]))]), None),
        (
            plain(&[
                ("kind", "job".into()),
                ("id", 3.into()),
                ("job", job(&[("name", "count_primes".into()), ("n", 1.5.into())])),
            ]),
            Some(3),
        ),
        (
            plain(&[
                ("kind", "job".into()),
                ("id", 4.into()),
                ("job", job(&[("name", "echo".into()), ("text", 7.into())])),
            ]),
            Some(4),
        ),
        (plain(&[("kind", "job".into()), ("id", 5.into()), ("job", js_sys::Array::new().into())]), Some(5)),
        (plain(&[("kind", "job".into()), ("id", 6.into()), ("job", job(&[("name", true.into())]))]), Some(6)),
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
