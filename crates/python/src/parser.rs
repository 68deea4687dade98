//! The parser: tokens to the syntax tree of `ast.rs`, by recursive descent,
//! with CPython 3.11's error messages and positions for invalid code.
//!
//! `parse` runs the tokenizer, this parser, then `validate` (the checks
//! CPython makes after parsing: `'return' outside function` ...). Valid code
//! outside the supported subset is reported as `CompileError::unsupported`
//! only when the source has no syntax error at all.

use crate::ast::*;
use crate::error::{CompileError, CompileErrorKind};
use crate::lexer::{self, TokKind, Token};
use std::cell::Cell;
use std::rc::Rc;

/// The deepest nesting of expressions / blocks the parser accepts.
pub const MAX_DEPTH: u32 = 200;

const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Whether `name` is a (hard) keyword of Python 3.11.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// Parses a module. Errors are CPython 3.11's SyntaxError (message, line,
/// offset), or `Unsupported` for valid code the tree cannot represent.
pub fn parse(source: &str) -> Result<Module, CompileError> {
    let lexed = lexer::tokenize(source)?;
    let last = lexed.tokens.len() - 1;
    let mut p = Parser::new(lexed.tokens, 0);
    let body = match p.file() {
        Ok(body) => body,
        Err(e) => {
            if let Some(u) = lexed.unclosed {
                let fetched = p.fetched.get().min(last);
                let at_eof = fetched >= last;
                if e.kind != CompileErrorKind::Unsupported
                    && (at_eof || p.toks[fetched].pos.line > u.pos.line)
                {
                    return Err(CompileError::syntax(format!("'{}' was never closed", u.ch), u.pos));
                }
            }
            return Err(e);
        }
    };
    let doc = docstring(&body);
    let mut module = Module { body, doc };
    let later = crate::validate::validate(&mut module)?;
    if let Some(e) = p.deferred {
        return Err(e);
    }
    let first = match (p.unsupported, later) {
        (Some(a), Some(b)) => Some(if (b.pos.line, b.pos.col) < (a.pos.line, a.pos.col) { b } else { a }),
        (a, b) => a.or(b),
    };
    match first {
        Some(e) => Err(e),
        None => Ok(module),
    }
}

/// The docstring of a body: its first statement when that is a plain string.
pub(crate) fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr { kind: ExprKind::Const(Const::Str(s)), .. })) => Some(s.clone()),
        _ => None,
    }
}

type PResult<T> = Result<T, CompileError>;

/// Where assignment targets appear, for their error messages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetCtx {
    Assign,
    For,
    Del,
}

struct Parser {
    toks: Vec<Token>,
    i: usize,
    /// The furthest token looked at: where a generic `invalid syntax` points.
    far: Cell<usize>,
    /// The furthest token looked at, also by the checks that only look for a
    /// better message (CPython's second pass).
    fetched: Cell<usize>,
    /// An error CPython's compiler reports (after all syntax errors).
    deferred: Option<CompileError>,
    /// Where the last element of the last `star_expressions` tuple started.
    last_elt_start: usize,
    /// For each function being parsed (innermost last): whether it is `async`.
    functions: Vec<bool>,
    depth: u32,
    /// The first unsupported construct met (reported only if nothing else is wrong).
    unsupported: Option<CompileError>,
    /// Inside a speculative parse: the second-pass error checks are off.
    speculating: u32,
    /// `from __future__ import annotations` was seen: annotations are not kept.
    future_annotations: bool,
    /// String constants made so far: equal ones are one object, as CPython's
    /// compiler merges a module's constants (`"hi" is "hi"`).
    strings: std::collections::HashSet<Rc<str>>,
}

impl Parser {
    /// The string constant `s`, the same object as the equal ones before it.
    fn constant_str(&mut self, s: String) -> Rc<str> {
        if let Some(same) = self.strings.get(s.as_str()) {
            return same.clone();
        }
        let text: Rc<str> = Rc::from(s);
        self.strings.insert(text.clone());
        text
    }
}

fn expr(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos, end: pos, lead: pos }
}

