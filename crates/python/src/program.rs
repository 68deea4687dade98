//! A running program, driven one loop iteration at a time.
//!
//! The module body is an async evaluator future that nothing but its
//! driver polls. When it runs a loop (`asyncio.run`, `run_until_complete`,
//! `run_forever`) it hands the driver an engine [`Session`] for that run and
//! waits ([`drive`]); the driver iterates the session, the way the page
//! iterates a lesson's, and resumes the body when the session is finished.
//! [`Program::prepare`] / [`Program::iterate`] mirror `Session`'s, so the
//! page's paced, step and real modes drive a program like a lesson; the
//! command line runs it to the end.

use std::cell::{Cell, RefCell};
use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use crate::ast::Module;
use crate::host::Host;
use crate::interp::exec::{exec_block, Flow};
use crate::interp::{exc, with, Budgets, Frame, Interp};
use crate::runner::{Report, Status};
use asyncio_engine::{EventLoop, Exception, Future, Next, PyResult, Session, SessionEnd};

/// One loop run the program waits for.
pub struct Drive {
    session: RefCell<Option<Session>>,
    outcome: RefCell<Option<PyResult<()>>>,
    finished: Cell<bool>,
}

/// Runs `lp` until `fut` is done (`SessionEnd::Stop`), through the driver.
pub async fn drive<T: Clone + 'static>(lp: &EventLoop, fut: &Future<T>) -> PyResult<()> {
    let session = Session::until(lp, fut, SessionEnd::Stop);
    hand_over(session).await
}

/// `loop.run_forever()` through the driver: until `stop()`.
pub async fn drive_forever(lp: &EventLoop) -> PyResult<()> {
    hand_over(Session::forever(lp)).await
}

async fn hand_over(mut session: Session) -> PyResult<()> {
    session.set_stall_budget(crate::interp::interp().budgets.stalled_iterations);
    let d = Rc::new(Drive {
        session: RefCell::new(Some(session)),
        outcome: RefCell::new(None),
        finished: Cell::new(false),
    });
    *crate::interp::interp().host.pending.borrow_mut() = Some(d.clone());
    std::future::poll_fn(move |_| {
        if d.finished.get() {
            Poll::Ready(d.outcome.borrow_mut().take().unwrap_or(Ok(())))
        } else {
            Poll::Pending
        }
    })
    .await
}

type Body = Pin<Box<dyn StdFuture<Output = PyResult<()>>>>;

/// A compiled program being run.
pub struct Program {
    it: Rc<Interp>,
    body: Option<Body>,
    drive: Option<Rc<Drive>>,
    report: Option<Report>,
    /// At a deadlock: what each waiting task waited on (the engine's words).
    deadlock_details: Vec<String>,
}

impl Program {
    /// Prepares `module` to run (nothing runs until [`prepare`](Self::prepare)).
    pub fn new(module: Rc<Module>, host: Rc<Host>, budgets: Budgets, source: &str) -> Program {
        let it = Interp::new(host, budgets);
        let body = with(&it, || start(&it, module, source));
        Program { it, body: Some(body), drive: None, report: None, deadlock_details: Vec::new() }
    }

    /// The interpreter (for tests and the page's inspector).
    pub fn interp(&self) -> &Rc<Interp> {
        &self.it
    }

    /// How far the clock must move before the next iteration, or `Finished`.
    pub fn prepare(&mut self) -> Next {
        let it = self.it.clone();
        with(&it, || self.prepare_in())
    }

    fn prepare_in(&mut self) -> Next {
        loop {
            if let Some(d) = self.drive.clone() {
                let next = d.session.borrow_mut().as_mut().map(Session::prepare).unwrap_or(Next::Finished);
                if let Next::Iterate { .. } = next {
                    let ran = d.session.borrow().as_ref().map(Session::iterations).unwrap_or(0);
                    if ran < self.it.budgets.max_iterations {
                        return next;
                    }
                    self.stop_long_run(ran);
                    continue;
                }
                let session = d.session.borrow_mut().take();
                if let Some(s) = &session {
                    if !s.deadlock_details().is_empty() {
                        self.deadlock_details = s.deadlock_details().to_vec();
                    }
                    if let (true, Some(Err(e))) = (s.is_runaway(), s.outcome()) {
                        // The loop stopped a runaway: nothing of the program runs on.
                        *self.it.stopped.borrow_mut() = Some(e.clone());
                        crate::interp::budget::stop();
                    }
                }
                *d.outcome.borrow_mut() = Some(match session.as_ref().and_then(Session::outcome) {
                    Some(o) => o.clone(),
                    None => Ok(()),
                });
                d.finished.set(true);
                self.drive = None;
            }
            let Some(body) = self.body.as_mut() else { return Next::Finished };
            let mut cx = Context::from_waker(std::task::Waker::noop());
            match body.as_mut().poll(&mut cx) {
                Poll::Ready(outcome) => {
                    self.body = None;
                    self.report = Some(finish(&self.it, outcome));
                    return Next::Finished;
                }
                Poll::Pending => match self.it.host.pending.borrow_mut().take() {
                    Some(d) => self.drive = Some(d),
                    None => {
                        self.body = None;
                        let e = Exception::runtime_error("the program waited outside any event loop");
                        self.report = Some(finish(&self.it, Err(e)));
                        return Next::Finished;
                    }
                },
            }
        }
    }

