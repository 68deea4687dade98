//! The responsiveness meter: how long the page's frames take, drawn live.
//!
//! In real mode a scenario that calls `time.sleep` on the loop thread
//! busy-waits on the page's thread, and the page freezes; one that offloads
//! the same work to Web Workers does not. The meter shows the difference:
//! it times `requestAnimationFrame` callbacks, so a blocked thread shows as
//! one tall bar in the warning colour and smooth frames as a low even row.
//!
//! - [`model`]: [`FrameStats`], the ring of the last frame durations and
//!   what is shown of them (pure Rust, tested on the host).
//! - `FrameMeter` (wasm): its own `<section class="meter">` with a canvas
//!   and a line of text, and the animation-frame loop that feeds the stats.
//!
//! Use, in the page:
//!
//! ```text
//! let mut meter = FrameMeter::new(&document)?;
//! parent.append_child(meter.element())?;   // the view decides where
//! meter.start();                            // meter.stop(), meter.reset()
//! ```

pub mod model;

pub use model::{Bar, Frame, FrameStats, DEFAULT_CAPACITY, FRAME_BUDGET_MS, SCALES_MS, STALL_MS};

#[cfg(target_arch = "wasm32")]
pub use view::FrameMeter;

#[cfg(target_arch = "wasm32")]
mod view {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{
        CanvasRenderingContext2d, CssStyleDeclaration, Document, Element, HtmlCanvasElement, MediaQueryList,
        ResizeObserver, Window,
    };

    use super::model::{scale_label, FrameStats, FRAME_BUDGET_MS, STALL_MS};
    use crate::dom::{append, element, text_element, EventListener};

    /// The canvas's height, in CSS pixels.
    const HEIGHT: f64 = 100.0;
    /// The column left of the plot that holds the guide labels.
    const GUTTER: f64 = 52.0;
    /// Room above the plot, so the top label is not cut.
    const TOP_PAD: f64 = 8.0;
    const BOTTOM_PAD: f64 = 2.0;
    const RIGHT_PAD: f64 = 4.0;
    /// The narrowest bar; a narrow canvas shows fewer frames instead.
    const MIN_BAR_WIDTH: f64 = 3.0;
    /// Guide labels closer than this (CSS pixels) to one already drawn are
    /// left out; their lines stay.
    const LABEL_SPACING: f64 = 11.0;
    /// The shortest time between two updates of the text and the data
    /// attributes, in ms: text changing every frame is unreadable, and
    /// writing it costs a style recalculation.
    const TEXT_INTERVAL_MS: f64 = 250.0;

    type FrameCallback = Closure<dyn FnMut(f64)>;

    /// A live chart of frame durations, fed by `requestAnimationFrame`.
    ///
    /// It owns its DOM (a `<section class="meter">` that the page places
    /// with [`element`](FrameMeter::element), removed on drop), its
    /// animation-frame callback (at most one request pending, cancelled by
    /// [`stop`](FrameMeter::stop) and on drop), and its resize, colour
    /// scheme and visibility listeners.
    ///
    /// The section carries what the text says as attributes, for tests and
    /// scripts, updated with the text (at most four times a second while
    /// running, and at once on [`stop`](FrameMeter::stop) and
    /// [`reset`](FrameMeter::reset)):
    /// - `data-running`: present while the meter measures (the final
    ///   figures are written when it goes);
    /// - `data-frames`: frames measured since the last reset;
    /// - `data-longest-ms`: the longest of them, in ms (one decimal; `0.0`
    ///   before the first);
    /// - `data-median-ms`: the median of the last [`FrameStats::capacity`]
    ///   frames, in ms (one decimal; `0.0` before the first);
    /// - `data-stalls`: frames since the last reset longer than
    ///   [`STALL_MS`];
    /// - `data-scale-ms`: the height of the chart's y axis, in ms.
    pub struct FrameMeter {
        root: Element,
        shared: Rc<Shared>,
        _listeners: Vec<EventListener>,
        resize: Option<(ResizeObserver, Closure<dyn FnMut()>)>,
    }

