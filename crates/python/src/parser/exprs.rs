//! Expressions, from `star_expressions` down to atoms.

use super::{expr, expr_name, invalid_target, is_keyword, PResult, Parser, TargetCtx, MAX_DEPTH};
use crate::ast::*;
use crate::error::CompileError;
use crate::lexer::TokKind;
use std::cell::RefCell;
use std::rc::Rc;

fn binop(text: &str) -> Option<(BinOp, u8)> {
    Some(match text {
        "|" => (BinOp::BitOr, 0),
        "^" => (BinOp::BitXor, 1),
        "&" => (BinOp::BitAnd, 2),
        "<<" => (BinOp::LShift, 3),
        ">>" => (BinOp::RShift, 3),
        "+" => (BinOp::Add, 4),
        "-" => (BinOp::Sub, 4),
        "*" => (BinOp::Mul, 5),
        "/" => (BinOp::Div, 5),
        "//" => (BinOp::FloorDiv, 5),
        "%" => (BinOp::Mod, 5),
        "@" => (BinOp::MatMul, 5),
        _ => return None,
    })
}

impl Parser {
    /// `a, *b, c` (a tuple when there is a comma).
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let first = self.star_expression()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let pos = first.pos;
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.starts_expression() && !self.is_op("*") {
                break;
            }
            self.last_elt_start = self.i;
            elts.push(self.star_expression()?);
        }
        Ok(self.node(ExprKind::Tuple(elts), pos))
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.is_op("*") {
            let pos = self.pos();
            self.i += 1;
            let value = self.bitwise(0)?;
            return Ok(self.node(ExprKind::Starred(Box::new(value)), pos));
        }
        self.expression()
    }

    /// An element of a display: `*e` or a named expression.
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.is_op("*") {
            let pos = self.pos();
            self.i += 1;
            let value = self.bitwise(0)?;
            return Ok(self.node(ExprKind::Starred(Box::new(value)), pos));
        }
        self.named_expression()
    }

    /// `name := value` or an expression.
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        self.named_expression_hint(true)
    }

    /// `name := value` or an expression; `hint`: explain a following `=`.
    fn named_expression_hint(&mut self, hint: bool) -> PResult<Expr> {
        let start = self.i;
        let walrus = |p: &Parser| {
            let n = p.ahead(1);
            n.kind == TokKind::Op && &*n.text == ":="
        };
        if !(self.is_name() && walrus(self)) {
            let e = self.expression()?;
            if !self.is_op(":=") && !self.is_op("=") {
                return Ok(e);
            }
            return self.named_expression_error(e, start, hint);
        }
        self.walrus()
    }

    #[inline(never)]
    fn walrus(&mut self) -> PResult<Expr> {
        let (id, pos) = self.name()?;
        self.i += 1;
        let value = self.expression()?;
        let target = Name::new(&id);
        Ok(self.node(ExprKind::NamedExpr { target, value: Box::new(value) }, pos))
    }

    #[inline(never)]
    fn named_expression_error(&mut self, e: Expr, start: usize, hint: bool) -> PResult<Expr> {
        if self.is_op(":=") {
            let msg = format!("cannot use assignment expressions with {}", expr_name(&e));
            return Err(CompileError::syntax(msg, e.pos));
        }
        if self.is_op("=") && hint {
            if let Some(err) = self.invalid_named_eq(&e, start) {
                return Err(err);
            }
        }
        Ok(e)
    }

    /// CPython's `invalid_named_expression`: `e = ...` where `==` was probably meant.
    #[inline(never)]
    pub(super) fn invalid_named_eq(&mut self, e: &Expr, start: usize) -> Option<CompileError> {
        if self.speculating > 0 {
            return None;
        }
        let eq = self.i;
        let rhs_ok = self.parses_at(eq + 1, |p| {
            p.bitwise(0)?;
            if p.is_op("=") || p.is_op(":=") {
                Err(p.invalid())
            } else {
                Ok(())
            }
        });
        if !rhs_ok {
            return None;
        }
        if matches!(e.kind, ExprKind::Name(_)) && eq == start + 1 {
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            return Some(CompileError::syntax(msg, e.pos));
        }
        let first = &self.toks[start];
        let excluded = match (first.kind, &*first.text) {
            (TokKind::Name, "True" | "None" | "False") => true,
            (TokKind::Op, "(" | "[") => {
                let (save, far) = (self.i, self.far.get());
                self.i = start;
                let atom = self.attempt(|p| p.atom());
                self.i = save;
                self.far.set(far);
                matches!(
                    atom.map(|a| a.kind),
                    Some(
                        ExprKind::List(_)
                            | ExprKind::Tuple(_)
                            | ExprKind::Comp { kind: CompKind::Generator, .. }
                    )
                )
            }
            _ => false,
        };
        let bitwise_then_eq = self.parses_at(start, |p| {
            p.bitwise(0)?;
            if p.i == eq {
                Ok(())
            } else {
                Err(p.invalid())
            }
        });
        if excluded || !bitwise_then_eq {
            return None;
        }
        let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e));
        Some(CompileError::syntax(msg, e.pos))
    }

    /// `expression`: a lambda, a conditional expression or a disjunction.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = if self.is_kw("lambda") { self.lambda() } else { self.conditional() };
        self.leave();
        r
    }

    fn conditional(&mut self) -> PResult<Expr> {
        let start = self.i;
        let body = self.disjunction()?;
        if !self.is_kw("if") && (self.speculating > 0 || !self.starts_expression()) {
            return Ok(body);
        }
        self.conditional_rest(start, body)
    }

    #[inline(never)]
    fn conditional_rest(&mut self, start: usize, body: Expr) -> PResult<Expr> {
        if self.is_kw("if") {
            self.i += 1;
            let test = self.disjunction()?;
            if !self.eat_kw("else") {
                if !self.is_op(":") && self.speculating == 0 {
                    return Err(CompileError::syntax("expected 'else' after 'if' expression", body.pos));
                }
                return Err(self.invalid());
            }
            let orelse = self.expression()?;
            let pos = body.pos;
            let kind =
                ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) };
            return Ok(self.node(kind, pos));
        }
        self.check_missing_comma(start, &body)?;
        Ok(body)
    }

    /// CPython's `invalid_expression`: two expressions side by side in brackets.
    #[inline(never)]
    fn check_missing_comma(&mut self, start: usize, a: &Expr) -> PResult<()> {
        if self.speculating > 0 || !self.starts_expression() {
            return Ok(());
        }
        if let ExprKind::Name(n) = &a.kind {
            if matches!(&*n.id, "print" | "exec") {
                if self.parses_at(self.i, |p| p.star_expressions()) {
                    let msg = format!("Missing parentheses in call to '{0}'. Did you mean {0}(...)?", n.id);
                    return Err(CompileError::syntax(msg, a.pos));
                }
                return Ok(());
            }
        }
        let t0 = &self.toks[start];
        if t0.kind == TokKind::Name
            && (self.toks[start + 1].kind == TokKind::String || matches!(&*t0.text, "match" | "case" | "_"))
        {
            return Ok(());
        }
        let (save, far) = (self.i, self.far.get());
        let ok = self.attempt(|p| p.expression()).is_some();
        let level = self.toks[self.i - 1].level;
        self.i = save;
        self.far.set(far);
        if ok && level > 0 {
            return Err(CompileError::syntax("invalid syntax. Perhaps you forgot a comma?", a.pos));
        }
        Ok(())
    }

    /// `or` / `and` / `not` / comparisons, iteratively (one stack frame).
    fn disjunction(&mut self) -> PResult<Expr> {
        let first = self.inversion()?;
        if !self.is_kw("and") && !self.is_kw("or") {
            return Ok(first);
        }
        self.disjunction_rest(first)
    }

    #[inline(never)]
    fn disjunction_rest(&mut self, first: Expr) -> PResult<Expr> {
        let mut ors: Vec<Expr> = Vec::new();
        let mut first = Some(first);
        loop {
            let mut ands: Vec<Expr> = Vec::new();
            loop {
                ands.push(match first.take() {
                    Some(e) => e,
                    None => self.inversion()?,
                });
                if !self.eat_kw("and") {
                    break;
                }
            }
            ors.push(bool_op(BoolOp::And, ands));
            if !self.eat_kw("or") {
                break;
            }
        }
        Ok(bool_op(BoolOp::Or, ors))
    }

    /// `not not ... comparison`, without recursing.
    fn inversion(&mut self) -> PResult<Expr> {
        if self.is_kw("not") {
            return self.inversion_rest();
        }
        let left = self.bitwise(0)?;
        if self.cmp_ahead() {
            return self.comparison_rest(left);
        }
        Ok(left)
    }

    fn cmp_ahead(&self) -> bool {
        let t = self.tok();
        match t.kind {
            TokKind::Op => matches!(&*t.text, "==" | "!=" | "<" | "<=" | ">" | ">="),
            TokKind::Name => matches!(&*t.text, "in" | "not" | "is"),
            _ => false,
        }
    }

    #[inline(never)]
    fn comparison_rest(&mut self, left: Expr) -> PResult<Expr> {
        let mut ops = Vec::new();
        while let Some(op) = self.cmp_op() {
            ops.push((op, self.bitwise(0)?));
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let pos = left.pos;
        Ok(self.node(ExprKind::Compare { left: Box::new(left), ops }, pos))
    }

    #[inline(never)]
    fn inversion_rest(&mut self) -> PResult<Expr> {
        let mut nots = Vec::new();
        while self.is_kw("not") {
            nots.push(self.pos());
            self.i += 1;
            if self.depth + nots.len() as u32 > MAX_DEPTH {
                return Err(CompileError::syntax("expression too deeply nested", self.pos()));
            }
        }
        let left = self.bitwise(0)?;
        let mut ops = Vec::new();
        while let Some(op) = self.cmp_op() {
            ops.push((op, self.bitwise(0)?));
        }
        let mut e = if ops.is_empty() {
            left
        } else {
            let pos = left.pos;
            self.node(ExprKind::Compare { left: Box::new(left), ops }, pos)
        };
        for pos in nots.into_iter().rev() {
            e = self.node(ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(e) }, pos);
        }
        Ok(e)
    }

    fn cmp_op(&mut self) -> Option<CmpOp> {
        let t = self.tok();
        let op = match (t.kind, &*t.text) {
            (TokKind::Op, "==") => CmpOp::Eq,
            (TokKind::Op, "!=") => CmpOp::NotEq,
            (TokKind::Op, "<") => CmpOp::Lt,
            (TokKind::Op, "<=") => CmpOp::LtE,
            (TokKind::Op, ">") => CmpOp::Gt,
            (TokKind::Op, ">=") => CmpOp::GtE,
            (TokKind::Name, "in") => CmpOp::In,
            (TokKind::Name, "is") => {
                let next = self.ahead(1);
                if next.kind == TokKind::Name && &*next.text == "not" {
                    self.i += 1;
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            (TokKind::Name, "not") => {
                let next = self.ahead(1);
                if next.kind == TokKind::Name && &*next.text == "in" {
                    self.i += 1;
                    CmpOp::NotIn
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        self.i += 1;
        Some(op)
    }

    /// Binary operators from `|` to `*`, by precedence climbing.
    pub(super) fn bitwise(&mut self, min: u8) -> PResult<Expr> {
        let left = self.factor()?;
        let t = self.tok();
        if t.kind == TokKind::Op && binop(&t.text).is_some_and(|(_, prec)| prec >= min) {
            return self.bitwise_rest(left, min);
        }
        Ok(left)
    }

    #[inline(never)]
    fn bitwise_rest(&mut self, mut left: Expr, min: u8) -> PResult<Expr> {
        let mut chain = 0;
        loop {
            let t = self.tok();
            let Some((op, prec)) = (if t.kind == TokKind::Op { binop(&t.text) } else { None }) else { break };
            if prec < min {
                break;
            }
            self.i += 1;
            chain += 1;
            if self.depth + chain > MAX_DEPTH {
                return Err(CompileError::syntax("expression too deeply nested", self.pos()));
            }
            let right = self.bitwise(prec + 1)?;
            let pos = left.pos;
            left = self.node(ExprKind::BinOp { op, left: Box::new(left), right: Box::new(right) }, pos);
        }
        Ok(left)
    }

    fn unary_op(&self) -> Option<UnaryOp> {
        let t = self.tok();
        match (t.kind, &*t.text) {
            (TokKind::Op, "+") => Some(UnaryOp::Pos),
            (TokKind::Op, "-") => Some(UnaryOp::Neg),
            (TokKind::Op, "~") => Some(UnaryOp::Invert),
            _ => None,
        }
    }

    /// Unary operators, `await`, a primary with its trailers, and `**`
    /// (one stack frame, recursing only for the exponent).
    fn factor(&mut self) -> PResult<Expr> {
        if self.unary_op().is_some() || self.is_kw("await") {
            return self.factor_rest();
        }
        let e = self.atom()?;
        if self.is_op(".") || self.is_op("(") || self.is_op("[") || self.is_op("**") {
            return self.power_rest(e);
        }
        Ok(e)
    }

    #[inline(never)]
    fn power_rest(&mut self, mut e: Expr) -> PResult<Expr> {
        self.trailers(&mut e)?;
        if self.eat_op("**") {
            self.enter()?;
            let exp = self.factor()?;
            self.leave();
            let pos = e.pos;
            e = self.node(ExprKind::BinOp { op: BinOp::Pow, left: Box::new(e), right: Box::new(exp) }, pos);
        }
        Ok(e)
    }

    #[inline(never)]
    fn factor_rest(&mut self) -> PResult<Expr> {
        let mut unary = Vec::new();
        while let Some(op) = self.unary_op() {
            unary.push((op, self.pos()));
            self.i += 1;
            if self.depth + unary.len() as u32 > MAX_DEPTH {
                return Err(CompileError::syntax("expression too deeply nested", self.pos()));
            }
        }
        let await_pos = if self.is_kw("await") { Some(self.pos()) } else { None };
        if await_pos.is_some() {
            self.i += 1;
        }
        let mut e = self.atom()?;
        self.trailers(&mut e)?;
        if let Some(pos) = await_pos {
            e = self.node(ExprKind::Await(Box::new(e)), pos);
        }
        if self.eat_op("**") {
            self.depth += unary.len() as u32 + 1;
            if self.depth > MAX_DEPTH {
                return Err(CompileError::syntax("expression too deeply nested", self.pos()));
            }
            let exp = self.factor()?;
            self.depth -= unary.len() as u32 + 1;
            let pos = e.pos;
            e = self.node(ExprKind::BinOp { op: BinOp::Pow, left: Box::new(e), right: Box::new(exp) }, pos);
        }
        for (op, pos) in unary.into_iter().rev() {
            e = self.node(ExprKind::UnaryOp { op, operand: Box::new(e) }, pos);
        }
        Ok(e)
    }

    /// `.name`, `(args)` and `[index]` after an atom.
    #[inline(never)]
    fn trailers(&mut self, e: &mut Expr) -> PResult<()> {
        let mut chain = 0;
        loop {
            let pos = e.pos;
            let value = Box::new(std::mem::replace(e, expr(ExprKind::Const(Const::None), pos)));
            if self.eat_op(".") {
                let (attr, _) = self.name()?;
                *e = self.node(ExprKind::Attribute { value, attr }, pos);
            } else if self.is_op("(") {
                let args = self.call_args(true)?;
                *e = self.node(ExprKind::Call { func: value, args }, pos);
            } else if self.eat_op("[") {
                let index = self.slices()?;
                *e = self.node(ExprKind::Subscript { value, index: Box::new(index) }, pos);
            } else {
                *e = *value;
                return Ok(());
            }
            chain += 1;
            if self.depth + chain > MAX_DEPTH {
                return Err(CompileError::syntax("expression too deeply nested", self.pos()));
            }
        }
    }

    /// The inside of `a[...]`, after the `[`; consumes the `]`.
    #[inline(never)]
    fn slices(&mut self) -> PResult<Expr> {
        let first = self.slice()?;
        if self.eat_op("]") {
            return Ok(first);
        }
        let pos = first.pos;
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op("]") {
                break;
            }
            elts.push(self.slice()?);
        }
        let end = self.prev_end();
        self.expect_op("]")?;
        let mut tuple = self.node(ExprKind::Tuple(elts), pos);
        tuple.end = end;
        Ok(tuple)
    }

    fn slice(&mut self) -> PResult<Expr> {
        if self.is_op("*") {
            return self.star_named_expression();
        }
        let pos = self.pos();
        let lower = if self.is_op(":") { None } else { Some(self.named_expression()?) };
        if !self.eat_op(":") {
            return lower.ok_or_else(|| self.invalid());
        }
        let pos = lower.as_ref().map_or(pos, |e| e.pos);
        let part = |p: &mut Parser| -> PResult<Option<Box<Expr>>> {
            Ok(if p.starts_expression() { Some(Box::new(p.expression()?)) } else { None })
        };
        let upper = part(self)?;
        let step = if self.eat_op(":") { part(self)? } else { None };
        Ok(self.node(ExprKind::Slice { lower: lower.map(Box::new), upper, step }, pos))
    }

    /// A call's arguments, from its `(` to its `)`.
    #[inline(never)]
    pub(super) fn call_args(&mut self, genexp: bool) -> PResult<Vec<Arg>> {
        let open = self.pos();
        self.expect_op("(")?;
        let mut args: Vec<Arg> = Vec::new();
        let (mut seen_kw, mut seen_kwstar) = (false, false);
        let mut order_error: Option<&'static str> = None;
        while !self.is_op(")") {
            let pos = self.pos();
            if self.eat_op("*") {
                if seen_kwstar && self.speculating == 0 {
                    let msg = "iterable argument unpacking follows keyword argument unpacking";
                    return Err(CompileError::syntax(msg, pos));
                }
                args.push(Arg::Star(self.expression()?));
            } else if self.eat_op("**") {
                seen_kwstar = true;
                args.push(Arg::KwStar(self.expression()?));
            } else if self.tok().kind == TokKind::Name
                && self.ahead(1).kind == TokKind::Op
                && &*self.ahead(1).text == "="
            {
                let name = self.tok().text.clone();
                if is_keyword(&name) {
                    if matches!(&*name, "True" | "False" | "None") {
                        return Err(CompileError::syntax(format!("cannot assign to {name}"), pos));
                    }
                    return Err(self.invalid());
                }
                self.i += 2;
                seen_kw = true;
                let repeated = args.iter().any(|a| matches!(a, Arg::Kw(k, _) if *k == name));
                if repeated && self.deferred.is_none() && self.speculating == 0 {
                    self.deferred =
                        Some(CompileError::syntax(format!("keyword argument repeated: {name}"), pos));
                }
                args.push(Arg::Kw(name, self.expression()?));
                if self.is_kw("for") && self.speculating == 0 {
                    let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
                    return Err(CompileError::syntax(msg, pos));
                }
            } else {
                let e = self.call_positional(&args, open, genexp)?;
                if order_error.is_none() && (seen_kw || seen_kwstar) {
                    order_error = Some(if seen_kwstar {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    });
                }
                args.push(Arg::Pos(e));
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if !self.is_op(")") {
            return Err(self.invalid());
        }
        if let Some(msg) = order_error {
            return Err(CompileError::syntax(msg, self.pos()));
        }
        self.i += 1;
        Ok(args)
    }

    /// A positional argument (or a generator expression as the sole argument).
    fn call_positional(&mut self, args: &[Arg], open: Pos, genexp: bool) -> PResult<Expr> {
        let e = self.named_expression_hint(false)?;
        if !genexp && (self.is_kw("for") || self.is_kw("async")) {
            return Err(self.invalid());
        }
        if self.is_kw("for") || self.is_kw("async") {
            let generators = self.comp_clauses()?;
            if !args.is_empty() || !self.is_op(")") {
                if self.speculating == 0 {
                    return Err(CompileError::syntax("Generator expression must be parenthesized", e.pos));
                }
                return Err(self.invalid());
            }
            // It spans the call's parentheses, as CPython's node does.
            let mut g = comp(CompKind::Generator, e, None, generators, open);
            g.end = self.tok().end;
            return Ok(g);
        }
        if self.is_op("=") && self.speculating == 0 {
            let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
            return Err(CompileError::syntax(msg, e.pos));
        }
        Ok(e)
    }

    /// `for target in iter if cond ...` clauses of a comprehension.
    #[inline(never)]
    pub(super) fn comp_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        loop {
            let is_async = self.is_kw("async") && {
                let n = self.ahead(1);
                n.kind == TokKind::Name && &*n.text == "for"
            };
            if is_async {
                self.i += 1;
            }
            if !self.eat_kw("for") {
                break;
            }
            let target = self.target_list(TargetCtx::For)?;
            self.expect_kw("in")?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension { target, iter, ifs, is_async });
        }
        Ok(generators)
    }

    /// Assignment targets of `for`, comprehensions, `with ... as` and `del`:
    /// `a, *b` (a tuple when there is a comma), checked.
    pub(super) fn target_list(&mut self, ctx: TargetCtx) -> PResult<Expr> {
        let first = self.target_elt()?;
        let e = if self.is_op(",") {
            let pos = first.pos;
            let mut elts = vec![first];
            while self.eat_op(",") {
                if !self.starts_expression() && !self.is_op("*") {
                    break;
                }
                elts.push(self.target_elt()?);
            }
            self.node(ExprKind::Tuple(elts), pos)
        } else {
            first
        };
        self.check_target(&e, ctx)?;
        Ok(e)
    }

    pub(super) fn target_elt(&mut self) -> PResult<Expr> {
        if self.is_op("*") {
            let pos = self.pos();
            self.i += 1;
            let value = self.bitwise(0)?;
            return Ok(self.node(ExprKind::Starred(Box::new(value)), pos));
        }
        self.bitwise(0)
    }

    pub(super) fn check_target(&self, e: &Expr, ctx: TargetCtx) -> PResult<()> {
        match invalid_target(e, ctx) {
            None => Ok(()),
            Some(bad) => {
                let verb = if ctx == TargetCtx::Del { "delete" } else { "assign to" };
                Err(CompileError::syntax(format!("cannot {verb} {}", expr_name(bad)), bad.pos))
            }
        }
    }

    pub(super) fn atom(&mut self) -> PResult<Expr> {
        match self.kind() {
            TokKind::Op => {
                let t = self.tok();
                match &*t.text {
                    "(" => self.paren(),
                    "[" => self.list(),
                    "{" => self.brace(),
                    _ => self.atom_rest(),
                }
            }
            _ => self.atom_rest(),
        }
    }

    #[inline(never)]
    fn atom_rest(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        match t.kind {
            TokKind::Name => {
                let c = match &*t.text {
                    "None" => Const::None,
                    "True" => Const::True,
                    "False" => Const::False,
                    _ if is_keyword(&t.text) => return Err(self.invalid()),
                    _ => {
                        self.i += 1;
                        return Ok(self.node(ExprKind::Name(Name::new(&t.text)), t.pos));
                    }
                };
                self.i += 1;
                Ok(self.node(ExprKind::Const(c), t.pos))
            }
            TokKind::Number => {
                self.i += 1;
                let c = self.number(&t.text, t.pos);
                Ok(self.node(ExprKind::Const(c), t.pos))
            }
            TokKind::String => self.strings(),
            TokKind::Op => match &*t.text {
                "(" => self.paren(),
                "[" => self.list(),
                "{" => self.brace(),
                "..." => {
                    self.i += 1;
                    Ok(self.node(ExprKind::Const(Const::Ellipsis), t.pos))
                }
                _ => Err(self.invalid()),
            },
            _ => Err(self.invalid()),
        }
    }

    #[inline(never)]
    fn number(&mut self, text: &str, pos: Pos) -> Const {
        let clean: String = text.chars().filter(|&c| c != '_').collect::<String>().to_ascii_lowercase();
        if clean.ends_with('j') {
            self.note_unsupported("complex numbers", pos);
            return Const::Int(0);
        }
        let radix = match clean.get(..2) {
            Some("0x") => 16,
            Some("0o") => 8,
            Some("0b") => 2,
            _ => 10,
        };
        if radix != 10 {
            let digits = &clean[2..];
            return match i64::from_str_radix(digits, radix) {
                Ok(v) => Const::Int(v),
                Err(_) => Const::BigInt(Rc::from(crate::lexer::to_decimal(digits, radix))),
            };
        }
        if clean.contains(['.', 'e']) {
            return Const::Float(clean.parse().unwrap_or(f64::INFINITY));
        }
        match clean.parse::<i64>() {
            Ok(v) => Const::Int(v),
            Err(_) => {
                let digits = clean.trim_start_matches('0');
                Const::BigInt(Rc::from(if digits.is_empty() { "0" } else { digits }))
            }
        }
    }

    /// `( ... )`: a parenthesized expression, a tuple, a generator expression or a yield.
    #[inline(never)]
    fn paren(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.i += 1;
        if self.eat_op(")") {
            return Ok(self.node(ExprKind::Tuple(Vec::new()), pos));
        }
        if self.is_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_op(")")?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if self.is_kw("for") || self.is_kw("async") {
            self.no_starred_comp(&first)?;
            let generators = self.comp_clauses()?;
            self.expect_op(")")?;
            return Ok(self.ended(comp(CompKind::Generator, first, None, generators, pos)));
        }
        if self.eat_op(")") {
            if matches!(first.kind, ExprKind::Starred(_)) && self.speculating == 0 {
                return Err(CompileError::syntax("cannot use starred expression here", first.pos));
            }
            let mut first = first;
            first.lead = pos;
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op(")") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.expect_op(")")?;
        Ok(self.node(ExprKind::Tuple(elts), pos))
    }

    fn no_starred_comp(&self, first: &Expr) -> PResult<()> {
        if matches!(first.kind, ExprKind::Starred(_)) {
            return Err(CompileError::syntax(
                "iterable unpacking cannot be used in comprehension",
                first.pos,
            ));
        }
        Ok(())
    }

    #[inline(never)]
    fn list(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.i += 1;
        if self.eat_op("]") {
            return Ok(self.node(ExprKind::List(Vec::new()), pos));
        }
        let first = self.star_named_expression()?;
        if self.is_kw("for") || self.is_kw("async") {
            self.no_starred_comp(&first)?;
            let generators = self.comp_clauses()?;
            self.expect_op("]")?;
            return Ok(self.ended(comp(CompKind::List, first, None, generators, pos)));
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op("]") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.expect_op("]")?;
        Ok(self.node(ExprKind::List(elts), pos))
    }

    /// `{ ... }`: a dict or set display or comprehension.
    #[inline(never)]
    fn brace(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.i += 1;
        if self.eat_op("}") {
            return Ok(self.node(ExprKind::Dict(Vec::new()), pos));
        }
        if self.is_op("**") {
            return self.dict_rest(pos, Vec::new());
        }
        let first = self.star_named_expression()?;
        let colon = self.pos();
        if self.eat_op(":") {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.invalid());
            }
            self.dict_value_check(colon)?;
            let value = self.expression()?;
            if self.is_kw("for") || self.is_kw("async") {
                let generators = self.comp_clauses()?;
                self.expect_op("}")?;
                return Ok(self.ended(comp(CompKind::Dict, first, Some(value), generators, pos)));
            }
            return self.dict_rest(pos, vec![(Some(first), value)]);
        }
        if self.is_kw("for") || self.is_kw("async") {
            self.no_starred_comp(&first)?;
            let generators = self.comp_clauses()?;
            self.expect_op("}")?;
            return Ok(self.ended(comp(CompKind::Set, first, None, generators, pos)));
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op("}") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.expect_op("}")?;
        Ok(self.node(ExprKind::Set(elts), pos))
    }

    fn dict_value_check(&self, colon: Pos) -> PResult<()> {
        if (self.is_op("}") || self.is_op(",")) && self.speculating == 0 {
            return Err(CompileError::syntax("expression expected after dictionary key and ':'", colon));
        }
        Ok(())
    }

    /// The rest of a dict display after its first item (if any).
    #[inline(never)]
    fn dict_rest(&mut self, pos: Pos, mut items: Vec<(Option<Expr>, Expr)>) -> PResult<Expr> {
        loop {
            if !items.is_empty() && !self.eat_op(",") {
                break;
            }
            if self.is_op("}") {
                break;
            }
            let pos = self.pos();
            if self.eat_op("**") {
                items.push((None, self.bitwise(0)?));
                if self.is_kw("for") || self.is_kw("async") {
                    let msg = "dict unpacking cannot be used in dict comprehension";
                    return Err(CompileError::syntax(msg, pos));
                }
                continue;
            }
            let key = self.expression()?;
            let colon = self.pos();
            if !self.is_op(":") && self.speculating == 0 {
                let end = self.toks[self.i - 1].end;
                let pos = Pos { line: end.line, col: end.col.saturating_sub(1).max(1) };
                return Err(CompileError::syntax("':' expected after dictionary key", pos));
            }
            self.expect_op(":")?;
            self.dict_value_check(colon)?;
            items.push((Some(key), self.expression()?));
        }
        self.expect_op("}")?;
        Ok(self.node(ExprKind::Dict(items), pos))
    }

    /// `yield`, `yield value`, `yield from value`.
    #[inline(never)]
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.i += 1;
        if self.eat_kw("from") {
            let value = self.expression()?;
            if self.functions.last() == Some(&true) && self.deferred.is_none() && self.speculating == 0 {
                self.deferred = Some(CompileError::syntax("'yield from' inside async function", pos));
            }
            return Ok(self.node(ExprKind::YieldFrom(Box::new(value)), pos));
        }
        if self.starts_expression() || self.is_op("*") {
            let value = self.star_expressions()?;
            return Ok(self.node(ExprKind::Yield(Some(Box::new(value))), pos));
        }
        Ok(self.node(ExprKind::Yield(None), pos))
    }

    #[inline(never)]
    fn lambda(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        self.i += 1;
        let params = Box::new(self.params(false, ":")?);
        self.expect_op(":")?;
        self.functions.push(false);
        let body = self.expression();
        self.functions.pop();
        let body = body?;
        Ok(make_lambda(params, body, pos))
    }

    /// Parameters of a `def` (with annotations) or a lambda, up to `close`.
    #[inline(never)]
    pub(super) fn params(&mut self, annotations: bool, close: &str) -> PResult<Params> {
        let mut ps = Params::default();
        let mut seen_default = false;
        let mut star: Option<Pos> = None;
        while !self.is_op(close) {
            let pos = self.pos();
            if self.is_op("/") {
                if !ps.posonly.is_empty() {
                    return Err(CompileError::syntax("/ may appear only once", pos));
                }
                if star.is_some() {
                    return Err(CompileError::syntax("/ must be ahead of *", pos));
                }
                if ps.args.is_empty() {
                    let next = &self.toks[self.i + 1];
                    if next.kind == TokKind::Op && &*next.text == "," {
                        return Err(CompileError::syntax("at least one argument must precede /", pos));
                    }
                    return Err(self.invalid());
                }
                self.i += 1;
                ps.posonly = std::mem::take(&mut ps.args);
            } else if self.eat_op("**") {
                let (name, _) = self.name()?;
                self.annotation(annotations, true, &name, &mut ps)?;
                ps.kwarg = Some(Param { name, default: None, pos });
                if self.is_op("=") {
                    let msg = "var-keyword argument cannot have default value";
                    return Err(CompileError::syntax(msg, self.pos()));
                }
                self.eat_op(",");
                if !self.is_op(close) {
                    if self.is_name() || self.is_op("*") || self.is_op("/") {
                        let msg = "arguments cannot follow var-keyword argument";
                        return Err(CompileError::syntax(msg, self.pos()));
                    }
                    return Err(self.invalid());
                }
                break;
            } else if self.eat_op("*") {
                if star.is_some() {
                    return Err(CompileError::syntax("* argument may appear only once", pos));
                }
                star = Some(pos);
                if self.is_name() {
                    let (name, npos) = self.name()?;
                    self.annotation(annotations, true, &name, &mut ps)?;
                    ps.vararg = Some(Param { name, default: None, pos: npos });
                    if self.is_op("=") {
                        let msg = "var-positional argument cannot have default value";
                        return Err(CompileError::syntax(msg, self.pos()));
                    }
                } else if self.is_op(close) || (self.is_op(",") && self.ahead(1).text.as_ref() == close) {
                    self.eat_op(",");
                    let at = if annotations { pos } else { self.pos() };
                    return Err(CompileError::syntax("named arguments must follow bare *", at));
                } else if !self.is_op(",") {
                    return Err(self.invalid());
                }
            } else {
                let (name, _) = self.name()?;
                self.annotation(annotations, false, &name, &mut ps)?;
                let default = if self.eat_op("=") { Some(self.expression()?) } else { None };
                let is_default = default.is_some();
                let param = Param { name, default, pos };
                if star.is_some() {
                    ps.kwonly.push(param);
                } else {
                    if !is_default && seen_default {
                        let msg = "non-default argument follows default argument";
                        return Err(CompileError::syntax(msg, pos));
                    }
                    seen_default |= is_default;
                    ps.args.push(param);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if let Some(spos) = star {
            if ps.vararg.is_none() && ps.kwonly.is_empty() && self.is_op(close) {
                let at = match (annotations, &ps.kwarg) {
                    (false, Some(k)) => k.pos,
                    _ => spos,
                };
                return Err(CompileError::syntax("named arguments must follow bare *", at));
            }
        }
        Ok(ps)
    }

    /// An optional `: annotation` of parameter `name`, kept in `ps`.
    fn annotation(&mut self, allowed: bool, starred: bool, name: &Rc<str>, ps: &mut Params) -> PResult<()> {
        if allowed && self.eat_op(":") {
            let first = self.i;
            let e = if starred && self.is_op("*") { self.star_expression()? } else { self.expression()? };
            let e = self.postponed(e, first);
            ps.annotations.push((name.clone(), e));
        }
        Ok(())
    }

    /// An annotation starting at token `first` as it is kept: under
    /// `from __future__ import annotations` its text, as CPython keeps it.
    pub(super) fn postponed(&self, e: Expr, first: usize) -> Expr {
        if !self.future_annotations {
            return e;
        }
        let text = self.source_text(first, self.i);
        self.node(ExprKind::Const(crate::ast::Const::Str(Rc::from(text))), e.pos)
    }
}

pub(super) fn comp(
    kind: CompKind,
    elt: Expr,
    value: Option<Expr>,
    generators: Vec<Comprehension>,
    pos: Pos,
) -> Expr {
    let kind = ExprKind::Comp {
        kind,
        elt: Box::new(elt),
        value: value.map(Box::new),
        generators,
        scope: RefCell::default(),
    };
    expr(kind, pos)
}

#[inline(never)]
fn make_lambda(params: Box<Params>, body: Expr, pos: Pos) -> Expr {
    let ret = super::stmt(StmtKind::Return(Some(body)), pos);
    let ret = Stmt { pos: ret_pos(&ret), ..ret };
    let f = FunctionDef {
        name: Rc::from("<lambda>"),
        binding: Rc::from("<lambda>"),
        qualname: Rc::from("<lambda>"),
        params: *params,
        body: vec![ret],
        decorators: Vec::new(),
        is_async: false,
        is_generator: false,
        is_lambda: true,
        pos,
        doc: None,
        scope: RefCell::default(),
    };
    let end = match &f.body[0].kind {
        StmtKind::Return(Some(b)) => b.end,
        _ => pos,
    };
    let mut e = expr(ExprKind::Lambda(Rc::new(f)), pos);
    e.end = end;
    e
}

fn ret_pos(ret: &Stmt) -> Pos {
    match &ret.kind {
        StmtKind::Return(Some(b)) => b.pos,
        _ => ret.pos,
    }
}

/// `values` joined by `op` (the value itself when alone).
fn bool_op(op: BoolOp, mut values: Vec<Expr>) -> Expr {
    if values.len() == 1 {
        return values.pop().unwrap();
    }
    let pos = values[0].pos;
    let end = values[values.len() - 1].end;
    let mut e = expr(ExprKind::BoolOp { op, values }, pos);
    e.end = end;
    e
}
