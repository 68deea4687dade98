//! Math functions as CPython 3.11 on Linux computes them, where glibc's
//! algorithm gives other last bits than Rust's: `cbrt` (a polynomial first
//! guess, one rational correction step, the exponent divided by three: not
//! correctly rounded, `cbrt(27.0)` is `3.0000000000000004`) and fdlibm's
//! `asinh`, `acosh`, `atanh` (through `log` and `log1p`).

use super::misc::{frexp, ldexp};

// glibc's constants, as written there (more digits than a double holds).
#[allow(clippy::excessive_precision)]
const CBRT2: f64 = 1.2599210498948731648;
#[allow(clippy::excessive_precision)]
const SQR_CBRT2: f64 = 1.5874010519681994748;
const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];

pub fn cbrt(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp(x.abs());
    #[allow(clippy::excessive_precision)]
    let u = 0.354895765043919860
        + ((1.50819193781584896
            + ((-2.11499494167371287
                + ((2.44693122563534430
                    + ((-1.83469277483613086
                        + (0.784932344976639262 - 0.145263899385486377 * xm) * xm)
                        * xm))
                    * xm))
                * xm))
            * xm);
    let t2 = u * u * u;
    // C's `%` and `/` truncate towards zero.
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    let y = ldexp(ym, xe / 3);
    if x > 0.0 {
        y
    } else {
        -y
    }
}

/// fdlibm's `ln2` (6.93147180559945286227e-01) is this double.
const LN2: f64 = std::f64::consts::LN_2;

/// The high 32 bits of `x` without the sign.
fn high_word(x: f64) -> u32 {
    ((x.to_bits() >> 32) as u32) & 0x7fff_ffff
}

pub fn asinh(x: f64) -> f64 {
    let ix = high_word(x);
    if ix < 0x3e30_0000 {
        return x; // |x| < 2**-28
    }
    let xa = x.abs();
    let w = if ix > 0x41b0_0000 {
        if !x.is_finite() {
            return x + x;
        }
        xa.ln() + LN2
    } else if ix > 0x4000_0000 {
        (2.0 * xa + 1.0 / ((xa * xa + 1.0).sqrt() + xa)).ln()
    } else {
        let t = xa * xa;
        (xa + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

pub fn acosh(x: f64) -> f64 {
    let hx = (x.to_bits() >> 32) as i64 as i32;
    if x.is_nan() {
        return x;
    }
    if x < 1.0 {
        return f64::NAN; // the domain error `(x - x) / (x - x)` makes
    }
    if hx >= 0x41b0_0000 {
        if !x.is_finite() {
            return x + x;
        }
        return x.ln() + LN2;
    }
    if x == 1.0 {
        return 0.0;
    }
    if hx > 0x4000_0000 {
        let t = x * x;
        return (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln();
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

pub fn atanh(x: f64) -> f64 {
    let xa = x.abs();
    let t = if xa < 0.5 {
        if xa < f64::from_bits((1023 - 28) << 52) {
            return x;
        }
        let t = xa + xa;
        0.5 * (t + t * xa / (1.0 - xa)).ln_1p()
    } else if xa < 1.0 {
        0.5 * ((xa + xa) / (1.0 - xa)).ln_1p()
    } else if xa.is_nan() {
        return x;
    } else if xa > 1.0 {
        return f64::NAN;
    } else {
        return x / 0.0;
    };
    t.copysign(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// python3's `math.cbrt` on this machine (glibc).
    #[test]
    fn matches_glibc() {
        assert_eq!(cbrt(27.0), 3.000_000_000_000_000_4);
        assert_eq!(cbrt(-8.0), -2.0);
        assert_eq!(cbrt(2.0), 1.259_921_049_894_873_4);
        assert_eq!(cbrt(0.0), 0.0);
        assert!(cbrt(-0.0).is_sign_negative());
        assert_eq!(cbrt(f64::NEG_INFINITY), f64::NEG_INFINITY);
        assert_eq!(frexp(1.0), (0.5, 1));
        assert_eq!(frexp(5e-324), (0.5, -1073));
    }
}
