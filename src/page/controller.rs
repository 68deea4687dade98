//! The one place that applies the page's messages.

mod code;

use code::OpenCode;

use std::rc::Rc;

use asyncio_scenarios::{parse_push, python, Params, Scenario};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Window;

use super::explain::explain;
use super::form::{kept_by_run, Form};
use super::frame_height::FrameHeight;
use super::lessons;
use super::view::{Controls, PageState, Progress, View};
use super::workers::{panel_text, prewarm_count, RunWorkers};
use crate::code::starter::STARTER;
use crate::code::{Interpreter, Setup};
use crate::dom::error_text;
use crate::driver::{new_loop, now_ms, speed_text, Driver, DriverState, Lines, Mode, Pacer};
use crate::driver::{DEFAULT_SPEED, SPEED_STOPS};
use crate::meter::FrameMeter;
use crate::pool::{WorkerPool, WorkerState, DEFAULT_MAX_WORKERS, DEFAULT_WORKER_URL};
use crate::route::{Look, PageUrl, Route};
use crate::timeline::{seconds, TraceRecorder};
use asyncio_engine::executor::WorkerBackend;
use gloo_timers::callback::{Interval, Timeout};
use std::cell::Cell;

/// Something the user (or a run's timer) asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Show a view and record it in the history (a click on a link).
    Open(Route),
    /// Show the view the URL names (page load, back and forward).
    UrlChanged,
    /// A parameter field changed: its index and text (`None`: not a number).
    Param {
        index: usize,
        text: Option<String>,
        from_slider: bool,
    },
    /// The edit of a parameter field is over (its `change` event).
    Commit(usize),
    /// Every parameter back to its default.
    Defaults,
    /// The mode select changed.
    Mode(String),
    /// The speed slider moved to this stop of [`SPEED_STOPS`].
    Speed(usize),
    /// Start a run, or continue a paused one.
    Run,
    Pause,
    /// Run when paused or idle, pause when running (the space bar).
    RunPause,
    /// Run one loop iteration.
    Step,
    /// Stop the run and clear its output.
    Reset,
    /// A run's timer or tick fired with this token.
    Wake(u64),
    /// Something outside the loop queued a callback on it (a worker's
    /// result) in the run with this id: run it now instead of waiting for
    /// the next timer.
    External(u64),
    /// Check again whether the Web Workers have started (a real-mode run
    /// waits for them).
    WorkersReady,
    /// Push the value in the push box into the running loop.
    Push,
    /// The run stopped a while ago: stop measuring frames.
    MeterIdle,
    /// Redraw the workers panel.
    RefreshWorkers,
    /// The timeline's cursor was moved to this loop time.
    Scrub(f64),
    /// The gallery's search box changed.
    Search(String),
    /// Enter in the gallery's search box: open the only match.
    SearchEnter,
    /// Show or hide the embed snippet.
    ToggleEmbed,
    Copy(CopyTarget),
    /// A copy finished: what was copied, or why it failed.
    Copied(CopyTarget, Result<(), String>),
    /// The pointer is over this lane of the timeline at this loop time
    /// (`None`: it left the lanes).
    Hover(Option<(usize, f64)>),
    /// The editor's text changed to this.
    CodeEdited(String),
    /// The lesson's own program back in the editor.
    ResetCode,
    /// Copy a link to the program.
    Share,
    /// The link was copied (`None`: it could not be).
    Shared(Option<String>),
    /// Put the editor's cursor on this line (a traceback's link).
    GoToLine(u32),
    /// Back one loop iteration.
    Back,
    /// Edit the lesson's program (loads the editor's build of the page).
    EditCode,
}

/// What a copy button copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyTarget {
    Log,
    Python,
    Embed,
}

