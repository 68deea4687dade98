//! Small DOM helpers: building elements whose text is always inserted as
//! text, and event listeners that remove themselves when dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, EventTarget};

/// Create `<tag class="class">` (no class when `class` is empty).
pub fn element(document: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let element = document.create_element(tag)?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    Ok(element)
}

/// Create `<tag class="class">text</tag>`; the text is set with
/// `textContent`, never parsed as HTML.
pub fn text_element(document: &Document, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let element = element(document, tag, class)?;
    element.set_text_content(Some(text));
    Ok(element)
}

/// Append `child` to `parent`.
pub fn append(parent: &Element, child: &Element) -> Result<(), JsValue> {
    parent.append_child(child).map(drop)
}

/// Append a text node.
pub fn append_text(parent: &Element, text: &str) -> Result<(), JsValue> {
    parent.append_with_str_1(text)
}

/// The text of a thrown JS value: an `Error`'s message, a string as is.
pub fn error_text(error: &JsValue) -> String {
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// An event listener that is removed when this value is dropped, so the
/// closure lives exactly as long as its owner (as gloo-events does).
pub struct EventListener {
    target: EventTarget,
    event_type: &'static str,
    callback: Closure<dyn FnMut(Event)>,
}

impl EventListener {
    /// Listen for `event_type` on `target`.
    pub fn new(
        target: &EventTarget,
        event_type: &'static str,
        callback: impl FnMut(Event) + 'static,
    ) -> Result<EventListener, JsValue> {
        let callback = Closure::<dyn FnMut(Event)>::new(callback);
        target.add_event_listener_with_callback(event_type, callback.as_ref().unchecked_ref())?;
        Ok(EventListener { target: target.clone(), event_type, callback })
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        // Removing a listener that is registered cannot fail; if the target
        // is gone there is nothing left to remove.
        let _ = self
            .target
            .remove_event_listener_with_callback(self.event_type, self.callback.as_ref().unchecked_ref());
    }
}