    /// What the frame callback and the listeners share with the meter.
    struct Shared {
        window: Window,
        root: Element,
        canvas: HtmlCanvasElement,
        /// `None` when the browser gives no 2D context: the meter then
        /// still measures and writes its text, and draws nothing.
        context: Option<CanvasRenderingContext2d>,
        text: Element,
        dark: Option<MediaQueryList>,
        stats: RefCell<FrameStats>,
        view: RefCell<ViewState>,
        running: Cell<bool>,
        /// The animation-frame callback (it holds a `Weak` of this struct)
        /// and the id of the frame requested, if any.
        frame_callback: RefCell<Option<FrameCallback>>,
        frame_requested: Cell<Option<i32>>,
    }

    #[derive(Default)]
    struct ViewState {
        /// Read from the CSS when `None`: at start, after a resize (the
        /// section may just have been placed) and when the scheme changes.
        palette: Option<Palette>,
        /// The canvas's CSS width, measured by the resize observer (so a
        /// frame never forces a layout), or at each frame without one.
        width: Option<f64>,
        observed: bool,
        /// The frame time of the last text update.
        last_text_ms: Option<f64>,
    }

    /// The colours and font of the chart, from CSS custom properties
    /// (`--meter-*` in `www/meter.css`), with light or dark fallbacks.
    struct Palette {
        background: String,
        bar: String,
        stall: String,
        grid: String,
        budget: String,
        stall_line: String,
        text: String,
        font: String,
    }

    impl Palette {
        fn read(style: Option<&CssStyleDeclaration>, dark: bool) -> Palette {
            let get = |name: &str, light: &str, dark_value: &str| {
                let value = style.and_then(|s| s.get_property_value(name).ok()).unwrap_or_default();
                let value = value.trim();
                if value.is_empty() {
                    (if dark { dark_value } else { light }).to_string()
                } else {
                    value.to_string()
                }
            };
            let family = style.and_then(|s| s.get_property_value("font-family").ok()).unwrap_or_default();
            let family = if family.trim().is_empty() { "sans-serif" } else { family.trim() };
            Palette {
                background: get("--meter-bg", "#ffffff", "#1a1f28"),
                bar: get("--meter-bar", "#4c8bd6", "#5c9ce6"),
                stall: get("--meter-stall", "#e03131", "#ff6b6b"),
                grid: get("--meter-grid", "#e1e5ec", "#2d3544"),
                budget: get("--meter-budget", "#2b8a3e", "#51cf66"),
                stall_line: get("--meter-stall-line", "#e8590c", "#ff922b"),
                text: get("--meter-text", "#5a6375", "#9aa4b5"),
                font: format!("11px {family}"),
            }
        }
    }

    impl FrameMeter {
        /// Build the meter's section (not yet in the page: place
        /// [`element`](Self::element) where it belongs): a "Frame times"
        /// heading, a canvas 100 px tall and as wide as its container, and
        /// the line of text. The meter starts stopped.
        ///
        /// # Errors
        /// When there is no window or the DOM refuses an element. A canvas
        /// without a 2D context is not an error: the meter then only
        /// measures and writes its text.
        pub fn new(document: &Document) -> Result<FrameMeter, JsValue> {
            let window = web_sys::window().ok_or("the meter needs a browser window")?;
            let root = element(document, "section", "meter")?;
            root.set_attribute("aria-label", "Responsiveness meter")?;
            append(&root, &text_element(document, "h3", "meter-title", "Frame times")?)?;

            let canvas = element(document, "canvas", "meter-canvas")?.unchecked_into::<HtmlCanvasElement>();
            canvas.set_attribute("role", "img")?;
            canvas.set_attribute(
                "aria-label",
                "Frame times: one bar per frame, newest on the right; frames over 50 ms in the warning \
                 colour.",
            )?;
            // Its size is set here rather than only in the style sheet: the
            // bitmap is sized from the CSS width, which must not follow the
            // bitmap back. Setting styles through the CSSOM is allowed by
            // the page's CSP.
            let style = canvas.style();
            style.set_property("display", "block")?;
            style.set_property("width", "100%")?;
            style.set_property("height", &format!("{HEIGHT}px"))?;
            append(&root, &canvas)?;
            let text = text_element(document, "p", "meter-text", "")?;
            append(&root, &text)?;

            let context = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok());
            let dark = window.match_media("(prefers-color-scheme: dark)").ok().flatten();

