//! The tokenizer: source text to a vector of tokens, with INDENT, DEDENT and
//! NEWLINE tokens for the line structure, following CPython 3.11's tokenizer
//! (including its error messages and positions).

use crate::ast::Pos;
use crate::error::{CompileError, CompileErrorKind};
use std::rc::Rc;

/// CPython's limit on nested brackets (`MAXLEVEL`).
const MAX_LEVEL: usize = 200;
/// CPython's limit on indentation levels (`MAXINDENT`).
const MAX_INDENT: usize = 100;
const TAB_SIZE: usize = 8;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// An identifier or keyword.
    Name,
    /// A numeric literal (its text as written).
    Number,
    /// A string literal with its prefix and quotes, as written.
    String,
    /// An operator or delimiter (or a stray character such as `$`).
    Op,
    Newline,
    Indent,
    Dedent,
    EndMarker,
}

/// One token: its kind, text and start position.
#[derive(Clone, Debug)]
pub struct Token {
    pub kind: TokKind,
    pub text: Rc<str>,
    pub pos: Pos,
    /// The position just after the token's last character.
    pub end: Pos,
    /// The bracket nesting level after this token (as CPython counts it).
    pub level: u32,
}

/// A bracket still open at the end of the source.
#[derive(Clone, Copy, Debug)]
pub struct Unclosed {
    pub ch: char,
    pub pos: Pos,
}

/// The tokens of a source, and the innermost bracket left open at its end (the
/// token list then ends without NEWLINE/DEDENT tokens).
#[derive(Debug)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub unclosed: Option<Unclosed>,
}

const OPS3: [&str; 5] = ["**=", "//=", ">>=", "<<=", "..."];
const OPS2: [&str; 20] = [
    "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
    "^=", "@=", "<>",
];
const OPS1: &str = "+-*/%@&|^~<>()[]{},:.;=!$?`";

/// Tokenizes `source`. Errors are CPython's tokenizer errors.
pub fn tokenize(source: &str) -> Result<Lexed, CompileError> {
    if source.contains('\0') {
        return Err(CompileError::syntax(
            "source code string cannot contain null bytes",
            Pos { line: 1, col: 1 },
        ));
    }
    let mut chars: Vec<char> = Vec::with_capacity(source.len() + 1);
    let mut it = source.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\r' {
            if it.peek() == Some(&'\n') {
                it.next();
            }
            chars.push('\n');
        } else {
            chars.push(c);
        }
    }
    if chars.last().is_some_and(|&c| c != '\n') {
        chars.push('\n');
    }
    let mut lx = Lexer {
        chars,
        i: 0,
        line: 1,
        line_start: 0,
        tokens: Vec::new(),
        brackets: Vec::new(),
        indents: vec![(0, 0)],
        at_bol: true,
    };
    lx.run()?;
    let unclosed = lx.brackets.last().map(|&(ch, pos)| Unclosed { ch, pos });
    Ok(Lexed { tokens: lx.tokens, unclosed })
}

struct Lexer {
    chars: Vec<char>,
    i: usize,
    line: u32,
    line_start: usize,
    tokens: Vec<Token>,
    brackets: Vec<(char, Pos)>,
    /// (col, altcol) of each indentation level.
    indents: Vec<(usize, usize)>,
    at_bol: bool,
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c as u32 >= 128
}

fn syntax(msg: impl Into<String>, line: u32, col: usize) -> CompileError {
    CompileError::syntax(msg, Pos { line, col: col.max(1) as u32 })
}

