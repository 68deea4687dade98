//! A Python 3.11 subset interpreter whose coroutines are `asyncio-engine`
//! tasks: an interpreted `await` suspends at the engine's await point, so
//! programs are scheduled exactly as CPython schedules them, on the virtual
//! clock, and print what `pyrun.py` prints.
//!
//! ```
//! use std::{cell::RefCell, rc::Rc};
//! let lines = Rc::new(RefCell::new(Vec::new()));
//! let sink = lines.clone();
//! let out = asyncio_python::run_source(
//!     "import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print('hi')\nasyncio.run(main())\n",
//!     "prog.py",
//!     2,
//!     move |line| sink.borrow_mut().push(line.to_string()),
//! );
//! assert!(out.is_ok());
//! assert_eq!(*lines.borrow(), ["[    1.000] hi"]);
//! ```

pub mod ast;
pub mod bigint;
pub mod builtins;
mod carets;
pub mod error;
pub mod format;
pub mod host;
pub mod interp;
pub mod lexer;
pub mod modules;
pub mod native;
pub mod object;
pub mod parser;
pub mod program;
pub mod regex;
pub mod runner;
pub mod scope;
pub mod settable;
pub mod traceback;
pub mod validate;
pub mod value;

pub use error::{CompileError, CompileErrorKind};
pub use interp::Budgets;
pub use runner::{Report, Status};

/// Compiles and runs `source`, sending each trace line (`[    0.500] text`)
/// to `sink`. `cpus` sizes the default executor as pyrun.py's `--cpus`.
///
/// # Errors
/// A compile error (syntax, unsupported construct, unknown module), before anything runs.
pub fn run_source(
    source: &str,
    filename: &str,
    cpus: u32,
    sink: impl FnMut(&str) + 'static,
) -> Result<Report, CompileError> {
    run_source_with(source, filename, cpus, Budgets::default(), sink)
}

/// [`run_source`] with other budgets.
///
/// # Errors
/// A compile error, before anything runs.
pub fn run_source_with(
    source: &str,
    filename: &str,
    cpus: u32,
    budgets: Budgets,
    sink: impl FnMut(&str) + 'static,
) -> Result<Report, CompileError> {
    let module = runner::compile(source)?;
    let host = host::Host::new(cpus, sink);
    *host.filename.borrow_mut() = std::rc::Rc::from(filename);
    Ok(runner::run(module, host, budgets, source))
}
