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

/// Every import of a module the playground does not have is an error before
/// anything runs, except in a `try` block that catches ImportError (`try:
/// import uvloop` / `except ImportError: uvloop = None`): that one raises
/// ModuleNotFoundError when it runs, as in CPython.
fn check_imports(stmts: &[Stmt]) -> Result<(), CompileError> {
    walk_imports_guarded(stmts, false, &mut |import, guarded| match import {
        _ if guarded => Ok(()),
        Import::Module(a) if !crate::modules::exists(&a.name) => Err(missing_module(&a.name, a.pos)),
        Import::From { level, pos, .. } if level > 0 => {
            Err(CompileError::unsupported("relative imports", pos))
        }
        Import::From { module, pos, .. } if !crate::modules::exists(module) => {
            Err(missing_module(module, pos))
        }
        _ => Ok(()),
    })
}

/// An import statement's part, as [`walk_imports`] meets it.
pub(crate) enum Import<'a> {
    /// A module of `import a, b.c as d`.
    Module(&'a crate::ast::Alias),
    /// `from module import names` (`level` dots before the module).
    From { module: &'a str, names: &'a [crate::ast::Alias], level: u32, pos: crate::ast::Pos },
    /// The bases of a class statement: a subclass of one of asyncio's
    /// queues or locks imports the module of their Python versions
    /// (`library::ASYNCIO_BASES`).
    ClassBases(&'a [crate::ast::Expr]),
}

/// Calls `f` with every import in `stmts`, in blocks and function and class
/// bodies too, and every class statement's bases, in source order; stops at
/// its first error.
pub(crate) fn walk_imports<'a, E>(
    stmts: &'a [Stmt],
    f: &mut impl FnMut(Import<'a>) -> Result<(), E>,
) -> Result<(), E> {
    walk_imports_guarded(stmts, false, &mut |import, _| f(import))
}

/// [`walk_imports`], telling `f` whether the import is `guarded`: in the
/// body of a `try` whose handlers catch ImportError.
fn walk_imports_guarded<'a, E>(
    stmts: &'a [Stmt],
    guarded: bool,
    f: &mut impl FnMut(Import<'a>, bool) -> Result<(), E>,
) -> Result<(), E> {
    let walk = |body: &'a [Stmt], guarded, f: &mut _| walk_imports_guarded(body, guarded, f);
    for s in stmts {
        match &s.kind {
            StmtKind::Import(aliases) => aliases.iter().try_for_each(|a| f(Import::Module(a), guarded))?,
            StmtKind::ImportFrom { module, names, level } => {
                f(Import::From { module, names, level: *level, pos: s.pos }, guarded)?;
            }
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                walk(body, guarded, f)?;
                walk(orelse, guarded, f)?;
            }
            StmtKind::With { body, .. } => walk(body, guarded, f)?,
            StmtKind::Match { cases, .. } => cases.iter().try_for_each(|c| walk(&c.body, guarded, f))?,
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                walk(body, guarded || handlers.iter().any(catches_import_error), f)?;
                handlers.iter().try_for_each(|h| walk(&h.body, guarded, f))?;
                walk(orelse, guarded, f)?;
                walk(finalbody, guarded, f)?;
            }
            StmtKind::FunctionDef(def) => walk(&def.body, false, f)?,
            StmtKind::ClassDef(def) => {
                f(Import::ClassBases(&def.bases), guarded)?;
                walk(&def.body, guarded, f)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// A handler that catches ImportError by name: bare, `ImportError`,
/// `ModuleNotFoundError`, `Exception`, `BaseException`, or a tuple with one.
fn catches_import_error(h: &crate::ast::ExceptHandler) -> bool {
    use crate::ast::ExprKind;
    fn names_one(e: &crate::ast::Expr) -> bool {
        let name = match &e.kind {
            ExprKind::Name(n) => &n.id,
            ExprKind::Attribute { attr, .. } => attr,
            ExprKind::Tuple(items) => return items.iter().any(names_one),
            _ => return false,
        };
        matches!(&**name, "ImportError" | "ModuleNotFoundError" | "Exception" | "BaseException")
    }
    h.typ.as_ref().is_none_or(names_one)
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
