//! CPython 3.11's `random.Random`, bit for bit.
//!
//! The generator is the Mersenne Twister of CPython's `Modules/_randommodule.c`
//! (`init_genrand`, `init_by_array`, `genrand_uint32`, `random_random`,
//! `getrandbits`, and `random_seed` for int seeds), and the methods are the
//! pure-Python algorithms of `Lib/random.py` 3.11 (`_randbelow` by
//! `getrandbits` rejection, `randrange`, `randint`, `uniform`, `choice`,
//! `shuffle`, `sample` with both of its branches). Given the same seed, every
//! method returns what Python returns and leaves the generator in the same
//! state, so a sequence of calls matches Python's call for call:
//!
//! ```
//! use asyncio_engine::pyrandom::Random;
//!
//! let mut rng = Random::new(42); // random.Random(42)
//! assert_eq!(rng.random(), 0.6394267984578837);
//! assert_eq!(rng.randint(1, 10), Ok(1));
//! assert_eq!(rng.randrange(0, 100, 5), Ok(40));
//! ```
//!
//! Errors are returned, never raised: the `Err` string is the message of the
//! exception Python raises (the exception type is given in each method's
//! documentation). No input makes these functions panic.

/// Degree of recurrence of the Mersenne Twister (`N` in CPython).
const N: usize = 624;
/// Middle word offset (`M` in CPython).
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;
/// The error of `sample` when its memory cannot be reserved (a `MemoryError`).
const OUT_OF_MEMORY: &str = "out of memory";

/// A `random.Random` instance: 624 words of Mersenne Twister state and the
/// index of the next word to temper.
#[derive(Clone)]
pub struct Random {
    mt: [u32; N],
    /// Always `<= N`; `N` means the state must be regenerated before use.
    index: usize,
}

impl std::fmt::Debug for Random {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Random").field("index", &self.index).finish_non_exhaustive()
    }
}

impl Random {
    /// `random.Random(seed)` for an int seed: the generator seeded with the
    /// 32-bit words of `abs(seed)`, least significant first, as CPython's
    /// `random_seed` does (seed `0` is the key `[0]`). Accepts any integer
    /// type up to `i128`/`u64`; `Random::new(-5)` equals `Random::new(5)`, as in
    /// Python.
    pub fn new(seed: impl Into<i128>) -> Self {
        let mut rng = Random { mt: [0; N], index: N };
        rng.seed(seed);
        rng
    }

    /// `random.seed(seed)` / `Random.seed(seed)` for an int seed: reseed this
    /// generator exactly as [`Random::new`] does.
    pub fn seed(&mut self, seed: impl Into<i128>) {
        let n = seed.into().unsigned_abs();
        let mut key = Vec::with_capacity(4);
        let mut rest = n;
        loop {
            key.push(rest as u32);
            rest >>= 32;
            if rest == 0 {
                break;
            }
        }
        self.init_by_array(&key);
    }

    /// A generator seeded by CPython's `init_by_array` with this key, the
    /// seeding a Python int seed reduces to (its absolute value's 32-bit words,
    /// least significant first). An empty key is treated as `[0]`.
    pub fn from_key(key: &[u32]) -> Self {
        let mut rng = Random { mt: [0; N], index: N };
        rng.init_by_array(if key.is_empty() { &[0] } else { key });
        rng
    }

