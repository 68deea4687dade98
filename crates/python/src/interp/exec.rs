//! Statements.

use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;

use super::call::{call, call_sync};
use super::eval::{self, eval, eval_top, load_name, store_name, CompSource};
use super::exc::{self, raise};
use super::{attr, interp, iter, ops, text, Frame};
use crate::ast::{BinOp, ExceptHandler, Expr, ExprKind, Stmt, StmtKind, WithItem};
use crate::object::{Attrs, Instance};
use crate::value::Value;
use asyncio_engine::{Exception, PyResult};

/// How a statement ended.
pub enum Flow {
    Normal,
    Return(Value),
    Break,
    Continue,
}

type FlowFut<'a> = Pin<Box<dyn StdFuture<Output = PyResult<Flow>> + 'a>>;

/// Counts a statement against the budgets and records the line being run.
pub fn tick(f: &Frame, line: u32) -> PyResult<()> {
    f.line.set(line);
    crate::native::gen::close_garbage();
    super::finalize::run_pending();
    asyncio_engine::run_finalizers();
    if super::budget::tick() {
        return Ok(());
    }
    let it = interp();
    if let Some(e) = it.stopped.borrow().as_ref() {
        return Err(e.clone());
    }
    Err(crate::host::runaway(&it, &f.name, line))
}

/// Runs a block of statements (a boxed future: a function's body, a
/// module's, a handler's).
pub fn exec_block<'a>(stmts: &'a [Stmt], f: &'a Frame) -> FlowFut<'a> {
    Box::pin(run_block(stmts, f))
}

/// Runs a block of statements: the simple ones in place, the compound ones
/// (which run blocks of their own) through a boxed future. A loop whose
/// body is simple statements (`await q.put(i)`) allocates no future per
/// iteration for it.
async fn run_block(stmts: &[Stmt], f: &Frame) -> PyResult<Flow> {
    for s in stmts {
        tick(f, s.pos.line)?;
        let flow = if is_simple_stmt(s) { exec_simple(s, f).await } else { Box::pin(exec_stmt(s, f)).await };
        match flow {
            Ok(Flow::Normal) => {}
            Ok(flow) => return Ok(flow),
            Err(e) => {
                exc::entered(&e, f);
                return Err(e);
            }
        }
    }
    Ok(Flow::Normal)
}

/// Statements that run no block of their own.
fn is_simple_stmt(s: &Stmt) -> bool {
    matches!(
        s.kind,
        StmtKind::Expr(_)
            | StmtKind::Assign { .. }
            | StmtKind::AugAssign { .. }
            | StmtKind::Pass
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Return(_)
    )
}

/// A statement [`is_simple_stmt`] accepts.
async fn exec_simple(s: &Stmt, f: &Frame) -> PyResult<Flow> {
    match &s.kind {
        StmtKind::Expr(e) => {
            eval_top(e, f).await?;
        }
        StmtKind::Assign { targets, value } => {
            let v = eval_top(value, f).await?;
            for t in targets {
                assign_to(t, v.clone(), f).await?;
            }
        }
        StmtKind::AugAssign { target, op, value } => aug_assign(target, *op, value, f).await?,
        StmtKind::Break => return Ok(Flow::Break),
        StmtKind::Continue => return Ok(Flow::Continue),
        StmtKind::Return(v) => {
            let v = match v {
                Some(e) => eval_top(e, f).await?,
                None => Value::None,
            };
            return Ok(Flow::Return(v));
        }
        _ => {}
    }
    Ok(Flow::Normal)
}

