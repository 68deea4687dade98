//! Drawing one frame of the timeline: the lanes in the scrolled viewport,
//! the bars of the visible window (bars thinner than a pixel merged per
//! pixel column), the lane labels, the time axis and the cursor; then the
//! visible range, the truncation notice and the text version of the lanes.

use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, CssStyleDeclaration, HtmlElement};

use super::{Layout, Shared, State, AXIS_HEIGHT, ROW_HEIGHT};
use crate::dom::{append, text_element};
use crate::timeline::axis::{self, Window as TimeWindow};
use crate::timeline::model::{seconds, BarState, Recording, TraceRecorder};

/// The tallest the canvas grows before its lanes scroll.
const MAX_VIEW_HEIGHT: f64 = 440.0;
/// Room right of the plot, so the last tick label fits.
const RIGHT_PAD: f64 = 12.0;
/// The most characters of a lane's title its label shows (the label column
/// is at most 160 px wide); the inspector shows whole titles.
const LABEL_CHARS: usize = 22;
/// How many lanes the text alternative describes.
const SUMMARY_LANES: usize = 40;

/// The geometry of one frame, in CSS pixels.
struct Frame {
    width: f64,
    view_height: f64,
    /// Device pixels per CSS pixel.
    ratio: f64,
    scroll_top: f64,
    plot_left: f64,
    plot_width: f64,
    /// The loop times shown.
    window: TimeWindow,
    /// Where open bars end: the recording's end or the page's live end.
    live_end: f64,
    lanes: usize,
    /// The lanes in the viewport: `first_lane..last_lane`.
    first_lane: usize,
    last_lane: usize,
    /// The axis's tick step and ticks, in loop seconds.
    step: f64,
    ticks: Vec<f64>,
}

impl Frame {
    /// The top of lane `lane`'s row.
    fn lane_y(&self, lane: usize) -> f64 {
        AXIS_HEIGHT + lane as f64 * ROW_HEIGHT - self.scroll_top
    }

    /// Where loop time `t` is.
    fn x_of(&self, t: f64) -> f64 {
        self.window.x_of(t, self.plot_left, self.plot_width)
    }

    /// The lanes' area, below the axis.
    fn clip_lanes(&self, ctx: &CanvasRenderingContext2d, left: f64, width: f64) {
        ctx.begin_path();
        ctx.rect(left, AXIS_HEIGHT, width, self.view_height - AXIS_HEIGHT);
        ctx.clip();
    }
}

impl Shared {
    /// Draw the visible part of the recording.
    pub(super) fn draw(&self) {
        let mut state = self.state.borrow_mut();
        let recorder = state.recorder.clone();
        let recording = recorder.as_ref().and_then(TraceRecorder::try_borrow);
        let empty = Recording::new();
        let rec: &Recording = recording.as_deref().unwrap_or(&empty);
        let Some(frame) = self.lay_out(&mut state, rec) else { return };

        let style = self.window.get_computed_style(&self.root).ok().flatten();
        let palette = Palette::read(style.as_ref());
        let family =
            style.as_ref().and_then(|s| s.get_property_value("font-family").ok()).unwrap_or_default();
        let family = if family.trim().is_empty() { "sans-serif".to_string() } else { family };

        let ctx = &self.context;
        let _ = ctx.set_transform(frame.ratio, 0.0, 0.0, frame.ratio, 0.0, 0.0);
        ctx.set_fill_style_str(&palette.background);
        ctx.fill_rect(0.0, 0.0, frame.width, frame.view_height);
        ctx.save();
        frame.clip_lanes(ctx, 0.0, frame.width);
        draw_stripes_and_grid(ctx, &palette, &frame);
        let drawn = draw_bars(ctx, &palette, &frame, rec);
        draw_labels(ctx, &palette, &frame, rec, &family);
        ctx.restore();
        if frame.lanes == 0 {
            draw_empty_note(ctx, &palette, &frame, &family);
        }
        draw_axis(ctx, &palette, &frame, &family);
        if let Some(cursor) = state.cursor {
            draw_cursor(ctx, &palette, &frame, cursor);
        }

        state.last_draw_count = drawn;
        state.layout = Layout {
            width: frame.width,
            plot_left: frame.plot_left,
            plot_width: frame.plot_width,
            scroll_top: frame.scroll_top,
            lanes: frame.lanes,
            window: Some(frame.window),
        };
        self.show_range(&frame);
        self.show_truncation(rec);
        if state.summary_revision != Some(rec.revision()) {
            state.summary_revision = Some(rec.revision());
            let _ = self.write_summary(rec);
        }
    }

