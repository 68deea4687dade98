//! math's functions of integers: `factorial`, `isqrt`, `comb`, `perm`, `gcd`
//! and `lcm`, on ints of any size (and `__index__` objects), with CPython's
//! errors; long computations count against the statement budget.

use crate::ast::BinOp;
use crate::interp::exc::raise;
use crate::interp::ops::{self, binop};
use crate::interp::{budget, interp, text};
use crate::modules::Args::{Positional, C};
use crate::modules::ModuleObj;
use crate::value::Value;
use asyncio_engine::PyResult;

/// An integer argument: an int, a bool or an `__index__` object; a float is
/// CPython's TypeError.
fn int_arg(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::Big(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        _ => match ops::user_index(v)? {
            Some(i) => Ok(i),
            None => raise(
                "TypeError",
                format!("'{}' object cannot be interpreted as an integer", text::type_name(v)),
            ),
        },
    }
}

fn negative(v: &Value) -> bool {
    match v {
        Value::Int(i) => *i < 0,
        Value::Big(b) => b.is_negative(),
        _ => false,
    }
}

fn zero(v: &Value) -> bool {
    matches!(v, Value::Int(0))
}

fn abs(v: Value) -> PyResult<Value> {
    if negative(&v) {
        binop(BinOp::Sub, &Value::Int(0), &v)
    } else {
        Ok(v)
    }
}

fn less(a: &Value, b: &Value) -> PyResult<bool> {
    Ok(negative(&binop(BinOp::Sub, a, b)?))
}

/// Counts work proportional to `v`'s size against the statement budget.
fn work(v: &Value) -> PyResult<()> {
    let bits = match v {
        Value::Big(b) => b.bit_length(),
        _ => 64,
    };
    budget::spend(bits / 1024);
    if budget::tick() {
        return Ok(());
    }
    Err(crate::host::runaway(&interp(), "in a math function", 0))
}

fn gcd2(a: Value, b: Value) -> PyResult<Value> {
    let (mut x, mut y) = (abs(a)?, abs(b)?);
    while !zero(&y) {
        work(&y)?;
        (x, y) = (y.clone(), binop(BinOp::Mod, &x, &y)?);
    }
    Ok(x)
}

/// The integer square root of `n >= 0`: Newton's method from above.
fn isqrt(n: &Value) -> PyResult<Value> {
    if let Value::Int(i) = n {
        let mut r = (*i as f64).sqrt() as i128;
        let i = i128::from(*i);
        while r * r > i {
            r -= 1;
        }
        while (r + 1) * (r + 1) <= i {
            r += 1;
        }
        return Ok(Value::Int(r as i64));
    }
    let bits = match n {
        Value::Big(b) => b.bit_length(),
        _ => 64,
    };
    let mut x = binop(BinOp::LShift, &Value::Int(1), &Value::Int(bits.div_ceil(2) as i64))?;
    loop {
        work(&x)?;
        let y =
            binop(BinOp::RShift, &binop(BinOp::Add, &x, &binop(BinOp::FloorDiv, n, &x)?)?, &Value::Int(1))?;
        if !less(&y, &x)? {
            return Ok(x);
        }
        x = y;
    }
}

/// `n * (n-1) * ... * (n-k+1)`, divided by `k!` for `comb`.
fn falling(n: &Value, k: i64, divide: bool) -> PyResult<Value> {
    let mut acc = Value::Int(1);
    for i in 0..k {
        work(&acc)?;
        acc = binop(BinOp::Mul, &acc, &binop(BinOp::Sub, n, &Value::Int(i))?)?;
        if divide {
            acc = binop(BinOp::FloorDiv, &acc, &Value::Int(i + 1))?;
        }
    }
    Ok(acc)
}

/// `k` as a machine integer, or CPython's OverflowError.
fn small(k: &Value, name: &str) -> PyResult<i64> {
    match k {
        Value::Int(i) => Ok(*i),
        _ => raise("OverflowError", format!("{name} must not exceed 9223372036854775807")),
    }
}

pub fn install(m: &ModuleObj) {
    m.def_c("math.factorial", C(1), |args, _| {
        let n = int_arg(&args[0])?;
        if negative(&n) {
            return raise("ValueError", "factorial() not defined for negative values");
        }
        let Value::Int(n) = n else {
            return raise("OverflowError", "factorial() argument should not exceed 9223372036854775807");
        };
        falling(&Value::Int(n), n, false)
    });
    m.def_c("math.isqrt", C(1), |args, _| {
        let n = int_arg(&args[0])?;
        if negative(&n) {
            return raise("ValueError", "isqrt() argument must be nonnegative");
        }
        isqrt(&n)
    });
    for (qualname, perm) in [("math.comb", false), ("math.perm", true)] {
        m.def_c(qualname, Positional(2 - usize::from(perm), 2), move |args, _| {
            let n = int_arg(&args[0])?;
            let k = match args.get(1) {
                None | Some(Value::None) if perm => n.clone(),
                k => int_arg(k.unwrap_or(&Value::None))?,
            };
            for (v, name) in [(&n, "n"), (&k, "k")] {
                if negative(v) {
                    return raise("ValueError", format!("{name} must be a non-negative integer"));
                }
            }
            if less(&n, &k)? {
                return Ok(Value::Int(0));
            }
            let rest = binop(BinOp::Sub, &n, &k)?;
            let k = if !perm && less(&rest, &k)? { rest } else { k };
            let k = small(&k, if perm { "k" } else { "min(n - k, k)" })?;
            falling(&n, k, !perm)
        });
    }
    m.def_c("math.gcd", Positional(0, usize::MAX), |args, _| {
        let mut g = Value::Int(0);
        for a in &args {
            g = gcd2(g, int_arg(a)?)?;
        }
        Ok(g)
    });
    m.def_c("math.lcm", Positional(0, usize::MAX), |args, _| {
        let mut l = Value::Int(1);
        for a in &args {
            let x = abs(int_arg(a)?)?;
            if zero(&x) || zero(&l) {
                l = Value::Int(0);
                continue;
            }
            let g = gcd2(l.clone(), x.clone())?;
            l = binop(BinOp::Mul, &binop(BinOp::FloorDiv, &l, &g)?, &x)?;
        }
        Ok(l)
    });
}
