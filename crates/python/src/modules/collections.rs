//! `collections`: `deque`, `defaultdict`, `OrderedDict`, `Counter`.

use std::any::Any;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::ast::{BinOp, CmpOp};
use crate::interp::exc::raise;
use crate::interp::{interp, iter, ops, text};
use crate::modules::ModuleObj;
use crate::native::{arity, method, take_kw, Kwargs, Native};
use crate::object::{Builtin, Class};
use crate::value::{Dict, DictKind, Value};
use asyncio_engine::PyResult;

pub struct Deque {
    pub items: RefCell<VecDeque<Value>>,
    pub maxlen: Option<usize>,
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
    match name {
        "append" => {
            arity("append", &args, 1, 1)?;
            d.push_back(args[0].clone());
        }
        "appendleft" => {
            arity("appendleft", &args, 1, 1)?;
            d.push_front(args[0].clone());
        }
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
            for v in iter::collect(crate::builtins::one("extend", &args)?)? {
                d.push_back(v);
            }
        }
        "extendleft" => {
            for v in iter::collect(crate::builtins::one("extendleft", &args)?)? {
                d.push_front(v);
            }
        }
        "clear" => d.items.borrow_mut().clear(),
        "rotate" => {
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
            }));
        }
        "count" => {
            let x = crate::builtins::one("count", &args)?;
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
            let x = crate::builtins::one("remove", &args)?;
            let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
            for (i, v) in items.iter().enumerate() {
                if ops::eq(v, x)? {
                    d.items.borrow_mut().remove(i);
                    return Ok(Value::None);
                }
            }
            return raise("ValueError", format!("{} is not in deque", text::repr(x)?));
        }
        _ => return raise("AttributeError", format!("'collections.deque' object has no attribute '{name}'")),
    }
    Ok(Value::None)
}

const DEQUE_METHODS: &[&str] = &[
    "append",
    "appendleft",
    "pop",
    "popleft",
    "extend",
    "extendleft",
    "clear",
    "rotate",
    "copy",
    "count",
    "remove",
];