    /// Lay the frame out: the canvas as wide as its box, as tall as the
    /// lanes up to a limit, the spacer making up the rest of the scroll
    /// height; the label column as wide as the longest label. `None` while
    /// the box has no width.
    fn lay_out(&self, state: &mut State, rec: &Recording) -> Option<Frame> {
        let width = f64::from(self.scroller.client_width());
        if width <= 0.0 {
            return None;
        }
        let lanes = rec.lanes().len();
        let content_height = AXIS_HEIGHT + (lanes.max(1) as f64) * ROW_HEIGHT + 4.0;
        let view_height = content_height.min(MAX_VIEW_HEIGHT);
        set_px(&self.scroller, "height", view_height);
        set_px(&self.canvas, "height", view_height);
        set_px(&self.spacer, "height", content_height - view_height);
        let ratio = self.window.device_pixel_ratio().max(1.0);
        let (pixel_width, pixel_height) =
            ((width * ratio).round() as u32, (view_height * ratio).round() as u32);
        if self.canvas.width() != pixel_width || self.canvas.height() != pixel_height {
            self.canvas.set_width(pixel_width);
            self.canvas.set_height(pixel_height);
        }
        let scroll_top = f64::from(self.scroller.scroll_top());
        if state.label_revision != Some(rec.revision()) {
            let longest = rec
                .lanes()
                .iter()
                .map(|lane| lane.short_title(LABEL_CHARS).chars().count())
                .max()
                .unwrap_or(6);
            state.label_width = (longest as f64 * 7.0 + 20.0).clamp(64.0, 160.0);
            state.label_revision = Some(rec.revision());
        }
        let plot_left = state.label_width;
        let plot_width = (width - plot_left - RIGHT_PAD).max(1.0);
        let limits = TimeWindow::fit(rec.end_time().max(state.live_end).max(state.cursor.unwrap_or(0.0)));
        let window = state.window.map_or(limits, |w| w.clamped(limits));
        let first_lane = (scroll_top / ROW_HEIGHT).floor().max(0.0) as usize;
        let last_lane =
            (((scroll_top + view_height - AXIS_HEIGHT) / ROW_HEIGHT).ceil().max(0.0) as usize).min(lanes);
        let step = axis::tick_step(window.span(), (plot_width / 90.0).max(1.0) as usize);
        Some(Frame {
            width,
            view_height,
            ratio,
            scroll_top,
            plot_left,
            plot_width,
            window,
            live_end: rec.end_time().max(state.live_end),
            lanes,
            first_lane,
            last_lane,
            step,
            ticks: axis::ticks(window, step),
        })
    }

    /// The visible range, above the canvas.
    fn show_range(&self, frame: &Frame) {
        self.range.set_text_content(Some(&format!(
            "{} to {} s of {} s",
            seconds(frame.window.start.max(0.0)),
            seconds(frame.window.end),
            seconds(frame.live_end)
        )));
    }

    /// Say where the recording stopped, if it did.
    fn show_truncation(&self, rec: &Recording) {
        if let Some(at) = rec.truncated_at() {
            self.truncated.set_text_content(Some(&format!(
                "The timeline stopped recording at {} s: the run made more than {} records, more than it \
                 keeps. The output log is complete.",
                seconds(at),
                thousands(rec.cap())
            )));
            self.truncated.set_hidden(false);
        } else {
            self.truncated.set_hidden(true);
        }
    }