    /// CPython's `init_genrand(s)`.
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// CPython's `init_by_array(init_key, key_length)`; `key` is non-empty.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let key_length = key.len().max(1);
        let mut i = 1usize;
        let mut j = 0usize;
        let mut k = N.max(key_length);
        while k > 0 {
            let prev = self.mt[i - 1];
            let word = key.get(j).copied().unwrap_or(0);
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(word)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key_length {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = self.mt[i - 1];
            self.mt[i] =
                (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x8000_0000;
        self.index = N;
    }

    /// CPython's `genrand_uint32`: the next tempered 32-bit output.
    pub fn genrand_uint32(&mut self) -> u32 {
        if self.index >= N {
            let mag01 = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (self.mt[kk] & UPPER_MASK) | (self.mt[kk + 1] & LOWER_MASK);
                self.mt[kk] = self.mt[kk + M] ^ (y >> 1) ^ mag01(y);
            }
            for kk in N - M..N - 1 {
                let y = (self.mt[kk] & UPPER_MASK) | (self.mt[kk + 1] & LOWER_MASK);
                self.mt[kk] = self.mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
            }
            let y = (self.mt[N - 1] & UPPER_MASK) | (self.mt[0] & LOWER_MASK);
            self.mt[N - 1] = self.mt[M - 1] ^ (y >> 1) ^ mag01(y);
            self.index = 0;
        }
        let mut y = self.mt.get(self.index).copied().unwrap_or(0);
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random()`: a float in `[0.0, 1.0)` with 53 random bits, as CPython's
    /// `random_random` builds it: `a = genrand >> 5`, `b = genrand >> 6`,
    /// `(a * 67108864.0 + b) / 9007199254740992.0`.
    pub fn random(&mut self) -> f64 {
        let a = self.genrand_uint32() >> 5;
        let b = self.genrand_uint32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`, as CPython computes it: `0` for `k == 0`; for
    /// `k <= 32` one word shifted right by `32 - k`; otherwise `ceil(k / 32)`
    /// words, least significant first, the last one shifted right to keep
    /// only the remaining bits.
    ///
    /// The result is exact for `k <= 128`. For larger `k` the generator
    /// consumes exactly the words Python consumes and the low 128 bits of
    /// Python's result are returned (see [`Random::getrandbits_words`] for all
    /// of them).
    pub fn getrandbits(&mut self, k: u32) -> u128 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return u128::from(self.genrand_uint32() >> (32 - k));
        }
        let mut result = 0u128;
        let mut shift = 0u32;
        let mut remaining = k;
        while remaining > 0 {
            let mut r = self.genrand_uint32();
            if remaining < 32 {
                r >>= 32 - remaining;
            }
            if shift < 128 {
                result |= u128::from(r) << shift;
            }
            shift = shift.saturating_add(32);
            remaining = remaining.saturating_sub(32);
        }
        result
    }

    /// `getrandbits(k)` for any `k`: the 32-bit words of the result, least
    /// significant first (`ceil(k / 32)` words; empty for `k == 0`), exactly
    /// as CPython fills its word array before building the int.
    pub fn getrandbits_words(&mut self, k: u32) -> Vec<u32> {
        if k == 0 {
            return Vec::new();
        }
        if k <= 32 {
            return vec![self.genrand_uint32() >> (32 - k)];
        }
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut remaining = k;
        while remaining > 0 {
            let mut r = self.genrand_uint32();
            if remaining < 32 {
                r >>= 32 - remaining;
            }
            words.push(r);
            remaining = remaining.saturating_sub(32);
        }
        words
    }

    /// `_randbelow(n)` (`_randbelow_with_getrandbits`): `k = n.bit_length()`,
    /// then `getrandbits(k)` until the result is below `n`.
    ///
    /// Defined for `n > 0`, as in Python; for `n == 0` (where Python would
    /// loop forever) this returns `0` without touching the generator.
    pub fn randbelow(&mut self, n: u128) -> u128 {
        if n == 0 {
            return 0;
        }
        let k = 128 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }

    /// `randrange(stop)`: `_randbelow(stop)`.
    ///
    /// Errors (Python's `ValueError`) with `"empty range for randrange()"`
    /// when `stop <= 0`.
    pub fn randrange_stop(&mut self, stop: i64) -> Result<i64, String> {
        if stop > 0 {
            // `stop` is positive, and the result is below it.
            Ok(self.randbelow(stop as u128) as i64)
        } else {
            Err("empty range for randrange()".to_string())
        }
    }

    /// `randrange(start, stop, step)` with 3.11's algorithm (and
    /// `randrange(start, stop)` with `step = 1`). The arithmetic is done in
    /// `i128`, so any `i64` bounds work, including ranges wider than `2**63`.
    ///
    /// Errors (Python's `ValueError`), with Python's messages:
    /// - `step == 1` and `stop <= start`:
    ///   `"empty range for randrange() (start, stop, stop - start)"`;
    /// - `step == 0`: `"zero step for randrange()"`;
    /// - otherwise an empty range: `"empty range for randrange()"`.
    pub fn randrange(&mut self, start: i64, stop: i64, step: i64) -> Result<i64, String> {
        self.randrange_i128(i128::from(start), i128::from(stop), i128::from(step))
    }

