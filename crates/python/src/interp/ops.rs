//! Operators: arithmetic, comparison, equality, hashing, truth, subscripts.

use std::cmp::Ordering;
use std::rc::Rc;

use super::call::call_sync;
use super::exc::{raise, with_args};
use super::{attr, interp, text};
use crate::ast::{BinOp, CmpOp};
use crate::bigint::BigInt;
use crate::value::{Dict, DictKind, SetObj, Value};
use asyncio_engine::{Exception, PyResult};

/// Counts `bytes` against the memory budget (MemoryError beyond).
pub fn charge_memory(bytes: usize) -> PyResult<()> {
    let it = interp();
    let used = it.memory.get().saturating_add(bytes);
    it.memory.set(used);
    if used > it.budgets.max_memory {
        it.memory.set(0);
        return raise("MemoryError", "");
    }
    Ok(())
}

/// Checks that a container of `n` items of `item` bytes may be built.
pub fn check_size(n: u128, item: u128) -> PyResult<()> {
    let limit = interp().budgets.max_memory as u128;
    if n.saturating_mul(item) > limit {
        return raise("MemoryError", "");
    }
    charge_memory((n * item) as usize)
}

/// Runs `f` one level deeper in the recursion limit, as CPython counts the
/// nesting of containers it compares, hashes or shows: a list nested 100,000
/// deep raises RecursionError (`maximum recursion depth exceeded` + `what`)
/// instead of overflowing the native stack.
pub fn nested<T>(what: &str, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let it = interp();
    let depth = it.depth.get();
    if let Some(e) = it.too_deep(depth, what) {
        return Err(e);
    }
    it.depth.set(depth + 1);
    let out = f();
    it.depth.set(depth);
    out
}

/// `bool(v)`.
pub fn truthy(v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Big(_) => true,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Dict(d) => !d.is_empty(),
        Value::Set(s) => !s.is_empty(),
        Value::Range(r) => range_len(r.0, r.1, r.2) > 0,
        Value::Instance(_) => {
            if let Some(f) = attr::lookup_special(v, "__bool__") {
                return match call_sync(&f, vec![], vec![])? {
                    Value::Bool(b) => Ok(b),
                    other => {
                        let msg =
                            format!("__bool__ should return bool, returned {}", text::type_name(&other));
                        raise("TypeError", msg)
                    }
                };
            }
            if let Some(f) = attr::lookup_special(v, "__len__") {
                return truthy(&checked_len(call_sync(&f, vec![], vec![])?)?);
            }
            true
        }
        Value::Object(o) => o.truthy(),
        _ => true,
    })
}

/// What a user `__len__` returned, checked as `len()` checks it.
pub fn checked_len(n: Value) -> PyResult<Value> {
    let n = match n {
        Value::Int(_) | Value::Big(_) => n,
        Value::Bool(b) => Value::Int(i64::from(b)),
        other => match user_index(&other)? {
            Some(i) => i,
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", text::type_name(&other));
                return raise("TypeError", msg);
            }
        },
    };
    match &n {
        Value::Int(i) if *i < 0 => raise("ValueError", "__len__() should return >= 0"),
        Value::Big(b) if b.is_negative() => raise("ValueError", "__len__() should return >= 0"),
        Value::Big(_) => raise("OverflowError", "cannot fit 'int' into an index-sized integer"),
        _ => Ok(n),
    }
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

fn big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from_i64(*i)),
        Value::Bool(b) => Some(BigInt::from_i64(*b as i64)),
        Value::Big(b) => Some((**b).clone()),
        _ => None,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::Big(_))
}

fn too_big(_: crate::bigint::BigIntError) -> Exception {
    Exception::new("MemoryError", "")
}

fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mul => ("__mul__", "__rmul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
    }
}

/// `a op b`.
pub fn binop(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    binop_as(op, a, b, false)
}

/// `a op= b` once the left operand's in-place method (if any) declined:
/// [`binop`], whose error then names the augmented operator (`+=`).
pub fn inplace_fallback(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    binop_as(op, a, b, true)
}

fn binop_as(op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(v) = small_int_op(op, *x, *y)? {
            return Ok(v);
        }
    }
    if let (Value::Dict(x), Value::Dict(y)) = (a, b) {
        if x.kind.get() == crate::value::DictKind::Counter && y.kind.get() == crate::value::DictKind::Counter
        {
            if let Some(v) = crate::modules::collections::counter_binop(op, x, y)? {
                return Ok(v);
            }
        }
    }
    if let Some(v) = builtin_binop(op, a, b)? {
        return Ok(v);
    }
    if let (Value::Object(_), _) | (_, Value::Object(_)) = (a, b) {
        if let Some(v) = crate::builtins::views::set_op(op, a, b)? {
            return Ok(v);
        }
        if let Some(r) = crate::modules::collections::deque_binop(op, a, b) {
            return r;
        }
    }
    let (name, rname) = dunder(op);
    if let Some(r) = binary_dunders(a, b, name, rname)? {
        return Ok(r);
    }
    // A namedtuple class's own operator methods, then a namedtuple is a
    // tuple for `+`, `*` and `%`.
    use crate::modules::collections::namedtuple_user;
    for (this, method, other) in [(a, name, b), (b, rname, a)] {
        if let Some(r) = namedtuple_user(this, method, vec![other.clone()]) {
            let r = r?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    if let Some((a, b)) = crate::modules::collections::namedtuples_as_tuples(a, b) {
        return binop(op, &a, &b);
    }
    // A sequence repeated by an object with `__index__`.
    if op == BinOp::Mul {
        let seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_));
        if seq(a) {
            if let Some(n) = user_index(b)? {
                return binop_as(op, a, &n, inplace);
            }
        } else if seq(b) {
            if let Some(n) = user_index(a)? {
                return binop_as(op, &n, b, inplace);
            }
        }
    }
    if inplace {
        let (ta, tb) = (text::type_name(a), text::type_name(b));
        // Concatenation and repetition keep their own messages.
        let sequence = matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_));
        if !(sequence && matches!(op, BinOp::Add | BinOp::Mul)) {
            let symbol = op_symbol(op);
            return raise(
                "TypeError",
                format!("unsupported operand type(s) for {symbol}=: '{ta}' and '{tb}'"),
            );
        }
    }
    unsupported(op, a, b)
}

