//! A compact s-expression rendering of trees, for tests and debugging.

use crate::ast::*;
use std::fmt::Write as _;
use std::rc::Rc;

/// A compact s-expression rendering of a tree, for asserting shapes.
pub fn show_module(m: &Module) -> String {
    let mut out = String::new();
    for (k, s) in m.body.iter().enumerate() {
        if k > 0 {
            out.push_str("; ");
        }
        show_stmt(&mut out, s);
    }
    out
}

fn show_body(out: &mut String, body: &[Stmt]) {
    out.push('[');
    for (k, s) in body.iter().enumerate() {
        if k > 0 {
            out.push_str("; ");
        }
        show_stmt(out, s);
    }
    out.push(']');
}

fn show_exprs(out: &mut String, es: &[Expr]) {
    for (k, e) in es.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        show(out, e);
    }
}

fn show_params(out: &mut String, p: &Params) {
    out.push('(');
    let mut first = true;
    let mut param = |out: &mut String, prefix: &str, p: &Param| {
        if !first {
            out.push(' ');
        }
        first = false;
        out.push_str(prefix);
        out.push_str(&p.name);
        if let Some(d) = &p.default {
            out.push('=');
            show(out, d);
        }
    };
    for p in &p.posonly {
        param(out, "", p);
    }
    if !p.posonly.is_empty() {
        param(out, "", &Param { name: Rc::from("/"), default: None, pos: Pos::default() });
    }
    for p in &p.args {
        param(out, "", p);
    }
    if let Some(v) = &p.vararg {
        param(out, "*", v);
    }
    for p in &p.kwonly {
        param(out, "kw:", p);
    }
    if let Some(v) = &p.kwarg {
        param(out, "**", v);
    }
    out.push(')');
}

fn show_stmt(out: &mut String, s: &Stmt) {
    match &s.kind {
        StmtKind::Expr(e) => show(out, e),
        StmtKind::Assign { targets, value } => {
            out.push_str("(= ");
            show_exprs(out, targets);
            out.push(' ');
            show(out, value);
            out.push(')');
        }
        StmtKind::AugAssign { target, op, value } => {
            let _ = write!(out, "(aug {op:?} ");
            show(out, target);
            out.push(' ');
            show(out, value);
            out.push(')');
        }
        StmtKind::AnnAssign { target, value, simple, .. } => {
            let _ = write!(out, "(ann{} ", if *simple { "" } else { "!" });
            show(out, target);
            if let Some(v) = value {
                out.push(' ');
                show(out, v);
            }
            out.push(')');
        }
        StmtKind::Pass => out.push_str("pass"),
        StmtKind::Break => out.push_str("break"),
        StmtKind::Continue => out.push_str("continue"),
        StmtKind::Return(v) => {
            out.push_str("(return");
            if let Some(v) = v {
                out.push(' ');
                show(out, v);
            }
            out.push(')');
        }
        StmtKind::Delete(ts) => {
            out.push_str("(del ");
            show_exprs(out, ts);
            out.push(')');
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            out.push_str(if matches!(s.kind, StmtKind::If { .. }) { "(if " } else { "(while " });
            show(out, test);
            out.push(' ');
            show_body(out, body);
            if !orelse.is_empty() {
                out.push(' ');
                show_body(out, orelse);
            }
            out.push(')');
        }
        StmtKind::For { target, iter, body, orelse, is_async } => {
            out.push_str(if *is_async { "(async-for " } else { "(for " });
            show(out, target);
            out.push(' ');
            show(out, iter);
            out.push(' ');
            show_body(out, body);
            if !orelse.is_empty() {
                out.push(' ');
                show_body(out, orelse);
            }
            out.push(')');
        }
        StmtKind::With { items, body, is_async } => {
            out.push_str(if *is_async { "(async-with" } else { "(with" });
            for item in items {
                out.push(' ');
                show(out, &item.context);
                if let Some(t) = &item.target {
                    out.push_str(" as ");
                    show(out, t);
                }
            }
            out.push(' ');
            show_body(out, body);
            out.push(')');
        }
        StmtKind::Match { subject, cases } => {
            out.push_str("(match ");
            show(out, subject);
            for c in cases {
                out.push_str(" (case ");
                show_pattern(out, &c.pattern);
                if let Some(g) = &c.guard {
                    out.push_str(" if ");
                    show(out, g);
                }
                out.push(' ');
                show_body(out, &c.body);
                out.push(')');
            }
            out.push(')');
        }
        StmtKind::Try { body, handlers, orelse, finalbody, is_star } => {
            out.push_str(if *is_star { "(try* " } else { "(try " });
            show_body(out, body);
            for h in handlers {
                out.push_str(" (except");
                if let Some(t) = &h.typ {
                    out.push(' ');
                    show(out, t);
                }
                if let Some(n) = &h.name {
                    let _ = write!(out, " as {}", n.id);
                }
                out.push(' ');
                show_body(out, &h.body);
                out.push(')');
            }
            if !orelse.is_empty() {
                out.push_str(" else ");
                show_body(out, orelse);
            }
            if !finalbody.is_empty() {
                out.push_str(" finally ");
                show_body(out, finalbody);
            }
            out.push(')');
        }
        StmtKind::Raise { exc, cause } => {
            out.push_str("(raise");
            for e in [exc, cause].into_iter().flatten() {
                out.push(' ');
                show(out, e);
            }
            out.push(')');
        }
        StmtKind::Assert { test, msg } => {
            out.push_str("(assert ");
            show(out, test);
            if let Some(m) = msg {
                out.push(' ');
                show(out, m);
            }
            out.push(')');
        }
        StmtKind::FunctionDef(f) => show_function(out, f),
        StmtKind::ClassDef(c) => {
            let _ = write!(out, "(class {} ", c.qualname);
            for d in &c.decorators {
                out.push('@');
                show(out, d);
                out.push(' ');
            }
            out.push('(');
            show_exprs(out, &c.bases);
            for (k, v) in &c.keywords {
                let _ = write!(out, " {k}=");
                show(out, v);
            }
            out.push_str(") ");
            show_body(out, &c.body);
            out.push(')');
        }
        StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
            out.push_str("(import");
            if let StmtKind::ImportFrom { module, level, .. } = &s.kind {
                let _ = write!(out, " {}{module}:", ".".repeat(*level as usize));
            }
            for a in names {
                let _ = write!(out, " {}", a.name);
                if let Some(n) = &a.asname {
                    let _ = write!(out, "->{n}");
                }
            }
            out.push(')');
        }
        StmtKind::Global(names) => {
            let _ = write!(out, "(global {})", names.join(" "));
        }
        StmtKind::Nonlocal(names) => {
            let _ = write!(out, "(nonlocal {})", names.join(" "));
        }
    }
}

