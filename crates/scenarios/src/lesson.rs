//! A lesson's descriptor: every fact the playground keeps about one scenario
//! besides its code (the module's `main`, see [`crate::main_of`]), declared
//! once, as `pub static LESSON: Lesson`, in the scenario's module
//! (`scenarios/<name>.rs`). The catalogue
//! ([`crate::catalogue`], [`crate::find`]), the Python program shown beside it
//! ([`crate::python`]), the push box ([`crate::push_hint`]) and the page's
//! real mode ([`Lesson::uses_workers`]) all read it; nothing else is keyed by
//! the scenario's name. The lessons written in Python are described the same
//! way by [`crate::pylessons::PyLesson`].

use crate::meta::Meta;
use crate::params::Params;

/// One runnable scenario: a lesson written in Rust on the engine.
#[derive(Debug)]
pub struct Lesson {
    /// Name, summary, details, topic and parameters: a static of
    /// [`crate::meta`] (generated from the oracle) or, for a scenario the
    /// oracle does not have, of [`crate::meta_extra`].
    pub meta: &'static Meta,
    /// The Python program the page shows beside the run.
    pub python: Python,
    /// What the page's push box says, for a scenario that takes values pushed
    /// into its running loop (see [`asyncio_engine::EventLoop::push`]).
    pub push_hint: Option<&'static str>,
    /// True when its real-mode run hands jobs to the page's Web Workers
    /// (executors, processes, a background thread doing CPU work).
    pub uses_workers: bool,
}

impl Lesson {
    /// The scenario's name (`?scenario=NAME`, `asyncio-play NAME`).
    pub fn name(&self) -> &'static str {
        self.meta.name
    }
}

/// A scenario's Python program: a template filled in with the parameters
/// (the syntax is in [`crate::python`]'s documentation).
#[derive(Debug)]
pub struct Python {
    /// The template, `include_str!("../../python/NAME.py")`.
    pub template: &'static str,
    /// How the program relates to what the lesson runs.
    pub kind: ProgramKind,
    /// The markers and flags only this template uses, if any.
    pub derived: Option<Derive>,
}

/// How a scenario's Python program relates to what the playground runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgramKind {
    /// An asyncio program the interpreter runs as it is: the page offers
    /// it for editing.
    Editable,
    /// An asyncio program the page shows but does not offer for editing (it
    /// needs the pool's jobs, or never ends), with one sentence saying how
    /// the playground's run differs from CPython's, if it does.
    ReadOnly(Option<&'static str>),
    /// A threading or multiprocessing program the playground runs as a model
    /// (threads as tasks); the sentence says how.
    Model(&'static str),
}

impl ProgramKind {
    /// The sentence on how the playground runs the program, if any.
    pub fn note(self) -> Option<&'static str> {
        match self {
            ProgramKind::Editable | ProgramKind::ReadOnly(None) => None,
            ProgramKind::ReadOnly(Some(note)) | ProgramKind::Model(note) => Some(note),
        }
    }
}

/// A template's own markers: the value of `{{key}}` or `{{?key}}` for
/// parameters `p`, `None` for a key it does not know.
pub type Derive = fn(p: &Params, key: &str) -> Option<Derived>;

/// What a [`Derive`] gives for one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Derived {
    /// The text of a `{{key}}` marker.
    Text(String),
    /// The truth of a `{{?key}}` block.
    Flag(bool),
}