    /// A loop run past its iteration budget: the program stops with a runaway.
    fn stop_long_run(&mut self, ran: u64) {
        let Some(d) = &self.drive else { return };
        let now = d.session.borrow().as_ref().map(|s| s.event_loop().time()).unwrap_or(0.0);
        let e = Exception::runaway(format!(
            "runaway: the loop ran {ran} iterations (virtual time {})",
            asyncio_engine::pyfmt::float_repr(now)
        ));
        *self.it.stopped.borrow_mut() = Some(e.clone());
        crate::interp::budget::stop();
        // Dropping the session releases its loop.
        d.session.borrow_mut().take();
        *d.outcome.borrow_mut() = Some(Err(e));
        d.finished.set(true);
        self.drive = None;
    }

    /// Moves the clock by `timeout` and runs one iteration of the running loop.
    pub fn iterate(&mut self, timeout: f64) {
        let it = self.it.clone();
        with(&it, || {
            if let Some(d) = &self.drive {
                if let Some(s) = d.session.borrow_mut().as_mut() {
                    s.iterate(timeout);
                }
            }
        });
    }

    /// One whole iteration without waiting.
    pub fn step(&mut self) -> Next {
        match self.prepare() {
            Next::Iterate { timeout } => {
                self.iterate(timeout);
                self.prepare()
            }
            Next::Finished => Next::Finished,
        }
    }

    /// Runs to the end without waiting (instant mode, the command line).
    pub fn run_to_end(&mut self) -> Report {
        while let Next::Iterate { timeout } = self.prepare() {
            self.iterate(timeout);
        }
        self.report.clone().unwrap_or(Report { status: Status::Finished, stderr: String::new() })
    }

    /// The loop running now, if any (for the page's inspector).
    pub fn running_loop(&self) -> Option<EventLoop> {
        let d = self.drive.as_ref()?;
        let s = d.session.borrow();
        s.as_ref().map(|s| s.event_loop().clone())
    }

    /// True when an outside callback (a worker's result, a push) arrived
    /// after the running loop's `prepare` asked to wait: iterate now.
    pub fn outside_arrived(&self) -> bool {
        self.drive.as_ref().is_some_and(|d| {
            let s = d.session.borrow();
            s.as_ref().is_some_and(|s| matches!(s.status(), asyncio_engine::Status::OutsideArrived))
        })
    }

    /// After a deadlock: `"Task-2: Event (unset)"` for each task that waited forever.
    pub fn deadlock_details(&self) -> &[String] {
        &self.deadlock_details
    }

    pub fn is_finished(&self) -> bool {
        self.report.is_some()
    }

    /// How the run ended, once finished.
    pub fn report(&self) -> Option<&Report> {
        self.report.as_ref()
    }
}

impl Drop for Program {
    /// Frees what the run made. Functions hold their module, whose globals
    /// hold them: without breaking that loop every run's objects would stay
    /// in memory for good (the page runs many programs in one tab).
    fn drop(&mut self) {
        let it = self.it.clone();
        with(&it, || {
            crate::native::gen::discarding(|| {
                self.drive = None;
                self.body = None;
                it.teardown();
            });
            // What the teardown freed has nowhere to report to.
            asyncio_engine::finalize::discard_finalizers();
        });
    }
}

