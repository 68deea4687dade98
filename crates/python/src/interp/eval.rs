//! Expressions.
//!
//! [`eval`] is async: a call may run a Python function that suspends (an
//! `await` inside a coroutine run inline, or `asyncio.run` from the top
//! level). Small expressions without calls, awaits or yields take the
//! synchronous path ([`eval_sync`]); the rest recurse through boxed futures.

use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;

use super::call::{call, Kw, Prepared};
use super::exc::{self, raise};
use super::{attr, interp, iter, ops, text, Frame};
use crate::ast::{Arg, BoolOp, CompKind, Comprehension, Const, Expr, ExprKind, FStringPart, Name, Scope};
use crate::bigint::BigInt;
use crate::native::AwaitTarget;
use crate::object::Function;
use crate::value::{Dict, SetObj, Value};
use asyncio_engine::{Exception, PyResult};

pub type EvalFut<'a> = Pin<Box<dyn StdFuture<Output = PyResult<Value>> + 'a>>;

/// True for small expressions that never suspend (checked up to a few nodes).
fn simple(e: &Expr, budget: &mut u32) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Const(_) => true,
        ExprKind::Lambda(def) => {
            let p = &def.params;
            p.posonly
                .iter()
                .chain(&p.args)
                .chain(&p.kwonly)
                .all(|a| a.default.as_ref().is_none_or(|d| simple(d, budget)))
        }
        ExprKind::Attribute { value, .. } => simple(value, budget),
        ExprKind::Subscript { value, index } => simple(value, budget) && simple(index, budget),
        ExprKind::BinOp { left, right, .. } => simple(left, budget) && simple(right, budget),
        ExprKind::UnaryOp { operand, .. } => simple(operand, budget),
        ExprKind::Compare { left, ops } => simple(left, budget) && ops.iter().all(|(_, e)| simple(e, budget)),
        ExprKind::BoolOp { values, .. } => values.iter().all(|e| simple(e, budget)),
        ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
            items.iter().all(|e| simple(e, budget))
        }
        ExprKind::Starred(v) => simple(v, budget),
        ExprKind::IfExp { test, body, orelse } => {
            simple(test, budget) && simple(body, budget) && simple(orelse, budget)
        }
        ExprKind::Slice { lower, upper, step } => {
            [lower, upper, step].iter().all(|p| p.as_ref().is_none_or(|e| simple(e, budget)))
        }
        ExprKind::FString(parts) => parts.iter().all(|p| match p {
            FStringPart::Literal(_) => true,
            FStringPart::Field { expr, spec, .. } => {
                simple(expr, budget)
                    && spec.as_ref().is_none_or(|s| {
                        s.iter().all(|q| match q {
                            FStringPart::Literal(_) => true,
                            FStringPart::Field { expr, .. } => simple(expr, &mut 4),
                        })
                    })
            }
        }),
        ExprKind::Dict(items) => {
            items.iter().all(|(k, v)| k.as_ref().is_none_or(|k| simple(k, budget)) && simple(v, budget))
        }
        _ => false,
    }
}

pub fn is_simple(e: &Expr) -> bool {
    simple(e, &mut 24)
}

/// Evaluates an expression.
pub async fn eval(e: &Expr, f: &Frame) -> PyResult<Value> {
    if is_simple(e) {
        return eval_sync(e, f);
    }
    eval_boxed(e, f).await
}

fn eval_boxed<'a>(e: &'a Expr, f: &'a Frame) -> EvalFut<'a> {
    Box::pin(async move {
        let out = eval_complex(e, f).await;
        if let Err(err) = &out {
            exc::locate(err, e, f);
        }
        out
    })
}

/// Reads a name.
pub fn load_name(n: &Name, f: &Frame) -> PyResult<Value> {
    match n.scope.get() {
        Scope::Local(slot) => match f.locals.borrow().get(slot as usize) {
            Some(Some(v)) => Ok(v.clone()),
            _ => raise(
                "UnboundLocalError",
                format!("cannot access local variable '{}' where it is not associated with a value", n.id),
            ),
        },
        Scope::Cell(i) => match f.cells.get(i as usize).map(|c| c.borrow().clone()) {
            Some(Some(v)) => Ok(v),
            _ => raise(
                "NameError",
                format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", n.id),
            ),
        },
        Scope::ClassBody => {
            if let Some(ns) = &f.class_ns {
                if let Some(v) = ns.borrow().get(&n.id) {
                    return Ok(v);
                }
            }
            load_global(&n.id, f)
        }
        Scope::Global | Scope::Unresolved => {
            // A method's `__class__` is its class body's cell.
            if &*n.id == "__class__" && f.class_ns.is_none() {
                if let Some(c) = f.owner_class() {
                    return Ok(Value::Class(c));
                }
            }
            load_global(&n.id, f)
        }
    }
}

fn load_global(id: &str, f: &Frame) -> PyResult<Value> {
    if let Some(v) = f.module.globals.borrow().get(id) {
        return Ok(v.clone());
    }
    if let Some(v) = interp().builtins.borrow().get(id) {
        return Ok(v.clone());
    }
    Err(exc::name_error(id, f))
}

/// Binds a name.
pub fn store_name(n: &Name, v: Value, f: &Frame) {
    match n.scope.get() {
        Scope::Local(slot) => {
            if let Some(s) = f.locals.borrow_mut().get_mut(slot as usize) {
                *s = Some(v);
            }
        }
        Scope::Cell(i) => {
            if let Some(c) = f.cells.get(i as usize) {
                *c.borrow_mut() = Some(v);
            }
        }
        Scope::ClassBody => {
            if let Some(ns) = &f.class_ns {
                ns.borrow_mut().set(&n.id, v);
            }
        }
        Scope::Global | Scope::Unresolved => f.module.set(&n.id, v),
    }
}

/// Unbinds a name (`del x`).
pub fn delete_name(n: &Name, f: &Frame) -> PyResult<()> {
    let existed = match n.scope.get() {
        Scope::Local(slot) => f.locals.borrow_mut().get_mut(slot as usize).and_then(|s| s.take()).is_some(),
        Scope::Cell(i) => f.cells.get(i as usize).and_then(|c| c.borrow_mut().take()).is_some(),
        Scope::ClassBody => f.class_ns.as_ref().and_then(|ns| ns.borrow_mut().remove(&n.id)).is_some(),
        Scope::Global | Scope::Unresolved => f.module.remove(&n.id),
    };
    if existed {
        Ok(())
    } else {
        Err(exc::name_error(&n.id, f))
    }
}

