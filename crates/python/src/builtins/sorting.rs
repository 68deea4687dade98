//! `sorted()` and `list.sort()`: stable, by `<`, with key and reverse.

use std::cmp::Ordering;

use crate::ast::CmpOp;
use crate::interp::call::call_sync;
use crate::interp::{iter, ops};
use crate::native::{take_kw, Kwargs};
use crate::value::Value;
use asyncio_engine::{Exception, PyResult};

/// `sorted(iterable, *, key=None, reverse=False)`.
pub fn sorted(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let key = take_kw(&mut kwargs, "key");
    let reverse = take_kw(&mut kwargs, "reverse");
    crate::native::invalid_keywords("sort", &kwargs)?;
    let [source] = args.as_slice() else {
        return crate::interp::exc::raise(
            "TypeError",
            format!("sorted expected 1 argument, got {}", args.len()),
        );
    };
    let mut items = iter::collect(source)?;
    sort(&mut items, key.as_ref(), reverse.as_ref())?;
    Ok(Value::list(items))
}

/// Sorts in place (stable; `reverse` keeps equal items in order, as Python does).
pub fn sort(items: &mut Vec<Value>, key: Option<&Value>, reverse: Option<&Value>) -> PyResult<()> {
    let reverse = match reverse {
        Some(r) => ops::truthy(r)?,
        None => false,
    };
    let keys: Vec<Value> = match key.filter(|k| !matches!(k, Value::None)) {
        Some(f) => items.iter().map(|v| call_sync(f, vec![v.clone()], vec![])).collect::<PyResult<_>>()?,
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    if idx.len() < MIN_MERGE {
        small_sort(&mut idx, &keys)?;
    } else {
        merge_sort(&mut idx, &keys)?;
    }
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

/// CPython's timsort sorts a list shorter than this as one run.
const MIN_MERGE: usize = 64;

/// CPython's timsort on a short list, comparison for comparison: the
/// leading run (strictly descending ones reversed), then binary insertion
/// of the rest. Each comparison is one `<`, so `__lt__`s with side effects
/// and inconsistent orders (NaNs) give CPython's result.
fn small_sort(idx: &mut [usize], keys: &[Value]) -> PyResult<()> {
    let n = idx.len();
    if n < 2 {
        return Ok(());
    }
    let lt = |a: usize, b: usize| less(&keys[a], &keys[b]);
    let mut run = 2;
    if lt(idx[1], idx[0])? {
        while run < n && lt(idx[run], idx[run - 1])? {
            run += 1;
        }
        idx[..run].reverse();
    } else {
        while run < n && !lt(idx[run], idx[run - 1])? {
            run += 1;
        }
    }
    for start in run..n {
        let pivot = idx[start];
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + (r - l) / 2;
            if lt(pivot, idx[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        idx.copy_within(l..start, l + 1);
        idx[l] = pivot;
    }
    Ok(())
}

/// A stable sort of a longer list (its comparisons are not CPython's).
fn merge_sort(idx: &mut [usize], keys: &[Value]) -> PyResult<()> {
    let mut error: Option<Exception> = None;
    idx.sort_by(|&a, &b| {
        if error.is_some() {
            return Ordering::Equal;
        }
        match less(&keys[a], &keys[b]) {
            Ok(true) => Ordering::Less,
            Ok(false) => match less(&keys[b], &keys[a]) {
                Ok(true) => Ordering::Greater,
                Ok(false) => Ordering::Equal,
                Err(e) => {
                    error = Some(e);
                    Ordering::Equal
                }
            },
            Err(e) => {
                error = Some(e);
                Ordering::Equal
            }
        }
    });
    match error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn less(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Str(x), Value::Str(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => ops::compare(CmpOp::Lt, a, b),
    }
}
