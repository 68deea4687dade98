//! `collections`: `deque`, `defaultdict`, `OrderedDict`, `Counter`.

use std::any::Any;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::ast::{BinOp, CmpOp};
use crate::interp::exc::raise;
use crate::interp::{interp, iter, ops, text};
use crate::modules::Args::{self, Positional, C};
use crate::modules::{bind, check_positional, clinic, ModuleObj};
use crate::native::{method, take_kw, Kwargs, Native};
use crate::object::{Builtin, Class};
use crate::value::{Dict, DictKind, Value};
use asyncio_engine::PyResult;

pub struct Deque {
    pub items: RefCell<VecDeque<Value>>,
    pub maxlen: Option<usize>,
    /// Moves on every change of the items but assignment: iterators check it.
    pub state: Rc<std::cell::Cell<u64>>,
}

impl Deque {
    fn push_back(&self, v: Value) {
        let mut d = self.items.borrow_mut();
        d.push_back(v);
        if let Some(m) = self.maxlen {
            while d.len() > m {
                d.pop_front();
            }
        }
    }
    fn push_front(&self, v: Value) {
        let mut d = self.items.borrow_mut();
        d.push_front(v);
        if let Some(m) = self.maxlen {
            while d.len() > m {
                d.pop_back();
            }
        }
    }
}

fn deque_method(d: &Deque, name: &str, args: Vec<Value>) -> PyResult<Value> {
    if !matches!(name, "copy" | "count" | "index" | "reverse") {
        d.state.set(d.state.get() + 1);
    }
    match name {
        "append" => d.push_back(args[0].clone()),
        "appendleft" => d.push_front(args[0].clone()),
        "pop" => {
            return d
                .items
                .borrow_mut()
                .pop_back()
                .map_or_else(|| raise("IndexError", "pop from an empty deque"), Ok)
        }
        "popleft" => {
            return d
                .items
                .borrow_mut()
                .pop_front()
                .map_or_else(|| raise("IndexError", "pop from an empty deque"), Ok)
        }
        "extend" => {
            for v in iter::collect(&args[0])? {
                d.push_back(v);
            }
        }
        "extendleft" => {
            for v in iter::collect(&args[0])? {
                d.push_front(v);
            }
        }
        "clear" => d.items.borrow_mut().clear(),
        "rotate" => {
            check_positional("deque.rotate", &args, 0, 1)?;
            let n = args.first().and_then(|v| v.as_i64()).unwrap_or(1);
            let mut items = d.items.borrow_mut();
            let len = items.len() as i64;
            if len > 0 {
                let k = n.rem_euclid(len) as usize;
                items.rotate_right(k);
            }
        }
        "copy" => {
            return Ok(Value::native(Deque {
                items: RefCell::new(d.items.borrow().clone()),
                maxlen: d.maxlen,
                state: Default::default(),
            }));
        }
        "count" => {
            let x = &args[0];
            let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
            let mut n = 0;
            for v in &items {
                if ops::eq(v, x)? {
                    n += 1;
                }
            }
            return Ok(Value::Int(n));
        }
        "remove" => {
            let x = &args[0];
            let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
            for (i, v) in items.iter().enumerate() {
                if ops::eq(v, x)? {
                    d.items.borrow_mut().remove(i);
                    return Ok(Value::None);
                }
            }
            return raise("ValueError", format!("{} is not in deque", text::repr(x)?));
        }
        "reverse" => d.items.borrow_mut().make_contiguous().reverse(),
        "insert" => {
            let len = d.items.borrow().len();
            if d.maxlen == Some(len) {
                return raise("IndexError", "deque already at its maximum size");
            }
            let Some(i) = args[0].as_i64() else { return raise("TypeError", "an integer is required") };
            let at = if i < 0 { (i + len as i64).max(0) } else { i.min(len as i64) } as usize;
            d.items.borrow_mut().insert(at, args[1].clone());
        }
        "index" => {
            let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
            let bound = |k: usize, default: usize| match args.get(k).and_then(Value::as_i64) {
                Some(i) if i < 0 => (i + items.len() as i64).max(0) as usize,
                Some(i) => (i as usize).min(items.len()),
                None => default,
            };
            let (start, stop) = (bound(1, 0), bound(2, items.len()));
            for (i, v) in items.iter().enumerate().take(stop).skip(start) {
                if v.is(&args[0]) || ops::eq(v, &args[0])? {
                    return Ok(Value::Int(i as i64));
                }
            }
            return raise("ValueError", format!("{} is not in deque", text::repr(&args[0])?));
        }
        _ => return raise("AttributeError", format!("'collections.deque' object has no attribute '{name}'")),
    }
    Ok(Value::None)
}

