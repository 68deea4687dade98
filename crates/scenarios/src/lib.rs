//! The playground's scenario catalogue: every teaching scenario of the
//! CPython oracle (`../shared/reference/scenarios/`), with the same names,
//! parameters and printed output, written in Rust on the engine.
//!
//! [`meta::ALL`] holds every oracle scenario's metadata (generated from the
//! oracle), [`meta_extra::EXTRA`] the scenarios the oracle does not have, and
//! [`all_meta`] both. Each scenario's module declares its [`Lesson`]: its
//! metadata, `main`, Python program and what the page needs to know about it;
//! [`catalogue`] lists them and [`find_lesson`] finds one. [`run_to_lines`] runs
//! one in instant mode on a virtual clock and returns its trace.

use std::cell::RefCell;
use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;

use asyncio_engine::{report_exception, run, EventLoop, PyResult, Session};

pub mod lesson;
pub mod meta;
pub mod meta_extra;
pub mod params;
pub mod prelude;
pub mod pylessons;
pub mod python;
mod scenarios;

pub use lesson::Lesson;
pub use params::{params_json, parse_args, ParamSpec, Params, Value};

/// Where a scenario sits in the gallery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Tasks,
    Sync,
    Queues,
    Executors,
    Threads,
    Loop,
}

impl Topic {
    /// The gallery heading.
    pub fn title(self) -> &'static str {
        match self {
            Topic::Tasks => "Tasks and futures",
            Topic::Sync => "Synchronisation",
            Topic::Queues => "Queues",
            Topic::Executors => "Executors",
            Topic::Threads => "Threads and processes",
            Topic::Loop => "The event loop",
        }
    }
}

/// A scenario's main coroutine, boxed.
pub type MainFuture = Pin<Box<dyn StdFuture<Output = PyResult<()>>>>;

/// A scenario's `main(p)`.
pub type MainFn = fn(Params) -> MainFuture;

/// A runnable scenario: its oracle metadata and its `main(p)`, from its
/// descriptor.
pub struct Scenario {
    /// Its metadata (the descriptor's).
    pub meta: &'static meta::Meta,
    /// Build `main(p)`; run it with [`asyncio_engine::run`] (or a driver).
    pub main: MainFn,
    /// Its descriptor.
    pub lesson: &'static Lesson,
}

impl Scenario {
    /// The scenario `lesson` describes, with its `main`.
    pub fn of(lesson: &'static Lesson, main: MainFn) -> Scenario {
        Scenario { meta: lesson.meta, main, lesson }
    }
    pub fn name(&self) -> &'static str {
        self.meta.name
    }
    pub fn summary(&self) -> &'static str {
        self.meta.summary
    }
    pub fn params(&self) -> &'static [ParamSpec] {
        self.meta.params
    }
    /// Every parameter at its default.
    pub fn defaults(&self) -> Params {
        Params::defaults(self.meta.params)
    }
}

/// Every scenario's metadata, the oracle's ([`meta::ALL`]) and the extra
/// ones ([`meta_extra::EXTRA`]), sorted by name.
pub fn all_meta() -> Vec<&'static meta::Meta> {
    let mut all: Vec<&'static meta::Meta> = meta::ALL.iter().chain(meta_extra::EXTRA).copied().collect();
    all.sort_by_key(|m| m.name);
    all
}

/// The metadata of scenario `name` (oracle or extra).
pub fn find_meta(name: &str) -> Option<&'static meta::Meta> {
    meta::ALL.iter().chain(meta_extra::EXTRA).copied().find(|m| m.name == name)
}

/// True when the CPython oracle has scenario `name` (the extra ones it has
/// not are not compared with it).
pub fn is_oracle_scenario(name: &str) -> bool {
    meta::ALL.iter().any(|m| m.name == name)
}

/// Every scenario this crate can run, sorted by name.
pub fn catalogue() -> Vec<Scenario> {
    let mut all: Vec<Scenario> = scenarios::LESSONS
        .iter()
        .zip(scenarios::MAINS)
        .map(|(&lesson, &main)| Scenario::of(lesson, main))
        .collect();
    all.sort_by_key(|s| s.name());
    all
}

