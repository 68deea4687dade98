//! A set's storage, iterated in CPython's order.
//!
//! CPython iterates a set in the order of its hash table's slots
//! (`Objects/setobject.c`): `{3, 1, 2}` prints `{1, 2, 3}`, and where an
//! element lands depends on its hash, the table's size and what was added
//! and removed before. For elements whose hashes are CPython's own (ints,
//! floats, tuples and frozensets of them: [`stable`]) a [`Layout`] replays
//! that table slot for slot (probing, dummies, resizes, `pop`'s finger) and
//! gives the order. A set holding anything else (strings, whose hashes
//! CPython randomises per process, objects hashed by address) has no order
//! to reproduce and keeps insertion order.
//!
//! The set algebra that decides in which order entries are added (copies,
//! merges, `&`, `-`, `^`) is `builtins/sets.rs`.

use crate::value::{Table, Value};

type Eq<'a> = &'a mut dyn FnMut(&Value, &Value) -> bool;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: u64 = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(u64, Value),
}

/// CPython's set table for the same additions and removals.
#[derive(Clone)]
pub struct Layout {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for Layout {
    fn default() -> Layout {
        Layout { slots: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }
}

/// True for values whose hash is CPython's, so that their order is too.
pub fn stable(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Big(_) | Value::Bool(_) => true,
        Value::Float(f) => !f.is_nan(),
        Value::Tuple(items) => items.iter().all(stable),
        Value::Set(s) => s.frozen && s.table.borrow().layout.is_some(),
        _ => false,
    }
}

/// The first slot of every probe run of `hash`, then the runs' slots
/// (`i..=i + probes`), until `visit` answers `Some`.
fn probe<T>(mask: u64, hash: u64, mut visit: impl FnMut(usize) -> Option<T>) -> T {
    let (mut i, mut perturb) = (hash & mask, hash);
    loop {
        let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        for j in i..=i + probes {
            if let Some(out) = visit(j as usize) {
                return out;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

impl Layout {
    fn mask(&self) -> u64 {
        self.slots.len() as u64 - 1
    }

    /// `set_add_entry` for a key the set does not hold. The new key takes
    /// the last dummy its probe passed, else the empty slot it stopped at.
    pub fn add(&mut self, hash: u64, key: Value) {
        let mut free = None;
        let slots = &self.slots;
        let empty = probe(self.mask(), hash, |j| match slots[j] {
            Slot::Empty => Some(j),
            Slot::Dummy => {
                free = Some(j);
                None
            }
            Slot::Full(..) => None,
        });
        self.used += 1;
        if let Some(f) = free {
            self.slots[f] = Slot::Full(hash, key);
            return;
        }
        self.slots[empty] = Slot::Full(hash, key);
        self.fill += 1;
        if self.fill * 5 >= self.mask() as usize * 3 {
            self.resize(if self.used > 50_000 { self.used * 2 } else { self.used * 4 });
        }
    }

    /// Marks the slot of a key the set holds as a dummy (`set_discard_entry`).
    pub fn discard(&mut self, hash: u64, stored: &Value, eq: Eq) {
        let slots = &self.slots;
        let found = probe(self.mask(), hash, |j| match &slots[j] {
            Slot::Empty => Some(None),
            Slot::Full(h, k) if *h == hash && (k.is(stored) || eq(k, stored)) => Some(Some(j)),
            _ => None,
        });
        if let Some(j) = found {
            self.slots[j] = Slot::Dummy;
            self.used -= 1;
        }
    }

    /// `set_table_resize`: a table for `min_used` entries, dummies dropped.
    pub fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Full(h, k) = slot {
                self.insert_clean(h, k);
            }
        }
    }

    /// `set_insert_clean`: into the first empty slot of the probe sequence.
    fn insert_clean(&mut self, hash: u64, key: Value) {
        let slots = &self.slots;
        let j = probe(self.mask(), hash, |j| matches!(slots[j], Slot::Empty).then_some(j));
        self.slots[j] = Slot::Full(hash, key);
    }

    /// `set.pop()`'s choice: the first full slot from the finger on. The
    /// slot becomes a dummy; the caller removes the key from the table.
    pub fn pop(&mut self) -> Option<(u64, Value)> {
        if self.used == 0 {
            return None;
        }
        let mut i = self.finger & self.mask() as usize;
        while !matches!(self.slots[i], Slot::Full(..)) {
            i = (i + 1) % self.slots.len();
        }
        let Slot::Full(hash, key) = std::mem::replace(&mut self.slots[i], Slot::Dummy) else { return None };
        self.used -= 1;
        self.finger = i + 1;
        Some((hash, key))
    }

    /// `set_merge`'s one resize before adding `incoming` entries.
    pub fn presize(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() as usize * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// `set_merge` into this empty table: the same slots when the sizes
    /// agree and `other` has no dummies, else clean inserts in its order.
    fn merge_into_empty(&mut self, other: &Layout) {
        self.presize(other.used);
        if self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots = other.slots.clone();
        } else {
            for (h, k) in other.entries() {
                self.insert_clean(h, k.clone());
            }
        }
        self.fill = other.used;
        self.used = other.used;
    }

    /// The entries in slot order: the set's iteration order.
    pub fn entries(&self) -> impl Iterator<Item = (u64, &Value)> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full(h, k) => Some((*h, k)),
            _ => None,
        })
    }
}

