//! Python's arbitrary-precision `int`.
//!
//! [`BigInt`] is an immutable value type: a sign and a little-endian magnitude in
//! `u32` limbs, always normalized (no high zero limbs; zero is never negative), so the
//! derived `PartialEq`, `Eq` and `Hash` are value equality. Every operation is exact and
//! follows Python's semantics: floor division, a modulo with the divisor's sign,
//! arithmetic right shifts and two's-complement bitwise operators on negative values.
//!
//! The interpreter is expected to keep small values as `i64`, use `i64::checked_*`, fall
//! back to [`BigInt`] on overflow and demote results with [`BigInt::to_i64`].
//!
//! Memory guard: operations whose result can grow without bound ([`BigInt::mul`],
//! [`BigInt::pow`], [`BigInt::shl`]) estimate the result size from the operands first
//! and return [`BigIntError::TooBig`] when it would exceed [`MAX_BITS`], so `10**10**10`
//! fails fast.

use std::cmp::Ordering;
use std::fmt;

/// The largest result, in bits, that `mul`, `pow` and `shl` will build (1 Mbit = 128 KB,
/// about 315,000 decimal digits). Division is quadratic (Knuth's algorithm D): at this
/// size the slowest one, 1 Mbit by 0.5 Mbit, takes about a second; at 4 Mbit it took
/// 15 s and at 64 Mbit it would take hours.
pub const MAX_BITS: u64 = 1 << 20;

/// CPython 3.11's default `sys.get_int_max_str_digits()`: the most decimal digits that
/// `str(int)` produces and `int(str)` accepts.
pub const MAX_STR_DIGITS: usize = 4300;

/// The most digits the playground converts whatever the limit set: beyond
/// it a conversion could take seconds (the tab would freeze).
pub const HARD_MAX_STR_DIGITS: usize = 100_000;

thread_local! {
    /// `sys.set_int_max_str_digits()`'s value (0: no limit).
    static STR_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_STR_DIGITS) };
}

/// `sys.get_int_max_str_digits()`.
pub fn max_str_digits() -> usize {
    STR_DIGITS.with(std::cell::Cell::get)
}

/// `sys.set_int_max_str_digits(n)`.
pub fn set_max_str_digits(n: usize) {
    STR_DIGITS.with(|d| d.set(n));
}

/// The limit conversions check: the one set, within the playground's own.
pub fn digit_limit() -> usize {
    match max_str_digits() {
        0 => HARD_MAX_STR_DIGITS,
        n => n.min(HARD_MAX_STR_DIGITS),
    }
}

/// Limb count above which multiplication switches from schoolbook to Karatsuba.
const KARATSUBA_THRESHOLD: usize = 40;

/// Why a [`BigInt`] operation produced no value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BigIntError {
    /// The result would exceed [`MAX_BITS`] bits.
    TooBig,
    /// The text is not a valid integer literal in the requested radix.
    Invalid,
    /// A decimal string conversion over [`MAX_STR_DIGITS`] digits; the payload is the
    /// number of digits of the text for parsing, `None` for `str()`.
    TooManyDigits(Option<usize>),
}

impl fmt::Display for BigIntError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BigIntError::TooBig => write!(f, "integer result too large (over {MAX_BITS} bits)"),
            BigIntError::Invalid => write!(f, "invalid literal for int()"),
            BigIntError::TooManyDigits(None) => write!(
                f,
                "Exceeds the limit ({} digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit",
                digit_limit()
            ),
            BigIntError::TooManyDigits(Some(n)) => write!(
                f,
                "Exceeds the limit ({} digits) for integer string conversion: \
                 value has {n} digits; use sys.set_int_max_str_digits() to increase the limit",
                digit_limit()
            ),
        }
    }
}

/// An arbitrary-precision signed integer with Python semantics.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct BigInt {
    /// True for values below zero (never for zero).
    neg: bool,
    /// Magnitude, little-endian base 2^32, no trailing zero limbs.
    mag: Vec<u32>,
}

// ---------------------------------------------------------------------------
// Magnitude helpers (unsigned, little-endian u32 limbs).
// ---------------------------------------------------------------------------

fn trim(v: &mut Vec<u32>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        match a[i].cmp(&b[i]) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    Ordering::Equal
}

fn add_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(long.len() + 1);
    let mut carry = 0u64;
    for (i, &x) in long.iter().enumerate() {
        let s = x as u64 + short.get(i).copied().unwrap_or(0) as u64 + carry;
        out.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        out.push(carry as u32);
    }
    out
}

/// `a - b` where `a >= b` in magnitude.
fn sub_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for (i, &x) in a.iter().enumerate() {
        let mut d = x as i64 - b.get(i).copied().unwrap_or(0) as i64 - borrow;
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        } else {
            borrow = 0;
        }
        out.push(d as u32);
    }
    trim(&mut out);
    out
}

/// Adds `b` into `acc` starting at limb `offset`; `acc` must be long enough for the sum.
fn add_into(acc: &mut [u32], b: &[u32], offset: usize) {
    let mut carry = 0u64;
    let mut i = 0;
    while i < b.len() || carry != 0 {
        if offset + i >= acc.len() {
            break;
        }
        let s = acc[offset + i] as u64 + b.get(i).copied().unwrap_or(0) as u64 + carry;
        acc[offset + i] = s as u32;
        carry = s >> 32;
        i += 1;
    }
}

