//! The learner's own Python: what the page needs to edit, share and run a
//! program with the interpreter (`crates/python`).
//!
//! The gallery's build does not link the interpreter: the page gets it as
//! an [`Interpreter`] from the binary that has it (`src/bin/playground_code.rs`),
//! and asks for that binary (see `page::upgrade`) when a view needs it.
//! [`share`] reads and writes `#code=` links, [`marks`] turns a run's
//! recording into the editor's line marks, [`starter`] is the program "Write
//! your own" opens with.

pub mod lesson;
#[cfg(target_arch = "wasm32")]
pub mod library;
pub mod marks;
pub mod python;
pub mod share;
pub mod stack;
pub mod starter;

use asyncio_engine::EventLoop;

use crate::driver::{Lines, RealClockControl, Run};

/// A compile error, where the editor underlines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line.
    pub line: u32,
    /// 1-based column (CPython's `offset`).
    pub col: u32,
    /// `SyntaxError: invalid syntax`, `not supported in the playground: ...`.
    pub message: String,
}

/// What a run of a program is wired to.
pub struct Setup {
    /// Its trace lines (`[t] text`) go here.
    pub lines: Lines,
    /// Called with every loop the program makes (the page sets its tracer).
    pub on_loop: Box<dyn FnMut(&EventLoop)>,
    /// Real mode: every loop reads the page's clock, which this controls.
    pub real_clock: Option<RealClockControl>,
    /// What `os.cpu_count()` says and what sizes the default executor
    /// (`pyrun.py --cpus`): a lesson's `cpus` parameter, else
    /// [`python::CPUS`].
    pub cpus: u32,
}

/// The interpreter as the page uses it.
pub trait Interpreter {
    /// The first compile error of `source`, if any (nothing runs).
    fn check(&self, source: &str) -> Option<Diagnostic>;
    /// A run of `source`, not started yet.
    ///
    /// # Errors
    /// The compile error, before anything runs.
    fn start(&self, source: &str, setup: Setup) -> Result<Box<dyn Run>, Diagnostic>;
    /// True when `source` names an executor (`run_in_executor`,
    /// `to_thread`, a pool class): in real mode its jobs sleep on the Web
    /// Workers, which the page starts before the run.
    fn uses_executors(&self, source: &str) -> bool;
    /// Fetch the library modules written in Python that `source` can
    /// import and this page does not have yet (from `py/` beside the page),
    /// and give them to the interpreter; then `done` is called with why a
    /// fetch failed, if one did. False, and `done` never called, when none
    /// is missing. Ask again once done: a module may import others.
    fn fetch_modules(&self, source: &str, done: Box<dyn FnOnce(Result<(), String>)>) -> bool;
}
