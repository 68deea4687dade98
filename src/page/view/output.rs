//! The output pane: `#log` (the run's printed lines), what its `[t]` stamps
//! are, the truncation notice, the copy status and the explanation of how a
//! run ended.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

use super::{button, cast, View};
use crate::dom::{append, element, text_element};
use crate::page::explain::Explanation;
use crate::page::lessons;
use crate::page::log_block::LogBlock;

/// The most lines `#log` shows: past it a run's output would only exhaust
/// the page's memory (a long instant run prints millions of lines).
pub const LOG_LINE_CAP: usize = 100_000;

/// The output pane's elements, and what `#log` holds.
pub(super) struct OutputPane {
    pub(super) root: Element,
    pub(super) log: Element,
    /// The log's lines (the next one starts with a newline if any).
    lines: usize,
    last_line: Option<String>,
    /// Lines counted in `lines` but not yet in `#log` (an instant run's,
    /// written by [`View::flush_log`] as the run shows its progress).
    pending: LogBlock,
    /// Shown once the log stopped at [`LOG_LINE_CAP`] lines.
    truncated: HtmlElement,
    pub(super) copied: Element,
    pub(super) explain: HtmlElement,
}

impl OutputPane {
    pub(super) fn new(doc: &Document) -> Result<OutputPane, JsValue> {
        let root = element(doc, "section", "output")?;
        root.set_attribute("aria-labelledby", "output-heading")?;
        let head = element(doc, "div", "pane-head")?;
        let heading = text_element(doc, "h3", "", "Output")?;
        heading.set_id("output-heading");
        append(&head, &heading)?;
        let copy_log = button(doc, "copy-log", "Copy", "copy-log", "small")?;
        copy_log.set_attribute("aria-label", "Copy the output")?;
        append(&head, &copy_log)?;
        append(&root, &head)?;
        let log = element(doc, "pre", "log")?;
        log.set_id("log");
        log.set_attribute("tabindex", "0")?;
        log.set_attribute("role", "region")?;
        log.set_attribute("aria-label", "Printed lines")?;
        log.set_attribute("aria-describedby", "trace-note")?;
        append(&root, &log)?;
        let note = text_element(doc, "p", "trace-note", lessons::TRACE_NOTE)?;
        note.set_id("trace-note");
        append(&root, &note)?;
        let truncated: HtmlElement = cast(element(doc, "p", "log-truncated")?)?;
        truncated.set_id("log-truncated");
        truncated.set_attribute("role", "status")?;
        truncated.set_hidden(true);
        append(&root, &truncated)?;
        let copied = element(doc, "p", "copy-status")?;
        copied.set_attribute("role", "status")?;
        append(&root, &copied)?;
        let explain: HtmlElement = cast(element(doc, "section", "explain")?)?;
        explain.set_id("explain");
        explain.set_attribute("role", "note")?;
        explain.set_hidden(true);
        append(&root, &explain)?;
        Ok(OutputPane {
            root,
            log,
            lines: 0,
            last_line: None,
            pending: LogBlock::default(),
            truncated,
            copied,
            explain,
        })
    }

    fn clear(&mut self) {
        self.log.set_text_content(None);
        self.lines = 0;
        self.last_line = None;
        self.pending.clear();
        self.truncated.set_hidden(true);
        self.truncated.set_text_content(None);
        self.copied.set_text_content(None);
    }

    fn append(&mut self, lines: &[String], follow: bool) {
        let Some(last) = lines.last() else { return };
        let Some(log) = self.log.dyn_ref::<HtmlElement>().cloned() else { return };
        let at_end = follow && log.scroll_height() - log.scroll_top() - log.client_height() < 24;
        let room = LOG_LINE_CAP.saturating_sub(self.lines);
        if lines.len() > room && self.truncated.hidden() {
            self.truncated.set_text_content(Some(&format!(
                "Output truncated after {} lines: the run goes on, but the page shows no more of its output.",
                group_thousands(LOG_LINE_CAP)
            )));
            self.truncated.set_hidden(false);
        }
        for line in lines.iter().take(room) {
            self.pending.push(line, self.lines > 0);
            self.lines += 1;
        }
        self.last_line = Some(last.clone());
        // The log is full: write it now, with the notice, since nothing
        // will be added to it.
        let full = self.lines == LOG_LINE_CAP;
        if follow || full {
            self.flush();
        }
        if at_end {
            log.set_scroll_top(log.scroll_height());
        }
    }

