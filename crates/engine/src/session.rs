//! [`Session`]: `vclock.run` one iteration at a time, for drivers that
//! cannot block (the browser's paced and real modes, and the page's Step
//! button).
//!
//! A session does exactly what [`run`](crate::run) does, in the same order:
//! run `main` as a task until it is done, then cancel the tasks left and
//! wait for them, then close the loop. Between iterations the driver decides
//! how long to wait: [`Session::prepare`] says how far the clock must move
//! before the next iteration, [`Session::iterate`] moves it and runs the
//! iteration.

use std::future::Future as StdFuture;

use crate::event_loop::{is_exit_exception, EventLoop, Running};
use crate::exception::{Exception, PyResult};
use crate::future::{CallbackId, Future};
use crate::gather::gather_any;

/// Loop iterations in a row without the clock moving before a run counts as
/// a runaway (a loop of `sleep(0)` that never lets virtual time advance). The
/// heaviest legitimate run of the catalogue (thread_lock_counter at its
/// maxima: ten threads handing a lock over a million times each) makes
/// 20,000,003; the budget leaves it 2.5 times that.
pub const STALLED_ITERATION_BUDGET: u64 = 50_000_000;

/// What the driver should do next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Next {
    /// Wait `timeout` seconds of loop time (0: at once), then call
    /// [`Session::iterate`] with it.
    Iterate {
        /// Seconds of loop time; infinite when only an outside callback
        /// (a worker's result) can wake the loop.
        timeout: f64,
    },
    /// The run is over: read [`Session::outcome`].
    Finished,
}

/// Where a session is, for a driver: what [`Session::status`] returns.
#[derive(Debug, Clone, Copy)]
pub enum Status<'a> {
    /// Iterating: [`Session::prepare`] says when the next iteration is due.
    Running,
    /// The last [`Session::prepare`] found nothing to do but wait for an
    /// outside callback (a worker's result).
    WaitingForOutside,
    /// An outside callback (a worker's result, a value the page pushed)
    /// arrived after [`Session::prepare`] asked to wait: the driver should
    /// iterate now rather than wait out the timeout.
    OutsideArrived,
    /// Over: `main` returned (or the loop stopped), the clean-up included.
    Completed,
    /// Over: an exception escaped `main` or the clean-up.
    Raised(&'a Exception),
    /// Over: nothing was scheduled while tasks waited; `waiting` says on
    /// what each waited (`"Task-2: Lock lock (held by Task-1)"`).
    Deadlock {
        /// The oracle's `deadlock: ...` error.
        error: &'a Exception,
        /// `"Task-2: Lock lock (held by Task-1)"` for each waiting task.
        waiting: &'a [String],
    },
    /// Over: a task step never yielded, virtual time stopped moving, or the
    /// interpreter's memory ran out.
    Runaway(&'a Exception),
}

/// What a session does once the future it waits for is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionEnd {
    /// `asyncio.run`: cancel the tasks left, wait for them, close the loop.
    CleanupAndClose,
    /// `loop.run_until_complete(fut)`: stop there; the loop stays open.
    Stop,
}

/// The future a session waits for, without its type.
struct MainWait {
    done: Box<dyn Fn() -> bool>,
    /// `Ok` for a result: the caller reads the typed result from its future.
    outcome: Box<dyn Fn() -> PyResult<()>>,
    unhook: Option<Box<dyn FnOnce()>>,
}

enum Phase {
    /// Running until the main future is done (its callback stops the loop).
    Main(MainWait, SessionEnd),
    /// `loop.run_forever()`: running until `stop()`.
    Forever,
    /// Waiting for the cancelled leftovers (`gather(..., return_exceptions=True)`).
    Cleanup(Future<()>, CallbackId),
    Done,
}

/// One run of a main coroutine on a loop, iterated by the caller.
pub struct Session {
    event_loop: EventLoop,
    /// Held while the loop runs (a phase); dropping it leaves the state.
    running: Option<Running>,
    phase: Phase,
    outcome: Option<PyResult<()>>,
    iterations: u64,
    /// At a deadlock: what each waiting task waited on.
    deadlock_details: Vec<String>,
    /// The last `prepare` found only an outside callback to wait for.
    waiting_outside: bool,
    /// The last `prepare` asked to wait (a positive timeout) and no
    /// iteration has run since.
    prepared_wait: bool,
    /// Loop time at the last iteration, and iterations since it last moved.
    last_time: f64,
    stalled: u64,
    stall_budget: u64,
}

