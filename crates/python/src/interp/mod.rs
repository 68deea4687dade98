//! The evaluator: modules, frames, and the operations every part shares
//! (attribute access, calls, iteration, str/repr, exceptions).
//!
//! One interpreter per thread is active at a time ([`with`] / [`interp`]):
//! builtins that call back into Python code (sort keys, `__repr__`, loop
//! callbacks) find it there.

pub mod attr;
pub mod budget;
pub mod call;
pub mod class;
pub mod eval;
pub mod exc;
pub mod exec;
pub mod finalize;
pub mod frames;
pub mod iter;
pub mod matching;
pub mod numhash;
pub mod ops;
pub mod suggest;
pub mod teardown;
pub mod text;
pub mod yieldfrom;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::object::{CellRef, Class};
use crate::value::Value;
use asyncio_engine::Exception;

pub use exc::{raise, ExcKind};

/// A module's namespace.
pub struct Module {
    pub name: Rc<str>,
    pub filename: Rc<str>,
    pub globals: RefCell<HashMap<Rc<str>, Value>>,
    /// The globals' names in the order they were bound (a dict's order):
    /// the order Python's exit frees them in.
    order: RefCell<Vec<Rc<str>>>,
    /// Source lines, for tracebacks.
    pub source: Rc<[Rc<str>]>,
}

impl Module {
    pub fn new(name: &str, filename: &str, source: &str) -> Rc<Module> {
        Rc::new(Module {
            name: Rc::from(name),
            filename: Rc::from(filename),
            globals: RefCell::new(HashMap::new()),
            order: RefCell::new(Vec::new()),
            source: source.lines().map(Rc::from).collect(),
        })
    }
    /// The program's module (not one of `modules/py/`).
    pub fn is_main(&self) -> bool {
        &*self.name == "__main__"
    }
    pub fn get(&self, name: &str) -> Option<Value> {
        self.globals.borrow().get(name).cloned()
    }
    pub fn set(&self, name: &str, value: Value) {
        let name: Rc<str> = Rc::from(name);
        if self.globals.borrow_mut().insert(name.clone(), value).is_none() {
            self.order.borrow_mut().push(name);
        }
    }

    /// `del name`: whether it was bound.
    pub fn remove(&self, name: &str) -> bool {
        let removed = self.globals.borrow_mut().remove(name).is_some();
        if removed {
            self.order.borrow_mut().retain(|n| &**n != name);
        }
        removed
    }

    /// The globals' names, in the order they were bound.
    pub fn names_in_order(&self) -> Vec<Rc<str>> {
        self.order.borrow().clone()
    }

    /// The globals' values, in the order they were bound.
    pub fn values_in_order(&self) -> Vec<Value> {
        let globals = self.globals.borrow();
        self.order.borrow().iter().filter_map(|n| globals.get(n).cloned()).collect()
    }

    /// Takes the globals out, in the order they were bound.
    pub fn take_in_order(&self) -> Vec<(Rc<str>, Value)> {
        let mut globals = std::mem::take(&mut *self.globals.borrow_mut());
        let order = std::mem::take(&mut *self.order.borrow_mut());
        order.into_iter().filter_map(|n| globals.remove(&n).map(|v| (n, v))).collect()
    }
}

/// One activation of a function, a class body or the module body.
pub struct Frame {
    pub locals: RefCell<Vec<Option<Value>>>,
    pub cells: Vec<CellRef>,
    pub module: Rc<Module>,
    /// A class body's namespace.
    pub class_ns: Option<RefCell<crate::object::Attrs>>,
    /// The line being run (for tracebacks and the page's line marks).
    pub line: Cell<u32>,
    pub name: Rc<str>,
    /// The exceptions being handled (`except` blocks entered), innermost last.
    pub handling: RefCell<Vec<Exception>>,
    /// A generator's channel to its consumer.
    pub gen: Option<Rc<crate::native::gen::GenChannel>>,
    /// The `__class__` cell of the running function, or of the class body
    /// running here (for `super()`, `__class__` and the functions defined here).
    pub owner: Option<crate::object::OwnerCell>,
    /// The function running in this frame (how its names are laid out).
    pub def: Option<Rc<crate::ast::FunctionDef>>,
    /// Tells this frame from every other of the run (an exception's
    /// traceback gets one entry each time it enters a frame).
    pub serial: u64,
}

thread_local! {
    static FRAMES_MADE: Cell<u64> = const { Cell::new(0) };
}

