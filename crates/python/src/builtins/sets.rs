//! Set algebra in CPython's order (`Objects/setobject.c`). Which set is
//! copied, which one is iterated and in what order entries are added decide
//! where they land in the table (`settable.rs`), so each operation follows
//! CPython's steps: `a | b` copies `a` and merges `b`; `a & b` walks the
//! smaller set; `a - b` copies `a` when it is over four times `b`'s size;
//! `a ^ b` copies `b` and toggles `a`'s entries in it; `a -= b` sheds the
//! dummies it leaves when they fill more than a quarter of the table.

use std::rc::Rc;

use crate::interp::iter;
use crate::interp::ops::{self, key_eq};
use crate::settable::SetTable;
use crate::value::{SetObj, Value};
use asyncio_engine::PyResult;

/// Runs `f` on `s`'s table taken out of its cell, so that a Python
/// `__eq__` that runs while keys are compared cannot find it borrowed.
fn with<T>(s: &SetObj, f: impl FnOnce(&mut SetTable) -> T) -> T {
    let mut t = std::mem::take(&mut *s.table.borrow_mut());
    let out = f(&mut t);
    *s.table.borrow_mut() = t;
    s.touch();
    out
}

fn entries(s: &SetObj) -> Vec<(Value, u64)> {
    s.table.borrow().entries()
}

fn holds(s: &SetObj, k: &Value, h: u64) -> bool {
    s.table.borrow().contains(k, h, &mut key_eq)
}

fn add_hashed(s: &SetObj, k: Value, h: u64) -> bool {
    with(s, |t| t.insert(k, h, &mut key_eq))
}

fn discard_hashed(s: &SetObj, k: &Value, h: u64) -> bool {
    with(s, |t| t.remove(k, h, &mut key_eq))
}

/// `s.add(k)`.
pub fn add(s: &SetObj, k: Value) -> PyResult<()> {
    let h = ops::hash(&k)?;
    add_hashed(s, k.clone(), h);
    if let Err(e) = ops::key_checked(()) {
        // The comparison failed: the key is not added.
        with(s, |t| t.remove(&k, h, &mut |a, b| a.id() == b.id()));
        return Err(e);
    }
    Ok(())
}

/// `s.discard(k)`: whether it was there.
pub fn discard(s: &SetObj, k: &Value) -> PyResult<bool> {
    let h = ops::hash(k)?;
    let found = discard_hashed(s, k, h);
    ops::key_checked(found)
}

pub fn clear(s: &SetObj) {
    with(s, SetTable::clear);
}

/// `s.pop()`; `None` when empty.
pub fn pop(s: &SetObj) -> Option<Value> {
    with(s, |t| t.pop(&mut key_eq))
}

/// `set_merge`: every entry of `other` into `so`.
fn merge(so: &SetObj, other: &SetObj) {
    if std::ptr::eq(so, other) || other.is_empty() {
        return;
    }
    let pristine = so.table.borrow().pristine();
    if pristine {
        let copy = SetTable::copy_of(&other.table.borrow());
        with(so, |t| t.replace_body(copy));
        return;
    }
    so.table.borrow_mut().presize(other.len());
    for (k, h) in entries(other) {
        add_hashed(so, k, h);
    }
}

/// `set_update_internal`: a set merges, a dict presizes, anything else is
/// iterated and added one by one.
pub fn update(so: &SetObj, src: &Value) -> PyResult<()> {
    match src {
        Value::Set(o) => merge(so, o),
        Value::Dict(d) if d.kind.get() == crate::value::DictKind::Plain => {
            so.table.borrow_mut().presize(d.len());
            for (k, _, h) in d.table.borrow().raw() {
                add_hashed(so, k, h);
            }
        }
        _ => {
            for k in iter::collect(src)? {
                add(so, k)?;
            }
        }
    }
    Ok(())
}

/// `set(src)` / `frozenset(src)`.
pub fn new_from(frozen: bool, src: Option<&Value>) -> PyResult<Rc<SetObj>> {
    let s = SetObj::new(frozen);
    if let Some(src) = src {
        update(&s, src)?;
    }
    Ok(s)
}

/// `s.copy()`, of `s`'s kind.
pub fn copy(s: &Rc<SetObj>) -> Rc<SetObj> {
    let out = SetObj::new(s.frozen);
    merge(&out, s);
    out
}

/// `so & other` / `so.intersection(other)`: of `so`'s kind, walking the
/// smaller of two sets (or `other` in its order).
pub fn intersection(so: &Rc<SetObj>, other: &Value) -> PyResult<Rc<SetObj>> {
    let result = SetObj::new(so.frozen);
    match other {
        Value::Set(o) if Rc::ptr_eq(so, o) => return Ok(copy(so)),
        Value::Set(o) => {
            let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
            for (k, h) in entries(small) {
                if holds(big, &k, h) {
                    add_hashed(&result, k, h);
                }
            }
        }
        _ => {
            for k in iter::collect(other)? {
                let h = ops::hash(&k)?;
                if holds(so, &k, h) {
                    add_hashed(&result, k, h);
                }
            }
        }
    }
    Ok(result)
}

/// `so.intersection(*others)`.
pub fn intersection_multi(so: &Rc<SetObj>, others: &[Value]) -> PyResult<Rc<SetObj>> {
    let mut result = copy_if_none(so, others);
    for o in others {
        result = intersection(&result, o)?;
    }
    Ok(result)
}

/// `so.difference()` and `so.intersection()` with no argument copy `so`;
/// with arguments they start from `so` itself.
fn copy_if_none(so: &Rc<SetObj>, others: &[Value]) -> Rc<SetObj> {
    if others.is_empty() {
        copy(so)
    } else {
        so.clone()
    }
}

