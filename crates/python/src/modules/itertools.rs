//! `itertools`: lazy iterators (`count`, `cycle`, `repeat`, `accumulate`,
//! `chain`, `compress`, `dropwhile`, `takewhile`, `filterfalse`, `groupby`,
//! `islice`, `pairwise`, `starmap`, `tee`, `zip_longest`) and the
//! combinatoric ones (`product`, `permutations`, `combinations`,
//! `combinations_with_replacement`), with CPython 3.11's argument errors.

use std::any::Any;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::ast::BinOp;
use crate::builtins::types::make_class;
use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::iter::{self, Iter};
use crate::interp::{attr, budget, interp, ops, text};
use crate::modules::{check_positional, clinic, no_keywords, Args, ModuleObj};
use crate::native::{method, Kwargs, Native};
use crate::object::{Builtin, BuiltinType, Class};
use crate::value::Value;
use asyncio_engine::PyResult;

/// The class `itertools.<name>` (one per interpreter).
fn class_of(name: &'static str) -> Rc<Class> {
    let types = &interp().types;
    if let Some(c) = types.natives.borrow().get(name) {
        return c.clone();
    }
    let c = make_class(name, "itertools", &[&types.object], BuiltinType::Native);
    types.natives.borrow_mut().insert(name, c.clone());
    c
}

/// One unit of the statement budget per item produced.
fn tick() -> PyResult<()> {
    if !budget::tick() {
        let it = interp();
        return Err(crate::host::runaway(&it, "in a loop over an iterable", 0));
    }
    Ok(())
}

// ---------------------------------------------------------------- arguments

/// A positional-only signature taking exactly `n` arguments (`cycle`, `starmap` ...).
fn exact(name: &str, args: &[Value], kwargs: &Kwargs, n: usize) -> PyResult<()> {
    no_keywords(name, kwargs)?;
    check_positional(name, args, n, n)
}

/// A `Py_ssize_t` argument.
fn ssize(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Big(_) => raise("OverflowError", "Python int too large to convert to C ssize_t"),
        other => match crate::interp::ops::user_index(other)? {
            Some(i) => ssize(&i),
            None => raise(
                "TypeError",
                format!("'{}' object cannot be interpreted as an integer", text::type_name(other)),
            ),
        },
    }
}

fn is_number(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Big(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::Instance(_) => ["__index__", "__int__", "__float__", "__complex__"]
            .iter()
            .any(|n| attr::lookup_special(v, n).is_some()),
        _ => false,
    }
}

fn call1(f: &Value, v: Value) -> PyResult<Value> {
    call_sync(f, vec![v], vec![])
}