/// The module body as a future (the frame and the tree live inside it).
fn start(it: &Rc<Interp>, module: Rc<Module>, source: &str) -> Body {
    crate::modules::asyncio::loops::reset();
    crate::modules::concurrent::reset();
    crate::modules::asyncio::sync::reset();
    asyncio_engine::finalize::discard_finalizers();
    crate::interp::budget::start(it.budgets.step_statements);
    let filename = it.host.filename.borrow().clone();
    let main = crate::interp::Module::new("__main__", &filename, source);
    main.set("__name__", crate::value::Value::str("__main__"));
    main.set("__file__", crate::value::Value::Str(filename.clone()));
    *it.main_module.borrow_mut() = Some(main.clone());
    *it.host.tree.borrow_mut() = Some(module.clone());
    let frame = Rc::new(Frame::new(main, Rc::from("<module>"), 0, Vec::new()));
    let running = frame.clone();
    let body = async move {
        match exec_block(&module.body, &frame).await {
            Ok(Flow::Normal) | Ok(_) => Ok(()),
            Err(e) => Err(e),
        }
    };
    // The module's frame is the outermost running one while its body runs.
    Box::pin(crate::interp::frames::Within::new(running, body))
}

/// pyrun.py's end of a run: the escaped exception's line, worker threads
/// finishing their jobs, the last partial line.
fn finish(it: &Interp, outcome: PyResult<()>) -> Report {
    let mut status = Status::Finished;
    if let Err(e) = outcome {
        status = report(it, &e);
    }
    if matches!(status, Status::Finished | Status::Exit(_)) {
        if let Err(e) = crate::modules::concurrent::wind_up() {
            status = report(it, &e);
        }
    }
    it.host.end_line();
    if matches!(status, Status::Finished | Status::Exit(_)) {
        shut_down(it);
    }
    let stderr = it.host.stderr.borrow().clone();
    Report { status, stderr }
}

/// Python's exit clears the main module: what that frees reports at last
/// (a task that failed unseen: "Task exception was never retrieved").
fn shut_down(it: &Interp) {
    let Some(main) = it.main_module.borrow().clone() else { return };
    // pyrun.py's trace has ended: what `__del__`s print now is plain text
    // (`sys.stdout` is the real stdout again).
    it.host.set_unstamped();
    let sys = it.modules.borrow().get("sys").cloned();
    if let Some(sys) = sys {
        let plain = crate::value::Value::native(crate::modules::sys::Stream { stderr: false, plain: true });
        let _ = crate::interp::attr::setattr(&sys, "stdout", plain);
    }
    // The `__del__`s run while the namespace is intact.
    crate::interp::finalize::at_exit(&main.values_in_order());
    let pending = crate::modules::asyncio::handler::pending_at_exit();
    let globals = main.take_in_order();
    // In the order they were bound (a dict's order), a list's items from
    // the first (CPython's collector frees them in creation order, roughly).
    let free = |value: crate::value::Value| {
        drop(value);
        asyncio_engine::run_finalizers();
        crate::interp::finalize::run_pending();
    };
    for (_, value) in globals {
        if let crate::value::Value::List(l) = &value {
            let items = std::mem::take(&mut *l.borrow_mut());
            items.into_iter().for_each(free);
        }
        free(value);
    }
    crate::modules::asyncio::handler::destroyed_pending(pending);
}

/// pyrun.py's last line for an exception that escaped the program.
fn report(it: &Interp, e: &Exception) -> Status {
    let stopped = it.stopped.borrow().clone();
    if let Some(r) = stopped.or_else(|| e.is_runaway().then(|| e.clone())) {
        it.host.trace_line(r.message());
        it.host.write_stderr(&format!("{}\n", r.message()));
        return Status::Runaway(r.message().to_string());
    }
    if e.is_deadlock() {
        it.host.trace_line(e.message());
        return Status::Finished;
    }
    let inst = exc::instance(e);
    if &*inst.class.name == "SystemExit" && inst.class.module.as_ref() == "builtins" {
        // Python exits quietly with the code (a message is printed to stderr).
        let arg = inst.exc.as_ref().and_then(|d| d.args.borrow().first().cloned());
        return match arg {
            None | Some(crate::value::Value::None) => Status::Exit(0),
            Some(crate::value::Value::Int(n)) => Status::Exit(n as i32),
            Some(other) => {
                let text = crate::interp::text::str(&other).unwrap_or_default();
                it.host.write_stderr(&format!("{text}\n"));
                Status::Exit(1)
            }
        };
    }
    it.host.write_stderr(&crate::traceback::format_uncaught(e));
    if &*inst.class.name == "KeyboardInterrupt" && inst.class.module.as_ref() == "builtins" {
        // pyrun.py lets it through: Python's traceback and 128 + SIGINT.
        return Status::Exit(130);
    }
    it.host.trace_line(&format!("Traceback: {}", exc::last_line(e)));
    Status::Finished
}
