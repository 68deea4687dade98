//! The Euclidean norm as CPython 3.11 computes it for `math.hypot` and
//! `math.dist` (its `vector_norm`), so that the last bit agrees: the
//! coordinates scaled by a power of two, squared exactly (a fused
//! multiply-add gives each square's rounding error), summed with
//! compensation, and the square root given a differential correction.
//! A libm `hypot` chained over the coordinates differs in the last digit
//! for about one 3-vector in six.

use super::misc::{frexp, ldexp};

/// A value and the rounding error of the operation that made it.
struct Split {
    hi: f64,
    lo: f64,
}

/// `a + b` and its error, for `|a| >= |b|`.
fn fast_sum(a: f64, b: f64) -> Split {
    let hi = a + b;
    Split { hi, lo: (a - hi) + b }
}

/// `x * y` and its error.
fn mul(x: f64, y: f64) -> Split {
    let hi = x * y;
    Split { hi, lo: x.mul_add(y, -hi) }
}

/// The norm of `coords` (absolute values taken here).
pub fn norm(coords: &[f64]) -> f64 {
    let abs: Vec<f64> = coords.iter().map(|c| c.abs()).collect();
    let max = abs.iter().copied().fold(0.0, |m: f64, c| if c > m { c } else { m });
    if max.is_infinite() {
        return max;
    }
    if abs.iter().any(|c| c.is_nan()) {
        return f64::NAN;
    }
    scaled_norm(abs, max)
}

fn scaled_norm(mut v: Vec<f64>, max: f64) -> f64 {
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let max_e = frexp(max).1;
    if max_e < -1023 {
        // 2**-max_e would overflow: make subnormals normal first.
        v.iter_mut().for_each(|c| *c /= f64::MIN_POSITIVE);
        return f64::MIN_POSITIVE * scaled_norm(v, max / f64::MIN_POSITIVE);
    }
    let scale = ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0, 0.0, 0.0);
    for c in v {
        let x = c * scale;
        let pr = mul(x, x);
        let sm = fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr = mul(-h, h);
    let sm = fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frexp_exponents_are_cs() {
        let frexp_exponent = |x: f64| frexp(x).1;
        assert_eq!(frexp_exponent(1.0), 1);
        assert_eq!(frexp_exponent(0.5), 0);
        assert_eq!(frexp_exponent(3.0), 2);
        assert_eq!(frexp_exponent(f64::MIN_POSITIVE), -1021);
        assert_eq!(frexp_exponent(f64::MIN_POSITIVE / 2.0), -1022);
        assert_eq!(frexp_exponent(5e-324), -1073);
    }

    #[test]
    fn norms_of_simple_vectors() {
        assert_eq!(norm(&[3.0, 4.0]), 5.0);
        assert_eq!(norm(&[-3.0]), 3.0);
        assert_eq!(norm(&[]), 0.0);
        assert!(norm(&[f64::NAN, 1.0]).is_nan());
        assert_eq!(norm(&[f64::NAN, f64::INFINITY]), f64::INFINITY);
        assert_eq!(norm(&[5e-324, 5e-324]), 5e-324);
        assert_eq!(norm(&[1e308, 1e308]), 1.4142135623730951e308);
        assert_eq!(ldexp(1.0, -1024), f64::MIN_POSITIVE / 4.0);
    }
}