    /// The text version of the lanes, for screen readers.
    fn write_summary(&self, rec: &Recording) -> Result<(), JsValue> {
        let document = self.window.document().ok_or("no document")?;
        let lanes = rec.lanes().len();
        let head = if lanes == 0 {
            "The timeline is empty: nothing has run yet.".to_string()
        } else {
            format!(
                "{lanes} task{} from 0.0 to {} s{}.",
                if lanes == 1 { "" } else { "s" },
                seconds(rec.end_time()),
                if rec.truncated() { " (truncated)" } else { "" }
            )
        };
        let list = document.create_element("ul")?;
        for lane in 0..lanes.min(SUMMARY_LANES) {
            if let Some(text) = rec.lane_summary(lane, 8) {
                append(&list, &text_element(&document, "li", "", &text)?)?;
            }
        }
        if lanes > SUMMARY_LANES {
            let more = format!("and {} more tasks.", lanes - SUMMARY_LANES);
            append(&list, &text_element(&document, "li", "", &more)?)?;
        }
        let head = text_element(&document, "p", "", &head)?;
        self.summary.replace_children_with_node_1(&head);
        append(&self.summary, &list)
    }
}

/// Every other lane's background, and the grid line of each tick.
fn draw_stripes_and_grid(ctx: &CanvasRenderingContext2d, palette: &Palette, frame: &Frame) {
    ctx.set_fill_style_str(&palette.lane_alt);
    for lane in (frame.first_lane..frame.last_lane).filter(|lane| lane % 2 == 1) {
        ctx.fill_rect(0.0, frame.lane_y(lane), frame.width, ROW_HEIGHT);
    }
    ctx.set_fill_style_str(&palette.grid);
    for &tick in &frame.ticks {
        let x = frame.x_of(tick).round();
        ctx.fill_rect(x, AXIS_HEIGHT, 1.0, frame.view_height - AXIS_HEIGHT);
    }
}

/// The bars of the visible lanes, clipped to the plot; returns how many
/// were drawn (sub-pixel bars merged per pixel column count once).
fn draw_bars(ctx: &CanvasRenderingContext2d, palette: &Palette, frame: &Frame, rec: &Recording) -> usize {
    ctx.save();
    frame.clip_lanes(ctx, frame.plot_left, frame.plot_width);
    let mut drawn = 0usize;
    // Marks (instants, and the start of an end state) go on top of the
    // lane's bars, so that a step is never hidden by the bar after it.
    let mut marks: Vec<(f64, &BarState)> = Vec::new();
    for lane in frame.first_lane..frame.last_lane {
        let y = frame.lane_y(lane);
        marks.clear();
        drawn += draw_lane_bars(ctx, palette, frame, rec, lane, &mut marks);
        for &(x, state) in &marks {
            draw_mark(ctx, palette, state, x, y);
        }
        drawn += marks.len();
    }
    ctx.restore();
    drawn
}

/// The bars of lane `lane` at least a pixel wide (and the lines of end
/// states); the marks to draw over them go in `marks`. Returns how many
/// bars it drew.
fn draw_lane_bars<'a>(
    ctx: &CanvasRenderingContext2d,
    palette: &Palette,
    frame: &Frame,
    rec: &'a Recording,
    lane: usize,
    marks: &mut Vec<(f64, &'a BarState)>,
) -> usize {
    let y = frame.lane_y(lane);
    let mut drawn = 0;
    // Bars thinner than a pixel share a mark per pixel column: the most
    // telling state of the column wins.
    let mut column: Option<(f64, &BarState)> = None;
    for bar in rec.bars_in(lane, frame.window.start, frame.window.end) {
        let end = if bar.is_open() { frame.live_end.max(bar.start) } else { bar.end };
        let x0 = frame.x_of(bar.start);
        let x1 = frame.x_of(end);
        let terminal = bar.state.is_terminal();
        if x1 - x0 >= 1.0 || terminal {
            marks.extend(column.take());
            draw_bar(ctx, palette, &bar.state, x0, x1.max(x0), y);
            if terminal {
                marks.push((x0, &bar.state));
            } else {
                drawn += 1;
            }
        } else {
            let cx = x0.floor();
            column = match column {
                Some((held_x, held)) if held_x == cx => {
                    Some((cx, if priority(&bar.state) > priority(held) { &bar.state } else { held }))
                }
                held => {
                    marks.extend(held);
                    Some((cx, &bar.state))
                }
            };
        }
    }
    marks.extend(column);
    drawn
}

/// The lanes' titles, in the label column.
fn draw_labels(
    ctx: &CanvasRenderingContext2d,
    palette: &Palette,
    frame: &Frame,
    rec: &Recording,
    family: &str,
) {
    ctx.set_font(&format!("12px {family}"));
    ctx.set_text_baseline("middle");
    ctx.set_text_align("left");
    ctx.set_fill_style_str(&palette.text);
    for lane in frame.first_lane..frame.last_lane {
        let name = rec.lanes()[lane].short_title(LABEL_CHARS);
        let y = frame.lane_y(lane) + ROW_HEIGHT / 2.0;
        let _ = ctx.fill_text_with_max_width(&name, 8.0, y, frame.plot_left - 14.0);
    }
}