pub fn constant(c: &Const) -> PyResult<Value> {
    Ok(match c {
        Const::None => Value::None,
        Const::True => Value::Bool(true),
        Const::False => Value::Bool(false),
        Const::Ellipsis => crate::builtins::ellipsis(),
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(digits) => match BigInt::parse(digits) {
            Some(b) => Value::from_big(b),
            None => {
                return raise("ValueError", "Exceeds the limit (4300 digits) for integer string conversion")
            }
        },
        Const::Float(x) => Value::Float(*x),
        Const::Str(s) => Value::Str(s.clone()),
        Const::Bytes(_) => return raise("NotImplementedError", "bytes are not supported in the playground"),
    })
}

/// The synchronous evaluator for expressions that cannot suspend.
pub fn eval_sync(e: &Expr, f: &Frame) -> PyResult<Value> {
    let out = eval_sync_node(e, f);
    if let Err(err) = &out {
        exc::locate(err, e, f);
    }
    out
}

fn eval_sync_node(e: &Expr, f: &Frame) -> PyResult<Value> {
    match &e.kind {
        ExprKind::Name(n) => load_name(n, f),
        ExprKind::Const(c) => constant(c),
        ExprKind::Attribute { value, attr: name } => {
            let v = eval_sync(value, f)?;
            attr::getattr(&v, name)
        }
        ExprKind::Subscript { value, index } => {
            let v = eval_sync(value, f)?;
            let i = eval_sync(index, f)?;
            ops::getitem(&v, &i)
        }
        ExprKind::Slice { lower, upper, step } => {
            let part = |p: &Option<Box<Expr>>| -> PyResult<Value> {
                match p {
                    Some(e) => eval_sync(e, f),
                    None => Ok(Value::None),
                }
            };
            Ok(Value::Slice(Rc::new((part(lower)?, part(upper)?, part(step)?))))
        }
        ExprKind::BinOp { op, left, right } => {
            let a = eval_sync(left, f)?;
            let b = eval_sync(right, f)?;
            ops::binop(*op, &a, &b)
        }
        ExprKind::UnaryOp { op, operand } => ops::unary(*op, &eval_sync(operand, f)?),
        ExprKind::BoolOp { op, values } => {
            let mut last = Value::None;
            for v in values {
                last = eval_sync(v, f)?;
                let t = ops::truthy(&last)?;
                if (*op == BoolOp::And && !t) || (*op == BoolOp::Or && t) {
                    return Ok(last);
                }
            }
            Ok(last)
        }
        ExprKind::Compare { left, ops: cmps } => {
            let mut a = eval_sync(left, f)?;
            for (i, (op, right)) in cmps.iter().enumerate() {
                let b = eval_sync(right, f)?;
                let r = ops::compare_value(*op, &a, &b)?;
                if i + 1 == cmps.len() || !ops::truthy(&r)? {
                    return Ok(r);
                }
                a = b;
            }
            Ok(Value::Bool(true))
        }
        ExprKind::IfExp { test, body, orelse } => {
            if ops::truthy(&eval_sync(test, f)?)? {
                eval_sync(body, f)
            } else {
                eval_sync(orelse, f)
            }
        }
        ExprKind::Tuple(items) => Ok(Value::tuple(sync_items(items, f, true)?)),
        ExprKind::List(items) => Ok(Value::list(sync_items(items, f, true)?)),
        ExprKind::Set(items) => make_set(items, sync_items(items, f, false)?),
        ExprKind::Dict(items) => {
            let d = Dict::new();
            for (k, v) in items {
                let val = eval_sync(v, f)?;
                match k {
                    Some(k) => ops::dict_set(&d, eval_sync(k, f)?, val)?,
                    None => merge_display(&d, &val)?,
                }
            }
            Ok(Value::Dict(d))
        }
        ExprKind::FString(parts) => {
            let mut out = String::new();
            for p in parts {
                fstring_part(p, f, &mut out)?;
            }
            Ok(Value::string(out))
        }
        ExprKind::Lambda(def) => {
            let p = &def.params;
            let mut defaults = Vec::new();
            for a in p.posonly.iter().chain(&p.args) {
                if let Some(d) = &a.default {
                    defaults.push(eval_sync(d, f)?);
                }
            }
            let mut kw = Vec::new();
            for a in &p.kwonly {
                kw.push(match &a.default {
                    Some(d) => Some(eval_sync(d, f)?),
                    None => None,
                });
            }
            make_function(def, f, (defaults, kw, None))
        }
        ExprKind::NamedExpr { target, value } => {
            let v = eval_sync(value, f)?;
            store_name(target, v.clone(), f);
            Ok(v)
        }
        ExprKind::Starred(_) => raise("SyntaxError", "can't use starred expression here"),
        _ => raise("SystemError", "expression needs the async evaluator"),
    }
}

/// A display's items, a starred one's iterable unpacked (`flatten`) or kept whole.
fn sync_items(items: &[Expr], f: &Frame, flatten: bool) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(items.len());
    for e in items {
        if let ExprKind::Starred(inner) = &e.kind {
            let v = eval_sync(inner, f)?;
            if flatten {
                out.extend(iter::collect(&v).map_err(|err| display_star_error(err, &v))?);
            } else {
                out.push(v);
            }
        } else {
            out.push(eval_sync(e, f)?);
        }
    }
    Ok(out)
}

/// A set display, built as CPython builds it (the order of its table
/// follows): more than two constants are folded into a frozenset, which the
/// compiler's constant merging rebuilds from its own order, and that is
/// merged into the new set; otherwise the items are added in order and a
/// starred one's iterable is merged in (`SET_UPDATE`).
fn make_set(items: &[Expr], values: Vec<Value>) -> PyResult<Value> {
    use crate::builtins::sets;
    let s = SetObj::new(false);
    if items.len() > 2 && items.iter().all(folded_constant) {
        let (folded, merged) = (SetObj::new(true), SetObj::new(true));
        for v in values {
            sets::add(&folded, v)?;
        }
        for v in folded.table.borrow().keys() {
            sets::add(&merged, v)?;
        }
        sets::update(&s, &Value::Set(merged))?;
        return Ok(Value::Set(s));
    }
    for (e, v) in items.iter().zip(values) {
        match e.kind {
            ExprKind::Starred(_) => sets::update(&s, &v)?,
            _ => sets::add(&s, v)?,
        }
    }
    Ok(Value::Set(s))
}

