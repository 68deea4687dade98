//! The controller's part for views and the address: opening the gallery, a
//! lesson or your own program from a click or from the URL, and keeping the
//! address (and the links that copy it) current.

use asyncio_scenarios::meta::Meta;
use asyncio_scenarios::Lesson;
use wasm_bindgen::JsValue;

use super::{Controller, Msg, Open};
use crate::code::starter::STARTER;
use crate::meter::FrameMeter;
use crate::page::form::Form;
use crate::page::frame_height::FrameHeight;
use crate::route::{PageUrl, Route};
use crate::timeline::TraceRecorder;

impl Controller {
    /// "Write your own": the starter program, in the address first (the
    /// interpreter's build may have to read it from there).
    pub(super) fn open_own_code(&mut self) -> Result<(), JsValue> {
        let path = self.window.location().pathname().unwrap_or_else(|_| "./".to_string());
        let query = PageUrl::to_query_with(&Route::Code, self.mode, self.speed, &[], self.embed, &self.look);
        let url = format!("{path}{query}{}", PageUrl::fragment(STARTER));
        self.window.history()?.push_state_with_url(&JsValue::NULL, "", Some(&url))?;
        self.view.clear_notices();
        self.show(Route::Code, &[], Some(STARTER.to_string()))?;
        self.view.focus_heading();
        self.window.scroll_to_with_x_and_y(0.0, 0.0);
        Ok(())
    }

    /// Show `route` and record it in the history (a click on a link).
    pub(super) fn open_route(&mut self, route: Route) -> Result<(), JsValue> {
        let changed = route != self.route;
        let left = self.route.clone();
        self.view.clear_notices();
        self.show(route, &[], None)?;
        if changed {
            let url = self.url_for(self.embed);
            self.window.history()?.push_state_with_url(&JsValue::NULL, "", Some(&url))?;
        }
        if !self.focus_left_lesson(&left) {
            self.view.focus_heading();
            self.window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        Ok(())
    }

    /// Show the view the address names (page load, back and forward).
    pub(super) fn url_changed(&mut self) -> Result<(), JsValue> {
        let mut url = PageUrl::parse(&self.window.location().search()?);
        url.read_fragment(&self.window.location().hash()?);
        let left = self.route.clone();
        self.mode = url.mode;
        self.speed = url.speed;
        self.embed = url.embed;
        self.look = url.look;
        self.view.set_embed(url.embed);
        self.view.set_theme(url.look.theme);
        if url.embed && self.frame_height.is_none() {
            self.frame_height = FrameHeight::start(&self.window);
        }
        self.show(url.route, &url.params, url.code)?;
        self.view.show_notices(&url.notices);
        // Write back what was kept, so the address never shows a value
        // the page is not using.
        self.replace_url()?;
        if url.embed && url.look.autorun && self.open.is_some() {
            self.run()?;
        }
        // Back (or forward) from a lesson to the gallery: focus goes
        // to that lesson's link rather than to <body>.
        self.focus_left_lesson(&left);
        Ok(())
    }

    /// Show `route`, with the parameter texts `given` (checked).
    pub(super) fn show(
        &mut self,
        route: Route,
        given: &[(&'static str, String)],
        code: Option<String>,
    ) -> Result<(), JsValue> {
        self.view.clear_error();
        self.abandon_jobs("the page left the scenario");
        self.open = None;
        if let Some(to) = self.needs_switch(&route) {
            // The address keeps naming the view the other build opens.
            self.route = route;
            return self.switch_build(to, "open");
        }
        match &route {
            Route::Gallery => self.view.show_gallery()?,
            Route::Scenario(_) | Route::Code => match self.lesson_for(&route) {
                Some((meta, scenario)) => self.open_lesson(meta, scenario, given, code)?,
                None => {
                    let name = match &route {
                        Route::Scenario(name) => name.as_str(),
                        _ => "",
                    };
                    self.view.show_gallery()?;
                    self.view.show_error(&format!("There is no scenario called “{name}”. Pick one below."));
                }
            },
        }
        self.route = route;
        if self.open.is_some() {
            // The links inside the scenario view name the route just set.
            self.view.set_full_page_link(&self.url_for(false));
        }
        self.sync();
        Ok(())
    }

    /// Show a lesson (or your own program) and make it the open view.
    fn open_lesson(
        &mut self,
        meta: &'static Meta,
        scenario: Option<&'static Lesson>,
        given: &[(&'static str, String)],
        code: Option<String>,
    ) -> Result<(), JsValue> {
        let form = Form::new(meta, given);
        let panels = self.embed.then_some(self.look.panels);
        self.view.show_scenario(&form, panels)?;
        let recorder = TraceRecorder::new();
        self.view.show_trace(&recorder, 0.0);
        let post = self.post.clone();
        self.view.on_scrub(Box::new(move |t| post(Msg::Scrub(t))));
        let post = self.post.clone();
        self.view.on_hover(Box::new(move |over| post(Msg::Hover(over))));
        // No frame meter in an embed.
        let meter = match self.embed {
            true => None,
            false => FrameMeter::new(&self.window.document().ok_or("no document")?).ok(),
        };
        if let Some(meter) = &meter {
            self.view.place_meter(meter.element());
        }
        let main = scenario.and_then(|lesson| self.mains.and_then(|main_of| main_of(lesson.name())));
        self.open = Some(Open {
            scenario,
            main,
            code: None,
            form,
            driver: None,
            recorder,
            embed_panel: false,
            meter,
            meter_stop: None,
            run_id: 0,
            run_params: None,
            pushes: Vec::new(),
            jobs: None,
            warming_since: None,
            warm_timer: None,
            panel_timer: None,
            trace_shown_at: 0.0,
        });
        self.open_code(code)?;
        self.prewarm_workers();
        self.view.show_mode(self.mode);
        self.view.show_speed(self.speed, true);
        self.show_python();
        Ok(())
    }

    /// The query string of the current state (with `embed=1` if `embed`).
    fn query(&self, embed: bool) -> String {
        let params = self.open.as_ref().map(|o| o.form.url_params()).unwrap_or_default();
        PageUrl::to_query_with(&self.route, self.mode, self.speed, &params, embed, &self.look)
    }

    /// The page's path and query for the current state.
    pub(super) fn url_for(&self, embed: bool) -> String {
        let path = self.window.location().pathname().unwrap_or_else(|_| "./".to_string());
        let fragment = self.code_in_url().map(|code| PageUrl::fragment(&code)).unwrap_or_default();
        format!("{path}{}{fragment}", self.query(embed))
    }

    /// Record the current state in the address, without a history entry.
    pub(super) fn replace_url(&self) -> Result<(), JsValue> {
        if self.switching {
            return Ok(());
        }
        let url = self.url_for(self.embed);
        // Browsers refuse bursts of history calls (a slider dragged for a
        // while); the next edit writes the address again, so a refusal is
        // not worth an error.
        let _ = self.window.history()?.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        if self.open.is_some() {
            self.view.set_full_page_link(&self.url_for(false));
            if self.open.as_ref().is_some_and(|o| o.embed_panel) {
                let snippet = self.embed_snippet()?;
                self.view.show_embed_panel(Some(&snippet));
            }
        }
        Ok(())
    }

    /// After leaving lesson `left` for the gallery, focus that lesson's
    /// link; true if it did.
    fn focus_left_lesson(&self, left: &Route) -> bool {
        match (left, &self.route) {
            (Route::Scenario(name), Route::Gallery) => self.view.focus_card(name),
            _ => false,
        }
    }
}