/// What an empty timeline says.
fn draw_empty_note(ctx: &CanvasRenderingContext2d, palette: &Palette, frame: &Frame, family: &str) {
    ctx.set_font(&format!("13px {family}"));
    ctx.set_fill_style_str(&palette.muted);
    ctx.set_text_align("center");
    ctx.set_text_baseline("middle");
    let _ = ctx.fill_text(
        "Run the scenario to see one lane per task here.",
        frame.width / 2.0,
        AXIS_HEIGHT + 11.0,
    );
}

/// The time axis: its band, its ticks and their labels.
fn draw_axis(ctx: &CanvasRenderingContext2d, palette: &Palette, frame: &Frame, family: &str) {
    let width = frame.width;
    ctx.set_fill_style_str(&palette.axis_background);
    ctx.fill_rect(0.0, 0.0, width, AXIS_HEIGHT);
    ctx.set_fill_style_str(&palette.grid);
    ctx.fill_rect(0.0, AXIS_HEIGHT - 1.0, width, 1.0);
    ctx.fill_rect(frame.plot_left - 1.0, 0.0, 1.0, frame.view_height);
    ctx.set_font(&format!("11px {family}"));
    ctx.set_text_baseline("middle");
    ctx.set_text_align("center");
    for &tick in &frame.ticks {
        let x = frame.x_of(tick).round();
        ctx.set_fill_style_str(&palette.muted);
        ctx.fill_rect(x, AXIS_HEIGHT - 6.0, 1.0, 5.0);
        ctx.set_fill_style_str(&palette.text);
        // Centred on its tick, but never cut by the canvas's right edge.
        let label = axis::tick_label(tick, frame.step);
        let half = ctx.measure_text(&label).map_or(20.0, |m| m.width()) / 2.0;
        let _ = ctx.fill_text(&label, x.min(width - half - 3.0), AXIS_HEIGHT / 2.0 - 2.0);
    }
    ctx.set_text_align("left");
    ctx.set_fill_style_str(&palette.muted);
    let _ = ctx.fill_text_with_max_width("time", 8.0, AXIS_HEIGHT / 2.0 - 2.0, frame.plot_left - 14.0);
}

/// The cursor at loop time `cursor`, over everything, with its time in a
/// box on the axis (in the axis's font).
fn draw_cursor(ctx: &CanvasRenderingContext2d, palette: &Palette, frame: &Frame, cursor: f64) {
    let (plot_left, width) = (frame.plot_left, frame.width);
    let x = frame.x_of(cursor);
    let visible = x >= plot_left - 1.0 && x <= plot_left + frame.plot_width + 1.0;
    if !visible {
        return;
    }
    ctx.set_fill_style_str(&palette.cursor);
    ctx.fill_rect(x.round() - 1.0, 0.0, 2.0, frame.view_height);
    let label = format!("{} s", seconds(cursor));
    let text_width = ctx.measure_text(&label).map_or(40.0, |m| m.width());
    let box_width = text_width + 10.0;
    let box_x = (x - box_width / 2.0).clamp(plot_left, (width - box_width).max(plot_left));
    ctx.fill_rect(box_x, 3.0, box_width, AXIS_HEIGHT - 10.0);
    ctx.set_fill_style_str(&palette.cursor_text);
    ctx.set_text_align("left");
    let _ = ctx.fill_text(&label, box_x + 5.0, AXIS_HEIGHT / 2.0 - 2.0);
}

/// The colours of one frame, from the CSS custom properties.
struct Palette {
    background: String,
    lane_alt: String,
    grid: String,
    axis_background: String,
    text: String,
    muted: String,
    cursor: String,
    cursor_text: String,
    running: String,
    ready: String,
    sleeping: String,
    waiting: String,
    done: String,
    cancelled: String,
    failed: String,
}

