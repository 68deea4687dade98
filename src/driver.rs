//! Running a scenario in the browser without ever blocking the page.
//!
//! The engine's [`Session`] runs one loop iteration at a time: `prepare()`
//! says how far the clock must move before the next iteration, `iterate()`
//! moves it and runs the iteration. This module decides *when* to call them,
//! in the three modes of the page ([`Mode`]):
//!
//! - **instant**: no waiting at all; the loop runs in slices of at most a
//!   budget of iterations, and the page gets control back between slices;
//! - **paced**: the virtual schedule replayed against wall time: a wait of
//!   `timeout` loop seconds becomes one browser timer of `timeout / speed`
//!   real seconds, then `iterate(timeout)` (the virtual clock jumps by
//!   exactly `timeout`, so the output is the same as instant mode's);
//! - **real**: the loop reads a [`RealClock`]; a wait of `timeout` seconds is
//!   a timer of `timeout` real seconds, and `select` does nothing since the
//!   driver has already waited.
//!
//! [`Pacer`] is that logic, free of the browser (host tests drive it);
//! `Driver` (wasm only) adds the browser's timers: one pending timer for the
//! next deadline, and a `MessageChannel` tick between slices of zero-timeout
//! iterations (a nested `setTimeout(0)` is clamped to 4 ms).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use asyncio_engine::{Clock, EventLoop, Next, Session, Status};
use asyncio_scenarios::{report, MainFn, Params};

/// How the page drives the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Virtual clock, run to completion as fast as possible.
    Instant,
    /// Virtual clock, its waits replayed in real time at a speed.
    Paced,
    /// `loop.time()` is the page's clock; sleeps are real.
    Real,
}

impl Mode {
    /// Every mode, in the order the page offers them.
    pub const ALL: [Mode; 3] = [Mode::Instant, Mode::Paced, Mode::Real];
    /// The mode a page opens in.
    pub const DEFAULT: Mode = Mode::Paced;

    /// The mode's name in the URL (`mode=paced`).
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Instant => "instant",
            Mode::Paced => "paced",
            Mode::Real => "real",
        }
    }

    /// The mode called `text` (as [`Mode::as_str`] writes it).
    pub fn parse(text: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == text)
    }

    /// The mode's name on the page.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Instant => "Instant",
            Mode::Paced => "Paced",
            Mode::Real => "Real time",
        }
    }

    /// One sentence saying what the mode does.
    pub fn describe(self) -> &'static str {
        match self {
            Mode::Instant => "Instant: a virtual clock, run to the end at once.",
            Mode::Paced => "Paced: the virtual clock's waits replayed in real time, at the chosen speed.",
            Mode::Real => {
                "Real time: loop.time() follows your computer's clock, sleeps really wait and \
                 executor jobs run in Web Workers on your other cores; the order of lines may \
                 then differ from CPython's, as real asyncio's does."
            }
        }
    }
}

/// The slowest paced speed.
pub const MIN_SPEED: f64 = 0.25;
/// The fastest paced speed.
pub const MAX_SPEED: f64 = 100.0;
/// The speed a page opens with: one virtual second per real second.
pub const DEFAULT_SPEED: f64 = 1.0;
/// The stops of the page's speed slider (any speed in range is accepted
/// from the URL).
pub const SPEED_STOPS: [f64; 10] = [0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 50.0, 100.0];

/// The slider stop nearest to `speed` (on a log scale).
pub fn speed_stop(speed: f64) -> usize {
    let distance = |stop: f64| (stop.ln() - speed.ln()).abs();
    let mut best = 0;
    for (i, &stop) in SPEED_STOPS.iter().enumerate() {
        if distance(stop) < distance(SPEED_STOPS[best]) {
            best = i;
        }
    }
    best
}

/// `speed` as the page and the URL write it: `1`, `0.25`, `2.5`.
pub fn speed_text(speed: f64) -> String {
    format!("{speed}")
}

/// A wall clock in seconds since the run started: `loop.time()` in real
/// mode. The driver has already waited when the loop calls `select`, so
/// `select` does nothing.
///
/// The clock can be paused (loop time stands still while the page's Pause
/// is on) and skipped forward (the Step button does not wait).
pub struct RealClock {
    /// Milliseconds from some fixed origin (`performance.now()`).
    now_ms: fn() -> f64,
    control: RealClockControl,
}

/// The driver's handle on a [`RealClock`] the loop owns.
#[derive(Clone)]
pub struct RealClockControl {
    now_ms: fn() -> f64,
    /// The wall time (ms) that is loop time 0.
    origin_ms: Rc<Cell<f64>>,
    /// When the clock was paused, if it is.
    paused_at_ms: Rc<Cell<Option<f64>>>,
}

/// How long a `time.sleep` on the loop thread really blocks the page in real
/// mode; the rest of a longer sleep moves the clock without blocking, so a
/// long sleep never freezes the tab.
pub const MAX_BLOCKING_SLEEP: f64 = 1.0;

impl RealClock {
    /// A clock at 0 now, reading `now_ms` (`performance.now()` in the page).
    pub fn new(now_ms: fn() -> f64) -> RealClock {
        let control = RealClockControl {
            now_ms,
            origin_ms: Rc::new(Cell::new(now_ms())),
            paused_at_ms: Rc::new(Cell::new(None)),
        };
        RealClock { now_ms, control }
    }