/// The open scenario and its run.
struct Open {
    /// The lesson's Rust scenario; `None` for your own program and the
    /// lessons written in Python.
    scenario: Option<Scenario>,
    /// The program in the editor (the interpreter's build of the page).
    code: Option<OpenCode>,
    form: Form,
    driver: Option<Driver>,
    /// The trace of the current run, which the timeline and the inspector
    /// draw (cleared for each run).
    recorder: TraceRecorder,
    embed_panel: bool,
    /// Frame times while the run goes on (`None` where there is no canvas).
    meter: Option<FrameMeter>,
    /// Stops the meter a moment after a run ends, so that the frame a last
    /// blocking slice delayed is counted (dropping it cancels).
    meter_stop: Option<Timeout>,
    /// Numbers the runs, so that a worker's result for an earlier run does
    /// not wake this one.
    run_id: u64,
    /// The values the current run was started with: edits made since apply
    /// to the next run.
    run_params: Option<Params>,
    /// Jobs the current run started on workers (real mode).
    jobs: Option<Rc<Cell<u32>>>,
    /// Since when a real-mode run waits for its workers to start (ms).
    warming_since: Option<f64>,
    /// Checks again whether they have (dropping it cancels).
    warm_timer: Option<Timeout>,
    /// Redraws the workers panel while a real-mode run goes on (its jobs
    /// run between the loop's iterations; dropping it cancels).
    panel_timer: Option<Interval>,
}

/// How often the workers panel is redrawn during a real-mode run, in ms.
const PANEL_REFRESH_MS: u32 = 250;

/// How long a real-mode run waits for its Web Workers to start before it
/// starts anyway (the pool then reports what went wrong), in ms.
const WORKER_START_WAIT_MS: f64 = 15_000.0;
/// How often it checks, in ms.
const WORKER_START_POLL_MS: u32 = 20;

/// How long the meter keeps measuring after a run ends or pauses, in ms.
const METER_TAIL_MS: u32 = 500;

/// The page's state and the view that shows it.
pub struct Controller {
    window: Window,
    view: View,
    post: Rc<dyn Fn(Msg)>,
    route: Route,
    mode: Mode,
    speed: f64,
    embed: bool,
    open: Option<Open>,
    /// Real mode's Web Workers, started when first needed and kept for the
    /// page's life (runs share them).
    pool: Option<Rc<WorkerPool>>,
    /// Numbers runs across scenarios.
    runs: u64,
    /// The Python interpreter, in the page build that has it.
    python: Option<Rc<dyn Interpreter>>,
    /// An embed's view, theme and autorun (`view=`, `theme=`, `autorun=`).
    look: Look,
    /// In an embed: tells the embedding page this page's height.
    frame_height: Option<FrameHeight>,
}

impl Controller {
    /// A controller drawing on `view`; `post` delivers a message to it later
    /// (from a timer, a tick or a promise).
    pub fn new(
        window: Window,
        view: View,
        post: Rc<dyn Fn(Msg)>,
        python: Option<Rc<dyn Interpreter>>,
    ) -> Controller {
        Controller {
            window,
            view,
            post,
            route: Route::Gallery,
            mode: Mode::DEFAULT,
            speed: DEFAULT_SPEED,
            embed: false,
            open: None,
            pool: None,
            runs: 0,
            python,
            look: Look::DEFAULT,
            frame_height: None,
        }
    }

    /// Apply `msg`; a failure is reported in the page.
    pub fn apply(&mut self, msg: Msg) {
        if let Err(error) = self.try_apply(msg) {
            self.view.show_error(&format!("Something went wrong: {}", error_text(&error)));
        }
    }