/// What CPython's AST optimiser turns into a constant: literals, a sign
/// or `~`/`not` on one, tuples of them.
fn folded_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) => true,
        ExprKind::UnaryOp { operand, .. } => folded_constant(operand),
        ExprKind::Tuple(items) => items.iter().all(folded_constant),
        _ => false,
    }
}

/// `{**v}` in a dict display: CPython's message for any AttributeError of
/// the merge (no `keys`).
fn merge_display(d: &Dict, v: &Value) -> PyResult<()> {
    merge_into(d, v).map_err(|err| match err.is("AttributeError") {
        true => Exception::type_error(format!("'{}' object is not a mapping", text::type_name(v))),
        false => err,
    })
}

/// `*v` in a list or tuple display that is not iterable: CPython's message
/// (a set display's is the plain one).
fn display_star_error(err: Exception, v: &Value) -> Exception {
    if err.is("TypeError") && err.message().contains("is not iterable") {
        return Exception::type_error(format!(
            "Value after * must be an iterable, not {}",
            text::type_name(v)
        ));
    }
    err
}

/// `{**mapping}` into `d`.
pub fn merge_into(d: &Dict, mapping: &Value) -> PyResult<()> {
    match mapping {
        Value::Dict(src) => {
            for (k, v) in src.table.borrow().items() {
                ops::dict_set(d, k, v)?;
            }
            Ok(())
        }
        _ => {
            let keys = attr::getattr(mapping, "keys")?;
            let keys = super::call::call_sync(&keys, vec![], vec![])?;
            for k in iter::collect(&keys)? {
                let v = ops::getitem(mapping, &k)?;
                ops::dict_set(d, k, v)?;
            }
            Ok(())
        }
    }
}

fn fstring_part(p: &FStringPart, f: &Frame, out: &mut String) -> PyResult<()> {
    match p {
        FStringPart::Literal(s) => out.push_str(s),
        FStringPart::Field { expr, conversion, spec, debug_text } => {
            let v = eval_sync(expr, f)?;
            let spec_text = match spec {
                Some(parts) => {
                    let mut s = String::new();
                    for q in parts {
                        fstring_part(q, f, &mut s)?;
                    }
                    s
                }
                None => String::new(),
            };
            format_field(&v, *conversion, &spec_text, debug_text.as_deref(), spec.is_some(), out)?;
        }
    }
    Ok(())
}

fn format_field(
    v: &Value,
    conversion: Option<char>,
    spec: &str,
    debug: Option<&str>,
    has_spec: bool,
    out: &mut String,
) -> PyResult<()> {
    if let Some(d) = debug {
        out.push_str(d);
    }
    let conversion = match (conversion, debug, has_spec) {
        (None, Some(_), false) => Some('r'),
        (c, _, _) => c,
    };
    let converted;
    let v = match conversion {
        Some('r') => {
            converted = Value::string(text::repr(v)?);
            &converted
        }
        Some('a') => {
            converted = Value::string(text::ascii(v)?);
            &converted
        }
        Some('s') => {
            converted = Value::string(text::str(v)?);
            &converted
        }
        _ => v,
    };
    out.push_str(&crate::builtins::strfmt::format_value(v, spec)?);
    Ok(())
}

/// Creates a function object from a `def` or `lambda` (defaults evaluated by the caller).
pub fn make_function(def: &Rc<crate::ast::FunctionDef>, f: &Frame, evaluated: Evaluated) -> PyResult<Value> {
    let (defaults, kw_defaults, annotations) = evaluated;
    let closure = def.scope.borrow().free_from.iter().map(|&i| f.cells[i as usize].clone()).collect();
    Ok(Value::Function(Rc::new(Function {
        def: def.clone(),
        module: f.module.clone(),
        defaults,
        kw_defaults,
        closure,
        name: std::cell::RefCell::new(def.name.clone()),
        qualname: std::cell::RefCell::new(def.qualname.clone()),
        attrs: Default::default(),
        annotations: std::cell::RefCell::new(annotations),
        owner: f.owner.clone(),
        iterable_coroutine: std::cell::Cell::new(false),
    })))
}

/// What a `def` evaluates before it makes the function: the positional and
/// keyword-only parameters' defaults, and its `__annotations__` if it has any.
pub type Evaluated = (Vec<Value>, Vec<Option<Value>>, Option<Value>);

/// Evaluates a function's defaults (positional, keyword-only), then its
/// annotations, in CPython's order.
pub async fn eval_defaults(def: &crate::ast::FunctionDef, f: &Frame) -> PyResult<Evaluated> {
    let mut defaults = Vec::new();
    for p in def.params.posonly.iter().chain(&def.params.args) {
        if let Some(d) = &p.default {
            defaults.push(eval(d, f).await?);
        }
    }
    let mut kw = Vec::new();
    for p in &def.params.kwonly {
        kw.push(match &p.default {
            Some(d) => Some(eval(d, f).await?),
            None => None,
        });
    }
    let mut annotations = None;
    if !def.params.annotations.is_empty() {
        let d = crate::value::Dict::new();
        for (name, a) in &def.params.annotations {
            super::ops::dict_set(&d, Value::Str(name.clone()), eval(a, f).await?)?;
        }
        annotations = Some(Value::Dict(d));
    }
    Ok((defaults, kw, annotations))
}

/// Tells the tracer where the running task may suspend (the page marks that line).
pub fn report_line(f: &Frame) {
    let Ok(lp) = asyncio_engine::get_running_loop() else { return };
    if lp.tracing() {
        if let Some(task) = asyncio_engine::current_task() {
            lp.emit(&asyncio_engine::TraceEvent::TaskLine { task: task.id(), line: f.line.get() });
        }
    }
}

