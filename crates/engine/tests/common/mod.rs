//! Helpers shared by the ports of CPython's `test_asyncio`: the
//! `test_utils` idioms (`run_briefly`, `run_once`), a clock that records what
//! the loop asked of it, trace capture, and exception assertions.

// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use asyncio_engine::{Clock, EventLoop, Exception, PyResult};

/// Lines printed with [`EventLoop::log`], in order.
#[derive(Clone, Default)]
pub struct Lines(Rc<RefCell<Vec<String>>>);

impl Lines {
    /// Everything printed so far, one `[%9.3f] text` line each.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
    /// Everything printed so far, joined with newlines (with a final one), as
    /// the oracle's output file reads.
    pub fn text(&self) -> String {
        let lines = self.0.borrow();
        let mut text = lines.join("\n");
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }
}

/// A fresh virtual-clock loop whose printed lines are captured.
pub fn traced_loop() -> (EventLoop, Lines) {
    let event_loop = EventLoop::new();
    let lines = Lines::default();
    let sink = lines.clone();
    event_loop.set_output(move |line| sink.0.borrow_mut().push(line.to_string()));
    (event_loop, lines)
}

/// Run `main` as `asyncio.run(main())` on a fresh loop (what
/// `IsolatedAsyncioTestCase` does for each `async def test_...`).
pub fn run_test<T, F>(main: F) -> PyResult<T>
where
    T: Clone + 'static,
    F: std::future::Future<Output = PyResult<T>> + 'static,
{
    asyncio_engine::run(&EventLoop::new(), main)
}

/// Run `program` as `asyncio.run(program())` with its prints captured, and
/// return the trace as the oracle prints it (including the oracle's last
/// `Traceback:` / deadlock line when `program` fails).
///
/// The program runs twice, on two fresh loops, and must print the same
/// trace both times.
#[track_caller]
pub fn trace_of<F>(program: impl Fn(EventLoop) -> F) -> String
where
    F: std::future::Future<Output = PyResult<()>> + 'static,
{
    let run_once = || {
        let (event_loop, lines) = traced_loop();
        let main = program(event_loop.clone());
        if let Err(exc) = asyncio_engine::run(&event_loop, main) {
            asyncio_engine::report_exception(&event_loop, &exc);
        }
        lines.text()
    };
    let first = run_once();
    let second = run_once();
    assert_eq!(first, second, "the same program printed two different traces");
    first
}

/// `test_utils.run_briefly(loop)`: run a do-nothing task to completion, which
/// takes two iterations (its step, then `_run_until_complete_cb`).
pub fn run_briefly(event_loop: &EventLoop) -> PyResult<()> {
    let task = event_loop.create_task(async { Ok(()) })?;
    event_loop.run_until_complete(&task)
}

/// `test_utils.run_once(loop)`: `loop.call_soon(loop.stop); loop.run_forever()`.
pub fn run_once(event_loop: &EventLoop) -> PyResult<()> {
    let stopper = event_loop.clone();
    event_loop.call_soon(move || stopper.stop())?;
    event_loop.run_forever()
}

/// `GatherTestsBase._run_loop`: `while loop._ready: run_briefly(loop)`.
pub fn run_loop(event_loop: &EventLoop) -> PyResult<()> {
    while event_loop.ready_len() > 0 {
        run_briefly(event_loop)?;
    }
    Ok(())
}

/// Call `f` with `event_loop` marked running but no task current: the state
/// in which CPython code that only needs `get_running_loop()` (or, for
/// CPython, a future's own loop) runs. The engine's `gather` and `shield`
/// take their loop from the running loop, so calls CPython's tests make
/// outside any loop are made in here.
pub fn with_running<R>(event_loop: &EventLoop, f: impl FnOnce() -> R) -> R {
    let _running = event_loop.enter_running().expect("loop can enter running state");
    f()
}