/// A set's entries: the lookup table, and CPython's layout while every
/// element has a [`stable`] hash (`None` after any other was added).
#[derive(Clone)]
pub struct SetTable {
    table: Table,
    layout: Option<Layout>,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable { table: Table::default(), layout: Some(Layout::default()) }
    }
}

impl SetTable {
    pub fn len(&self) -> usize {
        self.table.len()
    }
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
    pub fn contains(&self, key: &Value, hash: u64, eq: Eq) -> bool {
        self.table.contains(key, hash, eq)
    }

    /// Adds `key` (hash `hash`); false if an equal key was there.
    pub fn insert(&mut self, key: Value, hash: u64, eq: Eq) -> bool {
        if self.table.contains(&key, hash, eq) {
            return false;
        }
        match &mut self.layout {
            Some(l) if stable(&key) => l.add(hash, key.clone()),
            _ => self.layout = None,
        }
        self.table.push_new(key, Value::None, hash);
        true
    }

    /// Removes the key equal to `key`; false if there was none.
    pub fn remove(&mut self, key: &Value, hash: u64, eq: Eq) -> bool {
        let Some((stored, _)) = self.table.remove(key, hash, eq) else { return false };
        if let Some(l) = &mut self.layout {
            l.discard(hash, &stored, eq);
        }
        true
    }

    /// `set.pop()`: CPython's choice where there is a layout, else the oldest key.
    pub fn pop(&mut self, eq: Eq) -> Option<Value> {
        let Some(l) = &mut self.layout else { return self.table.pop_first().map(|(k, _)| k) };
        let (hash, key) = l.pop()?;
        self.table.remove(&key, hash, eq);
        Some(key)
    }

    /// Empties the set; its layout starts again from the small table.
    pub fn clear(&mut self) {
        self.table.clear();
        let finger = self.layout.as_ref().map_or(0, |l| l.finger);
        self.layout = Some(Layout { finger, ..Layout::default() });
    }

    /// Prepares for `incoming` more entries as `set_merge` and `set.update(dict)` do.
    pub fn presize(&mut self, incoming: usize) {
        if let Some(l) = &mut self.layout {
            l.presize(incoming);
        }
    }

    /// After removals (`difference_update`): when more than a quarter of
    /// the slots are dummies, CPython rebuilds the table without them.
    pub fn shed_dummies(&mut self) {
        if let Some(l) = &mut self.layout {
            if l.fill - l.used > l.mask() as usize / 4 {
                l.resize(if l.used > 50_000 { l.used * 2 } else { l.used * 4 });
            }
        }
    }

    /// Empty with no dummies: `set_merge` copies into such a table.
    pub fn pristine(&self) -> bool {
        self.table.is_empty() && self.layout.as_ref().is_some_and(|l| l.fill == 0)
    }

    /// Takes `copy`'s entries, table and all, in place of this one's; the
    /// `pop` finger stays (`set_merge` into a [`pristine`](Self::pristine)
    /// table, `set_swap_bodies`).
    pub fn replace_body(&mut self, copy: SetTable) {
        let finger = self.layout.as_ref().map_or(0, |l| l.finger);
        *self = copy;
        if let Some(l) = &mut self.layout {
            l.finger = finger;
        }
    }

