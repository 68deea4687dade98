//! [`TimelineView`]: one lane per task on a `<canvas>`, bars coloured by
//! state, a time axis in loop seconds, a time cursor, zoom, pan, hover and
//! scrubbing.
//!
//! The view reads a [`TraceRecorder`] handle it keeps from the last
//! [`TimelineView::update`]; every change (an update, a zoom, a scroll, the
//! cursor) only asks for a frame, and one `requestAnimationFrame` callback
//! draws the visible part: the lanes in the scrolled viewport and, in each,
//! the bars of the visible window found by binary search, with bars thinner
//! than a pixel merged per pixel column. Drawing cost is therefore bounded
//! by the viewport, not by the length of the run.
//!
//! Lanes scroll vertically in a native scroll box (the canvas is sticky
//! inside it, a spacer gives the box its height), so the wheel, touch and
//! the scroll bar work as on any page. The box is exactly as tall as the
//! canvas (its border lies outside that height, `www/timeline.css`), so it
//! scrolls only when the lanes are taller than `MAX_VIEW_HEIGHT`; a plain
//! wheel over the timeline otherwise scrolls the page, and at either end of
//! the lanes it goes on to the page. Ctrl+wheel (a trackpad pinch) zooms,
//! a horizontal wheel or a drag pans, a click or a drag on the axis moves
//! the cursor and reports it through the scrub callback.
//!
//! Colours come from CSS custom properties (`--tl-running`, ... in
//! `www/timeline.css`, light and dark), read at each frame, so the canvas
//! follows the colour scheme; a change of scheme asks for a frame.
//!
//! This file builds the view and answers its events; `draw` (a child module)
//! lays out and draws one frame.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CanvasRenderingContext2d, Document, Element, Event, HtmlCanvasElement, HtmlElement, KeyboardEvent,
    MouseEvent, PointerEvent, ResizeObserver, WheelEvent, Window,
};

use super::axis::{self, Window as TimeWindow};
use super::model::{seconds, TraceRecorder};
use crate::dom::{append, element, text_element, EventListener};

mod draw;

/// Height of the time axis at the top of the canvas, in CSS pixels.
const AXIS_HEIGHT: f64 = 28.0;
/// Height of one lane.
const ROW_HEIGHT: f64 = 20.0;
/// Pixels a pointer may move before a press becomes a drag.
const DRAG_THRESHOLD: f64 = 3.0;
/// Pixels around a thin bar that still hover it.
const HOVER_SLOP: f64 = 3.0;

