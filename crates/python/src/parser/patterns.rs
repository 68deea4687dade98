//! The match statement and its patterns (PEP 634), with CPython's compile-time
//! checks: unreachable cases, names bound twice, alternatives that bind
//! different names.

use super::{stmt, PResult, Parser};
use crate::ast::*;
use crate::error::CompileError;
use crate::lexer::TokKind;
use std::rc::Rc;

impl Parser {
    /// `match subject:` NEWLINE INDENT case+ DEDENT (the `match` token is current).
    pub(super) fn match_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        self.i += 1;
        let subject = self.match_subject()?;
        self.expect_op(":")?;
        self.i += 1; // the newline `is_match_stmt` saw
        if self.kind() != TokKind::Indent {
            let msg = format!("expected an indented block after 'match' statement on line {}", pos.line);
            return Err(CompileError::indentation(msg, self.pos()));
        }
        self.i += 1;
        let mut cases = Vec::new();
        while self.is_kw("case") {
            cases.push(self.case_block()?);
        }
        if cases.is_empty() || !matches!(self.kind(), TokKind::Dedent | TokKind::EndMarker) {
            return Err(self.invalid());
        }
        if self.kind() == TokKind::Dedent {
            self.i += 1;
        }
        check_reachable(&cases)?;
        Ok(stmt(StmtKind::Match { subject, cases }, pos))
    }

    fn match_subject(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let first = self.star_named_expression()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") && !self.is_op(":") {
            items.push(self.star_named_expression()?);
        }
        Ok(self.node(ExprKind::Tuple(items), pos))
    }

    fn case_block(&mut self) -> PResult<MatchCase> {
        let pos = self.pos();
        self.i += 1;
        let pattern = self.top_pattern()?;
        let guard = if self.eat_kw("if") { Some(self.named_expression()?) } else { None };
        if !self.is_op(":") {
            return Err(if self.kind() == TokKind::Newline {
                CompileError::syntax("expected ':'", self.pos())
            } else {
                self.invalid()
            });
        }
        self.i += 1;
        let body = self.block(&format!("'case' statement on line {}", pos.line))?;
        check_bindings(&pattern)?;
        Ok(MatchCase { pattern, guard, body })
    }

    /// A case's pattern: an open sequence `a, *b` or one pattern.
    fn top_pattern(&mut self) -> PResult<Pattern> {
        let pos = self.pos();
        let first = self.star_or_pattern()?;
        if !self.is_op(",") {
            if matches!(first.kind, PatternKind::Star(_)) {
                return Err(CompileError::syntax("can't use starred expression here", pos));
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") && !self.is_op(":") && !self.is_kw("if") {
            items.push(self.star_or_pattern()?);
        }
        Ok(Pattern { kind: PatternKind::Sequence(items), pos })
    }

    fn star_or_pattern(&mut self) -> PResult<Pattern> {
        let pos = self.pos();
        if !self.eat_op("*") {
            return self.pattern();
        }
        let (name, _) = self.name()?;
        let target = if &*name == "_" { None } else { Some(Name::new(&name)) };
        Ok(Pattern { kind: PatternKind::Star(target), pos })
    }

    /// `or_pattern ['as' NAME]`.
    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let pos = self.pos();
        let p = self.or_pattern()?;
        if !self.eat_kw("as") {
            return Ok(p);
        }
        let at = self.pos();
        let (name, _) = self.name()?;
        if &*name == "_" {
            return Err(CompileError::syntax("cannot use '_' as a target", at));
        }
        Ok(Pattern { kind: PatternKind::As(Box::new(p), Name::new(&name)), pos })
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let pos = self.pos();
        let first = self.closed_pattern()?;
        if !self.is_op("|") {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat_op("|") {
            alts.push(self.closed_pattern()?);
        }
        Ok(Pattern { kind: PatternKind::Or(alts), pos })
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let pos = self.pos();
        let t = self.tok().clone();
        let kind = match (t.kind, &*t.text) {
            (TokKind::Number, _) | (TokKind::Op, "-") => PatternKind::Value(self.signed_number()?),
            (TokKind::String, _) => {
                let e = self.strings()?;
                if matches!(e.kind, ExprKind::FString(_)) {
                    return Err(CompileError::syntax(
                        "patterns may only match literals and attribute lookups",
                        pos,
                    ));
                }
                PatternKind::Value(e)
            }
            (TokKind::Name, "None" | "True" | "False") => PatternKind::Singleton(self.atom()?),
            (TokKind::Name, _) if self.is_name() => return self.name_pattern(),
            (TokKind::Op, "(") => return self.paren_pattern(),
            (TokKind::Op, "[") => {
                self.i += 1;
                PatternKind::Sequence(self.pattern_items("]")?)
            }
            (TokKind::Op, "{") => self.mapping_pattern()?,
            _ => return Err(self.invalid()),
        };
        Ok(Pattern { kind, pos })
    }

    /// `-1`, `2.5`, `-3j`-like literals (complex numbers are refused by `number`).
    fn signed_number(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let negative = self.eat_op("-");
        if self.kind() != TokKind::Number {
            return Err(self.invalid());
        }
        let number = self.atom()?;
        let value = if negative {
            self.node(ExprKind::UnaryOp { op: UnaryOp::Neg, operand: Box::new(number) }, pos)
        } else {
            number
        };
        if self.is_op("+") || self.is_op("-") {
            self.note_unsupported("complex numbers", self.pos());
            self.i += 1;
            self.atom()?;
        }
        Ok(value)
    }

    /// A capture, `_`, a dotted value, or a class pattern `a.B(...)`.
    fn name_pattern(&mut self) -> PResult<Pattern> {
        let pos = self.pos();
        let (first, _) = self.name()?;
        let mut target = self.node(ExprKind::Name(Name::new(&first)), pos);
        let mut dotted = false;
        while self.eat_op(".") {
            let (attr, _) = self.name()?;
            target = self.node(ExprKind::Attribute { value: Box::new(target), attr }, pos);
            dotted = true;
        }
        let kind = if self.eat_op("(") {
            self.class_pattern(target)?
        } else if dotted {
            PatternKind::Value(target)
        } else if &*first == "_" {
            PatternKind::Capture(None)
        } else {
            PatternKind::Capture(Some(Name::new(&first)))
        };
        Ok(Pattern { kind, pos })
    }

    fn class_pattern(&mut self, cls: Expr) -> PResult<PatternKind> {
        let mut args = Vec::new();
        let mut kwargs: Vec<(Rc<str>, Pattern)> = Vec::new();
        while !self.eat_op(")") {
            let at = self.pos();
            if self.is_name() && self.ahead(1).kind == TokKind::Op && &*self.ahead(1).text == "=" {
                let (name, _) = self.name()?;
                self.i += 1;
                let p = self.pattern()?;
                if kwargs.iter().any(|(k, _)| *k == name) {
                    let msg = format!("attribute name repeated in class pattern: {name}");
                    return Err(CompileError::syntax(msg, p.pos));
                }
                kwargs.push((name, p));
            } else {
                let p = self.pattern()?;
                if !kwargs.is_empty() {
                    return Err(CompileError::syntax("positional patterns follow keyword patterns", at));
                }
                args.push(p);
            }
            if !self.eat_op(",") {
                self.expect_op(")")?;
                break;
            }
        }
        Ok(PatternKind::Class { cls, args, kwargs })
    }

    /// `(p)` is `p`; `()`, `(p,)` and `(p, q)` are sequences.
    fn paren_pattern(&mut self) -> PResult<Pattern> {
        let pos = self.pos();
        self.i += 1;
        if self.eat_op(")") {
            return Ok(Pattern { kind: PatternKind::Sequence(Vec::new()), pos });
        }
        let first = self.star_or_pattern()?;
        if self.eat_op(")") && !matches!(first.kind, PatternKind::Star(_)) {
            return Ok(first);
        }
        if !self.eat_op(",") {
            return Err(self.invalid());
        }
        let mut items = vec![first];
        items.extend(self.pattern_items(")")?);
        Ok(Pattern { kind: PatternKind::Sequence(items), pos })
    }

    /// Patterns separated by commas up to `close` (consumed).
    fn pattern_items(&mut self, close: &str) -> PResult<Vec<Pattern>> {
        let mut items = Vec::new();
        while !self.eat_op(close) {
            items.push(self.star_or_pattern()?);
            if !self.eat_op(",") {
                self.expect_op(close)?;
                break;
            }
        }
        Ok(items)
    }

    fn mapping_pattern(&mut self) -> PResult<PatternKind> {
        self.i += 1;
        let (mut keys, mut values, mut rest) = (Vec::new(), Vec::new(), None);
        while !self.eat_op("}") {
            if rest.is_some() {
                return Err(self.invalid());
            }
            if self.eat_op("**") {
                let (name, at) = self.name()?;
                if &*name == "_" {
                    return Err(CompileError::syntax("invalid syntax", at));
                }
                rest = Some(Name::new(&name));
            } else {
                keys.push(self.mapping_key()?);
                self.expect_op(":")?;
                values.push(self.pattern()?);
            }
            if !self.eat_op(",") {
                self.expect_op("}")?;
                break;
            }
        }
        Ok(PatternKind::Mapping { keys, values, rest })
    }

    fn mapping_key(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let t = self.tok().clone();
        match (t.kind, &*t.text) {
            (TokKind::Number, _) | (TokKind::Op, "-") => self.signed_number(),
            (TokKind::String, _) => self.strings(),
            (TokKind::Name, "None" | "True" | "False") => self.atom(),
            (TokKind::Name, _) if self.is_name() => {
                let p = self.name_pattern()?;
                match p.kind {
                    PatternKind::Value(e) => Ok(e),
                    _ => Err(CompileError::syntax(
                        "mapping pattern keys may only match literals and attribute lookups",
                        pos,
                    )),
                }
            }
            _ => Err(self.invalid()),
        }
    }
}

