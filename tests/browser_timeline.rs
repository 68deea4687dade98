//! The timeline and the inspector in headless Chromium:
//!
//! ```text
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test -p asyncio-playground \
//!     --target wasm32-unknown-unknown --test browser_timeline
//! ```
//!
//! The views are mounted in a fresh `<div>` of the test page, with the
//! page's `www/timeline.css`, and fed real scenario traces.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use asyncio_engine::trace::{PrimitiveKind, Snapshot, TraceEvent};
use asyncio_engine::EventLoop;
use asyncio_playground::timeline::{InspectorView, TimelineView, TraceRecorder};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    Document, Element, HtmlCanvasElement, HtmlElement, KeyboardEvent, KeyboardEventInit, PointerEvent,
    PointerEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("the tests run in a page")
}

/// A fresh 800 px wide `<div>` in the page, with the timeline's CSS.
fn host() -> Element {
    let document = document();
    if document.get_element_by_id("timeline-css").is_none() {
        let style = document.create_element("style").expect("a <style>");
        style.set_id("timeline-css");
        style.set_text_content(Some(include_str!("../www/timeline.css")));
        document.body().expect("a <body>").append_child(&style).expect("the CSS goes in");
    }
    let host = document.create_element("div").expect("a <div>");
    host.set_attribute("style", "width: 800px").expect("a style");
    document.body().expect("a <body>").append_child(&host).expect("the host goes in");
    host
}

/// Run scenario `name` in instant mode, recording its trace; also return
/// how many trace events it made.
fn record(name: &str, args: &[&str]) -> (TraceRecorder, usize) {
    let scenario = asyncio_scenarios::find(name).expect("the scenario exists");
    let params = asyncio_scenarios::parse_args(scenario.params(), args).expect("valid parameters");
    let recorder = TraceRecorder::new();
    let events = Rc::new(Cell::new(0usize));
    let event_loop = EventLoop::new();
    {
        let recorder = recorder.clone();
        let events = events.clone();
        event_loop.set_tracer(Box::new(move |time: f64, event: &TraceEvent<'_>| {
            events.set(events.get() + 1);
            recorder.record(time, event);
        }));
    }
    let mut session = asyncio_scenarios::start(&event_loop, &scenario, params);
    session.run_to_end();
    (recorder, events.get())
}

fn canvas_of(host: &Element) -> HtmlCanvasElement {
    host.query_selector("canvas").expect("a selector").expect("a canvas").dyn_into().expect("a <canvas>")
}

/// Fire a primary-button pointer event at canvas point `(x, y)`.
fn pointer(canvas: &HtmlCanvasElement, kind: &str, x: f64, y: f64) {
    let rect = canvas.get_bounding_client_rect();
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_pointer_id(1);
    init.set_pointer_type("mouse");
    init.set_button(0);
    init.set_client_x((rect.left() + x) as i32);
    init.set_client_y((rect.top() + y) as i32);
    let event = PointerEvent::new_with_event_init_dict(kind, &init).expect("a pointer event");
    canvas.dispatch_event(&event).expect("the event is dispatched");
}

fn key(canvas: &HtmlCanvasElement, name: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(name);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a key event");
    canvas.dispatch_event(&event).expect("the event is dispatched");
}

#[wasm_bindgen_test]
fn the_canvas_has_a_size_a_legend_and_a_text_version() {
    let host = host();
    let (recorder, _) = record("sync_semaphore_fetch", &["limit=6", "numbers=12"]);
    let mut timeline = TimelineView::new(&document(), &host).expect("the timeline mounts");
    timeline.update(&recorder);
    timeline.draw_now();

    let canvas = canvas_of(&host);
    assert!(canvas.width() > 0 && canvas.height() > 0, "{}x{}", canvas.width(), canvas.height());
    assert!(canvas.client_width() > 0 && canvas.client_height() > 0);
    // 13 lanes fit without scrolling: 28 px of axis, 20 px a lane, 4 spare.
    assert_eq!(canvas.client_height(), 28 + 13 * 20 + 4);
    assert!(canvas.get_attribute("aria-label").is_some_and(|l| l.contains("one lane per task")));
    assert_eq!(canvas.get_attribute("tabindex").as_deref(), Some("0"));

    let legend = host.query_selector_all(".tl-legend li").expect("a selector");
    assert_eq!(legend.length(), 7);
    let summary = host.query_selector(".tl-summary").expect("a selector").expect("a text version");
    let text = summary.text_content().unwrap_or_default();
    assert!(text.starts_with("13 tasks from 0.0 to 2.0 s."), "{text}");
    assert!(
        text.contains(
            "Task-9: waiting on Semaphore sema from 0.0 to 1.0 s; sleeping in sleep(1.0) from 1.0 to 2.0 s"
        ),
        "{text}"
    );
    let range = host.query_selector(".tl-range").expect("a selector").expect("the range").text_content();
    assert_eq!(range.as_deref(), Some("0.0 to 2.04 s of 2.0 s"));

    drop(timeline);
    assert!(host.query_selector(".timeline").expect("a selector").is_none(), "dropping removes the view");
}

