//! The diagnostics panel: the frame meter, in a panel that opens by itself
//! only in real mode (see [`View::show_mode`]), and the real Web Workers.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlElement};

use super::{cast, View};
use crate::dom::{append, element, text_element};

/// The diagnostics panel's elements.
pub(super) struct LivePanel {
    pub(super) root: Element,
    /// The frame meter's `<details>`, where the meter goes.
    pub(super) meter_panel: Element,
    /// The real workers' state (real mode), hidden otherwise.
    workers: HtmlElement,
    /// What the workers panel shows now, so that an unchanged panel (it is
    /// asked for after every slice of a run) is not rebuilt.
    workers_shown: RefCell<String>,
}

impl LivePanel {
    pub(super) fn new(doc: &Document) -> Result<LivePanel, JsValue> {
        let root = element(doc, "div", "live")?;
        root.set_id("live");
        let meter_panel = element(doc, "details", "meter-panel")?;
        meter_panel.set_id("meter-panel");
        append(
            &meter_panel,
            &text_element(doc, "summary", "", "Frame times: does the page stay responsive?")?,
        )?;
        append(&root, &meter_panel)?;
        let workers: HtmlElement = cast(element(doc, "section", "workers")?)?;
        workers.set_id("workers");
        workers.set_attribute("aria-label", "Web Workers")?;
        workers.set_hidden(true);
        append(&root, &workers)?;
        Ok(LivePanel { root, meter_panel, workers, workers_shown: RefCell::new(String::new()) })
    }

    fn show_workers(&self, doc: &Document, heading: &str, rows: &[String], workers: usize, jobs: u32) {
        let shown = format!("{workers} {jobs}\n{heading}\n{}", rows.join("\n"));
        if *self.workers_shown.borrow() == shown {
            return;
        }
        self.workers_shown.replace(shown);
        let _ = self.workers.set_attribute("data-workers", &workers.to_string());
        let _ = self.workers.set_attribute("data-jobs", &jobs.to_string());
        self.workers.set_text_content(None);
        if let Ok(head) = text_element(doc, "p", "workers-head", heading) {
            let _ = append(&self.workers, &head);
        }
        if let Ok(list) = element(doc, "ol", "workers-list") {
            for row in rows {
                if let Ok(item) = text_element(doc, "li", "", row) {
                    let _ = append(&list, &item);
                }
            }
            let _ = append(&self.workers, &list);
        }
        self.workers.set_hidden(false);
    }

    fn hide_workers(&self) {
        self.workers.set_hidden(true);
        self.workers_shown.replace(String::new());
    }
}

impl View {
    /// Where the page puts its frame meter: in its collapsible panel.
    pub fn place_meter(&self, meter: &Element) {
        let Some(view) = &self.scenario else { return };
        let _ = append(&view.live.meter_panel, meter);
    }

    /// The real workers, one line each (`None` hides the list), with the
    /// count of workers and of the run's finished jobs as `data-workers` and
    /// `data-jobs` (which the end-to-end tests read).
    pub fn show_workers(&self, heading: Option<&str>, rows: &[String], workers: usize, jobs: u32) {
        let Some(view) = &self.scenario else { return };
        match heading {
            Some(heading) => view.live.show_workers(&self.document, heading, rows, workers, jobs),
            None => view.live.hide_workers(),
        }
    }
}
