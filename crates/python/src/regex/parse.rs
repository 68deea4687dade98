//! Parser and code generator for `regex`: reproduces CPython 3.11's
//! `re._parser` (syntax, error messages and positions) and the parts of
//! `re._compiler` that influence matching semantics.

use super::exec::{
    any_cased, decimal_value, extra_case_keys, extra_cases, in_ranges, is_cased, is_space, lower,
    lower_ascii, lower_mapped, At, Cat, CharSet, CharTest, Fold, Inst, Regex, RepKind, MAXREPEAT,
};
use std::collections::HashSet;

use asyncio_engine::pyvalue::repr_str;

/// `re.TEMPLATE`
pub const TEMPLATE: u32 = 1;
/// `re.IGNORECASE`
pub const IGNORECASE: u32 = 2;
/// `re.LOCALE`
pub const LOCALE: u32 = 4;
/// `re.MULTILINE`
pub const MULTILINE: u32 = 8;
/// `re.DOTALL`
pub const DOTALL: u32 = 16;
/// `re.UNICODE`
pub const UNICODE: u32 = 32;
/// `re.VERBOSE`
pub const VERBOSE: u32 = 64;
/// `re.DEBUG`
pub const DEBUG: u32 = 128;
/// `re.ASCII`
pub const ASCII: u32 = 256;

const TYPE_FLAGS: u32 = ASCII | LOCALE | UNICODE;
const GLOBAL_FLAGS: u32 = DEBUG | TEMPLATE;
/// `_sre.MAXGROUPS` on 64-bit CPython.
const MAXGROUPS: u128 = 1_073_741_823;
/// `re._parser.MAXWIDTH`
const MAXWIDTH: u128 = 1 << 64;
/// `_sre.MAXCODE` (largest look-behind width).
const MAXCODE: u128 = u32::MAX as u128;
/// Maximum parser recursion (about 200 nested groups); deeper patterns fail
/// with "too many nested groups" (CPython would raise RecursionError later).
const MAX_NESTING: usize = 400;

/// A compile error: CPython's `re.error` message and `pos` (char index).
///
/// A few CPython errors are not `re.error` but `ValueError`/`OverflowError`
/// with no position: "cannot use LOCALE flag with a str pattern", "ASCII and
/// UNICODE flags are incompatible", "the repetition number is too large".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReError {
    /// The message, without the " at position N" suffix.
    pub msg: String,
    /// Char index in the pattern, if CPython reports one.
    pub pos: Option<usize>,
}

/// An error without a position.
fn err_nopos(msg: &str) -> ReError {
    ReError { msg: msg.to_string(), pos: None }
}

/// One pattern token: a plain char or a backslash escape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Ch(char),
    Esc(char),
}

impl Tok {
    /// Length of the token in pattern chars.
    fn len(self) -> usize {
        match self {
            Tok::Ch(_) => 1,
            Tok::Esc(_) => 2,
        }
    }

    /// The token's source text.
    fn text(self) -> String {
        match self {
            Tok::Ch(c) => c.to_string(),
            Tok::Esc(c) => format!("\\{c}"),
        }
    }

    /// Python's `str.isalpha()` on the token text (approximated per char).
    fn is_alpha(self) -> bool {
        matches!(self, Tok::Ch(c) if c.is_alphabetic())
    }
}

/// The tokenizer (re._parser.Tokenizer).
struct Source {
    s: Vec<char>,
    index: usize,
    next: Option<Tok>,
}

impl Source {
    /// Starts tokenizing `pattern`.
    fn new(pattern: &str) -> Result<Source, ReError> {
        let mut src = Source { s: pattern.chars().collect(), index: 0, next: None };
        src.advance()?;
        Ok(src)
    }

    /// Reads the next token into `self.next`.
    fn advance(&mut self) -> Result<(), ReError> {
        let i = self.index;
        let Some(&c) = self.s.get(i) else {
            self.next = None;
            return Ok(());
        };
        if c != '\\' {
            self.index = i + 1;
            self.next = Some(Tok::Ch(c));
            return Ok(());
        }
        match self.s.get(i + 1) {
            Some(&d) => {
                self.index = i + 2;
                self.next = Some(Tok::Esc(d));
                Ok(())
            }
            None => Err(ReError { msg: "bad escape (end of pattern)".into(), pos: Some(self.s.len() - 1) }),
        }
    }

    /// Position of the next token.
    fn tell(&self) -> usize {
        self.index - self.next.map_or(0, Tok::len)
    }

    /// Consumes and returns the next token.
    fn get(&mut self) -> Result<Option<Tok>, ReError> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }

    /// Consumes the next token if it is the plain char `c`.
    fn eat(&mut self, c: char) -> Result<bool, ReError> {
        if self.next == Some(Tok::Ch(c)) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Whether the next token is the plain char `c`.
    fn peek_is(&self, c: char) -> bool {
        self.next == Some(Tok::Ch(c))
    }

    /// Restarts tokenizing at `index`.
    fn seek(&mut self, index: usize) -> Result<(), ReError> {
        self.index = index;
        self.advance()
    }

    /// An error at `tell() - offset`.
    fn error(&self, msg: impl Into<String>, offset: usize) -> ReError {
        ReError { msg: msg.into(), pos: Some(self.tell().saturating_sub(offset)) }
    }

    /// Consumes up to `n` plain chars satisfying `pred`.
    fn getwhile(&mut self, n: usize, pred: fn(char) -> bool) -> Result<String, ReError> {
        let mut out = String::new();
        for _ in 0..n {
            match self.next {
                Some(Tok::Ch(c)) if pred(c) => out.push(c),
                _ => break,
            }
            self.advance()?;
        }
        Ok(out)
    }

    /// Consumes tokens up to `term` (re._parser.Tokenizer.getuntil).
    fn getuntil(&mut self, term: char, name: &str) -> Result<String, ReError> {
        let mut out = String::new();
        loop {
            let c = self.next;
            self.advance()?;
            match c {
                None if out.is_empty() => return Err(self.error(format!("missing {name}"), 0)),
                None => {
                    let n = out.chars().count();
                    return Err(self.error(format!("missing {term}, unterminated name"), n));
                }
                Some(Tok::Ch(t)) if t == term => {
                    if out.is_empty() {
                        return Err(self.error(format!("missing {name}"), 1));
                    }
                    return Ok(out);
                }
                Some(t) => out.push_str(&t.text()),
            }
        }
    }

    /// Checks a group name (Tokenizer.checkgroupname).
    fn checkgroupname(&self, name: &str, offset: usize) -> Result<(), ReError> {
        if is_identifier(name) {
            return Ok(());
        }
        let msg = format!("bad character in group name {}", repr_str(name));
        Err(self.error(msg, name.chars().count() + offset))
    }
}

/// Python's `str.isidentifier()`.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if in_ranges(XID_START, c as u32) => it.all(|c| in_ranges(XID_CONT, c as u32)),
        _ => false,
    }
}

/// Python's `int(s)` for a str, saturating; `None` if not a valid integer.
fn py_int(s: &str) -> Option<i128> {
    let t = s.trim_matches(|c: char| is_space(c as u32));
    let (neg, body) = match t.chars().next() {
        Some('-') => (true, &t[1..]),
        Some('+') => (false, &t[1..]),
        _ => (false, t),
    };
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let mut v: i128 = 0;
    for c in body.chars().filter(|&c| c != '_') {
        let d = decimal_value(c as u32)?;
        v = v.saturating_mul(10).saturating_add(i128::from(d));
    }
    Some(if neg { -v } else { v })
}

/// A character set item (sre's set sub-language).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum SetItem {
    Lit(u32),
    Range(u32, u32),
    Cat(Cat),
}

/// Parsed pattern node (mirrors re._parser's opcodes).
#[derive(Debug)]
enum Node {
    Lit(u32),
    NotLit(u32),
    Any,
    In(bool, Vec<SetItem>),
    At(AtCode),
    Branch(Vec<Vec<Node>>),
    Repeat(u32, u32, RepKind, Vec<Node>),
    Sub(Option<usize>, u32, u32, Vec<Node>),
    Atomic(Vec<Node>),
    Assert(bool, bool, Vec<Node>),
    GroupRef(usize),
    Exists(usize, Vec<Node>, Option<Vec<Node>>),
}

/// Unresolved position assertions (flags decide the final `At`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AtCode {
    Beginning,
    BeginningString,
    End,
    EndString,
    Boundary,
    NonBoundary,
}

/// Result of an escape outside a class.
enum Escaped {
    Node(Node),
    Lit(u32),
    Cat(Cat),
}

/// Parser state (re._parser.State).
struct State {
    flags: u32,
    names: Vec<(String, usize)>,
    widths: Vec<Option<(u128, u128)>>,
    lookbehind: Option<usize>,
    grouprefpos: Vec<(u128, usize)>,
}

impl State {
    /// Number of groups so far, counting group 0.
    fn groups(&self) -> usize {
        self.widths.len()
    }

    /// Index of a named group.
    fn lookup(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|&(_, g)| g)
    }

    /// Opens a new group (State.opengroup).
    fn opengroup(&mut self, name: Option<&str>) -> Result<usize, String> {
        let gid = self.groups();
        self.widths.push(None);
        if let Some(name) = name {
            if let Some(ogid) = self.lookup(name) {
                return Err(format!(
                    "redefinition of group name {} as group {gid}; was group {ogid}",
                    repr_str(name)
                ));
            }
            self.names.push((name.to_string(), gid));
        }
        Ok(gid)
    }

    /// Whether group `gid` exists and is closed.
    fn checkgroup(&self, gid: usize) -> bool {
        matches!(self.widths.get(gid), Some(Some(_)))
    }

    /// State.checklookbehindgroup.
    fn check_lookbehind(&self, gid: usize, src: &Source) -> Result<(), ReError> {
        if let Some(lb) = self.lookbehind {
            if !self.checkgroup(gid) {
                return Err(src.error("cannot refer to an open group", 0));
            }
            if gid >= lb {
                return Err(src.error("cannot refer to group defined in the same lookbehind subpattern", 0));
            }
        }
        Ok(())
    }
}

/// Width (min, max) of a sequence (SubPattern.getwidth).
fn width(nodes: &[Node], st: &State) -> (u128, u128) {
    let (mut lo, mut hi) = (0u128, 0u128);
    for n in nodes {
        let (i, j) = node_width(n, st);
        lo = lo.saturating_add(i);
        hi = hi.saturating_add(j);
    }
    (lo.min(MAXWIDTH), hi.min(MAXWIDTH))
}

/// Width contribution of one node.
fn node_width(n: &Node, st: &State) -> (u128, u128) {
    match n {
        Node::Branch(alts) => {
            let ws: Vec<_> = alts.iter().map(|a| width(a, st)).collect();
            let lo = ws.iter().map(|w| w.0).min().unwrap_or(MAXWIDTH);
            (lo, ws.iter().map(|w| w.1).max().unwrap_or(0))
        }
        Node::Atomic(p) | Node::Sub(_, _, _, p) => width(p, st),
        Node::Repeat(min, max, _, p) => {
            let (i, j) = width(p, st);
            let hi = if *max == MAXREPEAT && j > 0 { MAXWIDTH } else { j.saturating_mul(u128::from(*max)) };
            (i.saturating_mul(u128::from(*min)), hi)
        }
        Node::Lit(_) | Node::NotLit(_) | Node::Any | Node::In(..) => (1, 1),
        Node::GroupRef(g) => st.widths.get(*g).copied().flatten().unwrap_or((0, 0)),
        Node::Exists(_, yes, no) => {
            let (i, j) = width(yes, st);
            match no {
                Some(no) => {
                    let (l, h) = width(no, st);
                    (i.min(l), j.max(h))
                }
                None => (0, j),
            }
        }
        Node::At(_) | Node::Assert(..) => (0, 0),
    }
}

/// Hex/octal digit predicates.
fn is_hex(c: char) -> bool {
    c.is_ascii_hexdigit()
}

/// Octal digit predicate.
fn is_oct(c: char) -> bool {
    ('0'..='7').contains(&c)
}

/// Whether the next token is an ASCII digit.
fn next_digit(src: &Source) -> Option<char> {
    match src.next {
        Some(Tok::Ch(c)) if c.is_ascii_digit() => Some(c),
        _ => None,
    }
}

/// `\x`, `\u`, `\U` escapes: `n` hex digits.
fn hex_escape(src: &mut Source, c: char, n: usize) -> Result<u32, ReError> {
    let digits = src.getwhile(n, is_hex)?;
    let esc = format!("\\{c}{digits}");
    if digits.len() != n {
        return Err(src.error(format!("incomplete escape {esc}"), esc.len()));
    }
    let v = u32::from_str_radix(&digits, 16).unwrap_or(u32::MAX);
    if v > 0x10ffff {
        return Err(src.error(format!("bad escape {esc}"), esc.len()));
    }
    Ok(v)
}

