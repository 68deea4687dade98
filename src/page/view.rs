//! Everything the page shows, built with web-sys. Text always goes in as
//! text (`textContent` or text nodes), never as HTML: scenario names,
//! parameter values from the URL and program text included.
//!
//! This file holds the page's frame (the error banner, the notices, the
//! view in `<main id="app">`) and a scenario's layout; each part of the
//! scenario view is built and updated in its own file: [`gallery`],
//! [`head`], [`run_bar`], [`params`], [`python`], [`output`], [`push`],
//! [`live`], [`embed`].

mod embed;
mod gallery;
mod head;
mod live;
mod output;
mod params;
mod push;
mod python;
mod run_bar;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlButtonElement, HtmlElement};

use self::embed::EmbedPanel;
use self::live::LivePanel;
use self::output::OutputPane;
use self::params::ParamsView;
use self::push::PushView;
use self::python::PythonPane;
use self::run_bar::RunBar;
use super::controls::PageState;
use super::form::Form;
use crate::code::lesson::program_meta;
use crate::dom::{append, element, text_element};
use crate::route::{Panels, Theme};
use crate::timeline::{InspectorView, TimelineView, TraceRecorder};

const TITLE: &str = "asyncio playground";

/// What a copy button copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyTarget {
    Log,
    Python,
    Embed,
}

/// The open scenario's elements the controller changes.
struct ScenarioView {
    slots: CodeSlots,
    params: ParamsView,
    bar: RunBar,
    python: PythonPane,
    output: OutputPane,
    embed: EmbedPanel,
    full_page_link: Option<Element>,
    timeline: Option<TimelineView>,
    inspector: Option<InspectorView>,
    /// The box that pushes values into the running loop, for the scenarios
    /// that take them.
    push: Option<PushView>,
    /// The frame meter and the real workers.
    live: LivePanel,
}

/// A scenario's panes, built before they are laid out.
struct Panes {
    params: ParamsView,
    python: PythonPane,
    /// The push box's section and elements.
    push: Option<(Element, PushView)>,
    live: LivePanel,
    output: OutputPane,
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
        let bar = RunBar::new(doc, embed)?;
        if show.controls {
            append(&article, &bar.root)?;
        }
        let embed_ui = EmbedPanel::new(doc)?;
        append(&article, &embed_ui.panel)?;
        let panes = Panes {
            params: ParamsView::new(doc, form)?,
            python: PythonPane::new(doc)?,
            push: PushView::new(doc, meta.name)?,
            live: LivePanel::new(doc)?,
            output: OutputPane::new(doc)?,
        };
        // A program written in Python (your own, or a lesson's) has no
        // parameters: no empty form for it.
        let program = program_meta(meta.name).is_some();
        let (timeline_host, placeholder) = self.timeline_host()?;
        append(&article, &self.workbench(&panes, &timeline_host, show, program, embed)?)?;

        self.replace_view(&article, &format!("{} · {TITLE}", meta.name));
        // Built once the host is in the document, so that they can measure it.
        let timeline =
            show.timeline.then(|| TimelineView::new(&self.document, &timeline_host).ok()).flatten();
        let inspector =
            show.inspector.then(|| InspectorView::new(&self.document, &timeline_host).ok()).flatten();
        if timeline.is_some() || !show.timeline {
            placeholder.remove();
        }
        let Panes { params, python, push, live, output } = panes;
        self.scenario = Some(ScenarioView {
            slots: CodeSlots {
                python: python.root.clone(),
                python_head: python.head.clone(),
                listing: python.pre.clone(),
                explain: output.explain.clone().into(),
            },
            params,
            bar,
            python,
            output,
            embed: embed_ui,
            full_page_link,
            timeline,
            inspector,
            push: push.map(|(_, view)| view),
            live,
        });
        Ok(())
    }

    /// The parameters, the push box, the program and the diagnostics beside
    /// the output and the timeline, each where `show` (and `program`: a
    /// program written in Python has no form; `embed`: no diagnostics)
    /// allows.
    fn workbench(
        &self,
        panes: &Panes,
        timeline_host: &Element,
        show: Panels,
        program: bool,
        embed: bool,
    ) -> Result<Element, JsValue> {
        let doc = &self.document;
        let workbench = element(doc, "div", "workbench")?;
        let side = element(doc, "div", "bench-side")?;
        let main = element(doc, "div", "bench-main")?;
        if show.params && !program {
            append(&side, &panes.params.root)?;
        }
        if let (Some((section, _)), true) = (&panes.push, show.controls) {
            append(&side, section)?;
        }
        if show.code {
            append(&side, &panes.python.root)?;
        }
        if !embed {
            append(&side, &panes.live.root)?;
        }
        if show.output {
            append(&main, &panes.output.root)?;
        }
        if show.timeline || show.inspector {
            append(&main, timeline_host)?;
        }
        append(&workbench, &side)?;
        append(&workbench, &main)?;
        Ok(workbench)
    }

    /// Where the timeline and the inspector draw (src/timeline/), and the
    /// placeholder that stays if they cannot (no canvas).
    fn timeline_host(&self) -> Result<(Element, Element), JsValue> {
        let doc = &self.document;
        let host = element(doc, "div", "timeline-area")?;
        host.set_id("timeline");
        let placeholder = text_element(
            doc,
            "p",
            "placeholder",
            "The timeline of the run (one lane per task) cannot be drawn in this browser.",
        )?;
        append(&host, &placeholder)?;
        Ok((host, placeholder))
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

    /// The link from the embedded view to the full page.
    pub fn set_full_page_link(&self, href: &str) {
        if let Some(link) = self.scenario.as_ref().and_then(|s| s.full_page_link.as_ref()) {
            let _ = link.set_attribute("href", href);
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
            CopyTarget::Log => view.output.log.text_content().unwrap_or_default(),
            CopyTarget::Python => view.python.code.text_content().unwrap_or_default(),
            CopyTarget::Embed => view.embed.code.value(),
        }
    }

    pub fn show_copy_status(&self, target: CopyTarget, text: &str) {
        let Some(view) = &self.scenario else { return };
        let status = match target {
            CopyTarget::Log => &view.output.copied,
            CopyTarget::Python => &view.python.copied,
            CopyTarget::Embed => &view.embed.copied,
        };
        status.set_text_content(Some(text));
    }
}