thread_local! {
    /// Distinguishes the ids of several views on one page.
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

fn next_id() -> u32 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// The timeline: lanes of task states over loop time.
///
/// It owns its DOM (`<section class="timeline">` appended to the parent, and
/// removed on drop), its event listeners and its animation-frame and resize
/// callbacks; dropping the view releases them all.
pub struct TimelineView {
    root: Element,
    shared: Rc<Shared>,
    _listeners: Vec<EventListener>,
    resize: Option<(ResizeObserver, Closure<dyn FnMut()>)>,
}

/// What the page is told when the user moves the cursor.
type ScrubCallback = Box<dyn FnMut(f64)>;
/// See [`TimelineView::set_on_hover`].
pub type HoverCallback = Box<dyn FnMut(Option<(usize, f64)>)>;
type FrameCallback = Closure<dyn FnMut(f64)>;

/// What the event handlers and the frame callback share.
struct Shared {
    window: Window,
    root: HtmlElement,
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    scroller: HtmlElement,
    spacer: HtmlElement,
    tooltip: HtmlElement,
    range: Element,
    truncated: HtmlElement,
    summary: Element,
    state: RefCell<State>,
    /// Taken out while it runs, so that it may call back into the view.
    on_scrub: RefCell<Option<ScrubCallback>>,
    /// Told which lane and time the pointer is over (`None`: none); taken
    /// out while it runs, like `on_scrub`.
    on_hover: RefCell<Option<HoverCallback>>,
    /// What `on_hover` was last told.
    hovered: std::cell::Cell<Option<(usize, f64)>>,
    /// The animation-frame callback (it holds a `Weak` of this struct) and
    /// the id of the frame requested, if any.
    frame_callback: RefCell<Option<FrameCallback>>,
    frame_requested: Cell<Option<i32>>,
}

#[derive(Default)]
struct State {
    recorder: Option<TraceRecorder>,
    generation: u64,
    summary_revision: Option<u64>,
    /// The visible window; `None` fits the whole run (and follows it).
    window: Option<TimeWindow>,
    cursor: Option<f64>,
    /// The latest time the page put the cursor at: open bars reach it while
    /// a paced run sleeps between events.
    live_end: f64,
    drag: Drag,
    last_draw_count: usize,
    layout: Layout,
    label_width: f64,
    label_revision: Option<u64>,
}

#[derive(Default, Clone, Copy)]
enum Drag {
    #[default]
    None,
    /// A press on the lanes: a click if it does not move, else a pan.
    Pan { pointer: i32, x: f64, window: TimeWindow, moved: bool },
    /// A press on the axis: the cursor follows the pointer.
    Scrub { pointer: i32 },
}

/// The geometry of the last frame, for hit tests.
#[derive(Default, Clone, Copy)]
struct Layout {
    width: f64,
    plot_left: f64,
    plot_width: f64,
    scroll_top: f64,
    lanes: usize,
    window: Option<TimeWindow>,
}

/// What is under a point of the canvas.
enum Hit {
    Axis(f64),
    Lane(usize, f64),
    Nothing,
}

impl Layout {
    fn hit(&self, x: f64, y: f64) -> Hit {
        let Some(window) = self.window else { return Hit::Nothing };
        if self.plot_width <= 0.0 || x < self.plot_left {
            return Hit::Nothing;
        }
        let t = window.t_of(x, self.plot_left, self.plot_width);
        if y < AXIS_HEIGHT {
            return Hit::Axis(t);
        }
        let lane = ((y - AXIS_HEIGHT + self.scroll_top) / ROW_HEIGHT).floor();
        if lane < 0.0 || lane as usize >= self.lanes {
            return Hit::Nothing;
        }
        Hit::Lane(lane as usize, t)
    }

    /// Seconds per CSS pixel.
    fn seconds_per_pixel(&self) -> f64 {
        match self.window {
            Some(window) if self.plot_width > 0.0 => window.span() / self.plot_width,
            _ => 0.0,
        }
    }
}

const LEGEND: [(&str, &str); 7] = [
    ("running", "running"),
    ("ready", "ready"),
    ("sleeping", "sleeping"),
    ("waiting", "waiting (lock, semaphore, event, queue, future, task)"),
    ("done", "done"),
    ("cancelled", "cancelled"),
    ("failed", "failed"),
];

impl TimelineView {
    /// Build the timeline at the end of `parent`: a toolbar (zoom buttons,
    /// the visible range), a legend, the canvas in its scroll box, a hover
    /// tooltip and a visually hidden text version of the lanes.
    ///
    /// # Errors
    /// When the DOM refuses an element or the canvas has no 2D context.
    pub fn new(document: &Document, parent: &Element) -> Result<TimelineView, JsValue> {
        let window = web_sys::window().ok_or("the timeline needs a browser window")?;
        let id = next_id();
        let root = element(document, "section", "timeline")?;
        root.set_attribute("aria-label", "Timeline")?;
        let toolbar = Toolbar::new(document, id)?;
        append(&root, &toolbar.root)?;
        append(&root, &legend(document)?)?;
        let truncated = element(document, "p", "tl-truncated")?.unchecked_into::<HtmlElement>();
        truncated.set_attribute("role", "status")?;
        truncated.set_hidden(true);
        append(&root, &truncated)?;
        let stage = Stage::new(document, id)?;
        append(&root, &stage.root)?;
        let summary = element(document, "div", "tl-summary visually-hidden")?;
        summary.set_id(&format!("tl-summary-{id}"));
        append(&root, &summary)?;

        let context = stage
            .canvas
            .get_context("2d")?
            .ok_or("the canvas has no 2D context")?
            .dyn_into::<CanvasRenderingContext2d>()?;
        append(parent, &root)?;

        let shared = Rc::new(Shared {
            window: window.clone(),
            root: root.clone().unchecked_into(),
            canvas: stage.canvas,
            context,
            scroller: stage.scroller,
            spacer: stage.spacer,
            tooltip: stage.tooltip,
            range: toolbar.range,
            truncated,
            summary,
            state: RefCell::new(State::default()),
            on_scrub: RefCell::new(None),
            on_hover: RefCell::new(None),
            hovered: std::cell::Cell::new(None),
            frame_callback: RefCell::new(None),
            frame_requested: Cell::new(None),
        });
        let weak = Rc::downgrade(&shared);
        *shared.frame_callback.borrow_mut() = Some(Closure::new(move |_time: f64| {
            if let Some(shared) = weak.upgrade() {
                shared.frame_requested.set(None);
                shared.draw();
            }
        }));

        let listeners = listen(&shared, &window, [&toolbar.zoom_out, &toolbar.zoom_in, &toolbar.fit])?;
        let resize = observe_resize(&shared);
        shared.request_frame();
        Ok(TimelineView { root, shared, _listeners: listeners, resize })
    }

    /// The `<section class="timeline">` the view lives in.
    pub fn element(&self) -> &Element {
        &self.root
    }

    /// Show `recorder`'s recording (the view keeps the handle, so zooming
    /// and scrolling later redraw from it). Call after each batch of loop
    /// iterations; the drawing itself happens once per animation frame. A
    /// new recorder, or the same one cleared, fits the view to the run again.
    pub fn update(&mut self, recorder: &TraceRecorder) {
        {
            let mut state = self.shared.state.borrow_mut();
            let generation = recorder.try_borrow().map_or(state.generation, |r| r.generation());
            let same = state.recorder.as_ref().is_some_and(|held| held.ptr_eq(recorder));
            if !same || generation != state.generation {
                state.recorder = Some(recorder.clone());
                state.generation = generation;
                state.window = None;
                state.live_end = 0.0;
                state.summary_revision = None;
                state.label_revision = None;
            }
        }
        self.shared.request_frame();
    }

    /// Put the time cursor at loop time `t` (the run's progress, or where
    /// the page scrubbed to). When zoomed in and the cursor runs off the
    /// right edge, the view follows it. Does not call the scrub callback.
    pub fn set_cursor(&mut self, t: f64) {
        if !t.is_finite() {
            return;
        }
        {
            let mut state = self.shared.state.borrow_mut();
            let previous = state.cursor;
            state.cursor = Some(t);
            state.live_end = state.live_end.max(t);
            if let Some(window) = state.window {
                let was_visible = previous.is_some_and(|p| p >= window.start && p <= window.end);
                if was_visible && t > window.end {
                    let limits = limits_of(&state);
                    state.window = Some(window.pan(t - window.end + window.span() * 0.1, limits));
                }
            }
        }
        self.shared.request_frame();
    }

    /// Hide the time cursor.
    pub fn clear_cursor(&mut self) {
        self.shared.state.borrow_mut().cursor = None;
        self.shared.request_frame();
    }

    /// Where the cursor is.
    pub fn cursor(&self) -> Option<f64> {
        self.shared.state.borrow().cursor
    }

    /// Called with the new time whenever the user moves the cursor (a click
    /// or drag on the axis, a click on the lanes, Shift+arrows, Home/End).
    /// The view has already moved its own cursor; the callback may call
    /// back into the view.
    pub fn set_on_scrub(&mut self, on_scrub: Box<dyn FnMut(f64)>) {
        *self.shared.on_scrub.borrow_mut() = Some(on_scrub);
    }

    /// Called with the lane and loop time under the pointer as it moves
    /// over the lanes, and `None` when it leaves them.
    pub fn set_on_hover(&mut self, on_hover: HoverCallback) {
        *self.shared.on_hover.borrow_mut() = Some(on_hover);
    }

    /// Show loop times `[start, end]` (clamped to the run).
    pub fn set_window(&mut self, start: f64, end: f64) {
        if !(start.is_finite() && end.is_finite() && end > start) {
            return;
        }
        {
            let mut state = self.shared.state.borrow_mut();
            let limits = limits_of(&state);
            let window = TimeWindow { start, end: end.max(start + axis::MIN_SPAN) }.clamped(limits);
            state.window = if window.span() >= limits.span() { None } else { Some(window) };
        }
        self.shared.request_frame();
    }

    /// The visible loop times.
    pub fn window(&self) -> (f64, f64) {
        let state = self.shared.state.borrow();
        let window = state.window.unwrap_or_else(|| limits_of(&state));
        (window.start, window.end)
    }

    /// Zoom by `factor` (below 1 zooms in) around the cursor, or the middle.
    pub fn zoom_by(&mut self, factor: f64) {
        self.shared.zoom(factor, None);
    }

    /// Show the whole run again, and follow it as it grows.
    pub fn fit(&mut self) {
        self.shared.state.borrow_mut().window = None;
        self.shared.request_frame();
    }

    /// Draw now instead of at the next animation frame (for tests, and
    /// before a screenshot).
    pub fn draw_now(&mut self) {
        self.shared.draw();
    }

    /// How many bars the last frame drew (sub-pixel bars merged per pixel
    /// column count once).
    pub fn last_draw_count(&self) -> usize {
        self.shared.state.borrow().last_draw_count
    }

    /// Where loop time `t` in lane `lane` is on the canvas (CSS pixels from
    /// its top left corner, the middle of the lane's row), as the last frame
    /// laid it out; `None` before the first frame.
    pub fn point_of(&self, lane: usize, t: f64) -> Option<(f64, f64)> {
        let layout = self.shared.state.borrow().layout;
        let window = layout.window?;
        let x = window.x_of(t, layout.plot_left, layout.plot_width);
        let y = AXIS_HEIGHT + (lane as f64 + 0.5) * ROW_HEIGHT - layout.scroll_top;
        Some((x, y))
    }

    /// The tooltip for a point of the canvas, in CSS pixels from its top
    /// left corner, as the last frame laid it out.
    pub fn hover_text_at(&self, x: f64, y: f64) -> Option<String> {
        self.shared.hover_text(x, y)
    }
}

impl Drop for TimelineView {
    fn drop(&mut self) {
        if let Some(id) = self.shared.frame_requested.take() {
            // Cancelling a frame that already ran is harmless.
            let _ = self.shared.window.cancel_animation_frame(id);
        }
        if let Some((observer, _callback)) = self.resize.take() {
            observer.disconnect();
        }
        // The frame callback holds only a Weak; dropping it here ends it.
        self.shared.frame_callback.borrow_mut().take();
        self.root.remove();
    }
}

fn tool_button(document: &Document, text: &str, label: &str) -> Result<Element, JsValue> {
    let button = text_element(document, "button", "tl-button", text)?;
    button.set_attribute("type", "button")?;
    button.set_attribute("aria-label", label)?;
    button.set_attribute("title", label)?;
    Ok(button)
}

/// The toolbar: the zoom buttons, the visible range and the help.
struct Toolbar {
    root: Element,
    zoom_out: Element,
    zoom_in: Element,
    fit: Element,
    range: Element,
}

impl Toolbar {
    /// The toolbar of view number `id`.
    fn new(document: &Document, id: u32) -> Result<Toolbar, JsValue> {
        let root = element(document, "div", "tl-toolbar")?;
        let zoom_out = tool_button(document, "−", "Zoom out")?;
        let zoom_in = tool_button(document, "+", "Zoom in")?;
        let fit = tool_button(document, "Fit", "Fit: show the whole run")?;
        append(&root, &zoom_out)?;
        append(&root, &zoom_in)?;
        append(&root, &fit)?;
        let range = text_element(document, "span", "tl-range", "")?;
        append(&root, &range)?;
        let help_text = "Drag to pan · Ctrl+wheel or + − to zoom · click or drag the time axis to move the \
                         cursor. Keys: ← → pan, Shift+← → move the cursor, Home/End, 0 fits.";
        let help = text_element(document, "span", "tl-help", help_text)?;
        help.set_id(&format!("tl-help-{id}"));
        append(&root, &help)?;
        Ok(Toolbar { root, zoom_out, zoom_in, fit, range })
    }
}

/// The legend: one swatch per state.
fn legend(document: &Document) -> Result<Element, JsValue> {
    let legend = element(document, "ul", "tl-legend")?;
    legend.set_attribute("aria-label", "Legend")?;
    for (key, text) in LEGEND {
        let item = element(document, "li", "")?;
        let swatch = element(document, "span", &format!("tl-swatch tl-swatch-{key}"))?;
        swatch.set_attribute("aria-hidden", "true")?;
        append(&item, &swatch)?;
        crate::dom::append_text(&item, text)?;
        append(&legend, &item)?;
    }
    Ok(legend)
}

/// The canvas in its scroll box (with the spacer that gives the box its
/// height), and the hover tooltip.
struct Stage {
    root: Element,
    scroller: HtmlElement,
    canvas: HtmlCanvasElement,
    spacer: HtmlElement,
    tooltip: HtmlElement,
}

impl Stage {
    /// The stage of view number `id`.
    fn new(document: &Document, id: u32) -> Result<Stage, JsValue> {
        let root = element(document, "div", "tl-stage")?;
        let scroller = element(document, "div", "tl-scroll")?.unchecked_into::<HtmlElement>();
        let canvas = element(document, "canvas", "tl-canvas")?.unchecked_into::<HtmlCanvasElement>();
        canvas.set_attribute("tabindex", "0")?;
        canvas.set_attribute("role", "img")?;
        canvas.set_attribute(
            "aria-label",
            "Timeline of the run: one lane per task, coloured by state. A text version follows.",
        )?;
        canvas.set_attribute("aria-describedby", &format!("tl-summary-{id} tl-help-{id}"))?;
        let spacer = element(document, "div", "tl-spacer")?.unchecked_into::<HtmlElement>();
        append(&scroller, &canvas)?;
        append(&scroller, &spacer)?;
        append(&root, &scroller)?;
        let tooltip = element(document, "div", "tl-tooltip")?.unchecked_into::<HtmlElement>();
        tooltip.set_attribute("role", "tooltip")?;
        tooltip.set_hidden(true);
        append(&root, &tooltip)?;
        Ok(Stage { root, scroller, canvas, spacer, tooltip })
    }
}

/// Ask for a frame whenever the scroll box changes size.
fn observe_resize(shared: &Rc<Shared>) -> Option<(ResizeObserver, Closure<dyn FnMut()>)> {
    let weak = Rc::downgrade(shared);
    let callback = Closure::<dyn FnMut()>::new(move || {
        if let Some(shared) = weak.upgrade() {
            shared.request_frame();
        }
    });
    match ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        Ok(observer) => {
            observer.observe(&shared.scroller);
            Some((observer, callback))
        }
        // Without ResizeObserver the canvas still redraws on every
        // other change; only a resize alone would leave it stale.
        Err(_) => None,
    }
}

