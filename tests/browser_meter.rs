//! The responsiveness meter in headless Chromium:
//!
//! ```text
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test -p asyncio-playground \
//!     --target wasm32-unknown-unknown --test browser_meter
//! ```
//!
//! The meter is mounted in a fresh `<div>` of the test page, with the
//! page's `www/meter.css`. The tests wait for animation frames (a promise
//! resolved by `requestAnimationFrame`), never for a time, and block the
//! page's thread with a busy loop as a `time.sleep` on the loop thread does.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use asyncio_playground::meter::FrameMeter;
use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, Document, Element, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("the tests run in a page")
}

/// A fresh 600 px wide `<div>` in the page, with the meter's CSS.
fn host() -> Element {
    let document = document();
    if document.get_element_by_id("meter-css").is_none() {
        let style = document.create_element("style").expect("a <style>");
        style.set_id("meter-css");
        style.set_text_content(Some(include_str!("../www/meter.css")));
        document.body().expect("a <body>").append_child(&style).expect("the CSS goes in");
    }
    let host = document.create_element("div").expect("a <div>");
    host.set_attribute("style", "width: 600px").expect("a style");
    document.body().expect("a <body>").append_child(&host).expect("the host goes in");
    host
}

/// A meter placed in a fresh host, drawing normal bars in pure blue and
/// stalls in pure red (so the test can find them in the bitmap).
fn mounted_meter() -> (Element, FrameMeter) {
    let host = host();
    let meter = FrameMeter::new(&document()).expect("the meter builds");
    host.append_child(meter.element()).expect("the meter goes in");
    let style = meter.element().unchecked_ref::<HtmlElement>().style();
    style.set_property("--meter-bar", "rgb(0, 0, 255)").expect("a custom property");
    style.set_property("--meter-stall", "rgb(255, 0, 0)").expect("a custom property");
    (host, meter)
}

/// Wait for the next animation frame; its timestamp.
async fn next_frame() -> f64 {
    let promise = Promise::new(&mut |resolve, _reject| {
        let window = web_sys::window().expect("a window");
        window.request_animation_frame(&resolve).expect("a frame is requested");
    });
    JsFuture::from(promise).await.expect("the frame comes").as_f64().expect("a timestamp")
}

async fn frames(n: usize) {
    for _ in 0..n {
        next_frame().await;
    }
}

/// Keep the page's thread busy for `ms`, as a `time.sleep` on the loop
/// thread does in real mode.
fn block_for(ms: f64) {
    let performance = web_sys::window().and_then(|w| w.performance()).expect("performance");
    let start = performance.now();
    while performance.now() - start < ms {}
}

fn number(element: &Element, name: &str) -> f64 {
    let value = element.get_attribute(name).unwrap_or_else(|| panic!("{name} is set"));
    value.parse().unwrap_or_else(|_| panic!("{name}={value:?} is a number"))
}

/// How many pixels of the meter's canvas have exactly colour `rgb`.
fn pixels_of(host: &Element, rgb: [u8; 3]) -> usize {
    let canvas: HtmlCanvasElement =
        host.query_selector("canvas").expect("a selector").expect("a canvas").dyn_into().expect("a <canvas>");
    let context: CanvasRenderingContext2d =
        canvas.get_context("2d").expect("a context").expect("a 2D context").dyn_into().expect("a 2D context");
    let image = context
        .get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()))
        .expect("the pixels");
    image.data().chunks_exact(4).filter(|px| px[..3] == rgb && px[3] == 255).count()
}

const BLUE: [u8; 3] = [0, 0, 255];
const RED: [u8; 3] = [255, 0, 0];

#[wasm_bindgen_test]
fn the_meter_builds_its_section() {
    let (host, meter) = mounted_meter();
    let section = meter.element();
    assert_eq!(section.tag_name(), "SECTION");
    assert_eq!(section.class_name(), "meter");
    assert_eq!(section.get_attribute("aria-label").as_deref(), Some("Responsiveness meter"));
    let heading = section.query_selector("h3").expect("a selector").expect("a heading");
    assert_eq!(heading.text_content().as_deref(), Some("Frame times"));
    let canvas = host.query_selector(".meter canvas").expect("a selector").expect("a canvas");
    assert_eq!(canvas.client_height(), 100);
    assert_eq!(canvas.client_width(), 600);
    let text = section.query_selector(".meter-text").expect("a selector").expect("a text line");
    assert_eq!(text.text_content().as_deref(), Some("no frames measured yet"));
    assert_eq!(number(section, "data-frames"), 0.0);
    assert_eq!(number(section, "data-longest-ms"), 0.0);
    assert_eq!(number(section, "data-median-ms"), 0.0);
    assert_eq!(number(section, "data-stalls"), 0.0);
    assert_eq!(number(section, "data-scale-ms"), 50.0);
    assert!(!meter.is_running());
}

