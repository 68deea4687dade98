//! The run controls: Run, Pause, Step, Back and Reset, the mode and the
//! speed, Embed, the counters and the status line.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlButtonElement, HtmlElement, HtmlInputElement, HtmlSelectElement};

use super::{button, cast, View};
use crate::dom::{append, element, text_element};
use crate::driver::{speed_stop, speed_text, Mode, SPEED_STOPS};
use crate::page::controls::{Controls, Progress, BAD_PARAMETER};

/// The run controls' elements.
pub(super) struct RunBar {
    pub(super) root: Element,
    run: HtmlButtonElement,
    pause: HtmlButtonElement,
    step: HtmlButtonElement,
    back: HtmlButtonElement,
    reset: HtmlButtonElement,
    mode: HtmlSelectElement,
    speed: HtmlInputElement,
    speed_value: Element,
    speed_group: Element,
    pub(super) embed_button: Option<Element>,
    iterations: Element,
    loop_time: Element,
    line_count: Element,
    status: Element,
    run_blocked: HtmlElement,
}

/// The buttons.
struct Buttons {
    root: Element,
    run: HtmlButtonElement,
    pause: HtmlButtonElement,
    step: HtmlButtonElement,
    back: HtmlButtonElement,
    reset: HtmlButtonElement,
}

/// The mode, the speed and Embed.
struct Settings {
    root: Element,
    mode: HtmlSelectElement,
    speed: HtmlInputElement,
    speed_value: Element,
    speed_group: Element,
    embed_button: Option<Element>,
}

/// The counters: iterations, `loop.time()` and lines.
struct Counters {
    root: Element,
    iterations: Element,
    loop_time: Element,
    line_count: Element,
}

impl RunBar {
    /// The run bar (`embed`: without the Embed button).
    pub(super) fn new(doc: &Document, embed: bool) -> Result<RunBar, JsValue> {
        let root = element(doc, "section", "runbar")?;
        root.set_attribute("aria-label", "Run controls")?;
        let buttons = buttons(doc)?;
        append(&root, &buttons.root)?;
        let settings = settings(doc, embed)?;
        append(&root, &settings.root)?;
        let counters = counters(doc)?;
        append(&root, &counters.root)?;
        let status = element(doc, "p", "status")?;
        status.set_id("status");
        status.set_attribute("role", "status")?;
        append(&root, &status)?;
        let run_blocked: HtmlElement = cast(text_element(doc, "p", "run-blocked", BAD_PARAMETER)?)?;
        run_blocked.set_id("run-blocked");
        run_blocked.set_hidden(true);
        append(&root, &run_blocked)?;
        Ok(RunBar {
            root,
            run: buttons.run,
            pause: buttons.pause,
            step: buttons.step,
            back: buttons.back,
            reset: buttons.reset,
            mode: settings.mode,
            speed: settings.speed,
            speed_value: settings.speed_value,
            speed_group: settings.speed_group,
            embed_button: settings.embed_button,
            iterations: counters.iterations,
            loop_time: counters.loop_time,
            line_count: counters.line_count,
            status,
            run_blocked,
        })
    }

    fn show_controls(&self, controls: &Controls) {
        self.run.set_text_content(Some(controls.run_label));
        self.run.set_disabled(!controls.run);
        self.pause.set_disabled(!controls.pause);
        self.step.set_disabled(!controls.step);
        self.reset.set_disabled(!controls.reset);
        self.mode.set_disabled(!controls.mode);
        self.speed.set_disabled(!controls.speed);
        let _ = self.speed_group.class_list().toggle_with_force("off", !controls.speed);
        self.back.set_disabled(!controls.back);
        match &controls.blocked {
            Some(why) => {
                if self.run_blocked.text_content().as_deref() != Some(why.as_str()) {
                    self.run_blocked.set_text_content(Some(why));
                }
                self.run_blocked.set_hidden(false);
            }
            None => self.run_blocked.set_hidden(true),
        }
    }

    fn show_progress(&self, progress: &Progress) {
        self.iterations.set_text_content(Some(&progress.iterations.to_string()));
        self.loop_time.set_text_content(Some(&format!("{:.3}", progress.time)));
        self.line_count.set_text_content(Some(&progress.lines.to_string()));
        if self.status.text_content().as_deref() != Some(progress.text.as_str()) {
            self.status.set_text_content(Some(&progress.text));
        }
    }
}