/// Charges the memory budget for a buffer that grew to `len` items.
fn grew(len: usize) -> PyResult<()> {
    if len.is_multiple_of(4096) {
        ops::charge_memory(4096 * 16)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- iterators

/// The state of an itertools iterator.
enum State {
    /// Taken out by a `next` in progress.
    Busy,
    Done,
    Count {
        cur: Value,
        step: Value,
    },
    Cycle {
        it: Option<Iter>,
        saved: Vec<Value>,
        idx: usize,
    },
    Repeat {
        obj: Value,
        left: Option<i64>,
    },
    Accumulate {
        it: Iter,
        func: Option<Value>,
        total: Option<Value>,
        initial: Option<Value>,
    },
    Chain {
        source: Iter,
        active: Option<Iter>,
    },
    Compress {
        data: Iter,
        sel: Iter,
    },
    DropWhile {
        pred: Value,
        it: Iter,
        dropping: bool,
    },
    TakeWhile {
        pred: Value,
        it: Iter,
    },
    FilterFalse {
        pred: Value,
        it: Iter,
    },
    ISlice {
        it: Iter,
        next: i64,
        cnt: i64,
        /// -1: no stop.
        stop: i64,
        step: i64,
    },
    Pairwise {
        it: Iter,
        old: Option<Value>,
    },
    StarMap {
        func: Value,
        it: Iter,
    },
    ZipLongest {
        its: Vec<Option<Iter>>,
        active: usize,
        fill: Value,
    },
    Product {
        pools: Vec<Rc<crate::value::Items>>,
        indices: Vec<usize>,
        started: bool,
    },
    Permutations {
        pool: Rc<crate::value::Items>,
        r: usize,
        indices: Vec<usize>,
        cycles: Vec<usize>,
        started: bool,
    },
    Combinations {
        pool: Rc<crate::value::Items>,
        indices: Vec<usize>,
        started: bool,
    },
    CombinationsWR {
        pool: Rc<crate::value::Items>,
        indices: Vec<usize>,
        started: bool,
    },
}

/// Most itertools iterators: a kind (the class name) and a state.
pub struct ItObj {
    kind: &'static str,
    state: RefCell<State>,
}

fn obj(kind: &'static str, state: State) -> Value {
    Value::native(ItObj { kind, state: RefCell::new(state) })
}

fn pick(pool: &[Value], indices: &[usize]) -> Value {
    Value::tuple(indices.iter().map(|&i| pool[i].clone()).collect())
}

/// One step of `st`; sets `*st = State::Done` where CPython drops its iterators.
fn step(st: &mut State) -> PyResult<Option<Value>> {
    match st {
        State::Busy | State::Done => Ok(None),
        State::Count { cur, step } => {
            let next = ops::binop(BinOp::Add, cur, step)?;
            Ok(Some(std::mem::replace(cur, next)))
        }
        State::Cycle { it, saved, idx } => {
            if let Some(inner) = it {
                match inner.next()? {
                    Some(v) => {
                        saved.push(v.clone());
                        grew(saved.len())?;
                        return Ok(Some(v));
                    }
                    None => *it = None,
                }
            }
            if saved.is_empty() {
                *st = State::Done;
                return Ok(None);
            }
            let v = saved[*idx].clone();
            *idx = (*idx + 1) % saved.len();
            Ok(Some(v))
        }
        State::Repeat { obj, left } => match left {
            None => Ok(Some(obj.clone())),
            Some(n) if *n > 0 => {
                *n -= 1;
                Ok(Some(obj.clone()))
            }
            Some(_) => Ok(None),
        },
        State::Accumulate { it, func, total, initial } => {
            if let Some(v) = initial.take() {
                *total = Some(v.clone());
                return Ok(Some(v));
            }
            let Some(v) = it.next()? else { return Ok(None) };
            let new = match (total.take(), func) {
                (None, _) => v,
                (Some(t), None) => ops::binop(BinOp::Add, &t, &v)?,
                (Some(t), Some(f)) => call_sync(f, vec![t, v], vec![])?,
            };
            *total = Some(new.clone());
            Ok(Some(new))
        }
        State::Chain { source, active } => loop {
            if let Some(a) = active {
                match a.next()? {
                    Some(v) => return Ok(Some(v)),
                    None => *active = None,
                }
            }
            match source.next() {
                Ok(Some(iterable)) => match iter::iter(&iterable) {
                    Ok(i) => *active = Some(i),
                    Err(e) => {
                        *st = State::Done;
                        return Err(e);
                    }
                },
                Ok(None) => {
                    *st = State::Done;
                    return Ok(None);
                }
                Err(e) => return Err(e),
            }
        },
        State::Compress { data, sel } => loop {
            let Some(d) = data.next()? else { return Ok(None) };
            let Some(s) = sel.next()? else { return Ok(None) };
            if ops::truthy(&s)? {
                return Ok(Some(d));
            }
        },
        State::DropWhile { pred, it, dropping } => loop {
            let Some(v) = it.next()? else { return Ok(None) };
            if !*dropping {
                return Ok(Some(v));
            }
            if !ops::truthy(&call1(pred, v.clone())?)? {
                *dropping = false;
                return Ok(Some(v));
            }
        },
        State::TakeWhile { pred, it } => {
            let Some(v) = it.next()? else { return Ok(None) };
            if ops::truthy(&call1(pred, v.clone())?)? {
                return Ok(Some(v));
            }
            *st = State::Done;
            Ok(None)
        }
        State::FilterFalse { pred, it } => loop {
            let Some(v) = it.next()? else { return Ok(None) };
            let keep = match &*pred {
                Value::None => ops::truthy(&v)?,
                f => ops::truthy(&call1(f, v.clone())?)?,
            };
            if !keep {
                return Ok(Some(v));
            }
        },
        State::ISlice { it, next, cnt, stop, step } => {
            while *cnt < *next {
                if it.next()?.is_none() {
                    *st = State::Done;
                    return Ok(None);
                }
                *cnt += 1;
            }
            if *stop != -1 && *cnt >= *stop {
                *st = State::Done;
                return Ok(None);
            }
            let Some(v) = it.next()? else {
                *st = State::Done;
                return Ok(None);
            };
            *cnt += 1;
            let old = *next;
            *next = next.saturating_add(*step);
            if *next < old || (*stop != -1 && *next > *stop) {
                *next = *stop;
            }
            Ok(Some(v))
        }
        State::Pairwise { it, old } => {
            let prev = match old.take() {
                Some(v) => v,
                None => match it.next()? {
                    Some(v) => v,
                    None => {
                        *st = State::Done;
                        return Ok(None);
                    }
                },
            };
            match it.next() {
                Ok(Some(new)) => {
                    *old = Some(new.clone());
                    Ok(Some(Value::tuple(vec![prev, new])))
                }
                Ok(None) => {
                    *st = State::Done;
                    Ok(None)
                }
                Err(e) => {
                    *old = Some(prev);
                    Err(e)
                }
            }
        }
        State::StarMap { func, it } => {
            let Some(item) = it.next()? else { return Ok(None) };
            let args = match &item {
                Value::Tuple(t) => t.to_vec(),
                other => iter::collect(other)?,
            };
            call_sync(func, args, vec![]).map(Some)
        }
        State::ZipLongest { its, active, fill } => {
            if *active == 0 {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for slot in its.iter_mut() {
                let v = match slot {
                    None => fill.clone(),
                    Some(i) => match i.next()? {
                        Some(v) => v,
                        None => {
                            *active -= 1;
                            if *active == 0 {
                                return Ok(None);
                            }
                            *slot = None;
                            fill.clone()
                        }
                    },
                };
                out.push(v);
            }
            Ok(Some(Value::tuple(out)))
        }
        State::Product { pools, indices, started } => {
            if !*started {
                *started = true;
                if pools.iter().any(|p| p.is_empty()) {
                    *st = State::Done;
                    return Ok(None);
                }
                return Ok(Some(Value::tuple(pools.iter().map(|p| p[0].clone()).collect())));
            }
            let mut advanced = false;
            for i in (0..pools.len()).rev() {
                indices[i] += 1;
                if indices[i] == pools[i].len() {
                    indices[i] = 0;
                } else {
                    advanced = true;
                    break;
                }
            }
            if !advanced {
                *st = State::Done;
                return Ok(None);
            }
            Ok(Some(Value::tuple(pools.iter().zip(indices.iter()).map(|(p, &i)| p[i].clone()).collect())))
        }
        State::Permutations { pool, r, indices, cycles, started } => {
            let (n, r) = (pool.len(), *r);
            if !*started {
                *started = true;
                return Ok(Some(pick(pool, &indices[..r])));
            }
            if n == 0 {
                *st = State::Done;
                return Ok(None);
            }
            for i in (0..r).rev() {
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    indices[i..].rotate_left(1);
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    indices.swap(i, n - j);
                    return Ok(Some(pick(pool, &indices[..r])));
                }
            }
            *st = State::Done;
            Ok(None)
        }
        State::Combinations { pool, indices, started } => {
            let (n, r) = (pool.len(), indices.len());
            if !*started {
                *started = true;
                return Ok(Some(pick(pool, indices)));
            }
            let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
                *st = State::Done;
                return Ok(None);
            };
            indices[i] += 1;
            for j in i + 1..r {
                indices[j] = indices[j - 1] + 1;
            }
            Ok(Some(pick(pool, indices)))
        }
        State::CombinationsWR { pool, indices, started } => {
            let n = pool.len();
            if !*started {
                *started = true;
                return Ok(Some(pick(pool, indices)));
            }
            let Some(i) = (0..indices.len()).rev().find(|&i| indices[i] != n - 1) else {
                *st = State::Done;
                return Ok(None);
            };
            let v = indices[i] + 1;
            indices[i..].fill(v);
            Ok(Some(pick(pool, indices)))
        }
    }
}

impl Native for ItObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        class_of(self.kind)
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        let (a, b) = match &*self.state.borrow() {
            State::Count { cur, step } => {
                let step = match step {
                    Value::Int(1) | Value::Bool(true) => None,
                    s => Some(s.clone()),
                };
                (cur.clone(), step)
            }
            State::Repeat { obj, left } => (obj.clone(), left.map(|n| Value::Int(n.max(0)))),
            _ => {
                let c = self.class();
                return Ok(format!("<{}.{} object at {:#x}>", c.module, c.name, this.id()));
            }
        };
        Ok(match b {
            Some(b) => format!("{}({}, {})", self.kind, text::repr(&a)?, text::repr(&b)?),
            None => format!("{}({})", self.kind, text::repr(&a)?),
        })
    }
    fn iter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        if let Err(e) = tick() {
            return Some(Err(e));
        }
        // Take the state out so that a user callback inside never finds it borrowed.
        let mut st = std::mem::replace(&mut *self.state.borrow_mut(), State::Busy);
        if matches!(st, State::Busy) {
            return Some(raise("RuntimeError", format!("cannot re-enter the {} iterator", self.kind)));
        }
        let out = step(&mut st);
        *self.state.borrow_mut() = st;
        Some(out)
    }
}

