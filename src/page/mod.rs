//! The playground page.
//!
//! The structure follows wasm-bindgen's todomvc example: DOM events only
//! post a [`Msg`] to the [`Scheduler`]; the [`Controller`] is the one place
//! that applies messages, and it changes the DOM through the [`View`] (the
//! editor through `code_pane`, the frame meter through its own view).
//! Timers and ticks of a run post messages too (`Msg::Wake`), so a run
//! advances from the same place as a click.
//!
//! The models behind the page ([`form`], [`highlight`], [`explain`],
//! [`lessons`], [`workers`], [`log_block`], and [`controls`], which decides
//! what the run controls show) do not touch the browser and are tested on
//! the host.

pub mod controls;
pub mod explain;
pub mod form;
pub mod highlight;
pub mod lessons;
pub mod log_block;
pub mod workers;

#[cfg(target_arch = "wasm32")]
mod code_pane;
#[cfg(target_arch = "wasm32")]
mod controller;
#[cfg(target_arch = "wasm32")]
mod editor;
#[cfg(target_arch = "wasm32")]
mod frame_height;
#[cfg(target_arch = "wasm32")]
mod scheduler;
#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(target_arch = "wasm32")]
pub use browser::{report_fatal, shutdown, start, start_with};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::rc::{Rc, Weak};

    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent};
    use web_sys::{MouseEvent, Window};

    use super::controller::{Controller, Mains, Msg};
    use super::scheduler::Scheduler;
    use super::view::{CopyTarget, View};
    use crate::code::Interpreter;
    use crate::dom::{error_text, EventListener};
    use crate::route::Route;

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
    /// listen for clicks, edits, keys and history navigation.
    ///
    /// Does nothing when the global object is not a `Window` (the same
    /// module loaded in a worker).
    pub fn start() {
        start_with(None, Some(asyncio_scenarios::main_of));
    }

    /// [`start`] with the Python interpreter or the Rust lessons' code or
    /// both. The page build that runs your own code
    /// (`src/bin/playground_code.rs`) has the interpreter and no lesson's
    /// code: it runs the lessons' Python programs, and hands a lesson that
    /// the interpreter cannot run to the gallery's build.
    pub fn start_with(python: Option<Rc<dyn Interpreter>>, mains: Option<Mains>) {
        let Ok(window) = js_sys::global().dyn_into::<Window>() else { return };
        std::panic::set_hook(Box::new(|info| report_fatal(&format!("The playground crashed: {info}"))));
        if let Err(error) = try_start(&window, python, mains) {
            report_fatal(&format!("The playground could not start: {}", error_text(&error)));
        }
    }

    /// Stop this page build: drop its listeners, its runs and its timers,
    /// so that the build with the interpreter can take the page over.
    pub fn shutdown() {
        PAGE.with(|page| drop(page.borrow_mut().take()));
    }

    fn try_start(
        window: &Window,
        python: Option<Rc<dyn Interpreter>>,
        mains: Option<Mains>,
    ) -> Result<(), JsValue> {
        let document = window.document().ok_or("this window has no document")?;
        let view = View::new(&document)?;
        let scheduler = Rc::new_cyclic(|weak: &Weak<Scheduler>| {
            let weak = weak.clone();
            let post = Rc::new(move |msg: Msg| {
                if let Some(scheduler) = weak.upgrade() {
                    scheduler.post(msg);
                }
            });
            Scheduler::new(Controller::new(window.clone(), view, post, python.clone(), mains))
        });

        let listener = |target: &web_sys::EventTarget,
                        event_type: &'static str,
                        message: fn(&Event) -> Option<Msg>|
         -> Result<EventListener, JsValue> {
            let scheduler = scheduler.clone();
            EventListener::new(target, event_type, move |event| {
                if let Some(msg) = message(&event) {
                    if !matches!(
                        msg,
                        Msg::Param { .. } | Msg::Commit(_) | Msg::Mode(_) | Msg::Speed(_) | Msg::Search(_)
                    ) {
                        event.prevent_default();
                    }
                    scheduler.post(msg);
                }
            })
        };
        let listeners = vec![
            listener(&document, "click", click_message)?,
            listener(&document, "input", input_message)?,
            listener(&document, "change", change_message)?,
            listener(&document, "keydown", key_message)?,
            listener(window, "popstate", |_| Some(Msg::UrlChanged))?,
        ];

        scheduler.post(Msg::UrlChanged);
        if let Some(performance) = window.performance() {
            // The gallery or scenario is on screen and answers clicks: the
            // end-to-end tests read this mark.
            let _ = performance.mark("playground-interactive");
        }
        PAGE.with(|page| {
            *page.borrow_mut() = Some(Page { _scheduler: scheduler, _listeners: listeners });
        });
        Ok(())
    }

    /// The message a click asks for: clicks inside an element with a
    /// `data-action` attribute. Clicks with a modifier key or another button
    /// stay the browser's (open in a new tab...), since the links are real
    /// links.
    fn click_message(event: &Event) -> Option<Msg> {
        if let Some(mouse) = event.dyn_ref::<MouseEvent>() {
            if mouse.button() != 0
                || mouse.ctrl_key()
                || mouse.meta_key()
                || mouse.shift_key()
                || mouse.alt_key()
            {
                return None;
            }
        }
        let target = event.target()?.dyn_into::<Element>().ok()?;
        let action = target.closest("[data-action]").ok()??;
        if action.has_attribute("disabled") {
            return None;
        }
        match action.get_attribute("data-action")?.as_str() {
            "open" => Some(Msg::Open(Route::Scenario(action.get_attribute("data-scenario")?))),
            "gallery" => Some(Msg::Open(Route::Gallery)),
            "run" => Some(Msg::Run),
            "pause" => Some(Msg::Pause),
            "step" => Some(Msg::Step),
            "reset" => Some(Msg::Reset),
            "defaults" => Some(Msg::Defaults),
            "embed" => Some(Msg::ToggleEmbed),
            "copy-log" => Some(Msg::Copy(CopyTarget::Log)),
            "copy-python" => Some(Msg::Copy(CopyTarget::Python)),
            "copy-embed" => Some(Msg::Copy(CopyTarget::Embed)),
            "push" => Some(Msg::Push),
            "back" => Some(Msg::Back),
            "share" => Some(Msg::Share),
            "reset-code" => Some(Msg::ResetCode),
            "edit-code" => Some(Msg::EditCode),
            "open-code" => Some(Msg::Open(Route::Code)),
            "go-line" => Some(Msg::GoToLine(action.get_attribute("data-line")?.parse().ok()?)),
            _ => None,
        }
    }

    /// The message an edit asks for: a parameter field (`data-param` is its
    /// index), the mode or the speed.
    fn input_message(event: &Event) -> Option<Msg> {
        let target = event.target()?;
        if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
            if select.id() == "mode" {
                return Some(Msg::Mode(select.value()));
            }
            let index = select.get_attribute("data-param")?.parse().ok()?;
            return Some(Msg::Param { index, text: Some(select.value()), from_slider: false });
        }
        let input = target.dyn_ref::<HtmlInputElement>()?;
        if input.id() == "speed" {
            return Some(Msg::Speed(input.value().parse().ok()?));
        }
        if input.id() == "search" {
            return Some(Msg::Search(input.value()));
        }
        let index = input.get_attribute("data-param")?.parse().ok()?;
        let from_slider = input.type_() == "range";
        // A number field whose text is not a number reads as "": say so.
        let text = if input.validity().bad_input() { None } else { Some(input.value()) };
        Some(Msg::Param { index, text, from_slider })
    }

    /// The end of a parameter's edit: its `change` event (Enter, the field
    /// left, the slider let go, a choice made).
    fn change_message(event: &Event) -> Option<Msg> {
        let target = event.target()?.dyn_into::<Element>().ok()?;
        Some(Msg::Commit(target.get_attribute("data-param")?.parse().ok()?))
    }

    /// Keyboard shortcuts: space runs or pauses, `s` steps, `r` resets. Not
    /// while typing in a field, and not with a modifier key; space on a
    /// button or link keeps its own meaning.
    fn key_message(event: &Event) -> Option<Msg> {
        let key = event.dyn_ref::<KeyboardEvent>()?;
        if key.ctrl_key() || key.meta_key() || key.alt_key() || key.default_prevented() || key.repeat() {
            return None;
        }
        if let Some(target) = event.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
            // Enter in the push box pushes.
            if target.id() == "push-value" && key.key() == "Enter" {
                return Some(Msg::Push);
            }
            // Enter in the gallery's search opens the only match.
            if target.id() == "search" && key.key() == "Enter" {
                return Some(Msg::SearchEnter);
            }
            let tag = target.tag_name().to_ascii_lowercase();
            if matches!(tag.as_str(), "input" | "select" | "textarea")
                || target.is_content_editable()
                || target.closest(".cm-editor").ok().flatten().is_some()
            {
                return None;
            }
            if key.key() == " " && matches!(tag.as_str(), "button" | "a" | "summary") {
                return None;
            }
        }
        match key.key().as_str() {
            " " => Some(Msg::RunPause),
            "s" | "S" => Some(Msg::Step),
            "r" | "R" => Some(Msg::Reset),
            "b" | "B" => Some(Msg::Back),
            _ => None,
        }
    }

    /// Report an error that stops the page (a panic, or a start that
    /// failed): on the console, and in the `#error` banner with a link that
    /// reloads the page at its current address, which holds the view, its
    /// parameters, the mode and the program. Marks `<body data-state>` as
    /// `error`.
    pub fn report_fatal(message: &str) {
        web_sys::console::error_1(&JsValue::from_str(message));
        let window = web_sys::window();
        let document = window.as_ref().and_then(|w| w.document());
        let Some(document) = document else { return };
        if let Some(body) = document.body() {
            let _ = body.set_attribute("data-state", "error");
        }
        let Some(banner) = document.get_element_by_id("error") else { return };
        banner.set_text_content(Some(message));
        let href = window.and_then(|w| w.location().href().ok()).unwrap_or_else(|| "./".to_string());
        if let Ok(paragraph) = document.create_element("p") {
            paragraph.set_text_content(Some("Your scenario and its parameters are in the address: "));
            if let Ok(link) = document.create_element("a") {
                let _ = link.set_attribute("href", &href);
                link.set_text_content(Some("reload the page"));
                let _ = paragraph.append_child(&link);
                let _ = paragraph.append_with_str_1(" to start again.");
            }
            let _ = banner.append_child(&paragraph);
        }
        let _ = banner.remove_attribute("hidden");
    }
}
