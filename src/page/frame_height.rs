//! An embedded page tells the page that embeds it its height, so that
//! `embed.js` can size the iframe to its content: a message
//! `{type: "asyncio-playground:height", height}` posted to the parent
//! whenever the height changes, at most once an animation frame, to the
//! parent's origin when the page can tell it. `embed.js` may start after the
//! first message was sent (and lost): it then asks with
//! `{type: "asyncio-playground:ask-height"}`, and the page posts its height
//! again.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MessageEvent, ResizeObserver, Window};

use crate::route::origin_of;

/// The message's `type`.
pub const MESSAGE_TYPE: &str = "asyncio-playground:height";

/// The `type` of the parent's request for the height.
pub const ASK_TYPE: &str = "asyncio-playground:ask-height";

/// Watches the page's height while it lives.
pub struct FrameHeight {
    observer: ResizeObserver,
    window: Window,
    on_ask: Closure<dyn FnMut(MessageEvent)>,
    _on_resize: Closure<dyn FnMut()>,
    _on_frame: Rc<Closure<dyn FnMut()>>,
}

/// Where the messages go: the embedding page's origin if the browser says
/// it (`location.ancestorOrigins`, else the referrer's), else any.
fn parent_origin(window: &Window) -> String {
    let location = window.location();
    let ancestors = Reflect::get(&location, &JsValue::from_str("ancestorOrigins")).ok();
    let first =
        ancestors.and_then(|a| Reflect::get(&a, &JsValue::from_f64(0.0)).ok()).and_then(|o| o.as_string());
    let referrer = window.document().map(|d| d.referrer()).and_then(|r| origin_of(&r));
    first.filter(|o| o != "null").or(referrer).unwrap_or_else(|| "*".to_string())
}

/// The content's height in CSS pixels (not the viewport's).
fn content_height(root: &Element) -> i32 {
    root.get_bounding_client_rect().height().ceil() as i32
}

impl FrameHeight {
    /// Start telling the parent (nothing when the page is not in a frame).
    pub fn start(window: &Window) -> Option<FrameHeight> {
        let parent = window.parent().ok().flatten()?;
        if js_sys::Object::is(&parent, window) {
            return None;
        }
        let root = window.document()?.document_element()?;
        let target = parent_origin(window);
        let sent = Rc::new(Cell::new(-1));
        let pending = Rc::new(Cell::new(false));
        let on_frame = {
            let (root, sent, pending) = (root.clone(), sent.clone(), pending.clone());
            let (parent, target) = (parent.clone(), target.clone());
            Rc::new(Closure::<dyn FnMut()>::new(move || {
                pending.set(false);
                let height = content_height(&root);
                if height == sent.get() {
                    return;
                }
                sent.set(height);
                let message = Object::new();
                let _ = Reflect::set(&message, &JsValue::from_str("type"), &JsValue::from_str(MESSAGE_TYPE));
                let _ = Reflect::set(&message, &JsValue::from_str("height"), &JsValue::from(height));
                let _ = parent.post_message(&message, &target);
            }))
        };
        let request = {
            let (window, on_frame) = (window.clone(), on_frame.clone());
            move || {
                if !pending.replace(true) {
                    let _ = window.request_animation_frame((*on_frame).as_ref().unchecked_ref());
                }
            }
        };
        let on_ask = {
            let (parent, request) = (parent.clone(), request.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let from_parent = event.source().is_some_and(|s| Object::is(&s, &parent));
                let origin_ok = target == "*" || event.origin() == target;
                let asked =
                    Reflect::get(&event.data(), &JsValue::from_str("type")).ok().and_then(|t| t.as_string());
                if from_parent && origin_ok && asked.as_deref() == Some(ASK_TYPE) {
                    sent.set(-1); // post even if the height has not changed
                    request();
                }
            })
        };
        let _ = window.add_event_listener_with_callback("message", on_ask.as_ref().unchecked_ref());
        let on_resize = Closure::<dyn FnMut()>::new(request);
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        observer.observe(&root);
        Some(FrameHeight {
            observer,
            window: window.clone(),
            on_ask,
            _on_resize: on_resize,
            _on_frame: on_frame,
        })
    }
}

impl Drop for FrameHeight {
    fn drop(&mut self) {
        self.observer.disconnect();
        let _ =
            self.window.remove_event_listener_with_callback("message", self.on_ask.as_ref().unchecked_ref());
    }
}