            let shared = Rc::new(Shared {
                window,
                root: root.clone(),
                canvas,
                context,
                text,
                dark,
                stats: RefCell::new(FrameStats::default()),
                view: RefCell::new(ViewState::default()),
                running: Cell::new(false),
                frame_callback: RefCell::new(None),
                frame_requested: Cell::new(None),
            });
            let weak = Rc::downgrade(&shared);
            *shared.frame_callback.borrow_mut() = Some(Closure::new(move |frame_time: f64| {
                if let Some(shared) = weak.upgrade() {
                    // The callback's own time, not the frame's: on a busy
                    // thread Chromium can hand a frame a timestamp from
                    // before the meter started (the frame began while the
                    // thread was still busy), which would lose that frame.
                    let now = shared.window.performance().map_or(frame_time, |p| p.now());
                    shared.on_frame(now);
                }
            }));

            let mut listeners = Vec::new();
            {
                // Time while the page is hidden (no frames run then) is not
                // a frame: the next one after a change starts again.
                let weak = Rc::downgrade(&shared);
                listeners.push(EventListener::new(document, "visibilitychange", move |_| {
                    if let Some(shared) = weak.upgrade() {
                        if let Ok(mut stats) = shared.stats.try_borrow_mut() {
                            stats.pause();
                        }
                    }
                })?);
            }
            if let Some(dark) = &shared.dark {
                let weak = Rc::downgrade(&shared);
                listeners.push(EventListener::new(dark, "change", move |_| {
                    if let Some(shared) = weak.upgrade() {
                        shared.forget_palette();
                        shared.request_frame();
                    }
                })?);
            }
            let resize = {
                let weak = Rc::downgrade(&shared);
                let callback = Closure::<dyn FnMut()>::new(move || {
                    if let Some(shared) = weak.upgrade() {
                        // Layout is up to date when observers run, so this
                        // read costs nothing.
                        let width = f64::from(shared.canvas.client_width());
                        if let Ok(mut view) = shared.view.try_borrow_mut() {
                            view.width = Some(width);
                            view.palette = None;
                        }
                        shared.request_frame();
                    }
                });
                match ResizeObserver::new(callback.as_ref().unchecked_ref()) {
                    Ok(observer) => {
                        observer.observe(&shared.canvas);
                        shared.view.borrow_mut().observed = true;
                        Some((observer, callback))
                    }
                    // Without ResizeObserver each frame measures the canvas.
                    Err(_) => None,
                }
            };
            shared.write_text();
            Ok(FrameMeter { root, shared, _listeners: listeners, resize })
        }

        /// The `<section class="meter">` the meter lives in.
        pub fn element(&self) -> &Element {
            &self.root
        }

        /// Start measuring: one `requestAnimationFrame` callback per frame,
        /// each recording its timestamp, asking for the next frame and
        /// drawing. Frames count from the start (so the time the meter was
        /// stopped is not a frame, and a block right after the start is).
        /// Does nothing when already running.
        pub fn start(&mut self) {
            if self.shared.running.replace(true) {
                return;
            }
            // Frames count from now: a slice that blocks the thread right
            // after the start is a long first frame, not a lost one.
            let now = self.shared.window.performance().map_or(f64::NAN, |p| p.now());
            self.shared.stats.borrow_mut().start_at(now);
            self.shared.forget_palette();
            // Setting a data attribute on our own element cannot fail.
            let _ = self.root.set_attribute("data-running", "");
            self.shared.request_frame();
        }

