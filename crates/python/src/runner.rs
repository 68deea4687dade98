//! Running a whole program: compile (parse, resolve, check imports), run
//! the module body, report what escaped it as pyrun.py does, and let
//! worker threads finish.

use std::rc::Rc;

use crate::ast::{Module, Stmt, StmtKind};
use crate::error::CompileError;
use crate::host::Host;
use crate::interp::Budgets;

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The program ran (an exception escaping it is part of its trace, as
    /// pyrun.py prints it).
    Finished,
    /// A budget stopped it: a runaway step, deep recursion in the driver, too much output.
    Runaway(String),
    /// `sys.exit(code)` / `raise SystemExit(code)`: the exit status pyrun.py exits with.
    Exit(i32),
}

/// What a run produced besides its trace lines.
#[derive(Debug, Clone)]
pub struct Report {
    pub status: Status,
    /// Python's traceback text and asyncio's logged errors.
    pub stderr: String,
}

/// True when `source` names an executor (`run_in_executor`, `to_thread`,
/// `ThreadPoolExecutor`, `ProcessPoolExecutor`): a driver with real workers
/// starts them before the run. False for a source that does not tokenize.
pub fn uses_executors(source: &str) -> bool {
    const NAMES: [&str; 4] = ["run_in_executor", "to_thread", "ThreadPoolExecutor", "ProcessPoolExecutor"];
    crate::lexer::tokenize(source).is_ok_and(|lexed| {
        lexed.tokens.iter().any(|t| t.kind == crate::lexer::TokKind::Name && NAMES.contains(&&*t.text))
    })
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
            StmtKind::Match { cases, .. } => {
                for c in cases {
                    check_imports(&c.body)?;
                }
            }
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
        kind: crate::error::CompileErrorKind::ModuleNotFound,
        message: crate::modules::not_found_message(name),
        pos,
    }
}

/// Runs a compiled program to its end, sending trace lines to the host's sink.
pub fn run(module: Rc<Module>, host: Rc<Host>, budgets: Budgets, source: &str) -> Report {
    crate::program::Program::new(module, host, budgets, source).run_to_end()
}