/// `\N{...}`: named characters are not supported; always "undefined".
fn named_escape(src: &mut Source) -> Result<u32, ReError> {
    if !src.eat('{')? {
        return Err(src.error("missing {", 0));
    }
    let name = src.getuntil('}', "character name")?;
    let n = name.chars().count();
    Err(src.error(format!("undefined character name {}", repr_str(&name)), n + 4))
}

/// Escapes shared by classes and the main pattern (hex, named, letters).
fn common_escape(src: &mut Source, c: char) -> Result<Option<u32>, ReError> {
    Ok(Some(match c {
        'a' => 7,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        'x' => hex_escape(src, c, 2)?,
        'u' => hex_escape(src, c, 4)?,
        'U' => hex_escape(src, c, 8)?,
        'N' => named_escape(src)?,
        _ => return Ok(None),
    }))
}

/// A category escape letter.
fn cat_of(c: char) -> Option<Cat> {
    Some(match c {
        'd' => Cat::Digit,
        'D' => Cat::NotDigit,
        's' => Cat::Space,
        'S' => Cat::NotSpace,
        'w' => Cat::Word,
        'W' => Cat::NotWord,
        _ => return None,
    })
}

/// Final fallback of both escape functions: literal or "bad escape".
fn plain_escape(src: &Source, c: char) -> Result<u32, ReError> {
    if c.is_ascii_alphanumeric() {
        return Err(src.error(format!("bad escape \\{c}"), 2));
    }
    Ok(c as u32)
}

/// An escape inside a class (re._parser._class_escape).
fn class_escape(src: &mut Source, c: char) -> Result<SetItem, ReError> {
    if c == 'b' {
        return Ok(SetItem::Lit(8));
    }
    if let Some(cat) = cat_of(c) {
        return Ok(SetItem::Cat(cat));
    }
    if let Some(v) = common_escape(src, c)? {
        return Ok(SetItem::Lit(v));
    }
    if is_oct(c) {
        let esc = format!("\\{c}{}", src.getwhile(2, is_oct)?);
        return octal_value(src, &esc).map(SetItem::Lit);
    }
    plain_escape(src, c).map(SetItem::Lit)
}

/// Value of an octal escape, with CPython's range check.
fn octal_value(src: &Source, esc: &str) -> Result<u32, ReError> {
    let v = u32::from_str_radix(esc.get(1..).unwrap_or("0"), 8).unwrap_or(0);
    if v > 0o377 {
        let msg = format!("octal escape value {esc} outside of range 0-0o377");
        return Err(src.error(msg, esc.len()));
    }
    Ok(v)
}

/// An escape outside a class (re._parser._escape).
fn escape(src: &mut Source, c: char, st: &State) -> Result<Escaped, ReError> {
    let at = match c {
        'A' => Some(AtCode::BeginningString),
        'Z' => Some(AtCode::EndString),
        'b' => Some(AtCode::Boundary),
        'B' => Some(AtCode::NonBoundary),
        _ => None,
    };
    if let Some(a) = at {
        return Ok(Escaped::Node(Node::At(a)));
    }
    if let Some(cat) = cat_of(c) {
        return Ok(Escaped::Cat(cat));
    }
    if let Some(v) = common_escape(src, c)? {
        return Ok(Escaped::Lit(v));
    }
    if c == '0' {
        let digits = src.getwhile(2, is_oct)?;
        return Ok(Escaped::Lit(u32::from_str_radix(&format!("0{digits}"), 8).unwrap_or(0)));
    }
    if c.is_ascii_digit() {
        return digit_escape(src, c, st);
    }
    plain_escape(src, c).map(Escaped::Lit)
}

/// `\1`..`\99` backreference or 3-digit octal escape.
fn digit_escape(src: &mut Source, c: char, st: &State) -> Result<Escaped, ReError> {
    let mut esc = format!("\\{c}");
    if let Some(d) = next_digit(src) {
        src.get()?;
        esc.push(d);
        let third = match src.next {
            Some(Tok::Ch(t)) if is_oct(t) => Some(t),
            _ => None,
        };
        if let (true, true, Some(t)) = (is_oct(c), is_oct(d), third) {
            src.get()?;
            esc.push(t);
            return octal_value(src, &esc).map(Escaped::Lit);
        }
    }
    let group: usize = esc.get(1..).and_then(|s| s.parse().ok()).unwrap_or(0);
    if group < st.groups() {
        if !st.checkgroup(group) {
            return Err(src.error("cannot refer to an open group", esc.len()));
        }
        st.check_lookbehind(group, src)?;
        return Ok(Escaped::Node(Node::GroupRef(group)));
    }
    Err(src.error(format!("invalid group reference {group}"), esc.len() - 1))
}

/// Parser context passed down the recursion.
struct Parser {
    src: Source,
    st: State,
}

impl Parser {
    /// An alternation `a|b|c` (re._parser._parse_sub).
    fn parse_sub(&mut self, mut verbose: bool, nested: usize) -> Result<Vec<Node>, ReError> {
        if nested > MAX_NESTING {
            return Err(self.src.error("too many nested groups", 0));
        }
        let mut items = Vec::new();
        loop {
            let first = nested == 0 && items.is_empty();
            items.push(self.parse(verbose, nested + 1, first)?);
            if !self.src.eat('|')? {
                break;
            }
            if nested == 0 {
                verbose = self.st.flags & VERBOSE != 0;
            }
        }
        if items.len() == 1 {
            return Ok(items.pop().unwrap_or_default());
        }
        Ok(vec![Node::Branch(items)])
    }

    /// A sequence (re._parser._parse).
    fn parse(&mut self, mut verbose: bool, nested: usize, first: bool) -> Result<Vec<Node>, ReError> {
        let mut out: Vec<Node> = Vec::new();
        while let Some(this) = self.src.next {
            if this == Tok::Ch('|') || this == Tok::Ch(')') {
                break;
            }
            self.src.get()?;
            if verbose && self.skip_verbose(this)? {
                continue;
            }
            match this {
                Tok::Esc(c) => out.push(match escape(&mut self.src, c, &self.st)? {
                    Escaped::Node(n) => n,
                    Escaped::Lit(v) => Node::Lit(v),
                    Escaped::Cat(cat) => Node::In(false, vec![SetItem::Cat(cat)]),
                }),
                Tok::Ch('[') => out.push(self.parse_class()?),
                Tok::Ch(c @ ('*' | '+' | '?' | '{')) => self.parse_repeat(c, &mut out)?,
                Tok::Ch('.') => out.push(Node::Any),
                Tok::Ch('(') => {
                    if let Some(n) = self.parse_group(&mut verbose, nested, first && out.is_empty())? {
                        out.push(n);
                    }
                }
                Tok::Ch('^') => out.push(Node::At(AtCode::Beginning)),
                Tok::Ch('$') => out.push(Node::At(AtCode::End)),
                Tok::Ch(c) => out.push(Node::Lit(c as u32)),
            }
        }
        Ok(out)
    }

