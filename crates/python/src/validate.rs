//! The checks CPython makes after parsing, with its messages: first its
//! `__future__` checks, then its symbol-table pass (duplicate arguments,
//! `global` after use, `yield` in comprehensions ...), then its compiler's
//! (`'return' outside function`, `'await' outside async function` ...).
//!
//! The symbol-table pass also fills each function's `qualname` and
//! `is_generator`, and mangles private names inside classes (`self.__x`
//! in class `A` is `self._A__x`); scopes are left for the resolver.

use crate::ast::*;
use crate::error::CompileError;
use std::collections::HashMap;
use std::rc::Rc;

type R = Result<(), CompileError>;

/// Validates a parsed module (filling qualnames and generator flags).
/// Returns the first unsupported construct found, if any (to be reported
/// only when there is no syntax error).
pub fn validate(module: &mut Module) -> Result<Option<CompileError>, CompileError> {
    check_future(&module.body)?;
    let mut sym = Sym { frames: vec![Frame::new(FrameKind::Module, String::new())], unsupported: None };
    sym.stmts(&mut module.body)?;
    let mut comp = Compiler { frames: vec![CFrame::new(CKind::Module)], future_ok: true };
    comp.stmts(&module.body, true)?;
    Ok(sym.unsupported)
}

const FUTURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

fn is_future(s: &Stmt) -> Option<&[Alias]> {
    match &s.kind {
        StmtKind::ImportFrom { module, names, level: 0 } if &**module == "__future__" => Some(names),
        _ => None,
    }
}

fn check_future(body: &[Stmt]) -> R {
    let skip = usize::from(crate::parser::docstring(body).is_some());
    for s in &body[skip..] {
        let Some(names) = is_future(s) else { break };
        for a in names {
            if &*a.name == "braces" {
                return Err(CompileError::syntax("not a chance", s.pos));
            }
            if !FUTURES.contains(&&*a.name) {
                return Err(CompileError::syntax(format!("future feature {} is not defined", a.name), s.pos));
            }
        }
    }
    Ok(())
}

// ---------- the symbol-table pass ----------

/// `name` written inside class `class` (`_Py_Mangle`): `__x` (not `__x__`)
/// is `_Class__x`, the class's leading underscores dropped; a class named
/// only underscores mangles nothing.
pub fn mangle(class: &str, name: &Rc<str>) -> Rc<str> {
    let class = class.trim_start_matches('_');
    if class.is_empty() || !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.clone();
    }
    Rc::from(format!("_{class}{name}"))
}

const USE: u8 = 1;
const LOCAL: u8 = 2;
const PARAM: u8 = 4;
const ANNOT: u8 = 8;
const GLOBAL: u8 = 16;
const NONLOCAL: u8 = 32;

#[derive(Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    Module,
    Function,
    Class,
    Comp(CompKind),
}

struct Frame {
    kind: FrameKind,
    qual: String,
    flags: HashMap<Rc<str>, u8>,
    is_generator: bool,
}

impl Frame {
    fn new(kind: FrameKind, qual: String) -> Frame {
        Frame { kind, qual, flags: HashMap::new(), is_generator: false }
    }
}

struct Sym {
    frames: Vec<Frame>,
    unsupported: Option<CompileError>,
}

fn comp_name(kind: CompKind) -> &'static str {
    match kind {
        CompKind::List => "<listcomp>",
        CompKind::Set => "<setcomp>",
        CompKind::Dict => "<dictcomp>",
        CompKind::Generator => "<genexpr>",
    }
}

impl Sym {
    fn top(&mut self) -> &mut Frame {
        self.frames.last_mut().unwrap()
    }

    fn qualname(&self, name: &str) -> String {
        let parent = self.frames.last().unwrap();
        match parent.kind {
            FrameKind::Module => name.to_string(),
            FrameKind::Class | FrameKind::Comp(_) => format!("{}.{}", parent.qual, name),
            _ => format!("{}.<locals>.{}", parent.qual, name),
        }
    }

    /// `name` as CPython's compiler writes it here: [`mangle`]d by the
    /// innermost class around it.
    fn mangle(&self, name: &Rc<str>) -> Rc<str> {
        match self.frames.iter().rev().find(|f| f.kind == FrameKind::Class) {
            Some(class) => mangle(class.qual.rsplit('.').next().unwrap_or(""), name),
            None => name.clone(),
        }
    }

