//! The one place that applies the page's messages.

use asyncio_scenarios::{find, meta, run_to_lines};
use wasm_bindgen::JsValue;
use web_sys::Window;

use super::view::{PageState, View};
use crate::dom::error_text;
use crate::route::Route;

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Show a view and record it in the history (a click on a link).
    Open(Route),
    /// Show the view the URL names (page load, back and forward).
    UrlChanged,
    /// Run the open scenario with its default parameters, in instant mode.
    Run,
}

/// The page's state and the view that shows it.
pub struct Controller {
    window: Window,
    view: View,
    route: Route,
}

impl Controller {
    pub fn new(window: Window, view: View) -> Controller {
        Controller { window, view, route: Route::Gallery }
    }

    /// Apply `msg`; a failure is reported in the page.
    pub fn apply(&mut self, msg: Msg) {
        if let Err(error) = self.try_apply(msg) {
            self.view.show_error(&format!("Something went wrong: {}", error_text(&error)));
        }
    }

    fn try_apply(&mut self, msg: Msg) -> Result<(), JsValue> {
        match msg {
            Msg::Open(route) => {
                if route != self.route {
                    let url = format!("{}{}", self.window.location().pathname()?, route.to_query());
                    self.window.history()?.push_state_with_url(&JsValue::NULL, "", Some(&url))?;
                }
                self.show(route)?;
                self.view.focus_heading();
                self.window.scroll_to_with_x_and_y(0.0, 0.0);
                Ok(())
            }
            Msg::UrlChanged => {
                let route = Route::from_query(&self.window.location().search()?);
                self.show(route)
            }
            Msg::Run => self.run(),
        }
    }

    fn show(&mut self, route: Route) -> Result<(), JsValue> {
        self.view.clear_error();
        match &route {
            Route::Gallery => self.view.show_gallery()?,
            Route::Scenario(name) => match meta::ALL.iter().find(|m| m.name == name.as_str()) {
                Some(scenario) => self.view.show_scenario(scenario, find(name).is_some())?,
                None => {
                    self.view.show_gallery()?;
                    self.view.show_error(&format!("There is no scenario called “{name}”. Pick one below."));
                }
            },
        }
        self.route = route;
        self.view.set_state(PageState::Ready);
        Ok(())
    }

    fn run(&mut self) -> Result<(), JsValue> {
        let Route::Scenario(name) = &self.route else {
            return Err("there is no scenario open to run".into());
        };
        let Some(scenario) = find(name) else {
            return Err(format!("the scenario “{name}” cannot run in the browser yet").into());
        };
        self.view.set_state(PageState::Running);
        let lines = run_to_lines(&scenario, scenario.defaults());
        self.view.show_output(&lines)?;
        self.view.set_state(PageState::Done);
        Ok(())
    }
}