fn stmt(kind: StmtKind, pos: Pos) -> Stmt {
    Stmt { kind, pos }
}

/// CPython's name for an expression in error messages (`_PyPegen_get_expr_name`).
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Name(_) => "name",
        ExprKind::Const(Const::None) => "None",
        ExprKind::Const(Const::True) => "True",
        ExprKind::Const(Const::False) => "False",
        ExprKind::Const(Const::Ellipsis) => "ellipsis",
        ExprKind::Const(_) => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Set(_) => "set display",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Starred(_) => "starred",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Slice { .. } => "slice",
        ExprKind::Call { .. } => "function call",
        ExprKind::BinOp { .. } | ExprKind::BoolOp { .. } => "expression",
        ExprKind::UnaryOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::Comp { kind: CompKind::List, .. } => "list comprehension",
        ExprKind::Comp { kind: CompKind::Set, .. } => "set comprehension",
        ExprKind::Comp { kind: CompKind::Dict, .. } => "dict comprehension",
        ExprKind::Comp { kind: CompKind::Generator, .. } => "generator expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::NamedExpr { .. } => "named expression",
    }
}

/// The first part of `e` that cannot be assigned to (or deleted), if any.
fn invalid_target(e: &Expr, ctx: TargetCtx) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::List(elts) | ExprKind::Tuple(elts) => elts.iter().find_map(|e| invalid_target(e, ctx)),
        ExprKind::Starred(inner) if ctx != TargetCtx::Del => invalid_target(inner, ctx),
        ExprKind::Compare { left, ops } if ctx == TargetCtx::For => {
            if ops[0].0 == CmpOp::In {
                invalid_target(left, ctx)
            } else {
                None
            }
        }
        _ => Some(e),
    }
}

impl Parser {
    fn new(toks: Vec<Token>, depth: u32) -> Parser {
        Parser {
            toks,
            i: 0,
            far: Cell::new(0),
            fetched: Cell::new(0),
            deferred: None,
            last_elt_start: 0,
            functions: Vec::new(),
            depth,
            unsupported: None,
            speculating: 0,
            future_annotations: false,
            strings: std::collections::HashSet::new(),
        }
    }

    /// An expression node ending with the last token consumed (its
    /// `end`, as CPython's `end_col_offset`).
    fn node(&self, kind: ExprKind, pos: Pos) -> Expr {
        let mut e = expr(kind, pos);
        e.end = self.prev_end();
        e
    }

    /// The text of tokens `from..to`, one space where the source had any
    /// and around `|` (as `ast.unparse` writes `X | None`).
    fn source_text(&self, from: usize, to: usize) -> String {
        let mut text = String::new();
        let bar = |k: usize| self.toks[k].kind == TokKind::Op && &*self.toks[k].text == "|";
        for k in from..to {
            let t = &self.toks[k];
            if k > from && (self.toks[k - 1].end != t.pos || bar(k) || bar(k - 1)) {
                text.push(' ');
            }
            text.push_str(&t.text);
        }
        text
    }

    /// `e` ending with the last token consumed.
    fn ended(&self, mut e: Expr) -> Expr {
        e.end = self.prev_end();
        e
    }

    /// Where the last token consumed ends.
    fn prev_end(&self) -> Pos {
        self.toks[self.i.saturating_sub(1)].end
    }

    // ----- token access -----

    fn tok(&self) -> &Token {
        self.touch(self.i);
        &self.toks[self.i]
    }

    fn touch(&self, at: usize) {
        if at > self.far.get() {
            self.far.set(at);
        }
        if at > self.fetched.get() {
            self.fetched.set(at);
        }
    }

    /// The token `k` ahead of the current one (the end marker past the end).
    fn ahead(&self, k: usize) -> &Token {
        let at = (self.i + k).min(self.toks.len() - 1);
        self.touch(at);
        &self.toks[at]
    }

    fn kind(&self) -> TokKind {
        self.tok().kind
    }

    fn pos(&self) -> Pos {
        self.tok().pos
    }