/// The window that shows the whole run (the zoom and pan limits).
fn limits_of(state: &State) -> TimeWindow {
    let end = state.recorder.as_ref().and_then(TraceRecorder::try_borrow).map_or(0.0, |r| r.end_time());
    TimeWindow::fit(end.max(state.live_end).max(state.cursor.unwrap_or(0.0)))
}

/// Register the view's event listeners; they hold the shared state, and the
/// view holds them.
fn listen(
    shared: &Rc<Shared>,
    window: &Window,
    buttons: [&Element; 3],
) -> Result<Vec<EventListener>, JsValue> {
    let mut listeners = Vec::new();
    let [zoom_out, zoom_in, fit] = buttons;
    let on = |shared: &Rc<Shared>, f: fn(&Shared, &Event)| {
        let shared = shared.clone();
        move |event: Event| f(&shared, &event)
    };
    listeners.push(EventListener::new(zoom_out, "click", on(shared, |s, _| s.zoom(2.0, None)))?);
    listeners.push(EventListener::new(zoom_in, "click", on(shared, |s, _| s.zoom(0.5, None)))?);
    listeners.push(EventListener::new(
        fit,
        "click",
        on(shared, |s, _| {
            s.state.borrow_mut().window = None;
            s.request_frame();
        }),
    )?);
    let canvas = &shared.canvas;
    listeners.push(EventListener::new(canvas, "pointerdown", on(shared, Shared::pointer_down))?);
    listeners.push(EventListener::new(canvas, "pointermove", on(shared, Shared::pointer_move))?);
    listeners.push(EventListener::new(canvas, "pointerup", on(shared, Shared::pointer_up))?);
    listeners.push(EventListener::new(canvas, "pointercancel", on(shared, Shared::pointer_cancel))?);
    listeners.push(EventListener::new(
        canvas,
        "pointerleave",
        on(shared, |s, _| {
            s.hide_tooltip();
            s.tell_hover(None);
        }),
    )?);
    listeners.push(EventListener::new(canvas, "wheel", on(shared, Shared::wheel))?);
    listeners.push(EventListener::new(canvas, "keydown", on(shared, Shared::key_down))?);
    listeners.push(EventListener::new(
        &shared.scroller,
        "scroll",
        on(shared, |s, _| {
            s.hide_tooltip();
            s.request_frame();
        }),
    )?);
    if let Ok(Some(scheme)) = window.match_media("(prefers-color-scheme: dark)") {
        listeners.push(EventListener::new(&scheme, "change", on(shared, |s, _| s.request_frame()))?);
    }
    Ok(listeners)
}