/// Subtracts `b` from `acc` (in place); `acc >= b` is required.
fn sub_into(acc: &mut [u32], b: &[u32]) {
    let mut borrow = 0i64;
    let mut i = 0;
    while i < b.len() || borrow != 0 {
        if i >= acc.len() {
            break;
        }
        let mut d = acc[i] as i64 - b.get(i).copied().unwrap_or(0) as i64 - borrow;
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        } else {
            borrow = 0;
        }
        acc[i] = d as u32;
        i += 1;
    }
}

fn mul_school(a: &[u32], b: &[u32]) -> Vec<u32> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        if x == 0 {
            continue;
        }
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = x as u64 * y as u64 + out[i + j] as u64 + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry != 0 && k < out.len() {
            let t = out[k] as u64 + carry;
            out[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    trim(&mut out);
    out
}

fn trimmed(s: &[u32]) -> &[u32] {
    let mut n = s.len();
    while n > 0 && s[n - 1] == 0 {
        n -= 1;
    }
    &s[..n]
}

fn mul_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let a = trimmed(a);
    let b = trimmed(b);
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if short.len() < KARATSUBA_THRESHOLD {
        return mul_school(long, short);
    }
    if long.len() >= 2 * short.len() {
        // Unbalanced: multiply `short` by slices of `long` of its own size.
        let mut out = vec![0u32; long.len() + short.len() + 1];
        let mut start = 0;
        while start < long.len() {
            let end = (start + short.len()).min(long.len());
            let part = mul_mag(&long[start..end], short);
            add_into(&mut out, &part, start);
            start = end;
        }
        trim(&mut out);
        return out;
    }
    // Karatsuba: a = a1*B^h + a0, b = b1*B^h + b0.
    let h = short.len() / 2;
    let (a0, a1) = (trimmed(&long[..h]), &long[h..]);
    let (b0, b1) = (trimmed(&short[..h]), &short[h..]);
    let z0 = mul_mag(a0, b0);
    let z2 = mul_mag(a1, b1);
    let sa = add_mag(a0, a1);
    let sb = add_mag(b0, b1);
    let mut z1 = mul_mag(&sa, &sb);
    z1.resize(z1.len().max(z0.len()).max(z2.len()) + 1, 0);
    sub_into(&mut z1, &z0);
    sub_into(&mut z1, &z2);
    trim(&mut z1);
    let mut out = vec![0u32; long.len() + short.len() + 1];
    add_into(&mut out, &z0, 0);
    add_into(&mut out, &z1, h);
    add_into(&mut out, &z2, 2 * h);
    trim(&mut out);
    out
}

/// Divides in place by a single limb, returning the remainder.
fn divrem_small_in_place(a: &mut Vec<u32>, d: u32) -> u32 {
    let mut rem = 0u64;
    for limb in a.iter_mut().rev() {
        let cur = (rem << 32) | *limb as u64;
        *limb = (cur / d as u64) as u32;
        rem = cur % d as u64;
    }
    trim(a);
    rem as u32
}

fn shl_bits_mag(a: &[u32], s: u32) -> Vec<u32> {
    if s == 0 {
        return a.to_vec();
    }
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u32;
    for &x in a {
        out.push((x << s) | carry);
        carry = x >> (32 - s);
    }
    out.push(carry);
    out
}