impl Lexer {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.i + k).copied()
    }

    /// The 1-based column of character index `i` on the current line.
    fn col_of(&self, i: usize) -> u32 {
        (i - self.line_start + 1) as u32
    }

    fn pos_of(&self, i: usize) -> Pos {
        Pos { line: self.line, col: self.col_of(i) }
    }

    /// An error at CPython's "current pointer": the column just before `self.i`.
    fn err_cur(&self, msg: impl Into<String>) -> CompileError {
        syntax(msg, self.line, self.i - self.line_start)
    }

    fn push(&mut self, kind: TokKind, text: Rc<str>, pos: Pos) {
        let end = Pos { line: self.line, col: self.col_of(self.i) };
        let level = self.brackets.len() as u32;
        self.tokens.push(Token { kind, text, pos, end, level });
    }

    fn push_simple(&mut self, kind: TokKind, start: usize) {
        let text: String = self.chars[start..self.i].iter().collect();
        let pos = self.pos_of(start);
        self.push(kind, Rc::from(text), pos);
    }

    /// Where CPython puts the tokens at the end of the file: on the last line's newline.
    fn eof_pos(&self) -> Pos {
        if self.i == 0 {
            return Pos { line: 1, col: 1 };
        }
        let prev_start = self.chars[..self.i - 1].iter().rposition(|&c| c == '\n').map_or(0, |k| k + 1);
        Pos { line: self.line - 1, col: (self.i - prev_start) as u32 }
    }

    fn new_line(&mut self) {
        self.line += 1;
        self.line_start = self.i;
    }

    fn run(&mut self) -> Result<(), CompileError> {
        loop {
            if self.at_bol {
                self.at_bol = false;
                if self.indentation()? {
                    continue;
                }
            }
            let Some(c) = self.peek() else { break };
            match c {
                ' ' | '\t' | '\x0c' => self.i += 1,
                '#' => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.i += 1;
                    }
                }
                '\n' => {
                    let start = self.i;
                    self.i += 1;
                    if self.brackets.is_empty() {
                        let pos = self.pos_of(start);
                        self.push(TokKind::Newline, Rc::from(""), pos);
                    }
                    self.new_line();
                    self.at_bol = true;
                }
                '\\' => self.continuation()?,
                _ => self.token(c)?,
            }
        }
        let pos = self.eof_pos();
        if self.brackets.is_empty() {
            if self.tokens.last().is_some_and(|t| !matches!(t.kind, TokKind::Newline | TokKind::Dedent)) {
                self.push(TokKind::Newline, Rc::from(""), pos);
            }
            for _ in 1..self.indents.len() {
                self.push(TokKind::Dedent, Rc::from(""), pos);
            }
        }
        self.push(TokKind::EndMarker, Rc::from(""), pos);
        Ok(())
    }

    /// A backslash outside a string: it must end the line.
    fn continuation(&mut self) -> Result<(), CompileError> {
        self.i += 1;
        match self.peek() {
            Some('\n') => {
                let col = self.i - self.line_start + 1;
                self.i += 1;
                if self.i >= self.chars.len() {
                    return Err(syntax("unexpected EOF while parsing", self.line, col));
                }
                self.new_line();
                Ok(())
            }
            _ => {
                self.i += 1;
                Err(self.err_cur("unexpected character after line continuation character"))
            }
        }
    }

    /// Handles the indentation at the start of a line. Returns true when the
    /// line was blank (fully consumed).
    fn indentation(&mut self) -> Result<bool, CompileError> {
        let (mut col, mut altcol) = (0usize, 0usize);
        let mut cont_col = None;
        loop {
            match self.peek() {
                Some(' ') => (col, altcol) = (col + 1, altcol + 1),
                Some('\t') => (col, altcol) = ((col / TAB_SIZE + 1) * TAB_SIZE, altcol + 1),
                Some('\x0c') => (col, altcol) = (0, 0),
                Some('\\') => {
                    cont_col.get_or_insert(col);
                    self.continuation()?;
                    continue;
                }
                _ => break,
            }
            self.i += 1;
        }
        let c = self.peek();
        if c.is_none() {
            return Ok(false);
        }
        if c == Some('#') || c == Some('\n') {
            while self.peek().is_some_and(|c| c != '\n') {
                self.i += 1;
            }
            if self.peek() == Some('\n') {
                self.i += 1;
                self.new_line();
            }
            self.at_bol = true;
            return Ok(true);
        }
        if !self.brackets.is_empty() {
            return Ok(false);
        }
        if let Some(cc) = cont_col {
            (col, altcol) = (cc, cc);
        }
        self.indent_to(col, altcol)?;
        Ok(false)
    }

    fn indent_to(&mut self, col: usize, altcol: usize) -> Result<(), CompileError> {
        let tab_error = |lx: &Lexer| CompileError {
            kind: CompileErrorKind::TabError,
            message: "inconsistent use of tabs and spaces in indentation".into(),
            pos: Pos { line: lx.line, col: 1 },
        };
        let line_len = self.chars[self.line_start..].iter().position(|&c| c == '\n').unwrap_or(0) + 1;
        let (top, alttop) = *self.indents.last().unwrap();
        let pos = Pos { line: self.line, col: (self.i - self.line_start) as u32 };
        if col == top {
            if altcol != alttop {
                return Err(tab_error(self));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                let pos = Pos { line: self.line, col: 1 };
                return Err(CompileError::indentation("too many levels of indentation", pos));
            }
            if altcol <= alttop {
                return Err(tab_error(self));
            }
            self.indents.push((col, altcol));
            self.push(TokKind::Indent, Rc::from(""), pos);
        } else {
            while self.indents.len() > 1 && col < self.indents.last().unwrap().0 {
                self.indents.pop();
                self.push(TokKind::Dedent, Rc::from(""), pos);
            }
            let (top, alttop) = *self.indents.last().unwrap();
            if col != top {
                return Err(CompileError::indentation(
                    "unindent does not match any outer indentation level",
                    Pos { line: self.line, col: line_len as u32 },
                ));
            }
            if altcol != alttop {
                return Err(tab_error(self));
            }
        }
        Ok(())
    }

    fn token(&mut self, c: char) -> Result<(), CompileError> {
        let start = self.i;
        if is_id_char(c) && !c.is_ascii_digit() {
            return self.name_or_string(start);
        }
        if c.is_ascii_digit() || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit())) {
            self.number(start)?;
            return self.push_number(start);
        }
        if c == '"' || c == '\'' {
            return self.string(start, start);
        }
        self.operator(start, c)
    }

    fn push_number(&mut self, start: usize) -> Result<(), CompileError> {
        self.push_simple(TokKind::Number, start);
        Ok(())
    }

    fn name_or_string(&mut self, start: usize) -> Result<(), CompileError> {
        while self.peek().is_some_and(is_id_char) {
            self.i += 1;
        }
        let len = self.i - start;
        if len <= 2 && matches!(self.peek(), Some('"') | Some('\'')) {
            let prefix: String = self.chars[start..self.i].iter().collect::<String>().to_ascii_lowercase();
            if matches!(prefix.as_str(), "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf") {
                return self.string(start, self.i);
            }
        }
        self.verify_identifier(start)?;
        self.push_simple(TokKind::Name, start);
        Ok(())
    }

    fn verify_identifier(&self, start: usize) -> Result<(), CompileError> {
        for (k, &c) in self.chars[start..self.i].iter().enumerate() {
            if c.is_ascii() {
                continue;
            }
            let ok = if k == 0 { c.is_alphabetic() } else { c.is_alphanumeric() || is_combining(c) };
            if !ok {
                let col = start + k - self.line_start + 1;
                let msg = if asyncio_engine::pyvalue::is_printable(c) {
                    format!("invalid character '{}' (U+{:04X})", c, c as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", c as u32)
                };
                return Err(syntax(msg, self.line, col));
            }
        }
        Ok(())
    }

    fn operator(&mut self, start: usize, c: char) -> Result<(), CompileError> {
        let rest: String = self.chars[start..(start + 3).min(self.chars.len())].iter().collect();
        let op: &'static str = if let Some(op) = OPS3.iter().find(|o| rest.starts_with(**o)) {
            op
        } else if let Some(op) = OPS2.iter().find(|o| rest.starts_with(**o)) {
            op
        } else if let Some(k) = OPS1.find(c) {
            &OPS1[k..k + 1]
        } else {
            self.i += 1;
            let msg = if c.is_ascii() && !asyncio_engine::pyvalue::is_printable(c) {
                format!("invalid non-printable character U+{:04X}", c as u32)
            } else {
                format!("invalid character '{}' (U+{:04X})", c, c as u32)
            };
            return Err(self.err_cur(msg));
        };
        let pos = self.pos_of(start);
        match c {
            '(' | '[' | '{' if op.len() == 1 => {
                if self.brackets.len() >= MAX_LEVEL {
                    self.i += 1;
                    return Err(self.err_cur("too many nested parentheses"));
                }
                self.brackets.push((c, pos));
            }
            ')' | ']' | '}' => {
                let Some((open, opos)) = self.brackets.pop() else {
                    self.i += 1;
                    return Err(self.err_cur(format!("unmatched '{c}'")));
                };
                let expected = match open {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                if c != expected {
                    self.i += 1;
                    let msg = if opos.line != self.line {
                        format!(
                            "closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {}",
                            opos.line
                        )
                    } else {
                        format!("closing parenthesis '{c}' does not match opening parenthesis '{open}'")
                    };
                    return Err(self.err_cur(msg));
                }
                self.i += 1;
                self.push(TokKind::Op, Rc::from(op), pos);
                return Ok(());
            }
            _ => {}
        }
        self.i += op.len();
        self.push(TokKind::Op, Rc::from(op), pos);
        Ok(())
    }
}