/// A pattern that matches every subject (CPython's "irrefutable"): what it
/// is called in the message when cases follow it.
fn irrefutable(p: &Pattern) -> Option<String> {
    match &p.kind {
        PatternKind::Capture(None) => Some("wildcard".to_string()),
        PatternKind::Capture(Some(n)) => Some(format!("name capture '{}'", n.id)),
        PatternKind::As(inner, _) => irrefutable(inner),
        PatternKind::Or(alts) => alts.iter().find_map(irrefutable),
        _ => None,
    }
}

fn check_reachable(cases: &[MatchCase]) -> PResult<()> {
    for c in &cases[..cases.len() - 1] {
        if c.guard.is_some() {
            continue;
        }
        if let Some(what) = irrefutable(&c.pattern) {
            let msg = format!("{what} makes remaining patterns unreachable");
            return Err(CompileError::syntax(msg, c.pattern.pos));
        }
    }
    Ok(())
}

/// Names bound twice, alternatives binding different names, an irrefutable
/// alternative before others, two starred names in one sequence.
fn check_bindings(p: &Pattern) -> PResult<()> {
    let mut names = Vec::new();
    binders(p, &mut names);
    for (i, (n, at)) in names.iter().enumerate() {
        if names[..i].iter().any(|(m, _)| m == n) {
            return Err(CompileError::syntax(format!("multiple assignments to name '{n}' in pattern"), *at));
        }
    }
    check_alternatives(p)
}