    /// Write the pending lines into `#log`, as a block of their own: the
    /// browser shapes a block's text whole whenever it grows, so one text
    /// growing to 100,000 lines cost more at each write than the run. The
    /// newline that joins a block to the one before starts it, hidden (the
    /// blocks already break the line), so the log's text is still exactly
    /// the lines joined by newlines. The style sheet lays a block out only
    /// while it is on screen (`content-visibility: auto`); off screen it is as
    /// tall as its lines, so 100,000 lines cost no layout until scrolled to.
    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let _ = self.write_block();
            self.pending.clear();
        }
    }

    fn write_block(&self) -> Result<(), JsValue> {
        let document = self.log.owner_document().ok_or("no document")?;
        let block = document.create_element("div")?;
        match self.pending.text().strip_prefix('\n') {
            Some(text) => {
                let newline: HtmlElement = cast(document.create_element("span")?)?;
                newline.set_text_content(Some("\n"));
                newline.set_hidden(true);
                append(&block, &newline)?;
                block.append_with_str_1(text)?;
            }
            None => block.set_text_content(Some(self.pending.text())),
        }
        // Its size while off screen, and its width on screen (see `LogBlock`).
        let style = cast::<HtmlElement>(block.clone())?.style();
        style.set_property("contain-intrinsic-block-size", &self.pending.intrinsic_height())?;
        style.set_property("contain-intrinsic-inline-size", &self.pending.intrinsic_width())?;
        append(&self.log, &block)
    }

    fn show_explanation(&self, doc: &Document, explanation: &Explanation) -> Result<(), JsValue> {
        append(&self.explain, &text_element(doc, "h4", "", &explanation.title)?)?;
        for paragraph in &explanation.paragraphs {
            append(&self.explain, &text_element(doc, "p", "", paragraph)?)?;
        }
        if !explanation.items.is_empty() {
            let list = element(doc, "ul", "")?;
            for item in &explanation.items {
                append(&list, &text_element(doc, "li", "", item)?)?;
            }
            append(&self.explain, &list)?;
        }
        Ok(())
    }
}

/// `100000` as `100,000`.
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl View {
    pub fn clear_log(&mut self) {
        if let Some(view) = &mut self.scenario {
            view.output.clear();
        }
    }

    /// Add lines to `#log`, whose text stays exactly the lines joined by
    /// newlines. With `follow` (a paced or real run, whose lines come as
    /// they are printed), a log scrolled to its end follows the new lines;
    /// without (an instant run, all at once) it keeps its first lines in
    /// view, and its lines are written by [`View::flush_log`]. After
    /// [`LOG_LINE_CAP`] lines the log stops growing (the run goes on) and a
    /// notice under it says so; [`View::last_log_line`] still follows the run.
    pub fn append_log(&mut self, lines: &[String], follow: bool) {
        if let Some(view) = &mut self.scenario {
            view.output.append(lines, follow);
        }
    }

    /// Write the lines an instant run has printed so far into `#log` (done
    /// as the run shows its progress, and whenever it stops). Each change of
    /// a long log costs the browser a layout of it: at every 8 ms slice that
    /// was most of a print-heavy run's time.
    pub fn flush_log(&mut self) {
        if let Some(view) = &mut self.scenario {
            view.output.flush();
        }
    }

    /// The last line in `#log`.
    pub fn last_log_line(&self) -> Option<String> {
        self.scenario.as_ref().and_then(|s| s.output.last_line.clone())
    }

    /// The panel that says how a run ended, or none.
    pub fn show_explanation(&self, explanation: Option<&Explanation>) {
        let Some(view) = &self.scenario else { return };
        let panel = &view.output.explain;
        panel.set_text_content(None);
        let Some(explanation) = explanation else {
            panel.set_hidden(true);
            return;
        };
        let _ = view.output.show_explanation(&self.document, explanation);
        panel.set_hidden(false);
    }
}
