//! Scope resolution: decides for every name whether it is a fast local, a
//! cell (captured by an inner function, or free), a global, or a class-body
//! name, and lays out each function's frame. Runs once after parsing.
//!
//! Three passes over the tree, visiting scopes in the same order:
//! 1. collect what each scope binds, declares and uses;
//! 2. work out free variables and cells (inner scopes first);
//! 3. write each name's [`Scope`] and each function's [`ScopeInfo`].

use std::collections::{BTreeSet, HashSet};
use std::rc::Rc;

use crate::ast::*;
use crate::error::CompileError;
use crate::interp::Frame;
use crate::value::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Module,
    Function,
    Class,
}

struct Data {
    kind: Kind,
    /// Parameters in call order (functions).
    params: Vec<Rc<str>>,
    bound: Vec<Rc<str>>,
    bound_set: HashSet<Rc<str>>,
    globals: HashSet<Rc<str>>,
    nonlocals: Vec<(Rc<str>, Pos)>,
    uses: HashSet<Rc<str>>,
    children: Vec<usize>,
    // Results of pass 2.
    cells: Vec<Rc<str>>,
    free: Vec<Rc<str>>,
}

impl Data {
    fn new(kind: Kind) -> Data {
        Data {
            kind,
            params: Vec::new(),
            bound: Vec::new(),
            bound_set: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: Vec::new(),
            uses: HashSet::new(),
            children: Vec::new(),
            cells: Vec::new(),
            free: Vec::new(),
        }
    }
    fn bind(&mut self, name: &Rc<str>) {
        if self.bound_set.insert(name.clone()) {
            self.bound.push(name.clone());
        }
    }
    /// Names this scope owns (bound and not declared global or nonlocal).
    fn owns(&self, name: &str) -> bool {
        self.bound_set.contains(name)
            && !self.globals.contains(name)
            && !self.nonlocals.iter().any(|(n, _)| &**n == name)
    }
}

/// Resolves every scope of a parsed module.
pub fn resolve(module: &Module) -> Result<(), CompileError> {
    let mut c = Collector { scopes: vec![Data::new(Kind::Module)], stack: vec![0], comps: HashSet::new() };
    c.block(&module.body);
    let mut scopes = c.scopes;
    analyze(&mut scopes, 0, &BTreeSet::new())?;
    let mut w = Writer { scopes: &scopes, next: 1, stack: vec![0] };
    w.block(&module.body);
    Ok(())
}

// ----- pass 1 -----

struct Collector {
    scopes: Vec<Data>,
    stack: Vec<usize>,
    /// The scopes that are comprehensions.
    comps: HashSet<usize>,
}

impl Collector {
    fn cur(&mut self) -> &mut Data {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.scopes[i]
    }
    fn push(&mut self, kind: Kind) {
        let id = self.scopes.len();
        self.scopes.push(Data::new(kind));
        let parent = *self.stack.last().unwrap_or(&0);
        self.scopes[parent].children.push(id);
        self.stack.push(id);
    }
    fn pop(&mut self) {
        self.stack.pop();
    }

