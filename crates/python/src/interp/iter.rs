//! The iteration protocol: `iter()` and `next()` over every iterable.

use std::rc::Rc;

use super::call::call_sync;
use super::exc::raise;
use super::{attr, ops, text};
use crate::native::iters::IterObj;
use crate::value::{Dict, SetObj, Value};
use asyncio_engine::{Exception, PyResult};

/// An iterator in progress.
pub enum Iter {
    Done,
    List(Rc<crate::value::ListCell>, usize),
    Tuple(Rc<crate::value::Items>, usize),
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    /// A snapshot (strings' characters, a set's or a dict view's items).
    Items(std::vec::IntoIter<Value>),
    /// A dict's keys, values or items, checking that the dict does not
    /// change size (an OrderedDict: that no key is added or removed).
    Dict {
        dict: Rc<Dict>,
        items: std::vec::IntoIter<Value>,
        len: usize,
        version: u64,
    },
    /// A snapshot of a container that must not change while it is iterated
    /// (a deque): `message` when `state` moves from `at`.
    Guarded {
        items: std::vec::IntoIter<Value>,
        state: Rc<std::cell::Cell<u64>>,
        at: u64,
        message: &'static str,
    },
    SetItems {
        set: Rc<SetObj>,
        keys: std::vec::IntoIter<Value>,
        len: usize,
    },
    /// An iterator object (`next()` through [`crate::native::Native::next`] or `__next__`).
    Object(Value),
    Enumerate(Box<Iter>, i64),
    /// `zip(...)`; `strict=True` makes unequal lengths a ValueError.
    Zip(Vec<Iter>, bool),
    Map(Value, Vec<Iter>),
    Filter(Value, Box<Iter>),
    /// The old sequence protocol: `__getitem__(0)`, `__getitem__(1)`, ... until IndexError.
    GetItem(Value, i64),
    /// `reversed()` of a sequence: `__getitem__(len - 1)` down to `__getitem__(0)`.
    GetItemBack(Value, i64),
    /// `iter(callable, sentinel)`: calls until the result equals the sentinel.
    Callable(Value, Value),
}