/// Assert that `result` is the exception `type_name` whose message contains
/// `message`; return the exception.
#[track_caller]
pub fn assert_raises<T: std::fmt::Debug>(result: PyResult<T>, type_name: &str, message: &str) -> Exception {
    match result {
        Ok(value) => panic!("expected {type_name}({message:?}), got Ok({value:?})"),
        Err(exc) => {
            assert_eq!(exc.type_name(), type_name, "wrong exception: {exc}");
            assert!(exc.message().contains(message), "message of {exc} lacks {message:?}");
            exc
        }
    }
}

/// A shared counter (`nonlocal count` in the Python tests).
#[derive(Clone, Default)]
pub struct Counter(Rc<Cell<i64>>);

impl Counter {
    pub fn add(&self, n: i64) {
        self.0.set(self.0.get() + n);
    }
    pub fn get(&self) -> i64 {
        self.0.get()
    }
}

/// A shared flag (`nonlocal flag`).
#[derive(Clone, Default)]
pub struct Flag(Rc<Cell<bool>>);

impl Flag {
    pub fn set(&self, value: bool) {
        self.0.set(value);
    }
    pub fn get(&self) -> bool {
        self.0.get()
    }
}

/// A shared list (`bag`, `calls`, `results`).
#[derive(Clone)]
pub struct Bag<T>(Rc<RefCell<Vec<T>>>);

impl<T> Default for Bag<T> {
    fn default() -> Self {
        Bag(Rc::new(RefCell::new(Vec::new())))
    }
}

impl<T: Clone> Bag<T> {
    pub fn push(&self, item: T) {
        self.0.borrow_mut().push(item);
    }
    pub fn items(&self) -> Vec<T> {
        self.0.borrow().clone()
    }
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }
}

/// A slot filled in later (`t = None ... t = create_task(...)`).
#[derive(Clone)]
pub struct Slot<T>(Rc<RefCell<Option<T>>>);

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot(Rc::new(RefCell::new(None)))
    }
}

impl<T: Clone> Slot<T> {
    pub fn put(&self, value: T) {
        *self.0.borrow_mut() = Some(value);
    }
    #[track_caller]
    pub fn get(&self) -> T {
        self.0.borrow().clone().expect("slot is filled")
    }
}

/// What a [`RecordingClock`] saw: every `select(timeout)` and the number of
/// `time()` reads.
#[derive(Clone, Default)]
pub struct ClockLog {
    pub selects: Rc<RefCell<Vec<f64>>>,
    pub time_reads: Rc<Cell<usize>>,
}

/// The virtual clock's arithmetic (start at 0.0, `select(t)` adds `t`), plus
/// a log: the port of the tests that mock the selector and inspect
/// `select.call_args`.
pub struct RecordingClock {
    now: f64,
    log: ClockLog,
}

impl RecordingClock {
    pub fn new() -> (RecordingClock, ClockLog) {
        let log = ClockLog::default();
        (RecordingClock { now: 0.0, log: log.clone() }, log)
    }
}

impl Clock for RecordingClock {
    fn time(&self) -> f64 {
        self.log.time_reads.set(self.log.time_reads.get() + 1);
        self.now
    }
    fn select(&mut self, timeout: f64) {
        self.log.selects.borrow_mut().push(timeout);
        if timeout > 0.0 {
            self.now += timeout;
        }
    }
    fn blocking_sleep(&mut self, d: f64) {
        self.now += d;
    }
}

/// A loop on a [`RecordingClock`].
pub fn recording_loop() -> (EventLoop, ClockLog) {
    let (clock, log) = RecordingClock::new();
    (EventLoop::with_clock(Box::new(clock)), log)
}

/// `assertAlmostEqual(a, b)`: equal to 7 decimal places.
#[track_caller]
pub fn assert_almost_equal(expected: f64, actual: f64) {
    assert!((expected - actual).abs() < 1e-7, "{actual} != {expected} within 7 places");
}
