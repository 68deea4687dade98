//! Running a whole program: compile (parse, resolve, check imports), run
//! the module body, report what escaped it as pyrun.py does, and let
//! worker threads finish.

use std::future::Future as StdFuture;
use std::rc::Rc;
use std::task::{Context, Poll};

use crate::ast::{Module, Stmt, StmtKind};
use crate::error::CompileError;
use crate::host::Host;
use crate::interp::exec::{exec_block, Flow};
use crate::interp::{exc, with, Budgets, Frame, Interp};
use asyncio_engine::{Exception, PyResult};

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The program ran (an exception escaping it is part of its trace, as
    /// pyrun.py prints it).
    Finished,
    /// A budget stopped it: a runaway step, deep recursion in the driver, too much output.
    Runaway(String),
}

/// What a run produced besides its trace lines.
#[derive(Debug, Clone)]
pub struct Report {
    pub status: Status,
    /// Python's traceback text and asyncio's logged errors.
    pub stderr: String,
}

/// Parses and resolves a program; checks that every import is available.
///
/// # Errors
/// The first syntax error, unsupported construct or unknown module, with its position.
pub fn compile(source: &str) -> Result<Rc<Module>, CompileError> {
    let module = crate::parser::parse(source)?;
    crate::scope::resolve(&module)?;
    check_imports(&module.body)?;
    Ok(Rc::new(module))
}

fn check_imports(stmts: &[Stmt]) -> Result<(), CompileError> {
    for s in stmts {
        match &s.kind {
            StmtKind::Import(aliases) => {
                for a in aliases {
                    if !crate::modules::exists(&a.name) {
                        return Err(missing_module(&a.name, a.pos));
                    }
                }
            }
            StmtKind::ImportFrom { module, level, .. } => {
                if *level > 0 {
                    return Err(CompileError::unsupported("relative imports", s.pos));
                }
                if !crate::modules::exists(module) {
                    return Err(missing_module(module, s.pos));
                }
            }
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                check_imports(body)?;
                check_imports(orelse)?;
            }
            StmtKind::With { body, .. } => check_imports(body)?,
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                check_imports(body)?;
                for h in handlers {
                    check_imports(&h.body)?;
                }
                check_imports(orelse)?;
                check_imports(finalbody)?;
            }
            StmtKind::FunctionDef(def) => check_imports(&def.body)?,
            StmtKind::ClassDef(def) => check_imports(&def.body)?,
            _ => {}
        }
    }
    Ok(())
}

fn missing_module(name: &str, pos: crate::ast::Pos) -> CompileError {
    CompileError {
        kind: crate::error::CompileErrorKind::Unsupported,
        message: format!("ModuleNotFoundError: {}", crate::modules::not_found_message(name)),
        pos,
    }
}

/// Runs a compiled program to its end (blocking), sending trace lines to the host's sink.
pub fn run(module: Rc<Module>, host: Rc<Host>, budgets: Budgets, source: &str) -> Report {
    let it = Interp::new(host.clone(), budgets);
    with(&it, || run_in(&it, module, source))
}

fn run_in(it: &Rc<Interp>, module: Rc<Module>, source: &str) -> Report {
    crate::modules::asyncio::loops::reset();
    crate::modules::concurrent::reset();
    let filename = it.host.filename.borrow().clone();
    let main = crate::interp::Module::new("__main__", &filename, source);
    main.set("__name__", crate::value::Value::str("__main__"));
    *it.main_module.borrow_mut() = Some(main.clone());
    *it.host.tree.borrow_mut() = Some(module.clone());
    let frame = Frame::new(main, Rc::from("<module>"), 0, Vec::new());
    let outcome = block_on(async {
        match exec_block(&module.body, &frame).await {
            Ok(Flow::Normal) | Ok(_) => Ok(()),
            Err(e) => {
                exc::add_traceback(&e, &frame.name, frame.line.get());
                Err(e)
            }
        }
    });
    let mut status = Status::Finished;
    if let Err(e) = outcome {
        status = report(it, &e);
    }
    if status == Status::Finished {
        if let Err(e) = crate::modules::concurrent::wind_up() {
            status = report(it, &e);
        }
    }
    it.host.end_line();
    let stderr = it.host.stderr.borrow().clone();
    *it.host.tree.borrow_mut() = None;
    Report { status, stderr }
}

/// pyrun.py's last line for an exception that escaped the program.
fn report(it: &Interp, e: &Exception) -> Status {
    let stopped = it.stopped.borrow().clone();
    if let Some(r) = stopped.or_else(|| e.is("Runaway").then(|| e.clone())) {
        it.host.trace_line(r.message());
        it.host.write_stderr(&format!("{}\n", r.message()));
        return Status::Runaway(r.message().to_string());
    }
    if e.is("Deadlock") {
        it.host.trace_line(e.message());
        return Status::Finished;
    }
    it.host.write_stderr(&crate::traceback::format(e));
    it.host.trace_line(&format!("Traceback: {}", exc::last_line(e)));
    Status::Finished
}

/// Polls the module body to completion. In blocking mode nothing suspends
/// it: loops run inside `asyncio.run`; a `Pending` here means code tried to
/// wait outside any loop.
fn block_on(fut: impl StdFuture<Output = PyResult<()>>) -> PyResult<()> {
    let mut fut = std::pin::pin!(fut);
    let mut cx = Context::from_waker(std::task::Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        Poll::Ready(r) => r,
        Poll::Pending => Err(Exception::runtime_error("the program waited outside any event loop")),
    }
}
