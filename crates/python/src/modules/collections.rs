//! `collections`: `deque`, `defaultdict`, `OrderedDict`, `Counter`.

use std::any::Any;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::interp::exc::raise;
use crate::interp::{interp, iter, ops, text};
use crate::modules::ModuleObj;
use crate::native::{arity, method, take_kw, Kwargs, Native};
use crate::object::{Builtin, Class};
use crate::value::{Dict, Value};
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

fn new_counter(args: Vec<Value>, _kwargs: Kwargs) -> PyResult<Value> {
    let d = Dict::new();
    if let Some(src) = args.first() {
        for v in iter::collect(src)? {
            let n = ops::dict_get(&d, &v)?.and_then(|c| c.as_i64()).unwrap_or(0);
            ops::dict_set(&d, v, Value::Int(n + 1))?;
        }
    }
    Ok(Value::Dict(d))
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
    m.set("OrderedDict", Value::Class(t.dict.clone()));
    m.func("Counter", new_counter);
    m
}