/// A statement (the simple ones by [`exec_simple`]).
async fn exec_stmt(s: &Stmt, f: &Frame) -> PyResult<Flow> {
    match &s.kind {
        StmtKind::AnnAssign { target, annotation, value, simple } => {
            if let Some(v) = value {
                let v = eval(v, f).await?;
                assign(target, v, f).await?;
            }
            if *simple && f.class_ns.is_some() {
                annotate(target, annotation, f).await?;
            }
        }
        StmtKind::Expr(_)
        | StmtKind::Assign { .. }
        | StmtKind::AugAssign { .. }
        | StmtKind::Pass
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Return(_) => return exec_simple(s, f).await,
        StmtKind::Delete(targets) => {
            for t in targets {
                delete(t, f).await?;
            }
        }
        StmtKind::If { test, body, orelse } => {
            let t = ops::truthy(&eval(test, f).await?)?;
            return run_block(if t { body } else { orelse }, f).await;
        }
        StmtKind::While { test, body, orelse } => return exec_while(test, body, orelse, f).await,
        StmtKind::For { target, iter: source, body, orelse, is_async } => {
            return exec_for(target, source, body, orelse, *is_async, f).await
        }
        StmtKind::With { items, body, is_async } => return exec_with(items, body, *is_async, f).await,
        StmtKind::Match { subject, cases } => {
            let v = eval(subject, f).await?;
            if let Some(body) = super::matching::choose(&v, cases, f).await? {
                return run_block(body, f).await;
            }
        }
        StmtKind::Try { body, handlers, orelse, finalbody, is_star } => {
            return exec_try(body, handlers, orelse, finalbody, *is_star, f).await
        }
        StmtKind::Raise { exc: e, cause } => {
            let raised = make_raise(e.as_ref(), cause.as_ref(), f).await?;
            match e {
                // The statement raised it: its span, to the end of its last part.
                Some(x) => exc::raised(&raised, f, s.pos, cause.as_ref().unwrap_or(x).end),
                None => exc::reraised(&raised, f),
            }
            return Err(raised);
        }
        StmtKind::Assert { test, msg } => {
            if !ops::truthy(&eval(test, f).await?)? {
                let args = match msg {
                    Some(m) => vec![eval(m, f).await?],
                    None => vec![],
                };
                let failed = exc::with_args("AssertionError", args);
                // CPython's jump carries the position of a comparison it
                // tests (carets under `total > 0`), the statement's otherwise.
                if matches!(test.kind, ExprKind::Compare { .. }) {
                    exc::locate(&failed, test, f);
                }
                return Err(failed);
            }
        }
        StmtKind::FunctionDef(def) => {
            let mut decorators = Vec::new();
            for d in &def.decorators {
                decorators.push(eval(d, f).await?);
            }
            let evaluated = eval::eval_defaults(def, f).await?;
            let func = eval::make_function(def, f, evaluated)?;
            let func = decorate(&def.decorators, &decorators, func, f).await?;
            store_target_name(&def.binding, func, f);
        }
        StmtKind::ClassDef(def) => {
            let class = super::class::make_class(def, f).await?;
            store_target_name(&def.binding, class, f);
        }
        StmtKind::Import(aliases) => {
            for a in aliases {
                let module = crate::modules::import(&a.name, a.pos)?;
                match &a.asname {
                    Some(n) => store_target_name(n, module, f),
                    None => {
                        let top = a.name.split('.').next().unwrap_or(&a.name);
                        let top_mod = crate::modules::import(top, a.pos)?;
                        store_target_name(top, top_mod, f);
                    }
                }
            }
        }
        StmtKind::ImportFrom { module, names, .. } => {
            let m = crate::modules::import(module, s.pos)?;
            for a in names {
                if &*a.name == "*" {
                    for (name, v) in star_names(&m)? {
                        store_target_name(&name, v, f);
                    }
                    continue;
                }
                let v = match attr::getattr_opt(&m, &a.name)? {
                    Some(v) => v,
                    None => {
                        // CPython names the module's file; its modules in C have none.
                        let builtin = ["itertools", "math", "sys", "time"].contains(&&**module);
                        let at = if builtin { " (unknown location)" } else { "" };
                        return raise(
                            "ImportError",
                            format!("cannot import name '{}' from '{}'{at}", a.name, module),
                        );
                    }
                };
                store_target_name(a.asname.as_ref().unwrap_or(&a.name), v, f);
            }
        }
    }
    Ok(Flow::Normal)
}