    fn try_apply(&mut self, msg: Msg) -> Result<(), JsValue> {
        match msg {
            Msg::Open(Route::Code) => {
                // "Write your own": the starter program, in the address first
                // (the interpreter's build may have to read it from there).
                let path = self.window.location().pathname().unwrap_or_else(|_| "./".to_string());
                let query =
                    PageUrl::to_query_with(&Route::Code, self.mode, self.speed, &[], self.embed, &self.look);
                let url = format!("{path}{query}{}", PageUrl::fragment(STARTER));
                self.window.history()?.push_state_with_url(&JsValue::NULL, "", Some(&url))?;
                self.view.clear_notices();
                self.show(Route::Code, &[], Some(STARTER.to_string()))?;
                self.view.focus_heading();
                self.window.scroll_to_with_x_and_y(0.0, 0.0);
            }
            Msg::Open(route) => {
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
            }
            Msg::UrlChanged => {
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
            }
            Msg::Param { index, text, from_slider } => {
                let Some(open) = &mut self.open else { return Ok(()) };
                if let Some(field) = open.form.set(index, text.as_deref()) {
                    self.view.show_field(index, field, from_slider, !from_slider);
                }
                self.after_edit()?;
            }
            Msg::Commit(index) => {
                if let Some(open) = &mut self.open {
                    open.form.commit(index);
                }
            }
            Msg::Defaults => {
                let Some(open) = &mut self.open else { return Ok(()) };
                open.form.reset();
                for (index, field) in open.form.fields().iter().enumerate() {
                    self.view.show_field(index, field, true, true);
                }
                self.after_edit()?;
            }
            Msg::Mode(text) => {
                if let Some(mode) = Mode::parse(&text) {
                    self.mode = mode;
                    self.view.show_mode(mode);
                    self.prewarm_workers();
                    self.sync();
                    self.replace_url()?;
                }
            }
            Msg::Speed(stop) => {
                if let Some(&speed) = SPEED_STOPS.get(stop) {
                    self.speed = speed;
                    if let Some(driver) = self.open.as_mut().and_then(|o| o.driver.as_mut()) {
                        driver.set_speed(speed)?;
                    }
                    self.view.show_speed(speed, false);
                    self.replace_url()?;
                }
            }
            Msg::Run => self.run()?,
            Msg::Pause => {
                if let Some(open) = self.open.as_mut() {
                    open.warming_since = None;
                    open.warm_timer = None;
                }
                if let Some(driver) = self.open.as_mut().and_then(|o| o.driver.as_mut()) {
                    driver.pause();
                }
                self.sync();
            }
            Msg::RunPause => {
                let running = self.driver_state() == Some(DriverState::Running);
                self.try_apply(if running { Msg::Pause } else { Msg::Run })?;
            }
            Msg::Step => self.step()?,
            Msg::Reset => {
                self.abandon_jobs("the run was reset");
                let Some(open) = &mut self.open else { return Ok(()) };
                // Dropping the driver cancels its timer and closes its loop.
                open.driver = None;
                open.recorder.clear();
                self.view.show_trace(&open.recorder, 0.0);
                self.view.clear_log();
                self.view.show_explanation(None);
                self.sync();
            }
            Msg::Search(query) => self.view.filter_gallery(&query),
            Msg::SearchEnter => {
                if let Some(name) = self.view.only_match() {
                    self.try_apply(Msg::Open(Route::Scenario(name)))?;
                }
            }
            Msg::Scrub(t) => {
                if let Some(open) = &self.open {
                    self.view.show_instant(&open.recorder, t);
                }
                if self.driver_state() != Some(DriverState::Running) {
                    self.show_marks(Some(t));
                }
            }
            Msg::Hover(over) => self.show_hover(over),
            Msg::CodeEdited(text) => self.code_edited(text)?,
            Msg::ResetCode => self.reset_code()?,
            Msg::Share => self.share(),
            Msg::Shared(url) => self.show_shared(url),
            Msg::GoToLine(line) => self.go_to_line(line),
            Msg::Back => self.back()?,
            Msg::EditCode => {
                if self.python.is_none() {
                    self.upgrade("edit")?;
                }
            }
            Msg::Wake(token) => {
                let Some(driver) = self.open.as_mut().and_then(|o| o.driver.as_mut()) else { return Ok(()) };
                if driver.on_wake(token)? {
                    self.after_slice();
                }
            }
            Msg::External(run) => {
                let Some(open) = self.open.as_mut() else { return Ok(()) };
                if open.run_id != run {
                    return Ok(()); // a job of an earlier run
                }
                let Some(driver) = open.driver.as_mut() else { return Ok(()) };
                driver.on_external()?;
                self.after_slice();
            }
            Msg::WorkersReady => {
                if let Some(open) = self.open.as_mut() {
                    open.warm_timer = None;
                }
                if self.driver_state() == Some(DriverState::Paused)
                    && self.open.as_ref().is_some_and(|o| o.warming_since.is_some())
                {
                    self.run()?;
                }
            }
            Msg::Push => self.push()?,
            Msg::RefreshWorkers => self.show_workers(),
            Msg::MeterIdle => {
                let running = self.driver_state() == Some(DriverState::Running);
                if let Some(open) = self.open.as_mut() {
                    open.meter_stop = None;
                    if let (Some(meter), false) = (open.meter.as_mut(), running) {
                        meter.stop();
                    }
                }
            }
            Msg::ToggleEmbed => {
                let snippet = self.embed_snippet()?;
                let Some(open) = &mut self.open else { return Ok(()) };
                open.embed_panel = !open.embed_panel;
                self.view.show_embed_panel(open.embed_panel.then_some(snippet.as_str()));
            }
            Msg::Copy(target) => self.copy(target),
            Msg::Copied(target, result) => {
                let text = match result {
                    Ok(()) => "Copied.".to_string(),
                    Err(reason) => format!("Could not copy ({reason}). Select the text and copy it by hand."),
                };
                self.view.show_copy_status(target, &text);
            }
        }
        Ok(())
    }

