//! Statements and blocks.

use super::{docstring, expr_name, invalid_target, stmt, PResult, Parser, TargetCtx};
use crate::ast::*;
use crate::error::CompileError;
use crate::lexer::TokKind;
use std::cell::RefCell;
use std::rc::Rc;

fn aug_op(text: &str) -> Option<BinOp> {
    Some(match text {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mul,
        "@=" => BinOp::MatMul,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "&=" => BinOp::BitAnd,
        _ => return None,
    })
}

impl Parser {
    /// The whole token stream.
    pub(super) fn file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while self.kind() != TokKind::EndMarker {
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let t = self.tok();
        match (t.kind, &*t.text.clone()) {
            (TokKind::Name, "def" | "class" | "if" | "while" | "for" | "try" | "with" | "async") => {
                out.push(self.compound(Vec::new())?);
                Ok(())
            }
            (TokKind::Name, "match") if self.is_match_stmt() => {
                out.push(self.match_stmt()?);
                Ok(())
            }
            (TokKind::Op, "@") => {
                let mut decorators = Vec::new();
                while self.eat_op("@") {
                    decorators.push(self.named_expression()?);
                    if self.kind() != TokKind::Newline {
                        return Err(self.invalid());
                    }
                    self.i += 1;
                }
                out.push(self.compound(decorators)?);
                Ok(())
            }
            _ => self.simple_stmts(out),
        }
    }

    fn compound(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let pos = self.pos();
        let kw = self.tok().text.clone();
        if !decorators.is_empty() && !matches!(&*kw, "def" | "class" | "async") {
            return Err(self.invalid());
        }
        match &*kw {
            "def" => self.funcdef(decorators, false, pos),
            "class" => self.classdef(decorators),
            "async" => {
                self.i += 1;
                match &*self.tok().text {
                    "def" if self.kind() == TokKind::Name => self.funcdef(decorators, true, pos),
                    "for" if decorators.is_empty() && self.kind() == TokKind::Name => {
                        self.for_stmt(true, pos)
                    }
                    "with" if decorators.is_empty() && self.kind() == TokKind::Name => {
                        self.with_stmt(true, pos)
                    }
                    _ => Err(self.invalid()),
                }
            }
            "if" => self.if_stmt("if"),
            "while" => self.while_stmt(),
            "for" => self.for_stmt(false, pos),
            "try" => self.try_stmt(),
            _ => self.with_stmt(false, pos),
        }
    }

    /// A `match` soft keyword starting a match statement (`match subject:`).
    fn is_match_stmt(&mut self) -> bool {
        let at = self.i + 1;
        self.parses_at(at, |p| {
            p.star_named_expression()?;
            while p.eat_op(",") {
                if p.is_op(":") {
                    break;
                }
                p.star_named_expression()?;
            }
            p.expect_op(":")?;
            if p.kind() == TokKind::Newline {
                Ok(())
            } else {
                Err(p.invalid())
            }
        })
    }

    /// An indented block (or simple statements on the same line), after a colon.
    pub(super) fn block(&mut self, what: &str) -> PResult<Vec<Stmt>> {
        self.enter()?;
        let r = self.block_inner(what);
        self.leave();
        r
    }

