//! The gallery: every lesson in the learning path's order, the search box
//! that filters them, and the cards.

use asyncio_scenarios::lessons;
use asyncio_scenarios::meta::Meta;
use asyncio_scenarios::pylessons::PY_LESSONS;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

use super::{View, TITLE};
use crate::code::starter::STARTER;
use crate::dom::{append, element, text_element};
use crate::page::lessons::{self, Step};
use crate::route::{PageUrl, Route};

/// The gallery's step of lessons written in Python, and its heading on them.
pub(super) const PYTHON_STEP: &str = "Python 3.11, and your own code";
/// The gallery's steps: the learning path's, then [`PYTHON_STEP`].
pub(super) const STEPS: usize = lessons::PATH.len() + 1;

impl View {
    /// The gallery: every scenario, in the learning path's order (one
    /// numbered section per step, see [`lessons::PATH`]); the runnable ones
    /// are links, the others say they are coming soon.
    pub fn show_gallery(&mut self) -> Result<(), JsValue> {
        let doc = &self.document;
        let runnable: Vec<&str> = lessons().iter().map(|s| s.name()).collect();
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
            append(&gallery, &self.step_section(index, step, &all, &runnable)?)?;
        }
        append(&gallery, &self.python_section(STEPS)?)?;
        self.replace_view(&gallery, TITLE);
        Ok(())
    }

    /// One step of the learning path: its number, title and blurb, and its
    /// lessons' cards.
    fn step_section(
        &self,
        index: usize,
        step: &Step,
        all: &[&'static Meta],
        runnable: &[&str],
    ) -> Result<Element, JsValue> {
        let doc = &self.document;
        let members: Vec<&Meta> =
            step.lessons.iter().filter_map(|name| all.iter().copied().find(|m| m.name == *name)).collect();
        let ready = members.iter().filter(|m| runnable.contains(&m.name)).count();
        let count = match (ready, members.len()) {
            (1, 1) => "1 lesson".to_string(),
            (ready, total) if ready == total => format!("{total} lessons"),
            (ready, total) => format!("{ready} of {total} ready"),
        };
        let section = self.step_heading(index + 1, step.title, &count, step.blurb)?;
        let list = element(doc, "ol", "cards")?;
        for scenario in members {
            append(&list, &self.card(scenario, runnable.contains(&scenario.name))?)?;
        }
        append(&section, &list)?;
        Ok(section)
    }

    /// A step's `<section>` with its heading (number, title, count) and
    /// blurb.
    fn step_heading(&self, number: usize, title: &str, count: &str, blurb: &str) -> Result<Element, JsValue> {
        let doc = &self.document;
        let section = element(doc, "section", "topic")?;
        let heading = element(doc, "h3", "")?;
        append(&heading, &text_element(doc, "span", "step-number", &number.to_string())?)?;
        append(&heading, &text_element(doc, "span", "", title)?)?;
        append(&heading, &text_element(doc, "span", "count", count)?)?;
        append(&section, &heading)?;
        append(&section, &text_element(doc, "p", "step-blurb", blurb)?)?;
        Ok(section)
    }

    /// The gallery's last step: Python 3.11's TaskGroup and timeout, in
    /// lessons written in Python, and "Write your own".
    fn python_section(&self, number: usize) -> Result<Element, JsValue> {
        let doc = &self.document;
        let count = format!("{} lessons", PY_LESSONS.len() + 1);
        let blurb =
            "TaskGroup and timeout(), in programs you can edit; then write your own, and share it with a link.";
        let section = self.step_heading(number, PYTHON_STEP, &count, blurb)?;
        let list = element(doc, "ol", "cards")?;
        for lesson in PY_LESSONS {
            let meta = Meta {
                name: lesson.meta.name,
                summary: lesson.meta.summary,
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
        append(&list, &self.own_code_card()?)?;
        append(&section, &list)?;
        Ok(section)
    }

    /// "Write your own": the editor with the starter program.
    fn own_code_card(&self) -> Result<Element, JsValue> {
        let doc = &self.document;
        let item = element(doc, "li", "card")?;
        let summary =
            "An editor with a starter program: run any asyncio program, see its tasks' lines, share it.";
        item.set_attribute("data-search", &lowercase(&format!("write your own code editor {summary}")))?;
        let link = element(doc, "a", "card-link")?;
        link.set_attribute("href", &format!("./{}", PageUrl::fragment(STARTER)))?;
        link.set_attribute("data-action", "open-code")?;
        link.set_attribute("data-interpreter", "")?;
        append(&link, &text_element(doc, "span", "card-name", "Write your own")?)?;
        append(&link, &text_element(doc, "span", "card-summary", summary)?)?;
        append(&item, &link)?;
        Ok(item)
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
        let words: Vec<String> = lowercase(query).split_whitespace().map(str::to_string).collect();
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
        let haystack = lowercase(&format!("{} {}", scenario.name, scenario.summary));
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
}

/// `text.toLowerCase()`: JavaScript's Unicode case mapping, so the wasm
/// carries no case tables of its own (`str::to_lowercase` costs ~6 kB).
fn lowercase(text: &str) -> String {
    String::from(js_sys::JsString::from(text).to_lower_case())
}