    /// Verbose mode: skips whitespace and `#` comments; true if skipped.
    fn skip_verbose(&mut self, this: Tok) -> Result<bool, ReError> {
        match this {
            Tok::Ch(' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') => Ok(true),
            Tok::Ch('#') => {
                while let Some(t) = self.src.get()? {
                    if t == Tok::Ch('\n') {
                        break;
                    }
                }
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// A character class after `[`.
    fn parse_class(&mut self) -> Result<Node, ReError> {
        let here = self.src.tell() - 1;
        let negate = self.src.eat('^')?;
        let mut set: Vec<SetItem> = Vec::new();
        loop {
            let this = self.class_tok(here)?;
            if this == Tok::Ch(']') && !set.is_empty() {
                break;
            }
            let code1 = self.class_item(this)?;
            if !self.src.eat('-')? {
                set.push(code1);
                continue;
            }
            let that = self.class_tok(here)?;
            if that == Tok::Ch(']') {
                set.push(code1);
                set.push(SetItem::Lit('-' as u32));
                break;
            }
            let code2 = self.class_item(that)?;
            set.push(self.class_range(this, that, code1, code2)?);
        }
        let mut seen = HashSet::new();
        set.retain(|i| seen.insert(*i));
        Ok(match (set.as_slice(), negate) {
            ([SetItem::Lit(v)], false) => Node::Lit(*v),
            ([SetItem::Lit(v)], true) => Node::NotLit(*v),
            _ => Node::In(negate, set),
        })
    }

    /// Next token inside a class, or "unterminated character set".
    fn class_tok(&mut self, here: usize) -> Result<Tok, ReError> {
        match self.src.get()? {
            Some(t) => Ok(t),
            None => Err(self.src.error("unterminated character set", self.src.tell() - here)),
        }
    }

    /// One class member token.
    fn class_item(&mut self, t: Tok) -> Result<SetItem, ReError> {
        match t {
            Tok::Esc(c) => class_escape(&mut self.src, c),
            Tok::Ch(c) => Ok(SetItem::Lit(c as u32)),
        }
    }

    /// A range `a-b` inside a class.
    fn class_range(&self, this: Tok, that: Tok, a: SetItem, b: SetItem) -> Result<SetItem, ReError> {
        let msg = format!("bad character range {}-{}", this.text(), that.text());
        match (a, b) {
            (SetItem::Lit(lo), SetItem::Lit(hi)) if lo <= hi => Ok(SetItem::Range(lo, hi)),
            _ => Err(self.src.error(msg, this.len() + 1 + that.len())),
        }
    }

    /// A quantifier applied to the last node.
    fn parse_repeat(&mut self, c: char, out: &mut Vec<Node>) -> Result<(), ReError> {
        let here = self.src.tell();
        let (min, max) = match c {
            '?' => (0, 1),
            '*' => (0, MAXREPEAT),
            '+' => (1, MAXREPEAT),
            _ => match self.parse_braces(here)? {
                Some(mm) => mm,
                None => {
                    out.push(Node::Lit('{' as u32));
                    return Ok(());
                }
            },
        };
        let off = self.src.tell() - here + 1;
        let item = match out.pop() {
            None | Some(Node::At(_)) => return Err(self.src.error("nothing to repeat", off)),
            Some(Node::Repeat(..)) => return Err(self.src.error("multiple repeat", off)),
            Some(n) => n,
        };
        let body = match item {
            Node::Sub(None, 0, 0, p) => p,
            n => vec![n],
        };
        let kind = if self.src.eat('?')? {
            RepKind::Lazy
        } else if self.src.eat('+')? {
            RepKind::Possessive
        } else {
            RepKind::Greedy
        };
        out.push(Node::Repeat(min, max, kind, body));
        Ok(())
    }

    /// `{m,n}` after `{`; `None` when it is a literal `{`.
    fn parse_braces(&mut self, here: usize) -> Result<Option<(u32, u32)>, ReError> {
        if self.src.peek_is('}') {
            return Ok(None);
        }
        let lo = self.src.getwhile(usize::MAX, |c| c.is_ascii_digit())?;
        let hi = if self.src.eat(',')? {
            self.src.getwhile(usize::MAX, |c| c.is_ascii_digit())?
        } else {
            lo.clone()
        };
        if !self.src.eat('}')? {
            self.src.seek(here)?;
            return Ok(None);
        }
        let min = if lo.is_empty() { 0 } else { rep_number(&lo)? };
        let max = if hi.is_empty() { MAXREPEAT } else { rep_number(&hi)? };
        if !hi.is_empty() && max < min {
            return Err(self.src.error("min repeat greater than max repeat", self.src.tell() - here));
        }
        Ok(Some((min, max)))
    }
}

/// A repeat count, or CPython's OverflowError message.
fn rep_number(s: &str) -> Result<u32, ReError> {
    match s.parse::<u64>() {
        Ok(v) if v < u64::from(MAXREPEAT) => Ok(v as u32),
        _ => Err(err_nopos("the repetition number is too large")),
    }
}

/// What a `(?` extension introduces.
enum Ext {
    Capture(Option<String>),
    NonCapture(u32, u32),
    Atomic,
    Done(Option<Node>),
}

impl Parser {
    /// A group after `(`; `None` for comments and global flags.
    fn parse_group(
        &mut self,
        verbose: &mut bool,
        nested: usize,
        first: bool,
    ) -> Result<Option<Node>, ReError> {
        let start = self.src.tell() - 1;
        let ext = if self.src.eat('?')? {
            self.parse_ext(start, verbose, nested, first)?
        } else {
            Ext::Capture(None)
        };
        let (group, add, del, atomic) = match ext {
            Ext::Done(n) => return Ok(n),
            Ext::Capture(name) => (Some(self.open(name.as_deref())?), 0, 0, false),
            Ext::NonCapture(add, del) => (None, add, del, false),
            Ext::Atomic => (None, 0, 0, true),
        };
        let sub_verbose = (*verbose || add & VERBOSE != 0) && del & VERBOSE == 0;
        let p = self.parse_sub(sub_verbose, nested + 1)?;
        self.close_paren(start)?;
        if let Some(g) = group {
            let w = width(&p, &self.st);
            if let Some(slot) = self.st.widths.get_mut(g) {
                *slot = Some(w);
            }
        }
        Ok(Some(if atomic { Node::Atomic(p) } else { Node::Sub(group, add, del, p) }))
    }

    /// Opens a capturing group, mapping the redefinition error.
    fn open(&mut self, name: Option<&str>) -> Result<usize, ReError> {
        let off = name.map_or(0, |n| n.chars().count() + 1);
        self.st.opengroup(name).map_err(|m| self.src.error(m, off))
    }

    /// Expects `)`, else "missing ), unterminated subpattern".
    fn close_paren(&mut self, start: usize) -> Result<(), ReError> {
        if self.src.eat(')')? {
            return Ok(());
        }
        Err(self.src.error("missing ), unterminated subpattern", self.src.tell() - start))
    }

    /// Next token after `(?`, or "unexpected end of pattern".
    fn ext_tok(&mut self) -> Result<Tok, ReError> {
        match self.src.get()? {
            Some(t) => Ok(t),
            None => Err(self.src.error("unexpected end of pattern", 0)),
        }
    }

    /// The part after `(?`.
    fn parse_ext(
        &mut self,
        start: usize,
        verbose: &mut bool,
        nested: usize,
        first: bool,
    ) -> Result<Ext, ReError> {
        let char = self.ext_tok()?;
        match char {
            Tok::Ch('P') => self.parse_p(),
            Tok::Ch(':') => Ok(Ext::NonCapture(0, 0)),
            Tok::Ch('#') => self.parse_comment(start),
            Tok::Ch('=' | '!' | '<') => self.parse_look(char, start, *verbose, nested),
            Tok::Ch('(') => self.parse_cond(start, *verbose, nested),
            Tok::Ch('>') => Ok(Ext::Atomic),
            Tok::Ch(c) if flag_value(c).is_some() || c == '-' => match self.parse_flags(char)? {
                Some((add, del)) => Ok(Ext::NonCapture(add, del)),
                None => {
                    if !first {
                        let off = self.src.tell() - start;
                        return Err(self.src.error("global flags not at the start of the expression", off));
                    }
                    *verbose = self.st.flags & VERBOSE != 0;
                    Ok(Ext::Done(None))
                }
            },
            _ => Err(self.src.error(format!("unknown extension ?{}", char.text()), char.len() + 1)),
        }
    }

    /// `(?P<name>`, `(?P=name)`.
    fn parse_p(&mut self) -> Result<Ext, ReError> {
        if self.src.eat('<')? {
            let name = self.src.getuntil('>', "group name")?;
            self.src.checkgroupname(&name, 1)?;
            return Ok(Ext::Capture(Some(name)));
        }
        if self.src.eat('=')? {
            let name = self.src.getuntil(')', "group name")?;
            self.src.checkgroupname(&name, 1)?;
            let off = name.chars().count() + 1;
            let Some(gid) = self.st.lookup(&name) else {
                return Err(self.src.error(format!("unknown group name {}", repr_str(&name)), off));
            };
            if !self.st.checkgroup(gid) {
                return Err(self.src.error("cannot refer to an open group", off));
            }
            self.st.check_lookbehind(gid, &self.src)?;
            return Ok(Ext::Done(Some(Node::GroupRef(gid))));
        }
        let c = self.ext_tok()?;
        Err(self.src.error(format!("unknown extension ?P{}", c.text()), c.len() + 2))
    }

    /// `(?#...)`.
    fn parse_comment(&mut self, start: usize) -> Result<Ext, ReError> {
        loop {
            if self.src.next.is_none() {
                return Err(self.src.error("missing ), unterminated comment", self.src.tell() - start));
            }
            if self.src.get()? == Some(Tok::Ch(')')) {
                return Ok(Ext::Done(None));
            }
        }
    }

    /// Lookahead / lookbehind assertions.
    fn parse_look(
        &mut self,
        mut char: Tok,
        start: usize,
        verbose: bool,
        nested: usize,
    ) -> Result<Ext, ReError> {
        let behind = char == Tok::Ch('<');
        let saved = self.st.lookbehind;
        if behind {
            char = self.ext_tok()?;
            if char != Tok::Ch('=') && char != Tok::Ch('!') {
                return Err(self.src.error(format!("unknown extension ?<{}", char.text()), char.len() + 2));
            }
            if saved.is_none() {
                self.st.lookbehind = Some(self.st.groups());
            }
        }
        let p = self.parse_sub(verbose, nested + 1)?;
        if behind && saved.is_none() {
            self.st.lookbehind = None;
        }
        self.close_paren(start)?;
        Ok(Ext::Done(Some(Node::Assert(behind, char == Tok::Ch('!'), p))))
    }
}

/// Value of an inline flag letter.
fn flag_value(c: char) -> Option<u32> {
    Some(match c {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'x' => VERBOSE,
        'a' => ASCII,
        't' => TEMPLATE,
        'u' => UNICODE,
        _ => return None,
    })
}

/// The flag value of a token, if it is a flag letter.
fn flag_of(t: Tok) -> Option<u32> {
    match t {
        Tok::Ch(c) => flag_value(c),
        Tok::Esc(_) => None,
    }
}

impl Parser {
    /// `(?(group)yes|no)`.
    fn parse_cond(&mut self, start: usize, verbose: bool, nested: usize) -> Result<Ext, ReError> {
        let name = self.src.getuntil(')', "group name")?;
        let off = name.chars().count() + 1;
        let group = if is_identifier(&name) {
            match self.st.lookup(&name) {
                Some(g) => g,
                None => return Err(self.src.error(format!("unknown group name {}", repr_str(&name)), off)),
            }
        } else {
            self.cond_number(&name, off)?
        };
        self.st.check_lookbehind(group, &self.src)?;
        let yes = self.parse(verbose, nested + 1, false)?;
        let no = if self.src.eat('|')? {
            let no = self.parse(verbose, nested + 1, false)?;
            if self.src.peek_is('|') {
                return Err(self.src.error("conditional backref with more than two branches", 0));
            }
            Some(no)
        } else {
            None
        };
        self.close_paren(start)?;
        Ok(Ext::Done(Some(Node::Exists(group, yes, no))))
    }

    /// A numeric condition group; records forward references.
    fn cond_number(&mut self, name: &str, off: usize) -> Result<usize, ReError> {
        let v = match py_int(name) {
            Some(v) if v >= 0 => v as u128,
            _ => return Err(self.src.error(format!("bad character in group name {}", repr_str(name)), off)),
        };
        if v == 0 {
            return Err(self.src.error("bad group number", off));
        }
        if v >= MAXGROUPS {
            return Err(self.src.error(format!("invalid group reference {v}"), off));
        }
        if !self.st.grouprefpos.iter().any(|&(g, _)| g == v) {
            let pos = self.src.tell().saturating_sub(off);
            self.st.grouprefpos.push((v, pos));
        }
        Ok(v as usize)
    }

    /// Inline flags after `(?`; `None` for global flags `(?x)`.
    fn parse_flags(&mut self, mut ch: Tok) -> Result<Option<(u32, u32)>, ReError> {
        let mut add = 0;
        if ch != Tok::Ch('-') {
            ch = self.add_flags(ch, &mut add)?;
        }
        if ch == Tok::Ch(')') {
            self.st.flags |= add;
            return Ok(None);
        }
        if add & GLOBAL_FLAGS != 0 {
            return Err(self.src.error("bad inline flags: cannot turn on global flag", 1));
        }
        let mut del = 0;
        if ch == Tok::Ch('-') {
            self.del_flags(&mut del)?;
        }
        if del & GLOBAL_FLAGS != 0 {
            return Err(self.src.error("bad inline flags: cannot turn off global flag", 1));
        }
        if add & del != 0 {
            return Err(self.src.error("bad inline flags: flag turned on and off", 1));
        }
        Ok(Some((add, del)))
    }

    /// The flags before `-`, `:` or `)`; returns that terminator.
    fn add_flags(&mut self, mut ch: Tok, add: &mut u32) -> Result<Tok, ReError> {
        loop {
            let flag = flag_of(ch).unwrap_or(0);
            if ch == Tok::Ch('L') {
                return Err(self.src.error("bad inline flags: cannot use 'L' flag with a str pattern", 0));
            }
            *add |= flag;
            if flag & TYPE_FLAGS != 0 && *add & TYPE_FLAGS != flag {
                return Err(self.src.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0));
            }
            ch = match self.src.get()? {
                Some(t) => t,
                None => return Err(self.src.error("missing -, : or )", 0)),
            };
            if matches!(ch, Tok::Ch(')' | '-' | ':')) {
                return Ok(ch);
            }
            if flag_of(ch).is_none() {
                let msg = if ch.is_alpha() { "unknown flag" } else { "missing -, : or )" };
                return Err(self.src.error(msg, ch.len()));
            }
        }
    }

    /// The flags after `-`, up to `:`.
    fn del_flags(&mut self, del: &mut u32) -> Result<(), ReError> {
        let mut ch = match self.src.get()? {
            Some(t) => t,
            None => return Err(self.src.error("missing flag", 0)),
        };
        if flag_of(ch).is_none() {
            let msg = if ch.is_alpha() { "unknown flag" } else { "missing flag" };
            return Err(self.src.error(msg, ch.len()));
        }
        loop {
            let flag = flag_of(ch).unwrap_or(0);
            if flag & TYPE_FLAGS != 0 {
                return Err(self.src.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0));
            }
            *del |= flag;
            ch = match self.src.get()? {
                Some(t) => t,
                None => return Err(self.src.error("missing :", 0)),
            };
            if ch == Tok::Ch(':') {
                return Ok(());
            }
            if flag_of(ch).is_none() {
                let msg = if ch.is_alpha() { "unknown flag" } else { "missing :" };
                return Err(self.src.error(msg, ch.len()));
            }
        }
    }
}

/// re._parser.fix_flags for a str pattern.
fn fix_flags(flags: u32) -> Result<u32, ReError> {
    if flags & LOCALE != 0 {
        return Err(err_nopos("cannot use LOCALE flag with a str pattern"));
    }
    if flags & ASCII == 0 {
        return Ok(flags | UNICODE);
    }
    if flags & UNICODE != 0 {
        return Err(err_nopos("ASCII and UNICODE flags are incompatible"));
    }
    Ok(flags)
}

/// Compiles a pattern with CPython's `re.compile` semantics.
pub fn compile(pattern: &str, flags: u32) -> Result<Regex, ReError> {
    let src = Source::new(pattern)?;
    let st =
        State { flags, names: Vec::new(), widths: vec![None], lookbehind: None, grouprefpos: Vec::new() };
    let mut p = Parser { src, st };
    let nodes = p.parse_sub(flags & VERBOSE != 0, 0)?;
    p.st.flags = fix_flags(p.st.flags)?;
    if p.src.next.is_some() {
        return Err(p.src.error("unbalanced parenthesis", 0));
    }
    let groups = p.st.groups();
    if let Some(&(g, pos)) = p.st.grouprefpos.iter().find(|&&(g, _)| g >= groups as u128) {
        return Err(ReError { msg: format!("invalid group reference {g}"), pos: Some(pos) });
    }
    let mut cg = Codegen { prog: Vec::new(), st: &p.st };
    cg.seq(&nodes, p.st.flags)?;
    cg.prog.push(Inst::Success);
    let prog = cg.prog;
    let names = std::mem::take(&mut p.st.names);
    Ok(Regex { prog, groups: groups - 1, names, flags: p.st.flags })
}

/// re._compiler._combine_flags.
fn combine(flags: u32, add: u32, del: u32) -> u32 {
    let base = if add & TYPE_FLAGS != 0 { flags & !TYPE_FLAGS } else { flags };
    (base | add) & !del
}

/// Translates the node tree into VM instructions.
struct Codegen<'a> {
    prog: Vec<Inst>,
    st: &'a State,
}

