//! Everything the page shows, built with web-sys. Text always goes in as
//! text (`textContent` or text nodes), never as HTML: scenario names,
//! parameter values from the URL and program text included.

use std::cell::RefCell;

use asyncio_scenarios::meta::Meta;
use asyncio_scenarios::pylessons::PY_LESSONS;
use asyncio_scenarios::{catalogue, push_hint};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, HtmlButtonElement, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};

use super::controller::CopyTarget;
use super::explain::Explanation;
use super::form::{allowed_text, default_text, input, Field, Form, Input};
use super::highlight::tokenize;
use super::lessons;
use crate::code::lesson::program_meta;
use crate::code::starter::STARTER;
use crate::dom::{append, append_text, element, text_element};
use crate::driver::{speed_stop, speed_text, Mode, SPEED_STOPS};
use crate::route::{PageUrl, Panels, Route, Theme};
use crate::timeline::{InspectorView, TimelineView, TraceRecorder};

const TITLE: &str = "asyncio playground";
/// The gallery's step of lessons written in Python, and its heading on them.
const PYTHON_STEP: &str = "Python 3.11, and your own code";
/// The gallery's steps: the learning path's, then [`PYTHON_STEP`].
const STEPS: usize = lessons::PATH.len() + 1;

/// Where the page is, as `<body data-state>` says (tests wait on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageState {
    /// A view is shown and nothing is running.
    Idle,
    /// A run is under way.
    Running,
    /// A run is paused (or was stepped).
    Paused,
    /// A run has finished and its whole output is in `#log`.
    Done,
}

impl PageState {
    fn as_str(self) -> &'static str {
        match self {
            PageState::Idle => "idle",
            PageState::Running => "running",
            PageState::Paused => "paused",
            PageState::Done => "done",
        }
    }
}

/// Which run controls are enabled, and how Run is labelled.
pub struct Controls {
    pub run_label: &'static str,
    pub run: bool,
    pub pause: bool,
    pub step: bool,
    pub reset: bool,
    pub mode: bool,
    pub speed: bool,
    /// Why Run waits: a bad value in the form, an error in the program.
    pub blocked: Option<String>,
    /// Back one iteration.
    pub back: bool,
}

/// The run's counters and its status sentence.
pub struct Progress {
    pub iterations: u64,
    pub time: f64,
    pub lines: usize,
    pub text: String,
}

/// One parameter's controls.
struct FieldView {
    /// The number or text field, or the select.
    input: Element,
    slider: Option<HtmlInputElement>,
    error: HtmlElement,
    /// The field's `aria-describedby` without the error.
    described_by: String,
}

/// The open scenario's elements the controller changes.
struct ScenarioView {
    slots: CodeSlots,
    fields: Vec<FieldView>,
    /// Says that an edit made during a run applies to the next run.
    edit_notice: HtmlElement,
    run: HtmlButtonElement,
    pause: HtmlButtonElement,
    step: HtmlButtonElement,
    back: HtmlButtonElement,
    reset: HtmlButtonElement,
    mode: HtmlSelectElement,
    speed: HtmlInputElement,
    speed_value: Element,
    speed_group: Element,
    run_blocked: HtmlElement,
    status: Element,
    iterations: Element,
    loop_time: Element,
    line_count: Element,
    log: Element,
    /// The log has at least one line (the next one starts with a newline).
    log_lines: usize,
    last_line: Option<String>,
    /// Shown once the log stopped at [`LOG_LINE_CAP`] lines.
    log_truncated: HtmlElement,
    explain: HtmlElement,
    python: Element,
    python_note: Element,
    python_copied: Element,
    /// The program and note shown, so that an unchanged pane (it is asked
    /// for after every slice of a run) is not rebuilt.
    python_shown: RefCell<Option<(Option<String>, String)>>,
    log_copied: Element,
    embed_button: Option<Element>,
    embed_panel: HtmlElement,
    embed_code: HtmlTextAreaElement,
    embed_copied: Element,
    full_page_link: Option<Element>,
    timeline: Option<TimelineView>,
    inspector: Option<InspectorView>,
    /// The box that pushes values into the running loop, for the scenarios
    /// that take them.
    push: Option<PushView>,
    /// Where the frame meter goes.
    live: Element,
    /// The frame meter's `<details>`.
    meter_panel: Element,
    /// The real workers' state (real mode), hidden otherwise.
    workers: HtmlElement,
    /// What the workers panel shows now, so that an unchanged panel (it is
    /// asked for after every slice of a run) is not rebuilt.
    workers_shown: RefCell<String>,
}

/// The run controls' elements.
struct RunBar {
    root: Element,
    run: HtmlButtonElement,
    pause: HtmlButtonElement,
    step: HtmlButtonElement,
    back: HtmlButtonElement,
    reset: HtmlButtonElement,
    mode: HtmlSelectElement,
    speed: HtmlInputElement,
    speed_value: Element,
    speed_group: Element,
    embed_button: Option<Element>,
    iterations: Element,
    loop_time: Element,
    line_count: Element,
    status: Element,
    run_blocked: HtmlElement,
}

/// The Python pane's elements.
struct PythonPane {
    root: Element,
    head: Element,
    pre: Element,
    code: Element,
    note: Element,
    copied: Element,
}

/// Where the editor's page build puts its parts (see `code_pane`).
pub struct CodeSlots {
    /// The Python pane, its heading row and the read-only listing.
    pub python: Element,
    pub python_head: Element,
    pub listing: Element,
    /// The output pane's explanation panel (a traceback goes after it).
    pub explain: Element,
}

/// The output pane's elements.
struct OutputPane {
    root: Element,
    log: Element,
    log_truncated: HtmlElement,
    copied: Element,
    explain: HtmlElement,
}

/// The diagnostics panel: the frame meter's `<details>` and the workers.
struct LivePanel {
    root: Element,
    meter_slot: Element,
    meter_panel: Element,
    workers: HtmlElement,
}

/// The embed snippet's panel.
struct EmbedPanel {
    panel: HtmlElement,
    code: HtmlTextAreaElement,
    copied: Element,
}

/// The push box: a value, a button and what became of the last push.
struct PushView {
    input: HtmlInputElement,
    button: HtmlButtonElement,
    status: Element,
}

/// The most lines `#log` shows: past it a run's output would only exhaust
/// the page's memory (a long instant run prints millions of lines).
pub const LOG_LINE_CAP: usize = 100_000;

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

/// The page's DOM: `<main id="app">`, which each view replaces, the error
/// banner and the notices above it.
pub struct View {
    document: Document,
    body: HtmlElement,
    app: Element,
    error: HtmlElement,
    notices: HtmlElement,
    scenario: Option<ScenarioView>,
}

