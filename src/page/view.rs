//! Everything the page shows, built with web-sys. Text always goes in as
//! text (`textContent` or text nodes), never as HTML.

use asyncio_engine::pyfmt::float_repr;
use asyncio_scenarios::meta::{Meta, ALL};
use asyncio_scenarios::params::{Default, Num, ParamSpec};
use asyncio_scenarios::{catalogue, Topic};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

use crate::dom::{append, append_text, element, text_element};
use crate::route::Route;

const TITLE: &str = "asyncio playground";

/// Where the page is, as `<body data-state>` says (tests wait on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageState {
    /// A view is shown and nothing is running.
    Ready,
    /// A scenario is running.
    Running,
    /// A run has finished and its output is in `#log`.
    Done,
}

impl PageState {
    fn as_str(self) -> &'static str {
        match self {
            PageState::Ready => "ready",
            PageState::Running => "running",
            PageState::Done => "done",
        }
    }
}

/// The gallery's order of topics. A new topic fails to compile here until
/// it is given a place.
fn topic_rank(topic: Topic) -> u8 {
    match topic {
        Topic::Tasks => 0,
        Topic::Sync => 1,
        Topic::Queues => 2,
        Topic::Executors => 3,
        Topic::Threads => 4,
        Topic::Loop => 5,
    }
}

/// The page's DOM: `<main id="app">`, which each view replaces, and the
/// error banner above it.
pub struct View {
    document: Document,
    body: HtmlElement,
    app: Element,
    error: HtmlElement,
    /// The open scenario's `#log` and `#status`, when it can run.
    output: Option<(Element, Element)>,
}

impl View {
    pub fn new(document: &Document) -> Result<View, JsValue> {
        let body = document.body().ok_or("the page has no <body>")?;
        let app = document.get_element_by_id("app").ok_or("the page has no <main id=\"app\">")?;
        let error = document
            .get_element_by_id("error")
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .ok_or("the page has no error banner (#error)")?;
        Ok(View { document: document.clone(), body, app, error, output: None })
    }

    pub fn set_state(&self, state: PageState) {
        // Setting a data-* attribute on <body> cannot fail.
        let _ = self.body.set_attribute("data-state", state.as_str());
    }

    /// Show `message` in the banner above the view.
    pub fn show_error(&self, message: &str) {
        self.error.set_text_content(Some(message));
        self.error.set_hidden(false);
    }

    pub fn clear_error(&self) {
        self.error.set_text_content(None);
        self.error.set_hidden(true);
    }

    /// Move keyboard focus to the view's heading (after a navigation).
    pub fn focus_heading(&self) {
        let heading = self.app.query_selector("h2").ok().flatten();
        if let Some(heading) = heading.and_then(|h| h.dyn_into::<HtmlElement>().ok()) {
            // Focus is a courtesy: a failure changes nothing else.
            let _ = heading.focus();
        }
    }

    /// Replace the view with `content`.
    fn replace_view(&mut self, content: &Element, title: &str) {
        self.output = None;
        self.app.replace_children_with_node_1(content);
        self.document.set_title(title);
    }