    /// `randrange` on `i128` bounds; the result lies in `[start, stop)` (or
    /// `(stop, start]`), so it fits whatever type the bounds came from.
    fn randrange_i128(&mut self, start: i128, stop: i128, step: i128) -> Result<i64, String> {
        let width = stop - start;
        if step == 1 {
            if width > 0 {
                return Ok((start + self.randbelow(width as u128) as i128) as i64);
            }
            return Err(format!("empty range for randrange() ({start}, {stop}, {width})"));
        }
        let n = if step > 0 {
            (width + step - 1).div_euclid(step)
        } else if step < 0 {
            // Python's floor division; `step` is negative here.
            floor_div(width + step + 1, step)
        } else {
            return Err("zero step for randrange()".to_string());
        };
        if n <= 0 {
            return Err("empty range for randrange()".to_string());
        }
        Ok((start + step * self.randbelow(n as u128) as i128) as i64)
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`, a random integer in `[a, b]`.
    ///
    /// Errors (Python's `ValueError`) when `b < a`, with Python's message
    /// `"empty range for randrange() (a, b + 1, b + 1 - a)"`.
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, String> {
        self.randrange_i128(i128::from(a), i128::from(b) + 1, 1)
    }

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `choice(seq)`: `seq[_randbelow(len(seq))]`.
    ///
    /// Errors (Python's `IndexError`) with
    /// `"Cannot choose from an empty sequence"` when `seq` is empty.
    pub fn choice<'a, T>(&mut self, seq: &'a [T]) -> Result<&'a T, String> {
        if seq.is_empty() {
            return Err("Cannot choose from an empty sequence".to_string());
        }
        let i = self.randbelow(seq.len() as u128) as usize;
        seq.get(i).ok_or_else(|| "Cannot choose from an empty sequence".to_string())
    }

    /// `shuffle(x)`: for `i` in `reversed(range(1, len(x)))`, swap `x[i]` with
    /// `x[_randbelow(i + 1)]`.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow(i as u128 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// `sample(population, k)`: `k` distinct positions of `population`, in
    /// selection order, chosen exactly as Python 3.11 chooses them.
    ///
    /// Errors (Python's `ValueError`) with
    /// `"Sample larger than population or is negative"` when `k > len`; see
    /// [`Random::sample_indices`].
    pub fn sample<T: Clone>(&mut self, population: &[T], k: usize) -> Result<Vec<T>, String> {
        let indices = self.sample_indices(population.len(), k)?;
        Ok(indices.into_iter().filter_map(|i| population.get(i).cloned()).collect())
    }

    /// `sample(range(n), k)`: the chosen indices themselves, without building
    /// the population. Python's two branches are both reproduced: with
    /// `setsize = 21`, plus `4 ** ceil(log(3 * k, 4))` when `k > 5`, a pool
    /// of the `n` indices is used when `n <= setsize` (each pick moves the
    /// last unpicked item into the hole), and otherwise `_randbelow(n)` is
    /// drawn again while it repeats an earlier pick.
    ///
    /// Errors (Python's `ValueError`) with
    /// `"Sample larger than population or is negative"` when `k > n`, and
    /// (Python's `MemoryError`) with `"out of memory"` when the result or the
    /// pool cannot be allocated.
    pub fn sample_indices(&mut self, n: usize, k: usize) -> Result<Vec<usize>, String> {
        if k > n {
            return Err("Sample larger than population or is negative".to_string());
        }
        let mut result = Vec::new();
        result.try_reserve_exact(k).map_err(|_| OUT_OF_MEMORY.to_string())?;
        let mut setsize: u128 = 21;
        if k > 5 {
            // `_ceil(_log(k * 3, 4))`: math.log(x, 4) is log(x) / log(4).
            let x = (k as f64) * 3.0;
            let exponent = (x.ln() / 4f64.ln()).ceil();
            // 4 ** e overflows u128 only for e >= 64, far beyond any usize k.
            let e = exponent.clamp(0.0, 63.0) as u32;
            setsize += 4u128.pow(e);
        }
        if n as u128 <= setsize {
            // Invariant: the items not yet selected are pool[0 .. n - i].
            let mut pool = Vec::new();
            pool.try_reserve_exact(n).map_err(|_| OUT_OF_MEMORY.to_string())?;
            pool.extend(0..n);
            for i in 0..k {
                let j = self.randbelow((n - i) as u128) as usize;
                let last = n - i - 1;
                if let (Some(&picked), Some(&moved)) = (pool.get(j), pool.get(last)) {
                    result.push(picked);
                    if let Some(slot) = pool.get_mut(j) {
                        *slot = moved;
                    }
                }
            }
        } else {
            let mut selected = std::collections::HashSet::new();
            selected.try_reserve(k).map_err(|_| OUT_OF_MEMORY.to_string())?;
            for _ in 0..k {
                let mut j = self.randbelow(n as u128) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u128) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }
}

/// Python's `a // b` for `b < 0`.
fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}