/// The names a pattern binds, each with the position of the pattern binding
/// it; an or-pattern's are its first alternative's (`check_alternatives`
/// makes the others bind the same).
fn binders(p: &Pattern, out: &mut Vec<(Rc<str>, Pos)>) {
    match &p.kind {
        PatternKind::Capture(Some(n)) | PatternKind::Star(Some(n)) => out.push((n.id.clone(), p.pos)),
        PatternKind::As(inner, n) => {
            binders(inner, out);
            out.push((n.id.clone(), p.pos));
        }
        PatternKind::Or(alts) => binders(&alts[0], out),
        PatternKind::Sequence(ps) => ps.iter().for_each(|q| binders(q, out)),
        PatternKind::Mapping { values, rest, .. } => {
            values.iter().for_each(|q| binders(q, out));
            if let Some(n) = rest {
                out.push((n.id.clone(), p.pos));
            }
        }
        PatternKind::Class { args, kwargs, .. } => {
            args.iter().for_each(|q| binders(q, out));
            kwargs.iter().for_each(|(_, q)| binders(q, out));
        }
        _ => {}
    }
}

/// The names `p` binds, sorted (to compare alternatives).
fn sorted_names(p: &Pattern) -> Vec<Rc<str>> {
    let mut found = Vec::new();
    binders(p, &mut found);
    let mut names: Vec<Rc<str>> = found.into_iter().map(|(n, _)| n).collect();
    names.sort();
    names
}

fn check_alternatives(p: &Pattern) -> PResult<()> {
    match &p.kind {
        PatternKind::Or(alts) => {
            let first = sorted_names(&alts[0]);
            for (i, a) in alts.iter().enumerate() {
                if i + 1 < alts.len() {
                    if let Some(what) = irrefutable(a) {
                        let msg = format!("{what} makes remaining patterns unreachable");
                        return Err(CompileError::syntax(msg, a.pos));
                    }
                }
                if sorted_names(a) != first {
                    return Err(CompileError::syntax("alternative patterns bind different names", a.pos));
                }
                check_alternatives(a)?;
            }
            Ok(())
        }
        PatternKind::Sequence(ps) => {
            let stars = ps.iter().filter(|q| matches!(q.kind, PatternKind::Star(_))).count();
            if stars > 1 {
                return Err(CompileError::syntax("multiple starred names in sequence pattern", p.pos));
            }
            ps.iter().try_for_each(check_alternatives)
        }
        PatternKind::As(inner, _) => check_alternatives(inner),
        PatternKind::Mapping { values, .. } => values.iter().try_for_each(check_alternatives),
        PatternKind::Class { args, kwargs, .. } => {
            args.iter().try_for_each(check_alternatives)?;
            kwargs.iter().try_for_each(|(_, q)| check_alternatives(q))
        }
        _ => Ok(()),
    }
}
