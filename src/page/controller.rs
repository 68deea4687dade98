//! The one place that applies the page's messages.
//!
//! [`Controller::apply`] dispatches each [`Msg`] to the part that handles it:
//! [`navigate`] (views and the address), [`edits`] (the form, the mode and
//! the speed), [`run`] (a run's life: Run, Pause, Step, Reset, its timers,
//! pushes and the frame meter), [`pool`] (real mode's Web Workers),
//! [`copy`] (the copy buttons and the embed snippet) and [`code`] (the
//! program in the editor: Share, Reset code, Back, the lines it marks). What the run controls show is decided by
//! [`Panel::of`](super::controls::Panel::of), host-tested; [`Controller::sync`]
//! applies it.

mod code;
mod copy;
mod edits;
mod library;
mod navigate;
mod pool;
mod run;

use code::OpenCode;

use std::cell::Cell;
use std::rc::Rc;

use asyncio_scenarios::{Lesson, MainFn, Params};
use gloo_timers::callback::{Interval, Timeout};
use wasm_bindgen::JsValue;
use web_sys::Window;

use super::controls::{PageState, Panel, RunFacts, RunState, Situation, Starting};
use super::form::Form;
use super::frame_height::FrameHeight;
use super::view::{CopyTarget, View};
use crate::code::Interpreter;
use crate::dom::error_text;
use crate::driver::{Driver, DriverState, Mode, Pushed, DEFAULT_SPEED};
use crate::meter::FrameMeter;
use crate::pool::WorkerPool;
use crate::route::{Look, Route};
use crate::timeline::TraceRecorder;

/// Where a page build finds a Rust lesson's `main`
/// ([`asyncio_scenarios::main_of`] in the gallery's build; the build with the
/// interpreter has none, so that it links no lesson's code).
pub type Mains = fn(&str) -> Option<MainFn>;

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
    /// The speed slider moved to this stop of
    /// [`SPEED_STOPS`](crate::driver::SPEED_STOPS).
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
    /// The library modules the program imports were fetched (or not).
    ModulesFetched(Result<(), String>),
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
    /// Reload the page for the gallery's build, which runs the lesson the
    /// address names (see [`code::Switch::Lessons`]).
    ReloadForLessons,
}

/// The open scenario and its run.
struct Open {
    /// The lesson's Rust scenario; `None` for your own program and the
    /// lessons written in Python.
    scenario: Option<&'static Lesson>,
    /// The scenario's `main`, in the page build that runs the Rust lessons;
    /// the build with the interpreter runs the lesson's Python program.
    main: Option<MainFn>,
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
    /// The values pushed into the current run's loop, for Back's replay.
    pushes: Vec<Pushed>,
    /// Jobs the current run started on workers (real mode).
    jobs: Option<Rc<Cell<u32>>>,
    /// Since when a real-mode run waits for its workers to start (ms).
    warming_since: Option<f64>,
    /// Checks again whether they have (dropping it cancels).
    warm_timer: Option<Timeout>,
    /// Redraws the workers panel while a real-mode run goes on (its jobs
    /// run between the loop's iterations; dropping it cancels).
    panel_timer: Option<Interval>,
    /// When an instant run last showed its progress (`Date.now()`): see
    /// [`INSTANT_REFRESH_MS`].
    trace_shown_at: f64,
}