    /// `set_merge(self, other)` into this empty set: what `set(other)`
    /// and `other.copy()` make.
    pub fn copy_of(other: &SetTable) -> SetTable {
        let layout = other.layout.as_ref().map(|o| {
            let mut l = Layout::default();
            l.merge_into_empty(o);
            l
        });
        SetTable { table: other.table.clone(), layout }
    }

    /// The keys in iteration order.
    pub fn keys(&self) -> Vec<Value> {
        match &self.layout {
            Some(l) => l.entries().map(|(_, k)| k.clone()).collect(),
            None => self.table.keys(),
        }
    }

    /// The keys with their hashes, in iteration order.
    pub fn entries(&self) -> Vec<(Value, u64)> {
        match &self.layout {
            Some(l) => l.entries().map(|(h, k)| (k.clone(), h)).collect(),
            None => self.table.raw().into_iter().map(|(k, _, h)| (k, h)).collect(),
        }
    }

    /// Takes every key out (for a flat drop).
    pub fn drain(&mut self) -> Vec<Value> {
        self.layout = Some(Layout::default());
        self.table.drain_values()
    }

    /// True while the set's order is CPython's (every element [`stable`]).
    pub fn ordered(&self) -> bool {
        self.layout.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_eq(a: &Value, b: &Value) -> bool {
        matches!((a, b), (Value::Int(x), Value::Int(y)) if x == y)
    }

    fn order(adds: &[i64], discards: &[i64]) -> Vec<i64> {
        let mut t = SetTable::default();
        for &a in adds {
            t.insert(Value::Int(a), crate::interp::numhash::int(a) as u64, &mut int_eq);
        }
        for &d in discards {
            t.remove(&Value::Int(d), crate::interp::numhash::int(d) as u64, &mut int_eq);
        }
        t.keys().iter().map(|k| if let Value::Int(i) = k { *i } else { 0 }).collect()
    }

    #[test]
    fn ints_come_out_in_cpython_s_slot_order() {
        // python3 -c "print(list({3, 2, 1}), list({10, 5, 100, 1}))"
        assert_eq!(order(&[3, 2, 1], &[]), [1, 2, 3]);
        assert_eq!(order(&[10, 5, 100, 1], &[]), [1, 10, 100, 5]);
        // s = set(); [s.add(x) for x in (-1, 8, 16, 0, 33, 7)]; print(list(s))
        assert_eq!(order(&[-1, 8, 16, 0, 33, 7], &[]), [0, 33, 7, 8, 16, -1]);
    }

    #[test]
    fn a_new_key_takes_the_last_dummy_its_probe_passed() {
        // s = {0, 8, 16}; s.discard(0); s.discard(16); s.add(24); print(list(s))
        // 0, 8 and 16 sit in slots 0, 1 and 6; 24 probes 0, 1, 6, 7 and takes
        // 16's old slot, the last dummy it passed: [8, 24].
        let mut t = SetTable::default();
        for a in [0, 8, 16] {
            t.insert(Value::Int(a), a as u64, &mut int_eq);
        }
        for d in [0, 16] {
            t.remove(&Value::Int(d), d as u64, &mut int_eq);
        }
        t.insert(Value::Int(24), 24, &mut int_eq);
        let keys: Vec<i64> = t.keys().iter().filter_map(Value::as_i64).collect();
        assert_eq!(keys, [8, 24]);
    }

    #[test]
    fn a_string_gives_up_the_layout_and_clear_restores_it() {
        let mut t = SetTable::default();
        let eq: Eq = &mut |a, b| a.is(b);
        t.insert(Value::Int(5), 5, eq);
        t.insert(Value::str("x"), 99, eq);
        t.insert(Value::Int(1), 1, eq);
        assert!(!t.ordered());
        assert!(matches!(t.keys()[0], Value::Int(5)));
        t.clear();
        t.insert(Value::Int(5), 5, eq);
        t.insert(Value::Int(1), 1, eq);
        assert!(t.ordered());
        assert!(matches!(t.keys()[0], Value::Int(1)));
    }
}