#[wasm_bindgen_test]
fn a_big_trace_draws_only_the_visible_window() {
    let host = host();
    let (recorder, events) = record("exec_pool_jobs", &["jobs=1000"]);
    assert!(events > 10_000, "{events} events");
    let mut timeline = TimelineView::new(&document(), &host).expect("the timeline mounts");
    timeline.update(&recorder);
    timeline.draw_now();

    let rec = recorder.borrow();
    let total: usize = rec.lanes().iter().map(|lane| lane.bars().len()).sum();
    assert_eq!(rec.lanes().len(), 2001);
    // The canvas stops growing and the lanes scroll.
    let canvas = canvas_of(&host);
    assert_eq!(canvas.client_height(), 440);
    let visible_lanes = (440 - 28) / 20 + 1;

    // The whole run: at most a few marks per pixel column of the lanes on
    // screen, far fewer than the bars.
    let whole = timeline.last_draw_count();
    assert!(whole > 0);
    assert!(whole <= visible_lanes * 2 * 800, "{whole} drawn");
    assert!(whole < total / 10, "{whole} drawn of {total}");

    // One second of the run: only the bars in it, for the lanes on screen.
    timeline.set_window(100.0, 101.0);
    assert_eq!(timeline.window(), (100.0, 101.0));
    timeline.draw_now();
    let in_window: usize = (0..visible_lanes).map(|lane| rec.bars_in(lane, 100.0, 101.0).len()).sum();
    let zoomed = timeline.last_draw_count();
    assert!(zoomed >= visible_lanes - 1 && zoomed <= in_window, "{zoomed} drawn, {in_window} in the window");

    // Scrolled to lane 500: the same bound, other lanes.
    let scroller: HtmlElement = host
        .query_selector(".tl-scroll")
        .expect("a selector")
        .expect("the scroll box")
        .dyn_into()
        .expect("a div");
    scroller.set_scroll_top(500 * 20);
    timeline.draw_now();
    let first = (f64::from(scroller.scroll_top()) / 20.0) as usize;
    let in_window: usize =
        (first..first + visible_lanes).map(|lane| rec.bars_in(lane, 100.0, 101.0).len()).sum();
    let scrolled = timeline.last_draw_count();
    assert!(scrolled >= 1 && scrolled <= in_window, "{scrolled} drawn, {in_window} in the window");

    // Hover finds the bar under the pointer: Task-502 waits for a worker.
    let lane = rec.lane_named("Task-502").expect("Task-502");
    let (x, y) = timeline.point_of(lane, 100.5).expect("a laid out frame");
    assert_eq!(
        timeline.hover_text_at(x, y).as_deref(),
        Some("Task-502 waiting on default executor job faa(500) for 168.0 s (from 0.0 to 168.0 s)")
    );
    scroller.set_scroll_top(0);
    timeline.set_window(0.0, 10.0);
    timeline.draw_now();
    let (x, y) = timeline.point_of(1, 1.0).expect("a laid out frame");
    assert_eq!(
        timeline.hover_text_at(x, y).as_deref(),
        Some("Task-2 waiting on default executor job faa(0) for 2.0 s (from 0.0 to 2.0 s)")
    );
    // Over the lane labels there is nothing to say.
    assert_eq!(timeline.hover_text_at(4.0, y), None);
}

