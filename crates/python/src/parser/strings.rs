//! String literals: concatenation, escapes, bytes and f-strings (3.11 rules:
//! a field's expression is parsed on its own, from its raw text).

use super::{PResult, Parser};
use crate::ast::*;
use crate::error::CompileError;
use crate::lexer::{self, decode_escapes, split_string, EscapeError, StrLit, TokKind};
use std::rc::Rc;

/// CPython's limit on brackets inside one f-string expression.
const MAX_FSTRING_BRACKETS: usize = 200;

/// One f-string literal being scanned, with a cursor that maps body
/// indices to source positions (fields are visited left to right).
struct FScan<'a> {
    lit: &'a StrLit,
    /// Where errors about the f-string itself are reported (the token after the strings).
    err_pos: Pos,
    cursor: (usize, Pos),
}

impl FScan<'_> {
    fn body(&self) -> &[char] {
        &self.lit.body
    }

    fn err(&self, msg: &str) -> CompileError {
        CompileError::syntax(msg, self.err_pos)
    }

    /// The source position of body index `k` (`k` never goes backwards).
    fn pos_at(&mut self, k: usize) -> Pos {
        let (mut at, mut pos) = self.cursor;
        while at < k {
            if self.lit.body[at] == '\n' {
                pos = Pos { line: pos.line + 1, col: 1 };
            } else {
                pos.col += 1;
            }
            at += 1;
        }
        self.cursor = (at, pos);
        pos
    }
}

fn escape_error(e: EscapeError, bytes: bool, pos: Pos) -> CompileError {
    let msg = match e {
        EscapeError::Truncated(_, at, _) if bytes => format!("(value error) invalid \\x escape at position {at}"),
        EscapeError::Truncated(name, at, end) => format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {at}-{end}: truncated {name} escape"
        ),
        EscapeError::IllegalUnicode(at, end) => format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {at}-{end}: illegal Unicode character"
        ),
        EscapeError::NamedUnicode => return CompileError::unsupported("\\N{...} escapes", pos),
    };
    CompileError::syntax(msg, pos)
}

fn push_literal(out: &mut Vec<FStringPart>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = out.last_mut() {
        *prev = Rc::from(format!("{prev}{text}"));
        return;
    }
    out.push(FStringPart::Literal(Rc::from(text)));
}