impl Palette {
    fn read(style: Option<&CssStyleDeclaration>) -> Palette {
        let get = |name: &str, fallback: &str| {
            let value = style.and_then(|s| s.get_property_value(name).ok()).unwrap_or_default();
            let value = value.trim();
            if value.is_empty() {
                fallback.to_string()
            } else {
                value.to_string()
            }
        };
        Palette {
            background: get("--tl-bg", "#ffffff"),
            lane_alt: get("--tl-lane-alt", "#f3f5f9"),
            grid: get("--tl-grid", "#e1e5ec"),
            axis_background: get("--tl-axis-bg", "#f7f8fa"),
            text: get("--tl-text", "#1d2330"),
            muted: get("--tl-muted", "#5a6375"),
            cursor: get("--tl-cursor", "#c2255c"),
            cursor_text: get("--tl-cursor-text", "#ffffff"),
            running: get("--tl-running", "#2b8a3e"),
            ready: get("--tl-ready", "#9aa3b5"),
            sleeping: get("--tl-sleeping", "#74a7e6"),
            waiting: get("--tl-waiting", "#e67700"),
            done: get("--tl-done", "#aab2c0"),
            cancelled: get("--tl-cancelled", "#845ef7"),
            failed: get("--tl-failed", "#e03131"),
        }
    }

    fn of(&self, state: &BarState) -> &str {
        match state {
            BarState::Running => &self.running,
            BarState::Ready => &self.ready,
            BarState::Sleeping { .. } => &self.sleeping,
            BarState::Waiting { .. } => &self.waiting,
            BarState::Done => &self.done,
            BarState::Cancelled => &self.cancelled,
            BarState::Failed { .. } => &self.failed,
        }
    }
}

/// Which of several sub-pixel bars in one pixel column is drawn.
fn priority(state: &BarState) -> u8 {
    match state {
        BarState::Running => 6,
        BarState::Failed { .. } => 5,
        BarState::Cancelled => 4,
        BarState::Done => 3,
        BarState::Waiting { .. } => 2,
        BarState::Sleeping { .. } => 1,
        BarState::Ready => 0,
    }
}

/// The vertical band of a state in a lane row: (offset, height). The
/// heights differ so states are told apart without colour.
fn band(state: &BarState) -> (f64, f64) {
    match state {
        BarState::Running => (3.0, 14.0),
        BarState::Waiting { .. } | BarState::Sleeping { .. } => (5.0, 10.0),
        BarState::Ready => (8.0, 4.0),
        BarState::Done | BarState::Cancelled | BarState::Failed { .. } => (9.0, 2.0),
    }
}

/// `200000` as `200,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (idx, digit) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

fn set_px(element: &HtmlElement, property: &str, value: f64) {
    let text = format!("{}px", value.round());
    let style = element.style();
    if style.get_property_value(property).ok().as_deref() != Some(text.as_str()) {
        // Setting a length on an element's own style cannot fail.
        let _ = style.set_property(property, &text);
    }
}

/// A bar at least a pixel wide (or a terminal state's line).
fn draw_bar(ctx: &CanvasRenderingContext2d, palette: &Palette, state: &BarState, x0: f64, x1: f64, y: f64) {
    let (offset, height) = band(state);
    ctx.set_fill_style_str(palette.of(state));
    let min_width = if matches!(state, BarState::Running) { 2.0 } else { 0.0 };
    ctx.fill_rect(x0, y + offset, (x1 - x0).max(min_width), height);
}

/// A mark for a bar thinner than a pixel (an instant on the virtual clock),
/// or the start of a terminal state.
fn draw_mark(ctx: &CanvasRenderingContext2d, palette: &Palette, state: &BarState, x: f64, y: f64) {
    ctx.set_fill_style_str(palette.of(state));
    match state {
        BarState::Running => ctx.fill_rect(x - 1.5, y + 3.0, 3.0, 14.0),
        BarState::Done => ctx.fill_rect(x - 1.0, y + 5.0, 2.0, 10.0),
        BarState::Cancelled | BarState::Failed { .. } => {
            // A cross: a failure or a cancellation is easy to find.
            ctx.fill_rect(x - 1.5, y + 4.0, 3.0, 12.0);
            ctx.fill_rect(x - 4.0, y + 8.5, 8.0, 3.0);
        }
        other => {
            let (offset, height) = band(other);
            ctx.fill_rect(x, y + offset, 1.0, height);
        }
    }
}