const DEQUE_METHODS: &[(&str, Args)] = &[
    ("append", C(1)),
    ("appendleft", C(1)),
    ("pop", C(0)),
    ("popleft", C(0)),
    ("extend", C(1)),
    ("extendleft", C(1)),
    ("clear", C(0)),
    // Counted by deque_method: its message names the class.
    ("rotate", Positional(0, usize::MAX)),
    ("copy", C(0)),
    ("count", C(1)),
    ("remove", C(1)),
    ("reverse", C(0)),
    ("insert", C(2)),
    ("index", Positional(1, 3)),
];

impl Native for Deque {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("deque")
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        // A deque inside itself is `[...]`, as CPython prints it.
        text::guarded(this.id(), "[...]", || {
            let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
            let inner = text::repr(&Value::list(items))?;
            Ok(match self.maxlen {
                Some(m) => format!("deque({inner}, maxlen={m})"),
                None => format!("deque({inner})"),
            })
        })
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if name == "maxlen" {
            return Some(Ok(self.maxlen.map(|m| Value::Int(m as i64)).unwrap_or(Value::None)));
        }
        let &(n, how) = DEQUE_METHODS.iter().find(|(m, _)| *m == name)?;
        Some(Ok(method::<Deque>(name, this, move |d, _, mut args, mut kw| {
            how.check("deque", n, &mut args, &mut kw)?;
            deque_method(d, n, args)
        })))
    }
    fn iter(&self, _this: &Value) -> Option<PyResult<Value>> {
        let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
        let it = iter::Iter::Guarded {
            items: items.into_iter(),
            state: self.state.clone(),
            at: self.state.get(),
            message: "deque mutated during iteration",
        };
        Some(Ok(crate::native::iters::IterObj::value(it, "_collections._deque_iterator")))
    }
    fn len(&self) -> Option<usize> {
        Some(self.items.borrow().len())
    }
    fn getitem(&self, key: &Value) -> Option<PyResult<Value>> {
        if !matches!(key, Value::Int(_) | Value::Bool(_) | Value::Big(_) | Value::Instance(_)) {
            let msg = format!("sequence index must be integer, not '{}'", text::type_name(key));
            return Some(raise("TypeError", msg));
        }
        let items = self.items.borrow();
        Some(match ops::seq_index(key, items.len()) {
            Ok(Some(i)) => Ok(items[i].clone()),
            Ok(None) => raise("IndexError", "deque index out of range"),
            Err(e) => Err(e),
        })
    }
    fn setitem(&self, key: &Value, value: Value) -> Option<PyResult<()>> {
        let mut items = self.items.borrow_mut();
        let n = items.len();
        Some(match ops::seq_index(key, n) {
            Ok(Some(i)) => {
                items[i] = value;
                Ok(())
            }
            Ok(None) => raise("IndexError", "deque index out of range"),
            Err(e) => Err(e),
        })
    }
    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
        Some(ops::contains(&Value::list(items), item))
    }
    fn eq(&self, _this: &Value, other: &Value) -> Option<PyResult<bool>> {
        let o = other.as_native::<Deque>()?;
        let a: Vec<Value> = self.items.borrow().iter().cloned().collect();
        let b: Vec<Value> = o.items.borrow().iter().cloned().collect();
        Some(ops::eq(&Value::list(a), &Value::list(b)))
    }
}

impl Deque {
    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }

    /// A deque of this one's `maxlen` holding `items` (its last `maxlen`).
    fn with_items(&self, items: impl IntoIterator<Item = Value>) -> Value {
        let d =
            Deque { items: RefCell::new(VecDeque::new()), maxlen: self.maxlen, state: Default::default() };
        items.into_iter().for_each(|v| d.push_back(v));
        Value::native(d)
    }

    /// `self * n` as items.
    fn repeated(&self, n: &Value) -> PyResult<Vec<Value>> {
        let items = self.snapshot();
        let times = match ops::user_index(n)?.or_else(|| n.as_i64().map(Value::Int)) {
            Some(Value::Int(k)) => k.max(0) as usize,
            _ => {
                return raise(
                    "TypeError",
                    format!("can't multiply sequence by non-int of type '{}'", text::type_name(n)),
                )
            }
        };
        ops::charge_memory(items.len().saturating_mul(times).saturating_mul(16))?;
        Ok(std::iter::repeat_n(items, times).flatten().collect())
    }
}

/// `a op b` with a deque: `+` of two deques and `*` by an int make a new
/// deque of the left one's `maxlen`; None when neither is a deque.
pub fn deque_binop(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let (da, db) = (a.as_native::<Deque>(), b.as_native::<Deque>());
    Some(match (op, da, db) {
        (BinOp::Add, Some(x), Some(y)) => Ok(x.with_items(x.snapshot().into_iter().chain(y.snapshot()))),
        (BinOp::Add, Some(_), None) => raise(
            "TypeError",
            format!("can only concatenate deque (not \"{}\") to deque", text::type_name(b)),
        ),
        (BinOp::Mul, Some(x), _) => x.repeated(b).map(|items| x.with_items(items)),
        (BinOp::Mul, None, Some(y)) => y.repeated(a).map(|items| y.with_items(items)),
        _ => return None,
    })
}

