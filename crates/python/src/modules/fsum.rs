//! `math.fsum`: the exactly rounded sum of floats. The running sum is kept
//! exactly as a list of non-overlapping partial sums (Shewchuk's method),
//! and rounded once at the end, half to even, as CPython's fsum does.

use crate::interp::exc::raise;
use asyncio_engine::PyResult;

/// A sum in progress.
#[derive(Default)]
pub struct FSum {
    /// Non-overlapping partials, smallest magnitude first.
    partials: Vec<f64>,
    /// The sum of the infinities and NaNs added (they end the exact part).
    special: f64,
    /// The sum of the infinities alone: NaN when both signs were added.
    infinities: f64,
}

impl FSum {
    /// Adds `x`; an overflow of finite values is CPython's OverflowError.
    pub fn add(&mut self, x: f64) -> PyResult<()> {
        let mut x = x;
        let original = x;
        let mut kept = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        self.partials.truncate(kept);
        if x == 0.0 {
            return Ok(());
        }
        if x.is_finite() {
            self.partials.push(x);
            return Ok(());
        }
        // A non-finite sum: from finite values it is an overflow.
        if original.is_finite() {
            return raise("OverflowError", "intermediate overflow in fsum");
        }
        if original.is_infinite() {
            self.infinities += original;
        }
        self.special += original;
        self.partials.clear();
        Ok(())
    }

    /// The sum, correctly rounded.
    pub fn total(&self) -> PyResult<f64> {
        if self.special != 0.0 {
            if self.infinities.is_nan() {
                return raise("ValueError", "-inf + inf in fsum");
            }
            return Ok(self.special);
        }
        let p = &self.partials;
        let Some(&last) = p.last() else { return Ok(0.0) };
        let (mut hi, mut lo) = (last, 0.0);
        let mut n = p.len() - 1;
        while n > 0 {
            n -= 1;
            let (x, y) = (hi, p[n]);
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Half-way cases: the partials below decide the direction.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
        Ok(hi)
    }
}