/// An expression a statement evaluates (an expression statement, an
/// assignment's value, a `return`): `await callee(args)` whose callee and
/// positional arguments are simple (`await q.get()`, `await
/// asyncio.sleep(0)`, `await work(i)`), the heart of most loops, is called
/// here without boxed futures of its own; anything else goes to [`eval`].
pub async fn eval_top(e: &Expr, f: &Frame) -> PyResult<Value> {
    if let Some(awaitable) = simple_await_call(e, f) {
        let out = match awaitable {
            Ok(Prepared::Done(v)) => Ok(v),
            // The coroutine runs in the `await`: what it raises is the await's.
            Ok(Prepared::Body(body)) => body.await,
            Err(err) => Err(err),
        };
        let out = match out {
            Ok(v) => {
                report_line(f);
                await_value(v).await
            }
            Err(err) => Err(err),
        };
        if let Err(err) = &out {
            exc::locate(err, e, f);
        }
        return out;
    }
    eval(e, f).await
}

/// For `await callee(args)` with simple parts (see [`eval_top`]): the call,
/// made as [`eval_call`] makes it, in the same order (the callee, then the
/// arguments). `None` for other expressions, before evaluating anything.
fn simple_await_call(e: &Expr, f: &Frame) -> Option<PyResult<Prepared>> {
    let ExprKind::Await(inner) = &e.kind else { return None };
    let ExprKind::Call { func, args } = &inner.kind else { return None };
    let simple_args = args.iter().all(|a| matches!(a, Arg::Pos(x) if is_simple(x)));
    let callee_simple = match &func.kind {
        ExprKind::Attribute { value, .. } => is_simple(value),
        ExprKind::Name(n) => &*n.id != "super",
        _ => false,
    };
    if !simple_args || !callee_simple {
        return None;
    }
    Some((|| {
        let callee = match &func.kind {
            ExprKind::Attribute { value, attr: name } => {
                let obj = eval_sync(value, f)?;
                if let Value::Object(o) = &obj {
                    if o.has_method(name) {
                        let pos = sync_args(args, f)?;
                        let out = o.call_method(&obj, name, pos, vec![])?;
                        return Ok(
                            match out.as_native::<crate::native::suspend::Suspend>().and_then(|s| s.take()) {
                                Some(fut) => Prepared::Body(fut),
                                None => Prepared::Done(out),
                            },
                        );
                    }
                }
                // The method is looked up before the arguments, and fails by itself.
                attr::getattr(&obj, name).inspect_err(|err| exc::locate(err, func, f))?
            }
            _ => eval_sync(func, f)?,
        };
        let prepared = super::call::prepare(&callee, sync_args(args, f)?, vec![]);
        let function = match &callee {
            Value::BoundMethod(m) => &m.func,
            other => other,
        };
        if let (Err(err), Value::Function(_)) = (&prepared, function) {
            // Binding a function's arguments fails in the call itself.
            exc::locate(err, inner, f);
        }
        prepared
    })())
}

/// Simple positional arguments' values.
fn sync_args(args: &[Arg], f: &Frame) -> PyResult<Vec<Value>> {
    args.iter()
        .map(|a| match a {
            Arg::Pos(e) => eval_sync(e, f),
            _ => raise("SystemError", "only simple positional arguments are evaluated here"),
        })
        .collect()
}

/// `await v`.
pub async fn await_value(v: Value) -> PyResult<Value> {
    if crate::modules::asyncio::futures::is_current_task(&v) {
        // `Task.__step` sees itself yielded: the error, as it shows the task
        // then, is thrown in at the next step.
        let shown = text::repr(&v)?;
        asyncio_engine::sleep0().await?;
        return raise("RuntimeError", format!("Task cannot await on itself: {shown}"));
    }
    let target = match &v {
        Value::Object(o) => match o.await_target(&v) {
            Some(t) => {
                if matches!(t, Ok(AwaitTarget::Future(_))) {
                    crate::native::coro::note_awaited(&v);
                }
                t?
            }
            None => match v.as_native::<crate::native::gen::Generator>() {
                Some(g) if g.is_iterable_coroutine() => return drive_await_generator(g).await,
                _ => return not_awaitable(&v),
            },
        },
        Value::Instance(_) => {
            let Some(m) = attr::lookup_special(&v, "__await__") else { return not_awaitable(&v) };
            let it = super::call::call_sync(&m, vec![], vec![])?;
            return Box::pin(await_iterator(it)).await;
        }
        _ => return not_awaitable(&v),
    };
    super::budget::reset();
    let out = match target {
        AwaitTarget::Future(fut) => fut.await,
        AwaitTarget::Coro(body) => body.await,
    };
    super::budget::reset();
    out
}

/// `await` on what an object's `__await__()` returned: it must be an
/// iterator and not a coroutine (CPython's `_PyCoro_GetAwaitableIter`); its
/// values go to the task, or out of a `send()`, as a generator's.
async fn await_iterator(it: Value) -> PyResult<Value> {
    use crate::native::gen::Generator;
    let is_coroutine = it.as_native::<crate::native::coro::Coroutine>().is_some();
    if is_coroutine || it.as_native::<Generator>().is_some_and(Generator::is_iterable_coroutine) {
        return raise("TypeError", "__await__() returned a coroutine");
    }
    if let Some(g) = it.as_native::<Generator>() {
        return drive_await_generator(g).await;
    }
    if let Some(inner) = crate::native::await_iter::wrapped(&it) {
        // `coro.__await__()`, `fut.__await__()`: awaiting what they iterate.
        return await_value(inner).await;
    }
    if !super::iter::is_iterator(&it) {
        return raise(
            "TypeError",
            format!("__await__() returned non-iterator of type '{}'", text::type_name(&it)),
        );
    }
    super::yieldfrom::drive_iterator(it).await
}

/// `await` on an object whose `__await__` is a generator (or on a
/// `types.coroutine` generator). In a task: a bare `yield` gives the loop
/// one turn, another value is thrown back in as the Task's "bad yield"
/// RuntimeError a turn later, a `yield from` of a coroutine or future awaits
/// it. In a coroutine the program drives by hand, every value goes out of
/// its `send()`. The generator's return value is the result.
pub async fn drive_await_generator(g: &crate::native::gen::Generator) -> PyResult<Value> {
    loop {
        let yielded = match std::future::poll_fn(|cx| g.poll_awaited(cx)).await? {
            None => return Ok(g.take_returned()),
            Some(v) => v,
        };
        g.feed(hand_over(yielded).await);
    }
}

