//! Python's traceback text for an exception (what python3 prints to stderr).

use crate::interp::{exc, interp};
use crate::object::{Instance, TbEntry};
use crate::value::Value;
use asyncio_engine::Exception;
use std::rc::Rc;

/// `Traceback (most recent call last): ...` with causes and contexts, as
/// `traceback.format_exception` lays it out; an exception group boxed with
/// its members (`+-+---- 1 ----`).
pub fn format(e: &Exception) -> String {
    let mut ctx = Ctx { out: String::new(), group_depth: 0, need_close: false, suggest: false };
    ctx.chain(&exc::instance(e), 0);
    ctx.out
}

/// [`format`] as python3 prints an uncaught exception: NameErrors and
/// AttributeErrors end with "Did you mean" when a name is near.
pub fn format_uncaught(e: &Exception) -> String {
    let mut ctx = Ctx { out: String::new(), group_depth: 0, need_close: false, suggest: true };
    ctx.chain(&exc::instance(e), 0);
    ctx.out
}

/// The exception's own traceback, without its cause or context.
pub fn format_one(e: &Exception) -> String {
    let inst = exc::instance(e);
    let mut out =
        stack(&inst).map(|s| format!("Traceback (most recent call last):\n{s}")).unwrap_or_default();
    out.push_str(&only(&inst, false));
    out
}

/// Members of a group shown at most (`traceback`'s `max_group_width`).
const MAX_GROUP_WIDTH: usize = 15;
/// Groups nested at most (`max_group_depth`).
const MAX_GROUP_DEPTH: usize = 10;

/// `traceback._ExceptionPrintContext`: the output and where in nested
/// exception groups it is.
struct Ctx {
    out: String,
    group_depth: usize,
    need_close: bool,
    /// Add "Did you mean" (the interpreter's own printing, not `traceback`'s).
    suggest: bool,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// `text`'s lines, each indented, with the group's margin (`| ` or `+ `).
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.group_depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }

    /// The exception after its causes and contexts (`TracebackException.format`).
    fn chain(&mut self, inst: &Rc<Instance>, depth: usize) {
        if depth > 50 {
            return;
        }
        if let Some(data) = &inst.exc {
            let cause = data.cause.borrow().clone();
            let context = data.context.borrow().clone();
            if let Value::Instance(c) = cause {
                self.chain(&c, depth + 1);
                self.emit("\nThe above exception was the direct cause of the following exception:\n\n", '|');
            } else if let (Value::Instance(c), false) = (context, data.suppress_context.get()) {
                self.chain(&c, depth + 1);
                self.emit("\nDuring handling of the above exception, another exception occurred:\n\n", '|');
            }
        }
        let members = inst.exc.as_ref().and_then(|d| d.group.borrow().as_ref().map(|(_, m)| m.clone()));
        match members {
            None => {
                if let Some(s) = stack(inst) {
                    self.emit("Traceback (most recent call last):\n", '|');
                    self.emit(&s, '|');
                }
                self.emit(&only(inst, self.suggest), '|');
            }
            Some(_) if self.group_depth > MAX_GROUP_DEPTH => {
                self.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
            }
            Some(members) => self.group(inst, &members),
        }
    }

    fn group(&mut self, inst: &Rc<Instance>, members: &[Value]) {
        let top = self.group_depth == 0;
        if top {
            self.group_depth += 1;
        }
        if let Some(s) = stack(inst) {
            self.emit("Exception Group Traceback (most recent call last):\n", if top { '+' } else { '|' });
            self.emit(&s, '|');
        }
        self.emit(&only(inst, self.suggest), '|');
        let n = if members.len() <= MAX_GROUP_WIDTH { members.len() } else { MAX_GROUP_WIDTH + 1 };
        self.need_close = false;
        for (i, member) in members.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let corner = if i == 0 { "+-" } else { "  " };
            self.out
                .push_str(&format!("{}{corner}+---------------- {title} ----------------\n", self.indent()));
            self.group_depth += 1;
            if truncated {
                let more = members.len() - MAX_GROUP_WIDTH;
                self.emit(&format!("and {more} more exception{}\n", if more > 1 { "s" } else { "" }), '|');
            } else if let Value::Instance(m) = member {
                self.chain(m, 0);
            }
            if last && self.need_close {
                self.out.push_str(&format!("{}+------------------------------------\n", self.indent()));
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if top {
            self.group_depth = 0;
        }
    }
}

/// The exception's frames as `StackSummary.format` writes them; `None`
/// when it has none.
fn stack(inst: &Rc<Instance>) -> Option<String> {
    let it = interp();
    let filename = it.host.filename.borrow().clone();
    let source = it.main_module.borrow().as_ref().map(|m| m.source.clone());
    let data = inst.exc.as_ref()?;
    let tb = data.traceback.borrow();
    if tb.is_empty() {
        return None;
    }
    let mut out = String::new();
    let frames: Vec<&TbEntry> = tb.iter().rev().collect();
    let mut i = 0;
    while i < frames.len() {
        let same = |a: &TbEntry, b: &TbEntry| a.name == b.name && a.line == b.line;
        let mut n = 1;
        while i + n < frames.len() && same(frames[i + n], frames[i]) {
            n += 1;
        }
        for frame in &frames[i..i + n.min(3)] {
            frame_lines(&mut out, &filename, source.as_deref(), frame);
        }
        if n > 3 {
            let more = n - 3;
            out.push_str(&format!(
                "  [Previous line repeated {more} more time{}]\n",
                if more == 1 { "" } else { "s" }
            ));
        }
        i += n;
    }
    Some(out)
}

/// `format_exception_only`: the `Type: message` line and the notes.
fn only(inst: &Rc<Instance>, suggest: bool) -> String {
    let e = exc::to_engine(inst);
    let mut out = exc::traceback_last_line(&e);
    if suggest {
        out.extend(crate::interp::suggest::suffix(inst));
    }
    out.push('\n');
    // Notes added with `add_note`, a line each (a note that is not a str is its repr).
    if let Some(Value::List(notes)) = inst.get_attr("__notes__") {
        for note in notes.borrow().iter() {
            let text = match note {
                Value::Str(s) => s.to_string(),
                other => crate::interp::text::repr(other).unwrap_or_default(),
            };
            out.push_str(&text);
            out.push('\n');
        }
    }
    out
}

fn frame_lines(out: &mut String, filename: &str, source: Option<&[Rc<str>]>, frame: &TbEntry) {
    let TbEntry { name, line, span, foreign } = frame;
    if let Some((file, text)) = foreign {
        out.push_str(&format!("  File \"{file}\", line {line}, in {name}\n    {text}\n"));
        return;
    }
    out.push_str(&format!("  File \"{filename}\", line {line}, in {name}\n"));
    if let Some(text) = source.and_then(|s| s.get((*line as usize).wrapping_sub(1))) {
        let t = text.trim();
        if !t.is_empty() {
            out.push_str(&format!("    {t}\n"));
            if let Some(carets) = span.as_ref().and_then(|s| crate::carets::caret_line(text, s)) {
                out.push_str(&carets);
                out.push('\n');
            }
        }
    }
}