/// `d += iterable` and `d *= n`, in place.
pub fn deque_inplace(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let d = a.as_native::<Deque>()?;
    let r = match op {
        BinOp::Add => iter::collect(b).map(|items| items.into_iter().for_each(|v| d.push_back(v))),
        BinOp::Mul => d.repeated(b).map(|items| {
            d.items.borrow_mut().clear();
            items.into_iter().for_each(|v| d.push_back(v));
        }),
        _ => return None,
    };
    d.state.set(d.state.get() + 1);
    Some(r.map(|()| a.clone()))
}

/// `<`, `<=`, `>`, `>=` between deques, as between lists; None otherwise.
pub fn deque_order(op: CmpOp, a: &Value, b: &Value) -> Option<PyResult<bool>> {
    let (x, y) = (a.as_native::<Deque>()?, b.as_native::<Deque>()?);
    Some(ops::compare(op, &Value::list(x.snapshot()), &Value::list(y.snapshot())))
}

/// `del d[i]`.
pub fn deque_delitem(a: &Value, key: &Value) -> Option<PyResult<()>> {
    let d = a.as_native::<Deque>()?;
    let n = d.items.borrow().len();
    Some(match ops::seq_index(key, n) {
        Ok(Some(i)) => {
            d.items.borrow_mut().remove(i);
            d.state.set(d.state.get() + 1);
            Ok(())
        }
        Ok(None) => raise("IndexError", "deque index out of range"),
        Err(e) => Err(e),
    })
}

fn new_deque(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let a = clinic("deque(iterable=(), maxlen=None)", &args, &kwargs)?;
    let maxlen = match &a[1] {
        None | Some(Value::None) => None,
        Some(v) => match v.as_i64() {
            Some(m) if m >= 0 => Some(m as usize),
            _ => return raise("ValueError", "maxlen must be non-negative"),
        },
    };
    let d = Deque { items: RefCell::new(VecDeque::new()), maxlen, state: Default::default() };
    if let Some(src) = &a[0] {
        for v in iter::collect(src)? {
            d.push_back(v);
        }
    }
    Ok(Value::native(d))
}

fn new_defaultdict(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut it = args.into_iter();
    let factory = it.next().unwrap_or(Value::None);
    if !matches!(factory, Value::None) && !crate::interp::call::callable(&factory) {
        return raise("TypeError", "first argument must be callable or None");
    }
    let d = Dict::new();
    *d.default_factory.borrow_mut() = Some(factory);
    if let Some(src) = it.next() {
        crate::builtins::construct::dict_update(&d, &src)?;
    }
    for (k, v) in kwargs {
        ops::dict_set(&d, Value::Str(k), v)?;
    }
    Ok(Value::Dict(d))
}

fn new_counter(mut args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    bind("Counter.__init__(self, iterable=None, /, **kwds)", &mut args, &mut kwargs)?;
    let d = Dict::new();
    d.kind.set(DictKind::Counter);
    counter_update(&d, args.first(), kwargs, false)?;
    Ok(Value::Dict(d))
}

/// `OrderedDict.fromkeys(iterable, value=None)`.
fn ordered_fromkeys(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    crate::native::no_kwargs("fromkeys", &kwargs)?;
    if args.is_empty() || args.len() > 2 {
        return raise("TypeError", format!("fromkeys expected at least 1 argument, got {}", args.len()));
    }
    let d = Dict::new();
    d.kind.set(DictKind::Ordered);
    let value = args.get(1).cloned().unwrap_or(Value::None);
    for k in iter::collect(&args[0])? {
        ops::dict_set(&d, k, value.clone())?;
    }
    Ok(Value::Dict(d))
}

fn new_ordered(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if args.len() > 1 {
        return raise("TypeError", format!("expected at most 1 arguments, got {}", args.len()));
    }
    let d = Dict::new();
    d.kind.set(DictKind::Ordered);
    if let Some(src) = args.first() {
        crate::builtins::construct::dict_update(&d, src)?;
    }
    for (k, v) in kwargs {
        ops::dict_set(&d, Value::Str(k), v)?;
    }
    Ok(Value::Dict(d))
}

fn count_of(d: &Dict, k: &Value) -> PyResult<Value> {
    Ok(ops::dict_get(d, k)?.unwrap_or(Value::Int(0)))
}

/// `+c` (the positive counts) and `-c` (the negative ones, negated).
pub fn counter_unary(neg: bool, d: &Dict) -> PyResult<Value> {
    let out = Dict::new();
    out.kind.set(DictKind::Counter);
    let zero = Value::Int(0);
    for (k, n) in d.table.borrow().items() {
        if neg && ops::compare(CmpOp::Lt, &n, &zero)? {
            ops::dict_set(&out, k, ops::binop(BinOp::Sub, &zero, &n)?)?;
        } else if !neg && ops::compare(CmpOp::Gt, &n, &zero)? {
            ops::dict_set(&out, k, n)?;
        }
    }
    Ok(Value::Dict(out))
}

