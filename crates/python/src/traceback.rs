//! Python's traceback text for an exception (what python3 prints to stderr).

use crate::interp::{exc, interp};
use crate::object::{Instance, TbEntry};
use crate::value::Value;
use asyncio_engine::Exception;
use std::rc::Rc;

/// `Traceback (most recent call last): ...` with causes and contexts, as
/// `traceback.format_exception` lays it out.
pub fn format(e: &Exception) -> String {
    let mut out = String::new();
    chain(&exc::instance(e), &mut out, 0);
    out
}

/// The exception's own traceback, without its cause or context.
pub fn format_one(e: &Exception) -> String {
    let mut out = String::new();
    one(&exc::instance(e), &mut out);
    out
}

fn chain(inst: &Rc<Instance>, out: &mut String, depth: usize) {
    if depth > 50 {
        return;
    }
    if let Some(data) = &inst.exc {
        let cause = data.cause.borrow().clone();
        let context = data.context.borrow().clone();
        if let Value::Instance(c) = cause {
            chain(&c, out, depth + 1);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if let (Value::Instance(c), false) = (context, data.suppress_context.get()) {
            chain(&c, out, depth + 1);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    one(inst, out);
}

fn one(inst: &Rc<Instance>, out: &mut String) {
    let it = interp();
    let filename = it.host.filename.borrow().clone();
    let source = it.main_module.borrow().as_ref().map(|m| m.source.clone());
    if let Some(data) = &inst.exc {
        let tb = data.traceback.borrow();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let frames: Vec<&TbEntry> = tb.iter().rev().collect();
            let mut i = 0;
            while i < frames.len() {
                let same = |a: &TbEntry, b: &TbEntry| a.name == b.name && a.line == b.line;
                let mut n = 1;
                while i + n < frames.len() && same(frames[i + n], frames[i]) {
                    n += 1;
                }
                for frame in &frames[i..i + n.min(3)] {
                    frame_lines(out, &filename, source.as_deref(), frame);
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
        }
    }
    let e = exc::to_engine(inst);
    out.push_str(&exc::traceback_last_line(&e));
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
