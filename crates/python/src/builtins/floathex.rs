//! `float.hex()` and `float.fromhex()`, exactly as CPython's: thirteen hex
//! digits after the point, and a correctly rounded parse.

use crate::bigint::BigInt;
use crate::interp::exc::raise;
use asyncio_engine::PyResult;

/// `x.hex()`: `0x1.999999999999ap-4`.
pub fn hex(x: f64) -> String {
    if x.is_nan() || x.is_infinite() {
        return asyncio_engine::pyfmt::float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", exp.abs())
}

/// `float.fromhex(s)`.
pub fn fromhex(s: &str) -> PyResult<f64> {
    let invalid = || raise("ValueError", "invalid hexadecimal floating-point string");
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let signed = |v: f64| if negative { -v } else { v };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(signed(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(signed(f64::NAN));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (digits_part, exp_part) = match body.split_once('p') {
        Some((d, e)) => (d, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = digits_part.split_once('.').unwrap_or((digits_part, ""));
    let hexdigit = |c: char| c.is_ascii_hexdigit();
    if int_part.len() + frac_part.len() == 0
        || !int_part.chars().all(hexdigit)
        || !frac_part.chars().all(hexdigit)
    {
        return invalid();
    }
    let exp: i64 = match exp_part {
        None => 0,
        Some(e) => {
            let ok = !e.is_empty() && e.trim_start_matches(['+', '-']).chars().all(|c| c.is_ascii_digit());
            if !ok || e.trim_start_matches(['+', '-']).is_empty() {
                return invalid();
            }
            // Clamped: beyond this the value is 0 or too large whatever the digits.
            e.parse::<i64>().unwrap_or(if e.starts_with('-') { i64::MIN / 4 } else { i64::MAX / 4 })
        }
    };
    let text = format!("{int_part}{frac_part}");
    let Some(mant) = BigInt::parse_radix(&text, 16) else { return invalid() };
    if mant.is_zero() {
        return Ok(signed(0.0));
    }
    let e = exp.saturating_sub(4 * frac_part.len() as i64);
    let top = mant.bit_length() as i64 + e;
    if top > 1025 {
        return raise("OverflowError", "hexadecimal value too large to represent as a float");
    }
    if top < -1080 {
        return Ok(signed(0.0));
    }
    let value = if e >= 0 {
        mant.shl(e as u64).ok().and_then(|m| m.to_f64())
    } else {
        BigInt::from_u64(1).shl((-e) as u64).ok().and_then(|d| mant.true_div(&d))
    };
    match value {
        Some(v) => Ok(signed(v)),
        None => raise("OverflowError", "hexadecimal value too large to represent as a float"),
    }
}