impl Frame {
    /// The class of the `__class__` cell, once the class is made.
    pub fn owner_class(&self) -> Option<Rc<Class>> {
        self.owner.as_ref().and_then(|c| c.borrow().as_ref().and_then(std::rc::Weak::upgrade))
    }

    pub fn new(module: Rc<Module>, name: Rc<str>, nlocals: usize, cells: Vec<CellRef>) -> Frame {
        Frame {
            locals: RefCell::new(vec![None; nlocals]),
            cells,
            module,
            class_ns: None,
            line: Cell::new(0),
            name,
            handling: RefCell::new(Vec::new()),
            gen: None,
            owner: None,
            def: None,
            serial: FRAMES_MADE.with(|n| {
                n.set(n.get() + 1);
                n.get()
            }),
        }
    }
}

impl Interp {
    /// The RecursionError for a call at `depth`, if it is one too deep.
    pub fn too_deep(&self, depth: u32, what: &str) -> Option<Exception> {
        let limit = self.recursion_limit.get();
        if depth < limit.min(self.budgets.max_depth) {
            return self.stack_full(depth, what);
        }
        let cap = if limit > self.budgets.max_depth {
            format!(" (the playground allows {} frames)", self.budgets.max_depth)
        } else {
            String::new()
        };
        Some(Exception::new("RecursionError", format!("maximum recursion depth exceeded{what}{cap}")))
    }

    /// The RecursionError for a call at `depth` when the host's stack has no
    /// room for more (see [`Budgets::stack_room`]): asked every
    /// [`STACK_CHECK_EVERY`] frames from [`STACK_CHECK_FROM`] on.
    fn stack_full(&self, depth: u32, what: &str) -> Option<Exception> {
        let room = self.budgets.stack_room?;
        if depth < STACK_CHECK_FROM || !depth.is_multiple_of(STACK_CHECK_EVERY) || room() {
            return None;
        }
        let msg = format!(
            "maximum recursion depth exceeded{what} (the browser's stack is full after {depth} frames)"
        );
        Some(Exception::new("RecursionError", msg))
    }
}

/// See [`Interp::stack_full`].
pub const STACK_CHECK_FROM: u32 = 64;
/// See [`Interp::stack_full`].
pub const STACK_CHECK_EVERY: u32 = 16;

/// Limits that keep a program from freezing the tab.
#[derive(Clone, Copy, Debug)]
pub struct Budgets {
    /// Maximum Python call depth (RecursionError beyond).
    pub max_depth: u32,
    /// Statements (and loop items) a task step may run without awaiting (a
    /// runaway beyond); module-level code counts as one step.
    pub step_statements: u64,
    /// Approximate bytes of containers the program may build (MemoryError beyond).
    pub max_memory: usize,
    /// Loop iterations in a row without the clock moving before a loop run is
    /// a runaway (`while True: await asyncio.sleep(0)`, `sleep(inf)`).
    pub stalled_iterations: u64,
    /// Loop iterations one loop run may make (a sleep of 1e30 seconds moves
    /// the clock a day per iteration).
    pub max_iterations: u64,
    /// Whether the native stack has room for [`STACK_CHECK_EVERY`] more
    /// frames on any path (with a margin), when the host can tell: a
    /// browser's stack (about 1 MB in Chromium) holds fewer than
    /// `max_depth` frames on some paths, and overflowing it kills the
    /// page's wasm. `None`: the host's stack holds `max_depth` frames.
    pub stack_room: Option<fn() -> bool>,
}

impl Default for Budgets {
    fn default() -> Budgets {
        Budgets {
            max_depth: 1000,
            step_statements: 20_000_000,
            max_memory: 256 << 20,
            stalled_iterations: 2_000_000,
            max_iterations: 20_000_000,
            stack_room: None,
        }
    }
}