#[wasm_bindgen_test]
fn scrubbing_moves_the_cursor_and_the_inspector_follows() {
    let host = host();
    let (recorder, _) = record("sync_semaphore_fetch", &["limit=6", "numbers=12"]);
    let timeline = Rc::new(RefCell::new(TimelineView::new(&document(), &host).expect("the timeline mounts")));
    let inspector =
        Rc::new(RefCell::new(InspectorView::new(&document(), &host).expect("the inspector mounts")));
    let scrubbed = Rc::new(Cell::new(f64::NAN));
    {
        // What the page does: the callback moves the cursor (calling back
        // into the view) and updates the inspector.
        let (view, inspector, recorder, scrubbed) =
            (Rc::downgrade(&timeline), inspector.clone(), recorder.clone(), scrubbed.clone());
        timeline.borrow_mut().set_on_scrub(Box::new(move |t| {
            scrubbed.set(t);
            if let Some(view) = view.upgrade() {
                view.borrow_mut().set_cursor(t);
            }
            inspector.borrow_mut().update(&recorder, t).expect("the inspector updates");
        }));
    }
    timeline.borrow_mut().update(&recorder);
    timeline.borrow_mut().draw_now();

    // A click on the axis at 0.5 s.
    let canvas = canvas_of(&host);
    let (x, _) = timeline.borrow().point_of(0, 0.5).expect("a laid out frame");
    pointer(&canvas, "pointerdown", x, 10.0);
    pointer(&canvas, "pointerup", x, 10.0);
    let t = scrubbed.get();
    assert!((t - 0.5).abs() < 0.01, "scrubbed to {t}");
    assert_eq!(timeline.borrow().cursor(), Some(t));

    let text = inspector.borrow().element().text_content().unwrap_or_default();
    assert!(text.contains("sema"), "{text}");
    assert!(text.contains("Semaphore"), "{text}");
    assert!(text.contains("Task-8, Task-9, Task-10, Task-11, Task-12, Task-13 (6)"), "{text}");
    assert!(text.contains("Last change: Task-13 waits"), "{text}");
    let rows =
        inspector.borrow().element().query_selector_all(".insp-task-table tbody tr").expect("a selector");
    assert_eq!(rows.length(), 13, "every task is alive at 0.5 s");
    assert!(text.contains("waiting on Semaphore sema"), "{text}");

    // Dragging along the axis follows the pointer; End goes to the end.
    let (x1, _) = timeline.borrow().point_of(0, 1.5).expect("a laid out frame");
    pointer(&canvas, "pointerdown", x, 10.0);
    pointer(&canvas, "pointermove", x1, 10.0);
    pointer(&canvas, "pointerup", x1, 10.0);
    assert!((scrubbed.get() - 1.5).abs() < 0.01, "dragged to {}", scrubbed.get());
    key(&canvas, "End");
    assert_eq!(scrubbed.get(), 2.0);
    let text = inspector.borrow().element().text_content().unwrap_or_default();
    assert!(text.contains("Finished — done: Task-1"), "{text}");
    assert!(text.contains("value6"), "the semaphore is free again: {text}");

    // Keys zoom and fit; a drag on the lanes pans.
    key(&canvas, "+");
    let (start, end) = timeline.borrow().window();
    assert!((end - start - 1.02).abs() < 1e-9, "{start}..{end}");
    timeline.borrow_mut().draw_now();
    let (a, y) = timeline.borrow().point_of(3, start + 0.5).expect("a laid out frame");
    pointer(&canvas, "pointerdown", a, y);
    pointer(&canvas, "pointermove", a + 100.0, y);
    pointer(&canvas, "pointerup", a + 100.0, y);
    let (panned, _) = timeline.borrow().window();
    assert!(panned < start, "dragging right shows earlier times: {panned} < {start}");
    key(&canvas, "0");
    assert_eq!(timeline.borrow().window(), (0.0, 2.04));
}

#[wasm_bindgen_test]
fn the_inspector_inserts_text_never_html() {
    let host = host();
    let recorder = TraceRecorder::new();
    let name = "<img src=x id=injected>";
    recorder.record(0.0, &TraceEvent::TaskCreated { task: 1, name });
    recorder.record(0.0, &TraceEvent::StepStart { task: 1 });
    let items = ["'<b>bold</b>'".to_string()];
    let snapshot = Snapshot::Queue {
        qsize: 1,
        maxsize: 0,
        getters: &[],
        putters: &[],
        unfinished: 1,
        joiners: &[],
        items: Some(&items),
    };
    let kind = PrimitiveKind::Queue;
    recorder.record(0.0, &TraceEvent::Primitive { name, kind, action: Some("Task-1 put"), snapshot });
    recorder.record(0.0, &TraceEvent::Waiting { task: 1, on: "<script>x</script>" });
    recorder.record(0.0, &TraceEvent::StepEnd { task: 1 });
    recorder.record(1.0, &TraceEvent::Print { line: "<i>printed</i>" });
    let mut inspector = InspectorView::new(&document(), &host).expect("the inspector mounts");
    inspector.update(&recorder, 1.0).expect("the inspector updates");
    let mut timeline = TimelineView::new(&document(), &host).expect("the timeline mounts");
    timeline.update(&recorder);
    timeline.draw_now();

    for tag in ["img", "b", "i", "script"] {
        let found = host.query_selector(&format!(".inspector {tag}, .timeline {tag}")).expect("a selector");
        assert!(found.is_none(), "a <{tag}> was made from text");
    }
    let text = inspector.element().text_content().unwrap_or_default();
    assert!(text.contains(name), "{text}");
    assert!(text.contains("'<b>bold</b>' (1)"), "{text}");
    assert!(text.contains("waiting on <script>x</script>"), "{text}");
    assert!(text.contains("<i>printed</i>"), "{text}");
}