/// `a.name(b)`, then `b.rname(a)` once and only for another type (first
/// when `b`'s class overrides it: CPython's `binary_op1`); `None` when
/// neither is defined or both answer NotImplemented.
pub fn binary_dunders(a: &Value, b: &Value, name: &str, rname: &str) -> PyResult<Option<Value>> {
    let reflected_first = overrides_reflected(a, b, rname);
    if reflected_first {
        if let Some(f) = attr::lookup_special(b, rname) {
            let r = call_sync(&f, vec![a.clone()], vec![])?;
            if !is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    if let Some(f) = attr::lookup_special(a, name) {
        let r = call_sync(&f, vec![b.clone()], vec![])?;
        if !is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    let same_type = Rc::ptr_eq(&attr::type_of(a), &attr::type_of(b));
    if let Some(f) = attr::lookup_special(b, rname).filter(|_| !reflected_first && !same_type) {
        let r = call_sync(&f, vec![a.clone()], vec![])?;
        if !is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// CPython tries the right operand's reflected method first when its class
/// is a proper subclass of the left's that provides a different one.
fn overrides_reflected(a: &Value, b: &Value, rname: &str) -> bool {
    let (Value::Instance(x), Value::Instance(y)) = (a, b) else { return false };
    if Rc::ptr_eq(&x.class, &y.class) || !y.class.is_subclass(&x.class) {
        return false;
    }
    match (y.class.lookup(rname), x.class.lookup(rname)) {
        (Some(mine), Some(theirs)) => !mine.is(&theirs),
        (Some(_), None) => true,
        _ => false,
    }
}

fn unsupported<T>(op: BinOp, a: &Value, b: &Value) -> PyResult<T> {
    let (ta, tb) = (text::type_name(a), text::type_name(b));
    if op == BinOp::Add && matches!(a, Value::Str(_)) {
        return raise("TypeError", format!("can only concatenate str (not \"{tb}\") to str"));
    }
    if op == BinOp::Add && matches!(a, Value::List(_)) {
        return raise("TypeError", format!("can only concatenate list (not \"{tb}\") to list"));
    }
    if op == BinOp::Add && matches!(a, Value::Tuple(_)) {
        return raise("TypeError", format!("can only concatenate tuple (not \"{tb}\") to tuple"));
    }
    if op == BinOp::Mul && matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) {
        return raise("TypeError", format!("can't multiply sequence by non-int of type '{tb}'"));
    }
    raise("TypeError", format!("unsupported operand type(s) for {}: '{ta}' and '{tb}'", op_symbol(op)))
}

pub fn is_not_implemented(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.as_any().is::<crate::builtins::NotImplementedType>())
}

fn small_int_op(op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
    Ok(match op {
        BinOp::Add => x.checked_add(y).map(Value::Int),
        BinOp::Sub => x.checked_sub(y).map(Value::Int),
        BinOp::Mul => x.checked_mul(y).map(Value::Int),
        BinOp::FloorDiv => {
            if y == 0 {
                return raise("ZeroDivisionError", "integer division or modulo by zero");
            }
            x.checked_div_euclid(y).map(|_| Value::Int(floor_div(x, y)))
        }
        BinOp::Mod => {
            if y == 0 {
                return raise("ZeroDivisionError", "integer modulo by zero");
            }
            x.checked_rem(y).map(|_| Value::Int(floor_mod(x, y)))
        }
        BinOp::Div => {
            if y == 0 {
                return raise("ZeroDivisionError", "division by zero");
            }
            Some(Value::Float(int_true_div(x, y)))
        }
        BinOp::BitAnd => Some(Value::Int(x & y)),
        BinOp::BitOr => Some(Value::Int(x | y)),
        BinOp::BitXor => Some(Value::Int(x ^ y)),
        BinOp::LShift => {
            if y < 0 {
                return raise("ValueError", "negative shift count");
            }
            if y < 63 && (x.abs() >> (62 - y)) == 0 {
                Some(Value::Int(x << y))
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return raise("ValueError", "negative shift count");
            }
            Some(Value::Int(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }))
        }
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                }
                Some(Value::Float((x as f64).powf(y as f64)))
            } else {
                u32::try_from(y).ok().and_then(|e| x.checked_pow(e)).map(Value::Int)
            }
        }
        BinOp::MatMul => None,
    })
}

fn floor_div(x: i64, y: i64) -> i64 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

fn floor_mod(x: i64, y: i64) -> i64 {
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

/// `x / y` correctly rounded, as CPython's `long_true_divide` gives it
/// (both operands exact as floats: one IEEE division; else the quotient to
/// 55-56 bits in integers, rounded half-even with the remainder as sticky bit).
fn int_true_div(x: i64, y: i64) -> f64 {
    const EXACT: u64 = 1 << 53;
    if x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT {
        return x as f64 / y as f64;
    }
    let (a, b) = (u128::from(x.unsigned_abs()), u128::from(y.unsigned_abs()));
    let negative = (x < 0) != (y < 0);
    if a == 0 {
        return if negative { -0.0 } else { 0.0 };
    }
    let bits = |v: u128| 128 - v.leading_zeros() as i32;
    // Scale so that the quotient has 55 or 56 bits (no overflow: a, b < 2**64).
    let shift = 55 - (bits(a) - bits(b));
    let (num, den) = if shift >= 0 { (a << shift, b) } else { (a, b << -shift) };
    let (mut q, r) = (num / den, num % den);
    let extra = bits(q) - 53;
    let low = q & ((1 << extra) - 1);
    q >>= extra;
    let half = 1 << (extra - 1);
    if low > half || (low == half && (r != 0 || q & 1 == 1)) {
        q += 1;
    }
    let magnitude = q as f64 * 2f64.powi(extra - shift);
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

fn builtin_binop(op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match op {
            BinOp::BitAnd => return Ok(Some(Value::Bool(x & y))),
            BinOp::BitOr => return Ok(Some(Value::Bool(x | y))),
            BinOp::BitXor => return Ok(Some(Value::Bool(x ^ y))),
            _ => {}
        }
    }
    if op == BinOp::BitOr {
        if let Some(u) = crate::builtins::union::union(a, b) {
            return Ok(Some(u));
        }
    }
    if is_int(a) && is_int(b) {
        return int_op(op, a, b).map(Some);
    }
    if let (Some(x), Some(y)) = (num_f64(a)?, num_f64(b)?) {
        return float_op(op, x, y);
    }
    match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            charge_memory(x.len() + y.len())?;
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(Some(Value::string(s)))
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            charge_memory(v.len() * 16)?;
            Ok(Some(Value::list(v)))
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            charge_memory((x.len() + y.len()) * 16)?;
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            Ok(Some(Value::tuple(v)))
        }
        (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_), n) if is_int(n) => {
            repeat(a, n).map(Some)
        }
        (BinOp::Mul, n, Value::Str(_) | Value::List(_) | Value::Tuple(_)) if is_int(n) => {
            repeat(b, n).map(Some)
        }
        (BinOp::Mod, Value::Str(s), args) => {
            match crate::modules::collections::namedtuples_as_tuples(a, args) {
                Some((_, tuple)) => crate::builtins::strfmt::percent(s, &tuple).map(Some),
                None => crate::builtins::strfmt::percent(s, args).map(Some),
            }
        }
        (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(x), Value::Set(y)) => {
            crate::builtins::sets::binop(op, x, y).map(Some)
        }
        (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
            let d = Dict::new();
            // OrderedDict's `__or__` and `__ror__` make an OrderedDict.
            if x.kind.get() == DictKind::Ordered || y.kind.get() == DictKind::Ordered {
                d.kind.set(DictKind::Ordered);
            }
            // A defaultdict's `__or__` and `__ror__` keep its factory.
            let factory = x.default_factory.borrow().clone().or_else(|| y.default_factory.borrow().clone());
            *d.default_factory.borrow_mut() = factory;
            for (k, v) in x.table.borrow().items().into_iter().chain(y.table.borrow().items()) {
                dict_set(&d, k, v)?;
            }
            Ok(Some(Value::Dict(d)))
        }
        _ => Ok(None),
    }
}