/// `_run_until_complete_cb`: stop the loop when `fut` is done, unless it
/// failed with KeyboardInterrupt or SystemExit (those already left the loop).
fn stopper<T: Clone + 'static>(fut: &Future<T>) -> CallbackId {
    let name = crate::CallbackName::Static(crate::callback_names::RUN_UNTIL_COMPLETE);
    fut.add_named_done_callback(name, |f: &Future<T>| {
        if !f.cancelled() && f.exception().ok().flatten().is_some_and(|e| is_exit_exception(&e)) {
            return;
        }
        if let Some(lp) = f.get_loop() {
            lp.stop();
        }
    })
}

/// Waits for `fut`: its stopper callback, and how to read its outcome.
fn wait_for<T: Clone + 'static>(fut: &Future<T>) -> MainWait {
    let id = stopper(fut);
    let (a, b, c) = (fut.clone(), fut.clone(), fut.clone());
    MainWait {
        done: Box::new(move || a.done()),
        outcome: Box::new(move || b.result().map(|_| ())),
        unhook: Some(Box::new(move || {
            c.remove_done_callback(id);
        })),
    }
}

impl Session {
    /// Start `main` on `event_loop` (it becomes `Task-1` on a fresh loop).
    /// The loop counts as running until the session finishes or is dropped.
    pub fn new(event_loop: &EventLoop, main: impl StdFuture<Output = PyResult<()>> + 'static) -> Session {
        let mut session = Session::blank(event_loop);
        let started = event_loop.enter_running().and_then(|running| {
            session.running = Some(running);
            event_loop.create_task(main)
        });
        match started {
            Ok(task) => {
                let fut = task.future().clone();
                session.phase = Phase::Main(wait_for(&fut), SessionEnd::CleanupAndClose);
            }
            Err(e) => {
                session.outcome = Some(Err(e));
                session.finish();
            }
        }
        session
    }

    fn blank(event_loop: &EventLoop) -> Session {
        Session {
            event_loop: event_loop.clone(),
            running: None,
            phase: Phase::Done,
            outcome: None,
            iterations: 0,
            deadlock_details: Vec::new(),
            waiting_outside: false,
            prepared_wait: false,
            last_time: event_loop.time(),
            stalled: 0,
            stall_budget: STALLED_ITERATION_BUDGET,
        }
    }

