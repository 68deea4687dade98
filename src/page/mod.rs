//! The playground page.
//!
//! The structure follows wasm-bindgen's todomvc example: DOM events only
//! post a [`Msg`] to the [`Scheduler`]; the [`Controller`] is the one place
//! that applies messages, and it changes the DOM only through the [`View`].

mod controller;
mod scheduler;
mod view;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, MouseEvent, Window};

use crate::dom::{error_text, EventListener};
use crate::route::Route;
use controller::{Controller, Msg};
use scheduler::Scheduler;
use view::View;

/// What keeps the page alive: the scheduler and the page-lifetime event
/// listeners, which own their closures (nothing is `forget()`ten).
struct Page {
    _scheduler: Rc<Scheduler>,
    _listeners: Vec<EventListener>,
}

thread_local! {
    /// The running page; set once by [`start`] and kept until the page
    /// unloads.
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
}

/// Start the playground on this page: render the view the URL names and
/// listen for clicks and history navigation.
///
/// Does nothing when the global object is not a `Window` (the same module
/// loaded in a worker).
pub fn start() {
    let Ok(window) = js_sys::global().dyn_into::<Window>() else { return };
    std::panic::set_hook(Box::new(|info| report_fatal(&format!("The playground crashed: {info}"))));
    if let Err(error) = try_start(&window) {
        report_fatal(&format!("The playground could not start: {}", error_text(&error)));
    }
}

fn try_start(window: &Window) -> Result<(), JsValue> {
    let document = window.document().ok_or("this window has no document")?;
    let view = View::new(&document)?;
    let scheduler = Rc::new(Scheduler::new(Controller::new(window.clone(), view)));

    let on_click = {
        let scheduler = scheduler.clone();
        EventListener::new(&document, "click", move |event| {
            if let Some(msg) = click_message(&event) {
                event.prevent_default();
                scheduler.post(msg);
            }
        })?
    };
    let on_history = {
        let scheduler = scheduler.clone();
        EventListener::new(window, "popstate", move |_| scheduler.post(Msg::UrlChanged))?
    };

    scheduler.post(Msg::UrlChanged);
    PAGE.with(|page| {
        *page.borrow_mut() = Some(Page { _scheduler: scheduler, _listeners: vec![on_click, on_history] });
    });
    Ok(())
}

/// The message a click asks for: clicks inside an element with a
/// `data-action` attribute (`open` with `data-scenario`, `gallery`, `run`).
/// Clicks with a modifier key or another button stay the browser's (open in
/// a new tab...), since the links are real links.
fn click_message(event: &Event) -> Option<Msg> {
    if let Some(mouse) = event.dyn_ref::<MouseEvent>() {
        if mouse.button() != 0 || mouse.ctrl_key() || mouse.meta_key() || mouse.shift_key() || mouse.alt_key()
        {
            return None;
        }
    }
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let action = target.closest("[data-action]").ok()??;
    match action.get_attribute("data-action")?.as_str() {
        "open" => Some(Msg::Open(Route::Scenario(action.get_attribute("data-scenario")?))),
        "gallery" => Some(Msg::Open(Route::Gallery)),
        "run" => Some(Msg::Run),
        _ => None,
    }
}

/// Report an error that stops the page: on the console and, when the page
/// has its error banner, in the page.
fn report_fatal(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
    let banner = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("error"));
    if let Some(banner) = banner {
        banner.set_text_content(Some(message));
        let _ = banner.remove_attribute("hidden");
    }
}
