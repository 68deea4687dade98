//! Errors found before anything runs: Python's SyntaxError (and its
//! IndentationError / TabError subclasses), and valid Python that the
//! playground does not run.

use crate::ast::Pos;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Valid Python 3.11 outside the supported subset.
    Unsupported,
    /// An import of a module the playground does not have.
    ModuleNotFound,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    /// CPython's message for syntax errors (`invalid syntax`, `expected ':'`,
    /// `'await' outside async function` ...); for unsupported code, what is
    /// not supported (`yield from`).
    pub message: String,
    pub pos: Pos,
}

impl CompileError {
    pub fn syntax(message: impl Into<String>, pos: Pos) -> CompileError {
        CompileError { kind: CompileErrorKind::SyntaxError, message: message.into(), pos }
    }
    pub fn indentation(message: impl Into<String>, pos: Pos) -> CompileError {
        CompileError { kind: CompileErrorKind::IndentationError, message: message.into(), pos }
    }
    pub fn unsupported(what: impl Into<String>, pos: Pos) -> CompileError {
        CompileError { kind: CompileErrorKind::Unsupported, message: what.into(), pos }
    }
    /// The exception type's name as Python would print it.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            CompileErrorKind::SyntaxError => "SyntaxError",
            CompileErrorKind::IndentationError => "IndentationError",
            CompileErrorKind::TabError => "TabError",
            CompileErrorKind::Unsupported => "NotSupported",
            CompileErrorKind::ModuleNotFound => "ModuleNotFoundError",
        }
    }
}

impl fmt::Display for CompileError {
    /// `SyntaxError: invalid syntax`, or `not supported in the playground: yield from`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            CompileErrorKind::Unsupported => write!(f, "not supported in the playground: {}", self.message),
            _ => write!(f, "{}: {}", self.type_name(), self.message),
        }
    }
}