impl Codegen<'_> {
    /// Compiles a sequence.
    fn seq(&mut self, nodes: &[Node], flags: u32) -> Result<(), ReError> {
        nodes.iter().try_for_each(|n| self.node(n, flags))
    }

    /// Replaces the instruction at `at`.
    fn patch(&mut self, at: usize, inst: Inst) {
        if let Some(slot) = self.prog.get_mut(at) {
            *slot = inst;
        }
    }

    /// Compiles one node.
    fn node(&mut self, n: &Node, flags: u32) -> Result<(), ReError> {
        match n {
            Node::Lit(_) | Node::NotLit(_) | Node::Any | Node::In(..) => {
                let t = unit_test(n, flags).unwrap_or(CharTest::AnyAll);
                self.prog.push(Inst::Char(t));
            }
            Node::At(a) => self.prog.push(Inst::At(at_code(*a, flags))),
            Node::Branch(alts) => self.branch(alts, flags)?,
            Node::Repeat(min, max, kind, body) => self.repeat((*min, *max), *kind, body, flags)?,
            Node::Sub(g, add, del, body) => self.sub(*g, body, combine(flags, *add, *del))?,
            Node::Atomic(body) => {
                let at = self.prog.len();
                self.prog.push(Inst::Atomic { next: 0 });
                self.seq(body, flags)?;
                self.prog.push(Inst::Success);
                self.patch(at, Inst::Atomic { next: self.prog.len() });
            }
            Node::Assert(behind, neg, body) => self.assert(*behind, *neg, body, flags)?,
            Node::GroupRef(g) => {
                let fold = fold_mode(flags);
                self.prog.push(Inst::GroupRef { group: g.saturating_sub(1), fold });
            }
            Node::Exists(g, yes, no) => self.exists(*g, yes, no.as_deref(), flags)?,
        }
        Ok(())
    }

    /// A (possibly capturing) group.
    fn sub(&mut self, g: Option<usize>, body: &[Node], flags: u32) -> Result<(), ReError> {
        if let Some(g) = g {
            self.prog.push(Inst::Mark(2 * (g.saturating_sub(1))));
        }
        self.seq(body, flags)?;
        if let Some(g) = g {
            self.prog.push(Inst::Mark(2 * (g.saturating_sub(1)) + 1));
        }
        Ok(())
    }

    /// Alternation.
    fn branch(&mut self, alts: &[Vec<Node>], flags: u32) -> Result<(), ReError> {
        let at = self.prog.len();
        self.prog.push(Inst::Branch(Vec::new()));
        let (mut starts, mut jumps) = (Vec::new(), Vec::new());
        for alt in alts {
            starts.push(self.prog.len());
            self.seq(alt, flags)?;
            jumps.push(self.prog.len());
            self.prog.push(Inst::Jump(0));
        }
        let end = self.prog.len();
        for j in jumps {
            self.patch(j, Inst::Jump(end));
        }
        self.patch(at, Inst::Branch(starts));
        Ok(())
    }

    /// Repeats: single-character fast path or general repeat.
    fn repeat(
        &mut self,
        (min, max): (u32, u32),
        kind: RepKind,
        body: &[Node],
        flags: u32,
    ) -> Result<(), ReError> {
        if flags & TEMPLATE != 0 {
            let op = match kind {
                RepKind::Greedy => "MAX_REPEAT",
                RepKind::Lazy => "MIN_REPEAT",
                RepKind::Possessive => "POSSESSIVE_REPEAT",
            };
            return Err(err_nopos(&format!("internal: unsupported template operator {op}")));
        }
        let at = self.prog.len();
        if let Some(item) = simple_item(body, flags) {
            self.prog.push(Inst::RepeatOne { min, max, kind, item, next: at + 1 });
            return Ok(());
        }
        if kind == RepKind::Possessive {
            self.prog.push(Inst::PossRepeat { min, max, next: 0 });
            self.seq(body, flags)?;
            self.prog.push(Inst::Success);
            self.patch(at, Inst::PossRepeat { min, max, next: self.prog.len() });
            return Ok(());
        }
        self.prog.push(Inst::Repeat { min, max, until: 0 });
        self.seq(body, flags)?;
        let until = self.prog.len();
        self.prog.push(if kind == RepKind::Lazy { Inst::MinUntil } else { Inst::MaxUntil });
        self.patch(at, Inst::Repeat { min, max, until });
        Ok(())
    }

    /// Lookahead / lookbehind.
    fn assert(&mut self, behind: bool, neg: bool, body: &[Node], flags: u32) -> Result<(), ReError> {
        let mut back = 0;
        if behind {
            let (lo, hi) = width(body, self.st);
            if lo > MAXCODE {
                return Err(err_nopos("looks too much behind"));
            }
            if lo != hi {
                return Err(err_nopos("look-behind requires fixed-width pattern"));
            }
            back = lo as usize;
        }
        let at = self.prog.len();
        self.prog.push(Inst::Assert { neg, back, next: 0 });
        self.seq(body, flags)?;
        self.prog.push(Inst::Success);
        self.patch(at, Inst::Assert { neg, back, next: self.prog.len() });
        Ok(())
    }

    /// Conditional `(?(g)yes|no)`.
    fn exists(&mut self, g: usize, yes: &[Node], no: Option<&[Node]>, flags: u32) -> Result<(), ReError> {
        let group = g.saturating_sub(1);
        let at = self.prog.len();
        self.prog.push(Inst::GroupRefExists { group, no: 0 });
        self.seq(yes, flags)?;
        match no.filter(|n| !n.is_empty()) {
            Some(no) => {
                let j = self.prog.len();
                self.prog.push(Inst::Jump(0));
                self.patch(at, Inst::GroupRefExists { group, no: self.prog.len() });
                self.seq(no, flags)?;
                self.patch(j, Inst::Jump(self.prog.len()));
            }
            None => self.patch(at, Inst::GroupRefExists { group, no: self.prog.len() }),
        }
        Ok(())
    }
}

/// The folding used for backreferences under these flags.
fn fold_mode(flags: u32) -> Fold {
    match (flags & IGNORECASE != 0, flags & UNICODE != 0) {
        (false, _) => Fold::No,
        (true, true) => Fold::Uni,
        (true, false) => Fold::Ascii,
    }
}

/// Resolves a position assertion under the given flags.
fn at_code(a: AtCode, flags: u32) -> At {
    let multi = flags & MULTILINE != 0;
    let uni = flags & UNICODE != 0;
    match a {
        AtCode::Beginning if multi => At::BeginningLine,
        AtCode::Beginning => At::Beginning,
        AtCode::End if multi => At::EndLine,
        AtCode::End => At::End,
        AtCode::BeginningString => At::BeginningString,
        AtCode::EndString => At::EndString,
        AtCode::Boundary => At::Boundary(uni),
        AtCode::NonBoundary => At::NonBoundary(uni),
    }
}

/// re._compiler._simple: the single-character test of a repeat body.
fn simple_item(body: &[Node], flags: u32) -> Option<CharTest> {
    match body {
        [Node::Sub(None, add, del, p)] => simple_item(p, combine(flags, *add, *del)),
        [n] => unit_test(n, flags),
        _ => None,
    }
}

/// The test for a single-character node under the given flags.
fn unit_test(n: &Node, flags: u32) -> Option<CharTest> {
    Some(match n {
        Node::Lit(v) => lit_test(*v, false, flags),
        Node::NotLit(v) => lit_test(*v, true, flags),
        Node::Any if flags & DOTALL != 0 => CharTest::AnyAll,
        Node::Any => CharTest::Any,
        Node::In(neg, items) => CharTest::Set(Box::new(build_set(*neg, items, flags))),
        _ => return None,
    })
}

/// A plain literal test.
fn plain_lit(v: u32, neg: bool) -> CharTest {
    if neg {
        CharTest::NotLit(v)
    } else {
        CharTest::Lit(v)
    }
}

/// A literal under IGNORECASE as re._compiler emits it.
fn lit_test(v: u32, neg: bool, flags: u32) -> CharTest {
    if flags & IGNORECASE == 0 {
        return plain_lit(v, neg);
    }
    let (lo, f) = if flags & UNICODE != 0 {
        if !is_cased(v) {
            return plain_lit(v, neg);
        }
        (lower(v), Fold::Uni)
    } else {
        if !char::from_u32(v).is_some_and(|c| c.is_ascii_alphabetic()) {
            return plain_lit(v, neg);
        }
        (lower_ascii(v), Fold::Ascii)
    };
    let extra = if f == Fold::Uni { extra_cases(lo) } else { &[] };
    if extra.is_empty() {
        return if neg { CharTest::NotLitFold(lo, f) } else { CharTest::LitFold(lo, f) };
    }
    let mut map: Vec<(u32, u32)> = extra.iter().map(|&k| (k, k)).collect();
    map.push((lo, lo));
    CharTest::Set(Box::new(CharSet {
        neg,
        fold: f,
        map: normalize(map),
        uranges: Vec::new(),
        cats: Vec::new(),
    }))
}

