//! The controller's part for a run's life: a new run of the open view, Run,
//! Pause, Step and Reset, the driver's timers and ticks, values pushed into
//! the loop, what each slice printed and drew, and the frame meter.

use std::rc::Rc;

use asyncio_engine::EventLoop;
use asyncio_scenarios::{parse_push, Params};
use gloo_timers::callback::{Interval, Timeout};
use wasm_bindgen::JsValue;

use super::pool::shared_pool;
use super::{Controller, Msg, Open, INSTANT_REFRESH_MS};
use crate::code::{Interpreter, Setup};
use crate::driver::{new_loop, Driver, DriverState, Lines, Mode, Pacer, Pushed, RealClockControl};
use crate::page::explain::explain;
use crate::page::workers::RunWorkers;

/// How often the workers panel is redrawn during a real-mode run, in ms.
const PANEL_REFRESH_MS: u32 = 250;

/// How long the meter keeps measuring after a run ends or pauses, in ms.
const METER_TAIL_MS: u32 = 500;

impl Controller {
    /// A fresh paused run of the open scenario with the form's values.
    fn new_driver(&mut self) -> Result<(), JsValue> {
        self.new_run(None)
    }

    /// A fresh paused run with `params` (default: the form's values).
    pub(super) fn new_run(&mut self, params: Option<Params>) -> Result<(), JsValue> {
        self.abandon_jobs("a new run started");
        let mode = self.mode;
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
        open.pushes.clear();
        open.warming_since = None;
        open.warm_timer = None;
        if mode == Mode::Real {
            let run = open.run_id;
            let notify = post.clone();
            let workers =
                RunWorkers::new(shared_pool(&mut self.pool), Rc::new(move || notify(Msg::External(run))));
            open.jobs = Some(workers.started());
            event_loop.set_workers(Rc::new(workers));
        }
        open.recorder.clear();
        event_loop.set_tracer(open.recorder.tracer());
        let wake: Rc<dyn Fn(u64)> = Rc::new(move |token| post(Msg::Wake(token)));
        let params = params.unwrap_or_else(|| open.form.params());
        open.run_params = Some(params.clone());
        let pacer = start_pacer(open, self.python.as_ref(), event_loop, clock.clone(), params, mode)?;
        open.driver = Some(Driver::new(pacer, clock, mode, self.speed, wake)?);
        self.view.show_trace(&open.recorder, 0.0);
        self.view.clear_log();
        self.view.show_explanation(None);
        Ok(())
    }

    /// Start a run, or continue a paused one (a real-mode run that uses
    /// workers first waits for them to start).
    pub(super) fn run(&mut self) -> Result<(), JsValue> {
        if !self.ready_to_go()? {
            return Ok(());
        }
        if self.waiting_for_modules(Msg::Run) || self.waiting_for_workers() {
            self.sync();
            return Ok(());
        }
        if let Some(driver) = self.open.as_mut().and_then(|o| o.driver.as_mut()) {
            driver.play()?;
        }
        self.sync();
        Ok(())
    }

    /// Run one loop iteration (of a new run if none is paused).
    pub(super) fn step(&mut self) -> Result<(), JsValue> {
        if !self.ready_to_go()? {
            return Ok(());
        }
        if self.waiting_for_modules(Msg::Step) {
            self.sync();
            return Ok(());
        }
        if let Some(driver) = self.open.as_mut().and_then(|o| o.driver.as_mut()) {
            driver.step();
        }
        self.after_slice();
        Ok(())
    }

    /// Before Run or Step: a paused run is ready, a finished one (or none)
    /// is replaced by a new run if the form and the program allow; false
    /// when there is nothing to do (no view, a run going on, a run that
    /// cannot start).
    fn ready_to_go(&mut self) -> Result<bool, JsValue> {
        let Some(open) = &self.open else { return Ok(false) };
        match open.driver.as_ref().map(Driver::state) {
            Some(DriverState::Running) => Ok(false),
            Some(DriverState::Paused) => Ok(true),
            None | Some(DriverState::Finished) => {
                if !open.can_run() {
                    return Ok(false);
                }
                self.new_driver()?;
                Ok(true)
            }
        }
    }

    /// Pause the run (and stop waiting for its workers or modules).
    pub(super) fn pause(&mut self) {
        self.forget_waiting_run();
        if let Some(open) = self.open.as_mut() {
            open.warming_since = None;
            open.warm_timer = None;
        }
        if let Some(driver) = self.open.as_mut().and_then(|o| o.driver.as_mut()) {
            driver.pause();
        }
        self.sync();
    }

    /// Stop the run and clear its output.
    pub(super) fn reset(&mut self) {
        self.abandon_jobs("the run was reset");
        self.forget_waiting_run();
        let Some(open) = &mut self.open else { return };
        // Dropping the driver cancels its timer and closes its loop.
        open.driver = None;
        open.recorder.clear();
        self.view.show_trace(&open.recorder, 0.0);
        self.view.clear_log();
        self.view.show_explanation(None);
        self.sync();
    }

