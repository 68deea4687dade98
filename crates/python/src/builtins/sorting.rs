//! `sorted()` and `list.sort()`: stable, by `<`, with key and reverse
//! (CPython's algorithm, `timsort.rs`).

use crate::ast::CmpOp;
use crate::interp::call::call_sync;
use crate::interp::{iter, ops};
use crate::native::{take_kw, Kwargs};
use crate::value::Value;
use asyncio_engine::PyResult;

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
    super::timsort::sort(&mut idx, &keys, &less)?;
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

fn less(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Str(x), Value::Str(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => ops::compare(CmpOp::Lt, a, b),
    }
}