fn show_function(out: &mut String, f: &FunctionDef) {
    out.push_str(if f.is_lambda {
        "(lambda "
    } else if f.is_async {
        "(async-def "
    } else {
        "(def "
    });
    if !f.is_lambda {
        out.push_str(&f.qualname);
    }
    if f.is_generator {
        out.push_str(" gen");
    }
    for d in &f.decorators {
        out.push_str(" @");
        show(out, d);
    }
    show_params(out, &f.params);
    out.push(' ');
    if f.is_lambda {
        if let StmtKind::Return(Some(e)) = &f.body[0].kind {
            show(out, e);
        }
    } else {
        show_body(out, &f.body);
    }
    out.push(')');
}

fn show_parts(out: &mut String, parts: &[FStringPart]) {
    for p in parts {
        match p {
            FStringPart::Literal(s) => {
                let _ = write!(out, " {s:?}");
            }
            FStringPart::Field { expr, conversion, spec, debug_text } => {
                out.push_str(" {");
                if let Some(d) = debug_text {
                    let _ = write!(out, "{d:?} ");
                }
                show(out, expr);
                if let Some(c) = conversion {
                    let _ = write!(out, "!{c}");
                }
                if let Some(s) = spec {
                    out.push_str(" :");
                    show_parts(out, s);
                }
                out.push('}');
            }
        }
    }
}