#[allow(clippy::should_implement_trait)] // fallible: `Iter::next` cannot raise
impl Iter {
    /// Iterates `items` (a snapshot of `dict`'s keys, values or items).
    pub fn over_dict(dict: &Rc<Dict>, items: Vec<Value>) -> Iter {
        Iter::Dict {
            dict: dict.clone(),
            len: dict.len(),
            version: dict.version.get(),
            items: items.into_iter(),
        }
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self) -> PyResult<Option<Value>> {
        if !super::budget::tick() {
            let it = super::interp();
            return Err(crate::host::runaway(&it, "in a loop over an iterable", 0));
        }
        match self {
            Iter::Done => Ok(None),
            Iter::List(l, i) => {
                let v = l.borrow().get(*i).cloned();
                *i += 1;
                Ok(v)
            }
            Iter::Tuple(t, i) => {
                let v = t.get(*i).cloned();
                *i += 1;
                Ok(v)
            }
            Iter::Range { cur, stop, step } => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let v = *cur;
                    *cur = cur.saturating_add(*step);
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            Iter::Items(it) => Ok(it.next()),
            Iter::Dict { dict, items, len, version } => {
                if dict.kind.get() == crate::value::DictKind::Ordered {
                    if dict.version.get() != *version {
                        return raise("RuntimeError", "OrderedDict mutated during iteration");
                    }
                } else if dict.len() != *len {
                    return raise("RuntimeError", "dictionary changed size during iteration");
                }
                Ok(items.next())
            }
            Iter::Guarded { items, state, at, message } => {
                if state.get() != *at {
                    return raise("RuntimeError", *message);
                }
                Ok(items.next())
            }
            Iter::SetItems { set, keys, len } => {
                if set.len() != *len {
                    return raise("RuntimeError", "Set changed size during iteration");
                }
                Ok(keys.next())
            }
            Iter::Object(obj) => next_object(obj),
            Iter::Enumerate(inner, n) => match inner.next()? {
                Some(v) => {
                    let i = *n;
                    *n += 1;
                    Ok(Some(Value::tuple(vec![Value::Int(i), v])))
                }
                None => Ok(None),
            },
            Iter::Zip(its, strict) => {
                let mut out = Vec::with_capacity(its.len());
                for (i, it) in its.iter_mut().enumerate() {
                    match it.next()? {
                        Some(v) => out.push(v),
                        None if *strict && i > 0 => return Err(zip_unequal(i, "shorter")),
                        None if *strict => {
                            for (j, other) in its.iter_mut().enumerate().skip(1) {
                                if other.next()?.is_some() {
                                    return Err(zip_unequal(j, "longer"));
                                }
                            }
                            return Ok(None);
                        }
                        None => return Ok(None),
                    }
                }
                if out.is_empty() {
                    return Ok(None);
                }
                Ok(Some(Value::tuple(out)))
            }
            Iter::Map(f, its) => {
                let mut args = Vec::with_capacity(its.len());
                for it in its.iter_mut() {
                    match it.next()? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                call_sync(f, args, vec![]).map(Some)
            }
            Iter::Filter(f, inner) => loop {
                let Some(v) = inner.next()? else { return Ok(None) };
                let keep = if matches!(f, Value::None) {
                    ops::truthy(&v)?
                } else {
                    ops::truthy(&call_sync(f, vec![v.clone()], vec![])?)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            Iter::Callable(f, sentinel) => {
                let v = call_sync(f, vec![], vec![])?;
                if ops::eq(&v, sentinel)? {
                    *self = Iter::Done;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            Iter::GetItem(..) | Iter::GetItemBack(..) => self.next_item(),
        }
    }

    /// The old sequence protocol's next item, forwards or backwards.
    fn next_item(&mut self) -> PyResult<Option<Value>> {
        let (f, i, step) = match self {
            Iter::GetItem(f, i) => (f.clone(), i, 1),
            Iter::GetItemBack(f, i) => (f.clone(), i, -1),
            _ => return Ok(None),
        };
        if *i < 0 {
            *self = Iter::Done;
            return Ok(None);
        }
        let types = &super::interp().types;
        match call_sync(&f, vec![Value::Int(*i)], vec![]) {
            Ok(v) => {
                *i += step;
                Ok(Some(v))
            }
            Err(e)
                if super::exc::matches(&e, &types.exception_named("IndexError"))
                    || super::exc::matches(&e, &types.exception_named("StopIteration")) =>
            {
                *self = Iter::Done;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// An upper bound of the items left, when cheap to know.
    pub fn size_hint(&self) -> usize {
        match self {
            Iter::List(l, i) => l.borrow().len().saturating_sub(*i),
            Iter::Tuple(t, i) => t.len().saturating_sub(*i),
            Iter::Items(it) => it.len(),
            Iter::Dict { items, .. } | Iter::Guarded { items, .. } => items.len(),
            Iter::SetItems { keys, .. } => keys.len(),
            _ => 0,
        }
    }
}

fn next_object(obj: &Value) -> PyResult<Option<Value>> {
    if let Value::Object(o) = obj {
        if let Some(r) = o.next() {
            return r;
        }
    }
    let Some(f) = attr::lookup_special(obj, "__next__") else {
        return raise("TypeError", format!("'{}' object is not an iterator", text::type_name(obj)));
    };
    match call_sync(&f, vec![], vec![]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if super::exc::matches(&e, &super::interp().types.exception_named("StopIteration")) => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `iter(v)` as a Rust iterator.
pub fn iter(v: &Value) -> PyResult<Iter> {
    Ok(match v {
        Value::List(l) => Iter::List(l.clone(), 0),
        Value::Tuple(t) => Iter::Tuple(t.clone(), 0),
        Value::Range(r) => Iter::Range { cur: r.0, stop: r.1, step: r.2 },
        Value::Str(s) => {
            Iter::Items(s.chars().map(|c| Value::string(c.to_string())).collect::<Vec<_>>().into_iter())
        }
        Value::Dict(d) => Iter::over_dict(d, d.table.borrow().keys()),
        Value::Set(s) => {
            let keys = s.table.borrow().keys();
            Iter::SetItems { set: s.clone(), len: keys.len(), keys: keys.into_iter() }
        }
        Value::Object(o) => match o.iter(v) {
            Some(r) => {
                let it = r?;
                match &it {
                    Value::Object(inner) if std::ptr::addr_eq(Rc::as_ptr(inner), Rc::as_ptr(o)) => {
                        Iter::Object(it)
                    }
                    _ => iter(&it)?,
                }
            }
            None => return not_iterable(v),
        },
        Value::Instance(_) | Value::Class(_) => {
            if let Some(f) = attr::lookup_special(v, "__iter__") {
                let it = call_sync(&f, vec![], vec![])?;
                match &it {
                    _ if it.is(v) => Iter::Object(it),
                    Value::Object(_) => iter(&it)?,
                    _ if attr::lookup_special(&it, "__next__").is_some() => Iter::Object(it),
                    _ => {
                        return raise(
                            "TypeError",
                            format!("iter() returned non-iterator of type '{}'", text::type_name(&it)),
                        )
                    }
                }
            } else if let Some(f) = attr::lookup_special(v, "__getitem__") {
                Iter::GetItem(f, 0)
            } else {
                return not_iterable(v);
            }
        }
        _ => return not_iterable(v),
    })
}

fn not_iterable<T>(v: &Value) -> PyResult<T> {
    raise("TypeError", format!("'{}' object is not iterable", text::type_name(v)))
}

/// `iter(v)` as a Python object.
/// Is `v` an iterator (it has `__next__`; a built-in one is its own `iter()`)?
pub fn is_iterator(v: &Value) -> bool {
    match v {
        Value::Instance(_) => attr::lookup_special(v, "__next__").is_some(),
        Value::Object(o) => matches!(o.iter(v), Some(Ok(it)) if it.id() == v.id()),
        _ => false,
    }
}

pub fn iter_object(v: &Value) -> PyResult<Value> {
    if let Value::Object(o) = v {
        return match o.iter(v) {
            Some(r) => r,
            None => not_iterable(v),
        };
    }
    match iter(v)? {
        Iter::Object(obj) => Ok(obj),
        other => Ok(IterObj::value(other, kind_name(v))),
    }
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::List(_) => "list_iterator",
        Value::Tuple(_) => "tuple_iterator",
        Value::Range(_) => "range_iterator",
        Value::Str(_) => "str_ascii_iterator",
        Value::Dict(_) => "dict_keyiterator",
        Value::Set(_) => "set_iterator",
        _ => "iterator",
    }
}

/// Collects an iterable into a vector (with the memory budget).
pub fn collect(v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => return Ok(l.borrow().clone()),
        Value::Tuple(t) => return Ok(t.to_vec()),
        _ => {}
    }
    let mut it = iter(v)?;
    let mut out = Vec::with_capacity(it.size_hint());
    while let Some(x) = it.next()? {
        out.push(x);
        if out.len() % 4096 == 0 {
            super::ops::charge_memory(4096 * 16)?;
        }
    }
    Ok(out)
}

/// `zip(strict=True)`'s error for argument `i` (0-based) ending early or late.
fn zip_unequal(i: usize, how: &str) -> Exception {
    let before = if i == 1 { "argument 1".to_string() } else { format!("arguments 1-{i}") };
    Exception::value_error(format!("zip() argument {} is {how} than {before}", i + 1))
}