/// How often a running instant run shows its progress (counters, log,
/// timeline, inspector), in ms.
const INSTANT_REFRESH_MS: f64 = 250.0;

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
    /// The Rust lessons' code, in the page build that has it.
    mains: Option<Mains>,
    /// The library modules being fetched for the program in the editor.
    library: Option<library::LibraryFetch>,
    /// Set once the page is being handed to the other build: the address
    /// names the view that build opens, and stays as it is.
    switching: bool,
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
        mains: Option<Mains>,
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
            mains,
            library: None,
            switching: false,
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
            Msg::Open(Route::Code) => self.open_own_code()?,
            Msg::Open(route) => self.open_route(route)?,
            Msg::UrlChanged => self.url_changed()?,
            Msg::Param { index, text, from_slider } => self.edit_param(index, text, from_slider)?,
            Msg::Commit(index) => self.commit_param(index),
            Msg::Defaults => self.defaults()?,
            Msg::Mode(text) => self.choose_mode(&text)?,
            Msg::Speed(stop) => self.choose_speed(stop)?,
            Msg::Run => self.run()?,
            Msg::Pause => self.pause(),
            Msg::RunPause => {
                let running = self.driver_state() == Some(DriverState::Running);
                self.try_apply(if running { Msg::Pause } else { Msg::Run })?;
            }
            Msg::Step => self.step()?,
            Msg::Reset => self.reset(),
            Msg::Wake(token) => self.wake(token)?,
            Msg::External(run) => self.external(run)?,
            Msg::WorkersReady => self.workers_ready()?,
            Msg::ModulesFetched(fetched) => self.modules_fetched(fetched)?,
            Msg::Push => self.push()?,
            Msg::MeterIdle => self.meter_idle(),
            Msg::RefreshWorkers => self.show_workers(),
            Msg::Search(query) => self.view.filter_gallery(&query),
            Msg::SearchEnter => {
                if let Some(name) = self.view.only_match() {
                    self.try_apply(Msg::Open(Route::Scenario(name)))?;
                }
            }
            Msg::Scrub(t) => self.scrub(t),
            Msg::Hover(over) => self.show_hover(over),
            Msg::ToggleEmbed => self.toggle_embed()?,
            Msg::Copy(target) => self.copy(target),
            Msg::Copied(target, result) => self.show_copied(target, result),
            Msg::CodeEdited(text) => self.code_edited(text)?,
            Msg::ResetCode => self.reset_code()?,
            Msg::Share => self.share(),
            Msg::Shared(url) => self.show_shared(url),
            Msg::GoToLine(line) => self.go_to_line(line),
            Msg::Back => self.back()?,
            Msg::EditCode => {
                if self.python.is_none() {
                    self.switch_build(code::Switch::Interpreter, "edit")?;
                }
            }
            Msg::ReloadForLessons => self.reload_for_lessons()?,
        }
        Ok(())
    }

    /// The timeline's cursor moved to loop time `t`: the inspector follows,
    /// and the editor marks the tasks' lines then (unless the run moves).
    fn scrub(&mut self, t: f64) {
        if let Some(open) = &self.open {
            self.view.show_instant(&open.recorder, t);
        }
        if self.driver_state() != Some(DriverState::Running) {
            self.show_marks(Some(t));
        }
    }

    fn driver_state(&self) -> Option<DriverState> {
        self.open.as_ref().and_then(|o| o.driver.as_ref()).map(Driver::state)
    }

    /// Bring the controls, the state and the counters in line with the run
    /// (what they show is [`Panel::of`] the open view's situation).
    fn sync(&mut self) {
        let Some(open) = &self.open else {
            self.view.set_state(PageState::Idle);
            return;
        };
        let panel = Panel::of(&Situation {
            mode: self.mode,
            speed: self.speed,
            run: open.driver.as_ref().map(run_facts),
            starting: if self.run_waits_for_modules() {
                Some(Starting::Modules)
            } else {
                open.warming_since.is_some().then_some(Starting::Workers)
            },
            form_valid: open.form.is_valid(),
            problem: open.code.as_ref().and_then(|c| c.problem.as_ref()),
        });
        self.view.show_controls(&panel.controls);
        self.view.show_progress(&panel.progress);
        self.view.enable_push(panel.push.enabled, panel.push.why_not);
        self.show_workers();
        if let Some(driver) = open.driver.as_ref().filter(|d| d.state() != DriverState::Running) {
            // A stopped run shows all it did (an instant run draws only now
            // and then while it goes on).
            self.view.flush_log();
            self.view.show_trace(&open.recorder, driver.pacer().time());
        }
        self.view.set_state(panel.state);
        self.follow_meter();
        self.show_python();
        self.show_marks(panel.marks_at);
    }
}

/// What the controls need to know of a run.
fn run_facts(driver: &Driver) -> RunFacts {
    let pacer = driver.pacer();
    RunFacts {
        state: match driver.state() {
            DriverState::Running => RunState::Running,
            DriverState::Paused => RunState::Paused,
            DriverState::Finished => RunState::Finished,
        },
        mode: driver.mode(),
        iterations: pacer.iterations(),
        time: pacer.time(),
        lines: pacer.line_count(),
        waiting_for: driver.waiting_for(),
    }
}