/// Renders an expression.
pub fn show(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Name(n) => out.push_str(&n.id),
        ExprKind::Const(c) => match c {
            Const::None => out.push_str("None"),
            Const::True => out.push_str("True"),
            Const::False => out.push_str("False"),
            Const::Ellipsis => out.push_str("..."),
            Const::Int(v) => {
                let _ = write!(out, "{v}");
            }
            Const::BigInt(v) => {
                let _ = write!(out, "{v}n");
            }
            Const::Float(v) => {
                let _ = write!(out, "{v:?}");
            }
            Const::Str(s) => {
                let _ = write!(out, "{s:?}");
            }
            Const::Bytes(b) => {
                let _ = write!(out, "b{:?}", String::from_utf8_lossy(b));
            }
        },
        ExprKind::FString(parts) => {
            out.push_str("(f");
            show_parts(out, parts);
            out.push(')');
        }
        ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
            let (open, close) = match &e.kind {
                ExprKind::List(_) => ("[", "]"),
                ExprKind::Tuple(_) => ("(tuple ", ")"),
                _ => ("{", "}"),
            };
            out.push_str(open);
            show_exprs(out, elts);
            out.push_str(close);
        }
        ExprKind::Dict(items) => {
            out.push_str("(dict");
            for (k, v) in items {
                out.push(' ');
                match k {
                    Some(k) => show(out, k),
                    None => out.push_str("**"),
                }
                out.push(':');
                show(out, v);
            }
            out.push(')');
        }
        ExprKind::Starred(v) => {
            out.push('*');
            show(out, v);
        }
        ExprKind::Attribute { value, attr } => {
            show(out, value);
            let _ = write!(out, ".{attr}");
        }
        ExprKind::Subscript { value, index } => {
            show(out, value);
            out.push('[');
            show(out, index);
            out.push(']');
        }
        ExprKind::Slice { lower, upper, step } => {
            out.push_str("(slice");
            for part in [lower, upper, step] {
                out.push(' ');
                match part {
                    Some(p) => show(out, p),
                    None => out.push('_'),
                }
            }
            out.push(')');
        }
        ExprKind::Call { func, args } => {
            out.push_str("(call ");
            show(out, func);
            for a in args {
                out.push(' ');
                match a {
                    Arg::Pos(e) => show(out, e),
                    Arg::Star(e) => {
                        out.push('*');
                        show(out, e);
                    }
                    Arg::Kw(k, e) => {
                        let _ = write!(out, "{k}=");
                        show(out, e);
                    }
                    Arg::KwStar(e) => {
                        out.push_str("**");
                        show(out, e);
                    }
                }
            }
            out.push(')');
        }
        ExprKind::BinOp { op, left, right } => {
            let _ = write!(out, "({op:?} ");
            show(out, left);
            out.push(' ');
            show(out, right);
            out.push(')');
        }
        ExprKind::UnaryOp { op, operand } => {
            let _ = write!(out, "({op:?} ");
            show(out, operand);
            out.push(')');
        }
        ExprKind::BoolOp { op, values } => {
            let _ = write!(out, "({op:?} ");
            show_exprs(out, values);
            out.push(')');
        }
        ExprKind::Compare { left, ops } => {
            out.push_str("(cmp ");
            show(out, left);
            for (op, e) in ops {
                let _ = write!(out, " {op:?} ");
                show(out, e);
            }
            out.push(')');
        }
        ExprKind::IfExp { test, body, orelse } => {
            out.push_str("(ifexp ");
            show_exprs(out, std::slice::from_ref(test));
            out.push(' ');
            show(out, body);
            out.push(' ');
            show(out, orelse);
            out.push(')');
        }
        ExprKind::Lambda(f) => show_function(out, f),
        ExprKind::Comp { kind, elt, value, generators, .. } => {
            let _ = write!(out, "({kind:?}Comp ");
            show(out, elt);
            if let Some(v) = value {
                out.push(':');
                show(out, v);
            }
            for g in generators {
                out.push_str(if g.is_async { " async-for " } else { " for " });
                show(out, &g.target);
                out.push_str(" in ");
                show(out, &g.iter);
                for c in &g.ifs {
                    out.push_str(" if ");
                    show(out, c);
                }
            }
            out.push(')');
        }
        ExprKind::Await(v) => {
            out.push_str("(await ");
            show(out, v);
            out.push(')');
        }
        ExprKind::Yield(v) => {
            out.push_str("(yield");
            if let Some(v) = v {
                out.push(' ');
                show(out, v);
            }
            out.push(')');
        }
        ExprKind::YieldFrom(v) => {
            out.push_str("(yield from ");
            show(out, v);
            out.push(')');
        }
        ExprKind::NamedExpr { target, value } => {
            let _ = write!(out, "(:= {} ", target.id);
            show(out, value);
            out.push(')');
        }
    }
}

fn show_patterns<'a>(
    out: &mut String,
    open: &str,
    ps: impl Iterator<Item = &'a Pattern>,
    sep: &str,
    close: &str,
) {
    out.push_str(open);
    for (i, p) in ps.enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        show_pattern(out, p);
    }
    out.push_str(close);
}

fn show_pattern(out: &mut String, p: &Pattern) {
    match &p.kind {
        PatternKind::Capture(None) => out.push('_'),
        PatternKind::Capture(Some(n)) => out.push_str(&n.id),
        PatternKind::Value(e) | PatternKind::Singleton(e) => show(out, e),
        PatternKind::Sequence(ps) => show_patterns(out, "[", ps.iter(), ", ", "]"),
        PatternKind::Star(n) => {
            let _ = write!(out, "*{}", n.as_ref().map_or("_", |n| &n.id));
        }
        PatternKind::Mapping { keys, values, rest } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                show(out, k);
                out.push_str(": ");
                show_pattern(out, v);
            }
            if let Some(r) = rest {
                let _ = write!(out, ", **{}", r.id);
            }
            out.push('}');
        }
        PatternKind::Class { cls, args, kwargs } => {
            show(out, cls);
            show_patterns(out, "(", args.iter(), ", ", "");
            for (k, v) in kwargs {
                let _ = write!(out, ", {k}=");
                show_pattern(out, v);
            }
            out.push(')');
        }
        PatternKind::As(inner, n) => {
            out.push('(');
            show_pattern(out, inner);
            let _ = write!(out, " as {})", n.id);
        }
        PatternKind::Or(ps) => show_patterns(out, "(", ps.iter(), " | ", ")"),
    }
}