/// Makes `so` hold what `result` holds (`set_swap_bodies`).
fn take_body(so: &SetObj, result: &SetObj) {
    let body = std::mem::take(&mut *result.table.borrow_mut());
    with(so, |t| t.replace_body(body));
}

/// `so &= other` / `so.intersection_update(*others)`.
pub fn intersection_update(so: &Rc<SetObj>, others: &[Value]) -> PyResult<()> {
    let result = intersection_multi(so, others)?;
    if !Rc::ptr_eq(so, &result) {
        take_body(so, &result);
    }
    Ok(())
}

/// `so - other`: of `so`'s kind.
pub fn difference(so: &Rc<SetObj>, other: &Value) -> PyResult<Rc<SetObj>> {
    let other_len = match other {
        Value::Set(o) => o.len(),
        Value::Dict(d) if d.kind.get() == crate::value::DictKind::Plain => d.len(),
        _ => usize::MAX,
    };
    if other_len == usize::MAX || so.len() >> 2 > other_len {
        let result = copy(so);
        difference_update(&result, other)?;
        return Ok(result);
    }
    let result = SetObj::new(so.frozen);
    for (k, h) in entries(so) {
        let inside = match other {
            Value::Set(o) => holds(o, &k, h),
            _ => ops::dict_get(other_dict(other), &k)?.is_some(),
        };
        if !inside {
            add_hashed(&result, k, h);
        }
    }
    Ok(result)
}

fn other_dict(v: &Value) -> &crate::value::Dict {
    match v {
        Value::Dict(d) => d,
        _ => unreachable!("difference: a dict was measured"),
    }
}

/// `so.difference(*others)`.
pub fn difference_multi(so: &Rc<SetObj>, others: &[Value]) -> PyResult<Rc<SetObj>> {
    let Some((first, rest)) = others.split_first() else { return Ok(copy(so)) };
    let result = difference(so, first)?;
    for o in rest {
        difference_update(&result, o)?;
    }
    Ok(result)
}

/// `so -= other` / one argument of `so.difference_update(...)`.
pub fn difference_update(so: &Rc<SetObj>, other: &Value) -> PyResult<()> {
    match other {
        Value::Set(o) if Rc::ptr_eq(so, o) => {
            clear(so);
            return Ok(());
        }
        Value::Set(o) => {
            // Against a set over 8 times larger, only the common entries.
            let o = if o.len() >> 3 > so.len() { intersection(so, other)? } else { o.clone() };
            for (k, h) in entries(&o) {
                discard_hashed(so, &k, h);
            }
        }
        _ => {
            for k in iter::collect(other)? {
                discard(so, &k)?;
            }
        }
    }
    so.table.borrow_mut().shed_dummies();
    Ok(())
}

/// `so ^= other` / `so.symmetric_difference_update(other)`.
pub fn symmetric_difference_update(so: &Rc<SetObj>, other: &Value) -> PyResult<()> {
    let toggle = |k: Value, h: u64| {
        if !discard_hashed(so, &k, h) {
            add_hashed(so, k, h);
        }
    };
    match other {
        Value::Set(o) if Rc::ptr_eq(so, o) => clear(so),
        Value::Set(o) => entries(o).into_iter().for_each(|(k, h)| toggle(k, h)),
        Value::Dict(d) if d.kind.get() == crate::value::DictKind::Plain => {
            d.table.borrow().raw().into_iter().for_each(|(k, _, h)| toggle(k, h));
        }
        _ => entries(&*new_from(so.frozen, Some(other))?).into_iter().for_each(|(k, h)| toggle(k, h)),
    }
    Ok(())
}

/// `so ^ other`: a copy of `other` (of `so`'s kind) with `so` toggled in.
pub fn symmetric_difference(so: &Rc<SetObj>, other: &Value) -> PyResult<Rc<SetObj>> {
    let result = new_from(so.frozen, Some(other))?;
    symmetric_difference_update(&result, &Value::Set(so.clone()))?;
    Ok(result)
}

/// `so | others...`: a copy of `so` that each of `others` updates (`so`
/// itself among them is skipped).
pub fn union(so: &Rc<SetObj>, others: &[Value]) -> PyResult<Rc<SetObj>> {
    let result = copy(so);
    for o in others {
        if !matches!(o, Value::Set(o) if Rc::ptr_eq(o, so)) {
            update(&result, o)?;
        }
    }
    Ok(result)
}

/// The binary operators between two sets.
pub fn binop(op: crate::ast::BinOp, x: &Rc<SetObj>, y: &Rc<SetObj>) -> PyResult<Value> {
    use crate::ast::BinOp as B;
    let y = Value::Set(y.clone());
    Ok(Value::Set(match op {
        B::BitOr => union(x, std::slice::from_ref(&y))?,
        B::BitAnd => intersection(x, &y)?,
        B::Sub => difference(x, &y)?,
        _ => symmetric_difference(x, &y)?,
    }))
}

/// `x op= y` on a (mutable) set: `|=`, `&=`, `-=` and `^=` change `x`.
pub fn inplace(op: crate::ast::BinOp, x: &Rc<SetObj>, y: &Value) -> PyResult<()> {
    use crate::ast::BinOp as B;
    match op {
        B::BitOr => update(x, y),
        B::BitAnd => intersection_update(x, std::slice::from_ref(y)),
        B::Sub => difference_update(x, y),
        _ => symmetric_difference_update(x, y),
    }
}