fn num_f64(v: &Value) -> PyResult<Option<f64>> {
    Ok(match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Big(b) => match b.to_f64() {
            Some(f) => Some(f),
            None => return raise("OverflowError", "int too large to convert to float"),
        },
        _ => None,
    })
}

fn repeat(seq: &Value, n: &Value) -> PyResult<Value> {
    let n = match n {
        Value::Int(i) => (*i).max(0) as u128,
        Value::Bool(b) => *b as u128,
        _ => return raise("OverflowError", "cannot fit 'int' into an index-sized integer"),
    };
    match seq {
        Value::Str(s) => {
            check_size(n, s.len() as u128)?;
            Ok(Value::string(s.repeat(n as usize)))
        }
        Value::List(l) => {
            let items = l.borrow().clone();
            check_size(n, items.len() as u128 * 16)?;
            let mut out = Vec::with_capacity(items.len() * n as usize);
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            Ok(Value::list(out))
        }
        Value::Tuple(t) => {
            check_size(n, t.len() as u128 * 16)?;
            let mut out = Vec::with_capacity(t.len() * n as usize);
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            Ok(Value::tuple(out))
        }
        _ => unsupported(BinOp::Mul, seq, &Value::Int(n as i64)),
    }
}

fn int_op(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (big(a), big(b)) else { return unsupported(op, a, b) };
    if let (Some(xs), Some(ys)) = (x.to_i64(), y.to_i64()) {
        if let Some(v) = small_int_op(op, xs, ys)? {
            return Ok(v);
        }
    }
    Ok(match op {
        BinOp::Add => Value::from_big(x.add(&y)),
        BinOp::Sub => Value::from_big(x.sub(&y)),
        BinOp::Mul => Value::from_big(x.mul(&y).map_err(too_big)?),
        BinOp::FloorDiv | BinOp::Mod => {
            let Some((q, r)) = x.checked_divmod(&y) else {
                let msg = if op == BinOp::Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                };
                return raise("ZeroDivisionError", msg);
            };
            Value::from_big(if op == BinOp::Mod { r } else { q })
        }
        BinOp::Div => {
            if y.is_zero() {
                return raise("ZeroDivisionError", "division by zero");
            }
            match x.true_div(&y) {
                Some(q) => Value::Float(q),
                None => return raise("OverflowError", "integer division result too large for a float"),
            }
        }
        BinOp::Pow => {
            if y.is_negative() {
                return float_op(
                    op,
                    x.to_f64().unwrap_or(f64::INFINITY),
                    y.to_f64().unwrap_or(f64::NEG_INFINITY),
                )
                .map(|v| v.unwrap_or(Value::Float(0.0)));
            }
            let Some(e) = y.to_i64() else { return raise("MemoryError", "") };
            Value::from_big(x.pow(e as u64).map_err(too_big)?)
        }
        BinOp::LShift => {
            let Some(s) = y.to_i64() else { return raise("MemoryError", "") };
            if s < 0 {
                return raise("ValueError", "negative shift count");
            }
            Value::from_big(x.shl(s as u64).map_err(too_big)?)
        }
        BinOp::RShift => {
            let s = y.to_i64().unwrap_or(i64::MAX);
            if s < 0 {
                return raise("ValueError", "negative shift count");
            }
            Value::from_big(x.shr(s as u64))
        }
        BinOp::BitAnd => Value::from_big(x.bitand(&y)),
        BinOp::BitOr => Value::from_big(x.bitor(&y)),
        BinOp::BitXor => Value::from_big(x.bitxor(&y)),
        BinOp::MatMul => return unsupported(op, a, b),
    })
}

fn float_op(op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
    Ok(Some(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return raise("ZeroDivisionError", "float division by zero");
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return raise("ZeroDivisionError", "float floor division by zero");
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return raise("ZeroDivisionError", "float modulo");
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
            }
            if x < 0.0 && y.fract() != 0.0 {
                return raise("ValueError", "complex numbers are not supported in the playground");
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return raise("OverflowError", "(34, 'Numerical result out of range')");
            }
            r
        }
        _ => return Ok(None),
    })))
}