/// `a <= b` (and `<`, `>=`, `>`) of two Counters: every element's counts
/// compared, a missing one as zero; `<` and `>` also need them to differ.
pub fn counter_compare(op: CmpOp, a: &Rc<Dict>, b: &Rc<Dict>) -> PyResult<bool> {
    let each = if matches!(op, CmpOp::Lt | CmpOp::LtE) { CmpOp::LtE } else { CmpOp::GtE };
    let keys: Vec<Value> = a.table.borrow().keys().into_iter().chain(b.table.borrow().keys()).collect();
    for k in &keys {
        if !ops::compare(each, &count_of(a, k)?, &count_of(b, k)?)? {
            return Ok(false);
        }
    }
    if matches!(op, CmpOp::Lt | CmpOp::Gt) {
        return Ok(!ops::eq(&Value::Dict(a.clone()), &Value::Dict(b.clone()))?);
    }
    Ok(true)
}

/// `Counter.update` / `subtract`: counts from a mapping or an iterable's elements.
fn counter_update(d: &Dict, src: Option<&Value>, kwargs: Kwargs, minus: bool) -> PyResult<()> {
    match src {
        None | Some(Value::None) => {}
        Some(Value::Dict(m)) => add_counts(d, m.table.borrow().items(), minus, true)?,
        Some(v) => {
            add_counts(d, iter::collect(v)?.into_iter().map(|x| (x, Value::Int(1))).collect(), minus, false)?
        }
    }
    add_counts(d, kwargs.into_iter().map(|(k, v)| (Value::Str(k), v)).collect(), minus, true)
}

/// Adds (subtracts) `counts`; a mapping's counts into an empty Counter are
/// taken as they are, as CPython's `update` does (`dict.update`).
fn add_counts(d: &Dict, counts: Vec<(Value, Value)>, minus: bool, mapping: bool) -> PyResult<()> {
    let as_they_are = mapping && !minus && d.is_empty();
    let op = if minus { BinOp::Sub } else { BinOp::Add };
    for (k, n) in counts {
        let n = if as_they_are { n } else { ops::binop(op, &count_of(d, &k)?, &n)? };
        ops::dict_set(d, k, n)?;
    }
    Ok(())
}

/// `Counter.most_common()`: items by count, largest first, ties in insertion order.
fn most_common(d: &Dict) -> PyResult<Vec<Value>> {
    let mut items: Vec<Value> =
        d.table.borrow().items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect();
    let key = Builtin::new("itemgetter", |a, _| match a.first() {
        Some(Value::Tuple(t)) if t.len() == 2 => Ok(t[1].clone()),
        _ => Ok(Value::None),
    });
    crate::builtins::sorting::sort(&mut items, Some(&key), Some(&Value::Bool(true)))?;
    Ok(items)
}

/// `c1 + c2`, `c1 - c2`, `c1 | c2`, `c1 & c2` for Counters (only positive counts kept).
pub fn counter_binop(op: BinOp, a: &Rc<Dict>, b: &Rc<Dict>) -> PyResult<Option<Value>> {
    let out = Dict::new();
    out.kind.set(DictKind::Counter);
    let zero = Value::Int(0);
    let positive = |v: &Value| ops::compare(CmpOp::Gt, v, &zero);
    for (k, n) in a.table.borrow().items() {
        let m = count_of(b, &k)?;
        let v = match op {
            BinOp::Add => ops::binop(BinOp::Add, &n, &m)?,
            BinOp::Sub => ops::binop(BinOp::Sub, &n, &m)?,
            BinOp::BitOr => {
                if ops::compare(CmpOp::Lt, &n, &m)? {
                    m
                } else {
                    n
                }
            }
            BinOp::BitAnd => {
                if ops::compare(CmpOp::Lt, &n, &m)? {
                    n
                } else {
                    m
                }
            }
            _ => return Ok(None),
        };
        if positive(&v)? {
            ops::dict_set(&out, k, v)?;
        }
    }
    if op != BinOp::BitAnd {
        for (k, n) in b.table.borrow().items() {
            if ops::dict_get(a, &k)?.is_some() {
                continue;
            }
            if op == BinOp::Sub {
                if ops::compare(CmpOp::Lt, &n, &zero)? {
                    ops::dict_set(&out, k, ops::binop(BinOp::Sub, &zero, &n)?)?;
                }
            } else if positive(&n)? {
                ops::dict_set(&out, k, n)?;
            }
        }
    }
    Ok(Some(Value::Dict(out)))
}

/// `repr()` of a Counter or an OrderedDict.
pub fn repr_special(d: &Rc<Dict>) -> PyResult<String> {
    let items = match d.kind.get() {
        DictKind::Counter => most_common(d)?,
        _ => d.table.borrow().items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
    };
    let name = if d.kind.get() == DictKind::Counter { "Counter" } else { "OrderedDict" };
    if items.is_empty() {
        return Ok(format!("{name}()"));
    }
    if d.kind.get() == DictKind::Ordered {
        return Ok(format!("{name}({})", text::repr(&Value::list(items))?));
    }
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if let Value::Tuple(t) = it {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&format!("{}: {}", text::repr(&t[0])?, text::repr(&t[1])?));
        }
    }
    Ok(format!("{name}({{{out}}})"))
}