/// Truncating division of magnitudes (`b` non-empty): `(a / b, a % b)`. Knuth's algorithm D.
fn divrem_mag(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if cmp_mag(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let mut q = a.to_vec();
        let r = divrem_small_in_place(&mut q, b[0]);
        let r = if r == 0 { Vec::new() } else { vec![r] };
        return (q, r);
    }
    let n = b.len();
    let m = a.len();
    let s = b[n - 1].leading_zeros();
    let vn = {
        let mut v = shl_bits_mag(b, s);
        v.truncate(n);
        v
    };
    let mut un = shl_bits_mag(a, s);
    if un.len() == m {
        un.push(0);
    }
    let base: u64 = 1 << 32;
    let mut q = vec![0u32; m - n + 1];
    for j in (0..=m - n).rev() {
        let num = ((un[j + n] as u64) << 32) | un[j + n - 1] as u64;
        let mut qhat = num / vn[n - 1] as u64;
        let mut rhat = num % vn[n - 1] as u64;
        while qhat >= base || qhat * vn[n - 2] as u64 > ((rhat << 32) | un[j + n - 2] as u64) {
            qhat -= 1;
            rhat += vn[n - 1] as u64;
            if rhat >= base {
                break;
            }
        }
        let mut borrow = 0i64;
        let mut carry = 0u64;
        for i in 0..n {
            let p = qhat * vn[i] as u64 + carry;
            carry = p >> 32;
            let t = un[i + j] as i64 - borrow - (p & 0xffff_ffff) as i64;
            un[i + j] = t as u32;
            borrow = if t < 0 { 1 } else { 0 };
        }
        let t = un[j + n] as i64 - borrow - carry as i64;
        un[j + n] = t as u32;
        if t < 0 {
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..n {
                let s2 = un[i + j] as u64 + vn[i] as u64 + c;
                un[i + j] = s2 as u32;
                c = s2 >> 32;
            }
            un[j + n] = un[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    trim(&mut q);
    // Remainder: un[..n] >> s.
    let mut r = Vec::with_capacity(n);
    for i in 0..n {
        let lo = un[i] >> s;
        let hi = if s == 0 || i + 1 >= n { 0 } else { un[i + 1] << (32 - s) };
        r.push(lo | hi);
    }
    trim(&mut r);
    (q, r)
}

fn is_power_of_two_radix(radix: u32) -> bool {
    radix.is_power_of_two()
}

impl BigInt {
    fn from_parts(neg: bool, mut mag: Vec<u32>) -> BigInt {
        trim(&mut mag);
        let neg = neg && !mag.is_empty();
        BigInt { neg, mag }
    }

    /// Zero.
    pub fn zero() -> BigInt {
        BigInt::default()
    }

    /// The value of an `i64`.
    pub fn from_i64(v: i64) -> BigInt {
        let m = v.unsigned_abs();
        BigInt::from_parts(v < 0, vec![m as u32, (m >> 32) as u32])
    }

    /// The value of a `u64`.
    pub fn from_u64(v: u64) -> BigInt {
        BigInt::from_parts(false, vec![v as u32, (v >> 32) as u32])
    }

    /// The value as an `i64`, or `None` when it does not fit.
    pub fn to_i64(&self) -> Option<i64> {
        if self.mag.len() > 2 {
            return None;
        }
        let m = self.mag.first().copied().unwrap_or(0) as u64
            | (self.mag.get(1).copied().unwrap_or(0) as u64) << 32;
        if self.neg {
            if m <= 1u64 << 63 {
                Some((m as i64).wrapping_neg())
            } else {
                None
            }
        } else {
            i64::try_from(m).ok()
        }
    }

    /// True for zero.
    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    /// True for values below zero.
    pub fn is_negative(&self) -> bool {
        self.neg
    }

    /// -1, 0 or 1.
    pub fn signum(&self) -> i32 {
        if self.neg {
            -1
        } else if self.mag.is_empty() {
            0
        } else {
            1
        }
    }

    /// Python's `int.bit_length()`: bits of the absolute value (0 for zero).
    pub fn bit_length(&self) -> u64 {
        match self.mag.last() {
            None => 0,
            Some(&top) => (self.mag.len() as u64 - 1) * 32 + (32 - top.leading_zeros()) as u64,
        }
    }

    /// True when the value is odd.
    pub fn is_odd(&self) -> bool {
        self.mag.first().is_some_and(|&l| l & 1 == 1)
    }

    /// `-self`.
    pub fn neg(&self) -> BigInt {
        BigInt::from_parts(!self.neg, self.mag.clone())
    }

    /// `abs(self)`.
    pub fn abs(&self) -> BigInt {
        BigInt { neg: false, mag: self.mag.clone() }
    }

    fn add_signed(&self, other_neg: bool, other: &[u32]) -> BigInt {
        if self.neg == other_neg {
            return BigInt::from_parts(self.neg, add_mag(&self.mag, other));
        }
        match cmp_mag(&self.mag, other) {
            Ordering::Equal => BigInt::zero(),
            Ordering::Greater => BigInt::from_parts(self.neg, sub_mag(&self.mag, other)),
            Ordering::Less => BigInt::from_parts(other_neg, sub_mag(other, &self.mag)),
        }
    }

    /// `self + other`.
    pub fn add(&self, other: &BigInt) -> BigInt {
        self.add_signed(other.neg, &other.mag)
    }

    /// `self - other`.
    pub fn sub(&self, other: &BigInt) -> BigInt {
        self.add_signed(!other.neg && !other.mag.is_empty(), &other.mag)
    }

    /// `self * other`, or [`BigIntError::TooBig`] when the product could exceed [`MAX_BITS`].
    pub fn mul(&self, other: &BigInt) -> Result<BigInt, BigIntError> {
        if self.is_zero() || other.is_zero() {
            return Ok(BigInt::zero());
        }
        if self.bit_length() + other.bit_length() > MAX_BITS + 1 {
            return Err(BigIntError::TooBig);
        }
        Ok(BigInt::from_parts(self.neg != other.neg, mul_mag(&self.mag, &other.mag)))
    }

    /// Python's `divmod(self, other)`: floor quotient and a remainder with the divisor's
    /// sign. `None` when `other` is zero (the caller raises `ZeroDivisionError`).
    pub fn checked_divmod(&self, other: &BigInt) -> Option<(BigInt, BigInt)> {
        if other.is_zero() {
            return None;
        }
        let (q, r) = divrem_mag(&self.mag, &other.mag);
        let q = BigInt::from_parts(self.neg != other.neg, q);
        let r = BigInt::from_parts(self.neg, r);
        if !r.is_zero() && r.neg != other.neg {
            Some((q.sub(&BigInt::from_i64(1)), r.add(other)))
        } else {
            Some((q, r))
        }
    }

    /// Python's `self // other`; `None` when `other` is zero.
    pub fn checked_floordiv(&self, other: &BigInt) -> Option<BigInt> {
        self.checked_divmod(other).map(|(q, _)| q)
    }

    /// Python's `self % other`; `None` when `other` is zero.
    pub fn checked_mod(&self, other: &BigInt) -> Option<BigInt> {
        self.checked_divmod(other).map(|(_, r)| r)
    }

    /// Truncating division `(self / other, self % other)` as in C (remainder has the
    /// dividend's sign); `None` when `other` is zero.
    pub fn checked_divrem_trunc(&self, other: &BigInt) -> Option<(BigInt, BigInt)> {
        if other.is_zero() {
            return None;
        }
        let (q, r) = divrem_mag(&self.mag, &other.mag);
        Some((BigInt::from_parts(self.neg != other.neg, q), BigInt::from_parts(self.neg, r)))
    }

    /// `self ** exp` for a non-negative exponent, or [`BigIntError::TooBig`] when the
    /// result would exceed [`MAX_BITS`] (decided before computing anything).
    pub fn pow(&self, exp: u64) -> Result<BigInt, BigIntError> {
        if exp == 0 {
            return Ok(BigInt::from_i64(1));
        }
        if self.is_zero() {
            return Ok(BigInt::zero());
        }
        if self.mag.len() == 1 && self.mag[0] == 1 {
            let neg = self.neg && exp % 2 == 1;
            return Ok(BigInt::from_parts(neg, vec![1]));
        }
        let bl = self.bit_length();
        if self.mag[..self.mag.len() - 1].iter().all(|&l| l == 0)
            && self.mag[self.mag.len() - 1].is_power_of_two()
        {
            // |base| = 2^k: a shift.
            let bits = (bl - 1).checked_mul(exp).ok_or(BigIntError::TooBig)?;
            let neg = self.neg && exp % 2 == 1;
            let r = BigInt::from_i64(1).shl(bits)?;
            return Ok(if neg { r.neg() } else { r });
        }
        // Estimate log2 of the result from the top bits of the base.
        let top = self.abs().shr(bl.saturating_sub(53)).to_i64().unwrap_or(1) as f64;
        let log2_base = bl.saturating_sub(53) as f64 + top.log2();
        if log2_base * exp as f64 > MAX_BITS as f64 + 1.0 {
            return Err(BigIntError::TooBig);
        }
        // Left-to-right binary exponentiation: intermediates never exceed the result.
        let mut result = self.clone();
        let top_bit = 63 - exp.leading_zeros();
        for i in (0..top_bit).rev() {
            result = result.mul(&result)?;
            if (exp >> i) & 1 == 1 {
                result = result.mul(self)?;
            }
        }
        Ok(result)
    }

    /// `self << n`, or [`BigIntError::TooBig`] when the result would exceed [`MAX_BITS`].
    pub fn shl(&self, n: u64) -> Result<BigInt, BigIntError> {
        if self.is_zero() {
            return Ok(BigInt::zero());
        }
        if self.bit_length().saturating_add(n) > MAX_BITS {
            return Err(BigIntError::TooBig);
        }
        let limbs = (n / 32) as usize;
        let bits = (n % 32) as u32;
        let mut mag = vec![0u32; limbs];
        mag.extend(shl_bits_mag(&self.mag, bits));
        Ok(BigInt::from_parts(self.neg, mag))
    }

    /// Python's `self >> n`: an arithmetic shift, rounding towards negative infinity.
    pub fn shr(&self, n: u64) -> BigInt {
        if self.is_zero() {
            return BigInt::zero();
        }
        if n >= self.bit_length() {
            return if self.neg { BigInt::from_i64(-1) } else { BigInt::zero() };
        }
        let limbs = (n / 32) as usize;
        let bits = (n % 32) as u32;
        let lost = self.mag[..limbs].iter().any(|&l| l != 0)
            || (bits > 0 && self.mag[limbs] & ((1u32 << bits) - 1) != 0);
        let src = &self.mag[limbs..];
        let mut mag = Vec::with_capacity(src.len());
        for i in 0..src.len() {
            let lo = src[i] >> bits;
            let hi = if bits == 0 || i + 1 >= src.len() { 0 } else { src[i + 1] << (32 - bits) };
            mag.push(lo | hi);
        }
        let r = BigInt::from_parts(self.neg, mag);
        if self.neg && lost {
            r.sub(&BigInt::from_i64(1))
        } else {
            r
        }
    }

    /// Two's complement limbs, sign-extended to `len` limbs.
    fn twos(&self, len: usize) -> Vec<u32> {
        let mut v = self.mag.clone();
        v.resize(len, 0);
        if self.neg {
            let mut carry = 1u64;
            for l in v.iter_mut() {
                let s = (!*l) as u64 + carry;
                *l = s as u32;
                carry = s >> 32;
            }
        }
        v
    }

    fn from_twos(mut v: Vec<u32>) -> BigInt {
        let neg = v.last().is_some_and(|&t| t & 0x8000_0000 != 0);
        if neg {
            let mut carry = 1u64;
            for l in v.iter_mut() {
                let s = (!*l) as u64 + carry;
                *l = s as u32;
                carry = s >> 32;
            }
        }
        BigInt::from_parts(neg, v)
    }

    fn bitwise(&self, other: &BigInt, op: impl Fn(u32, u32) -> u32) -> BigInt {
        let len = self.mag.len().max(other.mag.len()) + 1;
        let a = self.twos(len);
        let b = other.twos(len);
        BigInt::from_twos(a.iter().zip(&b).map(|(&x, &y)| op(x, y)).collect())
    }

    /// Python's `self & other` (infinite two's complement).
    pub fn bitand(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x & y)
    }

    /// Python's `self | other` (infinite two's complement).
    pub fn bitor(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x | y)
    }

    /// Python's `self ^ other` (infinite two's complement).
    pub fn bitxor(&self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x ^ y)
    }

    /// Python's `~self`, that is `-self - 1`.
    pub fn invert(&self) -> BigInt {
        self.neg().sub(&BigInt::from_i64(1))
    }

    /// Python's `float(self)`: correctly rounded (half to even); `None` when the value is
    /// too large (Python: `OverflowError: int too large to convert to float`).
    pub fn to_f64(&self) -> Option<f64> {
        let n = self.bit_length();
        let mag = if n <= 64 {
            let m = self.mag.first().copied().unwrap_or(0) as u64
                | (self.mag.get(1).copied().unwrap_or(0) as u64) << 32;
            m as f64
        } else {
            if n > 1024 {
                return None;
            }
            // Top 64 bits with a sticky bit for everything below, then scale exactly.
            let shift = n - 64;
            let top = self.abs().shr(shift);
            let lost = top.shl(shift).map(|t| t != self.abs()).unwrap_or(true);
            let mut t = top.mag[0] as u64 | (top.mag.get(1).copied().unwrap_or(0) as u64) << 32;
            if lost {
                t |= 1;
            }
            (t as f64) * 2f64.powi(shift as i32)
        };
        if mag.is_infinite() {
            return None;
        }
        Some(if self.neg { -mag } else { mag })
    }

    /// Python's `self / other` for ints (`other` not zero): the exact
    /// quotient correctly rounded (half to even), also when it is
    /// subnormal; `None` when it is too large for a float.
    pub fn true_div(&self, other: &BigInt) -> Option<f64> {
        let negative = self.neg != other.neg;
        let signed = |m: f64| if negative { -m } else { m };
        let (a, b) = (self.abs(), other.abs());
        let diff = a.bit_length() as i64 - b.bit_length() as i64;
        if a.is_zero() || diff < -1075 {
            return Some(signed(0.0));
        }
        if diff > 1024 {
            return None;
        }
        // q = a / b / 2**shift, truncated, has 55 or 56 bits (fewer when
        // subnormal); a sticky low bit records a remainder.
        let shift = diff.max(-1022) - 55;
        let (num, den) =
            if shift >= 0 { (a, b.shl(shift as u64).ok()?) } else { (a.shl(-shift as u64).ok()?, b) };
        let (q, r) = num.checked_divmod(&den)?;
        let mut q = q.to_i64()? as u64 | u64::from(!r.is_zero());
        // Round to 53 bits (fewer below 2**-1022), half to even.
        let extra = ((64 - q.leading_zeros() as i64) - 53).max(-1074 - shift);
        let unit = 1u64 << extra;
        let rem = q & (unit - 1);
        q -= rem;
        if rem > unit / 2 || (rem == unit / 2 && q & unit != 0) {
            q += unit;
        }
        let m = ldexp(q as f64, shift);
        (!m.is_infinite()).then(|| signed(m))
    }

    /// Python's `int(x)` for a float: truncates towards zero; `None` for inf and nan.
    pub fn from_f64(x: f64) -> Option<BigInt> {
        if !x.is_finite() {
            return None;
        }
        let t = x.trunc();
        if t == 0.0 {
            return Some(BigInt::zero());
        }
        let bits = t.abs().to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        // Integral values are normal numbers here (|t| >= 1).
        let mant = frac | (1u64 << 52);
        let e = exp - 1075;
        let m = BigInt::from_u64(mant);
        let v = if e >= 0 { m.shl(e as u64).ok()? } else { m.shr((-e) as u64) };
        Some(if t < 0.0 { v.neg() } else { v })
    }

    /// Parses a base-10 integer: optional surrounding whitespace, optional sign, digits with
    /// single underscores between them. No digit limit (see [`BigInt::parse_checked`]).
    pub fn parse(s: &str) -> Option<BigInt> {
        BigInt::parse_radix(s, 10)
    }

    /// Like [`BigInt::parse`] in any radix from 2 to 36 (no `0x` prefix handling).
    pub fn parse_radix(s: &str, radix: u32) -> Option<BigInt> {
        let (neg, digits) = split_literal(s, radix)?;
        Some(from_digits(neg, &digits, radix))
    }

    /// Python's `int(s, radix)` digit rules plus its limit: decimal (non power-of-two radix)
    /// text over [`MAX_STR_DIGITS`] digits gives [`BigIntError::TooManyDigits`]; bad text
    /// gives [`BigIntError::Invalid`].
    pub fn parse_checked(s: &str, radix: u32) -> Result<BigInt, BigIntError> {
        let (neg, digits) = split_literal(s, radix).ok_or(BigIntError::Invalid)?;
        if !is_power_of_two_radix(radix) && digits.len() > digit_limit() {
            return Err(BigIntError::TooManyDigits(Some(digits.len())));
        }
        Ok(from_digits(neg, &digits, radix))
    }

    /// `str(self)` with Python's limit: over [`MAX_STR_DIGITS`] decimal digits gives
    /// [`BigIntError::TooManyDigits`]`(None)`.
    pub fn to_string_checked(&self) -> Result<String, BigIntError> {
        // (bits - 1) * log10(2) + 1 digits at least: fail fast for clearly huge values.
        if self.bit_length() > (digit_limit() as u64) * 10 / 3 + 10 {
            return Err(BigIntError::TooManyDigits(None));
        }
        let s = self.to_string();
        let digits = s.len() - usize::from(self.neg);
        if digits > digit_limit() {
            return Err(BigIntError::TooManyDigits(None));
        }
        Ok(s)
    }

    /// The magnitude in a power-of-two radix (2, 8, 16, 32) or any radix 2..=36, lowercase,
    /// without sign or prefix. Quadratic for non-power-of-two radices.
    pub fn to_str_radix_abs(&self, radix: u32) -> String {
        let radix = radix.clamp(2, 36);
        if self.is_zero() {
            return "0".to_string();
        }
        let mut out: Vec<u8> = Vec::new();
        if radix.is_power_of_two() {
            let bits = radix.trailing_zeros() as u64;
            let n = self.bit_length();
            let mut pos = 0;
            while pos < n {
                let mut d = 0u32;
                for k in 0..bits {
                    let b = pos + k;
                    if b < n && (self.mag[(b / 32) as usize] >> (b % 32)) & 1 == 1 {
                        d |= 1 << k;
                    }
                }
                out.push(digit_char(d));
                pos += bits;
            }
        } else {
            let mut m = self.mag.clone();
            while !m.is_empty() {
                let r = divrem_small_in_place(&mut m, radix);
                out.push(digit_char(r));
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }

    /// Decimal digits of the magnitude (no sign).
    fn decimal_abs(&self) -> String {
        if self.is_zero() {
            return "0".to_string();
        }
        let mut chunks = Vec::new();
        let mut m = self.mag.clone();
        while !m.is_empty() {
            chunks.push(divrem_small_in_place(&mut m, 1_000_000_000));
        }
        let mut s = String::with_capacity(chunks.len() * 9);
        let mut iter = chunks.iter().rev();
        if let Some(first) = iter.next() {
            s.push_str(&first.to_string());
        }
        for c in iter {
            s.push_str(&format!("{c:09}"));
        }
        s
    }
}

fn digit_char(d: u32) -> u8 {
    if d < 10 {
        b'0' + d as u8
    } else {
        b'a' + (d - 10) as u8
    }
}

/// Sign and digit values of a literal, or `None` when malformed.
fn split_literal(s: &str, radix: u32) -> Option<(bool, Vec<u8>)> {
    if !(2..=36).contains(&radix) {
        return None;
    }
    let s = s.trim();
    let (neg, body) = if let Some(r) = s.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else {
        (false, s)
    };
    let mut digits = Vec::with_capacity(body.len());
    let mut prev_underscore = true; // no leading underscore
    for c in body.chars() {
        if c == '_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        let d = c.to_digit(radix)?;
        digits.push(d as u8);
        prev_underscore = false;
    }
    if digits.is_empty() || prev_underscore {
        return None;
    }
    Some((neg, digits))
}

fn from_digits(neg: bool, digits: &[u8], radix: u32) -> BigInt {
    // Group digits so each chunk's multiplier fits in a u32.
    let mut per = 1usize;
    let mut mult = radix as u64;
    while mult * radix as u64 <= u32::MAX as u64 {
        mult *= radix as u64;
        per += 1;
    }
    let mut mag: Vec<u32> = Vec::new();
    for chunk in digits.chunks(per) {
        let mut val = 0u64;
        let mut scale = 1u64;
        for &d in chunk {
            val = val * radix as u64 + d as u64;
            scale *= radix as u64;
        }
        // mag = mag * scale + val
        let mut carry = val;
        for l in mag.iter_mut() {
            let t = *l as u64 * scale + carry;
            *l = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            mag.push(carry as u32);
        }
    }
    BigInt::from_parts(neg, mag)
}

impl fmt::Display for BigInt {
    /// Decimal, without any digit limit (quadratic: prefer
    /// [`BigInt::to_string_checked`] for user-facing `str()`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.neg {
            f.write_str("-")?;
        }
        f.write_str(&self.decimal_abs())
    }
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BigInt {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.neg, other.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => cmp_mag(&self.mag, &other.mag),
            (true, true) => cmp_mag(&other.mag, &self.mag),
        }
    }
}