// ---------------------------------------------------------------- groupby

struct GroupState {
    it: Option<Iter>,
    key: Option<Value>,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// Bumped whenever the outer iterator advances: older groups are over.
    generation: u64,
}

/// `groupby(iterable, key=None)`.
pub struct GroupBy(Rc<RefCell<GroupState>>);

/// One group of a `groupby`, valid until the groupby advances.
pub struct Grouper {
    parent: Rc<RefCell<GroupState>>,
    generation: u64,
    tgtkey: Value,
}

/// Fetches the next value and its key; false when the input is exhausted.
fn group_step(g: &RefCell<GroupState>) -> PyResult<bool> {
    let (it, key) = {
        let mut s = g.borrow_mut();
        (s.it.take(), s.key.clone())
    };
    let Some(mut it) = it else { return Ok(false) };
    let r = it.next();
    g.borrow_mut().it = Some(it);
    let Some(v) = r? else { return Ok(false) };
    let k = match key {
        Some(f) => call1(&f, v.clone())?,
        None => v.clone(),
    };
    let mut s = g.borrow_mut();
    s.currvalue = Some(v);
    s.currkey = Some(k);
    Ok(true)
}

impl Native for GroupBy {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        class_of("groupby")
    }
    fn iter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            tick()?;
            let g = &self.0;
            g.borrow_mut().generation += 1;
            loop {
                let (curr, tgt) = {
                    let s = g.borrow();
                    (s.currkey.clone(), s.tgtkey.clone())
                };
                match (curr, tgt) {
                    (None, _) => {}
                    (Some(_), None) => break,
                    (Some(c), Some(t)) => {
                        if !ops::eq(&t, &c)? {
                            break;
                        }
                    }
                }
                if !group_step(g)? {
                    return Ok(None);
                }
            }
            let mut s = g.borrow_mut();
            let key = s.currkey.clone().unwrap_or_default();
            s.tgtkey = Some(key.clone());
            let grouper = Grouper { parent: g.clone(), generation: s.generation, tgtkey: key.clone() };
            Ok(Some(Value::tuple(vec![key, Value::native(grouper)])))
        })())
    }
}