/// Combining marks and other characters valid inside (not at the start of) identifiers.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || c == '\u{B7}'
        || c == '\u{387}'
}

impl Lexer {
    /// Digits with single underscores between them. Returns false (after
    /// moving to the error position) on a bad underscore.
    fn digits(&mut self, ok: fn(char) -> bool) -> bool {
        loop {
            while self.peek().is_some_and(ok) {
                self.i += 1;
            }
            if self.peek() != Some('_') {
                return true;
            }
            self.i += 1;
            if !self.peek().is_some_and(ok) {
                return false;
            }
        }
    }

    fn decimal_tail(&mut self) -> Result<(), CompileError> {
        if self.digits(|c| c.is_ascii_digit()) {
            Ok(())
        } else {
            Err(self.err_cur("invalid decimal literal"))
        }
    }

    /// CPython's `verify_end_of_number`: a number may not run into a name.
    fn end_of_number(&mut self, kind: &str) -> Result<(), CompileError> {
        let Some(c) = self.peek() else { return Ok(()) };
        let next: String = self.chars[self.i..(self.i + 4).min(self.chars.len())].iter().collect();
        let keyword =
            ["and", "else", "for", "if", "in", "is", "or", "not"].iter().any(|k| next.starts_with(k));
        if !keyword && is_id_char(c) {
            return Err(self.err_cur(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    fn radix(&mut self, ok: fn(char) -> bool, kind: &str) -> Result<(), CompileError> {
        self.i += 2;
        loop {
            if self.peek() == Some('_') {
                self.i += 1;
            }
            if !self.peek().is_some_and(ok) {
                if kind != "hexadecimal" && self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    let c = self.peek().unwrap();
                    self.i += 1;
                    return Err(self.err_cur(format!("invalid digit '{c}' in {kind} literal")));
                }
                return Err(self.err_cur(format!("invalid {kind} literal")));
            }
            while self.peek().is_some_and(ok) {
                self.i += 1;
            }
            if self.peek() != Some('_') {
                break;
            }
        }
        if kind != "hexadecimal" && self.peek().is_some_and(|c| c.is_ascii_digit()) {
            let c = self.peek().unwrap();
            self.i += 1;
            return Err(self.err_cur(format!("invalid digit '{c}' in {kind} literal")));
        }
        self.end_of_number(kind)
    }

    fn number(&mut self, start: usize) -> Result<(), CompileError> {
        let c = self.chars[start];
        if c == '.' {
            self.i += 1;
            self.decimal_tail()?;
            return self.exponent();
        }
        if c == '0' {
            match self.peek_at(1).map(|c| c.to_ascii_lowercase()) {
                Some('x') => return self.radix(|c| c.is_ascii_hexdigit(), "hexadecimal"),
                Some('o') => return self.radix(|c| matches!(c, '0'..='7'), "octal"),
                Some('b') => return self.radix(|c| matches!(c, '0' | '1'), "binary"),
                _ => {}
            }
            self.i += 1;
            loop {
                if self.peek() == Some('_') {
                    self.i += 1;
                    if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        return Err(self.err_cur("invalid decimal literal"));
                    }
                }
                if self.peek() != Some('0') {
                    break;
                }
                self.i += 1;
            }
            let zeros_end = self.i;
            let nonzero = self.peek().is_some_and(|c| c.is_ascii_digit());
            if nonzero {
                self.decimal_tail()?;
            }
            match self.peek() {
                Some('.') | Some('e') | Some('E') | Some('j') | Some('J') => {}
                _ if nonzero => {
                    let _ = zeros_end;
                    return Err(syntax(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        self.line,
                        start - self.line_start + 1,
                    ));
                }
                _ => return self.end_of_number("decimal"),
            }
        } else {
            self.decimal_tail()?;
        }
        if self.peek() == Some('.') {
            self.i += 1;
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.decimal_tail()?;
            }
        }
        self.exponent()
    }

    fn exponent(&mut self) -> Result<(), CompileError> {
        if matches!(self.peek(), Some('e') | Some('E')) {
            let e_at = self.i;
            self.i += 1;
            if matches!(self.peek(), Some('+') | Some('-')) {
                self.i += 1;
                if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return Err(self.err_cur("invalid decimal literal"));
                }
            } else if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.i = e_at;
                return self.end_of_number("decimal");
            }
            self.decimal_tail()?;
        }
        if matches!(self.peek(), Some('j') | Some('J')) {
            self.i += 1;
            return self.end_of_number("imaginary");
        }
        self.end_of_number("decimal")
    }

    /// A string literal: `start` is its first character (the prefix), `quote_at`
    /// its opening quote.
    fn string(&mut self, start: usize, quote_at: usize) -> Result<(), CompileError> {
        let q = self.chars[quote_at];
        let start_line = self.line;
        let start_pos = self.pos_of(start);
        let triple = self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q) && self.i == quote_at;
        self.i = quote_at + if triple { 3 } else { 1 };
        let raw_text_start = start;
        loop {
            let Some(c) = self.peek() else {
                let what = if triple {
                    "unterminated triple-quoted string literal"
                } else {
                    "unterminated string literal"
                };
                let last_line = if triple { self.line - 1 } else { self.line };
                return Err(CompileError::syntax(
                    format!("{what} (detected at line {last_line})"),
                    start_pos,
                )
                .at_line(start_line));
            };
            self.i += 1;
            if c == q {
                if !triple {
                    break;
                }
                if self.peek() == Some(q) && self.peek_at(1) == Some(q) {
                    self.i += 2;
                    break;
                }
            } else if c == '\\' {
                if self.peek() == Some('\n') {
                    self.i += 1;
                    self.new_line();
                } else if self.peek().is_some() {
                    self.i += 1;
                }
            } else if c == '\n' {
                if !triple {
                    let msg = format!("unterminated string literal (detected at line {})", self.line);
                    return Err(CompileError::syntax(msg, start_pos));
                }
                self.new_line();
            }
        }
        let text: String = self.chars[raw_text_start..self.i].iter().collect();
        self.push(TokKind::String, Rc::from(text), start_pos);
        Ok(())
    }
}