impl From<i64> for BigInt {
    fn from(v: i64) -> BigInt {
        BigInt::from_i64(v)
    }
}

/// `x * 2**e`, exact when the result is a float (`e` in -1100..1100).
fn ldexp(x: f64, e: i64) -> f64 {
    let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
    if e < -1022 {
        x * pow2(-600) * pow2(e + 600)
    } else if e > 1023 {
        x * pow2(1023) * pow2(e - 1023)
    } else {
        x * pow2(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> BigInt {
        BigInt::parse(s).unwrap()
    }

    fn py(expr: &str) -> String {
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(format!("import sys; sys.set_int_max_str_digits(0); print({expr})"))
            .output()
            .expect("python3");
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    fn fact(n: i64) -> BigInt {
        let mut r = BigInt::from_i64(1);
        for i in 2..=n {
            r = r.mul(&BigInt::from_i64(i)).unwrap();
        }
        r
    }

    #[test]
    fn i64_roundtrip() {
        for v in [0, 1, -1, i64::MAX, i64::MIN, 1 << 32, -(1 << 32), 123456789012345] {
            assert_eq!(BigInt::from_i64(v).to_i64(), Some(v));
            assert_eq!(BigInt::from_i64(v).to_string(), v.to_string());
        }
        assert_eq!(b("9223372036854775808").to_i64(), None);
        assert_eq!(b("-9223372036854775808").to_i64(), Some(i64::MIN));
        assert_eq!(b("-9223372036854775809").to_i64(), None);
    }

    #[test]
    fn factorials_and_powers() {
        let lines = py("'\\n'.join(str(__import__('math').factorial(n)) for n in range(0, 201, 7))");
        for (line, n) in lines.lines().zip((0..201).step_by(7)) {
            assert_eq!(fact(n).to_string(), line, "{n}!");
            assert_eq!(b(line), fact(n));
        }
        assert_eq!(BigInt::from_i64(2).pow(1000).unwrap().to_string(), py("2**1000"));
        assert_eq!(BigInt::from_i64(-3).pow(333).unwrap().to_string(), py("(-3)**333"));
        assert_eq!(BigInt::from_i64(10).pow(10u64.pow(10)), Err(BigIntError::TooBig));
        assert!(BigInt::from_i64(2).pow(MAX_BITS - 1).is_ok());
        assert_eq!(BigInt::from_i64(2).pow(MAX_BITS + 10), Err(BigIntError::TooBig));
        assert_eq!(BigInt::from_i64(-1).pow(u64::MAX).unwrap(), BigInt::from_i64(-1));
    }

    #[test]
    fn big_multiplication_matches_python() {
        // Big enough to use Karatsuba, both balanced and unbalanced.
        let a = BigInt::from_i64(3).pow(5000).unwrap().sub(&BigInt::from_i64(7));
        let c = BigInt::from_i64(7).pow(2100).unwrap().add(&BigInt::from_i64(12345));
        let p = a.mul(&c).unwrap().mul(&a).unwrap();
        let expected = py("(3**5000-7)*(7**2100+12345)*(3**5000-7)");
        assert_eq!(p.to_string(), expected);
        let (q, r) = p.checked_divmod(&c.neg()).unwrap();
        let expected = py("divmod((3**5000-7)*(7**2100+12345)*(3**5000-7), -(7**2100+12345))");
        assert_eq!(format!("({q}, {r})"), expected);
    }

    #[test]
    fn floor_division() {
        let cases = [(-7, 2), (7, -2), (-7, -2), (7, 2), (0, 5), (6, -3), (-6, 3)];
        for (x, y) in cases {
            let (q, r) = BigInt::from_i64(x).checked_divmod(&BigInt::from_i64(y)).unwrap();
            assert_eq!(q.to_i64(), Some(x.div_euclid(y) - if y < 0 && x.rem_euclid(y) != 0 { 1 } else { 0 }));
            assert_eq!(q.to_i64().unwrap() * y + r.to_i64().unwrap(), x);
            assert!(r.is_zero() || r.is_negative() == (y < 0));
        }
        assert!(BigInt::from_i64(1).checked_divmod(&BigInt::zero()).is_none());
        let exprs = [
            ("-(10**50+3)", "7**20"),
            ("10**50+3", "-(7**20)"),
            ("-(2**200)", "-(3**40+1)"),
            ("2**64*5+1", "2**64"),
            ("-(2**96-1)", "2**32+1"),
        ];
        for (x, y) in exprs {
            let (q, r) = b(&py(x)).checked_divmod(&b(&py(y))).unwrap();
            assert_eq!(format!("({q}, {r})"), py(&format!("divmod({x}, {y})")));
        }
    }

    #[test]
    fn float_conversion() {
        let cases = [
            "2**53+1",
            "2**53+3",
            "2**64-1",
            "2**1023*3//2",
            "2**1024-2**971",
            "-(10**300+12345)",
            "3**500",
            "12345678901234567890123",
            "2**54+2**1+1",
        ];
        for c in cases {
            let v = b(&py(c));
            assert_eq!(v.to_f64().unwrap(), py(&format!("float({c})")).parse::<f64>().unwrap(), "{c}");
        }
        assert_eq!(b(&py("2**1024")).to_f64(), None);
        assert_eq!(b(&py("2**1024-2**970-1")).to_f64(), Some(f64::MAX));
        assert_eq!(b(&py("2**1024-2**970")).to_f64(), None);
        assert_eq!(BigInt::from_f64(1e300).unwrap().to_string(), py("int(1e300)"));
        assert_eq!(BigInt::from_f64(-2.9).unwrap().to_i64(), Some(-2));
        assert_eq!(BigInt::from_f64(0.5).unwrap().to_i64(), Some(0));
        assert_eq!(BigInt::from_f64(f64::NAN), None);
        assert_eq!(BigInt::from_f64(f64::INFINITY), None);
    }

    #[test]
    fn shifts_and_bitwise() {
        for x in [-5i64, -4, -1, 0, 1, 5, -(1 << 40) - 1, 1 << 40] {
            for n in [0u64, 1, 2, 3, 31, 32, 33, 70] {
                assert_eq!(BigInt::from_i64(x).shr(n).to_i64(), Some(x >> n.min(63)), "{x} >> {n}");
            }
        }
        assert_eq!(BigInt::from_i64(-3).shl(100).unwrap().to_string(), py("-3 << 100"));
        assert_eq!(b(&py("-(2**100) - 1")).shr(37).to_string(), py("(-(2**100) - 1) >> 37"));
        assert_eq!(BigInt::from_i64(1).shl(MAX_BITS + 1), Err(BigIntError::TooBig));
        let x = b(&py("-(3**50)"));
        let y = b(&py("7**30"));
        assert_eq!(x.bitand(&y).to_string(), py("-(3**50) & 7**30"));
        assert_eq!(x.bitor(&y).to_string(), py("-(3**50) | 7**30"));
        assert_eq!(x.bitxor(&y).to_string(), py("-(3**50) ^ 7**30"));
        assert_eq!(x.bitand(&y.neg()).to_string(), py("-(3**50) & -(7**30)"));
        assert_eq!(x.invert().to_string(), py("~-(3**50)"));
        for (p, q) in [(-6i64, 3i64), (5, -9), (-1, -1), (12, 10)] {
            let (bp, bq) = (BigInt::from_i64(p), BigInt::from_i64(q));
            assert_eq!(bp.bitand(&bq).to_i64(), Some(p & q));
            assert_eq!(bp.bitor(&bq).to_i64(), Some(p | q));
            assert_eq!(bp.bitxor(&bq).to_i64(), Some(p ^ q));
        }
    }

    #[test]
    fn parse_and_limits() {
        assert_eq!(b(" -1_000 ").to_i64(), Some(-1000));
        assert_eq!(BigInt::parse("1__0"), None);
        assert_eq!(BigInt::parse("_1"), None);
        assert_eq!(BigInt::parse("1_"), None);
        assert_eq!(BigInt::parse(""), None);
        assert_eq!(BigInt::parse("-"), None);
        assert_eq!(BigInt::parse("12a"), None);
        assert_eq!(BigInt::parse_radix("-ff", 16).unwrap().to_i64(), Some(-255));
        assert_eq!(BigInt::parse_radix("777", 8).unwrap().to_i64(), Some(511));
        assert_eq!(BigInt::parse_radix("101", 2).unwrap().to_i64(), Some(5));
        let big = "1".repeat(4301);
        let err = BigInt::parse_checked(&big, 10).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(BigInt::parse_checked(&big, 16).is_ok());
        assert!(BigInt::parse_checked(&"9".repeat(4300), 10).is_ok());
        let ten = BigInt::from_i64(10);
        assert_eq!(ten.pow(4299).unwrap().to_string_checked().unwrap().len(), 4300);
        assert_eq!(
            ten.pow(4300).unwrap().neg().to_string_checked().unwrap_err(),
            BigIntError::TooManyDigits(None)
        );
        assert_eq!(
            ten.pow(4300).unwrap().to_string_checked().unwrap_err().to_string(),
            "Exceeds the limit (4300 digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        assert_eq!(ten.pow(100000).unwrap().to_string_checked(), Err(BigIntError::TooManyDigits(None)));
        assert_eq!(BigInt::from_i64(-255).to_str_radix_abs(16), "ff");
        assert_eq!(BigInt::from_i64(8).to_str_radix_abs(8), "10");
        assert_eq!(BigInt::from_i64(35).to_str_radix_abs(36), "z");
        assert_eq!(b(&py("3**200")).to_str_radix_abs(16), py("format(3**200, 'x')"));
        assert_eq!(b(&py("3**200")).to_str_radix_abs(8), py("format(3**200, 'o')"));
    }

    #[test]
    fn karatsuba_matches_schoolbook() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut limbs = |n: usize| -> Vec<u32> {
            (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed as u32
                })
                .collect()
        };
        for (la, lb) in [(40, 40), (41, 97), (100, 300), (257, 64), (500, 499), (1000, 45), (80, 2000)] {
            let a = limbs(la);
            let b = limbs(lb);
            assert_eq!(mul_mag(&a, &b), mul_school(&a, &b), "{la}x{lb}");
            let (x, y) = (BigInt::from_parts(false, a), BigInt::from_parts(true, b));
            let (q, r) = x.checked_divmod(&y).unwrap();
            assert_eq!(q.mul(&y).unwrap().add(&r), x);
            assert!(r.is_zero() || r.is_negative());
            assert!(r.abs() < y.abs());
        }
    }

    #[test]
    fn ordering() {
        let mut v: Vec<BigInt> = ["5", "-5", "0", "100000000000000000000", "-100000000000000000000", "3"]
            .iter()
            .map(|s| b(s))
            .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        assert_eq!(s, ["-100000000000000000000", "-5", "0", "3", "5", "100000000000000000000"]);
        assert_eq!(b("-0"), BigInt::zero());
        assert!(!b("-0").is_negative());
        assert_eq!(b(&py("2**100")).bit_length(), 101);
    }
}