/// A pointer event's position on the canvas, in CSS pixels.
fn position(event: &Event) -> Option<(f64, f64)> {
    let mouse = event.dyn_ref::<MouseEvent>()?;
    Some((f64::from(mouse.offset_x()), f64::from(mouse.offset_y())))
}

impl Shared {
    fn request_frame(&self) {
        if self.frame_requested.get().is_some() {
            return;
        }
        let callback = self.frame_callback.borrow();
        let Some(callback) = callback.as_ref() else { return };
        if let Ok(id) = self.window.request_animation_frame(callback.as_ref().unchecked_ref()) {
            self.frame_requested.set(Some(id));
        }
    }

    fn zoom(&self, factor: f64, anchor: Option<f64>) {
        {
            let mut state = self.state.borrow_mut();
            let limits = limits_of(&state);
            let current = state.window.unwrap_or(limits);
            let anchor = anchor
                .or(state.cursor.filter(|c| *c >= current.start && *c <= current.end))
                .unwrap_or(current.start + current.span() / 2.0);
            state.window = current.zoom(factor, anchor, limits);
        }
        self.request_frame();
    }

    fn pan_by(&self, delta: f64) {
        {
            let mut state = self.state.borrow_mut();
            let limits = limits_of(&state);
            if let Some(window) = state.window {
                state.window = Some(window.pan(delta, limits));
            }
        }
        self.request_frame();
    }