/// What `from m import *` binds: the names in `m.__all__`, or else every
/// attribute whose name does not start with `_`, in definition order.
fn star_names(m: &Value) -> PyResult<Vec<(Rc<str>, Value)>> {
    let Some(module) = m.as_native::<crate::modules::ModuleObj>() else { return Ok(Vec::new()) };
    let Some(all) = module.attrs.borrow().get("__all__") else {
        let attrs = module.attrs.borrow();
        return Ok(attrs.0.iter().filter(|(k, _)| !k.starts_with('_')).cloned().collect());
    };
    let mut out = Vec::new();
    for name in super::iter::collect(&all)? {
        let Value::Str(name) = name else {
            let t = super::text::type_name(&name);
            return raise("TypeError", format!("Item in {}.__all__ must be str, not {t}", module.name));
        };
        match attr::getattr_opt(m, &name)? {
            Some(v) => out.push((Rc::from(&*name), v)),
            None => {
                return raise("AttributeError", format!("module '{}' has no attribute '{name}'", module.name))
            }
        }
    }
    Ok(out)
}

/// Binds a name given as text (def, class, import) in the frame's scope.
fn store_target_name(name: &str, v: Value, f: &Frame) {
    if let Some(ns) = &f.class_ns {
        ns.borrow_mut().set(name, v);
        return;
    }
    // Functions resolve their own names: find the slot the resolver gave it.
    crate::scope::store_by_name(name, v, f);
}

async fn annotate(target: &Expr, annotation: &Expr, f: &Frame) -> PyResult<()> {
    let ExprKind::Name(n) = &target.kind else { return Ok(()) };
    let ann = eval(annotation, f).await?;
    let Some(ns) = &f.class_ns else { return Ok(()) };
    let existing = ns.borrow().get("__annotations__");
    let d = match existing {
        Some(Value::Dict(d)) => d,
        _ => {
            let d = crate::value::Dict::new();
            ns.borrow_mut().set("__annotations__", Value::Dict(d.clone()));
            d
        }
    };
    ops::dict_set(&d, Value::Str(n.id.clone()), ann)
}

async fn exec_while(test: &Expr, body: &[Stmt], orelse: &[Stmt], f: &Frame) -> PyResult<Flow> {
    loop {
        if !ops::truthy(&eval(test, f).await?)? {
            return run_block(orelse, f).await;
        }
        match run_block(body, f).await? {
            Flow::Break => return Ok(Flow::Normal),
            Flow::Return(v) => return Ok(Flow::Return(v)),
            Flow::Normal | Flow::Continue => {}
        }
        tick(f, f.line.get())?;
    }
}

async fn exec_for(
    target: &Expr,
    source: &Expr,
    body: &[Stmt],
    orelse: &[Stmt],
    is_async: bool,
    f: &Frame,
) -> PyResult<Flow> {
    let v = eval(source, f).await?;
    let mut items = CompSource::new(&v, is_async)?;
    let line = f.line.get();
    loop {
        f.line.set(line);
        let Some(item) = items.next().await? else {
            return run_block(orelse, f).await;
        };
        assign_to(target, item, f).await?;
        match run_block(body, f).await? {
            Flow::Break => return Ok(Flow::Normal),
            Flow::Return(v) => return Ok(Flow::Return(v)),
            Flow::Normal | Flow::Continue => {}
        }
        tick(f, line)?;
    }
}

/// [`assign`], a plain name without a boxed future.
async fn assign_to(target: &Expr, v: Value, f: &Frame) -> PyResult<()> {
    match &target.kind {
        ExprKind::Name(n) => {
            store_name(n, v, f);
            Ok(())
        }
        _ => assign(target, v, f).await,
    }
}