    /// Show `route`, with the parameter texts `given` (checked).
    fn show(
        &mut self,
        route: Route,
        given: &[(&'static str, String)],
        code: Option<String>,
    ) -> Result<(), JsValue> {
        self.view.clear_error();
        self.abandon_jobs("the page left the scenario");
        self.open = None;
        if self.needs_upgrade(&route) {
            // The address keeps naming the view the other build opens.
            self.route = route;
            return self.upgrade("open");
        }
        match &route {
            Route::Gallery => self.view.show_gallery()?,
            Route::Scenario(_) | Route::Code => match self.lesson_for(&route) {
                Some((meta, scenario)) => {
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
                    self.open = Some(Open {
                        scenario,
                        code: None,
                        form,
                        driver: None,
                        recorder,
                        embed_panel: false,
                        meter,
                        meter_stop: None,
                        run_id: 0,
                        run_params: None,
                        jobs: None,
                        warming_since: None,
                        warm_timer: None,
                        panel_timer: None,
                    });
                    self.open_code(code)?;
                    self.prewarm_workers();
                    self.view.show_mode(self.mode);
                    self.view.show_speed(self.speed, true);
                    self.show_python();
                }
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

    /// The query string of the current state (with `embed=1` if `embed`).
    fn query(&self, embed: bool) -> String {
        let params = self.open.as_ref().map(|o| o.form.url_params()).unwrap_or_default();
        PageUrl::to_query_with(&self.route, self.mode, self.speed, &params, embed, &self.look)
    }

    /// The page's path and query for the current state.
    fn url_for(&self, embed: bool) -> String {
        let path = self.window.location().pathname().unwrap_or_else(|_| "./".to_string());
        let fragment = self.code_in_url().map(|code| PageUrl::fragment(&code)).unwrap_or_default();
        format!("{path}{}{fragment}", self.query(embed))
    }

    /// Record the current state in the address, without a history entry.
    fn replace_url(&self) -> Result<(), JsValue> {
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

    /// A field or the defaults changed: the program, the URL and the Run
    /// button follow.
    fn after_edit(&mut self) -> Result<(), JsValue> {
        self.show_python();
        self.sync();
        self.replace_url()
    }

    /// The Python program with the values of the run under way (running or
    /// paused), else the form's; and the notice that says edits made during
    /// a run apply to the next one.
    fn show_python(&mut self) {
        let live = matches!(self.driver_state(), Some(DriverState::Running | DriverState::Paused));
        self.follow_lesson_program(live);
        let Some(open) = &self.open else { return };
        let Some(scenario) = &open.scenario else { return };
        let name = scenario.name();
        let form = open.form.params();
        let running = open.run_params.as_ref().filter(|_| live);
        let program = python::program(name, running.unwrap_or(&form));
        self.view.show_python(program.as_deref(), lessons::python_note(name));
        let kept = running.map(|running| kept_by_run(running, &form).join(", ")).filter(|k| !k.is_empty());
        self.view.show_edit_notice(kept.as_deref());
    }

    /// After leaving lesson `left` for the gallery, focus that lesson's
    /// link; true if it did.
    fn focus_left_lesson(&self, left: &Route) -> bool {
        match (left, &self.route) {
            (Route::Scenario(name), Route::Gallery) => self.view.focus_card(name),
            _ => false,
        }
    }

    fn driver_state(&self) -> Option<DriverState> {
        self.open.as_ref().and_then(|o| o.driver.as_ref()).map(Driver::state)
    }

    /// A fresh paused run of the open scenario with the form's values.
    fn new_driver(&mut self) -> Result<(), JsValue> {
        self.new_run(None)
    }

    /// A fresh paused run with `params` (default: the form's values).
    fn new_run(&mut self, params: Option<Params>) -> Result<(), JsValue> {
        self.abandon_jobs("a new run started");
        let mode = self.mode;
        let speed = self.speed;
        let post = self.post.clone();
        let Some(open) = &mut self.open else { return Err("there is no scenario open to run".into()) };
        if !open.can_run() {
            return Err("fix the parameters marked in red first".into());
        }
        open.driver = None;
        if let Some(meter) = open.meter.as_mut() {
            meter.reset();
        }
        let (event_loop, clock) = new_loop(mode);
        self.runs += 1;
        open.run_id = self.runs;
        open.jobs = None;
        open.warming_since = None;
        open.warm_timer = None;
        if mode == Mode::Real {
            let pool = shared_pool(&mut self.pool);
            let run = open.run_id;
            let notify = post.clone();
            let workers = RunWorkers::new(pool, Rc::new(move || notify(Msg::External(run))));
            open.jobs = Some(workers.started());
            event_loop.set_workers(Rc::new(workers));
        }
        open.recorder.clear();
        event_loop.set_tracer(open.recorder.tracer());
        let wake: Rc<dyn Fn(u64)> = Rc::new(move |token| post(Msg::Wake(token)));
        let params = params.unwrap_or_else(|| open.form.params());
        open.run_params = Some(params.clone());
        let pacer = match (open.program_to_run(), &self.python, &open.scenario) {
            (Some(source), Some(python), _) => {
                drop(event_loop);
                let recorder = open.recorder.clone();
                let lines = Lines::default();
                let setup = Setup {
                    lines: lines.clone(),
                    on_loop: Box::new(move |event_loop| event_loop.set_tracer(recorder.tracer())),
                    real_clock: clock.clone(),
                };
                match python.start(&source, setup) {
                    Ok(run) => Pacer::new(run, lines, mode),
                    Err(diagnostic) => return Err(diagnostic.message.into()),
                }
            }
            (_, _, Some(scenario)) => Pacer::start(&event_loop, scenario, params, mode),
            _ => return Err("this program needs the Python interpreter".into()),
        };
        let driver = Driver::new(pacer, clock, mode, speed, wake)?;
        open.driver = Some(driver);
        self.view.show_trace(&open.recorder, 0.0);
        self.view.clear_log();
        self.view.show_explanation(None);
        Ok(())
    }

    fn run(&mut self) -> Result<(), JsValue> {
        let Some(open) = &self.open else { return Ok(()) };
        match open.driver.as_ref().map(Driver::state) {
            Some(DriverState::Running) => return Ok(()),
            Some(DriverState::Paused) => {}
            None | Some(DriverState::Finished) => {
                if !open.can_run() {
                    return Ok(());
                }
                self.new_driver()?;
            }
        }
        if self.waiting_for_workers() {
            self.sync();
            return Ok(());
        }
        if let Some(driver) = self.open.as_mut().and_then(|o| o.driver.as_mut()) {
            driver.play()?;
        }
        self.sync();
        Ok(())
    }

    /// Stop the jobs a real-mode run still has on workers when the run is
    /// dropped: their results would be ignored, and a worker still spinning
    /// through a long job would slow the next run down.
    fn abandon_jobs(&mut self, why: &str) {
        let had_jobs = self.open.as_mut().and_then(|o| o.jobs.take()).is_some_and(|jobs| jobs.get() > 0);
        if let (true, Some(pool)) = (had_jobs, &self.pool) {
            pool.abandon(why);
        }
    }

    /// Start the Web Workers a real-mode run of the open scenario will use,
    /// so that its first jobs do not wait for them.
    fn prewarm_workers(&mut self) {
        let Some(open) = &self.open else { return };
        if self.mode != Mode::Real || !open.uses_workers() {
            return;
        }
        prewarm(&shared_pool(&mut self.pool));
    }

    /// A real-mode run that uses workers starts once they have started (or
    /// failed to): true while it waits, checking again shortly.
    fn waiting_for_workers(&mut self) -> bool {
        let post = self.post.clone();
        let Some(open) = self.open.as_mut() else { return false };
        let real = open.driver.as_ref().is_some_and(|d| d.mode() == Mode::Real);
        if !real || !open.uses_workers() {
            return false;
        }
        let Some(pool) = &self.pool else { return false };
        if open.warming_since.is_none() {
            // Once per run: after a load failure, the pool tries again then.
            prewarm(pool);
        }
        let starting =
            pool.snapshot().workers.iter().filter(|w| matches!(w.state, WorkerState::Loading)).count();
        let since = *open.warming_since.get_or_insert_with(now_ms);
        if starting == 0 || now_ms() - since > WORKER_START_WAIT_MS {
            open.warming_since = None;
            return false;
        }
        open.warm_timer = Some(Timeout::new(WORKER_START_POLL_MS, move || post(Msg::WorkersReady)));
        true
    }

    fn step(&mut self) -> Result<(), JsValue> {
        let Some(open) = &self.open else { return Ok(()) };
        match open.driver.as_ref().map(Driver::state) {
            Some(DriverState::Running) => return Ok(()),
            Some(DriverState::Paused) => {}
            None | Some(DriverState::Finished) => {
                if !open.can_run() {
                    return Ok(());
                }
                self.new_driver()?;
            }
        }
        if let Some(driver) = self.open.as_mut().and_then(|o| o.driver.as_mut()) {
            driver.step();
        }
        self.after_slice();
        Ok(())
    }

    /// The workers panel: shown in real mode for the scenarios that use
    /// workers, and after any run that used them.
    fn show_workers(&self) {
        let Some(open) = &self.open else { return };
        let jobs = open.jobs.as_ref().map_or(0, |j| j.get());
        let wanted = self.mode == Mode::Real && open.uses_workers();
        match &self.pool {
            Some(pool) if wanted || jobs > 0 => {
                let snapshot = pool.snapshot();
                let text = panel_text(&snapshot, jobs, now_ms());
                let workers = snapshot.workers.len();
                self.view.show_workers(Some(&text.heading), &text.rows, workers, jobs);
            }
            _ => self.view.show_workers(None, &[], 0, 0),
        }
    }

    /// Measure frames while the run goes on; stop a moment after it stops.
    /// Redraw the workers panel meanwhile in real mode.
    fn follow_meter(&mut self) {
        let running = self.driver_state() == Some(DriverState::Running);
        let post = self.post.clone();
        let Some(open) = self.open.as_mut() else { return };
        if running && open.jobs.is_some() {
            if open.panel_timer.is_none() {
                let post = post.clone();
                open.panel_timer = Some(Interval::new(PANEL_REFRESH_MS, move || post(Msg::RefreshWorkers)));
            }
        } else {
            open.panel_timer = None;
        }
        let Some(meter) = open.meter.as_mut() else { return };
        if running {
            open.meter_stop = None;
            meter.start();
        } else if meter.is_running() && open.meter_stop.is_none() {
            open.meter_stop = Some(Timeout::new(METER_TAIL_MS, move || post(Msg::MeterIdle)));
        }
    }

    /// Push the push box's value into the running loop, as the seed's
    /// consumer thread would (`call_soon_threadsafe`).
    fn push(&mut self) -> Result<(), JsValue> {
        let Some(value) = self.view.push_value() else { return Ok(()) };
        let running = matches!(self.driver_state(), Some(DriverState::Running | DriverState::Paused));
        if !running {
            self.view.show_push_status("Run the scenario first: values go into a running loop.", true);
            return Ok(());
        }
        if let Err(error) = parse_push(&value) {
            self.view.show_push_status(&error.to_string(), true);
            return Ok(());
        }
        let Some(driver) = self.open.as_mut().and_then(|o| o.driver.as_mut()) else { return Ok(()) };
        let pushed = match driver.pacer().event_loop() {
            Some(event_loop) => event_loop.push(value.trim()),
            None => Err("no loop is running now".to_string()),
        };
        match pushed {
            Ok(()) => {
                let when = if driver.state() == DriverState::Paused {
                    " (the loop takes it when it runs on)"
                } else {
                    ""
                };
                self.view.show_push_status(&format!("Pushed {}{when}.", value.trim()), false);
                driver.on_external()?;
                self.after_slice();
            }
            Err(reason) => self.view.show_push_status(&format!("Not pushed: {reason}."), true),
        }
        Ok(())
    }

    /// Show what the last slice (or step) of the run did.
    fn after_slice(&mut self) {
        let Some(open) = self.open.as_mut() else { return };
        let Some(driver) = open.driver.as_mut() else { return };
        let lines = driver.take_lines();
        self.view.append_log(&lines, driver.mode() != Mode::Instant);
        self.view.show_trace(&open.recorder, driver.pacer().time());
        let finished = driver.state() == DriverState::Finished;
        if finished {
            let pacer = driver.pacer();
            let explanation = self.view.last_log_line().and_then(|last| explain(&last, pacer.waiting()));
            self.view.show_explanation(explanation.as_ref());
        }
        if finished || open.code.is_some() {
            self.show_run_end();
        }
        self.sync();
    }

    /// Bring the controls, the state and the counters in line with the run.
    fn sync(&mut self) {
        let Some(open) = &self.open else {
            self.view.set_state(PageState::Idle);
            return;
        };
        let mut state = open.driver.as_ref().map(Driver::state);
        // A real-mode run waiting for its workers to start is running.
        let warming = open.warming_since.is_some() && state == Some(DriverState::Paused);
        if warming {
            state = Some(DriverState::Running);
        }
        let valid = open.can_run();
        let blocked = if !open.form.is_valid() {
            Some("A parameter has a value the scenario does not accept: fix it to run.".to_string())
        } else {
            open.code.as_ref().and_then(|c| c.problem.as_ref()).map(|p| {
                format!("The program has an error on line {}: fix it to run ({}).", p.line, p.message)
            })
        };
        let can_go_back = open.driver.as_ref().is_some_and(|d| {
            d.mode() != Mode::Real && d.state() != DriverState::Running && d.pacer().iterations() > 0
        });
        let page_state = match state {
            None => PageState::Idle,
            Some(DriverState::Running) => PageState::Running,
            Some(DriverState::Paused) => PageState::Paused,
            Some(DriverState::Finished) => PageState::Done,
        };
        let run_label = match state {
            Some(DriverState::Paused) => "Continue",
            Some(DriverState::Finished) => "Run again",
            _ => "Run",
        };
        let controls = Controls {
            run_label,
            run: match state {
                Some(DriverState::Running) => false,
                Some(DriverState::Paused) => true,
                _ => valid,
            },
            pause: state == Some(DriverState::Running),
            step: match state {
                Some(DriverState::Running) => false,
                Some(DriverState::Paused) => true,
                _ => valid,
            },
            reset: state.is_some(),
            mode: !matches!(state, Some(DriverState::Running | DriverState::Paused)),
            speed: self.mode == Mode::Paced,
            blocked: if matches!(state, Some(DriverState::Running | DriverState::Paused)) {
                None
            } else {
                blocked
            },
            back: can_go_back,
        };
        self.view.show_controls(&controls);
        let mode = open.driver.as_ref().map_or(self.mode, Driver::mode);
        let progress = match open.driver.as_ref() {
            None => Progress { iterations: 0, time: 0.0, lines: 0, text: idle_text(mode, self.speed) },
            Some(driver) => {
                let pacer = driver.pacer();
                let (iterations, time, lines) = (pacer.iterations(), pacer.time(), pacer.line_count());
                let text = match driver.state() {
                    DriverState::Running => match driver.waiting_for() {
                        Some(wait) if wait.is_infinite() => format!(
                            "Running ({}): the loop waits for its Web Workers (nothing else is scheduled).",
                            mode.label().to_lowercase()
                        ),
                        Some(wait) => format!(
                            "Running ({}): the loop waits {} s for its next timer.",
                            mode.label().to_lowercase(),
                            seconds(wait)
                        ),
                        None => format!("Running ({}).", mode.label().to_lowercase()),
                    },
                    DriverState::Paused => {
                        "Paused. Step runs one loop iteration; Continue runs on.".to_string()
                    }
                    DriverState::Finished => format!(
                        "Finished: {} printed in {} loop {}.",
                        plural(lines, "line"),
                        iterations,
                        if iterations == 1 { "iteration" } else { "iterations" }
                    ),
                };
                Progress { iterations, time, lines, text }
            }
        };
        let mut progress = progress;
        if warming {
            progress.text = "Starting the Web Workers…".to_string();
        }
        self.view.show_progress(&progress);
        let can_push =
            matches!(state, Some(DriverState::Running | DriverState::Paused)) && mode != Mode::Instant;
        let why_not = if mode == Mode::Instant || (!can_push && self.mode == Mode::Instant) {
            "Instant mode runs to the end at once: choose Paced or Real time to push values while it runs"
        } else {
            "Run the scenario first: values go into a running loop"
        };
        self.view.enable_push(can_push, why_not);
        self.show_workers();
        self.view.set_state(page_state);
        self.follow_meter();
        self.show_python();
        let marks_at = match state {
            Some(DriverState::Paused | DriverState::Finished) => open_time(&self.open),
            _ => None,
        };
        self.show_marks(marks_at);
    }

    /// The `<iframe>` snippet for the current state, and the `embed.js`
    /// that sizes it to its content.
    ///
    /// The sandbox ([`EMBED_SANDBOX`]): scripts are the page, and without
    /// `allow-same-origin` the frame gets an opaque origin (`null`), so its
    /// own module scripts, `.wasm` and SRI-checked stylesheets become
    /// cross-origin requests that a static host without CORS headers refuses
    /// (checked in Chromium: the page never leaves "loading"). With it the
    /// frame keeps only the playground's own origin (not the embedder's), and
    /// still cannot navigate the top page or submit forms; the popups allowed
    /// are the "Open in the asyncio playground" link's, which escape the
    /// sandbox so that the full page works. The page listens to no `message`
    /// events from a parent (only the worker's `onmessage`, from its own
    /// Worker object), so nothing a framing page posts reaches it.
    fn embed_snippet(&self) -> Result<String, JsValue> {
        let location = self.window.location();
        let src = format!("{}{}", location.origin()?, self.url_for(true));
        let name = match &self.route {
            Route::Scenario(name) => name.as_str(),
            Route::Code => "your program",
            Route::Gallery => "scenarios",
        };
        let path = location.pathname()?;
        let site = format!("{}{}", location.origin()?, &path[..path.rfind('/').map_or(0, |i| i + 1)]);
        Ok(format!(
            "<iframe data-asyncio-playground src=\"{}\" title=\"asyncio playground: {}\" width=\"100%\" \
             height=\"{EMBED_HEIGHT}\" style=\"border: 0\" loading=\"lazy\" sandbox=\"{EMBED_SANDBOX}\"></iframe>\n\
             <script src=\"{}embed.js\" defer></script>",
            html_attribute(&src),
            html_attribute(name),
            html_attribute(&site)
        ))
    }

    /// Copy the log, the program or the snippet with the async clipboard;
    /// the result comes back as [`Msg::Copied`].
    fn copy(&self, target: CopyTarget) {
        let code = self.open.as_ref().and_then(|o| o.code.as_ref()).map(|c| c.text.clone());
        let text = match (target, code) {
            // The editor's program, as it stands.
            (CopyTarget::Python, Some(code)) => code,
            _ => self.view.copy_text(target),
        };
        let navigator = self.window.navigator();
        let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
            .is_ok_and(|c| !c.is_undefined());
        if !has_clipboard {
            (self.post)(Msg::Copied(target, Err("this page has no clipboard access".into())));
            return;
        }
        let promise = navigator.clipboard().write_text(&text);
        let post = self.post.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = JsFuture::from(promise).await.map(drop).map_err(|e| {
                e.dyn_ref::<js_sys::Error>().map_or_else(|| error_text(&e), |e| String::from(e.message()))
            });
            post(Msg::Copied(target, result));
        });
    }
}

/// The embed snippet's sandbox: the page's scripts, its own origin (else its
/// module scripts and wasm become cross-origin requests), and the
/// "Open in the asyncio playground" link's new window, free of the sandbox.
pub const EMBED_SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// The embed snippet's first height (embed.js then follows the content).
const EMBED_HEIGHT: u32 = 420;

/// The loop time the open run is at.
fn open_time(open: &Option<Open>) -> Option<f64> {
    open.as_ref()?.driver.as_ref().map(|d| d.pacer().time())
}

/// What the status line says before a run.
/// Real mode's Web Workers, started the first time they are needed.
fn shared_pool(pool: &mut Option<Rc<WorkerPool>>) -> Rc<WorkerPool> {
    pool.get_or_insert_with(|| WorkerPool::new(DEFAULT_WORKER_URL, DEFAULT_MAX_WORKERS, Rc::new(|| {})))
        .clone()
}

/// Start as many workers as the default executor has (at most 8), so that a
/// run's first jobs do not wait for them to load.
fn prewarm(pool: &WorkerPool) {
    pool.prewarm(prewarm_count(pool.cpu_count()));
}

fn idle_text(mode: Mode, speed: f64) -> String {
    match mode {
        Mode::Paced => format!("{} Now at {}×.", mode.describe(), speed_text(speed)),
        _ => mode.describe().to_string(),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Escape text for a double-quoted HTML attribute (the snippet is shown as
/// text; the escaping is for the page that pastes it).
fn html_attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}