/// A value an `__await__` iterator yielded, handed to whoever drives the
/// coroutine: out of its `send()`, or to its task as `Task.__step` takes
/// it (a bare yield is one turn of the loop; a future-like object with
/// `_asyncio_future_blocking` set is waited on; anything else is thrown
/// back in a turn later). What comes back in: the value sent, or the
/// exception thrown.
pub async fn hand_over(yielded: Value) -> PyResult<Value> {
    if let Some(chan) = crate::native::coro::driven_channel() {
        return crate::native::gen::YieldPoint::new(chan, yielded).await;
    }
    if matches!(yielded, Value::None) {
        return asyncio_engine::sleep0().await.map(|()| Value::None);
    }
    if let Some(blocking) = future_blocking(&yielded)? {
        if blocking {
            return wait_future_like(&yielded).await;
        }
        asyncio_engine::sleep0().await?;
        let task = crate::modules::asyncio::current_task_value();
        return raise(
            "RuntimeError",
            format!(
                "yield was used instead of yield from in task {} with {}",
                text::repr(&task)?,
                text::repr(&yielded)?
            ),
        );
    }
    asyncio_engine::sleep0().await?;
    raise("RuntimeError", format!("Task got bad yield: {}", text::repr(&yielded)?))
}

/// `getattr(obj, '_asyncio_future_blocking', None)`, as a bool: None for
/// an object that is not future-like.
fn future_blocking(v: &Value) -> PyResult<Option<bool>> {
    if crate::modules::asyncio::futures::is_future(v) {
        return Ok(Some(false));
    }
    if !matches!(v, Value::Instance(_)) {
        return Ok(None);
    }
    match attr::getattr_opt(v, "_asyncio_future_blocking")? {
        None | Some(Value::None) => Ok(None),
        Some(b) => ops::truthy(&b).map(Some),
    }
}

/// A task waits on a future-like object the program wrote: its
/// `add_done_callback` wakes the task, then its `result()` is what comes
/// back in (None, or what it raises). Cancelled meanwhile, the task cancels it.
async fn wait_future_like(fut: &Value) -> PyResult<Value> {
    attr::setattr(fut, "_asyncio_future_blocking", Value::Bool(false))?;
    let lp = asyncio_engine::get_running_loop()?;
    let woken: asyncio_engine::Future<Value> = lp.create_future();
    let w = woken.clone();
    let wakeup = crate::object::Builtin::new("task_wakeup", move |_, _| {
        if !w.done() {
            w.set_result_stepping(Value::None)?;
        }
        Ok(Value::None)
    });
    // `add_done_callback(self.__wakeup, context=self._context)`.
    let context = crate::modules::contextvars::task_context()?;
    super::call::call_sync(
        &attr::getattr(fut, "add_done_callback")?,
        vec![wakeup],
        vec![(Rc::from("context"), context)],
    )?;
    if let Err(e) = woken.await {
        // CPython's `task.cancel(msg)` calls `fut_waiter.cancel(msg=msg)` at once.
        let msg = if e.message().is_empty() { Value::None } else { Value::str(e.message()) };
        super::call::call_sync(&attr::getattr(fut, "cancel")?, vec![], vec![(Rc::from("msg"), msg)])?;
        return Err(e);
    }
    super::call::call_sync(&attr::getattr(fut, "result")?, vec![], vec![]).map(|_| Value::None)
}

/// `await v` for a protocol that got `v` (`async for`'s `__anext__`, `async
/// with`'s `__aenter__`): a `v` that cannot be awaited is the protocol's
/// TypeError (`refusal` of its type's name), as CPython words it.
pub async fn await_protocol(v: Value, refusal: impl FnOnce(&str) -> String) -> PyResult<Value> {
    let ty = text::type_name(&v);
    match await_value(v).await {
        // Refused before anything ran: only the message changes.
        Err(e)
            if e.is("TypeError")
                && e.message() == format!("object {ty} can't be used in 'await' expression") =>
        {
            raise("TypeError", refusal(&ty))
        }
        r => r,
    }
}

fn not_awaitable<T>(v: &Value) -> PyResult<T> {
    raise("TypeError", format!("object {} can't be used in 'await' expression", text::type_name(v)))
}

/// Evaluates call arguments.
/// `callee` names the function for CPython's "got multiple values" message.
pub async fn eval_args(args: &[Arg], f: &Frame, callee: &dyn Fn() -> String) -> PyResult<(Vec<Value>, Kw)> {
    let mut pos = Vec::with_capacity(args.len());
    let mut kw: Kw = Vec::new();
    // The positional arguments first, then the keywords: `f(a=g(), *h())`
    // calls h before g, as CPython builds the arguments tuple first.
    let positional = |a: &&Arg| matches!(a, Arg::Pos(_) | Arg::Star(_));
    for a in args.iter().filter(positional).chain(args.iter().filter(|a| !positional(a))) {
        match a {
            Arg::Pos(e) => pos.push(eval(e, f).await?),
            Arg::Star(e) => {
                let v = eval(e, f).await?;
                pos.extend(iter::collect(&v).map_err(|err| star_error(err, &v, callee))?);
            }
            Arg::Kw(name, e) => {
                let v = eval(e, f).await?;
                if kw.iter().any(|(k, _)| k == name) {
                    return raise(
                        "TypeError",
                        format!("{} got multiple values for keyword argument '{name}'", callee()),
                    );
                }
                kw.push((name.clone(), v));
            }
            Arg::KwStar(e) => {
                let v = eval(e, f).await?;
                let d = Dict::new();
                merge_into(&d, &v).map_err(|err| {
                    // CPython's message for any AttributeError of the merge (no `keys`).
                    if err.is("AttributeError") {
                        let what = text::type_name(&v);
                        Exception::type_error(format!(
                            "{} argument after ** must be a mapping, not {what}",
                            callee()
                        ))
                    } else {
                        err
                    }
                })?;
                for (k, val) in d.table.borrow().items() {
                    match k {
                        Value::Str(s) => {
                            if kw.iter().any(|(k2, _)| *k2 == s) {
                                return raise(
                                    "TypeError",
                                    format!("{} got multiple values for keyword argument '{s}'", callee()),
                                );
                            }
                            kw.push((s, val));
                        }
                        _ => return raise("TypeError", "keywords must be strings"),
                    }
                }
            }
        }
    }
    Ok((pos, kw))
}