    /// Another clock showing the same time as the one `control` controls
    /// (a program's next loop, on the same page clock).
    pub fn sharing(control: &RealClockControl) -> RealClock {
        RealClock { now_ms: control.now_ms, control: control.clone() }
    }

    /// The handle to pause, resume and skip this clock.
    pub fn control(&self) -> RealClockControl {
        self.control.clone()
    }
}

impl Clock for RealClock {
    fn time(&self) -> f64 {
        self.control.time()
    }
    fn select(&mut self, _timeout: f64) {}
    fn blocking_sleep(&mut self, d: f64) {
        // Nothing to sleep (or not a number).
        if d.is_nan() || d <= 0.0 {
            return;
        }
        // A real time.sleep blocks the thread: nothing else on the page runs
        // meanwhile (that is the lesson). Up to a cap, then jump the rest.
        let blocked = d.min(MAX_BLOCKING_SLEEP);
        let until = (self.now_ms)() + blocked * 1000.0;
        while (self.now_ms)() < until {}
        self.control.skip(d - blocked);
    }
}

impl RealClockControl {
    /// The clock's time in seconds.
    pub fn time(&self) -> f64 {
        let now = self.paused_at_ms.get().unwrap_or_else(self.now_ms);
        (now - self.origin_ms.get()) / 1000.0
    }
    /// Stop the clock (no effect when it is stopped).
    pub fn pause(&self) {
        if self.paused_at_ms.get().is_none() {
            self.paused_at_ms.set(Some((self.now_ms)()));
        }
    }
    /// Start it again where it stopped.
    pub fn resume(&self) {
        if let Some(paused_at) = self.paused_at_ms.take() {
            self.origin_ms.set(self.origin_ms.get() + ((self.now_ms)() - paused_at));
        }
    }
    /// Move the clock `seconds` forward at once.
    pub fn skip(&self, seconds: f64) {
        if seconds > 0.0 {
            self.origin_ms.set(self.origin_ms.get() - seconds * 1000.0);
        }
    }
}

/// What a [`Pacer`] needs next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum After {
    /// The slice used its budget: give the page control, then continue.
    Yield,
    /// Wait this many seconds of loop time, then call
    /// [`Pacer::iterate_prepared`] and continue.
    Wait(f64),
    /// The run is over; its last lines (a Traceback or deadlock line) are
    /// in the output.
    Finished,
}

/// What a [`Pacer`] drives: a lesson's engine [`Session`] ([`LessonRun`])
/// or an interpreted Python program (the page's `code` module). Both run
/// one loop iteration at a time with the same protocol.
pub trait Run {
    /// How far the clock must move before the next iteration, or `Finished`.
    fn prepare(&mut self) -> Next;
    /// Move the clock by `timeout` and run one iteration.
    fn iterate(&mut self, timeout: f64);
    /// Loop iterations run so far.
    fn iterations(&self) -> u64;
    /// The loop running now: a program may run several loops one after the
    /// other, and none between them.
    fn event_loop(&self) -> Option<EventLoop>;
    /// True when an outside callback (a worker's result, a push) arrived
    /// after `prepare` asked to wait: iterate now rather than wait.
    fn outside_arrived(&self) -> bool;
    /// At a deadlock, what each task was waiting on (`name: what`).
    fn waiting(&self) -> Vec<String>;
    /// Print how the run ended (called once, after `prepare` returned
    /// `Finished`).
    fn report(&mut self);
    /// What the run wrote to stderr (a program's full traceback).
    fn stderr(&self) -> String {
        String::new()
    }
    /// The code a program exited with through `sys.exit`, once finished.
    fn exit_code(&self) -> Option<i32> {
        None
    }
}

/// A lesson's run: the scenario's engine session.
pub struct LessonRun {
    session: Session,
}

impl LessonRun {
    /// Start a lesson's `main` with `params` on `event_loop`.
    pub fn start(event_loop: &EventLoop, main: MainFn, params: Params) -> LessonRun {
        LessonRun { session: Session::new(event_loop, main(params)) }
    }
}

impl Run for LessonRun {
    fn prepare(&mut self) -> Next {
        self.session.prepare()
    }
    fn iterate(&mut self, timeout: f64) {
        self.session.iterate(timeout);
    }
    fn iterations(&self) -> u64 {
        self.session.iterations()
    }
    fn event_loop(&self) -> Option<EventLoop> {
        Some(self.session.event_loop().clone())
    }
    fn outside_arrived(&self) -> bool {
        matches!(self.session.status(), Status::OutsideArrived)
    }
    fn waiting(&self) -> Vec<String> {
        match self.session.status() {
            Status::Deadlock { waiting, .. } => waiting.to_vec(),
            _ => Vec::new(),
        }
    }
    fn report(&mut self) {
        report(&self.session);
    }
}

/// Where printed lines go: the pacer takes them from here.
pub type Lines = Rc<RefCell<Vec<String>>>;

