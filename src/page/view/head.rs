//! A scenario's heading: the way back, its place in the learning path, its
//! name and summary, "About this scenario" and the next lesson (in an
//! embed: the link to the full page instead).

use asyncio_scenarios::meta::Meta;
use wasm_bindgen::JsValue;
use web_sys::Element;

use super::gallery::{PYTHON_STEP, STEPS};
use super::View;
use crate::code::lesson::program_meta;
use crate::dom::{append, append_text, element, text_element};
use crate::page::lessons;
use crate::route::Route;

impl View {
    /// The heading. Returns it and the embedded view's link to the full
    /// page.
    pub(super) fn scenario_head(
        &self,
        meta: &Meta,
        embed: bool,
    ) -> Result<(Element, Option<Element>), JsValue> {
        let doc = &self.document;
        let head = element(doc, "header", "scenario-head")?;
        if !embed {
            append(&head, &self.head_nav(meta)?)?;
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

    /// The row above the name: back to the gallery, the lesson's step and
    /// the next lesson.
    fn head_nav(&self, meta: &Meta) -> Result<Element, JsValue> {
        let doc = &self.document;
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
        Ok(nav)
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
}
