//! [`InspectorView`]: every primitive's state and every task's at one
//! instant of the run, as text.
//!
//! A primitive's recorded state (the typed snapshot of its last trace event)
//! is shown as its fields (`value 0`, `waiters Task-8 (1)`, see
//! [`State::fields`](super::state::State::fields)) and the last thing that
//! happened to it; the tasks are listed with what each one is doing, and on
//! what it waits. Everything goes in as text
//! (`textContent`), never as HTML: queue items and task names are user data.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::model::{seconds, BarState, PrimitiveAt, Recording, TraceRecorder};
use crate::dom::{append, append_text, element, text_element};

/// How many unfinished tasks are listed one per row.
const MAX_TASK_ROWS: usize = 100;
/// How many finished tasks are named in the line that sums them up.
const MAX_FINISHED_NAMES: usize = 12;

/// The inspector: the state of the run at one instant.
///
/// It owns `<section class="inspector">`, appended to the parent and
/// removed on drop.
pub struct InspectorView {
    document: Document,
    root: Element,
    heading_time: Element,
    body: Element,
    /// What the last update showed (recording revision and instant), so an
    /// identical update touches nothing.
    shown: Option<(u64, u64)>,
}

impl InspectorView {
    /// Build the inspector at the end of `parent`.
    ///
    /// # Errors
    /// When the DOM refuses an element.
    pub fn new(document: &Document, parent: &Element) -> Result<InspectorView, JsValue> {
        let root = element(document, "section", "inspector")?;
        root.set_attribute("aria-label", "Inspector")?;
        let heading = text_element(document, "h3", "insp-heading", "Inspector")?;
        let heading_time = text_element(document, "span", "insp-time", "")?;
        append(&heading, &heading_time)?;
        append(&root, &heading)?;
        let body = element(document, "div", "insp-body")?;
        append(&body, &text_element(document, "p", "insp-empty", "Run the scenario to inspect its state.")?)?;
        append(&root, &body)?;
        append(parent, &root)?;
        Ok(InspectorView { document: document.clone(), root, heading_time, body, shown: None })
    }

    /// The `<section class="inspector">` the view lives in.
    pub fn element(&self) -> &Element {
        &self.root
    }

    /// Show the state after everything that happened at loop time `at`.
    ///
    /// # Errors
    /// When the DOM refuses an element; the inspector is then left as the
    /// previous update made it.
    pub fn update(&mut self, recorder: &TraceRecorder, at: f64) -> Result<(), JsValue> {
        let recording = recorder.try_borrow().ok_or("the trace is being written")?;
        let key = (recording.revision(), at.to_bits());
        if self.shown == Some(key) {
            return Ok(());
        }
        let body = self.render(&recording, at)?;
        self.body.replace_with_with_node_1(&body)?;
        self.body = body;
        self.heading_time.set_text_content(Some(&format!(" at {} s", seconds(at.max(0.0)))));
        self.shown = Some(key);
        Ok(())
    }

    fn render(&self, rec: &Recording, at: f64) -> Result<Element, JsValue> {
        let doc = &self.document;
        let body = element(doc, "div", "insp-body")?;
        if rec.lanes().is_empty() && rec.primitives().is_empty() {
            append(&body, &text_element(doc, "p", "insp-empty", "Run the scenario to inspect its state.")?)?;
            return Ok(body);
        }
        if let Some(truncated) = rec.truncated_at() {
            let note =
                format!("The trace was truncated at {} s; later states are unknown.", seconds(truncated));
            append(&body, &text_element(doc, "p", "insp-truncated", &note)?)?;
        }

        let primitives = element(doc, "section", "insp-primitives")?;
        append(&primitives, &text_element(doc, "h4", "", "Primitives")?)?;
        let states = rec.primitive_states_at(at);
        if states.is_empty() {
            append(
                &primitives,
                &text_element(doc, "p", "insp-none", "This scenario uses no lock, queue or pool.")?,
            )?;
        } else {
            let list = element(doc, "ul", "insp-prim-list")?;
            for primitive in &states {
                append(&list, &self.primitive(primitive)?)?;
            }
            append(&primitives, &list)?;
        }
        append(&body, &primitives)?;
        append(&body, &self.tasks(rec, at)?)?;

        let printed = rec.prints_until(at);
        if let Some((time, line)) = printed.last() {
            let last = element(doc, "p", "insp-last-line")?;
            append_text(
                &last,
                &format!(
                    "Last line printed ({} of {}, at {} s): ",
                    printed.len(),
                    rec.prints().len(),
                    seconds(*time)
                ),
            )?;
            append(&last, &text_element(doc, "code", "", line)?)?;
            append(&body, &last)?;
        }
        Ok(body)
    }

