//! `functools.total_ordering`: a class defining one of `__lt__`, `__le__`,
//! `__gt__`, `__ge__` (and `__eq__`) gets the other three, derived as
//! CPython's `_convert` table derives them (the root is the first of
//! `__lt__`, `__le__`, `__gt__`, `__ge__` the class defines).

use std::rc::Rc;

use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::ops;
use crate::object::Builtin;
use crate::value::Value;
use asyncio_engine::PyResult;

const ORDER: [&str; 4] = ["__lt__", "__le__", "__gt__", "__ge__"];

/// How a missing method follows from the root's result `r` and `self == other`.
#[derive(Clone, Copy)]
enum Derive {
    /// `not r and self != other`
    NotAndNe,
    /// `r or self == other`
    OrEq,
    /// `not r`
    Not,
    /// `not r or self == other`
    NotOrEq,
    /// `r and self != other`
    AndNe,
}

fn table(root: &str) -> [(&'static str, Derive); 3] {
    use Derive::*;
    match root {
        "__lt__" => [("__gt__", NotAndNe), ("__le__", OrEq), ("__ge__", Not)],
        "__le__" => [("__ge__", NotOrEq), ("__lt__", AndNe), ("__gt__", Not)],
        "__gt__" => [("__lt__", NotAndNe), ("__ge__", OrEq), ("__le__", Not)],
        _ => [("__le__", NotOrEq), ("__gt__", AndNe), ("__lt__", Not)],
    }
}

pub fn total_ordering(args: Vec<Value>, _: Vec<(Rc<str>, Value)>) -> PyResult<Value> {
    let Some(Value::Class(c)) = args.first() else {
        return raise("TypeError", "total_ordering() takes a class");
    };
    let defined: Vec<&str> = ORDER.iter().copied().filter(|op| c.lookup(op).is_some()).collect();
    let Some(&root) = defined.first() else {
        return raise("ValueError", "must define at least one ordering operation: < > <= >=");
    };
    let Some(root_fn) = c.lookup(root) else { return Ok(args[0].clone()) };
    for (name, how) in table(root) {
        if defined.contains(&name) {
            continue;
        }
        let f = root_fn.clone();
        let method = Builtin::new(name, move |a, _| {
            let [me, other] = a.as_slice() else { return raise("TypeError", "expected 1 argument") };
            let r = call_sync(&f, vec![me.clone(), other.clone()], vec![])?;
            if ops::is_not_implemented(&r) {
                return Ok(r);
            }
            let r = ops::truthy(&r)?;
            let equal = || ops::eq(me, other);
            Ok(Value::Bool(match how {
                Derive::NotAndNe => !r && !equal()?,
                Derive::OrEq => r || equal()?,
                Derive::Not => !r,
                Derive::NotOrEq => !r || equal()?,
                Derive::AndNe => r && !equal()?,
            }))
        });
        c.dict.borrow_mut().set(name, method);
    }
    Ok(args[0].clone())
}
