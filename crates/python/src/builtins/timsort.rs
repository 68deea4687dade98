//! CPython's list sort (timsort with 3.11's powersort merge order),
//! comparison for comparison: natural runs extended to `minrun` by binary
//! insertion, merged with galloping. Each step is one `<`, so an `__lt__`
//! with side effects sees CPython's calls in CPython's order, and
//! inconsistent orders (NaNs, sets) end where CPython's do.
//!
//! The sort permutes `a`, a vector of indices into `keys`.

use asyncio_engine::PyResult;

use crate::value::Value;

const MIN_GALLOP: usize = 7;

/// `keys[x] < keys[y]`.
type Less<'k> = &'k dyn Fn(usize, usize) -> PyResult<bool>;

/// A run on the stack: start, length, and its powersort power.
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

/// Sorts `a` (indices into `keys`) stably by `less`.
pub fn sort(
    a: &mut [usize],
    keys: &[Value],
    less: &dyn Fn(&Value, &Value) -> PyResult<bool>,
) -> PyResult<()> {
    let lt = |x: usize, y: usize| less(&keys[x], &keys[y]);
    let n = a.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = Merge { min_gallop: MIN_GALLOP, runs: Vec::new() };
    let minrun = min_run(n);
    let mut lo = 0;
    while lo < n {
        let (mut len, descending) = count_run(a, lo, n, &lt)?;
        if descending {
            a[lo..lo + len].reverse();
        }
        if len < minrun {
            let force = (n - lo).min(minrun);
            binary_sort(&mut a[lo..lo + force], len, &lt)?;
            len = force;
        }
        ms.found_new_run(a, lo, len, n, &lt)?;
        ms.runs.push(Run { base: lo, len, power: 0 });
        lo += len;
    }
    // merge_force_collapse
    while ms.runs.len() > 1 {
        let mut i = ms.runs.len() - 2;
        if i > 0 && ms.runs[i - 1].len < ms.runs[i + 1].len {
            i -= 1;
        }
        ms.merge_at(a, i, &lt)?;
    }
    Ok(())
}

/// CPython's `merge_compute_minrun`.
fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The run starting at `lo`: non-descending, or strictly descending.
fn count_run(a: &[usize], lo: usize, hi: usize, lt: Less) -> PyResult<(usize, bool)> {
    if lo + 1 == hi {
        return Ok((1, false));
    }
    let mut n = 2;
    if lt(a[lo + 1], a[lo])? {
        while lo + n < hi && lt(a[lo + n], a[lo + n - 1])? {
            n += 1;
        }
        return Ok((n, true));
    }
    while lo + n < hi && !lt(a[lo + n], a[lo + n - 1])? {
        n += 1;
    }
    Ok((n, false))
}