    fn block(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                self.target(target);
                if let ExprKind::Name(n) = &target.kind {
                    self.cur().uses.insert(n.id.clone());
                }
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(annotation);
                if let Some(v) = value {
                    self.expr(v);
                }
                self.target(target);
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t);
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(iter);
                self.target(target);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&it.context);
                    if let Some(t) = &it.target {
                        self.target(t);
                    }
                }
                self.block(body);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    c.pattern.walk(&mut |part| match part {
                        PatternPart::Expr(e) => self.expr(e),
                        PatternPart::Name(n) => self.cur().bind(&n.id),
                    });
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.block(&c.body);
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.block(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.cur().bind(&n.id);
                    }
                    self.block(&h.body);
                }
                self.block(orelse);
                self.block(finalbody);
            }
            StmtKind::Raise { exc, cause } => {
                for e in [exc, cause].into_iter().flatten() {
                    self.expr(e);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::FunctionDef(def) => {
                for d in &def.decorators {
                    self.expr(d);
                }
                self.defaults(&def.params);
                self.cur().bind(&def.binding);
                self.function(def);
            }
            StmtKind::ClassDef(def) => {
                for d in &def.decorators {
                    self.expr(d);
                }
                for b in &def.bases {
                    self.expr(b);
                }
                for (_, k) in &def.keywords {
                    self.expr(k);
                }
                self.cur().bind(&def.binding);
                self.push(Kind::Class);
                self.block(&def.body);
                self.pop();
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let name: Rc<str> = match &a.asname {
                        Some(n) => n.clone(),
                        None => Rc::from(a.name.split('.').next().unwrap_or(&a.name)),
                    };
                    self.cur().bind(&name);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    let name = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.cur().bind(&name);
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    self.cur().globals.insert(n.clone());
                }
            }
            StmtKind::Nonlocal(names) => {
                let pos = s.pos;
                for n in names {
                    self.cur().nonlocals.push((n.clone(), pos));
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
    }

    fn defaults(&mut self, p: &Params) {
        for param in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &param.default {
                self.expr(d);
            }
        }
        for (_, a) in &p.annotations {
            self.expr(a);
        }
    }

    fn function(&mut self, def: &FunctionDef) {
        self.push(Kind::Function);
        let p = &def.params;
        let names: Vec<Rc<str>> = p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(p.vararg.iter())
            .chain(&p.kwonly)
            .chain(p.kwarg.iter())
            .map(|a| a.name.clone())
            .collect();
        for n in &names {
            self.cur().bind(n);
        }
        self.cur().params = names;
        self.block(&def.body);
        self.pop();
    }

    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.cur().bind(&n.id),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i);
                }
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => {
                self.cur().uses.insert(n.id.clone());
            }
            ExprKind::Const(_) => {}
            ExprKind::FString(parts) => self.fparts(parts),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i);
                }
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k);
                    }
                    self.expr(v);
                }
            }
            ExprKind::Starred(v) | ExprKind::Await(v) | ExprKind::UnaryOp { operand: v, .. } => self.expr(v),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p);
                }
            }
            ExprKind::Call { func, args } => {
                self.expr(func);
                for a in args {
                    match a {
                        Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::KwStar(e) => self.expr(e),
                    }
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::Compare { left, ops } => {
                self.expr(left);
                for (_, r) in ops {
                    self.expr(r);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Lambda(def) => {
                self.defaults(&def.params);
                self.function(def);
            }
            ExprKind::Comp { elt, value, generators, .. } => {
                self.expr(&generators[0].iter);
                self.push(Kind::Function);
                let id = *self.stack.last().unwrap_or(&0);
                self.comps.insert(id);
                let dot0: Rc<str> = Rc::from(".0");
                self.cur().bind(&dot0);
                self.cur().params = vec![dot0];
                for (i, g) in generators.iter().enumerate() {
                    if i > 0 {
                        self.expr(&g.iter);
                    }
                    self.target(&g.target);
                    for cond in &g.ifs {
                        self.expr(cond);
                    }
                }
                self.expr(elt);
                if let Some(v) = value {
                    self.expr(v);
                }
                self.pop();
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(v) => self.expr(v),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                self.bind_walrus(&target.id);
            }
        }
    }

    fn fparts(&mut self, parts: &[FStringPart]) {
        for p in parts {
            if let FStringPart::Field { expr, spec, .. } = p {
                self.expr(expr);
                if let Some(s) = spec {
                    self.fparts(s);
                }
            }
        }
    }

    /// `name := value` binds in the nearest scope that is not a
    /// comprehension; inside comprehensions the name is that scope's (a
    /// global at module level, else a free variable).
    fn bind_walrus(&mut self, name: &Rc<str>) {
        let mut owner = None;
        for &id in self.stack.iter().rev() {
            if !self.comps.contains(&id) {
                owner = Some(id);
                break;
            }
        }
        let Some(owner) = owner else { return };
        let top = *self.stack.last().unwrap_or(&0);
        if owner == top {
            self.cur().bind(name);
            return;
        }
        self.scopes[owner].bind(name);
        let module_level = self.scopes[owner].kind == Kind::Module;
        let inner: Vec<usize> = self.stack.iter().copied().filter(|id| self.comps.contains(id)).collect();
        for id in inner {
            if module_level {
                self.scopes[id].globals.insert(name.clone());
            } else if !self.scopes[id].nonlocals.iter().any(|(n, _)| n == name) {
                self.scopes[id].nonlocals.push((name.clone(), Pos::default()));
            }
        }
    }
}

// ----- pass 2 -----

/// Fills `cells` and `free` of scope `id`; returns the names it needs from
/// enclosing function scopes.
fn analyze(
    scopes: &mut Vec<Data>,
    id: usize,
    env: &BTreeSet<Rc<str>>,
) -> Result<BTreeSet<Rc<str>>, CompileError> {
    let kind = scopes[id].kind;
    for (n, pos) in &scopes[id].nonlocals {
        if kind == Kind::Module {
            return Err(CompileError::syntax("nonlocal declaration not allowed at module level", *pos));
        }
        if !env.contains(n) {
            return Err(CompileError::syntax(format!("no binding for nonlocal '{n}' found"), *pos));
        }
    }
    let child_env = if kind == Kind::Function {
        let mut e = env.clone();
        for n in &scopes[id].bound {
            if scopes[id].owns(n) {
                e.insert(n.clone());
            }
        }
        for (n, _) in &scopes[id].nonlocals {
            e.insert(n.clone());
        }
        e
    } else if kind == Kind::Class {
        env.clone()
    } else {
        BTreeSet::new()
    };
    let mut child_needs = BTreeSet::new();
    for c in scopes[id].children.clone() {
        child_needs.extend(analyze(scopes, c, &child_env)?);
    }
    let data = &scopes[id];
    let mut cells = Vec::new();
    let mut free: BTreeSet<Rc<str>> = BTreeSet::new();
    if kind == Kind::Function {
        // Parameters first (in order), then the other bound names, as cells.
        for n in data.bound.iter() {
            if child_needs.contains(n) && data.owns(n) {
                cells.push(n.clone());
            }
        }
    }
    if kind != Kind::Module {
        for n in data.uses.iter().chain(child_needs.iter()) {
            let local = match kind {
                Kind::Function => data.owns(n),
                _ => data.owns(n) && data.uses.contains(n) && !child_needs.contains(n),
            };
            if !local && !data.globals.contains(n) && env.contains(n) {
                free.insert(n.clone());
            }
        }
        for (n, _) in &data.nonlocals {
            free.insert(n.clone());
        }
    }
    let data = &mut scopes[id];
    data.cells = cells;
    data.free = free.iter().cloned().collect();
    Ok(free)
}

// ----- pass 3 -----

struct Writer<'a> {
    scopes: &'a [Data],
    next: usize,
    stack: Vec<usize>,
}