trait AtLine {
    fn at_line(self, line: u32) -> Self;
}

impl AtLine for CompileError {
    fn at_line(mut self, line: u32) -> Self {
        self.pos.line = line;
        self
    }
}

/// A decoded string literal token.
#[derive(Debug)]
pub struct StrLit {
    pub bytes: bool,
    pub raw: bool,
    pub fstring: bool,
    /// The body between the quotes, as written (undecoded).
    pub body: Vec<char>,
    /// The position of the body's first character.
    pub body_pos: Pos,
}

/// Splits a string token into its prefix flags and body.
pub fn split_string(tok: &Token) -> StrLit {
    let chars: Vec<char> = tok.text.chars().collect();
    let q = chars.iter().position(|&c| c == '"' || c == '\'').unwrap_or(0);
    let prefix: String = chars[..q].iter().collect::<String>().to_ascii_lowercase();
    let quote = chars[q];
    let triple = chars.len() >= q + 6 && chars[q + 1] == quote && chars[q + 2] == quote;
    let qlen = if triple { 3 } else { 1 };
    let body = chars[q + qlen..chars.len() - qlen].to_vec();
    let body_pos = Pos { line: tok.pos.line, col: tok.pos.col + (q + qlen) as u32 };
    StrLit {
        bytes: prefix.contains('b'),
        raw: prefix.contains('r'),
        fstring: prefix.contains('f'),
        body,
        body_pos,
    }
}