    /// A run's timer or tick fired with `token`.
    pub(super) fn wake(&mut self, token: u64) -> Result<(), JsValue> {
        let Some(driver) = self.open.as_mut().and_then(|o| o.driver.as_mut()) else { return Ok(()) };
        if driver.on_wake(token)? {
            self.after_slice();
        }
        Ok(())
    }

    /// A callback from outside the loop was queued in run `run`.
    pub(super) fn external(&mut self, run: u64) -> Result<(), JsValue> {
        let Some(open) = self.open.as_mut() else { return Ok(()) };
        if open.run_id != run {
            return Ok(()); // a job of an earlier run
        }
        let Some(driver) = open.driver.as_mut() else { return Ok(()) };
        driver.on_external()?;
        self.after_slice();
        Ok(())
    }

    /// Push the push box's value into the running loop, as the seed's
    /// consumer thread would (`call_soon_threadsafe`).
    pub(super) fn push(&mut self) -> Result<(), JsValue> {
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
        let Some(open) = self.open.as_mut() else { return Ok(()) };
        let Some(driver) = open.driver.as_mut() else { return Ok(()) };
        let pushed = match driver.pacer().event_loop() {
            Some(event_loop) => event_loop.push(value.trim()),
            None => Err("no loop is running now".to_string()),
        };
        match pushed {
            Ok(()) => {
                let after = driver.pacer().iterations();
                open.pushes.push(Pushed { after, value: value.trim().to_string() });
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

    /// Show what the last slice (or step) of the run did. A running instant
    /// run shows its progress every [`INSTANT_REFRESH_MS`]: each change to
    /// the page costs the browser a layout, which at every slice (8 ms) took
    /// longer than the slice.
    pub(super) fn after_slice(&mut self) {
        let Some(open) = self.open.as_mut() else { return };
        let Some(driver) = open.driver.as_mut() else { return };
        let lines = driver.take_lines();
        let instant = driver.mode() == Mode::Instant;
        self.view.append_log(&lines, !instant);
        let now = js_sys::Date::now();
        let running = driver.state() == DriverState::Running;
        if instant && running && now - open.trace_shown_at < INSTANT_REFRESH_MS {
            return;
        }
        open.trace_shown_at = now;
        self.view.flush_log();
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

    /// Measure frames while the run goes on; stop a moment after it stops.
    /// Redraw the workers panel meanwhile in real mode.
    pub(super) fn follow_meter(&mut self) {
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

    /// The run stopped a while ago: stop measuring frames.
    pub(super) fn meter_idle(&mut self) {
        let running = self.driver_state() == Some(DriverState::Running);
        if let Some(open) = self.open.as_mut() {
            open.meter_stop = None;
            if let (Some(meter), false) = (open.meter.as_mut(), running) {
                meter.stop();
            }
        }
    }
}

/// The `cpus` a program run with `params` gets: the lesson's parameter when
/// it has one (its `os.cpu_count()`, as `pyrun.py --cpus`), else the
/// default. From the run's parameters, so that a replay (Back) gets the same.
fn cpus(params: &Params) -> u32 {
    match params.get("cpus") {
        Some(asyncio_scenarios::Value::Int(n)) => u32::try_from(*n).unwrap_or(crate::code::python::CPUS),
        _ => crate::code::python::CPUS,
    }
}

/// The run's pacer: the program in the editor run by the interpreter, or
/// the lesson's Rust scenario on `event_loop`.
fn start_pacer(
    open: &Open,
    python: Option<&Rc<dyn Interpreter>>,
    event_loop: EventLoop,
    clock: Option<RealClockControl>,
    params: Params,
    mode: Mode,
) -> Result<Pacer, JsValue> {
    match (open.program_to_run(), python, open.main) {
        (Some(source), Some(python), _) => {
            // The program makes its own loops: each gets the recorder and,
            // in real mode, the Web Workers its executor jobs sleep on.
            let workers = event_loop.workers();
            drop(event_loop);
            let recorder = open.recorder.clone();
            let lines = Lines::default();
            let on_loop = move |event_loop: &EventLoop| {
                event_loop.set_tracer(recorder.tracer());
                if let Some(workers) = &workers {
                    event_loop.set_workers(workers.clone());
                }
            };
            let setup = Setup {
                lines: lines.clone(),
                on_loop: Box::new(on_loop),
                real_clock: clock,
                cpus: cpus(&params),
            };
            match python.start(&source, setup) {
                Ok(run) => Ok(Pacer::new(run, lines, mode)),
                Err(diagnostic) => Err(diagnostic.message.into()),
            }
        }
        (_, _, Some(main)) => Ok(Pacer::start(&event_loop, main, params, mode)),
        _ => Err("this program needs the Python interpreter".into()),
    }
}
