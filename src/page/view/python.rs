//! The Python pane: the scenario's program, coloured, with its Copy button
//! and the sentence under it.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::{button, View};
use crate::dom::{append, element, text_element};
use crate::page::highlight::tokenize;

/// The Python pane's elements.
pub(super) struct PythonPane {
    pub(super) root: Element,
    pub(super) head: Element,
    pub(super) pre: Element,
    pub(super) code: Element,
    note: Element,
    pub(super) copied: Element,
    /// The program and note shown, so that an unchanged pane (it is asked
    /// for after every slice of a run) is not rebuilt.
    shown: RefCell<Option<(Option<String>, String)>>,
}

impl PythonPane {
    pub(super) fn new(doc: &Document) -> Result<PythonPane, JsValue> {
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
        Ok(PythonPane { root, head, pre, code, note, copied, shown: RefCell::new(None) })
    }
}

impl View {
    /// The program, one span per coloured token, and the sentence under it.
    pub fn show_python(&self, program: Option<&str>, note: &str) {
        let Some(view) = &self.scenario else { return };
        let pane = &view.python;
        let shown = (program.map(str::to_string), note.to_string());
        if pane.shown.borrow().as_ref() == Some(&shown) {
            return;
        }
        pane.shown.replace(Some(shown));
        pane.code.set_text_content(None);
        match program {
            Some(program) => {
                for (kind, text) in tokenize(program) {
                    match kind.class() {
                        Some(class) => {
                            if let Ok(span) = text_element(&self.document, "span", class, text) {
                                let _ = append(&pane.code, &span);
                            }
                        }
                        None => {
                            let _ = pane.code.append_with_str_1(text);
                        }
                    }
                }
            }
            None => pane.code.set_text_content(Some("# This scenario has no Python program yet.")),
        }
        pane.note.set_text_content(Some(note));
    }
}