/// One run of a scenario or a program, advanced a slice at a time: the
/// mode's logic without the browser's timers.
pub struct Pacer {
    run: Box<dyn Run>,
    mode: Mode,
    lines: Lines,
    /// The timeout `prepare()` returned and `iterate()` has not used yet.
    prepared: Option<f64>,
    /// Set once the end has been reported (`report` prints at most once).
    reported: bool,
    /// What each task waited on when the loop found nothing left to run.
    waiting: Vec<String>,
    line_count: usize,
    /// The time of the last iteration's loop (kept when a program's loop ends).
    last_time: f64,
    /// The iterations run early because something came from outside:
    /// (iterations before it, loop time it waited), for a replay (Back).
    early: Vec<(u64, f64)>,
}

/// A value pushed into a run's loop (`EventLoop::push`) after `after`
/// iterations, kept so that a replay (Back) pushes it again at that point.
#[derive(Debug, Clone, PartialEq)]
pub struct Pushed {
    /// Iterations the run had made when the value was pushed.
    pub after: u64,
    /// The value, as pushed.
    pub value: String,
}

impl Pacer {
    /// Start a lesson's `main` with `params` on `event_loop` (whose clock
    /// the mode chose). The loop's output goes to this pacer's lines.
    pub fn start(event_loop: &EventLoop, main: MainFn, params: Params, mode: Mode) -> Pacer {
        let lines = Lines::default();
        let sink = lines.clone();
        event_loop.set_output(move |line| sink.borrow_mut().push(line.to_string()));
        Pacer::new(Box::new(LessonRun::start(event_loop, main, params)), lines, mode)
    }

    /// Drive `run`, whose printed lines arrive in `lines`.
    pub fn new(run: Box<dyn Run>, lines: Lines, mode: Mode) -> Pacer {
        Pacer {
            run,
            mode,
            lines,
            prepared: None,
            reported: false,
            waiting: Vec::new(),
            line_count: 0,
            last_time: 0.0,
            early: Vec::new(),
        }
    }

    /// The loop this run is on now, if any.
    pub fn event_loop(&self) -> Option<EventLoop> {
        self.run.event_loop()
    }

    /// Loop iterations run so far.
    pub fn iterations(&self) -> u64 {
        self.run.iterations()
    }

    /// `loop.time()` now (the last loop's, between a program's loops).
    pub fn time(&self) -> f64 {
        self.run.event_loop().map_or(self.last_time, |l| l.time())
    }

    /// True once the run is over and reported.
    pub fn is_finished(&self) -> bool {
        self.reported
    }

    /// Lines printed since the last call.
    pub fn take_lines(&mut self) -> Vec<String> {
        let lines = std::mem::take(&mut *self.lines.borrow_mut());
        self.line_count += lines.len();
        lines
    }

    /// Lines taken so far.
    pub fn line_count(&self) -> usize {
        self.line_count
    }

    /// At a deadlock, what each task was waiting on (`name: what`).
    pub fn waiting(&self) -> &[String] {
        &self.waiting
    }

    /// What the run wrote to stderr (a program's full traceback).
    pub fn stderr(&self) -> String {
        self.run.stderr()
    }

    /// The code a program exited with through `sys.exit`.
    pub fn exit_code(&self) -> Option<i32> {
        self.run.exit_code()
    }

    /// True when something from outside (a worker's result, a push)
    /// arrived while the run waited.
    pub fn outside_arrived(&self) -> bool {
        self.run.outside_arrived()
    }

    /// The timeout of the next iteration: the prepared one, or a fresh
    /// `prepare()`. `None` when the run is over (then reported).
    fn next_timeout(&mut self) -> Option<f64> {
        if let Some(timeout) = self.prepared.take() {
            return Some(timeout);
        }
        if let Some(event_loop) = self.run.event_loop() {
            self.last_time = event_loop.time();
        }
        match self.run.prepare() {
            Next::Iterate { timeout } => Some(timeout),
            Next::Finished => {
                if !self.reported {
                    self.reported = true;
                    self.run.report();
                    self.waiting = self.run.waiting();
                }
                None
            }
        }
    }

    /// Run at most `budget` iterations. Instant mode never waits; the other
    /// modes stop at the first iteration that must wait at least `min_wait`
    /// seconds of loop time (shorter waits are not worth a timer).
    pub fn run(&mut self, budget: u32, min_wait: f64) -> After {
        let mut done = 0;
        loop {
            let Some(timeout) = self.next_timeout() else { return After::Finished };
            if self.mode != Mode::Instant && timeout > 0.0 && timeout >= min_wait {
                self.prepared = Some(timeout);
                return After::Wait(timeout);
            }
            if done >= budget {
                self.prepared = Some(timeout);
                return After::Yield;
            }
            self.run.iterate(timeout);
            done += 1;
        }
    }

    /// The wait [`Pacer::run`] asked for is over: run that iteration.
    pub fn iterate_prepared(&mut self) {
        if let Some(timeout) = self.prepared.take() {
            self.run.iterate(timeout);
        }
    }

    /// Something outside the loop (a worker's result, a pushed value) was
    /// queued while the pending iteration waited, `left` seconds of loop time
    /// before its deadline: run that iteration now, as `select` returns
    /// early when `call_soon_threadsafe` writes to the self-pipe. The clock
    /// moves only by the time that really passed.
    pub fn iterate_early(&mut self, left: f64) {
        if let Some(timeout) = self.prepared.take() {
            let waited = if timeout.is_finite() && left.is_finite() {
                (timeout - left).clamp(0.0, timeout)
            } else {
                0.0
            };
            self.iterate_waited(waited);
        }
    }