/// Why an escape sequence could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub enum EscapeError {
    /// `\x` / `\u` / `\U` with too few digits: the escape's name and its
    /// first and last byte offsets.
    Truncated(&'static str, usize, usize),
    /// `\U` above U+10FFFF: its first and last byte offsets.
    IllegalUnicode(usize, usize),
    /// `\N{...}` (not supported).
    NamedUnicode,
}

fn hex_digits(body: &[char], at: usize, n: usize) -> Option<u32> {
    let s = body.get(at..at + n)?;
    s.iter().try_fold(0u32, |acc, c| c.to_digit(16).map(|d| acc * 16 + d))
}

/// Decodes the escapes of a non-raw string body (into chars; bytes bodies give chars < 256).
pub fn decode_escapes(body: &[char], bytes: bool) -> Result<String, EscapeError> {
    let mut out = String::with_capacity(body.len());
    let mut k = 0;
    while k < body.len() {
        let c = body[k];
        if c != '\\' || k + 1 >= body.len() {
            out.push(c);
            k += 1;
            continue;
        }
        let start = k;
        let e = body[k + 1];
        k += 2;
        match e {
            '\n' => {}
            '\\' | '\'' | '"' => out.push(e),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap();
                for _ in 0..2 {
                    match body.get(k).and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            k += 1;
                        }
                        None => break,
                    }
                }
                let v = if bytes { v & 0xff } else { v };
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' if e == 'x' || !bytes => {
                let (n, name) = match e {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let offset = |i: usize| body[..i].iter().map(|c| c.len_utf8()).sum::<usize>();
                let Some(v) = hex_digits(body, k, n) else {
                    let digits = body[k..].iter().take(n).take_while(|c| c.is_ascii_hexdigit()).count();
                    return Err(EscapeError::Truncated(name, offset(start), offset(k + digits) - 1));
                };
                let c = char::from_u32(v)
                    .ok_or_else(|| EscapeError::IllegalUnicode(offset(start), offset(k + n) - 1))?;
                out.push(c);
                k += n;
            }
            'N' if !bytes => return Err(EscapeError::NamedUnicode),
            _ => {
                out.push('\\');
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// Converts digits in `radix` to decimal digits (for integers too big for i64).
pub fn to_decimal(digits: &str, radix: u32) -> String {
    // Little-endian limbs in base 10^9.
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let mut carry = c.to_digit(radix).unwrap_or(0) as u64;
        for limb in limbs.iter_mut() {
            let v = *limb * radix as u64 + carry;
            *limb = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut s = limbs.last().unwrap().to_string();
    for limb in limbs.iter().rev().skip(1) {
        s.push_str(&format!("{limb:09}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<String> {
        tokenize(src)
            .unwrap()
            .tokens
            .iter()
            .map(|t| match t.kind {
                TokKind::Name | TokKind::Number | TokKind::String | TokKind::Op => t.text.to_string(),
                k => format!("{k:?}"),
            })
            .collect()
    }

    fn err(src: &str) -> (String, u32, u32) {
        let e = tokenize(src).unwrap_err();
        (e.message, e.pos.line, e.pos.col)
    }

    #[test]
    fn tokens_and_indentation() {
        assert_eq!(
            kinds("if x:\n    y = 1\nz\n"),
            [
                "if",
                "x",
                ":",
                "Newline",
                "Indent",
                "y",
                "=",
                "1",
                "Newline",
                "Dedent",
                "z",
                "Newline",
                "EndMarker"
            ]
        );
        assert_eq!(kinds("a **= b...c"), ["a", "**=", "b", "...", "c", "Newline", "EndMarker"]);
        assert_eq!(kinds("(1,\n 2)"), ["(", "1", ",", "2", ")", "Newline", "EndMarker"]);
        assert_eq!(kinds("x = rb'a' f\"b\""), ["x", "=", "rb'a'", "f\"b\"", "Newline", "EndMarker"]);
        assert_eq!(kinds(""), ["EndMarker"]);
        assert_eq!(kinds("# c\n\n   \n"), ["EndMarker"]);
        assert_eq!(kinds("1_000.5e-3 0x_ff 1if"), ["1_000.5e-3", "0x_ff", "1", "if", "Newline", "EndMarker"]);
    }

    #[test]
    fn errors() {
        assert_eq!(err("1abc"), ("invalid decimal literal".into(), 1, 1));
        assert_eq!(err("0x"), ("invalid hexadecimal literal".into(), 1, 2));
        assert_eq!(err("1_"), ("invalid decimal literal".into(), 1, 2));
        assert_eq!(err("a = \"abc"), ("unterminated string literal (detected at line 1)".into(), 1, 5));
        assert_eq!(
            err("a = \"\"\"abc\nx"),
            ("unterminated triple-quoted string literal (detected at line 2)".into(), 1, 5)
        );
        assert_eq!(err("x = 1 \u{2026}"), ("invalid character '\u{2026}' (U+2026)".into(), 1, 7));
        assert_eq!(err("x = )"), ("unmatched ')'".into(), 1, 5));
        assert_eq!(
            err("x = (]"),
            ("closing parenthesis ']' does not match opening parenthesis '('".into(), 1, 6)
        );
        assert_eq!(
            err("if x:\n    a\n  b"),
            ("unindent does not match any outer indentation level".into(), 3, 4)
        );
        assert_eq!(err("a\\ b"), ("unexpected character after line continuation character".into(), 1, 3));
    }
}