    /// Move the cursor because the user asked, and tell the page.
    fn scrub_to(&self, t: f64) {
        let t = {
            let mut state = self.state.borrow_mut();
            let limits = limits_of(&state);
            let end = state
                .recorder
                .as_ref()
                .and_then(TraceRecorder::try_borrow)
                .map_or(0.0, |r| r.end_time())
                .max(state.live_end);
            let t = t.clamp(limits.start.min(0.0), end.max(0.0));
            state.cursor = Some(t);
            t
        };
        self.request_frame();
        // No borrow is held while the page's callback runs: it may call
        // set_cursor or update on this view.
        let callback = self.on_scrub.borrow_mut().take();
        if let Some(mut callback) = callback {
            callback(t);
            let mut slot = self.on_scrub.borrow_mut();
            if slot.is_none() {
                *slot = Some(callback);
            }
        }
    }

    fn pointer_down(&self, event: &Event) {
        let Some(pointer) = event.dyn_ref::<PointerEvent>() else { return };
        if pointer.button() != 0 {
            return;
        }
        let Some((x, y)) = position(event) else { return };
        let layout = self.state.borrow().layout;
        // Capturing keeps the drag when the pointer leaves the canvas; a
        // failure only loses that.
        let _ = self.canvas.set_pointer_capture(pointer.pointer_id());
        self.hide_tooltip();
        match layout.hit(x, y) {
            Hit::Axis(t) => {
                self.state.borrow_mut().drag = Drag::Scrub { pointer: pointer.pointer_id() };
                self.scrub_to(t);
            }
            Hit::Lane(..) | Hit::Nothing => {
                let mut state = self.state.borrow_mut();
                let window = state.window.unwrap_or_else(|| limits_of(&state));
                state.drag = Drag::Pan { pointer: pointer.pointer_id(), x, window, moved: false };
                if state.window.is_some() {
                    let _ = self.canvas.set_attribute("data-dragging", "");
                }
            }
        }
    }

