//! The parameter form: one labelled field per parameter (a number with its
//! slider, a text or a choice), its help, what it allows and its error; and
//! the notice that an edit made during a run applies to the next one.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

use super::{button, cast, View};
use crate::dom::{append, element, text_element};
use crate::page::form::{allowed_text, input, Field, Form, Input};

/// One parameter's controls.
struct FieldView {
    /// The number or text field, or the select.
    input: Element,
    slider: Option<HtmlInputElement>,
    error: HtmlElement,
    /// The field's `aria-describedby` without the error.
    described_by: String,
}

/// The form's elements the controller changes.
pub(super) struct ParamsView {
    pub(super) root: Element,
    fields: Vec<FieldView>,
    /// Says that an edit made during a run applies to the next run.
    edit_notice: HtmlElement,
}

impl ParamsView {
    /// The form for `form`'s fields, at their values.
    pub(super) fn new(doc: &Document, form: &Form) -> Result<ParamsView, JsValue> {
        let root = element(doc, "section", "params")?;
        root.set_attribute("aria-labelledby", "params-heading")?;
        let head = element(doc, "div", "pane-head")?;
        let heading = text_element(doc, "h3", "", "Parameters")?;
        heading.set_id("params-heading");
        append(&head, &heading)?;
        if !form.fields().is_empty() {
            append(&head, &button(doc, "defaults", "Reset to defaults", "defaults", "small")?.into())?;
        }
        append(&root, &head)?;
        let edit_notice: HtmlElement = cast(element(doc, "p", "edit-notice")?)?;
        edit_notice.set_id("edit-notice");
        edit_notice.set_attribute("role", "status")?;
        edit_notice.set_hidden(true);
        append(&root, &edit_notice)?;
        if form.fields().is_empty() {
            append(&root, &text_element(doc, "p", "note", "This scenario has no parameters.")?)?;
        }
        let mut fields = Vec::new();
        for (index, field) in form.fields().iter().enumerate() {
            let (row, view) = field_row(doc, index, field)?;
            append(&root, &row)?;
            fields.push(view);
        }
        Ok(ParamsView { root, fields, edit_notice })
    }
}

/// One field's row: its label, its controls, its help and its error.
fn field_row(doc: &Document, index: usize, field: &Field) -> Result<(Element, FieldView), JsValue> {
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
    let (control, slider) = field_control(doc, index, field)?;
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
    help.push_str(&format!("Allowed: {}; default {}.", allowed_text(spec), spec.default_text()));
    let help_p = text_element(doc, "p", "help", &help)?;
    help_p.set_id(&help_id);
    append(&row, &help_p)?;
    let error: HtmlElement = cast(element(doc, "p", "field-error")?)?;
    error.set_id(&error_id);
    error.set_attribute("aria-live", "polite")?;
    error.set_hidden(true);
    append(&row, &error)?;
    Ok((row, FieldView { input: control, slider, error, described_by: help_id }))
}

/// The control a field is typed or chosen in, and its slider if it has one.
fn field_control(
    doc: &Document,
    index: usize,
    field: &Field,
) -> Result<(Element, Option<HtmlInputElement>), JsValue> {
    match input(field.spec) {
        Input::Choice(choices) => {
            let select = element(doc, "select", "")?;
            for choice in choices {
                let option = text_element(doc, "option", "", choice)?;
                option.set_attribute("value", choice)?;
                append(&select, &option)?;
            }
            cast::<HtmlSelectElement>(select.clone())?.set_value(&field.text);
            Ok((select, None))
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
                    range.set_attribute("aria-label", &format!("{} (slider)", field.spec.name))?;
                    range.set_attribute("data-param", &index.to_string())?;
                    Some(range)
                }
                None => None,
            };
            Ok((number.into(), range))
        }
        Input::Text => {
            let text: HtmlInputElement = cast(element(doc, "input", "")?)?;
            text.set_type("text");
            text.set_value(&field.text);
            text.set_attribute("spellcheck", "false")?;
            text.set_attribute("autocomplete", "off")?;
            Ok((text.into(), None))
        }
    }
}

impl View {
    /// Show a field's value and whether it is accepted. `set_input` and
    /// `set_slider` say which controls to rewrite (not the one being typed
    /// in, whose caret must stay where it is).
    pub fn show_field(&self, index: usize, field: &Field, set_input: bool, set_slider: bool) {
        let Some(view) = self.scenario.as_ref().and_then(|s| s.params.fields.get(index)) else { return };
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

    /// Say that the form's edits apply to the next run, and which values
    /// the current run keeps (`None` hides the notice).
    pub fn show_edit_notice(&self, kept: Option<&str>) {
        let Some(view) = &self.scenario else { return };
        let notice = &view.params.edit_notice;
        match kept {
            Some(kept) => {
                let text = format!(
                    "Applies to the next run: this run keeps {kept}, and the Python program shows \
                     the values it runs with until it ends."
                );
                if notice.text_content().as_deref() != Some(text.as_str()) {
                    notice.set_text_content(Some(&text));
                }
                notice.set_hidden(false);
            }
            None => {
                notice.set_hidden(true);
                notice.set_text_content(None);
            }
        }
    }
}
