//! `ExceptionGroup` / `BaseExceptionGroup` instances.

use std::rc::Rc;

use crate::interp::exc::raise;
use crate::interp::{interp, iter};
use crate::object::{Class, Instance};
use crate::value::Value;
use asyncio_engine::PyResult;

/// `ExceptionGroup(message, exceptions)` checks and fills a new instance.
pub fn init_group(inst: &Rc<Instance>, args: &[Value]) -> PyResult<()> {
    let (message, members) = group_args(args)?;
    if let Some(data) = &inst.exc {
        *data.group.borrow_mut() = Some((message, members));
        *data.args.borrow_mut() = args.to_vec();
    }
    Ok(())
}

/// The checked message and members of `BaseExceptionGroup(message, exceptions)`.
fn group_args(args: &[Value]) -> PyResult<(Rc<str>, Vec<Value>)> {
    let [msg, excs] = args else {
        return raise(
            "TypeError",
            format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.len()),
        );
    };
    let Value::Str(m) = msg else {
        return raise(
            "TypeError",
            "argument 1 must be str, not ".to_string() + &crate::interp::text::type_name(msg),
        );
    };
    let members = iter::collect(excs)?;
    if members.is_empty() {
        return raise("ValueError", "second argument (exceptions) must be a non-empty sequence");
    }
    if let Some(i) = members.iter().position(|m| !matches!(m, Value::Instance(i) if i.exc.is_some())) {
        return raise("ValueError", format!("Item {i} of second argument (exceptions) is not an exception"));
    }
    Ok((m.clone(), members))
}

/// The class `BaseExceptionGroup.__new__` makes for class `c`: a
/// BaseExceptionGroup of Exceptions only is an ExceptionGroup, and an
/// Exception group refuses to hold other BaseExceptions.
pub fn group_class(c: &Rc<Class>, args: &[Value]) -> PyResult<Rc<Class>> {
    let (_, members) = group_args(args)?;
    let types = &interp().types;
    let exception = types.exception_named("Exception");
    let nests_base =
        members.iter().any(|m| !matches!(m, Value::Instance(i) if i.class.is_subclass(&exception)));
    let group = types.exception_named("ExceptionGroup");
    if Rc::ptr_eq(c, &types.exception_named("BaseExceptionGroup")) && !nests_base {
        return Ok(group);
    }
    if nests_base && c.is_subclass(&exception) {
        let what =
            if Rc::ptr_eq(c, &group) { "an ExceptionGroup".to_string() } else { format!("'{}'", c.name) };
        return raise("TypeError", format!("Cannot nest BaseExceptions in {what}"));
    }
    Ok(c.clone())
}

/// A new group of `members`: an ExceptionGroup, or a BaseExceptionGroup when
/// any member is not an Exception.
pub fn new_group(message: &str, members: Vec<Value>) -> Rc<Instance> {
    group_with(message, members, Value::list)
}

/// The group `except*` wraps a naked exception in (its members a tuple, as CPython makes it).
pub fn wrap_naked(exc: Rc<Instance>) -> Rc<Instance> {
    group_with("", vec![Value::Instance(exc)], Value::tuple)
}

fn group_with(message: &str, members: Vec<Value>, seq: fn(Vec<Value>) -> Value) -> Rc<Instance> {
    let types = &interp().types;
    let base = members.iter().any(|m| matches!(m, Value::Instance(i) if i.class.base_only));
    let class = types.exception_named(if base { "BaseExceptionGroup" } else { "ExceptionGroup" });
    let inst = Instance::new(class);
    if let Some(data) = &inst.exc {
        *data.group.borrow_mut() = Some((Rc::from(message), members.clone()));
        *data.args.borrow_mut() = vec![Value::str(message), seq(members)];
    }
    inst
}