fn dict_of(v: &Value) -> PyResult<&Rc<Dict>> {
    match v {
        Value::Dict(d) => Ok(d),
        _ => raise("TypeError", "expected a dict"),
    }
}

/// The methods Counter and OrderedDict add to dict's.
pub fn special_method(kind: DictKind, name: &str) -> Option<crate::builtins::methods::Method> {
    let m: crate::builtins::methods::Method = match (kind, name) {
        (DictKind::Counter, "most_common") => |t, mut a, mut k| {
            bind("Counter.most_common(self, n=None)", &mut a, &mut k)?;
            let mut items = most_common(dict_of(t)?)?;
            if let Some(n) = a.first().and_then(|v| v.as_i64()) {
                items.truncate(n.max(0) as usize);
            }
            Ok(Value::list(items))
        },
        (DictKind::Counter, "elements") => |t, mut a, mut k| {
            bind("Counter.elements(self)", &mut a, &mut k)?;
            let mut out = Vec::new();
            for (k, n) in dict_of(t)?.table.borrow().items() {
                let n = n.as_i64().unwrap_or(0);
                ops::check_size(out.len() as u128 + n.max(0) as u128, 16)?;
                out.extend(std::iter::repeat_n(k, n.max(0) as usize));
            }
            iter::iter_object(&Value::list(out))
        },
        (DictKind::Counter, "update") => |t, mut a, mut k| {
            bind("Counter.update(self, iterable=None, /, **kwds)", &mut a, &mut k)?;
            counter_update(dict_of(t)?, a.first(), k, false).map(|_| Value::None)
        },
        (DictKind::Counter, "subtract") => |t, mut a, mut k| {
            bind("Counter.subtract(self, iterable=None, /, **kwds)", &mut a, &mut k)?;
            counter_update(dict_of(t)?, a.first(), k, true).map(|_| Value::None)
        },
        (DictKind::Counter, "total") => |t, mut a, mut k| {
            bind("Counter.total(self)", &mut a, &mut k)?;
            let mut acc = Value::Int(0);
            for v in dict_of(t)?.table.borrow().values() {
                acc = ops::binop(BinOp::Add, &acc, &v)?;
            }
            Ok(acc)
        },
        (DictKind::Ordered, "move_to_end") => |t, a, k| {
            let a = clinic("move_to_end(key, last=True)", &a, &k)?;
            let key = a[0].clone().unwrap_or_default();
            let last = a[1].as_ref().map_or(Ok(true), ops::truthy)?;
            let d = dict_of(t)?;
            let Some(v) = ops::dict_remove(d, &key)? else {
                return Err(crate::interp::exc::with_args("KeyError", vec![key]));
            };
            if last {
                ops::dict_set(d, key, v)?;
            } else {
                let rest = d.table.borrow().items();
                d.table.borrow_mut().clear();
                ops::dict_set(d, key, v)?;
                for (key, val) in rest {
                    ops::dict_set(d, key, val)?;
                }
            }
            Ok(Value::None)
        },
        (DictKind::Ordered, "popitem") => |t, a, k| {
            let last = clinic("popitem(last=True)", &a, &k)?[0].as_ref().map_or(Ok(true), ops::truthy)?;
            let d = dict_of(t)?;
            let item = if last { d.table.borrow_mut().pop_last() } else { d.table.borrow_mut().pop_first() };
            d.touch();
            match item {
                Some((k, v)) => Ok(Value::tuple(vec![k, v])),
                None => raise("KeyError", "dictionary is empty"),
            }
        },
        _ => return None,
    };
    Some(m)
}

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("collections");
    let t = &interp().types;
    let deque = t.native("deque");
    deque.dict.borrow_mut().set("__new__", Builtin::new("deque", new_deque));
    m.set("deque", Value::Class(deque));
    let dd = t.native("defaultdict");
    dd.dict.borrow_mut().set("__new__", Builtin::new("defaultdict", new_defaultdict));
    m.set("defaultdict", Value::Class(dd));
    let od = t.native("OrderedDict");
    od.dict.borrow_mut().set("__new__", Builtin::new("OrderedDict", new_ordered));
    od.dict.borrow_mut().set("fromkeys", Builtin::new("fromkeys", ordered_fromkeys));
    m.set("OrderedDict", Value::Class(od));
    let counter = t.native("Counter");
    counter.dict.borrow_mut().set("__new__", Builtin::new("Counter", new_counter));
    counter.dict.borrow_mut().set(
        "fromkeys",
        Builtin::new("fromkeys", |_, _| {
            raise("NotImplementedError", "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
        }),
    );
    m.set("Counter", Value::Class(counter));
    m.func("namedtuple", namedtuple);
    m
}