impl Native for Deque {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("deque")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
        let inner = text::repr(&Value::list(items))?;
        Ok(match self.maxlen {
            Some(m) => format!("deque({inner}, maxlen={m})"),
            None => format!("deque({inner})"),
        })
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if name == "maxlen" {
            return Some(Ok(self.maxlen.map(|m| Value::Int(m as i64)).unwrap_or(Value::None)));
        }
        let n: &'static str = DEQUE_METHODS.iter().find(|m| **m == name)?;
        Some(Ok(method::<Deque>(name, this, move |d, _, args, _| deque_method(d, n, args))))
    }
    fn iter(&self, _this: &Value) -> Option<PyResult<Value>> {
        let items: Vec<Value> = self.items.borrow().iter().cloned().collect();
        Some(Ok(crate::native::iters::IterObj::value(
            iter::Iter::Items(items.into_iter()),
            "_collections._deque_iterator",
        )))
    }
    fn len(&self) -> Option<usize> {
        Some(self.items.borrow().len())
    }
    fn getitem(&self, key: &Value) -> Option<PyResult<Value>> {
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

fn new_deque(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let maxlen = take_kw(&mut kwargs, "maxlen").or_else(|| args.get(1).cloned());
    let maxlen = match maxlen {
        None | Some(Value::None) => None,
        Some(v) => match v.as_i64() {
            Some(m) if m >= 0 => Some(m as usize),
            _ => return raise("ValueError", "maxlen must be non-negative"),
        },
    };
    let d = Deque { items: RefCell::new(VecDeque::new()), maxlen };
    if let Some(src) = args.first() {
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

fn new_counter(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    arity("Counter", &args, 0, 1)?;
    let d = Dict::new();
    d.kind.set(DictKind::Counter);
    counter_update(&d, args.first(), kwargs, false)?;
    Ok(Value::Dict(d))
}

fn new_ordered(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    arity("OrderedDict", &args, 0, 1)?;
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

/// `Counter.update` / `subtract`: counts from a mapping or an iterable's elements.
fn counter_update(d: &Dict, src: Option<&Value>, kwargs: Kwargs, minus: bool) -> PyResult<()> {
    let op = if minus { BinOp::Sub } else { BinOp::Add };
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    match src {
        None | Some(Value::None) => {}
        Some(Value::Dict(m)) => pairs.extend(m.table.borrow().items()),
        Some(v) => {
            for x in iter::collect(v)? {
                pairs.push((x, Value::Int(1)));
            }
        }
    }
    pairs.extend(kwargs.into_iter().map(|(k, v)| (Value::Str(k), v)));
    for (k, n) in pairs {
        let cur = count_of(d, &k)?;
        ops::dict_set(d, k, ops::binop(op, &cur, &n)?)?;
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
        (DictKind::Counter, "most_common") => |t, a, _| {
            arity("most_common", &a, 0, 1)?;
            let mut items = most_common(dict_of(t)?)?;
            if let Some(n) = a.first().and_then(|v| v.as_i64()) {
                items.truncate(n.max(0) as usize);
            }
            Ok(Value::list(items))
        },
        (DictKind::Counter, "elements") => |t, _, _| {
            let mut out = Vec::new();
            for (k, n) in dict_of(t)?.table.borrow().items() {
                let n = n.as_i64().unwrap_or(0);
                ops::check_size(out.len() as u128 + n.max(0) as u128, 16)?;
                out.extend(std::iter::repeat_n(k, n.max(0) as usize));
            }
            iter::iter_object(&Value::list(out))
        },
        (DictKind::Counter, "update") => |t, a, k| {
            arity("update", &a, 0, 1)?;
            counter_update(dict_of(t)?, a.first(), k, false).map(|_| Value::None)
        },
        (DictKind::Counter, "subtract") => |t, a, k| {
            arity("subtract", &a, 0, 1)?;
            counter_update(dict_of(t)?, a.first(), k, true).map(|_| Value::None)
        },
        (DictKind::Counter, "total") => |t, _, _| {
            let mut acc = Value::Int(0);
            for v in dict_of(t)?.table.borrow().values() {
                acc = ops::binop(BinOp::Add, &acc, &v)?;
            }
            Ok(acc)
        },
        (DictKind::Ordered, "move_to_end") => |t, a, mut k| {
            arity("move_to_end", &a, 1, 2)?;
            let last = match a.get(1).cloned().or_else(|| take_kw(&mut k, "last")) {
                Some(v) => ops::truthy(&v)?,
                None => true,
            };
            let d = dict_of(t)?;
            let Some(v) = ops::dict_remove(d, &a[0])? else {
                return Err(crate::interp::exc::with_args("KeyError", vec![a[0].clone()]));
            };
            if last {
                ops::dict_set(d, a[0].clone(), v)?;
            } else {
                let rest = d.table.borrow().items();
                d.table.borrow_mut().clear();
                ops::dict_set(d, a[0].clone(), v)?;
                for (key, val) in rest {
                    ops::dict_set(d, key, val)?;
                }
            }
            Ok(Value::None)
        },
        (DictKind::Ordered, "popitem") => |t, a, mut k| {
            arity("popitem", &a, 0, 1)?;
            let last = match a.first().cloned().or_else(|| take_kw(&mut k, "last")) {
                Some(v) => ops::truthy(&v)?,
                None => true,
            };
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
    m.set("OrderedDict", Value::Class(od));
    let counter = t.native("Counter");
    counter.dict.borrow_mut().set("__new__", Builtin::new("Counter", new_counter));
    m.set("Counter", Value::Class(counter));
    m.func("namedtuple", namedtuple);
    m
}

/// An instance of a `namedtuple` class: a tuple whose items also have names.
pub struct NamedTuple {
    class: Rc<Class>,
    fields: Rc<[Rc<str>]>,
    pub items: Rc<[Value]>,
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
    Value::native(NamedTuple { class: class.clone(), fields: fields.clone(), items: Rc::from(items) })
}

impl Native for NamedTuple {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        let mut parts = Vec::new();
        for (f, v) in self.fields.iter().zip(self.items.iter()) {
            parts.push(format!("{f}={}", text::repr(v)?));
        }
        Ok(format!("{}({})", self.class.name, parts.join(", ")))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if let Some(i) = self.fields.iter().position(|f| &**f == name) {
            return Some(Ok(self.items[i].clone()));
        }
        Some(Ok(match name {
            "_fields" => Value::tuple(self.fields.iter().map(|f| Value::Str(f.clone())).collect()),
            "_asdict" => method::<NamedTuple>(name, this, |nt, _, _, _| {
                let d = Dict::new();
                for (f, v) in nt.fields.iter().zip(nt.items.iter()) {
                    ops::dict_set(&d, Value::Str(f.clone()), v.clone())?;
                }
                Ok(Value::Dict(d))
            }),
            "_replace" => method::<NamedTuple>(name, this, |nt, _, _, mut kw| {
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
                let t = Value::Tuple(self.items.clone());
                return crate::builtins::methods::get(&t, name).map(Ok);
            }
            _ => return None,
        }))
    }
    fn iter(&self, _this: &Value) -> Option<PyResult<Value>> {
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
    fn eq(&self, _this: &Value, other: &Value) -> Option<PyResult<bool>> {
        let other = match other.as_native::<NamedTuple>() {
            Some(nt) => Value::Tuple(nt.items.clone()),
            None => other.clone(),
        };
        Some(ops::eq(&Value::Tuple(self.items.clone()), &other))
    }
}

/// `collections.namedtuple(name, fields, defaults=None)`.
fn namedtuple(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    arity("namedtuple", &args, 2, 2)?;
    let name = crate::builtins::str_arg(&args[0], "namedtuple() typename must be str")?;
    let fields: Vec<Rc<str>> = match &args[1] {
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
    for f in &fields {
        let ok = f.chars().next().is_some_and(|c| c.is_alphabetic())
            && f.chars().all(|c| c == '_' || c.is_alphanumeric());
        if !ok {
            return raise(
                "ValueError",
                format!("Type names and field names must be valid identifiers: '{f}'"),
            );
        }
    }
    let defaults = match take_kw(&mut kwargs, "defaults") {
        None | Some(Value::None) => Vec::new(),
        Some(v) => iter::collect(&v)?,
    };
    take_kw(&mut kwargs, "module");
    take_kw(&mut kwargs, "rename");
    crate::native::no_kwargs("namedtuple", &kwargs)?;
    if defaults.len() > fields.len() {
        return raise("TypeError", "Got more default values than field names");
    }
    let fields: Rc<[Rc<str>]> = Rc::from(fields);
    let class = crate::builtins::types::make_class(
        &name,
        "__main__",
        &[&interp().types.object],
        crate::object::BuiltinType::Native,
    );
    let (c, fs, defs) = (Rc::downgrade(&class), fields.clone(), Rc::new(defaults));
    let new = Builtin::new(&name, move |args, mut kw| {
        let Some(class) = c.upgrade() else { return raise("TypeError", "namedtuple class is gone") };
        let n = fs.len();
        if args.len() > n {
            return raise(
                "TypeError",
                format!(
                    "{}.__new__() takes {} positional arguments but {} were given",
                    class.name,
                    n + 1,
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
    let mut d = class.dict.borrow_mut();
    d.set("__new__", new);
    d.set("_fields", Value::tuple(fields.iter().map(|f| Value::Str(f.clone())).collect()));
    let (c, fs) = (Rc::downgrade(&class), fields.clone());
    d.set(
        "_make",
        Builtin::new("_make", move |args, _| {
            let Some(class) = c.upgrade() else { return raise("TypeError", "namedtuple class is gone") };
            let items = iter::collect(crate::builtins::one("_make", &args)?)?;
            if items.len() != fs.len() {
                return raise("TypeError", format!("Expected {} arguments, got {}", fs.len(), items.len()));
            }
            Ok(make_namedtuple(&class, &fs, items))
        }),
    );
    drop(d);
    Ok(Value::Class(class))
}