/// Does member `v` match `cond` (a class, a tuple of classes or a predicate)?
fn cond_matches(v: &Value, cond: &Value) -> PyResult<bool> {
    match cond {
        Value::Class(c) => Ok(crate::interp::attr::isinstance(v, c)),
        Value::Tuple(items) => {
            for c in items.iter() {
                if cond_matches(v, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        f if crate::interp::call::callable(f) => {
            crate::interp::ops::truthy(&crate::interp::call::call_sync(f, vec![v.clone()], vec![])?)
        }
        _ => raise("TypeError", "expected a function, exception type or tuple of exception types"),
    }
}

/// `group.split(cond)`: the matching part and the rest, nested groups kept
/// with their messages, empty parts `None`.
pub fn split(group: &Rc<Instance>, cond: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    let me = Value::Instance(group.clone());
    if cond_matches(&me, cond)? {
        return Ok((Some(me), None));
    }
    split_leaves(group, &mut |m| cond_matches(m, cond))
}

/// Splits a group by a test of its leaves (the exceptions that are not groups).
pub fn split_leaves(
    group: &Rc<Instance>,
    test: &mut dyn FnMut(&Value) -> PyResult<bool>,
) -> PyResult<(Option<Value>, Option<Value>)> {
    let Some((message, members)) = group.exc.as_ref().and_then(|d| d.group.borrow().clone()) else {
        let me = Value::Instance(group.clone());
        return Ok(if test(&me)? { (Some(me), None) } else { (None, Some(me)) });
    };
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for m in members {
        match &m {
            Value::Instance(i) if is_group(i) => {
                let (a, b) = split_leaves(i, test)?;
                yes.extend(a);
                no.extend(b);
            }
            _ if test(&m)? => yes.push(m),
            _ => no.push(m),
        }
    }
    Ok((subset(group, &message, yes)?, subset(group, &message, no)?))
}

/// CPython's `exceptiongroup_subset`: a part of `group` (None when empty),
/// made by the group's `derive` (a subclass's own, else a plain group), with
/// the group's metadata.
fn subset(group: &Rc<Instance>, message: &str, members: Vec<Value>) -> PyResult<Option<Value>> {
    if members.is_empty() {
        return Ok(None);
    }
    let derived = match crate::interp::attr::lookup_user(&group.class, "derive") {
        Some(f @ Value::Function(_)) => {
            let this = Value::Instance(group.clone());
            match crate::interp::call::call_sync(&f, vec![this, Value::list(members)], vec![])? {
                Value::Instance(i) if is_group(&i) => i,
                _ => return raise("TypeError", "derive must return an instance of BaseExceptionGroup"),
            }
        }
        _ => new_group(message, members),
    };
    copy_metadata(group, &derived);
    Ok(Some(Value::Instance(derived)))
}

/// What a part of a split group keeps of the group (CPython's
/// `exceptiongroup_subset`): its traceback, context, cause (which also sets
/// `__suppress_context__`) and a copy of its notes.
fn copy_metadata(from: &Instance, to: &Instance) {
    if let (Some(a), Some(b)) = (&from.exc, &to.exc) {
        *b.context.borrow_mut() = a.context.borrow().clone();
        *b.cause.borrow_mut() = a.cause.borrow().clone();
        b.suppress_context.set(true);
        *b.traceback.borrow_mut() = a.traceback.borrow().clone();
    }
    if let Some(notes) = from.get_attr("__notes__") {
        if let Ok(items) = iter::collect(&notes) {
            to.set_attr("__notes__", Value::list(items));
        }
    }
}

pub fn is_group(inst: &Instance) -> bool {
    inst.exc.as_ref().is_some_and(|d| d.group.borrow().is_some())
}

/// The leaves of an exception (itself when it is not a group).
pub fn leaves(inst: &Rc<Instance>, out: &mut Vec<Rc<Instance>>) {
    match inst.exc.as_ref().and_then(|d| d.group.borrow().clone()) {
        Some((_, members)) => {
            for m in members {
                if let Value::Instance(i) = m {
                    leaves(&i, out);
                }
            }
        }
        None => out.push(inst.clone()),
    }
}

/// The methods of a group instance: `split`, `subgroup`, `derive`.
pub fn method(group: &Rc<Instance>, name: &str) -> Option<Value> {
    let me = group.clone();
    let this = Value::Instance(group.clone());
    Some(match name {
        "split" => crate::object::Builtin::method("split", this, move |args, _| {
            let (a, b) = split(&me, crate::builtins::one("split", &args)?)?;
            Ok(Value::tuple(vec![a.unwrap_or(Value::None), b.unwrap_or(Value::None)]))
        }),
        "subgroup" => crate::object::Builtin::method("subgroup", this, move |args, _| {
            Ok(split(&me, crate::builtins::one("subgroup", &args)?)?.0.unwrap_or(Value::None))
        }),
        "derive" => crate::object::Builtin::method("derive", this, move |args, _| {
            let message = me.exc.as_ref().and_then(|d| d.group.borrow().clone()).map(|g| g.0);
            let members = iter::collect(crate::builtins::one("derive", &args)?)?;
            Ok(Value::Instance(new_group(message.as_deref().unwrap_or(""), members)))
        }),
        _ => return None,
    })
}