/// Python's float divmod (floor division and a modulo with the divisor's sign).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `-v`, `+v`, `~v`, `not v`.
pub fn unary(op: crate::ast::UnaryOp, v: &Value) -> PyResult<Value> {
    use crate::ast::UnaryOp as U;
    Ok(match (op, v) {
        (U::Not, _) => Value::Bool(!truthy(v)?),
        (U::Neg, Value::Int(i)) => match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_big(BigInt::from_i64(*i).neg()),
        },
        (U::Neg, Value::Bool(b)) => Value::Int(-(*b as i64)),
        (U::Neg, Value::Big(b)) => Value::from_big(b.neg()),
        (U::Neg, Value::Float(f)) => Value::Float(-f),
        (U::Pos, Value::Int(_) | Value::Float(_) | Value::Big(_)) => v.clone(),
        (U::Pos, Value::Bool(b)) => Value::Int(*b as i64),
        (U::Invert, Value::Int(i)) => Value::Int(!i),
        (U::Invert, Value::Bool(b)) => Value::Int(!(*b as i64)),
        (U::Invert, Value::Big(b)) => Value::from_big(b.neg().sub(&BigInt::from_i64(1))),
        (U::Pos | U::Neg, Value::Dict(d)) if d.kind.get() == DictKind::Counter => {
            return crate::modules::collections::counter_unary(op == U::Neg, d);
        }
        _ => {
            let (name, sym) = match op {
                U::Neg => ("__neg__", "-"),
                U::Pos => ("__pos__", "+"),
                _ => ("__invert__", "~"),
            };
            if let Some(f) = attr::lookup_special(v, name) {
                return call_sync(&f, vec![], vec![]);
            }
            return raise("TypeError", format!("bad operand type for unary {sym}: '{}'", text::type_name(v)));
        }
    })
}