/// A call's `*v` that is not iterable: CPython's message naming the callee.
fn star_error(err: Exception, v: &Value, callee: &dyn Fn() -> String) -> Exception {
    if err.is("TypeError") && err.message().contains("is not iterable") {
        return Exception::type_error(format!(
            "{} argument after * must be an iterable, not {}",
            callee(),
            text::type_name(v)
        ));
    }
    err
}

async fn eval_call(func: &Expr, args: &[Arg], f: &Frame) -> PyResult<Value> {
    if f.module.is_main() {
        crate::native::coro::note_call_line(f.line.get());
    }
    // `super()` needs the frame.
    if let ExprKind::Name(n) = &func.kind {
        if &*n.id == "super" && args.is_empty() && matches!(n.scope.get(), Scope::Global | Scope::Unresolved)
        {
            return crate::builtins::descr::make_super(f);
        }
    }
    // Method calls: skip the bound method object.
    if let ExprKind::Attribute { value, attr: name } = &func.kind {
        let obj = eval(value, f).await?;
        if let Value::Object(o) = &obj {
            if o.has_method(name) {
                let (pos, kw) = eval_args(args, f, &|| format!("{}.{name}()", text::type_name(&obj))).await?;
                let out = o.call_method(&obj, name, pos, kw)?;
                if let Some(s) = out.as_native::<crate::native::suspend::Suspend>() {
                    if let Some(fut) = s.take() {
                        return fut.await;
                    }
                }
                return Ok(out);
            }
        }
        if let Value::Instance(inst) = &obj {
            if !inst.has_attr(name) && !attr::custom_getattribute(&inst.class) {
                if let Some(m @ Value::Function(_)) = inst.class.lookup(name) {
                    let (mut pos, kw) = eval_args(args, f, &|| function_str(&m)).await?;
                    pos.insert(0, obj.clone());
                    super::finalize::run_pending();
                    return finished(call(&m, pos, kw).await);
                }
            }
        }
        // The method is looked up before the arguments, and fails by itself.
        let callee = attr::getattr(&obj, name).inspect_err(|e| exc::locate(e, func, f))?;
        let (pos, kw) = eval_args(args, f, &|| function_str(&callee)).await?;
        super::finalize::run_pending();
        return finished(call(&callee, pos, kw).await);
    }
    let callee = eval(func, f).await?;
    let (pos, kw) = eval_args(args, f, &|| function_str(&callee)).await?;
    super::finalize::run_pending();
    finished(call(&callee, pos, kw).await)
}

/// A call starts or ends: what became garbage meanwhile is finalized
/// (`__del__`) before the program goes on, as reference counting does.
fn finished(r: PyResult<Value>) -> PyResult<Value> {
    super::finalize::run_pending();
    r
}

/// CPython's `_PyObject_FunctionStr`: `__main__.f()`, `__main__.C.m()`, `print()`.
fn function_str(v: &Value) -> String {
    let qualified = |module: &str, qualname: &str| {
        if module == "builtins" {
            format!("{qualname}()")
        } else {
            format!("{module}.{qualname}()")
        }
    };
    match v {
        Value::Function(func) => qualified(&func.module.name, &func.qualname.borrow()),
        Value::BoundMethod(m) => function_str(&m.func),
        Value::Class(c) => qualified(&c.module, &c.qualname),
        Value::Builtin(b) => format!("{}()", b.name),
        other => format!("{}()", text::type_name(other)),
    }
}

