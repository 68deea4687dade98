//! What a program sees of the world: one virtual clock shared by every loop
//! (as pyrun.py's), stdout turned into stamped trace lines, stderr, and the
//! thread-pool jobs whose prints are stamped with the job's own time.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::interp::Interp;
use asyncio_engine::{Clock, Exception, PyResult};

/// Lines a program may print before it is stopped (the page's log cap is lower).
pub const MAX_OUTPUT_LINES: u64 = 1_000_000;

/// Where trace lines go.
pub type Sink = Box<dyn FnMut(&str)>;

/// The virtual clock every loop of a run shares.
#[derive(Clone, Default)]
pub struct SharedClock(pub Rc<Cell<f64>>);

impl Clock for SharedClock {
    fn time(&self) -> f64 {
        self.0.get()
    }
    fn select(&mut self, timeout: f64) {
        if timeout > 0.0 {
            self.0.set(self.0.get() + timeout);
        }
    }
    fn blocking_sleep(&mut self, d: f64) {
        self.0.set(self.0.get() + d);
    }
}

/// A pool job's time while its function runs (prints are stamped start + cost so far).
#[derive(Clone, Copy, Debug)]
pub struct JobTime {
    pub start: f64,
    pub cost: f64,
}

pub struct Host {
    pub clock: SharedClock,
    /// The default executor's size comes from this (`os.cpu_count()`).
    pub cpus: u32,
    line: RefCell<String>,
    stamp: Cell<Option<f64>>,
    /// pyrun.py's trace has ended: `print()` writes plain lines.
    unstamped: Cell<bool>,
    /// The line being written is a plain one (no stamp).
    raw_line: Cell<bool>,
    sink: RefCell<Sink>,
    pub stderr: RefCell<String>,
    lines: Cell<u64>,
    /// Pool jobs running (innermost last).
    pub jobs: RefCell<Vec<JobTime>>,
    /// The parsed program, kept alive while anything may run it.
    pub tree: RefCell<Option<Rc<crate::ast::Module>>>,
    /// The file name tracebacks show.
    pub filename: RefCell<Rc<str>>,
    /// A loop run the program waits for (the driver runs its session).
    pub pending: RefCell<Option<Rc<crate::program::Drive>>>,
    /// Called with every loop the program makes (the page sets its tracer there).
    pub on_new_loop: RefCell<Option<LoopHook>>,
    /// The clock of every loop the program makes: the shared virtual clock
    /// unless a driver gives another (the page's real mode).
    pub make_clock: RefCell<Option<ClockFactory>>,
}

/// See [`Host::make_clock`].
pub type ClockFactory = Box<dyn Fn() -> Box<dyn Clock>>;

/// See [`Host::on_new_loop`].
pub type LoopHook = Box<dyn FnMut(&asyncio_engine::EventLoop)>;

impl Host {
    /// A host whose trace lines (`[    0.500] text`) go to `sink`.
    pub fn new(cpus: u32, sink: impl FnMut(&str) + 'static) -> Rc<Host> {
        Rc::new(Host {
            clock: SharedClock::default(),
            cpus,
            line: RefCell::new(String::new()),
            stamp: Cell::new(None),
            unstamped: Cell::new(false),
            raw_line: Cell::new(false),
            sink: RefCell::new(Box::new(sink)),
            stderr: RefCell::new(String::new()),
            lines: Cell::new(0),
            jobs: RefCell::new(Vec::new()),
            tree: RefCell::new(None),
            filename: RefCell::new(Rc::from("<stdin>")),
            pending: RefCell::new(None),
            on_new_loop: RefCell::new(None),
            make_clock: RefCell::new(None),
        })
    }

    /// The time a print is stamped with: the job's inside a pool job, else the clock.
    pub fn now(&self) -> f64 {
        if let Some(j) = self.jobs.borrow().last() {
            return j.start + j.cost;
        }
        if self.make_clock.borrow().is_some() {
            if let Ok(lp) = asyncio_engine::get_running_loop() {
                return lp.time();
            }
        }
        self.clock.0.get()
    }

