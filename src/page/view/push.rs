//! The push box: values pushed into the running loop, as the seeds'
//! consumer threads do, for the scenarios that take them.

use asyncio_scenarios::push_hint;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlButtonElement, HtmlInputElement};

use super::{button, cast, View};
use crate::dom::{append, element, text_element};

/// The push box: a value, a button and what became of the last push.
pub(super) struct PushView {
    input: HtmlInputElement,
    button: HtmlButtonElement,
    status: Element,
}

impl PushView {
    /// The push box's section and its elements, if scenario `name` takes
    /// pushed values.
    pub(super) fn new(doc: &Document, name: &str) -> Result<Option<(Element, PushView)>, JsValue> {
        let Some(hint) = push_hint(name) else { return Ok(None) };
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
}

impl View {
    fn push_view(&self) -> Option<&PushView> {
        self.scenario.as_ref()?.push.as_ref()
    }

    /// The value typed in the push box, if the scenario has one.
    pub fn push_value(&self) -> Option<String> {
        self.push_view().map(|p| p.input.value())
    }

    /// Enable the push button (a run that can take values is on) or not,
    /// saying why in its title.
    pub fn enable_push(&self, enabled: bool, why_not: &str) {
        let Some(push) = self.push_view() else { return };
        push.button.set_disabled(!enabled);
        push.button.set_title(if enabled { "Push the value into the running loop" } else { why_not });
    }

    /// What became of the last push; an error is marked as one.
    pub fn show_push_status(&self, text: &str, error: bool) {
        let Some(push) = self.push_view() else { return };
        push.status.set_text_content(Some(text));
        let _ = push.status.class_list().toggle_with_force("error", error);
        let _ = push.input.set_attribute("aria-invalid", if error { "true" } else { "false" });
    }
}