/// `a == b`.
pub fn eq(a: &Value, b: &Value) -> PyResult<bool> {
    use crate::modules::collections::namedtuple_user;
    use Value::*;
    let user = namedtuple_user(a, "__eq__", vec![b.clone()])
        .or_else(|| namedtuple_user(b, "__eq__", vec![a.clone()]));
    if let Some(r) = user {
        return truthy(&r?);
    }
    if let Some((a, b)) = crate::modules::collections::namedtuples_as_tuples(a, b) {
        return eq(&a, &b);
    }
    Ok(match (a, b) {
        (None, None) => true,
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Int(_) | Bool(_) | Big(_), Int(_) | Bool(_) | Big(_)) => big(a) == big(b),
        (Float(x), Float(y)) => x == y,
        (Float(x), Int(_) | Bool(_) | Big(_)) => float_int_cmp(*x, b) == Some(Ordering::Equal),
        (Int(_) | Bool(_) | Big(_), Float(y)) => float_int_cmp(*y, a) == Some(Ordering::Equal),
        (Tuple(x), Tuple(y)) => nested(IN_COMPARISON, || seq_eq(x, y))?,
        (List(x), List(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            nested(IN_COMPARISON, || seq_eq(&x, &y))?
        }
        (Dict(x), Dict(y)) if x.kind.get() == DictKind::Counter || y.kind.get() == DictKind::Counter => {
            // Counters: a missing element counts as zero.
            let zero_if_missing = |d: &crate::value::Dict, k: &Value| -> PyResult<Value> {
                Ok(dict_get(d, k)?.unwrap_or(Value::Int(0)))
            };
            let keys: Vec<Value> =
                x.table.borrow().keys().into_iter().chain(y.table.borrow().keys()).collect();
            nested(IN_COMPARISON, || {
                for k in &keys {
                    if !eq(&zero_if_missing(x, k)?, &zero_if_missing(y, k)?)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            })?
        }
        (Dict(x), Dict(y)) => {
            if x.len() != y.len() {
                return Ok(false);
            }
            // Two OrderedDicts are equal only in the same order.
            if x.kind.get() == DictKind::Ordered && y.kind.get() == DictKind::Ordered {
                let (kx, ky) = (x.table.borrow().keys(), y.table.borrow().keys());
                if !nested(IN_COMPARISON, || seq_eq(&kx, &ky))? {
                    return Ok(false);
                }
            }
            let items = x.table.borrow().items();
            nested(IN_COMPARISON, || {
                for (k, v) in items {
                    match dict_get(y, &k)? {
                        Some(w) if eq(&v, &w)? => {}
                        _ => return Ok(false),
                    }
                }
                Ok(true)
            })?
        }
        (Set(x), Set(y)) => x.len() == y.len() && set_subset(x, y)?,
        (Range(x), Range(y)) => x == y,
        (Slice(x), Slice(y)) => eq(&x.0, &y.0)? && eq(&x.1, &y.1)? && eq(&x.2, &y.2)?,
        (Instance(_), _) | (_, Instance(_)) => return instance_eq(a, b),
        (Object(o), _) => match o.eq(a, b) {
            Some(r) => r?,
            Option::None => a.is(b),
        },
        (BoundMethod(x), BoundMethod(y)) => x.this.is(&y.this) && x.func.is(&y.func),
        _ => a.is(b),
    })
}

fn instance_eq(a: &Value, b: &Value) -> PyResult<bool> {
    Ok(rich_compare(a, b, "__eq__", "__eq__")?.unwrap_or_else(|| a.is(b)))
}

/// `a.name(b)`, then `b.rname(a)`, the first answer that is not
/// NotImplemented; the reflected one first when `b`'s class is a proper
/// subclass of `a`'s (CPython's `do_richcompare`). None: neither answered.
fn rich_compare(a: &Value, b: &Value, name: &str, rname: &str) -> PyResult<Option<bool>> {
    rich_compare_value(a, b, name, rname)?.map(|v| truthy(&v)).transpose()
}

/// [`rich_compare`]'s answer as the method returned it.
fn rich_compare_value(a: &Value, b: &Value, name: &str, rname: &str) -> PyResult<Option<Value>> {
    let subclass_first = match (a, b) {
        (Value::Instance(x), Value::Instance(y)) => {
            !Rc::ptr_eq(&x.class, &y.class) && y.class.is_subclass(&x.class)
        }
        _ => false,
    };
    let mut tries = [(a, name, b), (b, rname, a)];
    if subclass_first {
        tries.swap(0, 1);
    }
    for (this, method, other) in tries {
        if let Some(f) = attr::lookup_special(this, method) {
            let r = call_sync(&f, vec![other.clone()], vec![])?;
            if !is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

/// The value of `a op b` in an expression: what a class's `__eq__`,
/// `__lt__` ... returned, as is (CPython does not make it a bool); a
/// builtin comparison's bool otherwise.
pub fn compare_value(op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    let instances = matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_));
    if !instances || matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn) {
        return compare(op, a, b).map(Value::Bool);
    }
    let (name, rname, sym) = match op {
        CmpOp::Eq => ("__eq__", "__eq__", "=="),
        CmpOp::NotEq => ("__ne__", "__ne__", "!="),
        _ => rich_dunder(op),
    };
    if let Some(v) = rich_compare_value(a, b, name, rname)? {
        return Ok(v);
    }
    match op {
        CmpOp::Eq => Ok(Value::Bool(a.is(b))),
        // `object.__ne__` inverts `__eq__`.
        CmpOp::NotEq => Ok(Value::Bool(!eq(a, b)?)),
        _ => not_orderable(a, b, sym),
    }
}

const IN_COMPARISON: &str = " in comparison";

fn seq_eq(x: &[Value], y: &[Value]) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (p, q) in x.iter().zip(y) {
        if !(p.is(q) || eq(p, q)?) {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_subset(x: &SetObj, y: &SetObj) -> PyResult<bool> {
    let items = x.table.borrow().entries();
    for (k, h) in items {
        if !y.table.borrow().contains(&k, h, &mut key_eq) {
            return Ok(false);
        }
    }
    Ok(true)
}

fn float_int_cmp(f: f64, i: &Value) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    match i {
        Value::Int(n) if n.unsigned_abs() < (1 << 53) => f.partial_cmp(&(*n as f64)),
        Value::Bool(b) => f.partial_cmp(&(*b as i64 as f64)),
        _ => {
            let b = big(i)?;
            if f.is_infinite() {
                return Some(if f > 0.0 { Ordering::Greater } else { Ordering::Less });
            }
            let fi = BigInt::from_f64(f.trunc())?;
            match fi.cmp(&b) {
                Ordering::Equal => f.fract().partial_cmp(&0.0),
                o => Some(o),
            }
        }
    }
}

/// Orders two built-in values (numbers, strings) for `<` and friends.
fn cmp(a: &Value, b: &Value, op: &str) -> PyResult<Ordering> {
    use Value::*;
    let o = match (a, b) {
        (Int(x), Int(y)) => Some(x.cmp(y)),
        (Str(x), Str(y)) => Some(x.cmp(y)),
        (Int(_) | Bool(_) | Big(_), Int(_) | Bool(_) | Big(_)) => Some(big(a).cmp(&big(b))),
        (Float(x), Float(y)) => x.partial_cmp(y),
        (Float(x), Int(_) | Bool(_) | Big(_)) => float_int_cmp(*x, b),
        (Int(_) | Bool(_) | Big(_), Float(y)) => float_int_cmp(*y, a).map(Ordering::reverse),
        _ => return not_orderable(a, b, op),
    };
    // NaN compares false every way: report it as "not less, not greater".
    Ok(o.unwrap_or(Ordering::Equal))
}

fn not_orderable<T>(a: &Value, b: &Value, op: &str) -> PyResult<T> {
    raise(
        "TypeError",
        format!(
            "'{op}' not supported between instances of '{}' and '{}'",
            text::type_name(a),
            text::type_name(b)
        ),
    )
}

/// `x op y` for two tuples or two lists, as CPython's richcompare: the first
/// items that differ decide, compared with `op` itself (their `__lt__`...);
/// else the lengths.
fn seq_compare(x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
    nested(IN_COMPARISON, || {
        for (p, q) in x.iter().zip(y) {
            if !(p.is(q) || eq(p, q)?) {
                return compare(op, p, q);
            }
        }
        Ok(holds(op, x.len().cmp(&y.len())))
    })
}

/// Whether ordering `o` satisfies `<`, `<=`, `>` or `>=`.
fn holds(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::LtE => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}

fn rich_dunder(op: CmpOp) -> (&'static str, &'static str, &'static str) {
    match op {
        CmpOp::Lt => ("__lt__", "__gt__", "<"),
        CmpOp::LtE => ("__le__", "__ge__", "<="),
        CmpOp::Gt => ("__gt__", "__lt__", ">"),
        _ => ("__ge__", "__le__", ">="),
    }
}

/// `a op b` for a comparison operator.
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    if !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn) {
        // A `typing.NamedTuple` body's own comparison methods (`!=` is
        // tuple's unless the body defines `__ne__`).
        use crate::modules::collections::namedtuple_user;
        let (name, reflected, _) = match op {
            CmpOp::Eq => ("__eq__", "__eq__", ""),
            CmpOp::NotEq => ("__ne__", "__ne__", ""),
            _ => rich_dunder(op),
        };
        let user = namedtuple_user(a, name, vec![b.clone()])
            .or_else(|| namedtuple_user(b, reflected, vec![a.clone()]));
        if let Some(r) = user {
            return truthy(&r?);
        }
        if let Some((a, b)) = crate::modules::collections::namedtuples_as_tuples(a, b) {
            return compare(op, &a, &b);
        }
        if let Some((a, b)) = crate::builtins::views::views_as_sets(a, b)? {
            return compare(op, &a, &b);
        }
    }
    match op {
        CmpOp::Eq => eq(a, b),
        CmpOp::NotEq if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) => {
            match rich_compare(a, b, "__ne__", "__ne__")? {
                Some(answer) => Ok(answer),
                None => Ok(!eq(a, b)?),
            }
        }
        CmpOp::NotEq => {
            if let Some(f) = attr::lookup_special(a, "__ne__") {
                let r = call_sync(&f, vec![b.clone()], vec![])?;
                if !is_not_implemented(&r) {
                    return truthy(&r);
                }
            }
            Ok(!eq(a, b)?)
        }
        CmpOp::Is => Ok(a.is(b)),
        CmpOp::IsNot => Ok(!a.is(b)),
        CmpOp::In => contains(b, a),
        CmpOp::NotIn => Ok(!contains(b, a)?),
        _ => {
            let (name, rname, sym) = rich_dunder(op);
            if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
                return match rich_compare(a, b, name, rname)? {
                    Some(answer) => Ok(answer),
                    None => not_orderable(a, b, sym),
                };
            }
            match (a, b) {
                (Value::Dict(x), Value::Dict(y))
                    if x.kind.get() == DictKind::Counter && y.kind.get() == DictKind::Counter =>
                {
                    return crate::modules::collections::counter_compare(op, x, y);
                }
                (Value::Tuple(x), Value::Tuple(y)) => return seq_compare(x, y, op),
                (Value::List(x), Value::List(y)) => {
                    let (x, y) = (x.borrow().clone(), y.borrow().clone());
                    return seq_compare(&x, &y, op);
                }
                _ => {}
            }
            if let (Value::Set(x), Value::Set(y)) = (a, b) {
                return Ok(match op {
                    CmpOp::LtE => set_subset(x, y)?,
                    CmpOp::Lt => x.len() < y.len() && set_subset(x, y)?,
                    CmpOp::GtE => set_subset(y, x)?,
                    _ => y.len() < x.len() && set_subset(y, x)?,
                });
            }
            if let (Value::Float(x), _) | (_, Value::Float(x)) = (a, b) {
                if x.is_nan()
                    && (is_int(a) || is_int(b) || matches!((a, b), (Value::Float(_), Value::Float(_))))
                {
                    return Ok(false);
                }
            }
            if let Some(r) = crate::modules::collections::deque_order(op, a, b) {
                return r;
            }
            if let Some(r) = crate::modules::asyncio::loops::timer_order(op, a, b) {
                return r;
            }
            Ok(holds(op, cmp(a, b, sym)?))
        }
    }
}