    /// Run the pending iteration early, `waited` seconds of loop time into
    /// its wait, and remember that for a replay.
    fn iterate_waited(&mut self, waited: f64) {
        self.early.push((self.run.iterations(), waited));
        self.run.iterate(waited);
    }

    /// Replay `iterations` iterations of an earlier run of the same program
    /// without waiting (Back): the values it was pushed go in after the same
    /// iterations (those pushed after the last one too: they wait in the
    /// loop), and the iterations it ran early (`early`, that run's
    /// [`Pacer::early`]) move the clock as far as they did then. Returns
    /// whether the run is over.
    pub fn replay(&mut self, iterations: u64, pushes: &[Pushed], early: &[(u64, f64)]) -> bool {
        for _ in 0..iterations {
            let at = self.run.iterations();
            self.push_again(pushes, at);
            let over = match early.iter().find(|(i, _)| *i == at) {
                Some(&(_, waited)) => match self.next_timeout() {
                    Some(_) => {
                        self.iterate_waited(waited);
                        self.look_ahead()
                    }
                    None => true,
                },
                None => self.step(),
            };
            if over {
                return true;
            }
        }
        // A value pushed after the last of these iterations waits in the
        // loop, as it did then.
        self.push_again(pushes, self.run.iterations());
        false
    }

    fn push_again(&self, pushes: &[Pushed], at: u64) {
        for pushed in pushes.iter().filter(|p| p.after == at) {
            if let Some(event_loop) = self.run.event_loop() {
                // Refused now as it was then (a closed loop): nothing to replay.
                let _ = event_loop.push(&pushed.value);
            }
        }
    }

    /// The iterations this run made early (see [`Pacer::replay`]).
    pub fn early(&self) -> &[(u64, f64)] {
        &self.early
    }

    /// The loop time the pending iteration still waits for (0 when none).
    pub fn prepared_timeout(&self) -> f64 {
        self.prepared.unwrap_or(0.0)
    }

    /// Run exactly one iteration now, whatever it would have waited for.
    /// Returns whether the run is over.
    pub fn step(&mut self) -> bool {
        if let Some(timeout) = self.next_timeout() {
            self.run.iterate(timeout);
        }
        self.look_ahead()
    }

    /// [`Pacer::step`] when something from outside (a push, a worker's
    /// result) arrived while the pending iteration still had `left` seconds
    /// of loop time to wait: the loop would have stopped waiting, so the
    /// iteration runs at the time already waited instead of skipping ahead.
    pub fn step_early(&mut self, left: f64) -> bool {
        if self.prepared.is_some() {
            self.iterate_early(left);
        } else if let Some(timeout) = self.next_timeout() {
            self.run.iterate(timeout);
        }
        self.look_ahead()
    }

    /// Prepare the next iteration, so that a run whose last iteration this
    /// was ends now; returns whether it did.
    fn look_ahead(&mut self) -> bool {
        match self.next_timeout() {
            Some(timeout) => {
                self.prepared = Some(timeout);
                false
            }
            None => true,
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{new_loop, now_ms, Driver, DriverState};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::Cell;
    use std::rc::Rc;

    use asyncio_engine::EventLoop;
    use gloo_timers::callback::Timeout;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{MessageChannel, MessageEvent};

    use super::{After, Mode, Pacer, Pushed, RealClock, RealClockControl};

    /// `performance.now()` in milliseconds (0 where there is none).
    pub fn now_ms() -> f64 {
        thread_local! {
            static PERFORMANCE: Option<web_sys::Performance> =
                web_sys::window().and_then(|w| w.performance());
        }
        PERFORMANCE.with(|p| p.as_ref().map_or(0.0, |p| p.now()))
    }

    /// A loop for `mode`: a virtual clock, or a [`RealClock`] and its handle.
    pub fn new_loop(mode: Mode) -> (EventLoop, Option<RealClockControl>) {
        match mode {
            Mode::Instant | Mode::Paced => (EventLoop::new(), None),
            Mode::Real => {
                let clock = RealClock::new(now_ms);
                let control = clock.control();
                (EventLoop::with_clock(Box::new(clock)), Some(control))
            }
        }
    }

    /// Where a run is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum DriverState {
        Running,
        Paused,
        Finished,
    }

    /// How long one slice of iterations should take, in ms: short enough
    /// that the page keeps drawing frames and answering clicks.
    const SLICE_MS: f64 = 8.0;
    /// Paced waits shorter than this (real ms) are not given a timer.
    const MIN_TIMER_MS: f64 = 0.5;
    /// The longest a browser timer can be (2^31 - 1 ms).
    const MAX_TIMER_MS: f64 = 2_147_483_647.0;

    thread_local! {
        /// Wake tokens, unique across runs, so that a wake meant for a
        /// cancelled timer or an old run is recognised and ignored.
        static NEXT_TOKEN: Cell<u64> = const { Cell::new(1) };
    }

    fn next_token() -> u64 {
        NEXT_TOKEN.with(|t| {
            let token = t.get();
            t.set(token + 1);
            token
        })
    }

    /// A posted message that calls back on the next turn of the browser's
    /// event loop, without `setTimeout`'s 4 ms clamp. The channel and its
    /// handler are removed when this is dropped.
    struct Ticker {
        channel: MessageChannel,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
    }

    impl Ticker {
        /// Each tick calls `wake` with the token it was posted with.
        fn new(wake: Rc<dyn Fn(u64)>) -> Result<Ticker, JsValue> {
            let channel = MessageChannel::new()?;
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(token) = event.data().as_f64() {
                    wake(token as u64);
                }
            });
            channel.port1().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            Ok(Ticker { channel, _on_message: on_message })
        }