// Comprehension scopes are written by the resolver before anything runs and
// only read afterwards, so holding their borrow across an await is safe.
#[allow(clippy::await_holding_refcell_ref)]
async fn eval_complex(e: &Expr, f: &Frame) -> PyResult<Value> {
    match &e.kind {
        ExprKind::Call { func, args } => eval_call(func, args, f).await,
        ExprKind::Await(inner) => {
            // `await obj.method(...)`, the common case: the call runs here,
            // without a boxed future of its own.
            let v = match &inner.kind {
                ExprKind::Call { func, args } => match eval_call(func, args, f).await {
                    Ok(v) => v,
                    Err(err) => {
                        exc::locate(&err, inner, f);
                        return Err(err);
                    }
                },
                _ => eval(inner, f).await?,
            };
            report_line(f);
            await_value(v).await
        }
        ExprKind::Yield(value) => {
            let v = match value {
                Some(e) => eval(e, f).await?,
                None => Value::None,
            };
            let Some(chan) = &f.gen else { return raise("SyntaxError", "'yield' outside function") };
            crate::native::gen::YieldPoint::new(chan.clone(), v).await
        }
        ExprKind::YieldFrom(inner) => {
            let v = eval(inner, f).await?;
            super::yieldfrom::yield_from(v, f).await
        }
        ExprKind::Comp { kind, elt, value, generators, scope } => {
            comprehension(*kind, elt, value.as_deref(), generators, &scope.borrow(), f).await
        }
        ExprKind::Attribute { value, attr: name } => {
            let v = eval(value, f).await?;
            attr::getattr(&v, name)
        }
        ExprKind::Subscript { value, index } => {
            let v = eval(value, f).await?;
            let i = eval(index, f).await?;
            ops::getitem(&v, &i)
        }
        ExprKind::Slice { lower, upper, step } => {
            let mut parts = Vec::new();
            for p in [lower, upper, step] {
                parts.push(match p {
                    Some(e) => eval(e, f).await?,
                    None => Value::None,
                });
            }
            let mut it = parts.into_iter();
            let (a, b, c) =
                (it.next().unwrap_or_default(), it.next().unwrap_or_default(), it.next().unwrap_or_default());
            Ok(Value::Slice(Rc::new((a, b, c))))
        }
        ExprKind::BinOp { op, left, right } => {
            let a = eval(left, f).await?;
            let b = eval(right, f).await?;
            ops::binop(*op, &a, &b)
        }
        ExprKind::UnaryOp { op, operand } => ops::unary(*op, &eval(operand, f).await?),
        ExprKind::BoolOp { op, values } => {
            let mut last = Value::None;
            for v in values {
                last = eval(v, f).await?;
                let t = ops::truthy(&last)?;
                if (*op == BoolOp::And && !t) || (*op == BoolOp::Or && t) {
                    return Ok(last);
                }
            }
            Ok(last)
        }
        ExprKind::Compare { left, ops: cmps } => {
            let mut a = eval(left, f).await?;
            for (i, (op, right)) in cmps.iter().enumerate() {
                let b = eval(right, f).await?;
                let r = ops::compare_value(*op, &a, &b)?;
                if i + 1 == cmps.len() || !ops::truthy(&r)? {
                    return Ok(r);
                }
                a = b;
            }
            Ok(Value::Bool(true))
        }
        ExprKind::IfExp { test, body, orelse } => {
            if ops::truthy(&eval(test, f).await?)? {
                eval(body, f).await
            } else {
                eval(orelse, f).await
            }
        }
        ExprKind::Tuple(items) => Ok(Value::tuple(async_items(items, f, true).await?)),
        ExprKind::List(items) => Ok(Value::list(async_items(items, f, true).await?)),
        ExprKind::Set(items) => make_set(items, async_items(items, f, false).await?),
        ExprKind::Dict(items) => {
            let d = Dict::new();
            for (k, v) in items {
                match k {
                    Some(k) => {
                        let key = eval(k, f).await?;
                        let val = eval(v, f).await?;
                        ops::dict_set(&d, key, val)?;
                    }
                    None => merge_display(&d, &eval(v, f).await?)?,
                }
            }
            Ok(Value::Dict(d))
        }
        ExprKind::FString(parts) => {
            let mut out = String::new();
            for p in parts {
                match p {
                    FStringPart::Literal(s) => out.push_str(s),
                    FStringPart::Field { expr, conversion, spec, debug_text } => {
                        let v = eval(expr, f).await?;
                        let mut spec_text = String::new();
                        if let Some(parts) = spec {
                            for q in parts {
                                match q {
                                    FStringPart::Literal(s) => spec_text.push_str(s),
                                    FStringPart::Field { expr, conversion, .. } => {
                                        let sv = eval(expr, f).await?;
                                        format_field(&sv, *conversion, "", None, false, &mut spec_text)?;
                                    }
                                }
                            }
                        }
                        format_field(
                            &v,
                            *conversion,
                            &spec_text,
                            debug_text.as_deref(),
                            spec.is_some(),
                            &mut out,
                        )?;
                    }
                }
            }
            Ok(Value::string(out))
        }
        ExprKind::NamedExpr { target, value } => {
            let v = eval(value, f).await?;
            store_name(target, v.clone(), f);
            Ok(v)
        }
        ExprKind::Starred(inner) => eval(inner, f).await,
        ExprKind::Lambda(def) => {
            let evaluated = eval_defaults(def, f).await?;
            make_function(def, f, evaluated)
        }
        _ => eval_sync(e, f),
    }
}

async fn async_items(items: &[Expr], f: &Frame, flatten: bool) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(items.len());
    for e in items {
        if let ExprKind::Starred(inner) = &e.kind {
            let v = eval(inner, f).await?;
            if flatten {
                out.extend(iter::collect(&v).map_err(|err| display_star_error(err, &v))?);
            } else {
                out.push(v);
            }
        } else {
            out.push(eval(e, f).await?);
        }
    }
    Ok(out)
}

/// Collects what a comprehension produces.
enum CompOut {
    List(Vec<Value>),
    Set(Rc<SetObj>),
    Dict(Rc<Dict>),
}

async fn comprehension(
    kind: CompKind,
    elt: &Expr,
    value: Option<&Expr>,
    generators: &[Comprehension],
    scope: &crate::ast::ScopeInfo,
    f: &Frame,
) -> PyResult<Value> {
    let first = eval(&generators[0].iter, f).await?;
    if kind == CompKind::Generator {
        return generator_expression(elt, generators, scope, first, f);
    }
    let (mut out, name) = match kind {
        CompKind::List => (CompOut::List(Vec::new()), "<listcomp>"),
        CompKind::Set => (CompOut::Set(SetObj::new(false)), "<setcomp>"),
        _ => (CompOut::Dict(Dict::new()), "<dictcomp>"),
    };
    let frame = Rc::new(comp_frame(scope, f, name));
    let run = comp_loop(0, Some(first), elt, value, generators, &frame, &mut out);
    if let Err(err) = super::frames::Within::new(frame.clone(), run).await {
        // A comprehension runs in a frame of its own, with its own entry.
        exc::entered(&err, &frame);
        return Err(err);
    }
    Ok(match out {
        CompOut::List(v) => Value::list(v),
        CompOut::Set(s) => Value::Set(s),
        CompOut::Dict(d) => Value::Dict(d),
    })
}

fn comp_frame(scope: &crate::ast::ScopeInfo, f: &Frame, name: &str) -> Frame {
    let it = interp();
    let mut cells: Vec<crate::object::CellRef> = scope
        .cells
        .iter()
        .map(|_| {
            let cell = Rc::new(std::cell::RefCell::new(None));
            it.cells.track(&cell);
            cell
        })
        .collect();
    cells.extend(scope.free_from.iter().map(|&i| f.cells[i as usize].clone()));
    let mut frame = Frame::new(f.module.clone(), Rc::from(name), scope.locals.len(), cells);
    frame.line.set(f.line.get());
    frame.owner = f.owner.clone();
    frame
}

fn comp_loop<'a>(
    depth: usize,
    first: Option<Value>,
    elt: &'a Expr,
    value: Option<&'a Expr>,
    gens: &'a [Comprehension],
    f: &'a Frame,
    out: &'a mut CompOut,
) -> Pin<Box<dyn StdFuture<Output = PyResult<()>> + 'a>> {
    Box::pin(async move {
        let g = &gens[depth];
        let iterable = match first {
            Some(v) => v,
            None => eval(&g.iter, f).await?,
        };
        let mut source = CompSource::new(&iterable, g.is_async)?;
        'items: while let Some(item) = source.next().await? {
            super::exec::assign(&g.target, item, f).await?;
            for cond in &g.ifs {
                if !ops::truthy(&eval(cond, f).await?)? {
                    continue 'items;
                }
            }
            if depth + 1 < gens.len() {
                comp_loop(depth + 1, None, elt, value, gens, f, out).await?;
                continue;
            }
            match out {
                CompOut::List(v) => {
                    v.push(eval(elt, f).await?);
                    if v.len() % 4096 == 0 {
                        ops::charge_memory(4096 * 16)?;
                    }
                }
                CompOut::Set(s) => ops::set_add(s, eval(elt, f).await?)?,
                CompOut::Dict(d) => {
                    let k = eval(elt, f).await?;
                    let v = match value {
                        Some(v) => eval(v, f).await?,
                        None => Value::None,
                    };
                    ops::dict_set(d, k, v)?;
                }
            }
        }
        Ok(())
    })
}