/// The interpreter: builtins, modules, output and budgets.
pub struct Interp {
    pub builtins: RefCell<HashMap<Rc<str>, Value>>,
    pub types: crate::builtins::types::Types,
    pub modules: RefCell<HashMap<Rc<str>, Value>>,
    pub budgets: Budgets,
    pub depth: Cell<u32>,
    /// `sys.setrecursionlimit()`'s value: deeper calls are a RecursionError,
    /// and never deeper than `budgets.max_depth`.
    pub recursion_limit: Cell<u32>,
    /// The host: output, clock, loops.
    pub host: Rc<crate::host::Host>,
    pub main_module: RefCell<Option<Rc<Module>>>,
    /// Set when a budget stopped the program: no Python code may run after it.
    pub stopped: RefCell<Option<Exception>>,
    /// The never-awaited warnings shown (coroutine and line): the warnings
    /// module's default action shows each once.
    pub unawaited_shown: RefCell<Vec<(Rc<str>, u32)>>,
    /// Bytes of containers allocated, approximately.
    pub memory: Cell<usize>,
    /// Closure cells, classes and instances made by the program (emptied at the end).
    pub cells: teardown::Tracked<RefCell<Option<Value>>>,
    pub classes: teardown::Tracked<Class>,
    pub instances: teardown::Tracked<crate::object::Instance>,
    /// Loops the program made (closed at the end: their callbacks hold them).
    pub loops: teardown::Tracked<crate::modules::asyncio::loops::PyLoop>,
    /// The modules written in Python that the program imported: their trees
    /// (which their functions borrow) and namespaces (emptied at the end).
    pub library: RefCell<Vec<(Rc<crate::ast::Module>, Rc<Module>)>>,
    /// The exceptions `except` blocks are handling, innermost last, for
    /// `sys.exc_info()` (see [`Handled`]).
    pub handled: RefCell<Vec<Exception>>,
    /// The current context's variables (`contextvars`; see
    /// `modules::contextvars`): `None` while empty.
    pub context: RefCell<Option<Value>>,
}

/// An `except` block's exception while its body runs, for `sys.exc_info()`
/// in the functions it calls (`logging.exception`): CPython keeps one per
/// thread and per coroutine. Here it is one list for the thread, and an
/// entry leaves it by identity when its block ends (or its task's future
/// is dropped), so a task suspended inside an `except` block while another
/// asks shows through: the one known difference.
pub struct Handled(Exception);

impl Handled {
    pub fn enter(e: &Exception) -> Handled {
        interp().handled.borrow_mut().push(e.clone());
        Handled(e.clone())
    }

    /// The innermost exception being handled.
    pub fn current() -> Option<Exception> {
        interp().handled.borrow().last().cloned()
    }
}

impl Drop for Handled {
    fn drop(&mut self) {
        if let Some(it) = try_interp() {
            let mut list = it.handled.borrow_mut();
            if let Some(i) = list.iter().rposition(|e| e.ptr_eq(&self.0)) {
                list.remove(i);
            }
        }
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Interp>>> = const { RefCell::new(None) };
}

/// The interpreter running on this thread.
///
/// # Panics
/// Never in practice: every entry point installs one with [`with`] first;
/// calling Python code without one is a bug in this crate.
pub fn interp() -> Rc<Interp> {
    CURRENT.with(|c| c.borrow().clone()).expect("no interpreter installed on this thread")
}

/// The interpreter running on this thread, if one is installed.
pub fn try_interp() -> Option<Rc<Interp>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// Runs `f` with `it` installed as this thread's interpreter.
pub fn with<R>(it: &Rc<Interp>, f: impl FnOnce() -> R) -> R {
    let old = CURRENT.with(|c| c.replace(Some(it.clone())));
    let out = f();
    CURRENT.with(|c| *c.borrow_mut() = old);
    out
}

impl Interp {
    pub fn new(host: Rc<crate::host::Host>, budgets: Budgets) -> Rc<Interp> {
        let types = crate::builtins::types::Types::new();
        let max_depth = budgets.max_depth;
        // A program's settings do not carry over to the next one.
        crate::bigint::set_max_str_digits(crate::bigint::MAX_STR_DIGITS);
        finalize::reset();
        let it = Rc::new(Interp {
            builtins: RefCell::new(HashMap::new()),
            types,
            modules: RefCell::new(HashMap::new()),
            budgets,
            depth: Cell::new(0),
            recursion_limit: Cell::new(max_depth),
            host,
            main_module: RefCell::new(None),
            stopped: RefCell::new(None),
            unawaited_shown: RefCell::new(Vec::new()),
            memory: Cell::new(0),
            cells: Default::default(),
            classes: Default::default(),
            instances: Default::default(),
            loops: Default::default(),
            library: RefCell::new(Vec::new()),
            handled: RefCell::new(Vec::new()),
            context: RefCell::new(None),
        });
        with(&it, || crate::builtins::install(&it));
        it
    }

    pub fn builtin(&self, name: &str) -> Option<Value> {
        self.builtins.borrow().get(name).cloned()
    }

    /// The class of a builtin type or exception by name (`ValueError`).
    pub fn class_named(&self, name: &str) -> Option<Rc<Class>> {
        match self.builtin(name) {
            Some(Value::Class(c)) => Some(c),
            _ => self.types.extra_exceptions.borrow().get(name).cloned(),
        }
    }
}