/// Applies a `def`'s or `class`'s decorators (`values`, of `exprs`) to `v`,
/// the innermost first. One that raises is reported at its own line, under
/// its expression, as CPython reports it.
pub async fn decorate(exprs: &[Expr], values: &[Value], mut v: Value, f: &Frame) -> PyResult<Value> {
    for (e, d) in exprs.iter().zip(values).rev() {
        f.line.set(e.pos.line);
        v = call(d, vec![v], vec![]).await.inspect_err(|err| exc::locate(err, e, f))?;
    }
    Ok(v)
}

/// Assigns to a target expression (names, attributes, subscripts, unpacking).
pub fn assign<'a>(
    target: &'a Expr,
    v: Value,
    f: &'a Frame,
) -> Pin<Box<dyn StdFuture<Output = PyResult<()>> + 'a>> {
    Box::pin(async move {
        match &target.kind {
            ExprKind::Name(n) => {
                store_name(n, v, f);
                Ok(())
            }
            ExprKind::Attribute { value, attr: name } => {
                let obj = eval(value, f).await?;
                attr::setattr(&obj, name, v).inspect_err(|e| exc::locate(e, target, f))
            }
            ExprKind::Subscript { value, index } => {
                let obj = eval(value, f).await?;
                let idx = eval(index, f).await?;
                ops::setitem(&obj, &idx, v).inspect_err(|e| exc::locate(e, target, f))
            }
            ExprKind::Tuple(targets) | ExprKind::List(targets) => {
                unpack(targets, v, f).await.inspect_err(|e| exc::locate(e, target, f))
            }
            ExprKind::Starred(_) => {
                raise("SyntaxError", "starred assignment target must be in a list or tuple")
            }
            _ => raise("SyntaxError", "cannot assign to expression"),
        }
    })
}

async fn unpack(targets: &[Expr], v: Value, f: &Frame) -> PyResult<()> {
    let items = iter::collect(&v).map_err(|e| {
        if e.is("TypeError") && e.message().contains("not iterable") {
            Exception::type_error(format!("cannot unpack non-iterable {} object", text::type_name(&v)))
        } else {
            e
        }
    })?;
    let star = targets.iter().position(|t| matches!(t.kind, ExprKind::Starred(_)));
    match star {
        None => {
            if items.len() < targets.len() {
                return raise(
                    "ValueError",
                    format!("not enough values to unpack (expected {}, got {})", targets.len(), items.len()),
                );
            }
            if items.len() > targets.len() {
                return raise(
                    "ValueError",
                    format!("too many values to unpack (expected {})", targets.len()),
                );
            }
            for (t, item) in targets.iter().zip(items) {
                assign(t, item, f).await?;
            }
        }
        Some(si) => {
            let after = targets.len() - si - 1;
            if items.len() < targets.len() - 1 {
                return raise(
                    "ValueError",
                    format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        targets.len() - 1,
                        items.len()
                    ),
                );
            }
            let mut items = items;
            let tail = items.split_off(items.len() - after);
            let middle = items.split_off(si);
            for (t, item) in targets[..si].iter().zip(items) {
                assign(t, item, f).await?;
            }
            if let ExprKind::Starred(inner) = &targets[si].kind {
                assign(inner, Value::list(middle), f).await?;
            }
            for (t, item) in targets[si + 1..].iter().zip(tail) {
                assign(t, item, f).await?;
            }
        }
    }
    Ok(())
}

async fn delete(t: &Expr, f: &Frame) -> PyResult<()> {
    match &t.kind {
        ExprKind::Name(n) => eval::delete_name(n, f),
        ExprKind::Attribute { value, attr: name } => {
            attr::delattr(&eval(value, f).await?, name).inspect_err(|e| exc::locate(e, t, f))
        }
        ExprKind::Subscript { value, index } => {
            let obj = eval(value, f).await?;
            let idx = eval(index, f).await?;
            ops::delitem(&obj, &idx).inspect_err(|e| exc::locate(e, t, f))
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items {
                Box::pin(delete(i, f)).await?;
            }
            Ok(())
        }
        _ => raise("SyntaxError", "cannot delete expression"),
    }
}

