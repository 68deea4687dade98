//! The embed snippet's panel, hidden until Embed is pressed.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlElement, HtmlTextAreaElement};

use super::{button, cast, View};
use crate::dom::{append, element, text_element};

/// The embed snippet's panel.
pub(super) struct EmbedPanel {
    pub(super) panel: HtmlElement,
    pub(super) code: HtmlTextAreaElement,
    pub(super) copied: Element,
}

impl EmbedPanel {
    pub(super) fn new(doc: &Document) -> Result<EmbedPanel, JsValue> {
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
}

impl View {
    /// Show the embed snippet, or hide its panel.
    pub fn show_embed_panel(&self, snippet: Option<&str>) {
        let Some(view) = &self.scenario else { return };
        if let Some(button) = &view.bar.embed_button {
            let _ = button.set_attribute("aria-expanded", if snippet.is_some() { "true" } else { "false" });
        }
        match snippet {
            Some(snippet) => {
                view.embed.code.set_value(snippet);
                view.embed.panel.set_hidden(false);
            }
            None => {
                view.embed.panel.set_hidden(true);
                view.embed.copied.set_text_content(None);
            }
        }
    }
}