    /// `loop.run_until_complete(fut)` (with `SessionEnd::Stop`) or the run of
    /// an existing main task (`SessionEnd::CleanupAndClose`), one iteration
    /// at a time. Read the result from `fut` once the session is finished;
    /// [`outcome`](Self::outcome) says whether the loop stopped first.
    pub fn until<T: Clone + 'static>(event_loop: &EventLoop, fut: &Future<T>, end: SessionEnd) -> Session {
        let mut session = Session::blank(event_loop);
        // CPython's order: a closed or running loop first, then the future's
        // loop (the guard leaves the running state again on that error).
        let entered =
            event_loop.enter_running().and_then(|running| fut.check_loop(event_loop).map(|()| running));
        match entered {
            Ok(running) => {
                session.running = Some(running);
                session.phase = Phase::Main(wait_for(fut), end);
            }
            Err(e) => {
                session.outcome = Some(Err(e));
                session.phase = Phase::Done;
            }
        }
        session
    }

    /// `loop.run_forever()`, one iteration at a time: until `stop()`.
    pub fn forever(event_loop: &EventLoop) -> Session {
        let mut session = Session::blank(event_loop);
        match event_loop.enter_running() {
            Ok(running) => {
                session.running = Some(running);
                session.phase = Phase::Forever;
            }
            Err(e) => session.outcome = Some(Err(e)),
        }
        session
    }

    /// The loop the session runs on.
    pub fn event_loop(&self) -> &EventLoop {
        &self.event_loop
    }

    /// Iterations run so far.
    pub fn iterations(&self) -> u64 {
        self.iterations
    }

    /// True once the run is over.
    pub fn is_finished(&self) -> bool {
        matches!(self.phase, Phase::Done)
    }

    /// How `main` ended: `None` while running; an exception that escaped it,
    /// or the clean-up's, as [`run`](crate::run) returns them.
    pub fn outcome(&self) -> Option<&PyResult<()>> {
        self.outcome.as_ref()
    }

    /// Where the run is: iterating, waiting for an outside callback, or how
    /// it ended.
    pub fn status(&self) -> Status<'_> {
        match &self.outcome {
            _ if !self.is_finished() && self.prepared_wait && self.event_loop.ready_len() > 0 => {
                Status::OutsideArrived
            }
            _ if !self.is_finished() && self.waiting_outside && self.event_loop.expects_external() => {
                Status::WaitingForOutside
            }
            _ if !self.is_finished() => Status::Running,
            None | Some(Ok(())) => Status::Completed,
            Some(Err(e)) if e.is_runaway() => Status::Runaway(e),
            Some(Err(e)) if e.is_deadlock() => Status::Deadlock { error: e, waiting: &self.deadlock_details },
            Some(Err(e)) => Status::Raised(e),
        }
    }

    /// After a deadlock: `"Task-2: Lock lock (held by Task-1)"` for each task that waited
    /// forever, in creation order (what the oracle's one-line message does
    /// not say).
    pub fn deadlock_details(&self) -> &[String] {
        &self.deadlock_details
    }

    /// First half of an iteration: how far the clock must move before the
    /// next one. A loop with nothing scheduled (a deadlock) ends the phase
    /// with that error, as `run` would, and moves on.
    pub fn prepare(&mut self) -> Next {
        loop {
            if matches!(self.phase, Phase::Done) {
                return Next::Finished;
            }
            match self.event_loop.prepare_iteration() {
                Some(timeout) => {
                    self.prepared_wait = timeout > 0.0;
                    return Next::Iterate { timeout };
                }
                None if self.event_loop.expects_external() => {
                    // Something outside (a worker) will call back: wait.
                    self.waiting_outside = true;
                    self.prepared_wait = true;
                    return Next::Iterate { timeout: f64::INFINITY };
                }
                None => self.end_in_deadlock(),
            }
        }
    }

    /// Second half: advance the clock by `timeout` (as `select` would), move
    /// due timers to the ready queue and run what is ready.
    pub fn iterate(&mut self, timeout: f64) {
        if matches!(self.phase, Phase::Done) {
            return;
        }
        self.waiting_outside = false;
        self.prepared_wait = false;
        if timeout.is_finite() {
            self.event_loop.select(timeout);
        }
        // The time the iteration ran at: virtual time moves only in select.
        let now = self.event_loop.finish_iteration();
        self.iterations += 1;
        if now == self.last_time {
            self.stalled += 1;
        } else {
            self.last_time = now;
            self.stalled = 0;
        }
        if let Some(exc) = self.event_loop.take_raised() {
            // KeyboardInterrupt / SystemExit leave run_forever at once.
            self.end_phase(Err(exc));
        } else if let Some(runaway) = self.event_loop.runaway() {
            self.stop_runaway(runaway);
        } else if self.stalled > self.stall_budget {
            let names = self.event_loop.ready_task_names().join(", ");
            let message = format!(
                "runaway: virtual time has not moved for {} loop iterations; still running: {names}",
                self.stall_budget
            );
            self.stop_runaway(Exception::runaway(message));
        } else if self.event_loop.is_stopping() {
            self.end_phase(Ok(()));
        }
    }

    /// `prepare` + `iterate` without waiting: one whole iteration.
    pub fn step(&mut self) -> Next {
        match self.prepare() {
            Next::Iterate { timeout } => {
                self.iterate(timeout);
                self.prepare()
            }
            Next::Finished => Next::Finished,
        }
    }

    /// Run to the end without waiting (instant mode, and the blocking
    /// [`run`](crate::run)). Nothing can arrive from outside while this
    /// blocks, so a loop left waiting only for an outside callback is a
    /// deadlock here.
    pub fn run_to_end(&mut self) {
        while let Next::Iterate { timeout } = self.prepare() {
            if timeout.is_infinite() {
                self.end_in_deadlock();
                continue;
            }
            self.iterate(timeout);
        }
    }

    /// Change how many iterations without the clock moving count as a
    /// runaway (see [`STALLED_ITERATION_BUDGET`]).
    pub fn set_stall_budget(&mut self, iterations: u64) {
        self.stall_budget = iterations;
    }

    /// Nothing can wake the loop: end the phase with the oracle's deadlock,
    /// keeping what each task waited on (before the clean-up cancels them).
    fn end_in_deadlock(&mut self) {
        let deadlock = self.event_loop.deadlock();
        self.deadlock_details = self.event_loop.describe_waiting();
        self.end_phase(Err(deadlock));
    }

    /// A runaway ends the run at once: no clean-up, which would run the
    /// runaway code again.
    fn stop_runaway(&mut self, runaway: Exception) {
        self.running = None;
        self.outcome = Some(Err(runaway));
        self.finish();
    }

    /// True when the run ended because a task never yielded or virtual time
    /// stopped moving.
    pub fn is_runaway(&self) -> bool {
        matches!(&self.outcome, Some(Err(e)) if e.is_runaway())
    }

    /// `run_forever` returned (stop() or an error): finish the phase.
    fn end_phase(&mut self, stopped: PyResult<()>) {
        self.running = None;
        match std::mem::replace(&mut self.phase, Phase::Done) {
            Phase::Main(mut wait, end) => {
                if let Some(unhook) = wait.unhook.take() {
                    unhook();
                }
                let outcome =
                    stopped
                        .and_then(|()| if (wait.done)() { (wait.outcome)() } else { Err(stopped_early()) });
                self.outcome = Some(outcome);
                match end {
                    SessionEnd::CleanupAndClose => self.start_cleanup(),
                    SessionEnd::Stop => self.phase = Phase::Done,
                }
            }
            Phase::Forever => {
                self.outcome = Some(stopped);
                self.phase = Phase::Done;
            }
            Phase::Cleanup(fut, id) => {
                fut.remove_done_callback(id);
                let cleaned =
                    stopped.and_then(|()| if fut.done() { fut.result() } else { Err(stopped_early()) });
                if let Err(e) = cleaned {
                    // An exception in the `finally` replaces main's outcome.
                    self.outcome = Some(Err(e));
                }
                self.finish();
            }
            Phase::Done => {}
        }
    }

    /// The `finally` of `vclock.run`: cancel what is left and wait for it.
    fn start_cleanup(&mut self) {
        let tasks = self.event_loop.all_tasks();
        if tasks.is_empty() {
            self.finish();
            return;
        }
        for task in &tasks {
            task.cancel(None);
        }
        let all = gather_any(&self.event_loop, tasks.iter().map(|t| t.as_future()).collect());
        match self.event_loop.enter_running() {
            Ok(running) => {
                self.running = Some(running);
                let id = stopper(&all);
                self.phase = Phase::Cleanup(all, id);
            }
            Err(e) => {
                self.outcome = Some(Err(e));
                self.finish();
            }
        }
    }

    fn finish(&mut self) {
        self.phase = Phase::Done;
        let _ = self.event_loop.close();
    }
}