/// `a op= b`: in place for lists, sets and dicts (and `__iop__` methods).
pub fn inplace(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    match (op, a) {
        (BinOp::Add, Value::List(l)) => {
            let items = iter::collect(b)?;
            l.borrow_mut().extend(items);
            return Ok(a.clone());
        }
        (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(s))
            if !s.frozen && matches!(b, Value::Set(_)) =>
        {
            crate::builtins::sets::inplace(op, s, b)?;
            return Ok(a.clone());
        }
        (BinOp::BitOr, Value::Dict(d)) if matches!(b, Value::Dict(_)) => {
            eval::merge_into(d, b)?;
            return Ok(a.clone());
        }
        (_, Value::Object(_)) => {
            if let Some(r) = crate::modules::collections::deque_inplace(op, a, b) {
                return r;
            }
        }
        (_, Value::Instance(_)) => {
            let name = match op {
                BinOp::Add => "__iadd__",
                BinOp::Sub => "__isub__",
                BinOp::Mul => "__imul__",
                BinOp::BitOr => "__ior__",
                _ => "",
            };
            if let Some(m) = attr::lookup_special(a, name) {
                let r = call_sync(&m, vec![b.clone()], vec![])?;
                if !ops::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        _ => {}
    }
    ops::inplace_fallback(op, a, b)
}

async fn aug_assign(target: &Expr, op: BinOp, value: &Expr, f: &Frame) -> PyResult<()> {
    match &target.kind {
        ExprKind::Name(n) => {
            let cur = load_name(n, f)?;
            let rhs = eval_top(value, f).await?;
            store_name(n, inplace(op, &cur, &rhs)?, f);
        }
        ExprKind::Attribute { value: obj, attr: name } => {
            let o = eval(obj, f).await?;
            let cur = attr::getattr(&o, name).inspect_err(|e| exc::locate(e, target, f))?;
            let rhs = eval(value, f).await?;
            attr::setattr(&o, name, inplace(op, &cur, &rhs)?)?;
        }
        ExprKind::Subscript { value: obj, index } => {
            let o = eval(obj, f).await?;
            let i = eval(index, f).await?;
            let cur = ops::getitem(&o, &i).inspect_err(|e| exc::locate(e, target, f))?;
            let rhs = eval(value, f).await?;
            ops::setitem(&o, &i, inplace(op, &cur, &rhs)?)?;
        }
        _ => return raise("SyntaxError", "illegal expression for augmented assignment"),
    }
    Ok(())
}

// ----- with -----

async fn exec_with(items: &[WithItem], body: &[Stmt], is_async: bool, f: &Frame) -> PyResult<Flow> {
    let Some((first, rest)) = items.split_first() else {
        return exec_block(body, f).await;
    };
    let mgr = eval(&first.context, f).await?;
    let entered = enter(&mgr, is_async).await?;
    let line = f.line.get();
    let outcome = async {
        if let Some(t) = &first.target {
            assign(t, entered, f).await?;
        }
        Box::pin(exec_with(rest, body, is_async, f)).await
    }
    .await;
    f.line.set(line);
    match outcome {
        Ok(flow) => {
            exit(&mgr, None, is_async).await?;
            Ok(flow)
        }
        Err(e) => {
            if interp().stopped.borrow().is_some() {
                return Err(e);
            }
            // `__exit__` runs while the exception is being handled: what it
            // raises has it as context, and `sys.exception()` sees it.
            let handled = super::Handled::enter(&e);
            let swallowed = exit(&mgr, Some(&e), is_async).await;
            drop(handled);
            match swallowed {
                Ok(true) => Ok(Flow::Normal),
                Ok(false) => Err(e),
                Err(new) => {
                    set_context(&new, &e);
                    Err(new)
                }
            }
        }
    }
}

pub(crate) async fn enter(mgr: &Value, is_async: bool) -> PyResult<Value> {
    if let Value::Object(o) = mgr {
        let r = if is_async { o.aenter(mgr) } else { o.enter(mgr) };
        if let Some(r) = r {
            let v = r?;
            return if is_async { eval::await_value(v).await } else { Ok(v) };
        }
    }
    let name = if is_async { "__aenter__" } else { "__enter__" };
    let refuse = |missed: &str| {
        raise(
            "TypeError",
            format!(
                "'{}' object does not support the {}context manager protocol{missed}",
                text::type_name(mgr),
                if is_async { "asynchronous " } else { "" }
            ),
        )
    };
    let exit_name = if is_async { "__aexit__" } else { "__exit__" };
    match attr::lookup_special(mgr, name) {
        // Both are looked up before `__enter__` runs (CPython's BEFORE_WITH).
        Some(_) if attr::lookup_special(mgr, exit_name).is_none() => {
            refuse(&format!(" (missed {exit_name} method)"))
        }
        Some(m) => {
            let v = call(&m, vec![], vec![]).await?;
            if is_async {
                eval::await_protocol(v, |ty| {
                    format!("'async with' received an object from __aenter__ that does not implement __await__: {ty}")
                })
                .await
            } else {
                Ok(v)
            }
        }
        None => refuse(""),
    }
}

pub(crate) async fn exit(mgr: &Value, e: Option<&Exception>, is_async: bool) -> PyResult<bool> {
    if let Value::Object(o) = mgr {
        if is_async {
            if let Some(r) = o.aexit(mgr, e) {
                let v = eval::await_value(r?).await?;
                return ops::truthy(&v);
            }
        } else if let Some(r) = o.exit(mgr, e) {
            return r;
        }
    }
    let name = if is_async { "__aexit__" } else { "__exit__" };
    let Some(m) = attr::lookup_special(mgr, name) else {
        return raise("TypeError", format!("'{}' object has no attribute '{name}'", text::type_name(mgr)));
    };
    let args = match e {
        Some(e) => {
            let inst = exc::instance(e);
            vec![Value::Class(inst.class.clone()), Value::Instance(inst), Value::None]
        }
        None => vec![Value::None, Value::None, Value::None],
    };
    let mut v = call(&m, args, vec![]).await?;
    if is_async {
        v = eval::await_protocol(v, |ty| {
            format!("'async with' received an object from __aexit__ that does not implement __await__: {ty}")
        })
        .await?;
    }
    ops::truthy(&v)
}

// ----- try / raise -----

/// Does the exception match an `except` clause's type (a class or a tuple of classes)?
fn exc_matches(e: &Exception, typ: &Value) -> PyResult<bool> {
    match typ {
        Value::Class(c) if c.is_exception => Ok(exc::matches(e, c)),
        Value::Tuple(items) => {
            for t in items.iter() {
                if exc_matches(e, t)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => raise("TypeError", "catching classes that do not inherit from BaseException is not allowed"),
    }
}

async fn exec_try(
    body: &[Stmt],
    handlers: &[ExceptHandler],
    orelse: &[Stmt],
    finalbody: &[Stmt],
    is_star: bool,
    f: &Frame,
) -> PyResult<Flow> {
    let mut outcome = exec_block(body, f).await;
    let stopped = || interp().stopped.borrow().is_some();
    match &outcome {
        Err(e) if !stopped() => {
            let e = e.clone();
            let handled =
                if is_star { handle_star(&e, handlers, f).await } else { handle(&e, handlers, f).await };
            if let Some(r) = handled {
                outcome = r;
            }
        }
        Ok(Flow::Normal) => outcome = exec_block(orelse, f).await,
        _ => {}
    }
    if finalbody.is_empty() || stopped() {
        return outcome;
    }
    let line = f.line.get();
    // A `finally` run by an exception handles it: `sys.exc_info()` sees it
    // and an exception raised there gets it as its `__context__`.
    let propagating = outcome.as_ref().err().cloned();
    let handled = propagating.as_ref().map(|e| {
        f.handling.borrow_mut().push(e.clone());
        super::Handled::enter(e)
    });
    let r = exec_block(finalbody, f).await;
    if let Some(e) = &propagating {
        drop(handled);
        f.handling.borrow_mut().pop();
        if let Err(new) = &r {
            set_context(new, e);
        }
    }
    match r {
        Ok(Flow::Normal) => {
            f.line.set(line);
            outcome
        }
        other => other,
    }
}

/// Runs the first matching handler: `None` if none matched.
async fn handle(e: &Exception, handlers: &[ExceptHandler], f: &Frame) -> Option<PyResult<Flow>> {
    for h in handlers {
        let matched = match &h.typ {
            None => Ok(true),
            Some(t) => match eval(t, f).await {
                Ok(tv) => exc_matches(e, &tv),
                Err(err) => Err(err),
            },
        };
        match matched {
            Err(err) => return Some(Err(err)),
            Ok(false) => continue,
            Ok(true) => return Some(run_handler(e, h, Value::Instance(exc::instance(e)), f).await),
        }
    }
    None
}

async fn run_handler(e: &Exception, h: &ExceptHandler, bound: Value, f: &Frame) -> PyResult<Flow> {
    if let Some(n) = &h.name {
        store_name(n, bound, f);
    }
    f.handling.borrow_mut().push(e.clone());
    let handled = super::Handled::enter(e);
    let r = exec_block(&h.body, f).await;
    drop(handled);
    f.handling.borrow_mut().pop();
    if let Err(new) = &r {
        set_context(new, e);
    }
    if let Some(n) = &h.name {
        let _ = eval::delete_name(n, f);
    }
    r
}

/// `except*`: each handler takes the part of the group it matches (nested
/// groups kept); what the handlers raise and what none matched is raised
/// after them, as CPython's `_PyExc_PrepReraiseStar` combines it.
async fn handle_star(e: &Exception, handlers: &[ExceptHandler], f: &Frame) -> Option<PyResult<Flow>> {
    use crate::builtins::excgroup::{is_group, split};
    let orig = exc::instance(e);
    let naked = !is_group(&orig);
    let mut rest = Some(orig.clone());
    // What each clause raised, then what is left: (exception, derived from `orig`).
    let mut outcomes: Vec<(Rc<Instance>, bool)> = Vec::new();
    for h in handlers {
        let Some(r) = rest.take() else { break };
        let Some(t) = &h.typ else { continue };
        let tv = match eval(t, f).await {
            Ok(v) => v,
            Err(err) => return Some(Err(err)),
        };
        let (matched, left) = if naked {
            match exc_matches(&exc::to_engine(&r), &tv) {
                Ok(true) => (Some(crate::builtins::excgroup::wrap_naked(r)), None),
                Ok(false) => (None, Some(r)),
                Err(err) => return Some(Err(err)),
            }
        } else {
            match split(&r, &tv) {
                Ok((m, l)) => (m.and_then(|v| v.as_instance()), l.and_then(|v| v.as_instance())),
                Err(err) => return Some(Err(err)),
            }
        };
        rest = left;
        let Some(m) = matched else { continue };
        match run_handler(&exc::to_engine(&m), h, Value::Instance(m.clone()), f).await {
            Ok(Flow::Normal) => {}
            Ok(other) => return Some(Ok(other)),
            Err(err) => {
                let raised = exc::instance(&err);
                let derived = Rc::ptr_eq(&raised, &m);
                outcomes.push((raised, derived));
            }
        }
    }
    outcomes.extend(rest.map(|r| (r, true)));
    reraise_star(&orig, naked, outcomes).map(|inst| Err(exc::to_engine(&inst))).or(Some(Ok(Flow::Normal)))
}

/// The exception an `except*` statement ends with, if any: the new ones,
/// and the original group cut down to the leaves re-raised or not handled.
fn reraise_star(
    orig: &Rc<Instance>,
    naked: bool,
    outcomes: Vec<(Rc<Instance>, bool)>,
) -> Option<Rc<Instance>> {
    use crate::builtins::excgroup::{leaves, new_group, split_leaves};
    if naked {
        // One clause at most matched the naked exception.
        return outcomes.into_iter().next().map(|(inst, _)| inst);
    }
    let (derived, mut raised): (Vec<_>, Vec<_>) = outcomes.into_iter().partition(|(_, d)| *d);
    let mut kept = Vec::new();
    derived.iter().for_each(|(inst, _)| leaves(inst, &mut kept));
    let projection = if kept.is_empty() {
        None
    } else {
        let in_kept =
            &mut |v: &Value| Ok(v.as_instance().is_some_and(|i| kept.iter().any(|k| Rc::ptr_eq(k, &i))));
        split_leaves(orig, in_kept).ok().and_then(|(m, _)| m).and_then(|v| v.as_instance())
    };
    if raised.is_empty() {
        return projection;
    }
    raised.extend(projection.map(|p| (p, true)));
    if raised.len() == 1 {
        return raised.pop().map(|(inst, _)| inst);
    }
    Some(new_group("", raised.into_iter().map(|(inst, _)| Value::Instance(inst)).collect()))
}

/// An exception raised while handling `handled` remembers it (`__context__`).
fn set_context(new: &Exception, handled: &Exception) {
    if new.ptr_eq(handled) || new.is_runaway() {
        return;
    }
    let (ni, hi) = (exc::instance(new), exc::instance(handled));
    if Rc::ptr_eq(&ni, &hi) {
        return;
    }
    if let Some(data) = &ni.exc {
        if matches!(*data.context.borrow(), Value::None) {
            *data.context.borrow_mut() = Value::Instance(hi);
        }
    }
}

async fn make_raise(e: Option<&Expr>, cause: Option<&Expr>, f: &Frame) -> PyResult<Exception> {
    let Some(e) = e else {
        return match f.handling.borrow().last() {
            Some(cur) => Ok(cur.clone()),
            None => raise("RuntimeError", "No active exception to reraise"),
        };
    };
    let v = eval(e, f).await?;
    let inst = exception_instance(v).await?;
    if let Some(c) = cause {
        let cv = eval(c, f).await?;
        let cause_val = match cv {
            Value::None => Value::None,
            other => Value::Instance(exception_instance(other).await.map_err(|e| {
                if e.is("TypeError") {
                    exc::with_args(
                        "TypeError",
                        vec![Value::str("exception causes must derive from BaseException")],
                    )
                } else {
                    e
                }
            })?),
        };
        if let Some(data) = &inst.exc {
            *data.cause.borrow_mut() = cause_val;
            data.suppress_context.set(true);
        }
    }
    if let (Some(data), Some(ctx)) = (&inst.exc, f.handling.borrow().last()) {
        let ci = exc::instance(ctx);
        if !Rc::ptr_eq(&ci, &inst) {
            *data.context.borrow_mut() = Value::Instance(ci);
        }
    }
    Ok(exc::to_engine(&inst))
}

/// The instance `raise X` raises: X itself, or X() for a class.
async fn exception_instance(v: Value) -> PyResult<Rc<Instance>> {
    let v = match &v {
        Value::Class(c) if c.is_exception => call(&v, vec![], vec![]).await?,
        _ => v,
    };
    match v {
        Value::Instance(i) if i.exc.is_some() => Ok(i),
        _ => raise("TypeError", "exceptions must derive from BaseException"),
    }
}

/// Runs a class body into a namespace.
pub async fn class_body(
    body: &[Stmt],
    f: &Frame,
    name: Rc<str>,
) -> PyResult<(Attrs, crate::object::OwnerCell)> {
    let mut frame = Frame::new(f.module.clone(), name, 0, f.cells.clone());
    frame.class_ns = Some(std::cell::RefCell::new(Attrs::default()));
    let cell = crate::object::OwnerCell::default();
    frame.owner = Some(cell.clone());
    frame.line.set(f.line.get());
    match exec_block(body, &frame).await? {
        Flow::Normal => {}
        _ => return raise("SyntaxError", "'return' outside function"),
    }
    Ok((frame.class_ns.map(|ns| ns.into_inner()).unwrap_or_default(), cell))
}