    fn pointer_move(&self, event: &Event) {
        let Some(pointer) = event.dyn_ref::<PointerEvent>() else { return };
        let Some((x, y)) = position(event) else { return };
        let (drag, layout) = {
            let state = self.state.borrow();
            (state.drag, state.layout)
        };
        match drag {
            Drag::Scrub { pointer: id } if id == pointer.pointer_id() => {
                if let Some(window) = layout.window {
                    self.scrub_to(window.t_of(x, layout.plot_left, layout.plot_width));
                }
            }
            Drag::Pan { pointer: id, x: x0, window, moved } if id == pointer.pointer_id() => {
                let moved = moved || (x - x0).abs() > DRAG_THRESHOLD;
                let mut state = self.state.borrow_mut();
                state.drag = Drag::Pan { pointer: id, x: x0, window, moved };
                if moved && state.window.is_some() && layout.plot_width > 0.0 {
                    let limits = limits_of(&state);
                    let delta = -(x - x0) / layout.plot_width * window.span();
                    state.window = Some(window.pan(delta, limits));
                    drop(state);
                    self.request_frame();
                }
            }
            _ => {
                let cursor = match layout.hit(x, y) {
                    Hit::Axis(_) => "pointer",
                    Hit::Lane(..) if self.state.borrow().window.is_some() => "grab",
                    _ => "default",
                };
                let _ = self.canvas.style().set_property("cursor", cursor);
                if pointer.pointer_type() == "touch" {
                    return;
                }
                match self.hover_text(x, y) {
                    Some(text) => self.show_tooltip(&text, x, y, layout.width),
                    None => self.hide_tooltip(),
                }
                let over = match layout.hit(x, y) {
                    Hit::Lane(lane, t) => Some((lane, t)),
                    _ => None,
                };
                self.tell_hover(over);
            }
        }
    }