impl Drop for Session {
    /// A session dropped mid-run (Reset, a new run) releases the loop.
    fn drop(&mut self) {
        if !matches!(self.phase, Phase::Done) {
            self.running = None;
            self.phase = Phase::Done;
            let _ = self.event_loop.close();
        }
    }
}

/// `run_until_complete`'s error when the loop stopped first.
fn stopped_early() -> Exception {
    Exception::runtime_error("Event loop stopped before Future completed.")
}

/// The blocking `run_forever` and `run_until_complete`: a [`Session`] run to
/// its end, so they behave exactly as a driver's iterations do.
impl EventLoop {
    /// `loop.run_forever()`: iterate until `stop()`.
    ///
    /// # Errors
    /// A closed or already running loop; a deadlock (nothing scheduled while
    /// tasks wait) as `Deadlock: deadlock: ...`; a runaway.
    pub fn run_forever(&self) -> PyResult<()> {
        let mut session = Session::forever(self);
        session.run_to_end();
        session.outcome.take().unwrap_or(Ok(()))
    }

    /// `loop.run_until_complete(future)`: run until `future` is done and
    /// return its result (or raise its exception).
    ///
    /// # Errors
    /// The future's exception; `RuntimeError` for a closed or running loop or
    /// when the loop stopped before the future completed; `ValueError` for a
    /// future of another loop; a deadlock; a runaway.
    pub fn run_until_complete<T: Clone + 'static>(&self, future: &Future<T>) -> PyResult<T> {
        let mut session = Session::until(self, future, SessionEnd::Stop);
        session.run_to_end();
        session.outcome.take().unwrap_or(Ok(()))?;
        future.result()
    }
}