#[wasm_bindgen_test]
async fn a_blocked_thread_shows_as_a_stall() {
    let (host, mut meter) = mounted_meter();
    let section = meter.element().clone();
    meter.start();
    assert!(meter.is_running());
    assert!(section.has_attribute("data-running"), "a running meter says so");
    // The meter asked for its frame before the test did, so it runs first
    // in every frame: five frames are five durations, the first from the
    // start.
    frames(5).await;
    assert_eq!(meter.stats().frame_count(), 5);

    // Block between two frames, as time.sleep on the loop thread does.
    next_frame().await;
    block_for(300.0);
    frames(3).await;

    let stats = meter.stats();
    // Frame timestamps are coarsened: allow a little under the 300 ms.
    assert!(stats.longest() >= 290.0, "longest {}", stats.longest());
    assert!(stats.stalls() >= 1);
    // The text was due: the blocked frame came more than 250 ms after the
    // previous update.
    assert!(number(&section, "data-longest-ms") >= 250.0, "{:?}", section.get_attribute("data-longest-ms"));
    assert!(number(&section, "data-stalls") >= 1.0);
    assert!(number(&section, "data-frames") >= 5.0);
    assert!(number(&section, "data-scale-ms") >= 500.0);
    let text = section.text_content().unwrap_or_default();
    assert!(text.contains("over 50 ms") && text.contains("longest"), "{text}");

    // The stall is a red bar; the smooth frames blue ones.
    meter.draw_now();
    let red = pixels_of(&host, RED);
    assert!(red > 0, "no stall bar drawn");
    assert!(pixels_of(&host, BLUE) > 0, "no frame bars drawn");

    // Stopped: frames are no longer counted, the picture and the final
    // text stay.
    meter.stop();
    assert!(!meter.is_running());
    assert!(!section.has_attribute("data-running"), "a stopped meter says so");
    let counted = meter.stats().frame_count();
    assert_eq!(number(&section, "data-frames"), counted as f64);
    frames(5).await;
    assert_eq!(meter.stats().frame_count(), counted);
    assert_eq!(number(&section, "data-frames"), counted as f64);
    assert_eq!(pixels_of(&host, RED), red);

    // Started again: the time it was stopped is not a frame, the time from
    // the start to the first frame is.
    meter.start();
    frames(3).await;
    assert_eq!(meter.stats().frame_count(), counted + 3);
    let restarted: Vec<f64> = meter.stats().frames().rev().take(3).map(|f| f.duration_ms).collect();
    assert!(restarted.iter().all(|&d| d < 250.0), "the stopped time counted: {restarted:?}");

    // Reset: everything goes back to zero, and the meter keeps running.
    meter.reset();
    assert_eq!(number(&section, "data-frames"), 0.0);
    assert_eq!(number(&section, "data-longest-ms"), 0.0);
    assert_eq!(number(&section, "data-stalls"), 0.0);
    assert_eq!(pixels_of(&host, RED), 0);
    frames(3).await;
    assert_eq!(meter.stats().frame_count(), 2);
    meter.stop();
}

#[wasm_bindgen_test]
async fn a_block_right_after_the_start_is_the_first_frame() {
    // A run's first slice can run before the meter's first frame: it must
    // still be measured.
    let (_host, mut meter) = mounted_meter();
    let section = meter.element().clone();
    frames(2).await;
    meter.start();
    block_for(300.0);
    frames(2).await;
    meter.stop();
    assert!(meter.stats().longest() >= 290.0, "longest {}", meter.stats().longest());
    assert!(number(&section, "data-longest-ms") >= 290.0);
    // The block is one long frame, not two (a loaded machine may add a
    // short stall of its own, so only the long ones are counted).
    let long = meter.stats().frames().filter(|f| f.duration_ms >= 250.0).count();
    assert_eq!(long, 1, "{:?}", meter.stats().frames().collect::<Vec<_>>());
    assert!(number(&section, "data-stalls") >= 1.0);
}

#[wasm_bindgen_test]
async fn dropping_the_meter_cancels_its_frame() {
    // A frame callback invoked after its closure was dropped throws; count
    // the page's uncaught errors while frames go by.
    let errors = Rc::new(Cell::new(0u32));
    let window = web_sys::window().expect("a window");
    let on_error = {
        let errors = errors.clone();
        Closure::<dyn FnMut()>::new(move || errors.set(errors.get() + 1))
    };
    window.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref()).expect("a listener");

    let (host, mut meter) = mounted_meter();
    let section = meter.element().clone();
    meter.start();
    frames(3).await;
    assert!(meter.stats().frame_count() >= 2);
    // A frame is pending now: the meter asks for the next one in each.
    drop(meter);
    assert!(!section.is_connected(), "the section leaves the page");
    assert!(host.query_selector(".meter").expect("a selector").is_none());
    let frames_before = section.get_attribute("data-frames");
    frames(5).await;
    assert_eq!(section.get_attribute("data-frames"), frames_before);
    assert_eq!(errors.get(), 0, "a dropped meter's frame ran");

    window
        .remove_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .expect("the listener goes");
}

#[wasm_bindgen_test]
async fn a_meter_outside_the_page_still_measures() {
    let mut meter = FrameMeter::new(&document()).expect("the meter builds");
    meter.start();
    frames(4).await;
    assert_eq!(meter.stats().frame_count(), 4);
    // Nothing to draw on a canvas without a size, and no harm in asking.
    meter.draw_now();
    meter.stop();
    assert_eq!(meter.element().get_attribute("data-frames").as_deref(), Some("4"));
}