/// `item in container`.
pub fn contains(container: &Value, item: &Value) -> PyResult<bool> {
    match container {
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => raise(
                "TypeError",
                format!("'in <string>' requires string as left operand, not {}", text::type_name(item)),
            ),
        },
        Value::List(l) => {
            let items = l.borrow().clone();
            for v in &items {
                if v.is(item) || eq(v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Tuple(t) => {
            for v in t.iter() {
                if v.is(item) || eq(v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Dict(d) => Ok(dict_get(d, item)?.is_some()),
        Value::Set(s) => {
            let h = hash(item)?;
            let found = s.table.borrow().contains(item, h, &mut key_eq);
            key_checked(found)
        }
        Value::Range(r) => Ok(match item {
            Value::Int(i) => {
                let (start, stop, step) = **r;
                if step > 0 {
                    *i >= start && *i < stop && (i - start) % step == 0
                } else {
                    *i <= start && *i > stop && (start - i) % (-step) == 0
                }
            }
            _ => false,
        }),
        Value::Object(o) => match o.contains(item) {
            Some(r) => r,
            None => iter_contains(container, item),
        },
        Value::Instance(_) | Value::Class(_) => {
            if let Some(f) = attr::lookup_special(container, "__contains__") {
                return truthy(&call_sync(&f, vec![item.clone()], vec![])?);
            }
            iter_contains(container, item)
        }
        _ => raise("TypeError", format!("argument of type '{}' is not iterable", text::type_name(container))),
    }
}

fn iter_contains(container: &Value, item: &Value) -> PyResult<bool> {
    // CPython's `_PySequence_IterSearch`: any TypeError of `iter()` becomes this.
    let mut it = super::iter::iter(container).map_err(|e| match e.is("TypeError") {
        true => Exception::type_error(format!(
            "argument of type '{}' is not iterable",
            text::type_name(container)
        )),
        false => e,
    })?;
    while let Some(v) = it.next()? {
        if v.is(item) || eq(&v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `hash(v)` (consistent with `==` across int, float and bool; CPython's
/// values for numbers and tuples, see [`numhash`](super::numhash)).
pub fn hash(v: &Value) -> PyResult<u64> {
    use super::numhash;
    use std::hash::{Hash, Hasher};
    Ok(match v {
        Value::None => 0x5f3759df,
        Value::Bool(b) => *b as u64,
        Value::Int(i) => numhash::int(*i) as u64,
        Value::Big(b) => numhash::big(b) as u64,
        Value::Float(f) => match numhash::float(*f) {
            Some(h) => h as u64,
            None => v.id() as u64,
        },
        Value::Str(s) => {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            s.hash(&mut h);
            h.finish()
        }
        Value::Tuple(t) => nested("", || {
            let lanes = t.iter().map(hash).collect::<PyResult<Vec<u64>>>()?;
            Ok(numhash::tuple(lanes.into_iter(), t.len()) as u64)
        })?,
        Value::Set(s) if s.frozen => {
            let entries = s.table.borrow().entries();
            numhash::frozenset(entries.iter().map(|e| e.1), entries.len()) as u64
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
            return raise("TypeError", format!("unhashable type: '{}'", text::type_name(v)));
        }
        Value::Instance(inst) => match inst.class.lookup("__hash__") {
            Some(Value::None) => {
                return raise("TypeError", format!("unhashable type: '{}'", inst.class.name));
            }
            Some(f @ (Value::Function(_) | Value::Builtin(_))) => {
                // CPython keeps what __hash__ returns if it fits a machine word
                // (-1 becomes -2), else reduces it as it hashes an int.
                match call_sync(&f, vec![v.clone()], vec![])? {
                    Value::Int(-1) => -2i64 as u64,
                    Value::Int(i) => i as u64,
                    r @ (Value::Big(_) | Value::Bool(_)) => hash(&r)?,
                    _ => return raise("TypeError", "__hash__ method should return an integer"),
                }
            }
            _ => v.id() as u64,
        },
        Value::Range(r) => (r.0 as u64).wrapping_mul(31) ^ (r.1 as u64).wrapping_mul(17) ^ r.2 as u64,
        Value::Object(o) => match o.as_any().downcast_ref::<crate::modules::collections::NamedTuple>() {
            Some(nt) => hash(&Value::Tuple(nt.items.clone()))?,
            None if o.as_any().is::<crate::modules::collections::Deque>() => {
                return raise("TypeError", "unhashable type: 'collections.deque'");
            }
            None => v.id() as u64,
        },
        _ => v.id() as u64,
    })
}

/// Key equality for tables: identity, then `==`. Errors in user `__eq__` count as "not equal".
pub(crate) fn key_eq(a: &Value, b: &Value) -> bool {
    eq(a, b).unwrap_or_else(|e| {
        KEY_EQ_ERROR.with(|c| {
            c.borrow_mut().get_or_insert(e);
        });
        false
    })
}

thread_local! {
    /// The first exception a key's `__eq__` raised in a dict or set lookup.
    static KEY_EQ_ERROR: std::cell::RefCell<Option<Exception>> = const { std::cell::RefCell::new(None) };
}

/// `out` of a dict or set operation, or the exception a key's `__eq__`
/// raised meanwhile (CPython's lookup stops there and raises it).
pub(crate) fn key_checked<T>(out: T) -> PyResult<T> {
    match KEY_EQ_ERROR.with(|c| c.borrow_mut().take()) {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// `d[k]` without the KeyError.
pub fn dict_get(d: &Dict, k: &Value) -> PyResult<Option<Value>> {
    let h = hash(k)?;
    let found = d.table.borrow().get(k, h, &mut key_eq);
    key_checked(found)
}

/// `d[k] = v`.
pub fn dict_set(d: &Dict, k: Value, v: Value) -> PyResult<()> {
    let h = hash(&k)?;
    // Compare keys without holding the borrow while Python `__eq__` runs:
    // builtin keys never call back; instance keys compare by `is` first.
    let mut t = std::mem::take(&mut *d.table.borrow_mut());
    t.insert(k.clone(), v, h, &mut key_eq);
    if let Err(e) = key_checked(()) {
        // The comparison failed: the key is not inserted.
        t.remove(&k, h, &mut |a, b| a.id() == b.id());
        *d.table.borrow_mut() = t;
        return Err(e);
    }
    *d.table.borrow_mut() = t;
    d.touch();
    Ok(())
}

/// `del d[k]` / `d.pop(k)`.
pub fn dict_remove(d: &Dict, k: &Value) -> PyResult<Option<Value>> {
    let h = hash(k)?;
    let mut t = std::mem::take(&mut *d.table.borrow_mut());
    let out = t.remove(k, h, &mut key_eq).map(|(_, v)| v);
    *d.table.borrow_mut() = t;
    d.touch();
    key_checked(out)
}

pub fn set_add(s: &SetObj, k: Value) -> PyResult<()> {
    crate::builtins::sets::add(s, k)
}

pub fn set_remove(s: &SetObj, k: &Value) -> PyResult<bool> {
    crate::builtins::sets::discard(s, k)
}

/// Normalises a sequence index (negative from the end); `None` if out of range.
pub fn seq_index(i: &Value, len: usize) -> PyResult<Option<usize>> {
    let i = match i {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Big(_) => return Ok(None),
        _ => return Err(Exception::type_error("")),
    };
    let idx = if i < 0 { i + len as i64 } else { i };
    Ok(if idx >= 0 && (idx as usize) < len { Some(idx as usize) } else { None })
}

/// The indices a slice selects from a sequence of `len` items.
pub fn slice_indices(s: &(Value, Value, Value), len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = slice_bounds(s, len)?;
    let mut out = Vec::new();
    let mut i = start;
    if step > 0 {
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

fn slice_part(v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::Big(b) => Ok(Some(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 })),
        _ => match user_index(v)? {
            Some(i) => slice_part(&i),
            None => raise("TypeError", "slice indices must be integers or None or have an __index__ method"),
        },
    }
}

/// `slice.indices(len)`: start, stop, step.
pub fn slice_bounds(s: &(Value, Value, Value), len: usize) -> PyResult<(i64, i64, i64)> {
    let len = len as i64;
    let step = slice_part(&s.2)?.unwrap_or(1);
    if step == 0 {
        return raise("ValueError", "slice step cannot be zero");
    }
    let adjust = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => default,
            Some(x) if x < 0 => (x + len).max(lo),
            Some(x) => x.min(hi),
        }
    };
    if step > 0 {
        Ok((adjust(slice_part(&s.0)?, 0, 0, len), adjust(slice_part(&s.1)?, len, 0, len), step))
    } else {
        Ok((
            adjust(slice_part(&s.0)?, len - 1, -1, len - 1),
            adjust(slice_part(&s.1)?, -1, -1, len - 1),
            step,
        ))
    }
}

/// `obj[key]`.
pub fn getitem(obj: &Value, key: &Value) -> PyResult<Value> {
    match (obj, key) {
        (Value::List(l), Value::Slice(s)) => {
            let items = l.borrow();
            let idx = slice_indices(s, items.len())?;
            Ok(Value::list(idx.into_iter().map(|i| items[i].clone()).collect()))
        }
        (Value::Tuple(t), Value::Slice(s)) => {
            let idx = slice_indices(s, t.len())?;
            Ok(Value::tuple(idx.into_iter().map(|i| t[i].clone()).collect()))
        }
        (Value::Str(st), Value::Slice(s)) => {
            let chars: Vec<char> = st.chars().collect();
            let idx = slice_indices(s, chars.len())?;
            Ok(Value::string(idx.into_iter().map(|i| chars[i]).collect()))
        }
        (Value::Range(r), Value::Slice(s)) => {
            let n = range_len(r.0, r.1, r.2) as usize;
            let (a, b, c) = slice_bounds(s, n)?;
            let start = r.0 + a * r.2;
            let stop = r.0 + b * r.2;
            Ok(Value::Range(Rc::new((start, stop, c * r.2))))
        }
        (Value::List(l), _) => {
            let items = l.borrow();
            match index_of(key, items.len(), "list")? {
                Some(i) => Ok(items[i].clone()),
                None => raise("IndexError", "list index out of range"),
            }
        }
        (Value::Tuple(t), _) => match index_of(key, t.len(), "tuple")? {
            Some(i) => Ok(t[i].clone()),
            None => raise("IndexError", "tuple index out of range"),
        },
        (Value::Str(s), _) => {
            let n = s.chars().count();
            match index_of(key, n, "string")? {
                Some(i) => Ok(Value::string(s.chars().nth(i).map(String::from).unwrap_or_default())),
                None => raise("IndexError", "string index out of range"),
            }
        }
        (Value::Range(r), _) => {
            let n = range_len(r.0, r.1, r.2) as usize;
            match index_of(key, n, "range")? {
                Some(i) => Ok(Value::Int(r.0 + i as i64 * r.2)),
                None => raise("IndexError", "range object index out of range"),
            }
        }
        (Value::Dict(d), _) => match dict_get(d, key)? {
            Some(v) => Ok(v),
            None => {
                let factory = d.default_factory.borrow().clone();
                match factory {
                    Some(f) if !matches!(f, Value::None) => {
                        let v = call_sync(&f, vec![], vec![])?;
                        dict_set(d, key.clone(), v.clone())?;
                        Ok(v)
                    }
                    _ if d.kind.get() == crate::value::DictKind::Counter => {
                        hash(key)?;
                        Ok(Value::Int(0))
                    }
                    _ => Err(with_args("KeyError", vec![key.clone()])),
                }
            }
        },
        (Value::Object(o), _) => match o.getitem(key) {
            Some(r) => r,
            None => not_subscriptable(obj),
        },
        (Value::Instance(_), _) => match attr::lookup_special(obj, "__getitem__") {
            Some(f) => call_sync(&f, vec![key.clone()], vec![]),
            None => not_subscriptable(obj),
        },
        // The metaclass's `__getitem__` (`Color['RED']`), else `__class_getitem__`
        // (a class method, see `class::build`); otherwise a generic alias stands for
        // its class (`list[int]`, `Queue[str]`).
        (Value::Class(_), _) if attr::lookup_special(obj, "__getitem__").is_some() => {
            let f = attr::getattr(&Value::Class(attr::type_of(obj)), "__getitem__")?;
            call_sync(&f, vec![obj.clone(), key.clone()], vec![])
        }
        (Value::Class(c), _) => match c.lookup("__class_getitem__") {
            Some(_) => {
                let f = attr::getattr(obj, "__class_getitem__")?;
                call_sync(&f, vec![key.clone()], vec![])
            }
            None => Ok(crate::builtins::alias::of_class(c, key)),
        },
        _ => not_subscriptable(obj),
    }
}

fn not_subscriptable<T>(obj: &Value) -> PyResult<T> {
    raise("TypeError", format!("'{}' object is not subscriptable", text::type_name(obj)))
}

/// An integer argument (`operator.index`): an int, a bool or an object with
/// `__index__`, as an i64.
pub fn index_value(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Big(_) => raise("OverflowError", "Python int too large to convert to C int"),
        _ => match user_index(v)? {
            Some(i) => index_value(&i),
            None => raise(
                "TypeError",
                format!("'{}' object cannot be interpreted as an integer", text::type_name(v)),
            ),
        },
    }
}

/// `obj.__index__()` of an instance that defines it (an int).
pub fn user_index(v: &Value) -> PyResult<Option<Value>> {
    let Value::Instance(_) = v else { return Ok(None) };
    let Some(f) = attr::lookup_special(v, "__index__") else { return Ok(None) };
    match call_sync(&f, vec![], vec![])? {
        r @ (Value::Int(_) | Value::Big(_)) => Ok(Some(r)),
        other => raise("TypeError", format!("__index__ returned non-int (type {})", text::type_name(&other))),
    }
}

fn index_of(key: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
    match key {
        Value::Int(_) | Value::Bool(_) | Value::Big(_) => seq_index(key, len),
        Value::Instance(_) if attr::lookup_special(key, "__index__").is_some() => {
            let i = user_index(key)?.unwrap_or(Value::Int(0));
            seq_index(&i, len)
        }
        // str's message is its own (3.11's unicode_subscript).
        _ if what == "string" => {
            raise("TypeError", format!("string indices must be integers, not '{}'", text::type_name(key)))
        }
        _ => raise(
            "TypeError",
            format!("{what} indices must be integers or slices, not {}", text::type_name(key)),
        ),
    }
}

/// `obj[key] = value`.
pub fn setitem(obj: &Value, key: &Value, value: Value) -> PyResult<()> {
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = key {
                let new_items = super::iter::collect(&value)?;
                let mut items = l.borrow_mut();
                let (start, stop, step) = slice_bounds(s, items.len())?;
                if step == 1 {
                    let stop = stop.max(start);
                    items.splice(start as usize..stop as usize, new_items);
                    return Ok(());
                }
                let idx = slice_indices(s, items.len())?;
                if idx.len() != new_items.len() {
                    return raise(
                        "ValueError",
                        format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new_items.len(),
                            idx.len()
                        ),
                    );
                }
                for (i, v) in idx.into_iter().zip(new_items) {
                    items[i] = v;
                }
                return Ok(());
            }
            let mut items = l.borrow_mut();
            match index_of(key, items.len(), "list")? {
                Some(i) => {
                    items[i] = value;
                    Ok(())
                }
                None => raise("IndexError", "list assignment index out of range"),
            }
        }
        Value::Dict(d) => dict_set(d, key.clone(), value),
        Value::Object(o) => match o.setitem(key, value) {
            Some(r) => r,
            None => no_item_assignment(obj),
        },
        Value::Instance(_) => match attr::lookup_special(obj, "__setitem__") {
            Some(f) => call_sync(&f, vec![key.clone(), value], vec![]).map(|_| ()),
            None => no_item_assignment(obj),
        },
        _ => no_item_assignment(obj),
    }
}

fn no_item_assignment<T>(obj: &Value) -> PyResult<T> {
    raise("TypeError", format!("'{}' object does not support item assignment", text::type_name(obj)))
}

/// `del obj[key]`.
pub fn delitem(obj: &Value, key: &Value) -> PyResult<()> {
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = key {
                let mut items = l.borrow_mut();
                let mut idx = slice_indices(s, items.len())?;
                idx.sort_unstable();
                for i in idx.into_iter().rev() {
                    items.remove(i);
                }
                return Ok(());
            }
            let mut items = l.borrow_mut();
            match index_of(key, items.len(), "list")? {
                Some(i) => {
                    items.remove(i);
                    Ok(())
                }
                None => raise("IndexError", "list assignment index out of range"),
            }
        }
        Value::Dict(d) => match dict_remove(d, key)? {
            Some(_) => Ok(()),
            // Counter's `__delitem__` ignores a missing key.
            None if d.kind.get() == DictKind::Counter => Ok(()),
            None => Err(with_args("KeyError", vec![key.clone()])),
        },
        Value::Object(_) => match crate::modules::collections::deque_delitem(obj, key) {
            Some(r) => r,
            None => {
                raise("TypeError", format!("'{}' object doesn't support item deletion", text::type_name(obj)))
            }
        },
        Value::Instance(_) => match attr::lookup_special(obj, "__delitem__") {
            Some(f) => call_sync(&f, vec![key.clone()], vec![]).map(|_| ()),
            None => {
                raise("TypeError", format!("'{}' object doesn't support item deletion", text::type_name(obj)))
            }
        },
        _ => raise("TypeError", format!("'{}' object doesn't support item deletion", text::type_name(obj))),
    }
}