fn cast<T: JsCast>(element: Element) -> Result<T, JsValue> {
    element.dyn_into::<T>().map_err(|_| JsValue::from_str("an element is not of the expected type"))
}

fn button(
    doc: &Document,
    id: &str,
    label: &str,
    action: &str,
    class: &str,
) -> Result<HtmlButtonElement, JsValue> {
    let button = text_element(doc, "button", class, label)?;
    button.set_id(id);
    button.set_attribute("type", "button")?;
    button.set_attribute("data-action", action)?;
    cast(button)
}

impl View {
    pub fn new(document: &Document) -> Result<View, JsValue> {
        let body = document.body().ok_or("the page has no <body>")?;
        let app = document.get_element_by_id("app").ok_or("the page has no <main id=\"app\">")?;
        let error = document
            .get_element_by_id("error")
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .ok_or("the page has no error banner (#error)")?;
        let notices = document
            .get_element_by_id("notices")
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .ok_or("the page has no notice area (#notices)")?;
        Ok(View { document: document.clone(), body, app, error, notices, scenario: None })
    }

    pub fn set_state(&self, state: PageState) {
        // Setting a data-* attribute on <body> cannot fail.
        let _ = self.body.set_attribute("data-state", state.as_str());
    }

    /// The colour scheme: the system's, or forced (`theme=`), on `<html>`.
    pub fn set_theme(&self, theme: Theme) {
        let Some(root) = self.document.document_element() else { return };
        let _ = match theme {
            Theme::Auto => root.remove_attribute("data-theme"),
            forced => root.set_attribute("data-theme", forced.as_str()),
        };
    }