/// The items of a `for` or `async for` source.
pub enum CompSource {
    Sync(iter::Iter),
    Async(Value),
}

impl CompSource {
    pub fn new(iterable: &Value, is_async: bool) -> PyResult<CompSource> {
        if is_async {
            Ok(CompSource::Async(aiter(iterable)?))
        } else {
            Ok(CompSource::Sync(iter::iter(iterable)?))
        }
    }
    pub async fn next(&mut self) -> PyResult<Option<Value>> {
        match self {
            CompSource::Sync(it) => it.next(),
            CompSource::Async(ait) => anext(ait).await,
        }
    }
}

/// `aiter(v)`.
pub fn aiter(v: &Value) -> PyResult<Value> {
    aiter_or(v, not_async_iterable)
}

/// [`aiter`], with `refuse`'s error for what has no `__aiter__`.
pub fn aiter_or(v: &Value, refuse: fn(&Value) -> PyResult<Value>) -> PyResult<Value> {
    match v {
        Value::Object(o) => match o.aiter(v) {
            Some(r) => r,
            None => refuse(v),
        },
        Value::Instance(_) => match attr::lookup_special(v, "__aiter__") {
            Some(m) => super::call::call_sync(&m, vec![], vec![]),
            None => refuse(v),
        },
        _ => refuse(v),
    }
}

fn not_async_iterable<T>(v: &Value) -> PyResult<T> {
    raise(
        "TypeError",
        format!("'async for' requires an object with __aiter__ method, got {}", text::type_name(v)),
    )
}

/// `await anext(ait)`, with `Ok(None)` at StopAsyncIteration.
pub async fn anext(ait: &Value) -> PyResult<Option<Value>> {
    let no_anext = || {
        raise(
            "TypeError",
            format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                text::type_name(ait)
            ),
        )
    };
    let awaitable = match ait {
        Value::Object(o) => match o.anext(ait) {
            Some(r) => r?,
            None => return no_anext(),
        },
        _ => match attr::lookup_special(ait, "__anext__") {
            Some(m) => call(&m, vec![], vec![]).await?,
            None => return no_anext(),
        },
    };
    let awaited = await_protocol(awaitable, |ty| {
        format!("'async for' received an invalid object from __anext__: {ty}")
    });
    match awaited.await {
        Ok(v) => Ok(Some(v)),
        Err(e) if super::exc::matches(&e, &interp().types.exception_named("StopAsyncIteration")) => Ok(None),
        Err(e) => Err(e),
    }
}

fn generator_expression(
    elt: &Expr,
    generators: &[Comprehension],
    scope: &crate::ast::ScopeInfo,
    first: Value,
    f: &Frame,
) -> PyResult<Value> {
    let is_async = crate::validate::is_async_comprehension(elt, None, generators);
    // The body borrows the tree: keep the module's tree alive through an Rc
    // held by the running program, and run the loops over raw pointers
    // whose referents outlive every generator (the tree is never freed
    // while the program runs).
    let chan = Rc::new(crate::native::gen::GenChannel::default());
    let mut frame = comp_frame(scope, f, "<genexpr>");
    frame.gen = Some(chan.clone());
    let first_iter = if generators[0].is_async { aiter(&first)? } else { iter::iter_object(&first)? };
    let elt_ptr: *const Expr = elt;
    let gens_ptr: *const [Comprehension] = generators;
    let tree = interp().host.tree.borrow().clone();
    let body = Box::pin(async move {
        let _keep = tree;
        // SAFETY: the tree (module AST) is kept alive by `_keep` for as long as this body exists.
        let (elt, gens) = unsafe { (&*elt_ptr, &*gens_ptr) };
        let frame = Rc::new(frame);
        let run = gen_loop(0, Some(first_iter), elt, gens, &frame);
        if let Err(err) = super::frames::Within::new(frame.clone(), run).await {
            exc::entered(&err, &frame);
            return Err(err);
        }
        Ok(Value::None)
    });
    let qualname = match &f.def {
        Some(def) => format!("{}.<locals>.<genexpr>", def.qualname),
        None => "<genexpr>".to_string(),
    };
    let core = crate::native::gen::GenCore::new(Rc::from("<genexpr>"), Rc::from(qualname), body, chan);
    if is_async {
        return Ok(Value::native(crate::native::gen::AsyncGenerator(Rc::new(core))));
    }
    Ok(Value::native(crate::native::gen::Generator(Rc::new(core))))
}

fn gen_loop<'a>(
    depth: usize,
    first: Option<Value>,
    elt: &'a Expr,
    gens: &'a [Comprehension],
    f: &'a Frame,
) -> Pin<Box<dyn StdFuture<Output = PyResult<()>> + 'a>> {
    Box::pin(async move {
        let g = &gens[depth];
        let iterable = match first {
            Some(v) => v,
            None => eval(&g.iter, f).await?,
        };
        let mut it = match (g.is_async, depth) {
            // The first iterable's async iterator was made outside.
            (true, 0) => CompSource::Async(iterable),
            (true, _) => CompSource::Async(aiter(&iterable)?),
            (false, _) => CompSource::Sync(iter::iter(&iterable)?),
        };
        'items: while let Some(item) = it.next().await? {
            super::exec::assign(&g.target, item, f).await?;
            for cond in &g.ifs {
                if !ops::truthy(&eval(cond, f).await?)? {
                    continue 'items;
                }
            }
            if depth + 1 < gens.len() {
                gen_loop(depth + 1, None, elt, gens, f).await?;
                continue;
            }
            let v = eval(elt, f).await?;
            let chan = f.gen.clone().ok_or_else(|| Exception::runtime_error("generator without channel"))?;
            crate::native::gen::YieldPoint::new(chan, v).await?;
        }
        Ok(())
    })
}