    fn pointer_up(&self, event: &Event) {
        let Some(pointer) = event.dyn_ref::<PointerEvent>() else { return };
        let drag = std::mem::take(&mut self.state.borrow_mut().drag);
        let _ = self.canvas.remove_attribute("data-dragging");
        let _ = self.canvas.release_pointer_capture(pointer.pointer_id());
        if let Drag::Pan { pointer: id, moved: false, .. } = drag {
            if id == pointer.pointer_id() {
                let layout = self.state.borrow().layout;
                if let (Some((x, y)), Some(window)) = (position(event), layout.window) {
                    if !matches!(layout.hit(x, y), Hit::Nothing) {
                        self.scrub_to(window.t_of(x, layout.plot_left, layout.plot_width));
                    }
                }
            }
        }
    }

    fn pointer_cancel(&self, _event: &Event) {
        self.state.borrow_mut().drag = Drag::None;
        let _ = self.canvas.remove_attribute("data-dragging");
    }

    fn wheel(&self, event: &Event) {
        let Some(wheel) = event.dyn_ref::<WheelEvent>() else { return };
        // Lines and pages to pixels, roughly.
        let unit = match wheel.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let (dx, dy) = (wheel.delta_x() * unit, wheel.delta_y() * unit);
        let layout = self.state.borrow().layout;
        if wheel.ctrl_key() || wheel.meta_key() {
            event.prevent_default();
            let anchor = position(event).and_then(|(x, _)| {
                let window = layout.window?;
                (layout.plot_width > 0.0).then(|| window.t_of(x, layout.plot_left, layout.plot_width))
            });
            self.zoom((dy * 0.002).exp(), anchor);
            return;
        }
        let sideways = if wheel.shift_key() && dx == 0.0 { dy } else { dx };
        let sideways_wheel = sideways.abs() > dy.abs() || (wheel.shift_key() && sideways != 0.0);
        if sideways_wheel && self.state.borrow().window.is_some() {
            event.prevent_default();
            self.pan_by(sideways * layout.seconds_per_pixel());
        }
        // A plain vertical wheel scrolls the lanes or the page, natively.
    }