impl Parser {
    /// Adjacent string literals, concatenated.
    #[inline(never)]
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let start = self.i;
        while self.kind() == TokKind::String {
            self.i += 1;
        }
        let err_pos = self.pos();
        let pos = self.toks[start].pos;
        let lits: Vec<(StrLit, Pos)> =
            self.toks[start..self.i].iter().map(|t| (split_string(t), t.pos)).collect();
        let bytes = lits.iter().filter(|(l, _)| l.bytes).count();
        if bytes != 0 && bytes != lits.len() {
            return Err(self.mixed_strings(&lits, err_pos));
        }
        if bytes != 0 {
            let mut out = Vec::new();
            for (lit, tpos) in &lits {
                out.extend(self.bytes_literal(lit, *tpos, err_pos)?);
            }
            return Ok(self.node(ExprKind::Const(Const::Bytes(Rc::from(out))), pos));
        }
        if lits.iter().all(|(l, _)| !l.fstring) {
            let mut s = String::new();
            for (lit, tpos) in &lits {
                s.push_str(&self.str_literal(&lit.body, lit.raw, *tpos, err_pos)?);
            }
            let s = self.constant_str(s);
            return Ok(self.node(ExprKind::Const(Const::Str(s)), pos));
        }
        let mut parts = Vec::new();
        for (lit, tpos) in &lits {
            if lit.fstring {
                let mut scan = FScan { lit, err_pos, cursor: (0, lit.body_pos) };
                let mut k = 0;
                self.fstring_parts(&mut scan, &mut k, 0, &mut parts, *tpos)?;
            } else {
                let s = self.str_literal(&lit.body, lit.raw, *tpos, err_pos)?;
                push_literal(&mut parts, &s);
            }
        }
        Ok(self.node(ExprKind::FString(parts), pos))
    }

    /// Decodes a (non-f) string body; `pos` is the token's position, `err_pos`
    /// where CPython reports a bad escape (the token after the strings).
    /// The error for mixed bytes and str literals: CPython reports any error
    /// in the literals before the first one of the other kind first.
    #[inline(never)]
    fn mixed_strings(&mut self, lits: &[(StrLit, Pos)], err_pos: Pos) -> CompileError {
        let bytes = lits[0].0.bytes;
        for (lit, tpos) in lits {
            let r = if lit.bytes {
                self.bytes_literal(lit, *tpos, err_pos).map(|_| ())
            } else if !lit.fstring {
                self.str_literal(&lit.body, lit.raw, *tpos, err_pos).map(|_| ())
            } else {
                Ok(())
            };
            if let Err(e) = r {
                return e;
            }
            if lit.bytes != bytes {
                break;
            }
            if lit.fstring {
                let mut scan = FScan { lit, err_pos, cursor: (0, lit.body_pos) };
                let mut parts = Vec::new();
                if let Err(e) = self.fstring_parts(&mut scan, &mut 0, 0, &mut parts, *tpos) {
                    return e;
                }
            }
        }
        CompileError::syntax("cannot mix bytes and nonbytes literals", err_pos)
    }

    fn str_literal(&mut self, body: &[char], raw: bool, pos: Pos, err_pos: Pos) -> PResult<String> {
        if raw {
            return Ok(body.iter().collect());
        }
        match decode_escapes(body, false) {
            Ok(s) => Ok(s),
            Err(EscapeError::NamedUnicode) => {
                self.note_unsupported("\\N{...} escapes", pos);
                Ok(body.iter().collect())
            }
            Err(e) => Err(escape_error(e, false, err_pos)),
        }
    }

    fn bytes_literal(&mut self, lit: &StrLit, pos: Pos, err_pos: Pos) -> PResult<Vec<u8>> {
        if lit.body.iter().any(|c| !c.is_ascii()) {
            return Err(CompileError::syntax("bytes can only contain ASCII literal characters", pos));
        }
        if lit.raw {
            return Ok(lit.body.iter().map(|&c| c as u8).collect());
        }
        let s = decode_escapes(&lit.body, true).map_err(|e| escape_error(e, true, err_pos))?;
        Ok(s.chars().map(|c| c as u32 as u8).collect())
    }

    /// Literal text and fields up to the end of the body (level 0) or up to
    /// the `}` closing a format spec (level 1, not consumed).
    fn fstring_parts(
        &mut self,
        scan: &mut FScan,
        k: &mut usize,
        level: u32,
        out: &mut Vec<FStringPart>,
        tpos: Pos,
    ) -> PResult<()> {
        loop {
            let text = self.fstring_literal(scan, k, level)?;
            let text = self.str_literal(&text, scan.lit.raw, tpos, scan.err_pos)?;
            push_literal(out, &text);
            if *k >= scan.body().len() || scan.body()[*k] == '}' {
                return Ok(());
            }
            let field = self.fstring_field(scan, k, level, tpos)?;
            out.push(field);
        }
    }

    /// The raw text of a literal part, with `{{`/`}}` undoubled at level 0.
    fn fstring_literal(&mut self, scan: &FScan, k: &mut usize, level: u32) -> PResult<Vec<char>> {
        let body = scan.body();
        let mut text = Vec::new();
        while *k < body.len() {
            let mut c = body[*k];
            *k += 1;
            if !scan.lit.raw && c == '\\' && *k < body.len() {
                text.push('\\');
                c = body[*k];
                *k += 1;
                if c == 'N' {
                    text.push('N');
                    if body.get(*k) == Some(&'{') {
                        while *k < body.len() {
                            text.push(body[*k]);
                            *k += 1;
                            if body[*k - 1] == '}' {
                                break;
                            }
                        }
                    }
                    continue;
                }
                if c != '{' && c != '}' {
                    text.push(c);
                    continue;
                }
            }
            if c == '{' || c == '}' {
                if level == 0 && body.get(*k) == Some(&c) {
                    text.push(c);
                    *k += 1;
                    continue;
                }
                if c == '}' && level == 0 {
                    return Err(scan.err("f-string: single '}' is not allowed"));
                }
                *k -= 1;
                break;
            }
            text.push(c);
        }
        Ok(text)
    }

    /// Finds the end of a field's expression (CPython's `fstring_find_expr` scan).
    fn fstring_expr_end(&self, scan: &FScan, k: &mut usize) -> PResult<()> {
        let body = scan.body();
        let mut quote: Option<(char, bool)> = None;
        let mut stack: Vec<char> = Vec::new();
        while *k < body.len() {
            let c = body[*k];
            if c == '\\' {
                return Err(scan.err("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if c == q {
                    if !triple {
                        quote = None;
                    } else if body.get(*k + 1) == Some(&q) && body.get(*k + 2) == Some(&q) {
                        *k += 2;
                        quote = None;
                    }
                }
                *k += 1;
                continue;
            }
            let next = body.get(*k + 1).copied();
            match c {
                '\'' | '"' => {
                    let triple = next == Some(c) && body.get(*k + 2) == Some(&c);
                    if triple {
                        *k += 2;
                    }
                    quote = Some((c, triple));
                }
                '(' | '[' | '{' => {
                    if stack.len() >= MAX_FSTRING_BRACKETS {
                        return Err(scan.err("f-string: too many nested parenthesis"));
                    }
                    stack.push(c);
                }
                '#' => return Err(scan.err("f-string expression part cannot include '#'")),
                '!' | ':' | '}' | '=' | '<' | '>' if stack.is_empty() => {
                    if next == Some('=') && c != ':' && c != '}' {
                        *k += 2;
                        continue;
                    }
                    if c != '<' && c != '>' {
                        break;
                    }
                }
                ')' | ']' | '}' => {
                    let Some(open) = stack.pop() else {
                        return Err(scan.err(&format!("f-string: unmatched '{c}'")));
                    };
                    let expected = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if c != expected {
                        let msg = format!(
                            "f-string: closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                        );
                        return Err(scan.err(&msg));
                    }
                }
                _ => {}
            }
            *k += 1;
        }
        if quote.is_some() {
            return Err(scan.err("f-string: unterminated string"));
        }
        if let Some(open) = stack.last() {
            return Err(scan.err(&format!("f-string: unmatched '{open}'")));
        }
        if *k >= body.len() {
            return Err(scan.err("f-string: expecting '}'"));
        }
        Ok(())
    }

    /// One `{expr=!r:spec}` field; `*k` is at its `{`.
    fn fstring_field(
        &mut self,
        scan: &mut FScan,
        k: &mut usize,
        level: u32,
        tpos: Pos,
    ) -> PResult<FStringPart> {
        if level >= 2 {
            return Err(scan.err("f-string: expressions nested too deeply"));
        }
        *k += 1;
        let start = *k;
        self.fstring_expr_end(scan, k)?;
        let text: Vec<char> = scan.body()[start..*k].to_vec();
        if text.iter().all(|c| c.is_whitespace()) {
            let end = scan.body()[*k];
            if end == '}' {
                return Err(scan.err("f-string: empty expression not allowed"));
            }
            return Err(scan.err(&format!("f-string: expression required before '{end}'")));
        }
        let real = scan.pos_at(start);
        let value = self.fstring_expr(&text, real)?;
        let body = scan.body();
        let end_err = || scan.err("f-string: expecting '}'");
        let mut debug_text = None;
        if body[*k] == '=' {
            *k += 1;
            while *k < body.len() && body[*k].is_ascii_whitespace() {
                *k += 1;
            }
            if *k >= body.len() {
                return Err(end_err());
            }
            debug_text = Some(Rc::from(body[start..*k].iter().collect::<String>()));
        }
        let mut conversion = None;
        if body[*k] == '!' {
            *k += 1;
            let c = *body.get(*k).ok_or_else(end_err)?;
            *k += 1;
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(scan.err("f-string: invalid conversion character: expected 's', 'r', or 'a'"));
            }
            conversion = Some(c);
        }
        let mut spec = None;
        if body.get(*k) == Some(&':') {
            *k += 1;
            if *k >= body.len() {
                return Err(end_err());
            }
            let mut parts = Vec::new();
            self.fstring_parts(scan, k, level + 1, &mut parts, tpos)?;
            spec = Some(parts);
        }
        let body = scan.body();
        if body.get(*k) != Some(&'}') {
            return Err(scan.err("f-string: expecting '}'"));
        }
        *k += 1;
        if debug_text.is_some() && spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        Ok(FStringPart::Field { expr: Box::new(value), conversion, spec, debug_text })
    }

    /// Parses a field's expression text as `(text)`, with positions mapped to
    /// `real` (where the text starts); errors keep CPython's positions
    /// relative to `(text)`, prefixed `f-string: `.
    fn fstring_expr(&mut self, text: &[char], real: Pos) -> PResult<Expr> {
        let mut src = String::with_capacity(text.len() + 2);
        src.push('(');
        src.extend(text);
        src.push(')');
        let prefixed = |mut e: CompileError| {
            if e.kind != crate::error::CompileErrorKind::Unsupported {
                e.message = format!("f-string: {}", e.message);
            }
            e
        };
        let mut toks = lexer::tokenize(&src)?.tokens;
        let shift = |p: &mut Pos| {
            if p.line == 1 {
                p.col = (p.col + real.col).saturating_sub(2).max(1);
                p.line = real.line;
            } else {
                p.line += real.line - 1;
            }
        };
        for t in &mut toks {
            shift(&mut t.pos);
            shift(&mut t.end);
        }
        let mut sub = Parser::new(toks, self.depth);
        let result = sub.star_expressions().and_then(|e| {
            if sub.kind() == TokKind::Newline {
                Ok(e)
            } else {
                Err(sub.invalid())
            }
        });
        if self.unsupported.is_none() {
            self.unsupported = sub.unsupported.take();
        }
        result.map_err(|mut e| {
            if e.kind != crate::error::CompileErrorKind::Unsupported {
                if e.pos.line == real.line {
                    e.pos = Pos { line: 1, col: (e.pos.col + 2).saturating_sub(real.col) };
                } else {
                    e.pos.line = e.pos.line - real.line + 1;
                }
            }
            prefixed(e)
        })
    }
}