    fn primitive(&self, primitive: &PrimitiveAt<'_>) -> Result<Element, JsValue> {
        let doc = &self.document;
        let item = element(doc, "li", "insp-prim")?;
        let head = element(doc, "div", "insp-prim-head")?;
        append(&head, &text_element(doc, "code", "insp-name", primitive.name)?)?;
        append(&head, &text_element(doc, "span", "insp-kind", primitive.kind.name())?)?;
        if let Some(since) = primitive.since {
            append(&head, &text_element(doc, "span", "insp-since", &format!("since {} s", seconds(since)))?)?;
        }
        append(&item, &head)?;

        if primitive.since.is_none() {
            let note = match primitive.first_seen {
                Some(first) => format!("Not used yet: first used at {} s.", seconds(first)),
                None => "Not used yet.".to_string(),
            };
            append(&item, &text_element(doc, "p", "insp-none", &note)?)?;
            return Ok(item);
        }
        let list = element(doc, "dl", "insp-fields")?;
        for field in primitive.fields() {
            let pair = element(doc, "div", "insp-field")?;
            let value = field.value.as_str();
            append(&pair, &text_element(doc, "dt", "", field.key)?)?;
            let dd = text_element(doc, "dd", if value.is_empty() { "insp-none" } else { "" }, "")?;
            dd.set_text_content(Some(if value.is_empty() { "none" } else { value }));
            append(&pair, &dd)?;
            append(&list, &pair)?;
        }
        append(&item, &list)?;
        if let Some(action) = primitive.action() {
            append(&item, &text_element(doc, "p", "insp-action", &format!("Last change: {action}"))?)?;
        }
        Ok(item)
    }

    fn tasks(&self, rec: &Recording, at: f64) -> Result<Element, JsValue> {
        let doc = &self.document;
        let section = element(doc, "section", "insp-tasks")?;
        append(&section, &text_element(doc, "h4", "", "Tasks")?)?;
        let mut live = Vec::new();
        let (mut done, mut cancelled, mut failed) = (Vec::new(), Vec::new(), Vec::new());
        for (idx, lane) in rec.lanes().iter().enumerate() {
            let Some(bar) = rec.bar_at(idx, at) else { continue };
            match &bar.state {
                BarState::Done => done.push(lane.title()),
                BarState::Cancelled => cancelled.push(lane.title()),
                BarState::Failed { message } => failed.push((lane.title(), message.clone())),
                _ => live.push((lane.title(), bar, lane.line_at(at))),
            }
        }
        if live.is_empty() && done.is_empty() && cancelled.is_empty() && failed.is_empty() {
            append(&section, &text_element(doc, "p", "insp-none", "No task exists yet at this time.")?)?;
            return Ok(section);
        }
        if !live.is_empty() {
            let table = element(doc, "table", "insp-task-table")?;
            let head = element(doc, "tr", "")?;
            for title in ["Task", "State", "Since"] {
                let th = text_element(doc, "th", "", title)?;
                th.set_attribute("scope", "col")?;
                append(&head, &th)?;
            }
            let thead = element(doc, "thead", "")?;
            append(&thead, &head)?;
            append(&table, &thead)?;
            let tbody = element(doc, "tbody", "")?;
            for (name, bar, line) in live.iter().take(MAX_TASK_ROWS) {
                let row = element(doc, "tr", "")?;
                let th = text_element(doc, "th", "", name)?;
                th.set_attribute("scope", "row")?;
                append(&row, &th)?;
                let state = element(doc, "td", "")?;
                let dot = element(doc, "span", &format!("tl-swatch tl-swatch-{}", bar.state.key()))?;
                dot.set_attribute("aria-hidden", "true")?;
                append(&state, &dot)?;
                append_text(&state, &bar.state.phrase())?;
                if let Some(line) = line {
                    append_text(&state, &format!(" (line {line})"))?;
                }
                append(&row, &state)?;
                append(&row, &text_element(doc, "td", "insp-num", &format!("{} s", seconds(bar.start)))?)?;
                append(&tbody, &row)?;
            }
            append(&table, &tbody)?;
            // A long list scrolls in its own box, reachable from the keyboard.
            let scroll = element(doc, "div", "insp-task-scroll")?;
            scroll.set_attribute("tabindex", "0")?;
            scroll.set_attribute("role", "region")?;
            scroll.set_attribute("aria-label", "Unfinished tasks")?;
            append(&scroll, &table)?;
            append(&section, &scroll)?;
            if live.len() > MAX_TASK_ROWS {
                let more = format!("…and {} more unfinished tasks.", live.len() - MAX_TASK_ROWS);
                append(&section, &text_element(doc, "p", "insp-more", &more)?)?;
            }
        }
        let mut finished = Vec::new();
        if !done.is_empty() {
            finished.push(format!("done: {}", names(&done)));
        }
        if !cancelled.is_empty() {
            finished.push(format!("cancelled: {}", names(&cancelled)));
        }
        if !finished.is_empty() {
            let line = format!("Finished — {}.", finished.join("; "));
            append(&section, &text_element(doc, "p", "insp-finished", &line)?)?;
        }
        for (name, message) in &failed {
            append(&section, &text_element(doc, "p", "insp-failed", &format!("{name} failed: {message}"))?)?;
        }
        Ok(section)
    }
}

impl Drop for InspectorView {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// `Task-2, Task-3` or, when long, the first few and how many in all.
fn names(list: &[String]) -> String {
    if list.len() <= MAX_FINISHED_NAMES {
        list.join(", ")
    } else {
        format!("{}, … ({} in all)", list[..MAX_FINISHED_NAMES].join(", "), list.len())
    }
}