    /// The compact layout for an iframe (`?embed=1`).
    pub fn set_embed(&self, embed: bool) {
        let _ = self.body.class_list().toggle_with_force("embed", embed);
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

    /// Say which values of the address were replaced, one line each.
    pub fn show_notices(&self, notices: &[String]) {
        self.notices.set_text_content(None);
        if notices.is_empty() {
            self.notices.set_hidden(true);
            return;
        }
        let doc = &self.document;
        let lead = "Some values in the address could not be used:";
        let list = element(doc, "ul", "");
        if let (Ok(lead), Ok(list)) = (text_element(doc, "p", "", lead), list) {
            for notice in notices {
                if let Ok(item) = text_element(doc, "li", "", notice) {
                    let _ = append(&list, &item);
                }
            }
            let _ = append(&self.notices, &lead);
            let _ = append(&self.notices, &list);
        }
        self.notices.set_hidden(false);
    }

    pub fn clear_notices(&self) {
        self.show_notices(&[]);
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
        self.scenario = None;
        self.app.replace_children_with_node_1(content);
        self.document.set_title(title);
    }

    /// The gallery: every scenario, in the learning path's order (one
    /// numbered section per step, see [`lessons::PATH`]); the runnable ones
    /// are links, the others say they are coming soon.
    pub fn show_gallery(&mut self) -> Result<(), JsValue> {
        let doc = &self.document;
        let runnable: Vec<&str> = catalogue().iter().map(|s| s.name()).collect();
        // Every scenario: the oracle's and the extra ones.
        let all = asyncio_scenarios::all_meta();

        let gallery = element(doc, "section", "gallery")?;
        let heading = text_element(doc, "h2", "", "Start here")?;
        heading.set_attribute("tabindex", "-1")?;
        append(&gallery, &heading)?;
        let coverage = if runnable.len() == all.len() {
            format!("All {} run in the browser.", all.len())
        } else {
            format!(
                "{} of {} run in the browser so far; the others are coming soon.",
                runnable.len(),
                all.len()
            )
        };
        let lead = format!(
            "Each lesson is a small asyncio program. They are in the order we suggest, from a first \
             coroutine to threads and processes; open any of them, change its parameters and press \
             Run to see what it prints. {coverage}"
        );
        append(&gallery, &text_element(doc, "p", "lead", &lead)?)?;
        append(&gallery, &self.search_box()?)?;

        for (index, step) in lessons::PATH.iter().enumerate() {
            let members: Vec<&Meta> = step
                .lessons
                .iter()
                .filter_map(|name| all.iter().copied().find(|m| m.name == *name))
                .collect();
            let ready = members.iter().filter(|m| runnable.contains(&m.name)).count();
            let section = element(doc, "section", "topic")?;
            let title = element(doc, "h3", "")?;
            append(&title, &text_element(doc, "span", "step-number", &format!("{}", index + 1))?)?;
            append(&title, &text_element(doc, "span", "", step.title)?)?;
            let count = match (ready, members.len()) {
                (1, 1) => "1 lesson".to_string(),
                (ready, total) if ready == total => format!("{total} lessons"),
                (ready, total) => format!("{ready} of {total} ready"),
            };
            append(&title, &text_element(doc, "span", "count", &count)?)?;
            append(&section, &title)?;
            append(&section, &text_element(doc, "p", "step-blurb", step.blurb)?)?;
            let list = element(doc, "ol", "cards")?;
            for scenario in members {
                append(&list, &self.card(scenario, runnable.contains(&scenario.name))?)?;
            }
            append(&section, &list)?;
            append(&gallery, &section)?;
        }
        append(&gallery, &self.python_section(STEPS)?)?;
        self.replace_view(&gallery, TITLE);
        Ok(())
    }

    /// The gallery's last step: Python 3.11's TaskGroup and timeout, in
    /// lessons written in Python, and "Write your own".
    fn python_section(&self, number: usize) -> Result<Element, JsValue> {
        let doc = &self.document;
        let section = element(doc, "section", "topic")?;
        let title = element(doc, "h3", "")?;
        append(&title, &text_element(doc, "span", "step-number", &number.to_string())?)?;
        append(&title, &text_element(doc, "span", "", PYTHON_STEP)?)?;
        let count = format!("{} lessons", PY_LESSONS.len() + 1);
        append(&title, &text_element(doc, "span", "count", &count)?)?;
        append(&section, &title)?;
        append(
            &section,
            &text_element(
                doc,
                "p",
                "step-blurb",
                "TaskGroup and timeout(), in programs you can edit; then write your own, and share it with a link.",
            )?,
        )?;
        let list = element(doc, "ol", "cards")?;
        for lesson in PY_LESSONS {
            let meta = Meta {
                name: lesson.name,
                summary: lesson.summary,
                details: "",
                topic: asyncio_scenarios::Topic::Tasks,
                params: &[],
            };
            let card = self.card(&meta, true)?;
            // Opening it loads the interpreter's build of the page.
            if let Some(link) = card.query_selector("a")? {
                link.set_attribute("data-interpreter", "")?;
            }
            append(&list, &card)?;
        }
        let item = element(doc, "li", "card")?;
        let summary =
            "An editor with a starter program: run any asyncio program, see its tasks' lines, share it.";
        item.set_attribute("data-search", &format!("write your own code editor {summary}").to_lowercase())?;
        let link = element(doc, "a", "card-link")?;
        link.set_attribute("href", &format!("./{}", PageUrl::fragment(STARTER)))?;
        link.set_attribute("data-action", "open-code")?;
        link.set_attribute("data-interpreter", "")?;
        append(&link, &text_element(doc, "span", "card-name", "Write your own")?)?;
        append(&link, &text_element(doc, "span", "card-summary", summary)?)?;
        append(&item, &link)?;
        append(&list, &item)?;
        append(&section, &list)?;
        Ok(section)
    }

    /// The gallery's search box: filters the cards by name and summary as
    /// you type; Enter opens the only match.
    fn search_box(&self) -> Result<Element, JsValue> {
        let doc = &self.document;
        let search_row = element(doc, "div", "search")?;
        let label = text_element(doc, "label", "", "Search lessons")?;
        label.set_attribute("for", "search")?;
        let search = element(doc, "input", "")?;
        search.set_id("search");
        search.set_attribute("type", "search")?;
        search.set_attribute("autocomplete", "off")?;
        search.set_attribute("placeholder", "semaphore, queue, gather...")?;
        search.set_attribute("aria-describedby", "search-hint search-status")?;
        append(&search_row, &label)?;
        append(&search_row, &search)?;
        let hint = text_element(doc, "p", "search-hint", "Enter opens the lesson when only one matches.")?;
        hint.set_id("search-hint");
        append(&search_row, &hint)?;
        let status = text_element(doc, "p", "search-status", "")?;
        status.set_id("search-status");
        status.set_attribute("aria-live", "polite")?;
        append(&search_row, &status)?;
        Ok(search_row)
    }

    /// The scenario of the only card the search leaves, if exactly one is
    /// left.
    pub fn only_match(&self) -> Option<String> {
        let links = self.app.query_selector_all("li[data-search]:not([hidden]) a.card-link").ok()?;
        if links.length() != 1 {
            return None;
        }
        links.item(0)?.dyn_into::<Element>().ok()?.get_attribute("data-scenario")
    }

    /// Move keyboard focus to the gallery's link to `name` (back from that
    /// lesson), scrolled into view; false when there is no such link.
    pub fn focus_card(&self, name: &str) -> bool {
        let selector = format!("a.card-link[data-scenario=\"{name}\"]");
        let link = self.app.query_selector(&selector).ok().flatten();
        let Some(link) = link.and_then(|l| l.dyn_into::<HtmlElement>().ok()) else { return false };
        link.scroll_into_view_with_bool(false);
        link.focus().is_ok()
    }

    /// Show only the cards whose name or summary contains every word of
    /// `query` (case-insensitive), hide topics left empty, and say how many
    /// match.
    pub fn filter_gallery(&self, query: &str) {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let Ok(sections) = self.app.query_selector_all("section.topic") else { return };
        let mut shown = 0;
        for i in 0..sections.length() {
            let Some(section) = sections.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let Ok(cards) = section.query_selector_all("li[data-search]") else { continue };
            let mut visible = 0;
            for j in 0..cards.length() {
                let Some(card) = cards.item(j).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
                let haystack = card.get_attribute("data-search").unwrap_or_default();
                let matches = words.iter().all(|w| haystack.contains(w.as_str()));
                let _ = card.toggle_attribute_with_force("hidden", !matches);
                visible += usize::from(matches);
            }
            let _ = section.toggle_attribute_with_force("hidden", visible == 0);
            shown += visible;
        }
        if let Ok(Some(status)) = self.app.query_selector("#search-status") {
            let text = match (words.is_empty(), shown) {
                (true, _) => String::new(),
                (false, 0) => "No scenario matches.".to_string(),
                (false, 1) => "1 scenario matches.".to_string(),
                (false, n) => format!("{n} scenarios match."),
            };
            status.set_text_content(Some(&text));
        }
    }

    fn card(&self, scenario: &Meta, runnable: bool) -> Result<Element, JsValue> {
        let doc = &self.document;
        let item = element(doc, "li", if runnable { "card" } else { "card soon" })?;
        let haystack = format!("{} {}", scenario.name, scenario.summary).to_lowercase();
        item.set_attribute("data-search", &haystack)?;
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

    /// One scenario. Laid out so that Run and the start of the output fit
    /// on a laptop screen: the heading, the run controls, then the
    /// parameters and the program beside the output and the timeline
    /// (one column on a narrow screen, the output right after the
    /// parameters).
    ///
    /// `embed`: the compact layout for an iframe, with the panels it names
    /// (`view=`); `None` is the full page with every panel.
    pub fn show_scenario(&mut self, form: &Form, embed: Option<Panels>) -> Result<(), JsValue> {
        let doc = &self.document;
        let meta = form.meta();
        let show = embed.unwrap_or(Panels::ALL);
        let embed = embed.is_some();
        let article = element(doc, "article", "scenario")?;
        let (head, full_page_link) = self.scenario_head(meta, embed)?;
        append(&article, &head)?;
        let bar = self.run_bar(embed)?;
        if show.controls {
            append(&article, &bar.root)?;
        }
        let embed_ui = self.embed_panel()?;
        append(&article, &embed_ui.panel)?;

        let workbench = element(doc, "div", "workbench")?;
        let side = element(doc, "div", "bench-side")?;
        let main = element(doc, "div", "bench-main")?;
        let (params_section, fields, edit_notice) = self.params_form(form)?;
        let python = self.python_pane()?;
        // A program written in Python (your own, or a lesson's) has no
        // parameters: no empty form for it.
        let program = program_meta(meta.name).is_some();
        if show.params && !program {
            append(&side, &params_section)?;
        }
        let push = self.push_box(meta.name)?;
        if let (Some((section, _)), true) = (&push, show.controls) {
            append(&side, section)?;
        }
        if show.code {
            append(&side, &python.root)?;
        }
        let live = self.live_panel()?;
        if !embed {
            append(&side, &live.root)?;
        }
        let output = self.output_pane()?;
        if show.output {
            append(&main, &output.root)?;
        }

        // The timeline and the inspector draw here (src/timeline/); the
        // placeholder stays if they cannot (no canvas).
        let timeline_host = element(doc, "div", "timeline-area")?;
        timeline_host.set_id("timeline");
        let placeholder = text_element(
            doc,
            "p",
            "placeholder",
            "The timeline of the run (one lane per task) cannot be drawn in this browser.",
        )?;
        append(&timeline_host, &placeholder)?;
        if show.timeline || show.inspector {
            append(&main, &timeline_host)?;
        }
        append(&workbench, &side)?;
        append(&workbench, &main)?;
        append(&article, &workbench)?;

        self.replace_view(&article, &format!("{} · {TITLE}", meta.name));
        // Built once the host is in the document, so that they can measure it.
        let timeline =
            show.timeline.then(|| TimelineView::new(&self.document, &timeline_host).ok()).flatten();
        let inspector =
            show.inspector.then(|| InspectorView::new(&self.document, &timeline_host).ok()).flatten();
        if timeline.is_some() || !show.timeline {
            placeholder.remove();
        }
        self.scenario = Some(ScenarioView {
            slots: CodeSlots {
                python: python.root.clone(),
                python_head: python.head,
                listing: python.pre,
                explain: output.explain.clone().into(),
            },
            fields,
            edit_notice,
            run: bar.run,
            pause: bar.pause,
            step: bar.step,
            back: bar.back,
            reset: bar.reset,
            mode: bar.mode,
            speed: bar.speed,
            speed_value: bar.speed_value,
            speed_group: bar.speed_group,
            run_blocked: bar.run_blocked,
            status: bar.status,
            iterations: bar.iterations,
            loop_time: bar.loop_time,
            line_count: bar.line_count,
            log: output.log,
            log_lines: 0,
            last_line: None,
            log_truncated: output.log_truncated,
            explain: output.explain,
            python: python.code,
            python_note: python.note,
            python_copied: python.copied,
            python_shown: RefCell::new(None),
            log_copied: output.copied,
            embed_button: bar.embed_button,
            embed_panel: embed_ui.panel,
            embed_code: embed_ui.code,
            embed_copied: embed_ui.copied,
            full_page_link,
            timeline,
            inspector,
            push: push.map(|(_, view)| view),
            live: live.meter_slot,
            meter_panel: live.meter_panel,
            workers: live.workers,
            workers_shown: RefCell::new(String::new()),
        });
        Ok(())
    }

    /// The heading: the way back, the lesson's place in the path, its name
    /// and summary, "About this scenario" and the next lesson. Returns it and
    /// the embedded view's link to the full page.
    fn scenario_head(&self, meta: &Meta, embed: bool) -> Result<(Element, Option<Element>), JsValue> {
        let doc = &self.document;
        let head = element(doc, "header", "scenario-head")?;
        if !embed {
            let nav = element(doc, "div", "head-nav")?;
            let back = text_element(doc, "a", "back", "← All lessons")?;
            back.set_attribute("href", "./")?;
            back.set_attribute("data-action", "gallery")?;
            append(&nav, &back)?;
            let place = match lessons::step_of(meta.name) {
                Some((index, step)) => {
                    format!("Step {} of {} · {}", index + 1, STEPS, step.title)
                }
                None if program_meta(meta.name).is_some() => {
                    format!("Step {STEPS} of {STEPS} · {PYTHON_STEP}")
                }
                None => meta.topic.title().to_string(),
            };
            append(&nav, &text_element(doc, "p", "topic-label", &place)?)?;
            if let Some(next) = lessons::next_lesson(meta.name) {
                let link = element(doc, "a", "next-lesson")?;
                link.set_attribute("href", &Route::Scenario(next.to_string()).to_query())?;
                link.set_attribute("data-action", "open")?;
                link.set_attribute("data-scenario", next)?;
                append_text(&link, "Next: ")?;
                append(&link, &text_element(doc, "code", "", next)?)?;
                append_text(&link, " →")?;
                append(&nav, &link)?;
            }
            append(&head, &nav)?;
        }
        let title_row = element(doc, "div", "title-row")?;
        let heading = element(doc, "h2", "scenario-name")?;
        heading.set_attribute("tabindex", "-1")?;
        append(&heading, &text_element(doc, "code", "", meta.name)?)?;
        append(&title_row, &heading)?;
        append(&title_row, &text_element(doc, "p", "summary", meta.summary)?)?;
        append(&head, &title_row)?;
        let full_page_link = if embed {
            let link = text_element(doc, "a", "full-page", "Open in the asyncio playground ↗")?;
            link.set_attribute("target", "_blank")?;
            link.set_attribute("rel", "noopener")?;
            append(&head, &link)?;
            Some(link)
        } else {
            append(&head, &self.about(meta)?)?;
            None
        };
        Ok((head, full_page_link))
    }

    /// "About this scenario": what it teaches in plain words, the English
    /// of the Chinese lines it prints, and how it follows its seed program
    /// (the metadata's details, rewrapped to the screen's width).
    fn about(&self, meta: &Meta) -> Result<Element, JsValue> {
        let doc = &self.document;
        let about = element(doc, "details", "about")?;
        append(&about, &text_element(doc, "summary", "", "About this scenario")?)?;
        if let Some(lead) = lessons::about_lead(meta.name) {
            append(&about, &text_element(doc, "p", "about-lead", lead)?)?;
        }
        let glosses = lessons::glosses(meta.name);
        if !glosses.is_empty() {
            append(&about, &text_element(doc, "p", "details", "The Chinese it prints, in English:")?)?;
            let list = element(doc, "ul", "gloss")?;
            for (chinese, english) in glosses {
                let item = element(doc, "li", "")?;
                let original = text_element(doc, "span", "zh", chinese)?;
                original.set_attribute("lang", "zh-Hans")?;
                append(&item, &original)?;
                append_text(&item, &format!(" — {english}"))?;
                append(&list, &item)?;
            }
            append(&about, &list)?;
        }
        if !meta.details.is_empty() {
            append(&about, &text_element(doc, "h3", "about-source", "How it follows its source")?)?;
            // The docstring is wrapped at 80 columns: rewrap it to the width
            // of the screen, keeping blank-line paragraph breaks.
            for paragraph in meta.details.split("\n\n") {
                let text = paragraph.split('\n').map(str::trim).collect::<Vec<_>>().join(" ");
                append(&about, &text_element(doc, "p", "details", &text)?)?;
            }
        }
        Ok(about)
    }

    /// The run controls: buttons, mode, speed, Embed, the counters and the
    /// status line.
    fn run_bar(&self, embed: bool) -> Result<RunBar, JsValue> {
        let doc = &self.document;
        let root = element(doc, "section", "runbar")?;
        root.set_attribute("aria-label", "Run controls")?;
        let buttons = element(doc, "div", "buttons")?;
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
            append(&buttons, b)?;
        }
        append(&root, &buttons)?;

        let settings = element(doc, "div", "settings")?;
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
        append(&settings, &mode_group)?;

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
        append(&settings, &speed_group)?;
        let embed_button = if embed {
            None
        } else {
            let b = button(doc, "embed", "Embed", "embed", "small")?;
            b.set_attribute("aria-expanded", "false")?;
            b.set_attribute("aria-controls", "embed-panel")?;
            append(&settings, &b)?;
            Some(b.into())
        };
        append(&root, &settings)?;

        let counters = element(doc, "p", "counters")?;
        let counter = |label: &str, id: &str, unit: &str| -> Result<Element, JsValue> {
            let item = element(doc, "span", "counter")?;
            append(&item, &text_element(doc, "span", "counter-label", label)?)?;
            let value = text_element(doc, "span", "counter-value", "0")?;
            value.set_id(id);
            append(&item, &value)?;
            if !unit.is_empty() {
                append(&item, &text_element(doc, "span", "counter-unit", unit)?)?;
            }
            append(&counters, &item)?;
            Ok(value)
        };
        let iterations = counter("iteration", "iterations", "")?;
        let loop_time = counter("loop.time()", "loop-time", "s")?;
        let line_count = counter("lines", "line-count", "")?;
        append(&root, &counters)?;
        let status = element(doc, "p", "status")?;
        status.set_id("status");
        status.set_attribute("role", "status")?;
        append(&root, &status)?;
        let run_blocked: HtmlElement = cast(text_element(
            doc,
            "p",
            "run-blocked",
            "A parameter has a value the scenario does not accept: fix it to run.",
        )?)?;
        run_blocked.set_id("run-blocked");
        run_blocked.set_hidden(true);
        append(&root, &run_blocked)?;
        Ok(RunBar {
            root,
            run,
            pause,
            step,
            back,
            reset,
            mode,
            speed,
            speed_value,
            speed_group,
            embed_button,
            iterations,
            loop_time,
            line_count,
            status,
            run_blocked,
        })
    }

    /// The Python program's pane.
    fn python_pane(&self) -> Result<PythonPane, JsValue> {
        let doc = &self.document;
        let root = element(doc, "section", "python")?;
        root.set_attribute("aria-labelledby", "python-heading")?;
        let head = element(doc, "div", "pane-head")?;
        let heading = text_element(doc, "h3", "", "Python")?;
        heading.set_id("python-heading");
        append(&head, &heading)?;
        let copy = button(doc, "copy-python", "Copy", "copy-python", "small")?;
        copy.set_attribute("aria-label", "Copy the Python program")?;
        append(&head, &copy)?;
        append(&root, &head)?;
        let pre = element(doc, "pre", "code")?;
        pre.set_attribute("tabindex", "0")?;
        pre.set_attribute("role", "region")?;
        pre.set_attribute("aria-label", "The Python program")?;
        let code = element(doc, "code", "")?;
        code.set_id("python");
        append(&pre, &code)?;
        append(&root, &pre)?;
        let note = element(doc, "p", "python-note")?;
        note.set_id("python-note");
        append(&root, &note)?;
        let copied = element(doc, "p", "copy-status")?;
        copied.set_attribute("role", "status")?;
        append(&root, &copied)?;
        Ok(PythonPane { root, head, pre, code, note, copied })
    }

    /// The output: `#log`, what its `[t]` stamps are, the truncation
    /// notice, the copy status and the explanation of how a run ended.
    fn output_pane(&self) -> Result<OutputPane, JsValue> {
        let doc = &self.document;
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
        let log_truncated: HtmlElement = cast(element(doc, "p", "log-truncated")?)?;
        log_truncated.set_id("log-truncated");
        log_truncated.set_attribute("role", "status")?;
        log_truncated.set_hidden(true);
        append(&root, &log_truncated)?;
        let copied = element(doc, "p", "copy-status")?;
        copied.set_attribute("role", "status")?;
        append(&root, &copied)?;
        let explain: HtmlElement = cast(element(doc, "section", "explain")?)?;
        explain.set_id("explain");
        explain.set_attribute("role", "note")?;
        explain.set_hidden(true);
        append(&root, &explain)?;
        Ok(OutputPane { root, log, log_truncated, copied, explain })
    }

    /// Values pushed into the running loop (the seeds' consumer threads),
    /// for the scenarios that take them.
    fn push_box(&self, name: &str) -> Result<Option<(Element, PushView)>, JsValue> {
        let Some(hint) = push_hint(name) else { return Ok(None) };
        let doc = &self.document;
        let section = element(doc, "section", "push")?;
        section.set_attribute("aria-labelledby", "push-heading")?;
        let heading = text_element(doc, "h3", "", "Push into the running loop")?;
        heading.set_id("push-heading");
        append(&section, &heading)?;
        let hint_text = text_element(doc, "p", "push-hint", hint)?;
        hint_text.set_id("push-hint");
        append(&section, &hint_text)?;
        let row = element(doc, "div", "push-row")?;
        let label = text_element(doc, "label", "", "Seconds")?;
        label.set_attribute("for", "push-value")?;
        append(&row, &label)?;
        let input: HtmlInputElement = cast(element(doc, "input", "")?)?;
        input.set_id("push-value");
        input.set_type("text");
        input.set_attribute("inputmode", "numeric")?;
        input.set_attribute("autocomplete", "off")?;
        input.set_attribute("aria-describedby", "push-hint push-status")?;
        input.set_value("2");
        append(&row, &input)?;
        let push_button = button(doc, "push", "Push", "push", "")?;
        append(&row, &push_button)?;
        append(&section, &row)?;
        let status = element(doc, "p", "push-status")?;
        status.set_id("push-status");
        status.set_attribute("role", "status")?;
        append(&section, &status)?;
        Ok(Some((section, PushView { input, button: push_button, status })))
    }

    /// The diagnostics: the frame meter in a panel that opens by itself
    /// only in real mode (see [`View::show_mode`]), and the real workers.
    fn live_panel(&self) -> Result<LivePanel, JsValue> {
        let doc = &self.document;
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
        Ok(LivePanel { root, meter_slot: meter_panel.clone(), meter_panel, workers })
    }

    /// The embed snippet's panel (hidden until Embed is pressed).
    fn embed_panel(&self) -> Result<EmbedPanel, JsValue> {
        let doc = &self.document;
        let panel: HtmlElement = cast(element(doc, "div", "embed-panel")?)?;
        panel.set_id("embed-panel");
        panel.set_hidden(true);
        let label =
            text_element(doc, "label", "", "Paste this into your page to embed the scenario as set here:")?;
        label.set_attribute("for", "embed-code")?;
        append(&panel, &label)?;
        let code: HtmlTextAreaElement = cast(element(doc, "textarea", "")?)?;
        code.set_id("embed-code");
        code.set_read_only(true);
        code.set_rows(3);
        code.set_attribute("spellcheck", "false")?;
        append(&panel, &code)?;
        let actions = element(doc, "div", "embed-actions")?;
        append(&actions, &button(doc, "copy-embed", "Copy snippet", "copy-embed", "small")?.into())?;
        let copied = element(doc, "span", "copy-status")?;
        copied.set_attribute("role", "status")?;
        append(&actions, &copied)?;
        append(&panel, &actions)?;
        Ok(EmbedPanel { panel, code, copied })
    }

    /// Replace the view with a loading line (while the interpreter's build
    /// of the page loads).
    pub fn show_loading(&mut self, text: &str) {
        if let Ok(line) = text_element(&self.document, "p", "loading", text) {
            self.replace_view(&line, TITLE);
        }
        self.scenario = None;
    }

    /// The elements the editor's build adds its parts to.
    pub fn code_slots(&self) -> Option<&CodeSlots> {
        self.scenario.as_ref().map(|s| &s.slots)
    }

    /// Where the page puts its frame meter: in its collapsible panel.
    pub fn place_meter(&self, meter: &Element) {
        let Some(view) = &self.scenario else { return };
        let _ = append(&view.live, meter);
    }

    /// Say that the form's edits apply to the next run, and which values
    /// the current run keeps (`None` hides the notice).
    pub fn show_edit_notice(&self, kept: Option<&str>) {
        let Some(view) = &self.scenario else { return };
        match kept {
            Some(kept) => {
                let text = format!(
                    "Applies to the next run: this run keeps {kept}, and the Python program shows \
                     the values it runs with until it ends."
                );
                if view.edit_notice.text_content().as_deref() != Some(text.as_str()) {
                    view.edit_notice.set_text_content(Some(&text));
                }
                view.edit_notice.set_hidden(false);
            }
            None => {
                view.edit_notice.set_hidden(true);
                view.edit_notice.set_text_content(None);
            }
        }
    }

    /// The value typed in the push box, if the scenario has one.
    pub fn push_value(&self) -> Option<String> {
        self.scenario.as_ref()?.push.as_ref().map(|p| p.input.value())
    }

    /// Enable the push button (a run that can take values is on) or not,
    /// saying why in its title.
    pub fn enable_push(&self, enabled: bool, why_not: &str) {
        let Some(push) = self.scenario.as_ref().and_then(|v| v.push.as_ref()) else { return };
        push.button.set_disabled(!enabled);
        push.button.set_title(if enabled { "Push the value into the running loop" } else { why_not });
    }

    /// What became of the last push; an error is marked as one.
    pub fn show_push_status(&self, text: &str, error: bool) {
        let Some(push) = self.scenario.as_ref().and_then(|v| v.push.as_ref()) else { return };
        push.status.set_text_content(Some(text));
        let _ = push.status.class_list().toggle_with_force("error", error);
        let _ = push.input.set_attribute("aria-invalid", if error { "true" } else { "false" });
    }

    /// The real workers, one line each (`None` hides the list), with the
    /// count of workers and of the run's finished jobs as `data-workers` and
    /// `data-jobs` (which the end-to-end tests read).
    pub fn show_workers(&self, heading: Option<&str>, rows: &[String], workers: usize, jobs: u32) {
        let Some(view) = &self.scenario else { return };
        let Some(heading) = heading else {
            view.workers.set_hidden(true);
            view.workers_shown.replace(String::new());
            return;
        };
        let shown = format!("{workers} {jobs}\n{heading}\n{}", rows.join("\n"));
        if *view.workers_shown.borrow() == shown {
            return;
        }
        view.workers_shown.replace(shown);
        let _ = view.workers.set_attribute("data-workers", &workers.to_string());
        let _ = view.workers.set_attribute("data-jobs", &jobs.to_string());
        view.workers.set_text_content(None);
        if let Ok(head) = text_element(&self.document, "p", "workers-head", heading) {
            let _ = append(&view.workers, &head);
        }
        if let Ok(list) = element(&self.document, "ol", "workers-list") {
            for row in rows {
                if let Ok(item) = text_element(&self.document, "li", "", row) {
                    let _ = append(&list, &item);
                }
            }
            let _ = append(&view.workers, &list);
        }
        view.workers.set_hidden(false);
    }

    /// The parameter form: one labelled field per parameter, with its help,
    /// what it allows, and a place for its error.
    fn params_form(&self, form: &Form) -> Result<(Element, Vec<FieldView>, HtmlElement), JsValue> {
        let doc = &self.document;
        let section = element(doc, "section", "params")?;
        section.set_attribute("aria-labelledby", "params-heading")?;
        let head = element(doc, "div", "pane-head")?;
        let heading = text_element(doc, "h3", "", "Parameters")?;
        heading.set_id("params-heading");
        append(&head, &heading)?;
        if !form.fields().is_empty() {
            append(&head, &button(doc, "defaults", "Reset to defaults", "defaults", "small")?.into())?;
        }
        append(&section, &head)?;
        let edit_notice: HtmlElement = cast(element(doc, "p", "edit-notice")?)?;
        edit_notice.set_id("edit-notice");
        edit_notice.set_attribute("role", "status")?;
        edit_notice.set_hidden(true);
        append(&section, &edit_notice)?;
        if form.fields().is_empty() {
            append(&section, &text_element(doc, "p", "note", "This scenario has no parameters.")?)?;
        }
        let mut views = Vec::new();
        for (index, field) in form.fields().iter().enumerate() {
            let spec = field.spec;
            let id = format!("param-{}", spec.name);
            let help_id = format!("help-{}", spec.name);
            let error_id = format!("error-{}", spec.name);
            let row = element(doc, "div", "field")?;
            let label = element(doc, "label", "field-label")?;
            label.set_attribute("for", &id)?;
            append(&label, &text_element(doc, "code", "", spec.name)?)?;
            append(&row, &label)?;
            let inputs = element(doc, "div", "field-inputs")?;
            let (control, slider) = match input(spec) {
                Input::Choice(choices) => {
                    let select = element(doc, "select", "")?;
                    for choice in choices {
                        let option = text_element(doc, "option", "", choice)?;
                        option.set_attribute("value", choice)?;
                        append(&select, &option)?;
                    }
                    cast::<HtmlSelectElement>(select.clone())?.set_value(&field.text);
                    (select, None)
                }
                Input::Number { int, min, max, slider } => {
                    let number: HtmlInputElement = cast(element(doc, "input", "")?)?;
                    number.set_type("number");
                    number.set_step(if int { "1" } else { "any" });
                    if let Some(min) = min {
                        number.set_min(&format!("{min}"));
                    }
                    if let Some(max) = max {
                        number.set_max(&format!("{max}"));
                    }
                    number.set_attribute("inputmode", if int { "numeric" } else { "decimal" })?;
                    number.set_value(&field.text);
                    let range = match slider {
                        Some(slider) => {
                            let range: HtmlInputElement = cast(element(doc, "input", "")?)?;
                            range.set_type("range");
                            range.set_min(&format!("{}", slider.min));
                            range.set_max(&format!("{}", slider.max));
                            range.set_step(&format!("{}", slider.step));
                            range.set_value(&field.text);
                            range.set_attribute("aria-label", &format!("{} (slider)", spec.name))?;
                            range.set_attribute("data-param", &index.to_string())?;
                            Some(range)
                        }
                        None => None,
                    };
                    (number.into(), range)
                }
                Input::Text => {
                    let text: HtmlInputElement = cast(element(doc, "input", "")?)?;
                    text.set_type("text");
                    text.set_value(&field.text);
                    text.set_attribute("spellcheck", "false")?;
                    text.set_attribute("autocomplete", "off")?;
                    (text.into(), None)
                }
            };
            control.set_id(&id);
            control.set_attribute("name", spec.name)?;
            control.set_attribute("data-param", &index.to_string())?;
            control.set_attribute("aria-describedby", &help_id)?;
            append(&inputs, &control)?;
            if let Some(slider) = &slider {
                append(&inputs, slider)?;
            }
            append(&row, &inputs)?;
            let mut help = spec.help.to_string();
            if !help.is_empty() {
                help.push_str(". ");
            }
            help.push_str(&format!("Allowed: {}; default {}.", allowed_text(spec), default_text(spec)));
            let help_p = text_element(doc, "p", "help", &help)?;
            help_p.set_id(&help_id);
            append(&row, &help_p)?;
            let error: HtmlElement = cast(element(doc, "p", "field-error")?)?;
            error.set_id(&error_id);
            error.set_attribute("aria-live", "polite")?;
            error.set_hidden(true);
            append(&row, &error)?;
            append(&section, &row)?;
            views.push(FieldView { input: control, slider, error, described_by: help_id });
        }
        Ok((section, views, edit_notice))
    }

    /// Show a field's value and whether it is accepted. `set_input` and
    /// `set_slider` say which controls to rewrite (not the one being typed
    /// in, whose caret must stay where it is).
    pub fn show_field(&self, index: usize, field: &Field, set_input: bool, set_slider: bool) {
        let Some(view) = self.scenario.as_ref().and_then(|s| s.fields.get(index)) else { return };
        if set_input {
            if let Some(input) = view.input.dyn_ref::<HtmlInputElement>() {
                input.set_value(&field.text);
            } else if let Some(select) = view.input.dyn_ref::<HtmlSelectElement>() {
                select.set_value(&field.text);
            }
        }
        if let (true, Some(slider), None) = (set_slider, &view.slider, &field.error) {
            slider.set_value(&field.text);
        }
        let _ = view.input.class_list().toggle_with_force("invalid", field.error.is_some());
        match &field.error {
            Some(message) => {
                view.error.set_text_content(Some(message));
                view.error.set_hidden(false);
                let _ = view.input.set_attribute("aria-invalid", "true");
                let _ = view
                    .input
                    .set_attribute("aria-describedby", &format!("{} {}", view.error.id(), view.described_by));
            }
            None => {
                view.error.set_text_content(None);
                view.error.set_hidden(true);
                let _ = view.input.remove_attribute("aria-invalid");
                let _ = view.input.set_attribute("aria-describedby", &view.described_by);
            }
        }
    }

    /// Show `mode` in its select. The frame meter's panel opens in real
    /// mode (where a blocked loop really blocks the page) and closes in the
    /// others.
    pub fn show_mode(&self, mode: Mode) {
        if let Some(view) = &self.scenario {
            view.mode.set_value(mode.as_str());
            let _ = view.meter_panel.toggle_attribute_with_force("open", mode == Mode::Real);
        }
    }

    /// Show `speed`; `move_slider` when it did not come from the slider.
    pub fn show_speed(&self, speed: f64, move_slider: bool) {
        let Some(view) = &self.scenario else { return };
        let text = format!("{}×", speed_text(speed));
        if move_slider {
            view.speed.set_value(&speed_stop(speed).to_string());
        }
        let _ = view.speed.set_attribute("aria-valuetext", &text);
        view.speed_value.set_text_content(Some(&text));
    }

    /// The link from the embedded view to the full page.
    pub fn set_full_page_link(&self, href: &str) {
        if let Some(link) = self.scenario.as_ref().and_then(|s| s.full_page_link.as_ref()) {
            let _ = link.set_attribute("href", href);
        }
    }

    /// The program, one span per coloured token, and the sentence under it.
    pub fn show_python(&self, program: Option<&str>, note: &str) {
        let Some(view) = &self.scenario else { return };
        let shown = (program.map(str::to_string), note.to_string());
        if view.python_shown.borrow().as_ref() == Some(&shown) {
            return;
        }
        view.python_shown.replace(Some(shown));
        view.python.set_text_content(None);
        match program {
            Some(program) => {
                for (kind, text) in tokenize(program) {
                    match kind.class() {
                        Some(class) => {
                            if let Ok(span) = text_element(&self.document, "span", class, text) {
                                let _ = append(&view.python, &span);
                            }
                        }
                        None => {
                            let _ = view.python.append_with_str_1(text);
                        }
                    }
                }
            }
            None => view.python.set_text_content(Some("# This scenario has no Python program yet.")),
        }
        view.python_note.set_text_content(Some(note));
    }

    pub fn show_controls(&self, controls: &Controls) {
        let Some(view) = &self.scenario else { return };
        view.run.set_text_content(Some(controls.run_label));
        view.run.set_disabled(!controls.run);
        view.pause.set_disabled(!controls.pause);
        view.step.set_disabled(!controls.step);
        view.reset.set_disabled(!controls.reset);
        view.mode.set_disabled(!controls.mode);
        view.speed.set_disabled(!controls.speed);
        let _ = view.speed_group.class_list().toggle_with_force("off", !controls.speed);
        view.back.set_disabled(!controls.back);
        match &controls.blocked {
            Some(why) => {
                if view.run_blocked.text_content().as_deref() != Some(why.as_str()) {
                    view.run_blocked.set_text_content(Some(why));
                }
                view.run_blocked.set_hidden(false);
            }
            None => view.run_blocked.set_hidden(true),
        }
    }

    pub fn show_progress(&self, progress: &Progress) {
        let Some(view) = &self.scenario else { return };
        view.iterations.set_text_content(Some(&progress.iterations.to_string()));
        view.loop_time.set_text_content(Some(&format!("{:.3}", progress.time)));
        view.line_count.set_text_content(Some(&progress.lines.to_string()));
        if view.status.text_content().as_deref() != Some(progress.text.as_str()) {
            view.status.set_text_content(Some(&progress.text));
        }
    }

    pub fn clear_log(&mut self) {
        let Some(view) = &mut self.scenario else { return };
        view.log.set_text_content(None);
        view.log_lines = 0;
        view.last_line = None;
        view.log_truncated.set_hidden(true);
        view.log_truncated.set_text_content(None);
        view.log_copied.set_text_content(None);
    }

    /// Add lines to `#log`, whose text stays exactly the lines joined by
    /// newlines. With `follow` (a paced or real run, whose lines come as
    /// they are printed), a log scrolled to its end follows the new lines;
    /// without (an instant run, all at once) it keeps its first lines in
    /// view. After
    /// [`LOG_LINE_CAP`] lines the log stops growing (the run goes on) and a
    /// notice under it says so; [`View::last_log_line`] still follows the run.
    pub fn append_log(&mut self, lines: &[String], follow: bool) {
        let Some(view) = &mut self.scenario else { return };
        let Some(last) = lines.last() else { return };
        let log: &HtmlElement = match view.log.dyn_ref() {
            Some(log) => log,
            None => return,
        };
        let at_end = follow && log.scroll_height() - log.scroll_top() - log.client_height() < 24;
        let mut text = String::new();
        let room = LOG_LINE_CAP.saturating_sub(view.log_lines);
        if lines.len() > room && view.log_truncated.hidden() {
            view.log_truncated.set_text_content(Some(&format!(
                "Output truncated after {} lines: the run goes on, but the page shows no more of its output.",
                group_thousands(LOG_LINE_CAP)
            )));
            view.log_truncated.set_hidden(false);
        }
        for line in lines.iter().take(room) {
            if view.log_lines > 0 {
                text.push('\n');
            }
            text.push_str(line);
            view.log_lines += 1;
        }
        if !text.is_empty() {
            let _ = log.append_with_str_1(&text);
        }
        view.last_line = Some(last.clone());
        if at_end {
            log.set_scroll_top(log.scroll_height());
        }
    }

    /// The last line in `#log`.
    pub fn last_log_line(&self) -> Option<String> {
        self.scenario.as_ref().and_then(|s| s.last_line.clone())
    }

    /// The panel that says how a run ended, or none.
    pub fn show_explanation(&self, explanation: Option<&Explanation>) {
        let Some(view) = &self.scenario else { return };
        view.explain.set_text_content(None);
        let Some(explanation) = explanation else {
            view.explain.set_hidden(true);
            return;
        };
        let doc = &self.document;
        let build = || -> Result<(), JsValue> {
            append(&view.explain, &text_element(doc, "h4", "", &explanation.title)?)?;
            for paragraph in &explanation.paragraphs {
                append(&view.explain, &text_element(doc, "p", "", paragraph)?)?;
            }
            if !explanation.items.is_empty() {
                let list = element(doc, "ul", "")?;
                for item in &explanation.items {
                    append(&list, &text_element(doc, "li", "", item)?)?;
                }
                append(&view.explain, &list)?;
            }
            Ok(())
        };
        let _ = build();
        view.explain.set_hidden(false);
    }

    /// Show the embed snippet, or hide its panel.
    pub fn show_embed_panel(&self, snippet: Option<&str>) {
        let Some(view) = &self.scenario else { return };
        if let Some(button) = &view.embed_button {
            let _ = button.set_attribute("aria-expanded", if snippet.is_some() { "true" } else { "false" });
        }
        match snippet {
            Some(snippet) => {
                view.embed_code.set_value(snippet);
                view.embed_panel.set_hidden(false);
            }
            None => {
                view.embed_panel.set_hidden(true);
                view.embed_copied.set_text_content(None);
            }
        }
    }

    /// Draw the run recorded so far, with the time cursor at loop time `now`.
    pub fn show_trace(&mut self, recorder: &TraceRecorder, now: f64) {
        let Some(view) = &mut self.scenario else { return };
        if let Some(timeline) = &mut view.timeline {
            timeline.update(recorder);
            timeline.set_cursor(now);
        }
        if let Some(inspector) = &mut view.inspector {
            // The recording is busy only while the loop runs, never here.
            let _ = inspector.update(recorder, now);
        }
    }

    /// The timeline's cursor moved to loop time `t`: the inspector follows.
    pub fn show_instant(&mut self, recorder: &TraceRecorder, t: f64) {
        if let Some(inspector) = self.scenario.as_mut().and_then(|v| v.inspector.as_mut()) {
            let _ = inspector.update(recorder, t);
        }
    }

    /// Call `on_scrub` with the loop time the user moves the timeline's
    /// cursor to.
    pub fn on_scrub(&mut self, on_scrub: Box<dyn FnMut(f64)>) {
        if let Some(timeline) = self.scenario.as_mut().and_then(|v| v.timeline.as_mut()) {
            timeline.set_on_scrub(on_scrub);
        }
    }

    /// Call `on_hover` with the lane and loop time under the pointer in the
    /// timeline (`None` when it leaves the lanes).
    pub fn on_hover(&mut self, on_hover: crate::timeline::HoverCallback) {
        if let Some(timeline) = self.scenario.as_mut().and_then(|v| v.timeline.as_mut()) {
            timeline.set_on_hover(on_hover);
        }
    }

    /// What a copy button copies.
    pub fn copy_text(&self, target: CopyTarget) -> String {
        let Some(view) = &self.scenario else { return String::new() };
        match target {
            CopyTarget::Log => view.log.text_content().unwrap_or_default(),
            CopyTarget::Python => view.python.text_content().unwrap_or_default(),
            CopyTarget::Embed => view.embed_code.value(),
        }
    }

    pub fn show_copy_status(&self, target: CopyTarget, text: &str) {
        let Some(view) = &self.scenario else { return };
        let status = match target {
            CopyTarget::Log => &view.log_copied,
            CopyTarget::Python => &view.python_copied,
            CopyTarget::Embed => &view.embed_copied,
        };
        status.set_text_content(Some(text));
    }
}