/// An instance of a `namedtuple` class: a tuple whose items also have names.
pub struct NamedTuple {
    class: Rc<Class>,
    fields: Rc<[Rc<str>]>,
    pub items: Rc<crate::value::Items>,
}

impl NamedTuple {
    pub fn has_field(&self, name: &str) -> bool {
        self.fields.iter().any(|f| &**f == name)
    }
}

/// `a.name(b)` when `a` is an instance of a `typing.NamedTuple` class whose
/// body defined `name` (`__eq__`, `__lt__`, `__len__` ...).
pub fn namedtuple_user(a: &Value, name: &str, args: Vec<Value>) -> Option<PyResult<Value>> {
    a.as_native::<NamedTuple>()?.user(a, name, args)
}

/// A namedtuple of `v`'s class with `f` of each of `v`'s items (`asdict`'s
/// `type(obj)(*[... for v in obj])`); None when `v` is no namedtuple.
pub fn namedtuple_map(v: &Value, f: impl FnMut(&Value) -> PyResult<Value>) -> Option<PyResult<Value>> {
    let nt = v.as_native::<NamedTuple>()?;
    Some(
        nt.items
            .iter()
            .map(f)
            .collect::<PyResult<Vec<_>>>()
            .map(|items| make_namedtuple(&nt.class, &nt.fields, items)),
    )
}

/// `(a, b)` as plain tuples when either is a namedtuple (for `==`, `<` ...).
pub fn namedtuples_as_tuples(a: &Value, b: &Value) -> Option<(Value, Value)> {
    let plain = |v: &Value| match v.as_native::<NamedTuple>() {
        Some(nt) => Value::Tuple(nt.items.clone()),
        None => v.clone(),
    };
    if a.as_native::<NamedTuple>().is_some() || b.as_native::<NamedTuple>().is_some() {
        Some((plain(a), plain(b)))
    } else {
        None
    }
}

fn make_namedtuple(class: &Rc<Class>, fields: &Rc<[Rc<str>]>, items: Vec<Value>) -> Value {
    Value::native(NamedTuple {
        class: class.clone(),
        fields: fields.clone(),
        items: crate::value::Items::new(items),
    })
}

impl NamedTuple {
    /// `this.name(*args)` when a `typing.NamedTuple` class body defined `name`.
    fn user(&self, this: &Value, name: &str, args: Vec<Value>) -> Option<PyResult<Value>> {
        let f @ Value::Function(_) = self.class.lookup(name)? else { return None };
        let mut all = vec![this.clone()];
        all.extend(args);
        Some(crate::interp::call::call_sync(&f, all, vec![]))
    }

    fn user_text(&self, this: &Value, name: &str) -> Option<PyResult<String>> {
        Some(self.user(this, name, vec![])?.and_then(|v| match v {
            Value::Str(s) => Ok(s.to_string()),
            other => {
                raise("TypeError", format!("{name} returned non-string (type {})", text::type_name(&other)))
            }
        }))
    }
}

impl Native for NamedTuple {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        if let Some(r) = self.user_text(this, "__repr__") {
            return r;
        }
        let mut parts = Vec::new();
        for (f, v) in self.fields.iter().zip(self.items.iter()) {
            parts.push(format!("{f}={}", text::repr(v)?));
        }
        Ok(format!("{}({})", self.class.name, parts.join(", ")))
    }
    /// Its fields are read-only properties (CPython's `_tuplegetter`).
    fn setattr(&self, name: &str, _value: Value) -> Option<PyResult<()>> {
        self.has_field(name).then(|| raise("AttributeError", "can't set attribute"))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if let Some(i) = self.fields.iter().position(|f| &**f == name) {
            return Some(Ok(self.items[i].clone()));
        }
        Some(Ok(match name {
            "_fields" => Value::tuple(self.fields.iter().map(|f| Value::Str(f.clone())).collect()),
            "_asdict" => method::<NamedTuple>(name, this, |nt, _, mut args, mut kw| {
                bind(&format!("{}._asdict(self)", nt.class.name), &mut args, &mut kw)?;
                let d = Dict::new();
                for (f, v) in nt.fields.iter().zip(nt.items.iter()) {
                    ops::dict_set(&d, Value::Str(f.clone()), v.clone())?;
                }
                Ok(Value::Dict(d))
            }),
            "_replace" => method::<NamedTuple>(name, this, |nt, _, mut args, mut kw| {
                bind(&format!("{}._replace(self, /, **kwds)", nt.class.name), &mut args, &mut kw)?;
                let mut items = nt.items.to_vec();
                for (i, f) in nt.fields.iter().enumerate() {
                    if let Some(v) = take_kw(&mut kw, f) {
                        items[i] = v;
                    }
                }
                if let Some((k, _)) = kw.first() {
                    return raise("ValueError", format!("Got unexpected field names: ['{k}']"));
                }
                Ok(make_namedtuple(&nt.class, &nt.fields, items))
            }),
            "index" | "count" => {
                let tuple = crate::builtins::methods::get(&Value::Tuple(self.items.clone()), name)?;
                let qualname = if name == "index" { "tuple.index" } else { "tuple.count" };
                Builtin::method(name, this.clone(), move |args, kw| {
                    crate::modules::no_keywords(qualname, &kw)?;
                    crate::interp::call::call_sync(&tuple, args, kw)
                })
            }
            // What a `typing.NamedTuple` class body defined.
            _ => {
                let f = self.class.lookup(name)?;
                return Some(crate::interp::attr::bind_class_attr(f, this, &self.class));
            }
        }))
    }
    fn str(&self, this: &Value) -> PyResult<String> {
        match self.user_text(this, "__str__") {
            Some(s) => s,
            None => self.repr(this),
        }
    }
    fn iter(&self, this: &Value) -> Option<PyResult<Value>> {
        if let Some(it) = self.user(this, "__iter__", vec![]) {
            return Some(it);
        }
        Some(iter::iter_object(&Value::Tuple(self.items.clone())))
    }
    fn len(&self) -> Option<usize> {
        Some(self.items.len())
    }
    fn getitem(&self, key: &Value) -> Option<PyResult<Value>> {
        Some(ops::getitem(&Value::Tuple(self.items.clone()), key))
    }
    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(ops::compare(CmpOp::In, item, &Value::Tuple(self.items.clone())))
    }
    fn eq(&self, this: &Value, other: &Value) -> Option<PyResult<bool>> {
        if let Some(r) = self.user(this, "__eq__", vec![other.clone()]) {
            return Some(r.and_then(|v| ops::truthy(&v)));
        }
        let other = match other.as_native::<NamedTuple>() {
            Some(nt) => Value::Tuple(nt.items.clone()),
            None => other.clone(),
        };
        Some(ops::eq(&Value::Tuple(self.items.clone()), &other))
    }
}