        /// Stop measuring: the pending animation frame is cancelled and the
        /// chart keeps its last picture; the text and the data attributes
        /// are brought up to date. Does nothing when stopped.
        pub fn stop(&mut self) {
            if !self.shared.running.replace(false) {
                return;
            }
            self.shared.cancel_frame();
            self.shared.stats.borrow_mut().pause();
            self.shared.write_text();
            let _ = self.root.remove_attribute("data-running");
            self.shared.draw();
        }

        /// Whether the meter is measuring.
        pub fn is_running(&self) -> bool {
            self.shared.running.get()
        }

        /// Forget every frame: the chart empties, the totals go back to
        /// zero. A running meter keeps running.
        pub fn reset(&mut self) {
            self.shared.stats.borrow_mut().reset();
            if let Ok(mut view) = self.shared.view.try_borrow_mut() {
                view.last_text_ms = None;
            }
            self.shared.write_text();
            self.shared.draw();
        }

        /// A copy of the measurements.
        pub fn stats(&self) -> FrameStats {
            self.shared.stats.borrow().clone()
        }

        /// Draw now instead of at the next animation frame (for tests, and
        /// before a screenshot).
        pub fn draw_now(&mut self) {
            self.shared.draw();
        }
    }

    impl Drop for FrameMeter {
        fn drop(&mut self) {
            self.shared.running.set(false);
            self.shared.cancel_frame();
            if let Some((observer, _callback)) = self.resize.take() {
                observer.disconnect();
            }
            // The frame callback holds only a Weak; dropping it here ends it.
            self.shared.frame_callback.borrow_mut().take();
            self.root.remove();
        }
    }

    impl Shared {
        fn on_frame(&self, now: f64) {
            self.frame_requested.set(None);
            if self.running.get() {
                if let Ok(mut stats) = self.stats.try_borrow_mut() {
                    stats.record(now);
                }
                self.request_frame();
                let due = self
                    .view
                    .try_borrow()
                    .is_ok_and(|view| view.last_text_ms.is_none_or(|last| now - last >= TEXT_INTERVAL_MS));
                if due {
                    self.write_text();
                    if let Ok(mut view) = self.view.try_borrow_mut() {
                        view.last_text_ms = Some(now);
                    }
                }
            }
            self.draw();
        }

        /// Ask for one animation frame, unless one is pending.
        fn request_frame(&self) {
            if self.frame_requested.get().is_some() {
                return;
            }
            let Ok(callback) = self.frame_callback.try_borrow() else { return };
            let Some(callback) = callback.as_ref() else { return };
            if let Ok(id) = self.window.request_animation_frame(callback.as_ref().unchecked_ref()) {
                self.frame_requested.set(Some(id));
            }
        }

        fn cancel_frame(&self) {
            if let Some(id) = self.frame_requested.take() {
                // Cancelling a frame that already ran is harmless.
                let _ = self.window.cancel_animation_frame(id);
            }
        }

        fn forget_palette(&self) {
            if let Ok(mut view) = self.view.try_borrow_mut() {
                view.palette = None;
            }
        }

        /// The line of text and the data attributes, from the stats.
        fn write_text(&self) {
            let Ok(stats) = self.stats.try_borrow() else { return };
            self.text.set_text_content(Some(&stats.summary()));
            let median = stats.median().unwrap_or(0.0);
            // Setting a data attribute on our own element cannot fail.
            let _ = self.root.set_attribute("data-frames", &stats.frame_count().to_string());
            let _ = self.root.set_attribute("data-longest-ms", &format!("{:.1}", stats.longest()));
            let _ = self.root.set_attribute("data-median-ms", &format!("{median:.1}"));
            let _ = self.root.set_attribute("data-stalls", &stats.stalls().to_string());
            let _ = self.root.set_attribute("data-scale-ms", &stats.scale_ms().to_string());
        }

        /// Draw the bars of the ring, newest on the right, with guide lines
        /// at one 60 Hz frame and at the stall threshold. Per frame this
        /// reads no style and allocates nothing: the palette is cached, the
        /// labels are static.
        fn draw(&self) {
            let Some(ctx) = self.context.as_ref() else { return };
            let Ok(mut view) = self.view.try_borrow_mut() else { return };
            let Ok(stats) = self.stats.try_borrow() else { return };

            let width = match view.width {
                Some(width) if view.observed => width,
                _ => {
                    let width = f64::from(self.canvas.client_width());
                    view.width = Some(width);
                    width
                }
            };
            if width <= 0.0 {
                return;
            }
            let ratio = self.window.device_pixel_ratio().max(1.0);
            let (pixel_width, pixel_height) =
                ((width * ratio).round() as u32, (HEIGHT * ratio).round() as u32);
            if self.canvas.width() != pixel_width || self.canvas.height() != pixel_height {
                self.canvas.set_width(pixel_width);
                self.canvas.set_height(pixel_height);
            }
            if view.palette.is_none() {
                let style = self.window.get_computed_style(&self.root).ok().flatten();
                let dark = self.dark.as_ref().is_some_and(MediaQueryList::matches);
                view.palette = Some(Palette::read(style.as_ref(), dark));
            }
            let Some(palette) = view.palette.as_ref() else { return };

            let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
            ctx.set_fill_style_str(&palette.background);
            ctx.fill_rect(0.0, 0.0, width, HEIGHT);

            let plot_left = GUTTER;
            let plot_right = width - RIGHT_PAD;
            let plot_width = plot_right - plot_left;
            let (top, bottom) = (TOP_PAD, HEIGHT - BOTTOM_PAD);
            let plot_height = bottom - top;
            let scale = stats.scale_ms();
            let y_of = |ms: f64| (bottom - super::model::height_of(ms, scale) * plot_height).round();

            // The axis line and the scale's top.
            ctx.set_fill_style_str(&palette.grid);
            ctx.fill_rect(plot_left, bottom, plot_width.max(0.0), 1.0);
            ctx.fill_rect(plot_left, top, plot_width.max(0.0), 1.0);

            if plot_width > 0.0 {
                let bar_width = (plot_width / stats.capacity() as f64).max(MIN_BAR_WIDTH);
                let visible = (plot_width / bar_width).floor() as usize;
                let gap = if bar_width >= 3.0 { 1.0 } else { 0.0 };
                // Two passes, so the fill colour changes twice per frame.
                for stall_pass in [false, true] {
                    ctx.set_fill_style_str(if stall_pass { &palette.stall } else { &palette.bar });
                    for (k, bar) in stats.bars().rev().take(visible).enumerate() {
                        if bar.stall != stall_pass {
                            continue;
                        }
                        let x = plot_right - (k + 1) as f64 * bar_width;
                        let height = (bar.height * plot_height).max(1.0);
                        ctx.fill_rect(x, bottom - height, bar_width - gap, height);
                    }
                }
            }

            // Guide lines over the bars, labels in the gutter. The top
            // label wins a clash, then the stall line's, then the budget's.
            let budget_y = y_of(FRAME_BUDGET_MS);
            let stall_y = y_of(STALL_MS);
            ctx.set_fill_style_str(&palette.budget);
            ctx.fill_rect(plot_left, budget_y, plot_width.max(0.0), 1.0);
            ctx.set_fill_style_str(&palette.stall_line);
            ctx.fill_rect(plot_left, stall_y, plot_width.max(0.0), 1.0);

            ctx.set_font(&palette.font);
            ctx.set_text_align("right");
            ctx.set_text_baseline("middle");
            ctx.set_fill_style_str(&palette.text);
            let label_x = plot_left - 6.0;
            let labels = [
                (scale_label(scale), top, scale > STALL_MS),
                ("50 ms", stall_y, true),
                ("16.7 ms", budget_y, true),
            ];
            let mut drawn_at = [f64::NAN; 3];
            for (idx, (text, y, wanted)) in labels.into_iter().enumerate() {
                if !wanted || drawn_at[..idx].iter().any(|&other| (other - y).abs() < LABEL_SPACING) {
                    continue;
                }
                let _ = ctx.fill_text(text, label_x, y);
                drawn_at[idx] = y;
            }
        }
    }
}