    fn block_inner(&mut self, what: &str) -> PResult<Vec<Stmt>> {
        let mut out = Vec::new();
        if self.kind() != TokKind::Newline {
            self.simple_stmts(&mut out)?;
            return Ok(out);
        }
        self.i += 1;
        if self.kind() != TokKind::Indent {
            let msg = format!("expected an indented block after {what}");
            return Err(CompileError::indentation(msg, self.pos()));
        }
        self.i += 1;
        while !matches!(self.kind(), TokKind::Dedent | TokKind::EndMarker) {
            self.statement(&mut out)?;
        }
        if self.kind() == TokKind::Dedent {
            self.i += 1;
        }
        Ok(out)
    }

    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            out.push(self.simple_stmt()?);
            if !self.eat_op(";") || self.kind() == TokKind::Newline {
                break;
            }
        }
        if self.kind() != TokKind::Newline {
            return Err(self.invalid());
        }
        self.i += 1;
        Ok(())
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let t = self.tok();
        let pos = t.pos;
        if t.kind != TokKind::Name {
            return self.expr_stmt();
        }
        let kind = match &*t.text.clone() {
            "pass" | "break" | "continue" => {
                let kind = match &*t.text {
                    "pass" => StmtKind::Pass,
                    "break" => StmtKind::Break,
                    _ => StmtKind::Continue,
                };
                self.i += 1;
                kind
            }
            "return" => {
                self.i += 1;
                let value = if self.starts_expression() || self.is_op("*") {
                    Some(self.star_expressions()?)
                } else {
                    None
                };
                StmtKind::Return(value)
            }
            "raise" => {
                self.i += 1;
                let exc = if self.starts_expression() { Some(self.expression()?) } else { None };
                let cause =
                    if exc.is_some() && self.eat_kw("from") { Some(self.expression()?) } else { None };
                StmtKind::Raise { exc, cause }
            }
            "global" | "nonlocal" => {
                let global = self.is_kw("global");
                self.i += 1;
                let mut names = vec![self.name()?.0];
                while self.eat_op(",") {
                    names.push(self.name()?.0);
                }
                if global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            "del" => self.del_stmt()?,
            "assert" => {
                self.i += 1;
                let test = self.expression()?;
                let msg = if self.eat_op(",") { Some(self.expression()?) } else { None };
                StmtKind::Assert { test, msg }
            }
            "import" => self.import()?,
            "from" => self.import_from()?,
            _ => return self.expr_stmt(),
        };
        Ok(stmt(kind, pos))
    }

    fn del_stmt(&mut self) -> PResult<StmtKind> {
        self.i += 1;
        let mut targets = Vec::new();
        loop {
            let e = self.target_elt()?;
            self.check_target(&e, TargetCtx::Del)?;
            targets.push(e);
            if !self.eat_op(",") || matches!(self.kind(), TokKind::Newline) || self.is_op(";") {
                break;
            }
        }
        Ok(StmtKind::Delete(targets))
    }

    fn dotted_name(&mut self) -> PResult<(Rc<str>, Pos)> {
        let (first, pos) = self.name()?;
        let mut name = first.to_string();
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.name()?.0);
        }
        Ok((Rc::from(name), pos))
    }

    fn import(&mut self) -> PResult<StmtKind> {
        self.i += 1;
        let mut names = Vec::new();
        loop {
            let (name, pos) = self.dotted_name()?;
            let asname = if self.eat_kw("as") { Some(self.name()?.0) } else { None };
            names.push(Alias { name, asname, pos });
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.i += 1;
        let mut level = 0;
        loop {
            if self.eat_op(".") {
                level += 1;
            } else if self.eat_op("...") {
                level += 3;
            } else {
                break;
            }
        }
        let module = if level > 0 && self.is_kw("import") { Rc::from("") } else { self.dotted_name()?.0 };
        self.expect_kw("import")?;
        let pos = self.pos();
        if self.eat_op("*") {
            let names = vec![Alias { name: Rc::from("*"), asname: None, pos }];
            return Ok(StmtKind::ImportFrom { module, names, level });
        }
        let paren = self.eat_op("(");
        let mut names = Vec::new();
        loop {
            let (name, pos) = self.name()?;
            let asname = if self.eat_kw("as") { Some(self.name()?.0) } else { None };
            names.push(Alias { name, asname, pos });
            if !self.eat_op(",") {
                break;
            }
            if paren && self.is_op(")") {
                break;
            }
            if !paren && (self.kind() == TokKind::Newline || self.is_op(";")) {
                let msg = "trailing comma not allowed without surrounding parentheses";
                return Err(CompileError::syntax(msg, self.pos()));
            }
        }
        if paren {
            self.expect_op(")")?;
        }
        if level == 0 && &*module == "__future__" && names.iter().any(|a| &*a.name == "annotations") {
            self.future_annotations = true;
        }
        Ok(StmtKind::ImportFrom { module, names, level })
    }

    fn rhs(&mut self) -> PResult<Expr> {
        if self.is_kw("yield") {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    /// Expression statements and assignments of all kinds.
    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start = self.i;
        let pos = self.pos();
        self.last_elt_start = start;
        let first = self.rhs()?;
        let last_elt = self.last_elt_start;
        if self.is_op(":") {
            return self.ann_assign(first, start);
        }
        let t = self.tok();
        if t.kind == TokKind::Op {
            if let Some(op) = aug_op(&t.text) {
                if !matches!(
                    first.kind,
                    ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                ) {
                    let msg =
                        format!("'{}' is an illegal expression for augmented assignment", expr_name(&first));
                    return Err(CompileError::syntax(msg, first.pos));
                }
                self.i += 1;
                let value = self.rhs()?;
                return Ok(stmt(StmtKind::AugAssign { target: first, op, value }, pos));
            }
        }
        if self.is_op("=") {
            return self.assign(first, start, last_elt);
        }
        self.check_legacy_print(&first)?;
        Ok(stmt(StmtKind::Expr(first), pos))
    }

    /// `print "x"`: CPython's hint about the missing parentheses.
    fn check_legacy_print(&mut self, first: &Expr) -> PResult<()> {
        let ExprKind::Name(name) = &first.kind else { return Ok(()) };
        if !matches!(&*name.id, "print" | "exec") || !self.starts_expression() || self.speculating > 0 {
            return Ok(());
        }
        let at = self.i;
        if self.parses_at(at, |p| p.star_expressions()) {
            let msg = format!("Missing parentheses in call to '{0}'. Did you mean {0}(...)?", name.id);
            return Err(CompileError::syntax(msg, first.pos));
        }
        Ok(())
    }

    fn assign(&mut self, first: Expr, start: usize, last_elt: usize) -> PResult<Stmt> {
        let pos = first.pos;
        let first_eq = self.i;
        let mut targets = vec![first];
        let value = loop {
            self.i += 1;
            let v = self.rhs()?;
            if !self.is_op("=") {
                break v;
            }
            targets.push(v);
        };
        for (k, t) in targets.iter().enumerate() {
            let Some(bad) = invalid_target(t, TargetCtx::Assign) else { continue };
            if k == 0 && targets.len() == 1 {
                let save = self.i;
                self.i = first_eq;
                let err = match &t.kind {
                    ExprKind::Tuple(elts) if !self.toks[start].text.starts_with('(') => {
                        self.invalid_named_eq(elts.last().unwrap(), last_elt)
                    }
                    _ => self.invalid_named_eq(t, start),
                };
                self.i = save;
                if let Some(err) = err {
                    return Err(err);
                }
            }
            if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                return Err(CompileError::syntax("assignment to yield expression not possible", t.pos));
            }
            return Err(CompileError::syntax(format!("cannot assign to {}", expr_name(bad)), bad.pos));
        }
        Ok(stmt(StmtKind::Assign { targets, value }, pos))
    }

    fn ann_assign(&mut self, target: Expr, start: usize) -> PResult<Stmt> {
        let simple = match &target.kind {
            ExprKind::Name(_) => !self.toks[start].text.starts_with('('),
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
            ExprKind::Tuple(_) | ExprKind::List(_) => {
                let msg = format!("only single target (not {}) can be annotated", expr_name(&target));
                return Err(CompileError::syntax(msg, target.pos));
            }
            _ => return Err(CompileError::syntax("illegal target for annotation", target.pos)),
        };
        self.i += 1;
        let first = self.i;
        let annotation = self.expression()?;
        let annotation = self.postponed(annotation, first);
        let value = if self.eat_op("=") { Some(self.rhs()?) } else { None };
        let pos = target.pos;
        Ok(stmt(StmtKind::AnnAssign { target, annotation, value, simple }, pos))
    }

    fn if_stmt(&mut self, kw: &str) -> PResult<Stmt> {
        let pos = self.pos();
        self.i += 1;
        let test = self.named_expression()?;
        self.colon()?;
        let body = self.block(&format!("'{kw}' statement on line {}", pos.line))?;
        let orelse = if self.is_kw("elif") {
            self.enter()?;
            let s = self.if_stmt("elif")?;
            self.leave();
            vec![s]
        } else {
            self.else_block()?
        };
        Ok(stmt(StmtKind::If { test, body, orelse }, pos))
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.is_kw("else") {
            return Ok(Vec::new());
        }
        let pos = self.pos();
        self.i += 1;
        self.forced(":")?;
        self.block(&format!("'else' statement on line {}", pos.line))
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        self.i += 1;
        let test = self.named_expression()?;
        self.colon()?;
        let body = self.block(&format!("'while' statement on line {}", pos.line))?;
        let orelse = self.else_block()?;
        Ok(stmt(StmtKind::While { test, body, orelse }, pos))
    }

    fn for_stmt(&mut self, is_async: bool, pos: Pos) -> PResult<Stmt> {
        let for_line = self.pos().line;
        self.i += 1;
        let target = self.target_list(TargetCtx::For)?;
        self.expect_kw("in")?;
        let iter = self.star_expressions()?;
        self.colon()?;
        let body = self.block(&format!("'for' statement on line {for_line}"))?;
        let orelse = self.else_block()?;
        Ok(stmt(StmtKind::For { target, iter, body, orelse, is_async }, pos))
    }

    fn with_stmt(&mut self, is_async: bool, pos: Pos) -> PResult<Stmt> {
        let with_line = self.pos().line;
        self.i += 1;
        let items = match self.is_op("(") {
            true => self.attempt(|p| p.paren_with_items()),
            false => None,
        };
        let items = match items {
            Some(items) => items,
            None => {
                let mut items = vec![self.with_item()?];
                while self.eat_op(",") {
                    items.push(self.with_item()?);
                }
                items
            }
        };
        self.colon()?;
        let body = self.block(&format!("'with' statement on line {with_line}"))?;
        Ok(stmt(StmtKind::With { items, body, is_async }, pos))
    }

    fn paren_with_items(&mut self) -> PResult<Vec<WithItem>> {
        self.expect_op("(")?;
        let mut items = vec![self.with_item()?];
        while self.eat_op(",") {
            if self.is_op(")") {
                break;
            }
            items.push(self.with_item()?);
        }
        self.expect_op(")")?;
        if !self.is_op(":") {
            return Err(self.invalid());
        }
        Ok(items)
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context = self.expression()?;
        let target = if self.eat_kw("as") {
            let t = self.target_elt()?;
            if !(self.is_op(",") || self.is_op(")") || self.is_op(":")) {
                return Err(self.invalid());
            }
            self.check_target(&t, TargetCtx::Assign)?;
            Some(t)
        } else {
            None
        };
        Ok(WithItem { context, target })
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        self.i += 1;
        self.forced(":")?;
        let body = self.block(&format!("'try' statement on line {}", pos.line))?;
        let mut handlers = Vec::new();
        let mut is_star = None;
        while self.is_kw("except") {
            let hpos = self.pos();
            self.i += 1;
            let star = self.eat_op("*");
            if *is_star.get_or_insert(star) != star {
                let msg = "cannot have both 'except' and 'except*' on the same 'try'";
                return Err(CompileError::syntax(msg, hpos));
            }
            handlers.push(self.handler(hpos, star)?);
        }
        if handlers.is_empty() && !self.is_kw("finally") {
            return Err(CompileError::syntax("expected 'except' or 'finally' block", self.pos()));
        }
        let orelse = if handlers.is_empty() { Vec::new() } else { self.else_block()? };
        let finalbody = if self.is_kw("finally") {
            let fpos = self.pos();
            self.i += 1;
            self.forced(":")?;
            self.block(&format!("'finally' statement on line {}", fpos.line))?
        } else {
            Vec::new()
        };
        let is_star = is_star.unwrap_or(false);
        Ok(stmt(StmtKind::Try { body, handlers, orelse, finalbody, is_star }, pos))
    }

    fn handler(&mut self, pos: Pos, star: bool) -> PResult<ExceptHandler> {
        if star && (self.is_op(":") || self.kind() == TokKind::Newline) {
            return Err(CompileError::syntax("expected one or more exception types", self.pos()));
        }
        let (typ, name) = if self.is_op(":") && !star {
            (None, None)
        } else {
            let typ = self.expression()?;
            if self.is_op(",") && self.speculating == 0 {
                return Err(CompileError::syntax("multiple exception types must be parenthesized", typ.pos));
            }
            let name = if self.eat_kw("as") { Some(Name::new(&self.name()?.0)) } else { None };
            (Some(typ), name)
        };
        self.colon()?;
        let what = if star { "except*" } else { "except" };
        let body = self.block(&format!("'{what}' statement on line {}", pos.line))?;
        Ok(ExceptHandler { typ, name, body, pos })
    }

    fn funcdef(&mut self, decorators: Vec<Expr>, is_async: bool, pos: Pos) -> PResult<Stmt> {
        let def_line = self.pos().line;
        self.i += 1;
        let (name, _) = self.name()?;
        self.forced("(")?;
        let mut params = self.params(true, ")")?;
        self.expect_op(")")?;
        if self.eat_op("->") {
            let first = self.i;
            let returns = self.expression()?;
            let returns = self.postponed(returns, first);
            params.annotations.push((Rc::from("return"), returns));
        }
        self.forced(":")?;
        self.functions.push(is_async);
        let body = self.block(&format!("function definition on line {def_line}"));
        self.functions.pop();
        let body = body?;
        let f = FunctionDef {
            qualname: name.clone(),
            binding: name.clone(),
            name,
            params,
            doc: docstring(&body),
            body,
            decorators,
            is_async,
            is_generator: false,
            is_lambda: false,
            pos,
            scope: RefCell::default(),
        };
        Ok(stmt(StmtKind::FunctionDef(Rc::new(f)), pos))
    }

    fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let pos = self.pos();
        self.i += 1;
        let (name, _) = self.name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.is_op("(") {
            for arg in self.call_args(false)? {
                match arg {
                    Arg::Pos(e) => bases.push(e),
                    Arg::Star(e) => {
                        let p = e.pos;
                        bases.push(self.node(ExprKind::Starred(Box::new(e)), p));
                    }
                    Arg::Kw(k, e) => keywords.push((k, e)),
                    Arg::KwStar(e) => {
                        self.note_unsupported("keyword argument unpacking in a class definition", e.pos)
                    }
                }
            }
        }
        self.colon()?;
        let body = self.block(&format!("class definition on line {}", pos.line))?;
        let c = ClassDef {
            qualname: name.clone(),
            binding: name.clone(),
            name,
            bases,
            keywords,
            doc: docstring(&body),
            body,
            decorators,
            pos,
        };
        Ok(stmt(StmtKind::ClassDef(Rc::new(c)), pos))
    }
}