        fn tick(&self, token: u64) -> Result<(), JsValue> {
            // Tokens stay far below 2^53, so the f64 is exact.
            self.channel.port2().post_message(&JsValue::from_f64(token as f64))
        }
    }

    impl Drop for Ticker {
        fn drop(&mut self) {
            let port1 = self.channel.port1();
            port1.set_onmessage(None);
            port1.close();
            self.channel.port2().close();
        }
    }

    /// A wait in progress, in loop time: `loop_left` seconds were left at
    /// `started_ms`, to be waited in `delay_ms` real milliseconds.
    struct Wait {
        _timer: Timeout,
        loop_left: f64,
        started_ms: f64,
        delay_ms: f64,
    }

    impl Wait {
        /// Loop time still to wait at `now`.
        fn left(&self, now: f64) -> f64 {
            if self.delay_ms <= 0.0 {
                return 0.0;
            }
            let done = ((now - self.started_ms) / self.delay_ms).clamp(0.0, 1.0);
            self.loop_left * (1.0 - done)
        }
    }

    /// One run on the page: a [`Pacer`] and the one timer or tick that
    /// continues it. Dropping the driver cancels both (and the run).
    pub struct Driver {
        pacer: Pacer,
        mode: Mode,
        speed: f64,
        clock: Option<RealClockControl>,
        state: DriverState,
        /// Called (from a timer or a tick) with the token it was armed with.
        wake: Rc<dyn Fn(u64)>,
        ticker: Ticker,
        /// The token of the one pending wake; others are stale.
        token: u64,
        wait: Option<Wait>,
        /// The loop time a paused run still had to wait.
        paused_left: Option<f64>,
        /// Iterations per slice, adapted to take about [`SLICE_MS`].
        budget: u32,
    }

    impl Driver {
        /// A paused run driven by `pacer` (whose loop has the real clock
        /// `clock` controls, in real mode). `wake(token)` must come back to
        /// [`Driver::on_wake`] from a fresh call stack (the page posts it as
        /// a message).
        pub fn new(
            pacer: Pacer,
            clock: Option<RealClockControl>,
            mode: Mode,
            speed: f64,
            wake: Rc<dyn Fn(u64)>,
        ) -> Result<Driver, JsValue> {
            let ticker = Ticker::new(wake.clone())?;
            if let Some(clock) = &clock {
                clock.pause();
            }
            Ok(Driver {
                pacer,
                mode,
                speed,
                clock,
                state: DriverState::Paused,
                wake,
                ticker,
                token: 0,
                wait: None,
                paused_left: None,
                budget: 64,
            })
        }

        pub fn state(&self) -> DriverState {
            self.state
        }
        pub fn mode(&self) -> Mode {
            self.mode
        }
        pub fn pacer(&self) -> &Pacer {
            &self.pacer
        }
        pub fn take_lines(&mut self) -> Vec<String> {
            self.pacer.take_lines()
        }
        /// The loop time the run is waiting for (the next timer), if it is.
        pub fn waiting_for(&self) -> Option<f64> {
            self.wait.as_ref().map(|wait| wait.loop_left)
        }

        /// Forget the pending wake (its timer is cleared on drop).
        fn disarm(&mut self) {
            self.token = 0;
            self.wait = None;
        }

        /// Continue on the next turn of the browser's loop.
        fn arm_tick(&mut self) -> Result<(), JsValue> {
            self.disarm();
            self.token = next_token();
            self.ticker.tick(self.token)
        }

        /// Wait `loop_left` seconds of loop time (in real time at this
        /// mode's speed), then run the prepared iteration.
        fn arm_wait(&mut self, loop_left: f64) -> Result<(), JsValue> {
            let rate = if self.mode == Mode::Paced { self.speed } else { 1.0 };
            let delay_ms = (loop_left / rate * 1000.0).clamp(0.0, MAX_TIMER_MS);
            self.disarm();
            let token = next_token();
            let wake = self.wake.clone();
            let timer = Timeout::new(delay_ms.ceil() as u32, move || wake(token));
            self.token = token;
            self.wait = Some(Wait { _timer: timer, loop_left, started_ms: now_ms(), delay_ms });
            Ok(())
        }

        /// Start or continue the run.
        pub fn play(&mut self) -> Result<(), JsValue> {
            if self.state != DriverState::Paused {
                return Ok(());
            }
            self.state = DriverState::Running;
            if let Some(clock) = &self.clock {
                clock.resume();
            }
            match self.paused_left.take() {
                // Something from outside arrived while paused: no more waiting.
                Some(left) if left > 0.0 && self.pacer.outside_arrived() => {
                    self.pacer.iterate_early(left);
                    self.arm_tick()
                }
                Some(left) if left > 0.0 => self.arm_wait(left),
                Some(_) => {
                    // The wait was over when the run paused.
                    self.pacer.iterate_prepared();
                    self.arm_tick()
                }
                None => self.arm_tick(),
            }
        }

        /// Pause after the current slice (at once: slices never overlap a
        /// call from the page). A wait in progress keeps what is left.
        pub fn pause(&mut self) {
            if self.state != DriverState::Running {
                return;
            }
            self.state = DriverState::Paused;
            if let Some(wait) = &self.wait {
                self.paused_left = Some(wait.left(now_ms()));
            }
            if let Some(clock) = &self.clock {
                clock.pause();
            }
            self.disarm();
        }

        /// Run exactly one loop iteration now (the run must be paused):
        /// what it would have waited for is skipped.
        pub fn step(&mut self) {
            if self.state != DriverState::Paused {
                return;
            }
            let left = self.paused_left.take().unwrap_or_else(|| self.pacer.prepared_timeout());
            if self.pacer.outside_arrived() {
                // A push or a worker's result came in while paused: the loop
                // stops waiting rather than skipping to its next timer.
                if self.pacer.step_early(left) {
                    self.state = DriverState::Finished;
                }
                return;
            }
            if let Some(clock) = &self.clock {
                // A real clock must reach the deadline the iteration waits
                // for (none when it waits only for a worker).
                if left.is_finite() {
                    clock.skip(left);
                }
            }
            if self.pacer.step() {
                self.state = DriverState::Finished;
            }
        }

        /// Run `iterations` loop iterations at once without waiting (a
        /// replay of an earlier run: Back, see [`Pacer::replay`]), and stay
        /// paused after them.
        pub fn replay(&mut self, iterations: u64, pushes: &[Pushed], early: &[(u64, f64)]) {
            if self.state == DriverState::Paused && self.pacer.replay(iterations, pushes, early) {
                self.state = DriverState::Finished;
            }
        }

        /// Change the paced speed; a wait in progress continues at it.
        pub fn set_speed(&mut self, speed: f64) -> Result<(), JsValue> {
            self.speed = speed;
            if self.state == DriverState::Running && self.mode == Mode::Paced {
                if let Some(wait) = &self.wait {
                    let left = wait.left(now_ms());
                    return self.arm_wait(left);
                }
            }
            Ok(())
        }

        /// A callback from outside the loop was queued (a worker's result, a
        /// value pushed from the page): stop waiting and run it now. Nothing
        /// to do when a tick is already due or the run is paused (Play and
        /// Step pick it up) or over.
        pub fn on_external(&mut self) -> Result<(), JsValue> {
            if self.state != DriverState::Running {
                return Ok(());
            }
            let Some(wait) = self.wait.take() else { return Ok(()) };
            let left = if self.mode == Mode::Paced { wait.left(now_ms()) } else { 0.0 };
            self.pacer.iterate_early(left);
            self.arm_tick()
        }

        /// A timer or tick fired with `token`. Runs the next slice and arms
        /// the next wake; returns false (and does nothing) for a stale token.
        pub fn on_wake(&mut self, token: u64) -> Result<bool, JsValue> {
            if token == 0 || token != self.token || self.state != DriverState::Running {
                return Ok(false);
            }
            if self.wait.take().is_some() {
                self.pacer.iterate_prepared();
            }
            self.token = 0;
            let min_wait = match self.mode {
                Mode::Paced => MIN_TIMER_MS / 1000.0 * self.speed,
                Mode::Instant | Mode::Real => 0.0,
            };
            let started = now_ms();
            let after = self.pacer.run(self.budget, min_wait);
            let elapsed = now_ms() - started;
            if after == After::Yield {
                if elapsed < SLICE_MS / 2.0 {
                    self.budget = self.budget.saturating_mul(2).min(1 << 20);
                } else if elapsed > SLICE_MS * 1.5 {
                    self.budget = (self.budget / 2).max(1);
                }
            }
            match after {
                After::Yield => self.arm_tick()?,
                After::Wait(timeout) => self.arm_wait(timeout)?,
                After::Finished => self.state = DriverState::Finished,
            }
            Ok(true)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncio_scenarios::{find, parse_args, run_to_lines};

    fn pacer(name: &str, args: &[&str], mode: Mode) -> Pacer {
        let scenario = find(name).expect("a known scenario");
        let params = parse_args(scenario.params(), args).expect("valid parameters");
        Pacer::start(&EventLoop::new(), scenario.main, params, mode)
    }

    fn expected(name: &str, args: &[&str]) -> Vec<String> {
        let scenario = find(name).expect("a known scenario");
        run_to_lines(&scenario, parse_args(scenario.params(), args).expect("valid parameters"))
    }

    /// Drive `pacer` as the page would, waiting no real time; returns the
    /// lines and the loop-time waits asked for.
    fn drive(mut pacer: Pacer, budget: u32) -> (Vec<String>, Vec<f64>) {
        let mut lines = Vec::new();
        let mut waits = Vec::new();
        loop {
            let after = pacer.run(budget, 0.0);
            lines.extend(pacer.take_lines());
            match after {
                After::Yield => {}
                After::Wait(timeout) => {
                    waits.push(timeout);
                    pacer.iterate_prepared();
                }
                After::Finished => break,
            }
        }
        assert!(pacer.is_finished());
        (lines, waits)
    }

    #[test]
    fn instant_slices_print_what_a_whole_run_prints() {
        for (name, args) in [
            ("tasks_say_after_create_task", &["delay1=0.5", "delay2=3"][..]),
            ("tasks_gather_exception", &[][..]),
            ("sync_semaphore_fetch", &["numbers=20", "limit=4"][..]),
            ("thread_condition_ping_pong", &["fun2_first=1"][..]),
        ] {
            for budget in [1, 7, 1000] {
                let (lines, waits) = drive(pacer(name, args, Mode::Instant), budget);
                assert_eq!(lines, expected(name, args), "{name} {args:?} budget {budget}");
                assert!(waits.is_empty(), "instant mode never waits");
            }
        }
    }

    #[test]
    fn paced_waits_are_the_virtual_schedule() {
        let (lines, waits) = drive(pacer("tasks_say_after_sequential", &[], Mode::Paced), 100);
        assert_eq!(lines, expected("tasks_say_after_sequential", &[]));
        // hello after 1 s, world 2 s later.
        assert_eq!(waits, vec![1.0, 2.0]);
    }

    #[test]
    fn a_callback_from_outside_during_a_wait_is_seen_and_run_early() {
        let mut pacer = pacer("tasks_say_after_sequential", &[], Mode::Paced);
        let After::Wait(timeout) = pacer.run(100, 0.0) else { panic!("the lesson waits 1 s first") };
        assert_eq!(timeout, 1.0);
        assert!(!pacer.outside_arrived(), "nothing came from outside yet");
        let event_loop = pacer.event_loop().expect("a running loop");
        event_loop.call_soon_threadsafe(|| {}).expect("the loop is open");
        assert!(pacer.outside_arrived());
        // A quarter of the wait was left: the loop's clock moves 0.75 s.
        pacer.iterate_early(0.25);
        assert!(!pacer.outside_arrived());
        assert_eq!(event_loop.time(), 0.75);
    }

    /// Drive a paced run to its end, pushing `value` into its loop (as the
    /// page's push box does) at the first wait, `left` seconds before its
    /// deadline: the lines, the iterations, the push and the pacer.
    fn run_with_push(value: &str, left: f64) -> (Vec<String>, u64, Vec<Pushed>, Pacer) {
        let mut pacer = pacer("thread_redis_consumer", &[], Mode::Paced);
        let mut lines = Vec::new();
        let mut pushes = Vec::new();
        loop {
            let after = pacer.run(1000, 0.0);
            lines.extend(pacer.take_lines());
            match after {
                After::Wait(timeout) if pushes.is_empty() => {
                    let after = pacer.iterations();
                    assert!(timeout > left, "a wait of {timeout} s");
                    pacer.event_loop().expect("a running loop").push(value).expect("the seed takes pushes");
                    pushes.push(Pushed { after, value: value.to_string() });
                    pacer.iterate_early(left);
                }
                After::Wait(_) => pacer.iterate_prepared(),
                After::Yield => {}
                After::Finished => break,
            }
        }
        lines.extend(pacer.take_lines());
        (lines, pacer.iterations(), pushes, pacer)
    }

    #[test]
    fn a_replay_pushes_again_what_was_pushed_and_waits_as_long_as_the_run_did() {
        let (lines, iterations, pushes, original) = run_with_push("2", 0.25);
        let at = pushes[0].after;
        assert_eq!(original.early().len(), 1, "the push cut the first wait short");
        assert_eq!(original.early()[0].0, at);
        let early = original.early().to_vec();
        drop(original);
        // One run at a time: a pacer's loop is the running loop until dropped.
        let replayed = |upto: u64, pushes: &[Pushed], early: &[(u64, f64)]| {
            let mut replay = pacer("thread_redis_consumer", &[], Mode::Paced);
            let over = replay.replay(upto, pushes, early);
            (replay.take_lines(), replay.iterations(), over)
        };
        let (again, n, over) = replayed(iterations, &pushes, &early);
        assert_eq!(again, lines, "the replay prints what the run printed");
        assert_eq!(n, iterations);
        assert!(over, "the replay reaches the end");
        for upto in [at + 1, at, 1] {
            let (part, n, _) = replayed(upto, &pushes, &early);
            assert_eq!(n, upto);
            assert_eq!(part, lines[..part.len()], "replayed to {upto}, the run's first lines");
        }
        // Replayed to just before it was taken, the pushed value waits in
        // the loop: the next step takes it.
        let mut replay = pacer("thread_redis_consumer", &[], Mode::Paced);
        replay.replay(at, &pushes, &early);
        replay.take_lines();
        replay.step();
        assert!(replay.take_lines().iter().any(|l| l.ends_with("redis-cli lpush queue 2")));
        drop(replay);
        // Without what came from outside, the run is another one.
        assert_ne!(replayed(iterations, &[], &[]).0, lines);
    }

    #[test]
    fn paced_min_wait_skips_short_timers_but_not_their_order() {
        let name = "queue_stop_signals";
        let mut pacer = pacer(name, &[], Mode::Paced);
        let mut lines = Vec::new();
        loop {
            let after = pacer.run(1000, 0.05);
            lines.extend(pacer.take_lines());
            match after {
                After::Wait(timeout) => {
                    assert!(timeout >= 0.05);
                    pacer.iterate_prepared();
                }
                After::Yield => {}
                After::Finished => break,
            }
        }
        assert_eq!(lines, expected(name, &[]));
    }

    #[test]
    fn steps_run_one_iteration_each() {
        let name = "tasks_gather_factorial";
        let mut pacer = pacer(name, &[], Mode::Paced);
        let mut lines = Vec::new();
        let mut steps = 0;
        loop {
            let before = pacer.iterations();
            let over = pacer.step();
            assert_eq!(pacer.iterations(), before + 1);
            steps += 1;
            lines.extend(pacer.take_lines());
            if over {
                break;
            }
        }
        assert_eq!(lines, expected(name, &[]));
        assert_eq!(steps as u64, pacer.iterations());
        // A finished run steps no more.
        assert!(pacer.step());
        assert_eq!(steps as u64, pacer.iterations());
    }

    #[test]
    fn a_deadlock_says_what_the_tasks_wait_on() {
        let (lines, _) = drive(pacer("thread_rlock", &["reentrant=0"], Mode::Instant), 10);
        assert!(lines.last().is_some_and(|l| l.contains("deadlock:")), "{lines:?}");
        let mut pacer = pacer("thread_rlock", &["reentrant=0"], Mode::Instant);
        while pacer.run(1000, 0.0) != After::Finished {}
        assert!(!pacer.waiting().is_empty());
    }

    #[test]
    fn a_push_during_a_paced_wait_runs_at_the_time_really_waited() {
        let name = "thread_background_loop_queue";
        let mut pacer = pacer(name, &[], Mode::Paced);
        // The first wait: 3 s of loop time until the second coroutine ends.
        assert_eq!(pacer.run(100, 0.0), After::Wait(3.0));
        // One second into it, the page pushes a 1 s coroutine.
        pacer.event_loop().unwrap().push("1").unwrap();
        pacer.iterate_early(2.0);
        assert_eq!(pacer.time(), 1.0);
        let (lines, waits) = drive(pacer, 100);
        assert_eq!(waits[0], 1.0, "the pushed coroutine's sleep comes first");
        assert!(lines.iter().any(|l| l.starts_with("[    1.000] pushed from the page")), "{lines:#?}");
        assert!(lines.iter().any(|l| l == "[    2.000] pushed-1 协程运行完.."), "{lines:#?}");
        assert!(lines.iter().any(|l| l == "[    6.000] 第一个 协程运行完.."), "{lines:#?}");
    }

    #[test]
    fn a_step_after_a_push_runs_it_without_skipping_to_the_next_timer() {
        let mut pacer = pacer("thread_background_loop_queue", &[], Mode::Paced);
        assert_eq!(pacer.run(100, 0.0), After::Wait(3.0));
        pacer.event_loop().unwrap().push("1").unwrap();
        // Paused 0.5 s into the 3 s wait, then Step.
        assert!(!pacer.step_early(2.5));
        assert_eq!(pacer.time(), 0.5);
        let lines = pacer.take_lines();
        assert_eq!(lines.last().map(String::as_str), Some("[    0.500] pushed from the page: run_coroutine_threadsafe(do_sleep(1, queue, \"pushed-1\"), new_loop)"));
        // The next step runs the pushed coroutine's first step, still at 0.5 s.
        assert!(!pacer.step());
        assert_eq!(pacer.time(), 0.5);
        let (lines, _) = drive(pacer, 100);
        assert!(lines.iter().any(|l| l == "[    1.500] pushed-1 协程运行完.."), "{lines:#?}");
    }

    #[test]
    fn the_real_clock_pauses_and_skips() {
        thread_local!(static NOW: Cell<f64> = const { Cell::new(1000.0) });
        fn now() -> f64 {
            NOW.with(Cell::get)
        }
        let set = |ms: f64| NOW.with(|n| n.set(ms));
        let clock = RealClock::new(now);
        let control = clock.control();
        assert_eq!(clock.time(), 0.0);
        set(1500.0);
        assert_eq!(clock.time(), 0.5);
        control.pause();
        set(4000.0);
        assert_eq!(clock.time(), 0.5);
        control.resume();
        assert_eq!(clock.time(), 0.5);
        set(4250.0);
        assert_eq!(clock.time(), 0.75);
        control.skip(2.0);
        assert_eq!(clock.time(), 2.75);
    }

    #[test]
    fn modes_and_speeds_have_names() {
        for mode in Mode::ALL {
            assert_eq!(Mode::parse(mode.as_str()), Some(mode));
        }
        assert_eq!(Mode::parse("fast"), None);
        assert_eq!(speed_text(1.0), "1");
        assert_eq!(speed_text(0.25), "0.25");
        assert_eq!(SPEED_STOPS[speed_stop(1.0)], 1.0);
        assert_eq!(SPEED_STOPS[speed_stop(4.0)], 5.0);
        assert_eq!(SPEED_STOPS[speed_stop(100.0)], 100.0);
        assert_eq!(SPEED_STOPS[speed_stop(0.3)], 0.25);
    }
}