    /// The gallery: every scenario, grouped by topic; the runnable ones are
    /// links, the others say they are coming soon.
    pub fn show_gallery(&mut self) -> Result<(), JsValue> {
        let doc = &self.document;
        let runnable: Vec<&str> = catalogue().iter().map(|s| s.name()).collect();

        let gallery = element(doc, "section", "gallery")?;
        let heading = text_element(doc, "h2", "", "Scenarios")?;
        heading.set_attribute("tabindex", "-1")?;
        append(&gallery, &heading)?;
        let coverage = if runnable.len() == ALL.len() {
            format!("All {} run in the browser.", ALL.len())
        } else {
            format!(
                "{} of {} run in the browser so far; the others are coming soon.",
                runnable.len(),
                ALL.len()
            )
        };
        let lead = format!(
            "Each scenario is a small asyncio program. Open one and press Run to see what Python prints. \
             {coverage}"
        );
        append(&gallery, &text_element(doc, "p", "lead", &lead)?)?;

        let mut topics: Vec<Topic> = Vec::new();
        for scenario in ALL {
            if !topics.contains(&scenario.topic) {
                topics.push(scenario.topic);
            }
        }
        topics.sort_by_key(|&t| topic_rank(t));

        for topic in topics {
            let members: Vec<&Meta> = ALL.iter().filter(|m| m.topic == topic).collect();
            let ready = members.iter().filter(|m| runnable.contains(&m.name)).count();
            let section = element(doc, "section", "topic")?;
            let title = text_element(doc, "h3", "", topic.title())?;
            let count = match (ready, members.len()) {
                (1, 1) => "1 scenario".to_string(),
                (ready, total) if ready == total => format!("{total} scenarios"),
                (ready, total) => format!("{ready} of {total} ready"),
            };
            append(&title, &text_element(doc, "span", "count", &count)?)?;
            append(&section, &title)?;
            let list = element(doc, "ul", "cards")?;
            for scenario in members {
                append(&list, &self.card(scenario, runnable.contains(&scenario.name))?)?;
            }
            append(&section, &list)?;
            append(&gallery, &section)?;
        }
        self.replace_view(&gallery, TITLE);
        Ok(())
    }

    fn card(&self, scenario: &Meta, runnable: bool) -> Result<Element, JsValue> {
        let doc = &self.document;
        let item = element(doc, "li", if runnable { "card" } else { "card soon" })?;
        let name = text_element(doc, "span", "card-name", scenario.name)?;
        let summary = text_element(doc, "span", "card-summary", scenario.summary)?;
        if runnable {
            let link = element(doc, "a", "card-link")?;
            link.set_attribute("href", &Route::Scenario(scenario.name.to_string()).to_query())?;
            link.set_attribute("data-action", "open")?;
            link.set_attribute("data-scenario", scenario.name)?;
            append(&link, &name)?;
            append(&link, &summary)?;
            append(&item, &link)?;
        } else {
            let head = element(doc, "span", "card-head")?;
            append(&head, &name)?;
            append(&head, &text_element(doc, "span", "badge", "coming soon")?)?;
            append(&item, &head)?;
            append(&item, &summary)?;
        }
        Ok(item)
    }

    /// One scenario: what it shows, its parameters, and (when it can run)
    /// the Run button and the output log.
    pub fn show_scenario(&mut self, scenario: &Meta, runnable: bool) -> Result<(), JsValue> {
        let doc = &self.document;
        let article = element(doc, "article", "scenario")?;

        let back = text_element(doc, "a", "back", "← All scenarios")?;
        back.set_attribute("href", "./")?;
        back.set_attribute("data-action", "gallery")?;
        append(&article, &back)?;
        append(&article, &text_element(doc, "p", "topic-label", scenario.topic.title())?)?;
        let heading = element(doc, "h2", "scenario-name")?;
        heading.set_attribute("tabindex", "-1")?;
        append(&heading, &text_element(doc, "code", "", scenario.name)?)?;
        append(&article, &heading)?;
        append(&article, &text_element(doc, "p", "summary", scenario.summary)?)?;

        if !scenario.details.is_empty() {
            let about = element(doc, "details", "about")?;
            append(&about, &text_element(doc, "summary", "", "About this scenario")?)?;
            // The docstring is wrapped at 80 columns: rewrap it to the width
            // of the screen, keeping blank-line paragraph breaks.
            for paragraph in scenario.details.split("\n\n") {
                let text = paragraph.split('\n').map(str::trim).collect::<Vec<_>>().join(" ");
                append(&about, &text_element(doc, "p", "details", &text)?)?;
            }
            append(&article, &about)?;
        }
        if !scenario.params.is_empty() {
            append(&article, &self.params(scenario.params)?)?;
        }

        let output = if runnable {
            let controls = element(doc, "div", "controls")?;
            let run = text_element(doc, "button", "run", "Run")?;
            run.set_id("run");
            run.set_attribute("type", "button")?;
            run.set_attribute("data-action", "run")?;
            append(&controls, &run)?;
            let status = text_element(doc, "p", "status", "Runs instantly on a virtual clock.")?;
            status.set_id("status");
            status.set_attribute("role", "status")?;
            append(&controls, &status)?;
            append(&article, &controls)?;

            let section = element(doc, "section", "output")?;
            append(&section, &text_element(doc, "h3", "", "Output")?)?;
            let log = element(doc, "pre", "log")?;
            log.set_id("log");
            log.set_attribute("tabindex", "0")?;
            log.set_attribute("aria-label", "Output")?;
            append(&section, &log)?;
            append(&article, &section)?;
            Some((log, status))
        } else {
            let note = "This scenario is coming soon: it is in the catalogue, but it does not run in the \
                        browser yet.";
            append(&article, &text_element(doc, "p", "soon-note", note)?)?;
            None
        };

        self.replace_view(&article, &format!("{} · {TITLE}", scenario.name));
        self.output = output;
        Ok(())
    }