    /// [`mangle`](Self::mangle) of each of `names`, in place; a copy.
    fn mangle_all(&self, names: &mut [Rc<str>]) -> Vec<Rc<str>> {
        names.iter_mut().for_each(|n| *n = self.mangle(n));
        names.to_vec()
    }

    fn add(&mut self, name: &Rc<str>, flag: u8) {
        *self.top().flags.entry(name.clone()).or_default() |= flag;
    }

    fn flags(&mut self, name: &str) -> u8 {
        self.top().flags.get(name).copied().unwrap_or(0)
    }

    fn note_unsupported(&mut self, what: &str, pos: Pos) {
        if self.unsupported.is_none() {
            self.unsupported = Some(CompileError::unsupported(what, pos));
        }
    }

    fn stmts(&mut self, body: &mut [Stmt]) -> R {
        body.iter_mut().try_for_each(|s| self.stmt(s))
    }

    fn opt(&mut self, e: &mut Option<Expr>) -> R {
        match e {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn stmt(&mut self, s: &mut Stmt) -> R {
        let pos = s.pos;
        match &mut s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                targets.iter_mut().try_for_each(|t| self.target(t))?;
                self.expr(value)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target)?;
                self.expr(value)
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let (ExprKind::Name(n), true) = (&mut target.kind, *simple) {
                    n.id = self.mangle(&n.id);
                    let cur = self.flags(&n.id);
                    if cur & (GLOBAL | NONLOCAL) != 0 && self.frames.len() > 1 {
                        let which = if cur & GLOBAL != 0 { "global" } else { "nonlocal" };
                        let msg = format!("annotated name '{}' can't be {which}", n.id);
                        return Err(CompileError::syntax(msg, target.pos));
                    }
                    let id = n.id.clone();
                    self.add(&id, ANNOT | if value.is_some() { LOCAL } else { 0 });
                } else {
                    self.target(target)?;
                }
                self.expr(annotation)?;
                self.opt(value)
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
            StmtKind::Return(v) => self.opt(v),
            StmtKind::Delete(ts) => ts.iter_mut().try_for_each(|t| self.target(t)),
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.target(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::With { items, body, .. } => {
                for item in items.iter_mut() {
                    self.expr(&mut item.context)?;
                    if let Some(t) = &mut item.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases.iter_mut() {
                    c.pattern.walk(&mut |part| match part {
                        PatternPart::Expr(e) => {
                            let mut root = e;
                            while let ExprKind::Attribute { value, .. } = &root.kind {
                                root = value;
                            }
                            if let ExprKind::Name(n) = &root.kind {
                                self.add(&n.id.clone(), USE);
                            }
                        }
                        PatternPart::Name(n) => self.add(&n.id.clone(), LOCAL),
                    });
                    self.opt(&mut c.guard)?;
                    self.stmts(&mut c.body)?;
                }
                Ok(())
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.stmts(body)?;
                for h in handlers.iter_mut() {
                    self.opt(&mut h.typ)?;
                    if let Some(n) = &mut h.name {
                        n.id = self.mangle(&n.id);
                        let id = n.id.clone();
                        self.add(&id, LOCAL);
                    }
                    self.stmts(&mut h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc)?;
                self.opt(cause)
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt(msg)
            }
            StmtKind::FunctionDef(f) => {
                let binding = self.mangle(&f.name);
                self.add(&binding, LOCAL);
                if let Some(f) = Rc::get_mut(f) {
                    f.binding = binding;
                }
                self.function(f)
            }
            StmtKind::ClassDef(c) => self.class(c),
            StmtKind::Import(names) => {
                for a in names.iter() {
                    let bound =
                        a.asname.clone().unwrap_or_else(|| Rc::from(a.name.split('.').next().unwrap_or("")));
                    self.add(&bound, LOCAL);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names.iter() {
                    if &*a.name == "*" {
                        if self.top().kind != FrameKind::Module {
                            return Err(CompileError::syntax("import * only allowed at module level", a.pos));
                        }
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.add(&bound, LOCAL);
                }
                Ok(())
            }
            StmtKind::Global(names) => {
                let names = self.mangle_all(names);
                self.declare(names, true, pos)
            }
            StmtKind::Nonlocal(names) => {
                let names = self.mangle_all(names);
                self.declare(names, false, pos)
            }
        }
    }

    /// `global` / `nonlocal` declarations.
    fn declare(&mut self, names: Vec<Rc<str>>, global: bool, pos: Pos) -> R {
        let which = if global { "global" } else { "nonlocal" };
        match self.top().kind {
            FrameKind::Module if !global => {
                return Err(CompileError::syntax("nonlocal declaration not allowed at module level", pos));
            }
            FrameKind::Class => self.note_unsupported(&format!("{which} statements in a class body"), pos),
            _ => {}
        }
        for name in &names {
            let cur = self.flags(name);
            let msg = if cur & PARAM != 0 {
                format!("name '{name}' is parameter and {which}")
            } else if cur & USE != 0 {
                format!("name '{name}' is used prior to {which} declaration")
            } else if cur & ANNOT != 0 {
                format!("annotated name '{name}' can't be {which}")
            } else if cur & LOCAL != 0 {
                format!("name '{name}' is assigned to before {which} declaration")
            } else if cur & (if global { NONLOCAL } else { GLOBAL }) != 0 {
                format!("name '{name}' is nonlocal and global")
            } else {
                self.add(name, if global { GLOBAL } else { NONLOCAL });
                continue;
            };
            return Err(CompileError::syntax(msg, pos));
        }
        Ok(())
    }

    fn function(&mut self, f: &mut Rc<FunctionDef>) -> R {
        let Some(f) = Rc::get_mut(f) else { return Ok(()) };
        for p in f.params.posonly.iter_mut().chain(f.params.args.iter_mut()).chain(f.params.kwonly.iter_mut())
        {
            self.opt(&mut p.default)?;
        }
        f.params.annotations.iter_mut().try_for_each(|(_, a)| self.expr(a))?;
        let ps = &mut f.params;
        let all = ps.posonly.iter_mut().chain(&mut ps.args).chain(&mut ps.vararg).chain(&mut ps.kwonly);
        for p in all.chain(&mut ps.kwarg) {
            p.name = self.mangle(&p.name);
        }
        for (name, _) in ps.annotations.iter_mut() {
            *name = self.mangle(name);
        }
        f.decorators.iter_mut().try_for_each(|d| self.expr(d))?;
        let qual = self.qualname(&f.name);
        self.frames.push(Frame::new(FrameKind::Function, qual.clone()));
        let ps = &f.params;
        let all = ps.posonly.iter().chain(&ps.args).chain(&ps.vararg).chain(&ps.kwonly).chain(&ps.kwarg);
        for p in all {
            if self.flags(&p.name) & PARAM != 0 {
                let msg = format!("duplicate argument '{}' in function definition", p.name);
                return Err(CompileError::syntax(msg, p.pos));
            }
            self.add(&p.name, PARAM);
        }
        self.stmts(&mut f.body)?;
        let frame = self.frames.pop().unwrap();
        f.qualname = Rc::from(qual);
        f.is_generator = frame.is_generator;
        Ok(())
    }

    fn class(&mut self, c: &mut Rc<ClassDef>) -> R {
        let Some(c) = Rc::get_mut(c) else { return Ok(()) };
        c.decorators.iter_mut().try_for_each(|d| self.expr(d))?;
        c.bases.iter_mut().try_for_each(|d| self.expr(d))?;
        c.keywords.iter_mut().try_for_each(|(_, d)| self.expr(d))?;
        let binding = self.mangle(&c.name);
        self.add(&binding, LOCAL);
        c.binding = binding;
        let qual = self.qualname(&c.name);
        self.frames.push(Frame::new(FrameKind::Class, qual.clone()));
        self.stmts(&mut c.body)?;
        self.frames.pop();
        c.qualname = Rc::from(qual);
        Ok(())
    }

    fn target(&mut self, e: &mut Expr) -> R {
        match &mut e.kind {
            ExprKind::Name(n) => {
                n.id = self.mangle(&n.id);
                let id = n.id.clone();
                self.add(&id, LOCAL);
                Ok(())
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => elts.iter_mut().try_for_each(|t| self.target(t)),
            ExprKind::Starred(v) => self.target(v),
            _ => self.expr(e),
        }
    }

    fn fstring(&mut self, parts: &mut [FStringPart]) -> R {
        for part in parts {
            if let FStringPart::Field { expr, spec, .. } = part {
                self.expr(expr)?;
                if let Some(spec) = spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &mut Expr) -> R {
        let pos = e.pos;
        match &mut e.kind {
            ExprKind::Name(n) => {
                n.id = self.mangle(&n.id);
                let id = n.id.clone();
                self.add(&id, USE);
                Ok(())
            }
            ExprKind::Const(_) => Ok(()),
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
                elts.iter_mut().try_for_each(|e| self.expr(e))
            }
            ExprKind::Dict(items) => items.iter_mut().try_for_each(|(k, v)| {
                self.opt(k)?;
                self.expr(v)
            }),
            ExprKind::Starred(v) | ExprKind::Await(v) => self.expr(v),
            ExprKind::Attribute { value, attr } => {
                *attr = self.mangle(attr);
                self.expr(value)
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
            ExprKind::Call { func, args } => {
                self.expr(func)?;
                args.iter_mut().try_for_each(|a| match a {
                    Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::KwStar(e) => self.expr(e),
                })
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => values.iter_mut().try_for_each(|e| self.expr(e)),
            ExprKind::Compare { left, ops } => {
                self.expr(left)?;
                ops.iter_mut().try_for_each(|(_, e)| self.expr(e))
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Lambda(f) => self.function(f),
            ExprKind::Comp { kind, elt, value, generators, .. } => {
                self.comprehension(*kind, elt, value, generators)
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
                self.yield_here(pos)
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.yield_here(pos)
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                target.id = self.mangle(&target.id);
                let id = target.id.clone();
                let k = self.frames.iter().rposition(|f| !matches!(f.kind, FrameKind::Comp(_))).unwrap_or(0);
                *self.frames[k].flags.entry(id).or_default() |= LOCAL;
                Ok(())
            }
        }
    }

    /// A `yield` or `yield from` at `pos`: the function is a generator; a
    /// comprehension may not yield.
    fn yield_here(&mut self, pos: Pos) -> R {
        match self.top().kind {
            FrameKind::Comp(kind) => {
                let what = match kind {
                    CompKind::List => "list comprehension",
                    CompKind::Set => "set comprehension",
                    CompKind::Dict => "dict comprehension",
                    CompKind::Generator => "generator expression",
                };
                Err(CompileError::syntax(format!("'yield' inside {what}"), pos))
            }
            _ => {
                self.top().is_generator = true;
                Ok(())
            }
        }
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &mut Expr,
        value: &mut Option<Box<Expr>>,
        generators: &mut [Comprehension],
    ) -> R {
        self.expr(&mut generators[0].iter)?;
        let qual = self.qualname(comp_name(kind));
        self.frames.push(Frame::new(FrameKind::Comp(kind), qual));
        for (k, g) in generators.iter_mut().enumerate() {
            self.target(&mut g.target)?;
            if k > 0 {
                self.expr(&mut g.iter)?;
            }
            g.ifs.iter_mut().try_for_each(|e| self.expr(e))?;
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        self.frames.pop();
        Ok(())
    }
}

// ---------- the compiler's checks ----------

#[derive(Clone, Copy, PartialEq, Eq)]
enum CKind {
    Module,
    Class,
    Function { is_async: bool, async_gen: bool },
    Comp,
}

struct CFrame {
    kind: CKind,
    loops: u32,
    /// How many `except*` handler bodies enclose the statement, and how many
    /// enclosed each open loop: `break`, `continue` and `return` cannot
    /// leave one.
    star: u32,
    loop_stars: Vec<u32>,
    /// A comprehension's iteration variables, as far as its targets go.
    comp_vars: Vec<Rc<str>>,
    /// Inside a comprehension's iterable expression (`:=` cannot be there).
    iter_expr: u32,
}

impl CFrame {
    fn new(kind: CKind) -> CFrame {
        CFrame { kind, loops: 0, star: 0, loop_stars: Vec::new(), comp_vars: Vec::new(), iter_expr: 0 }
    }
}

const STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

struct Compiler {
    frames: Vec<CFrame>,
    /// Still in the module's opening `from __future__` imports.
    future_ok: bool,
}

fn syntax(msg: &str, pos: Pos) -> R {
    Err(CompileError::syntax(msg, pos))
}

/// Whether `e` awaits in its own scope (not in nested lambdas/comprehensions).
/// A comprehension with `async for` or an `await` in what it runs in its
/// own scope (not its first iterable): an async generator expression, or a
/// comprehension that must run in an async function.
pub fn is_async_comprehension(elt: &Expr, value: Option<&Expr>, generators: &[Comprehension]) -> bool {
    generators.iter().enumerate().any(|(k, g)| {
        g.is_async || (k > 0 && has_await(&g.iter)) || g.ifs.iter().any(has_await) || has_await(&g.target)
    }) || has_await(elt)
        || value.is_some_and(has_await)
}

fn has_await(e: &Expr) -> bool {
    let mut found = false;
    visit_children(e, &mut |c| found = found || has_await(c));
    found || matches!(e.kind, ExprKind::Await(_))
}

/// Calls `f` on each direct sub-expression of `e` evaluated in `e`'s scope.
fn visit_children(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Const(_) | ExprKind::Lambda(_) => {}
        ExprKind::FString(parts) => visit_parts(parts, f),
        ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => elts.iter().for_each(f),
        ExprKind::Dict(items) => items.iter().for_each(|(k, v)| {
            if let Some(k) = k {
                f(k);
            }
            f(v);
        }),
        ExprKind::Starred(v) | ExprKind::Await(v) | ExprKind::Attribute { value: v, .. } => f(v),
        ExprKind::Subscript { value, index } => {
            f(value);
            f(index);
        }
        ExprKind::Slice { lower, upper, step } => {
            [lower, upper, step].into_iter().flatten().for_each(|e| f(e))
        }
        ExprKind::Call { func, args } => {
            f(func);
            args.iter().for_each(|a| match a {
                Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::KwStar(e) => f(e),
            });
        }
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right);
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::BoolOp { values, .. } => values.iter().for_each(f),
        ExprKind::Compare { left, ops } => {
            f(left);
            ops.iter().for_each(|(_, e)| f(e));
        }
        ExprKind::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse);
        }
        ExprKind::Comp { generators, .. } => f(&generators[0].iter),
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                f(v);
            }
        }
        ExprKind::YieldFrom(v) => f(v),
        ExprKind::NamedExpr { value, .. } => f(value),
    }
}

fn visit_parts(parts: &[FStringPart], f: &mut dyn FnMut(&Expr)) {
    for part in parts {
        if let FStringPart::Field { expr, spec, .. } = part {
            f(expr);
            if let Some(spec) = spec {
                visit_parts(spec, f);
            }
        }
    }
}

impl Compiler {
    fn kind(&self) -> CKind {
        self.frames.last().unwrap().kind
    }

    fn loops(&mut self) -> &mut u32 {
        &mut self.frames.last_mut().unwrap().loops
    }

    fn in_async_function(&self) -> bool {
        matches!(self.kind(), CKind::Function { is_async: true, .. })
    }

    fn stmts(&mut self, body: &[Stmt], module_top: bool) -> R {
        for (k, s) in body.iter().enumerate() {
            if module_top {
                let docstring = k == 0 && crate::parser::docstring(body).is_some();
                self.future_ok &= docstring || is_future(s).is_some();
            }
            self.stmt(s)?;
        }
        Ok(())
    }

    fn opt(&mut self, e: &Option<Expr>) -> R {
        match e {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn in_loop(&mut self, body: &[Stmt]) -> R {
        *self.loops() += 1;
        let frame = self.frames.last_mut().unwrap();
        frame.loop_stars.push(frame.star);
        self.stmts(body, false)?;
        self.frames.last_mut().unwrap().loop_stars.pop();
        *self.loops() -= 1;
        Ok(())
    }

    /// A `break`/`continue` (`to_loop`) or `return` would leave an
    /// `except*` handler's body.
    fn leaves_star_handler(&self, to_loop: bool) -> bool {
        let frame = self.frames.last().unwrap();
        let outside = if to_loop { frame.loop_stars.last().copied().unwrap_or(0) } else { 0 };
        frame.star > outside
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        let pos = s.pos;
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.target(t))
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target)?;
                self.expr(value)
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.opt(value)?;
                self.target(target)?;
                self.expr(annotation)
            }
            StmtKind::Pass => Ok(()),
            StmtKind::Break if *self.loops() == 0 => syntax("'break' outside loop", pos),
            StmtKind::Continue if *self.loops() == 0 => syntax("'continue' not properly in loop", pos),
            StmtKind::Break | StmtKind::Continue if self.leaves_star_handler(true) => syntax(STAR_EXIT, pos),
            StmtKind::Break | StmtKind::Continue => Ok(()),
            // CPython reports it at a constant value, else at the statement.
            StmtKind::Return(v)
                if matches!(self.kind(), CKind::Function { .. }) && self.leaves_star_handler(false) =>
            {
                let at = match v {
                    Some(v) if matches!(v.kind, ExprKind::Const(_)) => v.pos,
                    _ => pos,
                };
                syntax(STAR_EXIT, at)
            }
            StmtKind::Return(v) => {
                match self.kind() {
                    CKind::Function { async_gen: true, .. } if v.is_some() => {
                        return syntax("'return' with value in async generator", pos)
                    }
                    CKind::Function { .. } => {}
                    _ => return syntax("'return' outside function", pos),
                }
                self.opt(v)
            }
            StmtKind::Delete(ts) => ts.iter().try_for_each(|t| self.target(t)),
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body, false)?;
                self.stmts(orelse, false)
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.in_loop(body)?;
                self.stmts(orelse, false)
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                if *is_async && !self.in_async_function() {
                    return syntax("'async for' outside async function", pos);
                }
                self.expr(iter)?;
                self.target(target)?;
                self.in_loop(body)?;
                self.stmts(orelse, false)
            }
            StmtKind::With { items, body, is_async } => {
                if *is_async && !self.in_async_function() {
                    return syntax("'async with' outside async function", pos);
                }
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body, false)
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    let mut first = Ok(());
                    c.pattern.walk(&mut |part| {
                        if let (PatternPart::Expr(e), Ok(())) = (part, &first) {
                            first = self.expr(e);
                        }
                    });
                    first?;
                    self.opt(&c.guard)?;
                    self.stmts(&c.body, false)?;
                }
                Ok(())
            }
            StmtKind::Try { body, handlers, orelse, finalbody, is_star } => {
                self.stmts(body, false)?;
                let star = u32::from(*is_star);
                for h in handlers {
                    self.opt(&h.typ)?;
                    self.frames.last_mut().unwrap().star += star;
                    self.stmts(&h.body, false)?;
                    self.frames.last_mut().unwrap().star -= star;
                }
                self.stmts(orelse, false)?;
                self.stmts(finalbody, false)
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc)?;
                self.opt(cause)
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt(msg)
            }
            StmtKind::FunctionDef(f) => self.function(f),
            StmtKind::ClassDef(c) => {
                c.decorators.iter().try_for_each(|d| self.expr(d))?;
                c.bases.iter().try_for_each(|b| self.star_ok(b))?;
                c.keywords.iter().try_for_each(|(_, v)| self.expr(v))?;
                self.frames.push(CFrame::new(CKind::Class));
                self.stmts(&c.body, false)?;
                self.frames.pop();
                Ok(())
            }
            StmtKind::ImportFrom { .. } if is_future(s).is_some() && !self.future_ok => {
                syntax("from __future__ imports must occur at the beginning of the file", pos)
            }
            StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_) => Ok(()),
        }
    }

    fn function(&mut self, f: &FunctionDef) -> R {
        f.decorators.iter().try_for_each(|d| self.expr(d))?;
        for p in f.params.posonly.iter().chain(&f.params.args).chain(&f.params.kwonly) {
            self.opt(&p.default)?;
        }
        f.params.annotations.iter().try_for_each(|(_, a)| self.expr(a))?;
        let async_gen = f.is_async && f.is_generator;
        self.frames.push(CFrame::new(CKind::Function { is_async: f.is_async, async_gen }));
        self.stmts(&f.body, false)?;
        self.frames.pop();
        Ok(())
    }

    /// An assignment (or deletion) target.
    fn target(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::Name(_) => Ok(()),
            ExprKind::Starred(_) => syntax("starred assignment target must be in a list or tuple", e.pos),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let stars = elts.iter().filter(|e| matches!(e.kind, ExprKind::Starred(_))).count();
                if stars > 1 {
                    return syntax("multiple starred expressions in assignment", e.pos);
                }
                for elt in elts {
                    match &elt.kind {
                        ExprKind::Starred(inner) => self.target(inner)?,
                        _ => self.target(elt)?,
                    }
                }
                Ok(())
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            _ => self.expr(e),
        }
    }

    /// An expression where `*e` is allowed (display elements, class bases).
    fn star_ok(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::Starred(inner) => self.expr(inner),
            _ => self.expr(e),
        }
    }

    fn expr(&mut self, e: &Expr) -> R {
        let pos = e.pos;
        match &e.kind {
            ExprKind::Starred(_) => return syntax("can't use starred expression here", pos),
            ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
                return elts.iter().try_for_each(|e| self.star_ok(e));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                return self.star_ok(index);
            }
            ExprKind::Yield(_) | ExprKind::YieldFrom(_)
                if matches!(self.kind(), CKind::Module | CKind::Class) =>
            {
                return syntax("'yield' outside function", pos);
            }
            ExprKind::Await(_) => match self.kind() {
                CKind::Module | CKind::Class => return syntax("'await' outside function", pos),
                CKind::Function { is_async: false, .. } => {
                    return syntax("'await' outside async function", pos)
                }
                _ => {}
            },
            ExprKind::Lambda(f) => return self.function(f),
            ExprKind::NamedExpr { target, .. } => self.named_expr(target, pos)?,
            ExprKind::Comp { kind, elt, value, generators, .. } => {
                return self.comprehension(*kind, elt, value.as_deref(), generators, pos);
            }
            _ => {}
        }
        let mut result = Ok(());
        visit_children(e, &mut |c| {
            if result.is_ok() {
                result = self.expr(c);
            }
        });
        result
    }

    fn in_iter_expr(&mut self, e: &Expr) -> R {
        self.frames.last_mut().unwrap().iter_expr += 1;
        let r = self.expr(e);
        self.frames.last_mut().unwrap().iter_expr -= 1;
        r
    }

    /// `name := ...` in a comprehension, with CPython's symtable errors.
    fn named_expr(&mut self, name: &Name, pos: Pos) -> R {
        if self.frames.last().unwrap().iter_expr > 0 {
            return syntax(
                "assignment expression cannot be used in a comprehension iterable expression",
                pos,
            );
        }
        let comps = self.frames.iter().rev().take_while(|f| f.kind == CKind::Comp).count();
        if comps == 0 {
            return Ok(());
        }
        let frames = &self.frames[self.frames.len() - comps..];
        if frames.iter().any(|f| f.comp_vars.contains(&name.id)) {
            let msg =
                format!("assignment expression cannot rebind comprehension iteration variable '{}'", name.id);
            return syntax(&msg, pos);
        }
        if self.frames.len() > comps && self.frames[self.frames.len() - comps - 1].kind == CKind::Class {
            return syntax(
                "assignment expression within a comprehension cannot be used in a class body",
                pos,
            );
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        value: Option<&Expr>,
        generators: &[Comprehension],
        pos: Pos,
    ) -> R {
        self.in_iter_expr(&generators[0].iter)?;
        let is_async = is_async_comprehension(elt, value, generators);
        let enclosing_ok = matches!(self.kind(), CKind::Function { is_async: true, .. } | CKind::Comp);
        if is_async && kind != CompKind::Generator && !enclosing_ok {
            return syntax("asynchronous comprehension outside of an asynchronous function", pos);
        }
        self.frames.push(CFrame::new(CKind::Comp));
        for (k, g) in generators.iter().enumerate() {
            self.target(&g.target)?;
            let mut names = Vec::new();
            target_names(&g.target, &mut names);
            self.frames.last_mut().unwrap().comp_vars.extend(names);
            if k > 0 {
                self.in_iter_expr(&g.iter)?;
            }
            g.ifs.iter().try_for_each(|e| self.expr(e))?;
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        self.frames.pop();
        Ok(())
    }
}

/// The names a comprehension's target binds (`x`, `(k, v)`, `[a, *rest]`).
fn target_names(e: &Expr, out: &mut Vec<Rc<str>>) {
    match &e.kind {
        ExprKind::Name(n) => out.push(n.id.clone()),
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|i| target_names(i, out)),
        ExprKind::Starred(inner) => target_names(inner, out),
        _ => {}
    }
}