impl Native for Grouper {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        class_of("_grouper")
    }
    fn iter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            tick()?;
            let g = &self.parent;
            if g.borrow().generation != self.generation {
                return Ok(None);
            }
            if g.borrow().currvalue.is_none() && !group_step(g)? {
                return Ok(None);
            }
            let curr = g.borrow().currkey.clone().unwrap_or_default();
            if !ops::eq(&self.tgtkey, &curr)? {
                return Ok(None);
            }
            Ok(g.borrow_mut().currvalue.take())
        })())
    }
}

// ---------------------------------------------------------------- tee

struct TeeState {
    it: Option<Iter>,
    /// Items not yet seen by every live tee; `buf[0]` is item number `base`.
    buf: VecDeque<Value>,
    base: usize,
    /// Each tee's next item number (`None` once the tee is gone).
    positions: Vec<Option<usize>>,
}

impl TeeState {
    fn trim(&mut self) {
        let min = self.positions.iter().flatten().min().copied().unwrap_or(self.base + self.buf.len());
        while self.base < min && self.buf.pop_front().is_some() {
            self.base += 1;
        }
    }
}

/// One of the iterators `tee()` returns.
pub struct Tee {
    shared: Rc<RefCell<TeeState>>,
    slot: usize,
}

impl Tee {
    /// A new tee at the same position, sharing the buffer (`__copy__`).
    fn copy(&self) -> Tee {
        let mut s = self.shared.borrow_mut();
        let pos = s.positions[self.slot];
        s.positions.push(pos);
        Tee { shared: self.shared.clone(), slot: s.positions.len() - 1 }
    }
}