impl Writer<'_> {
    /// The scope of `name` as seen from the current scope.
    fn scope_of(&self, name: &str) -> Scope {
        let id = *self.stack.last().unwrap_or(&0);
        let d = &self.scopes[id];
        match d.kind {
            Kind::Module => Scope::Global,
            Kind::Function => {
                if d.globals.contains(name) {
                    return Scope::Global;
                }
                if let Some(i) = d.cells.iter().position(|n| &**n == name) {
                    return Scope::Cell(i as u32);
                }
                if let Some(i) = d.free.iter().position(|n| &**n == name) {
                    return Scope::Cell((d.cells.len() + i) as u32);
                }
                if d.owns(name) {
                    return Scope::Local(self.slot(d, name));
                }
                Scope::Global
            }
            Kind::Class => {
                if d.globals.contains(name) {
                    return Scope::Global;
                }
                if !d.owns(name) {
                    if let Some(i) = self.enclosing_cell(name) {
                        return Scope::Cell(i);
                    }
                }
                Scope::ClassBody
            }
        }
    }

    /// For a class body: the cell index of `name` in the enclosing function frame.
    fn enclosing_cell(&self, name: &str) -> Option<u32> {
        let id = *self.stack.last()?;
        let d = &self.scopes[id];
        let i = d.free.iter().position(|n| &**n == name)?;
        // The class body runs with the enclosing function's cells: find it there.
        let parent = self.stack.iter().rev().skip(1).find(|&&p| self.scopes[p].kind != Kind::Class)?;
        let pd = &self.scopes[*parent];
        let _ = i;
        if let Some(c) = pd.cells.iter().position(|n| &**n == name) {
            return Some(c as u32);
        }
        pd.free.iter().position(|n| &**n == name).map(|f| (pd.cells.len() + f) as u32)
    }

    fn slot(&self, d: &Data, name: &str) -> u32 {
        // Parameters first, then other owned, non-cell names in binding order.
        let mut order: Vec<&Rc<str>> = d.params.iter().collect();
        for n in &d.bound {
            if !order.contains(&n) {
                order.push(n);
            }
        }
        order.iter().position(|n| &***n == name).unwrap_or(0) as u32
    }

    fn info(&self, id: usize) -> ScopeInfo {
        let d = &self.scopes[id];
        let mut locals: Vec<Rc<str>> = d.params.clone();
        for n in &d.bound {
            if !locals.contains(n) {
                locals.push(n.clone());
            }
        }
        let cells = d
            .cells
            .iter()
            .map(|n| (n.clone(), d.params.iter().position(|p| p == n).map(|i| i as u32)))
            .collect();
        // Where each free variable lives in the frame that creates this scope.
        let free_from = d.free.iter().map(|n| self.cell_in_creator(n)).collect();
        ScopeInfo { locals, cells, freevars: d.free.clone(), free_from }
    }

    /// The cell index of `name` in the frame where the next scope is created
    /// (the current scope, or for a class body the enclosing function).
    fn cell_in_creator(&self, name: &str) -> u32 {
        for &sid in self.stack.iter().rev() {
            let d = &self.scopes[sid];
            if d.kind == Kind::Class {
                continue;
            }
            if let Some(i) = d.cells.iter().position(|n| &**n == name) {
                return i as u32;
            }
            if let Some(i) = d.free.iter().position(|n| &**n == name) {
                return (d.cells.len() + i) as u32;
            }
            return 0;
        }
        0
    }

    fn enter(&mut self) -> usize {
        let id = self.next;
        self.next += 1;
        id
    }

    fn block(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn name(&self, n: &Name) {
        n.scope.set(self.scope_of(&n.id));
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.expr(t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                self.expr(target);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(annotation);
                if let Some(v) = value {
                    self.expr(v);
                }
                self.expr(target);
            }
            StmtKind::Return(Some(v)) => self.expr(v),
            StmtKind::Return(None) => {}
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.expr(t);
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(iter);
                self.expr(target);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&it.context);
                    if let Some(t) = &it.target {
                        self.expr(t);
                    }
                }
                self.block(body);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    c.pattern.walk(&mut |part| match part {
                        PatternPart::Expr(e) => self.expr(e),
                        PatternPart::Name(n) => self.name(n),
                    });
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.block(&c.body);
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.block(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.name(n);
                    }
                    self.block(&h.body);
                }
                self.block(orelse);
                self.block(finalbody);
            }
            StmtKind::Raise { exc, cause } => {
                for e in [exc, cause].into_iter().flatten() {
                    self.expr(e);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::FunctionDef(def) => {
                for d in &def.decorators {
                    self.expr(d);
                }
                self.defaults(&def.params);
                self.function(def);
            }
            StmtKind::ClassDef(def) => {
                for d in &def.decorators {
                    self.expr(d);
                }
                for b in &def.bases {
                    self.expr(b);
                }
                for (_, k) in &def.keywords {
                    self.expr(k);
                }
                let id = self.enter();
                self.stack.push(id);
                self.block(&def.body);
                self.stack.pop();
            }
            _ => {}
        }
    }

    fn defaults(&mut self, p: &Params) {
        for param in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &param.default {
                self.expr(d);
            }
        }
        for (_, a) in &p.annotations {
            self.expr(a);
        }
    }

    fn function(&mut self, def: &FunctionDef) {
        let id = self.enter();
        *def.scope.borrow_mut() = self.info(id);
        self.stack.push(id);
        self.block(&def.body);
        self.stack.pop();
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.name(n),
            ExprKind::Const(_) => {}
            ExprKind::FString(parts) => self.fparts(parts),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i);
                }
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k);
                    }
                    self.expr(v);
                }
            }
            ExprKind::Starred(v) | ExprKind::Await(v) | ExprKind::UnaryOp { operand: v, .. } => self.expr(v),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p);
                }
            }
            ExprKind::Call { func, args } => {
                self.expr(func);
                for a in args {
                    match a {
                        Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::KwStar(e) => self.expr(e),
                    }
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::Compare { left, ops } => {
                self.expr(left);
                for (_, r) in ops {
                    self.expr(r);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Lambda(def) => {
                self.defaults(&def.params);
                self.function(def);
            }
            ExprKind::Comp { elt, value, generators, scope, .. } => {
                self.expr(&generators[0].iter);
                let id = self.enter();
                *scope.borrow_mut() = self.info(id);
                self.stack.push(id);
                for (i, g) in generators.iter().enumerate() {
                    if i > 0 {
                        self.expr(&g.iter);
                    }
                    self.expr(&g.target);
                    for cond in &g.ifs {
                        self.expr(cond);
                    }
                }
                self.expr(elt);
                if let Some(v) = value {
                    self.expr(v);
                }
                self.stack.pop();
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(v) => self.expr(v),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                self.name(target);
            }
        }
    }

    fn fparts(&mut self, parts: &[FStringPart]) {
        for p in parts {
            if let FStringPart::Field { expr, spec, .. } = p {
                self.expr(expr);
                if let Some(s) = spec {
                    self.fparts(s);
                }
            }
        }
    }
}

/// Binds `name` (a def, class or import statement's name) in frame `f`.
pub fn store_by_name(name: &str, v: Value, f: &Frame) {
    if let Some(def) = &f.def {
        let scope = def.scope.borrow();
        if let Some(i) = scope.cells.iter().position(|(n, _)| &**n == name) {
            *f.cells[i].borrow_mut() = Some(v);
            return;
        }
        if let Some(i) = scope.freevars.iter().position(|n| &**n == name) {
            *f.cells[scope.cells.len() + i].borrow_mut() = Some(v);
            return;
        }
        if let Some(slot) = scope.locals.iter().position(|n| &**n == name) {
            if let Some(s) = f.locals.borrow_mut().get_mut(slot) {
                *s = Some(v);
            }
            return;
        }
    }
    f.module.set(name, v);
}