/// Sorts and merges inclusive intervals.
fn normalize(mut v: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    v.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(v.len());
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Accumulates a compiled character set (re._compiler._optimize_charset).
struct SetBuilder {
    ign: bool,
    uni: bool,
    hascased: bool,
    map: Vec<(u32, u32)>,
    uranges: Vec<(u32, u32)>,
    cats: Vec<(Cat, bool)>,
}

impl SetBuilder {
    /// Adds a literal.
    fn lit(&mut self, v: u32) {
        if !self.ign {
            self.map.push((v, v));
            return;
        }
        let lo = if self.uni { lower(v) } else { lower_ascii(v) };
        if lo > 0xffff {
            self.map.push((v, v));
            self.hascased = true;
            return;
        }
        self.map.push((lo, lo));
        if self.uni {
            self.map.extend(extra_cases(lo).iter().map(|&k| (k, k)));
            self.hascased |= is_cased(v);
        } else {
            self.hascased |= char::from_u32(v).is_some_and(|c| c.is_ascii_alphabetic());
        }
    }

    /// Adds a range.
    fn range(&mut self, a: u32, b: u32) {
        if !self.ign {
            self.map.push((a, b));
            return;
        }
        if a <= 0xffff {
            let hi = b.min(0xffff);
            if self.uni {
                self.fold_uni(a, hi);
            } else {
                self.fold_ascii(a, hi);
            }
        }
        if b > 0xffff {
            self.uranges.push((a, b));
            self.hascased = true;
        } else if self.uni {
            self.hascased |= any_cased(a, b);
        } else {
            self.hascased |= a <= 0x7a && b >= 0x41 && !(a > 0x5a && b < 0x61);
        }
    }

    /// Adds `{lower(i) for i in a..=b}` plus the extra cases.
    fn fold_uni(&mut self, a: u32, b: u32) {
        let mut cur = a;
        let mut lowered = Vec::new();
        let mut kept = Vec::new();
        lower_mapped(a, b, &mut |c| {
            if cur < c {
                kept.push((cur, c - 1));
            }
            lowered.push(lower(c));
            cur = c + 1;
        });
        if cur <= b {
            kept.push((cur, b));
        }
        let set = normalize(kept.iter().copied().chain(lowered.iter().map(|&c| (c, c))).collect());
        for (k, extra) in extra_case_keys() {
            if in_set(&set, k) {
                self.map.extend(extra.iter().map(|&e| (e, e)));
            }
        }
        self.map.extend(set);
    }

    /// Adds `{lower_ascii(i) for i in a..=b}`.
    fn fold_ascii(&mut self, a: u32, b: u32) {
        let (ua, ub) = (a.max(0x41), b.min(0x5a));
        if ua <= ub {
            self.map.push((ua + 32, ub + 32));
            if a < ua {
                self.map.push((a, ua - 1));
            }
            if b > ub {
                self.map.push((ub + 1, b));
            }
        } else {
            self.map.push((a, b));
        }
    }
}

/// Whether `c` is in a normalized interval list.
fn in_set(set: &[(u32, u32)], c: u32) -> bool {
    let i = set.partition_point(|r| r.0 <= c);
    i.checked_sub(1).and_then(|i| set.get(i)).is_some_and(|r| c <= r.1)
}

/// Compiles a `[...]` set under the given flags.
fn build_set(neg: bool, items: &[SetItem], flags: u32) -> CharSet {
    let ign = flags & IGNORECASE != 0;
    let uni = flags & UNICODE != 0;
    let mut b =
        SetBuilder { ign, uni, hascased: false, map: Vec::new(), uranges: Vec::new(), cats: Vec::new() };
    for it in items {
        match *it {
            SetItem::Lit(v) => b.lit(v),
            SetItem::Range(lo, hi) => b.range(lo, hi),
            SetItem::Cat(c) => b.cats.push((c, uni)),
        }
    }
    let fold = if ign && b.hascased { fold_mode(flags) } else { Fold::No };
    CharSet { neg, fold, map: normalize(b.map), uranges: b.uranges, cats: b.cats }
}

/// Generated: chars that may start an identifier (str.isidentifier).
#[rustfmt::skip]
const XID_START: &[(u32, u32)] = &[
    (0x41, 0x5a), (0x5f, 0x5f), (0x61, 0x7a), (0xaa, 0xaa), (0xb5, 0xb5), (0xba, 0xba),
    (0xc0, 0xd6), (0xd8, 0xf6), (0xf8, 0x2c1), (0x2c6, 0x2d1), (0x2e0, 0x2e4),
    (0x2ec, 0x2ec), (0x2ee, 0x2ee), (0x370, 0x374), (0x376, 0x377), (0x37b, 0x37d),
    (0x37f, 0x37f), (0x386, 0x386), (0x388, 0x38a), (0x38c, 0x38c), (0x38e, 0x3a1),
    (0x3a3, 0x3f5), (0x3f7, 0x481), (0x48a, 0x52f), (0x531, 0x556), (0x559, 0x559),
    (0x560, 0x588), (0x5d0, 0x5ea), (0x5ef, 0x5f2), (0x620, 0x64a), (0x66e, 0x66f),
    (0x671, 0x6d3), (0x6d5, 0x6d5), (0x6e5, 0x6e6), (0x6ee, 0x6ef), (0x6fa, 0x6fc),
    (0x6ff, 0x6ff), (0x710, 0x710), (0x712, 0x72f), (0x74d, 0x7a5), (0x7b1, 0x7b1),
    (0x7ca, 0x7ea), (0x7f4, 0x7f5), (0x7fa, 0x7fa), (0x800, 0x815), (0x81a, 0x81a),
    (0x824, 0x824), (0x828, 0x828), (0x840, 0x858), (0x860, 0x86a), (0x870, 0x887),
    (0x889, 0x88e), (0x8a0, 0x8c9), (0x904, 0x939), (0x93d, 0x93d), (0x950, 0x950),
    (0x958, 0x961), (0x971, 0x980), (0x985, 0x98c), (0x98f, 0x990), (0x993, 0x9a8),
    (0x9aa, 0x9b0), (0x9b2, 0x9b2), (0x9b6, 0x9b9), (0x9bd, 0x9bd), (0x9ce, 0x9ce),
    (0x9dc, 0x9dd), (0x9df, 0x9e1), (0x9f0, 0x9f1), (0x9fc, 0x9fc), (0xa05, 0xa0a),
    (0xa0f, 0xa10), (0xa13, 0xa28), (0xa2a, 0xa30), (0xa32, 0xa33), (0xa35, 0xa36),
    (0xa38, 0xa39), (0xa59, 0xa5c), (0xa5e, 0xa5e), (0xa72, 0xa74), (0xa85, 0xa8d),
    (0xa8f, 0xa91), (0xa93, 0xaa8), (0xaaa, 0xab0), (0xab2, 0xab3), (0xab5, 0xab9),
    (0xabd, 0xabd), (0xad0, 0xad0), (0xae0, 0xae1), (0xaf9, 0xaf9), (0xb05, 0xb0c),
    (0xb0f, 0xb10), (0xb13, 0xb28), (0xb2a, 0xb30), (0xb32, 0xb33), (0xb35, 0xb39),
    (0xb3d, 0xb3d), (0xb5c, 0xb5d), (0xb5f, 0xb61), (0xb71, 0xb71), (0xb83, 0xb83),
    (0xb85, 0xb8a), (0xb8e, 0xb90), (0xb92, 0xb95), (0xb99, 0xb9a), (0xb9c, 0xb9c),
    (0xb9e, 0xb9f), (0xba3, 0xba4), (0xba8, 0xbaa), (0xbae, 0xbb9), (0xbd0, 0xbd0),
    (0xc05, 0xc0c), (0xc0e, 0xc10), (0xc12, 0xc28), (0xc2a, 0xc39), (0xc3d, 0xc3d),
    (0xc58, 0xc5a), (0xc5d, 0xc5d), (0xc60, 0xc61), (0xc80, 0xc80), (0xc85, 0xc8c),
    (0xc8e, 0xc90), (0xc92, 0xca8), (0xcaa, 0xcb3), (0xcb5, 0xcb9), (0xcbd, 0xcbd),
    (0xcdd, 0xcde), (0xce0, 0xce1), (0xcf1, 0xcf2), (0xd04, 0xd0c), (0xd0e, 0xd10),
    (0xd12, 0xd3a), (0xd3d, 0xd3d), (0xd4e, 0xd4e), (0xd54, 0xd56), (0xd5f, 0xd61),
    (0xd7a, 0xd7f), (0xd85, 0xd96), (0xd9a, 0xdb1), (0xdb3, 0xdbb), (0xdbd, 0xdbd),
    (0xdc0, 0xdc6), (0xe01, 0xe30), (0xe32, 0xe32), (0xe40, 0xe46), (0xe81, 0xe82),
    (0xe84, 0xe84), (0xe86, 0xe8a), (0xe8c, 0xea3), (0xea5, 0xea5), (0xea7, 0xeb0),
    (0xeb2, 0xeb2), (0xebd, 0xebd), (0xec0, 0xec4), (0xec6, 0xec6), (0xedc, 0xedf),
    (0xf00, 0xf00), (0xf40, 0xf47), (0xf49, 0xf6c), (0xf88, 0xf8c), (0x1000, 0x102a),
    (0x103f, 0x103f), (0x1050, 0x1055), (0x105a, 0x105d), (0x1061, 0x1061), (0x1065, 0x1066),
    (0x106e, 0x1070), (0x1075, 0x1081), (0x108e, 0x108e), (0x10a0, 0x10c5), (0x10c7, 0x10c7),
    (0x10cd, 0x10cd), (0x10d0, 0x10fa), (0x10fc, 0x1248), (0x124a, 0x124d), (0x1250, 0x1256),
    (0x1258, 0x1258), (0x125a, 0x125d), (0x1260, 0x1288), (0x128a, 0x128d), (0x1290, 0x12b0),
    (0x12b2, 0x12b5), (0x12b8, 0x12be), (0x12c0, 0x12c0), (0x12c2, 0x12c5), (0x12c8, 0x12d6),
    (0x12d8, 0x1310), (0x1312, 0x1315), (0x1318, 0x135a), (0x1380, 0x138f), (0x13a0, 0x13f5),
    (0x13f8, 0x13fd), (0x1401, 0x166c), (0x166f, 0x167f), (0x1681, 0x169a), (0x16a0, 0x16ea),
    (0x16ee, 0x16f8), (0x1700, 0x1711), (0x171f, 0x1731), (0x1740, 0x1751), (0x1760, 0x176c),
    (0x176e, 0x1770), (0x1780, 0x17b3), (0x17d7, 0x17d7), (0x17dc, 0x17dc), (0x1820, 0x1878),
    (0x1880, 0x18a8), (0x18aa, 0x18aa), (0x18b0, 0x18f5), (0x1900, 0x191e), (0x1950, 0x196d),
    (0x1970, 0x1974), (0x1980, 0x19ab), (0x19b0, 0x19c9), (0x1a00, 0x1a16), (0x1a20, 0x1a54),
    (0x1aa7, 0x1aa7), (0x1b05, 0x1b33), (0x1b45, 0x1b4c), (0x1b83, 0x1ba0), (0x1bae, 0x1baf),
    (0x1bba, 0x1be5), (0x1c00, 0x1c23), (0x1c4d, 0x1c4f), (0x1c5a, 0x1c7d), (0x1c80, 0x1c88),
    (0x1c90, 0x1cba), (0x1cbd, 0x1cbf), (0x1ce9, 0x1cec), (0x1cee, 0x1cf3), (0x1cf5, 0x1cf6),
    (0x1cfa, 0x1cfa), (0x1d00, 0x1dbf), (0x1e00, 0x1f15), (0x1f18, 0x1f1d), (0x1f20, 0x1f45),
    (0x1f48, 0x1f4d), (0x1f50, 0x1f57), (0x1f59, 0x1f59), (0x1f5b, 0x1f5b), (0x1f5d, 0x1f5d),
    (0x1f5f, 0x1f7d), (0x1f80, 0x1fb4), (0x1fb6, 0x1fbc), (0x1fbe, 0x1fbe), (0x1fc2, 0x1fc4),
    (0x1fc6, 0x1fcc), (0x1fd0, 0x1fd3), (0x1fd6, 0x1fdb), (0x1fe0, 0x1fec), (0x1ff2, 0x1ff4),
    (0x1ff6, 0x1ffc), (0x2071, 0x2071), (0x207f, 0x207f), (0x2090, 0x209c), (0x2102, 0x2102),
    (0x2107, 0x2107), (0x210a, 0x2113), (0x2115, 0x2115), (0x2118, 0x211d), (0x2124, 0x2124),
    (0x2126, 0x2126), (0x2128, 0x2128), (0x212a, 0x2139), (0x213c, 0x213f), (0x2145, 0x2149),
    (0x214e, 0x214e), (0x2160, 0x2188), (0x2c00, 0x2ce4), (0x2ceb, 0x2cee), (0x2cf2, 0x2cf3),
    (0x2d00, 0x2d25), (0x2d27, 0x2d27), (0x2d2d, 0x2d2d), (0x2d30, 0x2d67), (0x2d6f, 0x2d6f),
    (0x2d80, 0x2d96), (0x2da0, 0x2da6), (0x2da8, 0x2dae), (0x2db0, 0x2db6), (0x2db8, 0x2dbe),
    (0x2dc0, 0x2dc6), (0x2dc8, 0x2dce), (0x2dd0, 0x2dd6), (0x2dd8, 0x2dde), (0x3005, 0x3007),
    (0x3021, 0x3029), (0x3031, 0x3035), (0x3038, 0x303c), (0x3041, 0x3096), (0x309d, 0x309f),
    (0x30a1, 0x30fa), (0x30fc, 0x30ff), (0x3105, 0x312f), (0x3131, 0x318e), (0x31a0, 0x31bf),
    (0x31f0, 0x31ff), (0x3400, 0x4dbf), (0x4e00, 0xa48c), (0xa4d0, 0xa4fd), (0xa500, 0xa60c),
    (0xa610, 0xa61f), (0xa62a, 0xa62b), (0xa640, 0xa66e), (0xa67f, 0xa69d), (0xa6a0, 0xa6ef),
    (0xa717, 0xa71f), (0xa722, 0xa788), (0xa78b, 0xa7ca), (0xa7d0, 0xa7d1), (0xa7d3, 0xa7d3),
    (0xa7d5, 0xa7d9), (0xa7f2, 0xa801), (0xa803, 0xa805), (0xa807, 0xa80a), (0xa80c, 0xa822),
    (0xa840, 0xa873), (0xa882, 0xa8b3), (0xa8f2, 0xa8f7), (0xa8fb, 0xa8fb), (0xa8fd, 0xa8fe),
    (0xa90a, 0xa925), (0xa930, 0xa946), (0xa960, 0xa97c), (0xa984, 0xa9b2), (0xa9cf, 0xa9cf),
    (0xa9e0, 0xa9e4), (0xa9e6, 0xa9ef), (0xa9fa, 0xa9fe), (0xaa00, 0xaa28), (0xaa40, 0xaa42),
    (0xaa44, 0xaa4b), (0xaa60, 0xaa76), (0xaa7a, 0xaa7a), (0xaa7e, 0xaaaf), (0xaab1, 0xaab1),
    (0xaab5, 0xaab6), (0xaab9, 0xaabd), (0xaac0, 0xaac0), (0xaac2, 0xaac2), (0xaadb, 0xaadd),
    (0xaae0, 0xaaea), (0xaaf2, 0xaaf4), (0xab01, 0xab06), (0xab09, 0xab0e), (0xab11, 0xab16),
    (0xab20, 0xab26), (0xab28, 0xab2e), (0xab30, 0xab5a), (0xab5c, 0xab69), (0xab70, 0xabe2),
    (0xac00, 0xd7a3), (0xd7b0, 0xd7c6), (0xd7cb, 0xd7fb), (0xf900, 0xfa6d), (0xfa70, 0xfad9),
    (0xfb00, 0xfb06), (0xfb13, 0xfb17), (0xfb1d, 0xfb1d), (0xfb1f, 0xfb28), (0xfb2a, 0xfb36),
    (0xfb38, 0xfb3c), (0xfb3e, 0xfb3e), (0xfb40, 0xfb41), (0xfb43, 0xfb44), (0xfb46, 0xfbb1),
    (0xfbd3, 0xfc5d), (0xfc64, 0xfd3d), (0xfd50, 0xfd8f), (0xfd92, 0xfdc7), (0xfdf0, 0xfdf9),
    (0xfe71, 0xfe71), (0xfe73, 0xfe73), (0xfe77, 0xfe77), (0xfe79, 0xfe79), (0xfe7b, 0xfe7b),
    (0xfe7d, 0xfe7d), (0xfe7f, 0xfefc), (0xff21, 0xff3a), (0xff41, 0xff5a), (0xff66, 0xff9d),
    (0xffa0, 0xffbe), (0xffc2, 0xffc7), (0xffca, 0xffcf), (0xffd2, 0xffd7), (0xffda, 0xffdc),
    (0x10000, 0x1000b), (0x1000d, 0x10026), (0x10028, 0x1003a), (0x1003c, 0x1003d),
    (0x1003f, 0x1004d), (0x10050, 0x1005d), (0x10080, 0x100fa), (0x10140, 0x10174),
    (0x10280, 0x1029c), (0x102a0, 0x102d0), (0x10300, 0x1031f), (0x1032d, 0x1034a),
    (0x10350, 0x10375), (0x10380, 0x1039d), (0x103a0, 0x103c3), (0x103c8, 0x103cf),
    (0x103d1, 0x103d5), (0x10400, 0x1049d), (0x104b0, 0x104d3), (0x104d8, 0x104fb),
    (0x10500, 0x10527), (0x10530, 0x10563), (0x10570, 0x1057a), (0x1057c, 0x1058a),
    (0x1058c, 0x10592), (0x10594, 0x10595), (0x10597, 0x105a1), (0x105a3, 0x105b1),
    (0x105b3, 0x105b9), (0x105bb, 0x105bc), (0x10600, 0x10736), (0x10740, 0x10755),
    (0x10760, 0x10767), (0x10780, 0x10785), (0x10787, 0x107b0), (0x107b2, 0x107ba),
    (0x10800, 0x10805), (0x10808, 0x10808), (0x1080a, 0x10835), (0x10837, 0x10838),
    (0x1083c, 0x1083c), (0x1083f, 0x10855), (0x10860, 0x10876), (0x10880, 0x1089e),
    (0x108e0, 0x108f2), (0x108f4, 0x108f5), (0x10900, 0x10915), (0x10920, 0x10939),
    (0x10980, 0x109b7), (0x109be, 0x109bf), (0x10a00, 0x10a00), (0x10a10, 0x10a13),
    (0x10a15, 0x10a17), (0x10a19, 0x10a35), (0x10a60, 0x10a7c), (0x10a80, 0x10a9c),
    (0x10ac0, 0x10ac7), (0x10ac9, 0x10ae4), (0x10b00, 0x10b35), (0x10b40, 0x10b55),
    (0x10b60, 0x10b72), (0x10b80, 0x10b91), (0x10c00, 0x10c48), (0x10c80, 0x10cb2),
    (0x10cc0, 0x10cf2), (0x10d00, 0x10d23), (0x10e80, 0x10ea9), (0x10eb0, 0x10eb1),
    (0x10f00, 0x10f1c), (0x10f27, 0x10f27), (0x10f30, 0x10f45), (0x10f70, 0x10f81),
    (0x10fb0, 0x10fc4), (0x10fe0, 0x10ff6), (0x11003, 0x11037), (0x11071, 0x11072),
    (0x11075, 0x11075), (0x11083, 0x110af), (0x110d0, 0x110e8), (0x11103, 0x11126),
    (0x11144, 0x11144), (0x11147, 0x11147), (0x11150, 0x11172), (0x11176, 0x11176),
    (0x11183, 0x111b2), (0x111c1, 0x111c4), (0x111da, 0x111da), (0x111dc, 0x111dc),
    (0x11200, 0x11211), (0x11213, 0x1122b), (0x11280, 0x11286), (0x11288, 0x11288),
    (0x1128a, 0x1128d), (0x1128f, 0x1129d), (0x1129f, 0x112a8), (0x112b0, 0x112de),
    (0x11305, 0x1130c), (0x1130f, 0x11310), (0x11313, 0x11328), (0x1132a, 0x11330),
    (0x11332, 0x11333), (0x11335, 0x11339), (0x1133d, 0x1133d), (0x11350, 0x11350),
    (0x1135d, 0x11361), (0x11400, 0x11434), (0x11447, 0x1144a), (0x1145f, 0x11461),
    (0x11480, 0x114af), (0x114c4, 0x114c5), (0x114c7, 0x114c7), (0x11580, 0x115ae),
    (0x115d8, 0x115db), (0x11600, 0x1162f), (0x11644, 0x11644), (0x11680, 0x116aa),
    (0x116b8, 0x116b8), (0x11700, 0x1171a), (0x11740, 0x11746), (0x11800, 0x1182b),
    (0x118a0, 0x118df), (0x118ff, 0x11906), (0x11909, 0x11909), (0x1190c, 0x11913),
    (0x11915, 0x11916), (0x11918, 0x1192f), (0x1193f, 0x1193f), (0x11941, 0x11941),
    (0x119a0, 0x119a7), (0x119aa, 0x119d0), (0x119e1, 0x119e1), (0x119e3, 0x119e3),
    (0x11a00, 0x11a00), (0x11a0b, 0x11a32), (0x11a3a, 0x11a3a), (0x11a50, 0x11a50),
    (0x11a5c, 0x11a89), (0x11a9d, 0x11a9d), (0x11ab0, 0x11af8), (0x11c00, 0x11c08),
    (0x11c0a, 0x11c2e), (0x11c40, 0x11c40), (0x11c72, 0x11c8f), (0x11d00, 0x11d06),
    (0x11d08, 0x11d09), (0x11d0b, 0x11d30), (0x11d46, 0x11d46), (0x11d60, 0x11d65),
    (0x11d67, 0x11d68), (0x11d6a, 0x11d89), (0x11d98, 0x11d98), (0x11ee0, 0x11ef2),
    (0x11fb0, 0x11fb0), (0x12000, 0x12399), (0x12400, 0x1246e), (0x12480, 0x12543),
    (0x12f90, 0x12ff0), (0x13000, 0x1342e), (0x14400, 0x14646), (0x16800, 0x16a38),
    (0x16a40, 0x16a5e), (0x16a70, 0x16abe), (0x16ad0, 0x16aed), (0x16b00, 0x16b2f),
    (0x16b40, 0x16b43), (0x16b63, 0x16b77), (0x16b7d, 0x16b8f), (0x16e40, 0x16e7f),
    (0x16f00, 0x16f4a), (0x16f50, 0x16f50), (0x16f93, 0x16f9f), (0x16fe0, 0x16fe1),
    (0x16fe3, 0x16fe3), (0x17000, 0x187f7), (0x18800, 0x18cd5), (0x18d00, 0x18d08),
    (0x1aff0, 0x1aff3), (0x1aff5, 0x1affb), (0x1affd, 0x1affe), (0x1b000, 0x1b122),
    (0x1b150, 0x1b152), (0x1b164, 0x1b167), (0x1b170, 0x1b2fb), (0x1bc00, 0x1bc6a),
    (0x1bc70, 0x1bc7c), (0x1bc80, 0x1bc88), (0x1bc90, 0x1bc99), (0x1d400, 0x1d454),
    (0x1d456, 0x1d49c), (0x1d49e, 0x1d49f), (0x1d4a2, 0x1d4a2), (0x1d4a5, 0x1d4a6),
    (0x1d4a9, 0x1d4ac), (0x1d4ae, 0x1d4b9), (0x1d4bb, 0x1d4bb), (0x1d4bd, 0x1d4c3),
    (0x1d4c5, 0x1d505), (0x1d507, 0x1d50a), (0x1d50d, 0x1d514), (0x1d516, 0x1d51c),
    (0x1d51e, 0x1d539), (0x1d53b, 0x1d53e), (0x1d540, 0x1d544), (0x1d546, 0x1d546),
    (0x1d54a, 0x1d550), (0x1d552, 0x1d6a5), (0x1d6a8, 0x1d6c0), (0x1d6c2, 0x1d6da),
    (0x1d6dc, 0x1d6fa), (0x1d6fc, 0x1d714), (0x1d716, 0x1d734), (0x1d736, 0x1d74e),
    (0x1d750, 0x1d76e), (0x1d770, 0x1d788), (0x1d78a, 0x1d7a8), (0x1d7aa, 0x1d7c2),
    (0x1d7c4, 0x1d7cb), (0x1df00, 0x1df1e), (0x1e100, 0x1e12c), (0x1e137, 0x1e13d),
    (0x1e14e, 0x1e14e), (0x1e290, 0x1e2ad), (0x1e2c0, 0x1e2eb), (0x1e7e0, 0x1e7e6),
    (0x1e7e8, 0x1e7eb), (0x1e7ed, 0x1e7ee), (0x1e7f0, 0x1e7fe), (0x1e800, 0x1e8c4),
    (0x1e900, 0x1e943), (0x1e94b, 0x1e94b), (0x1ee00, 0x1ee03), (0x1ee05, 0x1ee1f),
    (0x1ee21, 0x1ee22), (0x1ee24, 0x1ee24), (0x1ee27, 0x1ee27), (0x1ee29, 0x1ee32),
    (0x1ee34, 0x1ee37), (0x1ee39, 0x1ee39), (0x1ee3b, 0x1ee3b), (0x1ee42, 0x1ee42),
    (0x1ee47, 0x1ee47), (0x1ee49, 0x1ee49), (0x1ee4b, 0x1ee4b), (0x1ee4d, 0x1ee4f),
    (0x1ee51, 0x1ee52), (0x1ee54, 0x1ee54), (0x1ee57, 0x1ee57), (0x1ee59, 0x1ee59),
    (0x1ee5b, 0x1ee5b), (0x1ee5d, 0x1ee5d), (0x1ee5f, 0x1ee5f), (0x1ee61, 0x1ee62),
    (0x1ee64, 0x1ee64), (0x1ee67, 0x1ee6a), (0x1ee6c, 0x1ee72), (0x1ee74, 0x1ee77),
    (0x1ee79, 0x1ee7c), (0x1ee7e, 0x1ee7e), (0x1ee80, 0x1ee89), (0x1ee8b, 0x1ee9b),
    (0x1eea1, 0x1eea3), (0x1eea5, 0x1eea9), (0x1eeab, 0x1eebb), (0x20000, 0x2a6df),
    (0x2a700, 0x2b738), (0x2b740, 0x2b81d), (0x2b820, 0x2cea1), (0x2ceb0, 0x2ebe0),
    (0x2f800, 0x2fa1d), (0x30000, 0x3134a),
];
/// Generated: chars that may continue an identifier.
#[rustfmt::skip]
const XID_CONT: &[(u32, u32)] = &[
    (0x30, 0x39), (0x41, 0x5a), (0x5f, 0x5f), (0x61, 0x7a), (0xaa, 0xaa), (0xb5, 0xb5),
    (0xb7, 0xb7), (0xba, 0xba), (0xc0, 0xd6), (0xd8, 0xf6), (0xf8, 0x2c1), (0x2c6, 0x2d1),
    (0x2e0, 0x2e4), (0x2ec, 0x2ec), (0x2ee, 0x2ee), (0x300, 0x374), (0x376, 0x377),
    (0x37b, 0x37d), (0x37f, 0x37f), (0x386, 0x38a), (0x38c, 0x38c), (0x38e, 0x3a1),
    (0x3a3, 0x3f5), (0x3f7, 0x481), (0x483, 0x487), (0x48a, 0x52f), (0x531, 0x556),
    (0x559, 0x559), (0x560, 0x588), (0x591, 0x5bd), (0x5bf, 0x5bf), (0x5c1, 0x5c2),
    (0x5c4, 0x5c5), (0x5c7, 0x5c7), (0x5d0, 0x5ea), (0x5ef, 0x5f2), (0x610, 0x61a),
    (0x620, 0x669), (0x66e, 0x6d3), (0x6d5, 0x6dc), (0x6df, 0x6e8), (0x6ea, 0x6fc),
    (0x6ff, 0x6ff), (0x710, 0x74a), (0x74d, 0x7b1), (0x7c0, 0x7f5), (0x7fa, 0x7fa),
    (0x7fd, 0x7fd), (0x800, 0x82d), (0x840, 0x85b), (0x860, 0x86a), (0x870, 0x887),
    (0x889, 0x88e), (0x898, 0x8e1), (0x8e3, 0x963), (0x966, 0x96f), (0x971, 0x983),
    (0x985, 0x98c), (0x98f, 0x990), (0x993, 0x9a8), (0x9aa, 0x9b0), (0x9b2, 0x9b2),
    (0x9b6, 0x9b9), (0x9bc, 0x9c4), (0x9c7, 0x9c8), (0x9cb, 0x9ce), (0x9d7, 0x9d7),
    (0x9dc, 0x9dd), (0x9df, 0x9e3), (0x9e6, 0x9f1), (0x9fc, 0x9fc), (0x9fe, 0x9fe),
    (0xa01, 0xa03), (0xa05, 0xa0a), (0xa0f, 0xa10), (0xa13, 0xa28), (0xa2a, 0xa30),
    (0xa32, 0xa33), (0xa35, 0xa36), (0xa38, 0xa39), (0xa3c, 0xa3c), (0xa3e, 0xa42),
    (0xa47, 0xa48), (0xa4b, 0xa4d), (0xa51, 0xa51), (0xa59, 0xa5c), (0xa5e, 0xa5e),
    (0xa66, 0xa75), (0xa81, 0xa83), (0xa85, 0xa8d), (0xa8f, 0xa91), (0xa93, 0xaa8),
    (0xaaa, 0xab0), (0xab2, 0xab3), (0xab5, 0xab9), (0xabc, 0xac5), (0xac7, 0xac9),
    (0xacb, 0xacd), (0xad0, 0xad0), (0xae0, 0xae3), (0xae6, 0xaef), (0xaf9, 0xaff),
    (0xb01, 0xb03), (0xb05, 0xb0c), (0xb0f, 0xb10), (0xb13, 0xb28), (0xb2a, 0xb30),
    (0xb32, 0xb33), (0xb35, 0xb39), (0xb3c, 0xb44), (0xb47, 0xb48), (0xb4b, 0xb4d),
    (0xb55, 0xb57), (0xb5c, 0xb5d), (0xb5f, 0xb63), (0xb66, 0xb6f), (0xb71, 0xb71),
    (0xb82, 0xb83), (0xb85, 0xb8a), (0xb8e, 0xb90), (0xb92, 0xb95), (0xb99, 0xb9a),
    (0xb9c, 0xb9c), (0xb9e, 0xb9f), (0xba3, 0xba4), (0xba8, 0xbaa), (0xbae, 0xbb9),
    (0xbbe, 0xbc2), (0xbc6, 0xbc8), (0xbca, 0xbcd), (0xbd0, 0xbd0), (0xbd7, 0xbd7),
    (0xbe6, 0xbef), (0xc00, 0xc0c), (0xc0e, 0xc10), (0xc12, 0xc28), (0xc2a, 0xc39),
    (0xc3c, 0xc44), (0xc46, 0xc48), (0xc4a, 0xc4d), (0xc55, 0xc56), (0xc58, 0xc5a),
    (0xc5d, 0xc5d), (0xc60, 0xc63), (0xc66, 0xc6f), (0xc80, 0xc83), (0xc85, 0xc8c),
    (0xc8e, 0xc90), (0xc92, 0xca8), (0xcaa, 0xcb3), (0xcb5, 0xcb9), (0xcbc, 0xcc4),
    (0xcc6, 0xcc8), (0xcca, 0xccd), (0xcd5, 0xcd6), (0xcdd, 0xcde), (0xce0, 0xce3),
    (0xce6, 0xcef), (0xcf1, 0xcf2), (0xd00, 0xd0c), (0xd0e, 0xd10), (0xd12, 0xd44),
    (0xd46, 0xd48), (0xd4a, 0xd4e), (0xd54, 0xd57), (0xd5f, 0xd63), (0xd66, 0xd6f),
    (0xd7a, 0xd7f), (0xd81, 0xd83), (0xd85, 0xd96), (0xd9a, 0xdb1), (0xdb3, 0xdbb),
    (0xdbd, 0xdbd), (0xdc0, 0xdc6), (0xdca, 0xdca), (0xdcf, 0xdd4), (0xdd6, 0xdd6),
    (0xdd8, 0xddf), (0xde6, 0xdef), (0xdf2, 0xdf3), (0xe01, 0xe3a), (0xe40, 0xe4e),
    (0xe50, 0xe59), (0xe81, 0xe82), (0xe84, 0xe84), (0xe86, 0xe8a), (0xe8c, 0xea3),
    (0xea5, 0xea5), (0xea7, 0xebd), (0xec0, 0xec4), (0xec6, 0xec6), (0xec8, 0xecd),
    (0xed0, 0xed9), (0xedc, 0xedf), (0xf00, 0xf00), (0xf18, 0xf19), (0xf20, 0xf29),
    (0xf35, 0xf35), (0xf37, 0xf37), (0xf39, 0xf39), (0xf3e, 0xf47), (0xf49, 0xf6c),
    (0xf71, 0xf84), (0xf86, 0xf97), (0xf99, 0xfbc), (0xfc6, 0xfc6), (0x1000, 0x1049),
    (0x1050, 0x109d), (0x10a0, 0x10c5), (0x10c7, 0x10c7), (0x10cd, 0x10cd), (0x10d0, 0x10fa),
    (0x10fc, 0x1248), (0x124a, 0x124d), (0x1250, 0x1256), (0x1258, 0x1258), (0x125a, 0x125d),
    (0x1260, 0x1288), (0x128a, 0x128d), (0x1290, 0x12b0), (0x12b2, 0x12b5), (0x12b8, 0x12be),
    (0x12c0, 0x12c0), (0x12c2, 0x12c5), (0x12c8, 0x12d6), (0x12d8, 0x1310), (0x1312, 0x1315),
    (0x1318, 0x135a), (0x135d, 0x135f), (0x1369, 0x1371), (0x1380, 0x138f), (0x13a0, 0x13f5),
    (0x13f8, 0x13fd), (0x1401, 0x166c), (0x166f, 0x167f), (0x1681, 0x169a), (0x16a0, 0x16ea),
    (0x16ee, 0x16f8), (0x1700, 0x1715), (0x171f, 0x1734), (0x1740, 0x1753), (0x1760, 0x176c),
    (0x176e, 0x1770), (0x1772, 0x1773), (0x1780, 0x17d3), (0x17d7, 0x17d7), (0x17dc, 0x17dd),
    (0x17e0, 0x17e9), (0x180b, 0x180d), (0x180f, 0x1819), (0x1820, 0x1878), (0x1880, 0x18aa),
    (0x18b0, 0x18f5), (0x1900, 0x191e), (0x1920, 0x192b), (0x1930, 0x193b), (0x1946, 0x196d),
    (0x1970, 0x1974), (0x1980, 0x19ab), (0x19b0, 0x19c9), (0x19d0, 0x19da), (0x1a00, 0x1a1b),
    (0x1a20, 0x1a5e), (0x1a60, 0x1a7c), (0x1a7f, 0x1a89), (0x1a90, 0x1a99), (0x1aa7, 0x1aa7),
    (0x1ab0, 0x1abd), (0x1abf, 0x1ace), (0x1b00, 0x1b4c), (0x1b50, 0x1b59), (0x1b6b, 0x1b73),
    (0x1b80, 0x1bf3), (0x1c00, 0x1c37), (0x1c40, 0x1c49), (0x1c4d, 0x1c7d), (0x1c80, 0x1c88),
    (0x1c90, 0x1cba), (0x1cbd, 0x1cbf), (0x1cd0, 0x1cd2), (0x1cd4, 0x1cfa), (0x1d00, 0x1f15),
    (0x1f18, 0x1f1d), (0x1f20, 0x1f45), (0x1f48, 0x1f4d), (0x1f50, 0x1f57), (0x1f59, 0x1f59),
    (0x1f5b, 0x1f5b), (0x1f5d, 0x1f5d), (0x1f5f, 0x1f7d), (0x1f80, 0x1fb4), (0x1fb6, 0x1fbc),
    (0x1fbe, 0x1fbe), (0x1fc2, 0x1fc4), (0x1fc6, 0x1fcc), (0x1fd0, 0x1fd3), (0x1fd6, 0x1fdb),
    (0x1fe0, 0x1fec), (0x1ff2, 0x1ff4), (0x1ff6, 0x1ffc), (0x203f, 0x2040), (0x2054, 0x2054),
    (0x2071, 0x2071), (0x207f, 0x207f), (0x2090, 0x209c), (0x20d0, 0x20dc), (0x20e1, 0x20e1),
    (0x20e5, 0x20f0), (0x2102, 0x2102), (0x2107, 0x2107), (0x210a, 0x2113), (0x2115, 0x2115),
    (0x2118, 0x211d), (0x2124, 0x2124), (0x2126, 0x2126), (0x2128, 0x2128), (0x212a, 0x2139),
    (0x213c, 0x213f), (0x2145, 0x2149), (0x214e, 0x214e), (0x2160, 0x2188), (0x2c00, 0x2ce4),
    (0x2ceb, 0x2cf3), (0x2d00, 0x2d25), (0x2d27, 0x2d27), (0x2d2d, 0x2d2d), (0x2d30, 0x2d67),
    (0x2d6f, 0x2d6f), (0x2d7f, 0x2d96), (0x2da0, 0x2da6), (0x2da8, 0x2dae), (0x2db0, 0x2db6),
    (0x2db8, 0x2dbe), (0x2dc0, 0x2dc6), (0x2dc8, 0x2dce), (0x2dd0, 0x2dd6), (0x2dd8, 0x2dde),
    (0x2de0, 0x2dff), (0x3005, 0x3007), (0x3021, 0x302f), (0x3031, 0x3035), (0x3038, 0x303c),
    (0x3041, 0x3096), (0x3099, 0x309a), (0x309d, 0x309f), (0x30a1, 0x30fa), (0x30fc, 0x30ff),
    (0x3105, 0x312f), (0x3131, 0x318e), (0x31a0, 0x31bf), (0x31f0, 0x31ff), (0x3400, 0x4dbf),
    (0x4e00, 0xa48c), (0xa4d0, 0xa4fd), (0xa500, 0xa60c), (0xa610, 0xa62b), (0xa640, 0xa66f),
    (0xa674, 0xa67d), (0xa67f, 0xa6f1), (0xa717, 0xa71f), (0xa722, 0xa788), (0xa78b, 0xa7ca),
    (0xa7d0, 0xa7d1), (0xa7d3, 0xa7d3), (0xa7d5, 0xa7d9), (0xa7f2, 0xa827), (0xa82c, 0xa82c),
    (0xa840, 0xa873), (0xa880, 0xa8c5), (0xa8d0, 0xa8d9), (0xa8e0, 0xa8f7), (0xa8fb, 0xa8fb),
    (0xa8fd, 0xa92d), (0xa930, 0xa953), (0xa960, 0xa97c), (0xa980, 0xa9c0), (0xa9cf, 0xa9d9),
    (0xa9e0, 0xa9fe), (0xaa00, 0xaa36), (0xaa40, 0xaa4d), (0xaa50, 0xaa59), (0xaa60, 0xaa76),
    (0xaa7a, 0xaac2), (0xaadb, 0xaadd), (0xaae0, 0xaaef), (0xaaf2, 0xaaf6), (0xab01, 0xab06),
    (0xab09, 0xab0e), (0xab11, 0xab16), (0xab20, 0xab26), (0xab28, 0xab2e), (0xab30, 0xab5a),
    (0xab5c, 0xab69), (0xab70, 0xabea), (0xabec, 0xabed), (0xabf0, 0xabf9), (0xac00, 0xd7a3),
    (0xd7b0, 0xd7c6), (0xd7cb, 0xd7fb), (0xf900, 0xfa6d), (0xfa70, 0xfad9), (0xfb00, 0xfb06),
    (0xfb13, 0xfb17), (0xfb1d, 0xfb28), (0xfb2a, 0xfb36), (0xfb38, 0xfb3c), (0xfb3e, 0xfb3e),
    (0xfb40, 0xfb41), (0xfb43, 0xfb44), (0xfb46, 0xfbb1), (0xfbd3, 0xfc5d), (0xfc64, 0xfd3d),
    (0xfd50, 0xfd8f), (0xfd92, 0xfdc7), (0xfdf0, 0xfdf9), (0xfe00, 0xfe0f), (0xfe20, 0xfe2f),
    (0xfe33, 0xfe34), (0xfe4d, 0xfe4f), (0xfe71, 0xfe71), (0xfe73, 0xfe73), (0xfe77, 0xfe77),
    (0xfe79, 0xfe79), (0xfe7b, 0xfe7b), (0xfe7d, 0xfe7d), (0xfe7f, 0xfefc), (0xff10, 0xff19),
    (0xff21, 0xff3a), (0xff3f, 0xff3f), (0xff41, 0xff5a), (0xff66, 0xffbe), (0xffc2, 0xffc7),
    (0xffca, 0xffcf), (0xffd2, 0xffd7), (0xffda, 0xffdc), (0x10000, 0x1000b),
    (0x1000d, 0x10026), (0x10028, 0x1003a), (0x1003c, 0x1003d), (0x1003f, 0x1004d),
    (0x10050, 0x1005d), (0x10080, 0x100fa), (0x10140, 0x10174), (0x101fd, 0x101fd),
    (0x10280, 0x1029c), (0x102a0, 0x102d0), (0x102e0, 0x102e0), (0x10300, 0x1031f),
    (0x1032d, 0x1034a), (0x10350, 0x1037a), (0x10380, 0x1039d), (0x103a0, 0x103c3),
    (0x103c8, 0x103cf), (0x103d1, 0x103d5), (0x10400, 0x1049d), (0x104a0, 0x104a9),
    (0x104b0, 0x104d3), (0x104d8, 0x104fb), (0x10500, 0x10527), (0x10530, 0x10563),
    (0x10570, 0x1057a), (0x1057c, 0x1058a), (0x1058c, 0x10592), (0x10594, 0x10595),
    (0x10597, 0x105a1), (0x105a3, 0x105b1), (0x105b3, 0x105b9), (0x105bb, 0x105bc),
    (0x10600, 0x10736), (0x10740, 0x10755), (0x10760, 0x10767), (0x10780, 0x10785),
    (0x10787, 0x107b0), (0x107b2, 0x107ba), (0x10800, 0x10805), (0x10808, 0x10808),
    (0x1080a, 0x10835), (0x10837, 0x10838), (0x1083c, 0x1083c), (0x1083f, 0x10855),
    (0x10860, 0x10876), (0x10880, 0x1089e), (0x108e0, 0x108f2), (0x108f4, 0x108f5),
    (0x10900, 0x10915), (0x10920, 0x10939), (0x10980, 0x109b7), (0x109be, 0x109bf),
    (0x10a00, 0x10a03), (0x10a05, 0x10a06), (0x10a0c, 0x10a13), (0x10a15, 0x10a17),
    (0x10a19, 0x10a35), (0x10a38, 0x10a3a), (0x10a3f, 0x10a3f), (0x10a60, 0x10a7c),
    (0x10a80, 0x10a9c), (0x10ac0, 0x10ac7), (0x10ac9, 0x10ae6), (0x10b00, 0x10b35),
    (0x10b40, 0x10b55), (0x10b60, 0x10b72), (0x10b80, 0x10b91), (0x10c00, 0x10c48),
    (0x10c80, 0x10cb2), (0x10cc0, 0x10cf2), (0x10d00, 0x10d27), (0x10d30, 0x10d39),
    (0x10e80, 0x10ea9), (0x10eab, 0x10eac), (0x10eb0, 0x10eb1), (0x10f00, 0x10f1c),
    (0x10f27, 0x10f27), (0x10f30, 0x10f50), (0x10f70, 0x10f85), (0x10fb0, 0x10fc4),
    (0x10fe0, 0x10ff6), (0x11000, 0x11046), (0x11066, 0x11075), (0x1107f, 0x110ba),
    (0x110c2, 0x110c2), (0x110d0, 0x110e8), (0x110f0, 0x110f9), (0x11100, 0x11134),
    (0x11136, 0x1113f), (0x11144, 0x11147), (0x11150, 0x11173), (0x11176, 0x11176),
    (0x11180, 0x111c4), (0x111c9, 0x111cc), (0x111ce, 0x111da), (0x111dc, 0x111dc),
    (0x11200, 0x11211), (0x11213, 0x11237), (0x1123e, 0x1123e), (0x11280, 0x11286),
    (0x11288, 0x11288), (0x1128a, 0x1128d), (0x1128f, 0x1129d), (0x1129f, 0x112a8),
    (0x112b0, 0x112ea), (0x112f0, 0x112f9), (0x11300, 0x11303), (0x11305, 0x1130c),
    (0x1130f, 0x11310), (0x11313, 0x11328), (0x1132a, 0x11330), (0x11332, 0x11333),
    (0x11335, 0x11339), (0x1133b, 0x11344), (0x11347, 0x11348), (0x1134b, 0x1134d),
    (0x11350, 0x11350), (0x11357, 0x11357), (0x1135d, 0x11363), (0x11366, 0x1136c),
    (0x11370, 0x11374), (0x11400, 0x1144a), (0x11450, 0x11459), (0x1145e, 0x11461),
    (0x11480, 0x114c5), (0x114c7, 0x114c7), (0x114d0, 0x114d9), (0x11580, 0x115b5),
    (0x115b8, 0x115c0), (0x115d8, 0x115dd), (0x11600, 0x11640), (0x11644, 0x11644),
    (0x11650, 0x11659), (0x11680, 0x116b8), (0x116c0, 0x116c9), (0x11700, 0x1171a),
    (0x1171d, 0x1172b), (0x11730, 0x11739), (0x11740, 0x11746), (0x11800, 0x1183a),
    (0x118a0, 0x118e9), (0x118ff, 0x11906), (0x11909, 0x11909), (0x1190c, 0x11913),
    (0x11915, 0x11916), (0x11918, 0x11935), (0x11937, 0x11938), (0x1193b, 0x11943),
    (0x11950, 0x11959), (0x119a0, 0x119a7), (0x119aa, 0x119d7), (0x119da, 0x119e1),
    (0x119e3, 0x119e4), (0x11a00, 0x11a3e), (0x11a47, 0x11a47), (0x11a50, 0x11a99),
    (0x11a9d, 0x11a9d), (0x11ab0, 0x11af8), (0x11c00, 0x11c08), (0x11c0a, 0x11c36),
    (0x11c38, 0x11c40), (0x11c50, 0x11c59), (0x11c72, 0x11c8f), (0x11c92, 0x11ca7),
    (0x11ca9, 0x11cb6), (0x11d00, 0x11d06), (0x11d08, 0x11d09), (0x11d0b, 0x11d36),
    (0x11d3a, 0x11d3a), (0x11d3c, 0x11d3d), (0x11d3f, 0x11d47), (0x11d50, 0x11d59),
    (0x11d60, 0x11d65), (0x11d67, 0x11d68), (0x11d6a, 0x11d8e), (0x11d90, 0x11d91),
    (0x11d93, 0x11d98), (0x11da0, 0x11da9), (0x11ee0, 0x11ef6), (0x11fb0, 0x11fb0),
    (0x12000, 0x12399), (0x12400, 0x1246e), (0x12480, 0x12543), (0x12f90, 0x12ff0),
    (0x13000, 0x1342e), (0x14400, 0x14646), (0x16800, 0x16a38), (0x16a40, 0x16a5e),
    (0x16a60, 0x16a69), (0x16a70, 0x16abe), (0x16ac0, 0x16ac9), (0x16ad0, 0x16aed),
    (0x16af0, 0x16af4), (0x16b00, 0x16b36), (0x16b40, 0x16b43), (0x16b50, 0x16b59),
    (0x16b63, 0x16b77), (0x16b7d, 0x16b8f), (0x16e40, 0x16e7f), (0x16f00, 0x16f4a),
    (0x16f4f, 0x16f87), (0x16f8f, 0x16f9f), (0x16fe0, 0x16fe1), (0x16fe3, 0x16fe4),
    (0x16ff0, 0x16ff1), (0x17000, 0x187f7), (0x18800, 0x18cd5), (0x18d00, 0x18d08),
    (0x1aff0, 0x1aff3), (0x1aff5, 0x1affb), (0x1affd, 0x1affe), (0x1b000, 0x1b122),
    (0x1b150, 0x1b152), (0x1b164, 0x1b167), (0x1b170, 0x1b2fb), (0x1bc00, 0x1bc6a),
    (0x1bc70, 0x1bc7c), (0x1bc80, 0x1bc88), (0x1bc90, 0x1bc99), (0x1bc9d, 0x1bc9e),
    (0x1cf00, 0x1cf2d), (0x1cf30, 0x1cf46), (0x1d165, 0x1d169), (0x1d16d, 0x1d172),
    (0x1d17b, 0x1d182), (0x1d185, 0x1d18b), (0x1d1aa, 0x1d1ad), (0x1d242, 0x1d244),
    (0x1d400, 0x1d454), (0x1d456, 0x1d49c), (0x1d49e, 0x1d49f), (0x1d4a2, 0x1d4a2),
    (0x1d4a5, 0x1d4a6), (0x1d4a9, 0x1d4ac), (0x1d4ae, 0x1d4b9), (0x1d4bb, 0x1d4bb),
    (0x1d4bd, 0x1d4c3), (0x1d4c5, 0x1d505), (0x1d507, 0x1d50a), (0x1d50d, 0x1d514),
    (0x1d516, 0x1d51c), (0x1d51e, 0x1d539), (0x1d53b, 0x1d53e), (0x1d540, 0x1d544),
    (0x1d546, 0x1d546), (0x1d54a, 0x1d550), (0x1d552, 0x1d6a5), (0x1d6a8, 0x1d6c0),
    (0x1d6c2, 0x1d6da), (0x1d6dc, 0x1d6fa), (0x1d6fc, 0x1d714), (0x1d716, 0x1d734),
    (0x1d736, 0x1d74e), (0x1d750, 0x1d76e), (0x1d770, 0x1d788), (0x1d78a, 0x1d7a8),
    (0x1d7aa, 0x1d7c2), (0x1d7c4, 0x1d7cb), (0x1d7ce, 0x1d7ff), (0x1da00, 0x1da36),
    (0x1da3b, 0x1da6c), (0x1da75, 0x1da75), (0x1da84, 0x1da84), (0x1da9b, 0x1da9f),
    (0x1daa1, 0x1daaf), (0x1df00, 0x1df1e), (0x1e000, 0x1e006), (0x1e008, 0x1e018),
    (0x1e01b, 0x1e021), (0x1e023, 0x1e024), (0x1e026, 0x1e02a), (0x1e100, 0x1e12c),
    (0x1e130, 0x1e13d), (0x1e140, 0x1e149), (0x1e14e, 0x1e14e), (0x1e290, 0x1e2ae),
    (0x1e2c0, 0x1e2f9), (0x1e7e0, 0x1e7e6), (0x1e7e8, 0x1e7eb), (0x1e7ed, 0x1e7ee),
    (0x1e7f0, 0x1e7fe), (0x1e800, 0x1e8c4), (0x1e8d0, 0x1e8d6), (0x1e900, 0x1e94b),
    (0x1e950, 0x1e959), (0x1ee00, 0x1ee03), (0x1ee05, 0x1ee1f), (0x1ee21, 0x1ee22),
    (0x1ee24, 0x1ee24), (0x1ee27, 0x1ee27), (0x1ee29, 0x1ee32), (0x1ee34, 0x1ee37),
    (0x1ee39, 0x1ee39), (0x1ee3b, 0x1ee3b), (0x1ee42, 0x1ee42), (0x1ee47, 0x1ee47),
    (0x1ee49, 0x1ee49), (0x1ee4b, 0x1ee4b), (0x1ee4d, 0x1ee4f), (0x1ee51, 0x1ee52),
    (0x1ee54, 0x1ee54), (0x1ee57, 0x1ee57), (0x1ee59, 0x1ee59), (0x1ee5b, 0x1ee5b),
    (0x1ee5d, 0x1ee5d), (0x1ee5f, 0x1ee5f), (0x1ee61, 0x1ee62), (0x1ee64, 0x1ee64),
    (0x1ee67, 0x1ee6a), (0x1ee6c, 0x1ee72), (0x1ee74, 0x1ee77), (0x1ee79, 0x1ee7c),
    (0x1ee7e, 0x1ee7e), (0x1ee80, 0x1ee89), (0x1ee8b, 0x1ee9b), (0x1eea1, 0x1eea3),
    (0x1eea5, 0x1eea9), (0x1eeab, 0x1eebb), (0x1fbf0, 0x1fbf9), (0x20000, 0x2a6df),
    (0x2a700, 0x2b738), (0x2b740, 0x2b81d), (0x2b820, 0x2cea1), (0x2ceb0, 0x2ebe0),
    (0x2f800, 0x2fa1d), (0x30000, 0x3134a), (0xe0100, 0xe01ef),
];