/// Binary insertion of `s[start..]` into the sorted `s[..start]`.
fn binary_sort(s: &mut [usize], start: usize, lt: Less) -> PyResult<()> {
    for i in start.max(1)..s.len() {
        let pivot = s[i];
        let (mut l, mut r) = (0, i);
        while l < r {
            let p = l + (r - l) / 2;
            if lt(pivot, s[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        s.copy_within(l..i, l + 1);
        s[l] = pivot;
    }
    Ok(())
}

/// Where `key` goes in sorted `s`, before equal items; the search starts
/// from `hint` and gallops.
fn gallop_left(key: usize, s: &[usize], hint: usize, lt: Less) -> PyResult<usize> {
    let n = s.len();
    let (mut last, mut ofs) = (0usize, 1usize);
    let (mut lo, mut hi);
    if lt(s[hint], key)? {
        let max = n - hint;
        while ofs < max && lt(s[hint + ofs], key)? {
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(max);
        lo = hint + last + 1;
        hi = hint + ofs;
    } else {
        let max = hint + 1;
        while ofs < max && !lt(s[hint - ofs], key)? {
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(max);
        // s[hint - ofs] < key <= s[hint - last]
        lo = hint + 1 - ofs;
        hi = hint - last;
    }
    while lo < hi {
        let m = lo + (hi - lo) / 2;
        if lt(s[m], key)? {
            lo = m + 1;
        } else {
            hi = m;
        }
    }
    Ok(hi)
}

/// Where `key` goes in sorted `s`, after equal items.
fn gallop_right(key: usize, s: &[usize], hint: usize, lt: Less) -> PyResult<usize> {
    let n = s.len();
    let (mut last, mut ofs) = (0usize, 1usize);
    let (mut lo, mut hi);
    if lt(key, s[hint])? {
        let max = hint + 1;
        while ofs < max && lt(key, s[hint - ofs])? {
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(max);
        // s[hint - ofs] <= key < s[hint - last]
        lo = hint + 1 - ofs;
        hi = hint - last;
    } else {
        let max = n - hint;
        while ofs < max && !lt(key, s[hint + ofs])? {
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(max);
        lo = hint + last + 1;
        hi = hint + ofs;
    }
    while lo < hi {
        let m = lo + (hi - lo) / 2;
        if lt(key, s[m])? {
            hi = m;
        } else {
            lo = m + 1;
        }
    }
    Ok(hi)
}

/// How a merge loop ended.
enum End {
    Done,
    /// One item of the temporary run is left: it goes at the far end.
    CopyLast,
}

/// Breaks out of the merge loop `$l` with the error, or yields the value.
macro_rules! tri {
    ($l:lifetime, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => break $l Err(e),
        }
    };
}

struct Merge {
    min_gallop: usize,
    runs: Vec<Run>,
}

impl Merge {
    /// Powersort: merges the runs below whose power exceeds the new
    /// boundary's, then records that power on the top run.
    fn found_new_run(
        &mut self,
        a: &mut [usize],
        start: usize,
        n2: usize,
        n: usize,
        lt: Less,
    ) -> PyResult<()> {
        let Some(top) = self.runs.last() else { return Ok(()) };
        let power = power_of(top.base, top.len, n2, n);
        debug_assert_eq!(top.base + top.len, start);
        while self.runs.len() > 1 && self.runs[self.runs.len() - 2].power > power {
            self.merge_at(a, self.runs.len() - 2, lt)?;
        }
        if let Some(top) = self.runs.last_mut() {
            top.power = power;
        }
        Ok(())
    }

    /// Merges runs `i` and `i + 1`.
    fn merge_at(&mut self, a: &mut [usize], i: usize, lt: Less) -> PyResult<()> {
        let (ra, rb) = (self.runs[i], self.runs[i + 1]);
        self.runs[i].len = ra.len + rb.len;
        self.runs.remove(i + 1);
        // Items of a before b's first are in place, and of b after a's last.
        let k = gallop_right(a[rb.base], &a[ra.base..ra.base + ra.len], 0, lt)?;
        let (base_a, na) = (ra.base + k, ra.len - k);
        if na == 0 {
            return Ok(());
        }
        let nb = gallop_left(a[base_a + na - 1], &a[rb.base..rb.base + rb.len], rb.len - 1, lt)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(a, base_a, na, rb.base, nb, lt)
        } else {
            self.merge_hi(a, base_a, na, rb.base, nb, lt)
        }
    }

    /// Merges `a[pa..pa + na]` and the run after it, copying the first.
    fn merge_lo(
        &mut self,
        a: &mut [usize],
        pa0: usize,
        na: usize,
        pb: usize,
        nb: usize,
        lt: Less,
    ) -> PyResult<()> {
        let tmp: Vec<usize> = a[pa0..pa0 + na].to_vec();
        let (mut na, mut nb, mut pa, mut pb, mut dest) = (na, nb, 0usize, pb, pa0);
        a[dest] = a[pb];
        dest += 1;
        pb += 1;
        nb -= 1;
        let end: PyResult<End> = 'merge: {
            if nb == 0 {
                break 'merge Ok(End::Done);
            }
            if na == 1 {
                break 'merge Ok(End::CopyLast);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    if tri!('merge, lt(a[pb], tmp[pa])) {
                        a[dest] = a[pb];
                        (dest, pb, nb, bcount, acount) = (dest + 1, pb + 1, nb - 1, bcount + 1, 0);
                        if nb == 0 {
                            break 'merge Ok(End::Done);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        a[dest] = tmp[pa];
                        (dest, pa, na, acount, bcount) = (dest + 1, pa + 1, na - 1, acount + 1, 0);
                        if na == 1 {
                            break 'merge Ok(End::CopyLast);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let k = tri!('merge, gallop_right(a[pb], &tmp[pa..pa + na], 0, lt));
                    acount = k;
                    if k > 0 {
                        a[dest..dest + k].copy_from_slice(&tmp[pa..pa + k]);
                        (dest, pa, na) = (dest + k, pa + k, na - k);
                        if na == 1 {
                            break 'merge Ok(End::CopyLast);
                        }
                        if na == 0 {
                            break 'merge Ok(End::Done);
                        }
                    }
                    a[dest] = a[pb];
                    (dest, pb, nb) = (dest + 1, pb + 1, nb - 1);
                    if nb == 0 {
                        break 'merge Ok(End::Done);
                    }
                    let k = tri!('merge, gallop_left(tmp[pa], &a[pb..pb + nb], 0, lt));
                    bcount = k;
                    if k > 0 {
                        a.copy_within(pb..pb + k, dest);
                        (dest, pb, nb) = (dest + k, pb + k, nb - k);
                        if nb == 0 {
                            break 'merge Ok(End::Done);
                        }
                    }
                    a[dest] = tmp[pa];
                    (dest, pa, na) = (dest + 1, pa + 1, na - 1);
                    if na == 1 {
                        break 'merge Ok(End::CopyLast);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match end {
            Ok(End::CopyLast) => {
                a.copy_within(pb..pb + nb, dest);
                a[dest + nb] = tmp[pa];
                Ok(())
            }
            other => {
                a[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
                other.map(drop)
            }
        }
    }

    /// Merges run `a[base_a..base_a + na]` and `a[base_b..base_b + nb]`
    /// from the right, copying the second.
    #[allow(clippy::too_many_lines)]
    fn merge_hi(
        &mut self,
        a: &mut [usize],
        base_a: usize,
        na: usize,
        base_b: usize,
        nb: usize,
        lt: Less,
    ) -> PyResult<()> {
        let tmp: Vec<usize> = a[base_b..base_b + nb].to_vec();
        // Positions of the last unmerged items (one before a run's start when it is used up).
        let (mut na, mut nb) = (na, nb);
        let mut dest = (base_b + nb - 1) as isize;
        let mut pa = (base_a + na - 1) as isize;
        let mut pb = nb as isize - 1;
        let at = |i: isize| i as usize;
        a[at(dest)] = a[at(pa)];
        dest -= 1;
        pa -= 1;
        na -= 1;
        let end: PyResult<End> = 'merge: {
            if na == 0 {
                break 'merge Ok(End::Done);
            }
            if nb == 1 {
                break 'merge Ok(End::CopyLast);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    if tri!('merge, lt(tmp[at(pb)], a[at(pa)])) {
                        a[at(dest)] = a[at(pa)];
                        (dest, pa, na, acount, bcount) = (dest - 1, pa - 1, na - 1, acount + 1, 0);
                        if na == 0 {
                            break 'merge Ok(End::Done);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        a[at(dest)] = tmp[at(pb)];
                        (dest, pb, nb, bcount, acount) = (dest - 1, pb - 1, nb - 1, bcount + 1, 0);
                        if nb == 1 {
                            break 'merge Ok(End::CopyLast);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let k = tri!('merge, gallop_right(tmp[at(pb)], &a[base_a..base_a + na], na - 1, lt));
                    let k = na - k;
                    acount = k;
                    if k > 0 {
                        dest -= k as isize;
                        pa -= k as isize;
                        a.copy_within(at(pa + 1)..at(pa + 1) + k, at(dest + 1));
                        na -= k;
                        if na == 0 {
                            break 'merge Ok(End::Done);
                        }
                    }
                    a[at(dest)] = tmp[at(pb)];
                    (dest, pb, nb) = (dest - 1, pb - 1, nb - 1);
                    if nb == 1 {
                        break 'merge Ok(End::CopyLast);
                    }
                    let k = tri!('merge, gallop_left(a[at(pa)], &tmp[..nb], nb - 1, lt));
                    let k = nb - k;
                    bcount = k;
                    if k > 0 {
                        dest -= k as isize;
                        pb -= k as isize;
                        a[at(dest + 1)..at(dest + 1) + k].copy_from_slice(&tmp[at(pb + 1)..at(pb + 1) + k]);
                        nb -= k;
                        if nb == 1 {
                            break 'merge Ok(End::CopyLast);
                        }
                        if nb == 0 {
                            break 'merge Ok(End::Done);
                        }
                    }
                    a[at(dest)] = a[at(pa)];
                    (dest, pa, na) = (dest - 1, pa - 1, na - 1);
                    if na == 0 {
                        break 'merge Ok(End::Done);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match end {
            Ok(End::CopyLast) => {
                // The first item of the copied run goes in front of what is left of a.
                let from = at(pa + 1 - na as isize);
                let to = at(dest + 1 - na as isize);
                a.copy_within(from..from + na, to);
                a[to - 1] = tmp[at(pb)];
                Ok(())
            }
            other => {
                if nb > 0 {
                    let to = at(dest + 1 - nb as isize);
                    a[to..to + nb].copy_from_slice(&tmp[..nb]);
                }
                other.map(drop)
            }
        }
    }
}

/// Powersort's power of the boundary between a run at `s1` of `n1` items
/// and the next of `n2`, in a list of `n`: the first bit where the
/// midpoints' binary fractions of `n` differ.
fn power_of(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    let mut power = 0;
    loop {
        power += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    power
}