    /// A clock for a new loop.
    pub fn loop_clock(&self) -> Box<dyn Clock> {
        match self.make_clock.borrow().as_ref() {
            Some(make) => make(),
            None => Box::new(self.clock.clone()),
        }
    }

    /// `sys.stdout.write(s)`: a trace line per line, stamped when its first
    /// character is written.
    pub fn write_stdout(&self, s: &str) -> PyResult<()> {
        self.write_lines(s, false)
    }

    /// The real stdout's `write(s)` once pyrun.py's trace has ended: plain lines.
    pub fn write_plain(&self, s: &str) -> PyResult<()> {
        self.write_lines(s, true)
    }

    fn write_lines(&self, s: &str, plain: bool) -> PyResult<()> {
        let mut rest = s;
        while !rest.is_empty() {
            if self.stamp.get().is_none() {
                self.stamp.set(Some(self.now()));
                self.raw_line.set(plain);
            }
            match rest.find('\n') {
                Some(i) => {
                    self.line.borrow_mut().push_str(&rest[..i]);
                    self.emit()?;
                    rest = &rest[i + 1..];
                }
                None => {
                    self.line.borrow_mut().push_str(rest);
                    break;
                }
            }
        }
        Ok(())
    }

    fn emit(&self) -> PyResult<()> {
        let t = self.stamp.take().unwrap_or_else(|| self.now());
        let text = std::mem::take(&mut *self.line.borrow_mut());
        let n = self.lines.get() + 1;
        self.lines.set(n);
        if n > MAX_OUTPUT_LINES {
            return Err(Exception::runaway(format!(
                "runaway: the program printed more than {MAX_OUTPUT_LINES} lines"
            )));
        }
        let line = if self.raw_line.replace(false) {
            text
        } else {
            format!("[{}] {}", asyncio_engine::pyfmt::format_time(t), text)
        };
        (self.sink.borrow_mut())(&line);
        Ok(())
    }

    /// pyrun.py's trace has ended: what the program prints as Python exits
    /// (through `print()` or the real `sys.stdout`) is plain text; a stream
    /// kept from before (a logging handler's) still stamps.
    pub fn set_unstamped(&self) {
        self.end_line();
        self.unstamped.set(true);
    }

    pub fn is_unstamped(&self) -> bool {
        self.unstamped.get()
    }

    /// A trace line of the runner's own (Traceback, deadlock), after any partial line.
    pub fn trace_line(&self, text: &str) {
        self.end_line();
        self.stamp.set(Some(self.now()));
        self.line.borrow_mut().push_str(text);
        let _ = self.emit();
    }

    /// Flushes a partial line (the program ended without a newline).
    pub fn end_line(&self) {
        if self.stamp.get().is_some() {
            let _ = self.emit();
        }
    }

    pub fn write_stderr(&self, s: &str) {
        let mut err = self.stderr.borrow_mut();
        if err.len() < (4 << 20) {
            err.push_str(s);
        }
    }
}

/// The runaway error for a step that ran too many statements (and stops the program).
pub fn runaway(it: &Interp, function: &str, line: u32) -> Exception {
    let place = if line == 0 { function.to_string() } else { format!("in {function}, line {line}") };
    if let Some(e) = it.stopped.borrow().as_ref() {
        return e.clone();
    }
    let who = match asyncio_engine::current_task() {
        Some(t) => t.name(),
        None => "the program".to_string(),
    };
    let exc = Exception::runaway(format!(
        "runaway: {who} ran {} statements without awaiting ({place})",
        it.budgets.step_statements
    ));
    *it.stopped.borrow_mut() = Some(exc.clone());
    crate::interp::budget::stop();
    // Nothing else runs: the loop stops at the end of this iteration.
    if let Ok(lp) = asyncio_engine::get_running_loop() {
        lp.stop();
    }
    exc
}