/// Checks (with `rename`, renames) a namedtuple's names as CPython does.
fn check_names(typename: &str, fields: &mut [Rc<str>], rename: bool) -> PyResult<()> {
    let ident = |n: &str| {
        n.chars().next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && n.chars().all(|c| c == '_' || c.is_alphanumeric())
    };
    let bad = |what: &str, n: &str| raise("ValueError", format!("{what}: {}", text::repr(&Value::str(n))?));
    if rename {
        let mut seen = std::collections::HashSet::new();
        for (i, f) in fields.iter_mut().enumerate() {
            let invalid = !ident(f) || crate::parser::is_keyword(f) || f.starts_with('_') || seen.contains(f);
            seen.insert(f.clone());
            if invalid {
                *f = Rc::from(format!("_{i}"));
            }
        }
    }
    for n in std::iter::once(typename).chain(fields.iter().map(|f| &**f)) {
        if !ident(n) {
            return bad("Type names and field names must be valid identifiers", n);
        }
        if crate::parser::is_keyword(n) {
            return bad("Type names and field names cannot be a keyword", n);
        }
    }
    let mut seen = std::collections::HashSet::new();
    for f in fields.iter() {
        if f.starts_with('_') && !rename {
            return bad("Field names cannot start with an underscore", f);
        }
        if !seen.insert(f) {
            return bad("Encountered duplicate field name", f);
        }
    }
    Ok(())
}

/// `collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`.
pub(crate) fn namedtuple(mut args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let sig = "namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)";
    bind(sig, &mut args, &mut kwargs)?;
    let name = crate::builtins::str_arg(&args[0], "namedtuple() typename must be str")?;
    let mut fields: Vec<Rc<str>> = match &args[1] {
        Value::Str(s) => s.replace(',', " ").split_whitespace().map(Rc::from).collect(),
        other => {
            let mut out = Vec::new();
            for f in iter::collect(other)? {
                out.push(Rc::from(crate::builtins::str_arg(
                    &f,
                    "Type names and field names must be strings",
                )?));
            }
            out
        }
    };
    let rename = take_kw(&mut kwargs, "rename").map_or(Ok(false), |v| ops::truthy(&v))?;
    check_names(&name, &mut fields, rename)?;
    let defaults = match take_kw(&mut kwargs, "defaults") {
        None | Some(Value::None) => Vec::new(),
        Some(v) => iter::collect(&v)?,
    };
    let module = match take_kw(&mut kwargs, "module") {
        None | Some(Value::None) => "__main__".to_string(),
        Some(m) => text::str(&m)?,
    };
    if defaults.len() > fields.len() {
        return raise("TypeError", "Got more default values than field names");
    }
    let doc = match fields.as_slice() {
        [one] => format!("{name}({one},)"),
        all => format!("{name}({})", all.iter().map(|f| &**f).collect::<Vec<_>>().join(", ")),
    };
    let class = build_namedtuple(&name, &module, Rc::from(fields), defaults, &interp().types.tuple)?;
    class.dict.borrow_mut().set("__doc__", Value::string(doc));
    Ok(Value::Class(class))
}