/// The runnable scenario called `name`.
pub fn find(name: &str) -> Option<Scenario> {
    let i = lesson_index(name)?;
    Some(Scenario::of(scenarios::LESSONS[i], scenarios::MAINS[i]))
}

/// The descriptor of the runnable scenario called `name`. Unlike [`find`]
/// and [`catalogue`], it does not link any scenario's code: the page's
/// build with the interpreter, which runs no Rust lesson, uses only this.
pub fn find_lesson(name: &str) -> Option<&'static Lesson> {
    lesson_index(name).map(|i| scenarios::LESSONS[i])
}

/// Every runnable scenario's descriptor, sorted by name (see [`find_lesson`]).
pub fn lessons() -> &'static [&'static Lesson] {
    scenarios::LESSONS
}

/// The `main` of the runnable scenario called `name`: what a build that
/// runs the Rust lessons hands the page (`src/main.rs`).
pub fn main_of(name: &str) -> Option<MainFn> {
    lesson_index(name).map(|i| scenarios::MAINS[i])
}

fn lesson_index(name: &str) -> Option<usize> {
    scenarios::LESSONS.iter().position(|lesson| lesson.name() == name)
}

/// The longest `do_sleep(x)` a pushed value may ask for, in seconds (the
/// range of `thread_background_loop_queue`'s own delays).
pub const MAX_PUSH: i64 = 3600;

/// What the page's push box says for a scenario that takes values pushed
/// into its running loop (see [`asyncio_engine::EventLoop::push`]), or
/// `None`: its descriptor's [`Lesson::push_hint`].
pub fn push_hint(name: &str) -> Option<&'static str> {
    find_lesson(name)?.push_hint
}

/// A pushed value: a whole number of seconds from 0 to [`MAX_PUSH`].
///
/// # Errors
/// A `ValueError` saying what is wrong with `text`.
pub fn parse_push(text: &str) -> PyResult<i64> {
    let text = text.trim();
    match text.parse::<i64>() {
        Ok(n) if (0..=MAX_PUSH).contains(&n) => Ok(n),
        Ok(n) => Err(asyncio_engine::Exception::value_error(format!(
            "a pushed delay must be from 0 to {MAX_PUSH} seconds, got {n}"
        ))),
        Err(_) => Err(asyncio_engine::Exception::value_error(format!(
            "a pushed delay must be a whole number of seconds, got {text:?}"
        ))),
    }
}

/// Run `scenario` with `params` on `event_loop` (instant mode when the loop
/// has a virtual clock), sending each trace line to the loop's output. An
/// exception escaping `main` becomes the last trace line, as `run.py` prints
/// it.
pub fn run_on(event_loop: &EventLoop, scenario: &Scenario, params: Params) {
    let mut session = start(event_loop, scenario, params);
    session.run_to_end();
    report(&session);
}

/// Start `scenario` as a [`Session`] that a driver iterates (paced and real
/// modes, the page's Step button). Call [`report`] when it has finished.
pub fn start(event_loop: &EventLoop, scenario: &Scenario, params: Params) -> Session {
    Session::new(event_loop, (scenario.main)(params))
}

/// Print how a finished session ended, as `run.py` does: nothing for a
/// normal end, a `Traceback:` or `deadlock:` line otherwise.
pub fn report(session: &Session) {
    if let Some(Err(exc)) = session.outcome() {
        report_exception(session.event_loop(), exc);
    }
}

/// Run `scenario` with the engine's blocking [`run`] (what [`run_on`] does
/// one iteration at a time); both must print the same trace.
pub fn run_blocking_to_lines(scenario: &Scenario, params: Params) -> Vec<String> {
    let event_loop = EventLoop::new();
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    event_loop.set_output(move |line| sink.borrow_mut().push(line.to_string()));
    if let Err(exc) = run(&event_loop, (scenario.main)(params)) {
        report_exception(&event_loop, &exc);
    }
    let out = lines.borrow().clone();
    out
}

/// Run `scenario` in instant mode on a fresh virtual-clock loop and return
/// its trace lines.
pub fn run_to_lines(scenario: &Scenario, params: Params) -> Vec<String> {
    let event_loop = EventLoop::new();
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    event_loop.set_output(move |line| sink.borrow_mut().push(line.to_string()));
    run_on(&event_loop, scenario, params);
    let out = lines.borrow().clone();
    out
}