    /// The parameters and their defaults, which runs use for now.
    fn params(&self, specs: &[ParamSpec]) -> Result<Element, JsValue> {
        let doc = &self.document;
        let section = element(doc, "section", "params")?;
        append(&section, &text_element(doc, "h3", "", "Parameters")?)?;
        let list = element(doc, "dl", "param-list")?;
        for spec in specs {
            let term = element(doc, "dt", "")?;
            append(&term, &text_element(doc, "code", "param-name", spec.name)?)?;
            append_text(&term, " = ")?;
            append(&term, &text_element(doc, "code", "param-value", &default_text(spec.default))?)?;
            append(&list, &term)?;
            let mut description = spec.help.to_string();
            let range = range_text(spec);
            if !range.is_empty() {
                if !description.is_empty() {
                    description.push_str(" · ");
                }
                description.push_str(&range);
            }
            append(&list, &text_element(doc, "dd", "", &description)?)?;
        }
        append(&section, &list)?;
        let note = "Runs use these defaults; editing them comes with the parameter form.";
        append(&section, &text_element(doc, "p", "note", note)?)?;
        Ok(section)
    }

    /// Put a finished run's trace in `#log`: exactly the lines, joined by
    /// newlines.
    pub fn show_output(&self, lines: &[String]) -> Result<(), JsValue> {
        let (log, status) = self.output.as_ref().ok_or("this scenario has no output log")?;
        log.set_text_content(Some(&lines.join("\n")));
        let count = match lines.len() {
            1 => "1 line".to_string(),
            n => format!("{n} lines"),
        };
        status.set_text_content(Some(&format!("Finished: {count} printed.")));
        Ok(())
    }
}

/// A default as Python writes the value.
fn default_text(default: Default) -> String {
    match default {
        Default::Int(i) => i.to_string(),
        Default::Float(f) => float_repr(f),
        Default::Str(s) => format!("\"{s}\""),
    }
}

fn num_text(num: Num) -> String {
    match num {
        Num::Int(i) => i.to_string(),
        Num::Float(f) => float_repr(f),
    }
}

/// "one of a, b", "0 to 20", "at least 1", or nothing.
fn range_text(spec: &ParamSpec) -> String {
    if let Some(choices) = spec.choices {
        return format!("one of {}", choices.join(", "));
    }
    match (spec.min, spec.max) {
        (Some(lo), Some(hi)) => format!("{} to {}", num_text(lo), num_text(hi)),
        (Some(lo), None) => format!("at least {}", num_text(lo)),
        (None, Some(hi)) => format!("at most {}", num_text(hi)),
        (None, None) => String::new(),
    }
}