/// `class Emp(namedtuple("Emp", "name salary"))`: a namedtuple class with
/// its base's fields and defaults whose instances are the subclass's; None
/// when `base` is not a namedtuple class.
pub fn namedtuple_subclass(base: &Rc<Class>, name: &str, module: &str) -> Option<PyResult<Rc<Class>>> {
    if base.builtin != crate::object::BuiltinType::Native {
        return None;
    }
    let dict = base.dict.borrow();
    let Some(Value::Tuple(names)) = dict.get("_fields") else { return None };
    let Some(Value::Dict(defaults)) = dict.get("_field_defaults") else { return None };
    let fields: Vec<Rc<str>> =
        names.iter().filter_map(|f| if let Value::Str(s) = f { Some(s.clone()) } else { None }).collect();
    let defaults = defaults.table.borrow().items().into_iter().map(|(_, v)| v).collect();
    drop(dict);
    Some(build_namedtuple(name, module, Rc::from(fields), defaults, base))
}

/// The class `namedtuple()` makes, deriving from `base` (tuple, or the
/// namedtuple class a class statement derives from).
fn build_namedtuple(
    name: &str,
    module: &str,
    fields: Rc<[Rc<str>]>,
    defaults: Vec<Value>,
    base: &Rc<Class>,
) -> PyResult<Rc<Class>> {
    let class = crate::builtins::types::make_class(name, module, &[base], crate::object::BuiltinType::Native);
    interp().classes.track(&class);
    let (c, fs, defs) = (Rc::downgrade(&class), fields.clone(), Rc::new(defaults.clone()));
    let new = Builtin::new(name, move |args, mut kw| {
        let Some(class) = c.upgrade() else { return raise("TypeError", "namedtuple class is gone") };
        let n = fs.len();
        if args.len() > n {
            // Counting `_cls`, as CPython's generated `__new__` does.
            let takes = match n - defs.len() + 1 {
                least if least < n + 1 => format!("from {least} to {}", n + 1),
                _ => (n + 1).to_string(),
            };
            return raise(
                "TypeError",
                format!(
                    "{}.__new__() takes {takes} positional arguments but {} were given",
                    class.name,
                    args.len() + 1
                ),
            );
        }
        let mut items: Vec<Option<Value>> = args.into_iter().map(Some).collect();
        items.resize(n, None);
        for (i, f) in fs.iter().enumerate() {
            if let Some(v) = take_kw(&mut kw, f) {
                if items[i].is_some() {
                    return raise(
                        "TypeError",
                        format!("{}.__new__() got multiple values for argument '{f}'", class.name),
                    );
                }
                items[i] = Some(v);
            }
        }
        if let Some((k, _)) = kw.first() {
            return raise(
                "TypeError",
                format!("{}.__new__() got an unexpected keyword argument '{k}'", class.name),
            );
        }
        let first_default = n - defs.len();
        let mut out = Vec::with_capacity(n);
        let mut missing = Vec::new();
        for (i, v) in items.into_iter().enumerate() {
            match v {
                Some(v) => out.push(v),
                None if i >= first_default => out.push(defs[i - first_default].clone()),
                None => missing.push(format!("'{}'", fs[i])),
            }
        }
        if !missing.is_empty() {
            let k = missing.len();
            let list = if k == 1 {
                missing[0].clone()
            } else {
                format!("{} and {}", missing[..k - 1].join(", "), missing[k - 1])
            };
            return raise(
                "TypeError",
                format!(
                    "{}.__new__() missing {k} required positional argument{}: {list}",
                    class.name,
                    if k == 1 { "" } else { "s" }
                ),
            );
        }
        Ok(make_namedtuple(&class, &fs, out))
    });
    let field_defaults = Dict::new();
    for (f, v) in fields[fields.len() - defaults.len()..].iter().zip(defaults.iter()) {
        ops::dict_set(&field_defaults, Value::Str(f.clone()), v.clone())?;
    }
    let mut d = class.dict.borrow_mut();
    d.set("__new__", new);
    d.set("_field_defaults", Value::Dict(field_defaults));
    let names = Value::tuple(fields.iter().map(|f| Value::Str(f.clone())).collect());
    d.set("_fields", names.clone());
    d.set("__match_args__", names);
    let (c, fs) = (Rc::downgrade(&class), fields.clone());
    d.set(
        "_make",
        Builtin::new("_make", move |mut args, mut kw| {
            let Some(class) = c.upgrade() else { return raise("TypeError", "namedtuple class is gone") };
            bind(&format!("{}._make(self, iterable)", class.name), &mut args, &mut kw)?;
            let items = iter::collect(&args[0])?;
            if items.len() != fs.len() {
                return raise("TypeError", format!("Expected {} arguments, got {}", fs.len(), items.len()));
            }
            Ok(make_namedtuple(&class, &fs, items))
        }),
    );
    drop(d);
    Ok(class)
}