/// Run, Pause, Step, Back and Reset, with their keys.
fn buttons(doc: &Document) -> Result<Buttons, JsValue> {
    let root = element(doc, "div", "buttons")?;
    let run = button(doc, "run", "Run", "run", "primary")?;
    run.set_attribute("aria-keyshortcuts", "Space")?;
    let pause = button(doc, "pause", "Pause", "pause", "")?;
    pause.set_attribute("aria-keyshortcuts", "Space")?;
    let step = button(doc, "step", "Step", "step", "")?;
    step.set_attribute("aria-keyshortcuts", "S")?;
    step.set_title("Run one loop iteration (S)");
    let back = button(doc, "back", "Back", "back", "")?;
    back.set_attribute("aria-keyshortcuts", "B")?;
    back.set_title("Back one loop iteration: the run replayed to the iteration before (B)");
    let reset = button(doc, "reset", "Reset", "reset", "")?;
    reset.set_attribute("aria-keyshortcuts", "R")?;
    reset.set_title("Stop and clear the output (R)");
    for b in [&run, &pause, &step, &back, &reset] {
        append(&root, b)?;
    }
    Ok(Buttons { root, run, pause, step, back, reset })
}

/// The mode select, the speed slider and (not in an embed) Embed.
fn settings(doc: &Document, embed: bool) -> Result<Settings, JsValue> {
    let root = element(doc, "div", "settings")?;
    let mode_group = element(doc, "div", "setting")?;
    let mode_label = text_element(doc, "label", "", "Mode")?;
    mode_label.set_attribute("for", "mode")?;
    append(&mode_group, &mode_label)?;
    let mode: HtmlSelectElement = cast(element(doc, "select", "")?)?;
    mode.set_id("mode");
    for m in Mode::ALL {
        let option = text_element(doc, "option", "", m.label())?;
        option.set_attribute("value", m.as_str())?;
        append(&mode, &option)?;
    }
    append(&mode_group, &mode)?;
    append(&root, &mode_group)?;

    let speed_group = element(doc, "div", "setting speed")?;
    let speed_label = text_element(doc, "label", "", "Speed")?;
    speed_label.set_attribute("for", "speed")?;
    append(&speed_group, &speed_label)?;
    let speed: HtmlInputElement = cast(element(doc, "input", "")?)?;
    speed.set_id("speed");
    speed.set_type("range");
    speed.set_min("0");
    speed.set_max(&(SPEED_STOPS.len() - 1).to_string());
    speed.set_step("1");
    append(&speed_group, &speed)?;
    let speed_value = element(doc, "output", "speed-value")?;
    speed_value.set_attribute("for", "speed")?;
    append(&speed_group, &speed_value)?;
    append(&root, &speed_group)?;
    let embed_button = if embed {
        None
    } else {
        let b = button(doc, "embed", "Embed", "embed", "small")?;
        b.set_attribute("aria-expanded", "false")?;
        b.set_attribute("aria-controls", "embed-panel")?;
        append(&root, &b)?;
        Some(b.into())
    };
    Ok(Settings { root, mode, speed, speed_value, speed_group, embed_button })
}

/// The counters, at 0.
fn counters(doc: &Document) -> Result<Counters, JsValue> {
    let root = element(doc, "p", "counters")?;
    let counter = |label: &str, id: &str, unit: &str| -> Result<Element, JsValue> {
        let item = element(doc, "span", "counter")?;
        append(&item, &text_element(doc, "span", "counter-label", label)?)?;
        let value = text_element(doc, "span", "counter-value", "0")?;
        value.set_id(id);
        append(&item, &value)?;
        if !unit.is_empty() {
            append(&item, &text_element(doc, "span", "counter-unit", unit)?)?;
        }
        append(&root, &item)?;
        Ok(value)
    };
    let iterations = counter("iteration", "iterations", "")?;
    let loop_time = counter("loop.time()", "loop-time", "s")?;
    let line_count = counter("lines", "line-count", "")?;
    Ok(Counters { root, iterations, loop_time, line_count })
}

impl View {
    /// Enable and label the run controls, and say why Run waits.
    pub fn show_controls(&self, controls: &Controls) {
        if let Some(view) = &self.scenario {
            view.bar.show_controls(controls);
        }
    }

    /// The counters and the status line.
    pub fn show_progress(&self, progress: &Progress) {
        if let Some(view) = &self.scenario {
            view.bar.show_progress(progress);
        }
    }

    /// Show `mode` in its select. The frame meter's panel opens in real
    /// mode (where a blocked loop really blocks the page) and closes in the
    /// others.
    pub fn show_mode(&self, mode: Mode) {
        if let Some(view) = &self.scenario {
            view.bar.mode.set_value(mode.as_str());
            let _ = view.live.meter_panel.toggle_attribute_with_force("open", mode == Mode::Real);
        }
    }

    /// Show `speed`; `move_slider` when it did not come from the slider.
    pub fn show_speed(&self, speed: f64, move_slider: bool) {
        let Some(view) = &self.scenario else { return };
        let text = format!("{}×", speed_text(speed));
        if move_slider {
            view.bar.speed.set_value(&speed_stop(speed).to_string());
        }
        let _ = view.bar.speed.set_attribute("aria-valuetext", &text);
        view.bar.speed_value.set_text_content(Some(&text));
    }
}