impl Drop for Tee {
    fn drop(&mut self) {
        if let Ok(mut s) = self.shared.try_borrow_mut() {
            s.positions[self.slot] = None;
            s.trim();
        }
    }
}

impl Native for Tee {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        class_of("_tee")
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__copy__" => Some(Ok(method::<Tee>(name, this, |t, _, mut args, mut kw| {
                Args::C(0).check("_tee", "__copy__", &mut args, &mut kw)?;
                Ok(Value::native(t.copy()))
            }))),
            _ => None,
        }
    }
    fn iter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            tick()?;
            let it = {
                let mut s = self.shared.borrow_mut();
                let pos = s.positions[self.slot].unwrap_or(0);
                if pos < s.base + s.buf.len() {
                    let v = s.buf[pos - s.base].clone();
                    s.positions[self.slot] = Some(pos + 1);
                    s.trim();
                    return Ok(Some(v));
                }
                s.it.take()
            };
            let Some(mut it) = it else { return raise("RuntimeError", "cannot re-enter the tee iterator") };
            let r = it.next();
            let mut s = self.shared.borrow_mut();
            s.it = Some(it);
            let Some(v) = r? else { return Ok(None) };
            s.buf.push_back(v.clone());
            let pos = s.base + s.buf.len();
            s.positions[self.slot] = Some(pos);
            s.trim();
            grew(s.buf.len())?;
            Ok(Some(v))
        })())
    }
}

// ---------------------------------------------------------------- constructors

fn count(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = clinic("count(start=0, step=1)", &args, &kwargs)?;
    let start = a[0].clone().unwrap_or(Value::Int(0));
    let step = a[1].clone().unwrap_or(Value::Int(1));
    if !is_number(&start) || !is_number(&step) {
        return raise("TypeError", "a number is required");
    }
    Ok(obj("count", State::Count { cur: start, step }))
}

fn cycle(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    exact("cycle", &args, &kwargs, 1)?;
    let it = iter::iter(&args[0])?;
    Ok(obj("cycle", State::Cycle { it: Some(it), saved: Vec::new(), idx: 0 }))
}

fn repeat(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = clinic("repeat(object, times=None)", &args, &kwargs)?;
    let left = match &a[1] {
        None => None,
        Some(v) => Some(ssize(v)?.max(0)),
    };
    Ok(obj("repeat", State::Repeat { obj: a[0].clone().unwrap_or_default(), left }))
}

fn accumulate(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = clinic("accumulate(iterable, func=None, *, initial=None)", &args, &kwargs)?;
    let it = iter::iter(a[0].as_ref().unwrap_or(&Value::None))?;
    let func = a[1].clone().filter(|f| !matches!(f, Value::None));
    let initial = a[2].clone().filter(|v| !matches!(v, Value::None));
    Ok(obj("accumulate", State::Accumulate { it, func, total: None, initial }))
}

fn chain(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    no_keywords("chain", &kwargs)?;
    Ok(obj("chain", State::Chain { source: Iter::Tuple(crate::value::Items::new(args), 0), active: None }))
}

fn chain_from_iterable(mut args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    Args::C(1).check("chain", "from_iterable", &mut args, &mut kwargs)?;
    Ok(obj("chain", State::Chain { source: iter::iter(&args[0])?, active: None }))
}

fn compress(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = clinic("compress(data, selectors)", &args, &kwargs)?;
    let data = iter::iter(a[0].as_ref().unwrap_or(&Value::None))?;
    let sel = iter::iter(a[1].as_ref().unwrap_or(&Value::None))?;
    Ok(obj("compress", State::Compress { data, sel }))
}