    fn key_down(&self, event: &Event) {
        let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
        if key.ctrl_key() || key.meta_key() || key.alt_key() {
            return;
        }
        let (span, cursor, end) = {
            let state = self.state.borrow();
            let limits = limits_of(&state);
            let window = state.window.unwrap_or(limits);
            let end =
                state.recorder.as_ref().and_then(TraceRecorder::try_borrow).map_or(0.0, |r| r.end_time());
            (window.span(), state.cursor, end.max(state.live_end))
        };
        match key.key().as_str() {
            "ArrowLeft" | "ArrowRight" => {
                let sign = if key.key() == "ArrowLeft" { -1.0 } else { 1.0 };
                if key.shift_key() {
                    self.scrub_to(cursor.unwrap_or(0.0) + sign * span / 100.0);
                } else {
                    self.pan_by(sign * span / 10.0);
                }
            }
            "ArrowUp" | "ArrowDown" => {
                let sign = if key.key() == "ArrowUp" { -1.0 } else { 1.0 };
                let top = f64::from(self.scroller.scroll_top()) + sign * ROW_HEIGHT * 3.0;
                self.scroller.set_scroll_top(top.max(0.0) as i32);
            }
            "+" | "=" => self.zoom(0.5, None),
            "-" | "_" => self.zoom(2.0, None),
            "0" => {
                self.state.borrow_mut().window = None;
                self.request_frame();
            }
            "Home" => self.scrub_to(0.0),
            "End" => self.scrub_to(end),
            _ => return,
        }
        event.prevent_default();
    }

    fn hover_text(&self, x: f64, y: f64) -> Option<String> {
        let state = self.state.borrow();
        let layout = state.layout;
        let recording = state.recorder.as_ref()?.try_borrow()?;
        match layout.hit(x, y) {
            Hit::Lane(lane, t) => {
                let tolerance = HOVER_SLOP * layout.seconds_per_pixel();
                let mut hover = recording.hover(lane, t, tolerance)?;
                // Open bars reach the live end the page reported.
                if hover.bar.is_open() {
                    hover.end = hover.end.max(state.live_end);
                }
                Some(hover.describe())
            }
            Hit::Axis(t) => Some(format!("{} s: click or drag to move the cursor here", seconds(t.max(0.0)))),
            Hit::Nothing => None,
        }
    }

    fn show_tooltip(&self, text: &str, x: f64, y: f64, width: f64) {
        self.tooltip.set_text_content(Some(text));
        self.tooltip.set_hidden(false);
        // Measured at the left edge, where nothing squeezes it, then moved
        // next to the pointer and kept inside the canvas.
        let style = self.tooltip.style();
        let _ = style.set_property("left", "0px");
        let tip_width = f64::from(self.tooltip.offset_width());
        let left = (x + 14.0).min(width - tip_width - 4.0).max(0.0);
        let _ = style.set_property("left", &format!("{left}px"));
        let _ = style.set_property("top", &format!("{}px", y + 16.0));
    }

    fn hide_tooltip(&self) {
        self.tooltip.set_hidden(true);
    }

    /// Tell the page what the pointer is over, when that changed (no
    /// borrow held while its callback runs).
    fn tell_hover(&self, over: Option<(usize, f64)>) {
        if self.hovered.get() == over {
            return;
        }
        self.hovered.set(over);
        let callback = self.on_hover.borrow_mut().take();
        if let Some(mut callback) = callback {
            callback(over);
            let mut slot = self.on_hover.borrow_mut();
            if slot.is_none() {
                *slot = Some(callback);
            }
        }
    }
}