    fn is_op(&self, op: &str) -> bool {
        let t = self.tok();
        t.kind == TokKind::Op && &*t.text == op
    }

    fn is_kw(&self, kw: &str) -> bool {
        let t = self.tok();
        t.kind == TokKind::Name && &*t.text == kw
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let yes = self.is_op(op);
        if yes {
            self.i += 1;
        }
        yes
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        let yes = self.is_kw(kw);
        if yes {
            self.i += 1;
        }
        yes
    }

    fn is_name(&self) -> bool {
        let t = self.tok();
        t.kind == TokKind::Name && !is_keyword(&t.text)
    }

    /// The generic error at the furthest token seen.
    fn invalid(&self) -> CompileError {
        let t = &self.toks[self.far.get().max(self.i).min(self.toks.len() - 1)];
        match t.kind {
            TokKind::Indent => CompileError::indentation("unexpected indent", t.pos),
            TokKind::Dedent => CompileError::indentation("unexpected unindent", t.pos),
            _ => CompileError::syntax("invalid syntax", t.pos),
        }
    }

    fn expect_op(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    fn expect_kw(&mut self, kw: &str) -> PResult<()> {
        if self.eat_kw(kw) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    /// CPython's forced tokens (`&&':'`): `expected ':'` at whatever is there.
    fn forced(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(CompileError::syntax(format!("expected '{op}'"), self.pos()))
        }
    }

    /// A colon that CPython asks for only when the line ends instead.
    fn colon(&mut self) -> PResult<()> {
        if self.eat_op(":") {
            Ok(())
        } else if self.kind() == TokKind::Newline {
            Err(CompileError::syntax("expected ':'", self.pos()))
        } else {
            Err(self.invalid())
        }
    }

    fn name(&mut self) -> PResult<(Rc<str>, Pos)> {
        if self.is_name() {
            let t = &self.toks[self.i];
            let r = (t.text.clone(), t.pos);
            self.i += 1;
            Ok(r)
        } else {
            Err(self.invalid())
        }
    }

    fn note_unsupported(&mut self, what: &str, pos: Pos) {
        if self.unsupported.is_none() && self.speculating == 0 {
            self.unsupported = Some(CompileError::unsupported(what, pos));
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::syntax("expression too deeply nested", self.pos()));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Runs `f` speculatively: on failure, the position is restored and `None` returned.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Parser) -> PResult<T>) -> Option<T> {
        let (i, depth) = (self.i, self.depth);
        self.speculating += 1;
        let r = f(self);
        self.speculating -= 1;
        match r {
            Ok(v) => Some(v),
            Err(_) => {
                self.i = i;
                self.depth = depth;
                None
            }
        }
    }

    /// Whether `f` succeeds from token `at` (the position is left unchanged).
    /// Only for better error messages: the generic error position is kept.
    fn parses_at<T>(&mut self, at: usize, f: impl FnOnce(&mut Parser) -> PResult<T>) -> bool {
        let (save, far) = (self.i, self.far.get());
        self.i = at;
        let ok = self.attempt(f).is_some();
        self.i = save;
        self.far.set(far);
        ok
    }

    /// Whether the current token can start an expression.
    fn starts_expression(&self) -> bool {
        let t = self.tok();
        match t.kind {
            TokKind::Number | TokKind::String => true,
            TokKind::Name => {
                !is_keyword(&t.text)
                    || matches!(&*t.text, "None" | "True" | "False" | "not" | "lambda" | "await")
            }
            TokKind::Op => matches!(&*t.text, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
            _ => false,
        }
    }
}

mod exprs;
mod patterns;
mod stmts;
mod strings;

#[doc(hidden)]
pub mod show;

#[cfg(test)]
mod tests;

/// The tree of `src` as a compact s-expression, or its error (for tests and debugging).
#[doc(hidden)]
pub fn debug_tree(src: &str) -> String {
    match parse(src) {
        Ok(m) => show::show_module(&m),
        Err(e) => format!("{}: {} at {}:{}", e.type_name(), e.message, e.pos.line, e.pos.col),
    }
}