fn pred_and_iter(name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<(Value, Iter)> {
    exact(name, &args, &kwargs, 2)?;
    let it = iter::iter(&args[1])?;
    Ok((args[0].clone(), it))
}

fn dropwhile(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (pred, it) = pred_and_iter("dropwhile", args, kwargs)?;
    Ok(obj("dropwhile", State::DropWhile { pred, it, dropping: true }))
}

fn takewhile(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (pred, it) = pred_and_iter("takewhile", args, kwargs)?;
    Ok(obj("takewhile", State::TakeWhile { pred, it }))
}

fn filterfalse(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (pred, it) = pred_and_iter("filterfalse", args, kwargs)?;
    Ok(obj("filterfalse", State::FilterFalse { pred, it }))
}

fn starmap(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (func, it) = pred_and_iter("starmap", args, kwargs)?;
    Ok(obj("starmap", State::StarMap { func, it }))
}

fn groupby(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = clinic("groupby(iterable, key=None)", &args, &kwargs)?;
    let it = iter::iter(a[0].as_ref().unwrap_or(&Value::None))?;
    let key = a[1].clone().filter(|f| !matches!(f, Value::None));
    Ok(Value::native(GroupBy(Rc::new(RefCell::new(GroupState {
        it: Some(it),
        key,
        tgtkey: None,
        currkey: None,
        currvalue: None,
        generation: 0,
    })))))
}

fn islice(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    no_keywords("islice", &kwargs)?;
    check_positional("islice", &args, 2, 4)?;
    // PyNumber_AsSsize_t with its error cleared: -1 for anything not a small int.
    let conv = |v: &Value| ssize(v).unwrap_or(-1);
    let stop_error = || {
        raise("ValueError", "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    };
    let (mut start, mut stop, mut step) = (0, -1, 1);
    if args.len() == 2 {
        if !matches!(args[1], Value::None) {
            stop = conv(&args[1]);
            if stop == -1 {
                return stop_error();
            }
        }
    } else {
        if !matches!(args[1], Value::None) {
            start = conv(&args[1]);
        }
        if !matches!(args[2], Value::None) {
            stop = conv(&args[2]);
            if stop == -1 {
                return stop_error();
            }
        }
    }
    if start < 0 || stop < -1 {
        return raise(
            "ValueError",
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        );
    }
    if let Some(v) = args.get(3) {
        if !matches!(v, Value::None) {
            step = conv(v);
        }
    }
    if step < 1 {
        return raise("ValueError", "Step for islice() must be a positive integer or None.");
    }
    let it = iter::iter(&args[0])?;
    Ok(obj("islice", State::ISlice { it, next: start, cnt: 0, stop, step }))
}

fn pairwise(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    exact("pairwise", &args, &kwargs, 1)?;
    let it = iter::iter(&args[0])?;
    Ok(obj("pairwise", State::Pairwise { it, old: None }))
}

fn tee(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    no_keywords("itertools.tee", &kwargs)?;
    check_positional("tee", &args, 1, 2)?;
    let n = match args.get(1) {
        Some(v) => ssize(v)?,
        None => 2,
    };
    if n < 0 {
        return raise("ValueError", "n must be >= 0");
    }
    ops::check_size(n as u128, 64)?;
    let it = iter::iter_object(&args[0])?;
    if n == 0 {
        return Ok(Value::tuple(Vec::new()));
    }
    let first = match it.as_native::<Tee>() {
        Some(_) => it.clone(),
        None => {
            let shared = TeeState {
                it: Some(Iter::Object(it)),
                buf: VecDeque::new(),
                base: 0,
                positions: vec![Some(0)],
            };
            Value::native(Tee { shared: Rc::new(RefCell::new(shared)), slot: 0 })
        }
    };
    let mut out = vec![first.clone()];
    if let Some(t) = first.as_native::<Tee>() {
        for _ in 1..n {
            out.push(Value::native(t.copy()));
        }
    }
    Ok(Value::tuple(out))
}

fn zip_longest(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let fill = crate::native::take_kw(&mut kwargs, "fillvalue").unwrap_or_default();
    if !kwargs.is_empty() {
        return raise("TypeError", "zip_longest() got an unexpected keyword argument");
    }
    let its = args.iter().map(|a| iter::iter(a).map(Some)).collect::<PyResult<Vec<_>>>()?;
    let active = its.len();
    Ok(obj("zip_longest", State::ZipLongest { its, active, fill }))
}

/// An iterable as a tuple (`PySequence_Tuple`).
fn pool_of(v: &Value) -> PyResult<Rc<crate::value::Items>> {
    match v {
        Value::Tuple(t) => Ok(t.clone()),
        other => Ok(crate::value::Items::new(iter::collect(other)?)),
    }
}

fn product(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = clinic("product(*, repeat=1)", &[], &kwargs)?;
    let repeat = match &a[0] {
        Some(v) => ssize(v)?,
        None => 1,
    };
    if repeat < 0 {
        return raise("ValueError", "repeat argument cannot be negative");
    }
    let mut pools = Vec::with_capacity(args.len());
    for v in &args {
        pools.push(pool_of(v)?);
    }
    let npools = pools.len() as u128 * repeat as u128;
    ops::check_size(npools, 24)?;
    let pools: Vec<Rc<crate::value::Items>> = (0..repeat).flat_map(|_| pools.iter().cloned()).collect();
    let indices = vec![0; pools.len()];
    Ok(obj("product", State::Product { pools, indices, started: false }))
}

fn permutations(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = clinic("permutations(iterable, r=None)", &args, &kwargs)?;
    let pool = pool_of(a[0].as_ref().unwrap_or(&Value::None))?;
    let n = pool.len();
    let r = match &a[1] {
        None | Some(Value::None) => n as i64,
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::Big(_))) => ssize(v)?,
        Some(_) => return raise("TypeError", "Expected int as r"),
    };
    if r < 0 {
        return raise("ValueError", "r must be non-negative");
    }
    if r as u128 > n as u128 {
        return Ok(obj("permutations", State::Done));
    }
    let r = r as usize;
    let indices: Vec<usize> = (0..n).collect();
    let cycles: Vec<usize> = (n - r + 1..=n).rev().collect();
    Ok(obj("permutations", State::Permutations { pool, r, indices, cycles, started: false }))
}

fn combinations_args(
    sig: &'static str,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> PyResult<(Rc<crate::value::Items>, i64)> {
    let a = clinic(sig, &args, &kwargs)?;
    let r = ssize(a[1].as_ref().unwrap_or(&Value::None))?;
    let pool = pool_of(a[0].as_ref().unwrap_or(&Value::None))?;
    if r < 0 {
        return raise("ValueError", "r must be non-negative");
    }
    Ok((pool, r))
}

fn combinations(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (pool, r) = combinations_args("combinations(iterable, r)", args, kwargs)?;
    if r as u128 > pool.len() as u128 {
        return Ok(obj("combinations", State::Done));
    }
    let indices: Vec<usize> = (0..r as usize).collect();
    Ok(obj("combinations", State::Combinations { pool, indices, started: false }))
}

fn combinations_with_replacement(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    const NAME: &str = "combinations_with_replacement";
    let (pool, r) = combinations_args("combinations_with_replacement(iterable, r)", args, kwargs)?;
    if pool.is_empty() && r > 0 {
        return Ok(obj(NAME, State::Done));
    }
    ops::check_size(r as u128, 16)?;
    let indices = vec![0; r as usize];
    Ok(obj(NAME, State::CombinationsWR { pool, indices, started: false }))
}

type Ctor = fn(Vec<Value>, Kwargs) -> PyResult<Value>;

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("itertools");
    let classes: &[(&'static str, Ctor)] = &[
        ("count", count),
        ("cycle", cycle),
        ("repeat", repeat),
        ("accumulate", accumulate),
        ("chain", chain),
        ("compress", compress),
        ("dropwhile", dropwhile),
        ("takewhile", takewhile),
        ("filterfalse", filterfalse),
        ("groupby", groupby),
        ("islice", islice),
        ("pairwise", pairwise),
        ("starmap", starmap),
        ("zip_longest", zip_longest),
        ("product", product),
        ("permutations", permutations),
        ("combinations", combinations),
        ("combinations_with_replacement", combinations_with_replacement),
    ];
    for &(name, ctor) in classes {
        let c = class_of(name);
        c.dict.borrow_mut().set("__new__", Builtin::new(name, ctor));
        if name == "chain" {
            c.dict.borrow_mut().set("from_iterable", Builtin::new("from_iterable", chain_from_iterable));
        }
        m.set(name, Value::Class(c));
    }
    m.func("tee", tee);
    m
}
