//! CPython's hash values of numbers and tuples (`Python/pyhash.c`,
//! `Objects/longobject.c`, `Objects/tupleobject.c`): `hash(-1) == -2`,
//! `hash(2**61 - 1) == 0`, `hash(1.5) == 1152921504606846977`. Equal numbers
//! hash alike across int, float and bool. A set's order follows them.

use crate::bigint::BigInt;

/// The modulus: the Mersenne prime 2**61 - 1.
const MODULUS: u64 = (1 << 61) - 1;
const BITS: u32 = 61;
const INF: i64 = 314_159;

/// -1 is CPython's error return: a hash of -1 is -2.
fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn int(i: i64) -> i64 {
    let a = (i.unsigned_abs() % MODULUS) as i64;
    fix(if i < 0 { -a } else { a })
}

pub fn big(b: &BigInt) -> i64 {
    let m = BigInt::from_u64(MODULUS);
    let r = b.abs().checked_divrem_trunc(&m).and_then(|(_, r)| r.to_i64()).unwrap_or(0);
    fix(if b.is_negative() { -r } else { r })
}

/// `_Py_HashDouble`; `None` for a NaN (whose hash is its identity's).
pub fn float(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { INF } else { -INF });
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 { -1 } else { 1 };
    m = m.abs();
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (BITS - 28);
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS as i32 } else { BITS as i32 - 1 - ((-1 - e) % BITS as i32) } as u32;
    x = ((x << e) & MODULUS) | x >> (BITS - e);
    Some(fix((x as i64).wrapping_mul(sign)))
}

/// `frexp`: `v == m * 2**e` with `0.5 <= |m| < 1` (v finite, not zero), `(0, 0)` for zero.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::powi(2.0, 64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `tuplehash`: xxHash's round over the items' hashes.
pub fn tuple(items: impl Iterator<Item = u64>, len: usize) -> i64 {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let mut acc = P5;
    for lane in items {
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len as u64 ^ (P5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// `frozenset_hash` over the elements' hashes. CPython XORs a shuffle of
/// every slot's hash and cancels the empty and dummy slots' share by their
/// parity, which leaves the live entries' shuffles.
pub fn frozenset(hashes: impl Iterator<Item = u64>, len: usize) -> i64 {
    let shuffle = |h: u64| ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
    let mut acc = hashes.fold(0, |acc, h| acc ^ shuffle(h));
    acc ^= (len as u64 + 1).wrapping_mul(1_927_868_237);
    acc ^= (acc >> 11) ^ (acc >> 25);
    acc = acc.wrapping_mul(69_069).wrapping_add(907_133_923);
    if acc == u64::MAX {
        return 590_923_713;
    }
    acc as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_hash_as_cpython_hashes_them() {
        // python3 -c "print([hash(x) for x in (...)])"
        assert_eq!(
            [int(0), int(1), int(-1), int(-2), int(MODULUS as i64), int(i64::MIN)],
            [0, 1, -2, -2, 0, -4]
        );
        assert_eq!(float(1.5), Some(1_152_921_504_606_846_977));
        assert_eq!(float(-0.5), Some(-1_152_921_504_606_846_976));
        assert_eq!(float(0.1), Some(230_584_300_921_369_408));
        assert_eq!(float(1e300), Some(1_224_995_262_755_759_164));
        assert_eq!(float(5e-324), Some(16_777_216));
        assert_eq!(float(3.0), Some(int(3)));
        assert_eq!(float(f64::INFINITY), Some(314_159));
        assert_eq!(float(f64::NAN), None);
        assert_eq!(
            big(&BigInt::from_u64(MODULUS).mul(&BigInt::from_i64(3)).unwrap_or_else(|_| BigInt::zero())),
            0
        );
        assert_eq!(tuple([1u64, 2].into_iter(), 2), -3_550_055_125_485_641_917);
        assert_eq!(tuple(std::iter::empty(), 0), 5_740_354_900_026_072_187);
        // hash(frozenset()), hash(frozenset({1, 2, -1}))
        assert_eq!(frozenset(std::iter::empty(), 0), 133_146_708_735_736);
        assert_eq!(frozenset([1u64, 2, int(-1) as u64].into_iter(), 3), 3_528_648_450_907_520_039);
    }
}
