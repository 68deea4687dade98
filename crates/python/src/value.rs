//! Python values as the evaluator sees them.
//!
//! Immutable values (`None`, bools, ints, floats, strings, tuples) are held
//! by value or in an `Rc`; mutable containers (`list`, `dict`, `set`) and
//! objects are shared through an `Rc` with a `RefCell` inside. No borrow of
//! those cells is ever held across a call into Python code or an await.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::bigint::BigInt;
use crate::object::{BoundMethod, Builtin, Class, Function, Instance};

/// A Python value.
#[derive(Clone, Default)]
pub enum Value {
    #[default]
    None,
    Bool(bool),
    Int(i64),
    /// An int that does not fit in i64 (never one that does).
    Big(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Tuple(Rc<Items>),
    List(Rc<ListCell>),
    Dict(Rc<Dict>),
    Set(Rc<SetObj>),
    /// `range(start, stop, step)`.
    Range(Rc<(i64, i64, i64)>),
    /// `slice(start, stop, step)`.
    Slice(Rc<(Value, Value, Value)>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    BoundMethod(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    /// Everything else: coroutines, tasks, futures, locks, queues, iterators,
    /// modules, deques ...
    Object(Rc<dyn crate::native::Native>),
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Rc::from(s))
    }
    /// The instance of a user class or exception, if it is one.
    pub fn as_instance(&self) -> Option<Rc<crate::object::Instance>> {
        match self {
            Value::Instance(i) => Some(i.clone()),
            _ => None,
        }
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Items::new(items))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(ListCell(RefCell::new(items))))
    }
    pub fn from_big(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Big(Rc::new(b)),
        }
    }
    pub fn native(obj: impl crate::native::Native) -> Value {
        Value::Object(Rc::new(obj))
    }

    /// Identity, as Python's `is`.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Object(a), Object(b)) => std::ptr::addr_eq(Rc::as_ptr(a), Rc::as_ptr(b)),
            (BoundMethod(a), BoundMethod(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// An address-like id for `id()` and default hashes/reprs.
    pub fn id(&self) -> usize {
        match self {
            Value::List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::BoundMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Object(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Tuple(r) => r.as_ptr() as usize,
            Value::Str(r) => r.as_ptr() as usize,
            Value::Big(r) => Rc::as_ptr(r) as usize,
            Value::Range(r) => Rc::as_ptr(r) as usize,
            Value::Slice(r) => Rc::as_ptr(r) as usize,
            Value::None => 1,
            Value::Bool(b) => 2 + *b as usize,
            Value::Int(i) => *i as usize,
            Value::Float(f) => f.to_bits() as usize,
        }
    }

    pub fn as_native<T: 'static>(&self) -> Option<&T> {
        match self {
            Value::Object(o) => {
                let any: &dyn Any = o.as_any();
                any.downcast_ref::<T>()
            }
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The number as f64 for int/float/bool operands.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            Value::Bool(b) => Some(*b as i64 as f64),
            Value::Big(b) => b.to_f64(),
            _ => None,
        }
    }

    /// An int (or bool) as i64.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }
}

/// An insertion-ordered hash table keyed by Python values: the storage of
/// `dict` and `set`. Keys are compared with [`crate::ops::key_eq`], which
/// handles the builtin types; instances hash by identity unless they define
/// `__hash__`/`__eq__` (which the interpreter then calls).
#[derive(Default, Clone)]
pub struct Table {
    entries: Vec<Option<(Value, Value, u64)>>,
    index: std::collections::HashMap<u64, Vec<usize>>,
    live: usize,
}

impl Table {
    pub fn len(&self) -> usize {
        self.live
    }
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    fn find(&self, key: &Value, hash: u64, eq: &mut dyn FnMut(&Value, &Value) -> bool) -> Option<usize> {
        let slots = self.index.get(&hash)?;
        slots.iter().copied().find(|&i| match &self.entries[i] {
            Some((k, _, _)) => k.is(key) || eq(k, key),
            None => false,
        })
    }

    pub fn get(&self, key: &Value, hash: u64, eq: &mut dyn FnMut(&Value, &Value) -> bool) -> Option<Value> {
        let i = self.find(key, hash, eq)?;
        self.entries[i].as_ref().map(|(_, v, _)| v.clone())
    }

    pub fn contains(&self, key: &Value, hash: u64, eq: &mut dyn FnMut(&Value, &Value) -> bool) -> bool {
        self.find(key, hash, eq).is_some()
    }

    /// Inserts or replaces (keeping the first key and its position, as Python does).
    pub fn insert(
        &mut self,
        key: Value,
        value: Value,
        hash: u64,
        eq: &mut dyn FnMut(&Value, &Value) -> bool,
    ) {
        if let Some(i) = self.find(&key, hash, eq) {
            if let Some(e) = self.entries[i].as_mut() {
                e.1 = value;
            }
            return;
        }
        self.push_new(key, value, hash);
    }

    /// Appends `key`, which the caller found absent (no second comparison:
    /// a set's `add` compares a colliding key once, as CPython's does).
    pub fn push_new(&mut self, key: Value, value: Value, hash: u64) {
        self.entries.push(Some((key, value, hash)));
        self.index.entry(hash).or_default().push(self.entries.len() - 1);
        self.live += 1;
    }

    pub fn remove(
        &mut self,
        key: &Value,
        hash: u64,
        eq: &mut dyn FnMut(&Value, &Value) -> bool,
    ) -> Option<(Value, Value)> {
        let i = self.find(key, hash, eq)?;
        let (k, v, h) = self.entries[i].take()?;
        if let Some(slots) = self.index.get_mut(&h) {
            slots.retain(|&s| s != i);
            if slots.is_empty() {
                self.index.remove(&h);
            }
        }
        self.live -= 1;
        if self.entries.len() > 32 && self.live * 2 < self.entries.len() {
            self.compact();
        }
        Some((k, v))
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.index.clear();
        for (k, v, h) in old.into_iter().flatten() {
            self.entries.push(Some((k, v, h)));
            self.index.entry(h).or_default().push(self.entries.len() - 1);
        }
    }

    /// Removes and returns the last entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(last) = self.entries.pop() {
            if let Some((k, v, h)) = last {
                let i = self.entries.len();
                if let Some(slots) = self.index.get_mut(&h) {
                    slots.retain(|&s| s != i);
                    if slots.is_empty() {
                        self.index.remove(&h);
                    }
                }
                self.live -= 1;
                return Some((k, v));
            }
        }
        None
    }

    /// Removes and returns the first entry (`set.pop`).
    pub fn pop_first(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().position(|e| e.is_some())?;
        let (k, v, h) = self.entries[i].take()?;
        if let Some(slots) = self.index.get_mut(&h) {
            slots.retain(|&s| s != i);
            if slots.is_empty() {
                self.index.remove(&h);
            }
        }
        self.live -= 1;
        Some((k, v))
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.live = 0;
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries.iter().flatten().map(|(k, _, _)| k.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.entries.iter().flatten().map(|(_, v, _)| v.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.entries.iter().flatten().map(|(k, v, _)| (k.clone(), v.clone())).collect()
    }
    /// Entries with their hashes (for copying without rehashing).
    pub fn raw(&self) -> Vec<(Value, Value, u64)> {
        self.entries.iter().flatten().cloned().collect()
    }
}

/// Which dict subclass of `collections` a [`Dict`] is.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub enum DictKind {
    #[default]
    Plain,
    /// `collections.Counter`: a missing key reads 0, counting methods, its own repr.
    Counter,
    /// `collections.OrderedDict`: `move_to_end`, `popitem(last=)`, its own repr.
    Ordered,
}

/// A list's items. They are freed from the last, as CPython's `list_dealloc`
/// frees them (the order their `__del__`s print in).
#[derive(Default)]
pub struct ListCell(pub RefCell<Vec<Value>>);

impl std::ops::Deref for ListCell {
    type Target = RefCell<Vec<Value>>;
    fn deref(&self) -> &RefCell<Vec<Value>> {
        &self.0
    }
}

impl Drop for ListCell {
    fn drop(&mut self) {
        // Last to first, as CPython's list_dealloc.
        let mut items = std::mem::take(self.0.get_mut());
        if !items.is_empty() {
            items.reverse();
            drop_flat(items);
        }
    }
}

/// A tuple's items: `[Value]`, whose drop does not recurse through nested
/// tuples (`t = (t,)` 100,000 times) and frees them last to first, as
/// CPython's `tupledealloc`.
#[repr(transparent)]
pub struct Items(pub [Value]);

impl Items {
    pub fn new(items: Vec<Value>) -> Rc<Items> {
        let items: Rc<[Value]> = Rc::from(items);
        // SAFETY: `Items` is a transparent wrapper of `[Value]`: the same
        // layout and pointer metadata, so the allocation is a valid `Items`.
        unsafe { Rc::from_raw(Rc::into_raw(items) as *const Items) }
    }
}

impl std::ops::Deref for Items {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        &self.0
    }
}

impl Drop for Items {
    fn drop(&mut self) {
        let leaf = |v: &Value| {
            matches!(v, Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_))
        };
        if self.0.iter().all(leaf) {
            return;
        }
        // Last to first: drop_flat frees its items first to last.
        let items: Vec<Value> = self.0.iter_mut().rev().map(std::mem::take).collect();
        drop_flat(items);
    }
}

/// A `dict` (also the `__dict__` of instances and classes).
#[derive(Default)]
pub struct Dict {
    pub table: RefCell<Table>,
    /// `defaultdict`'s factory, when this dict is one.
    pub default_factory: RefCell<Option<Value>>,
    pub kind: Cell<DictKind>,
    /// Bumped on every insertion/removal: iteration checks it.
    pub version: Cell<u64>,
}

impl Dict {
    pub fn new() -> Rc<Dict> {
        Rc::new(Dict::default())
    }
    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn touch(&self) {
        self.version.set(self.version.get() + 1);
    }
}

/// A `set` or `frozenset`.
#[derive(Default)]
pub struct SetObj {
    pub table: RefCell<crate::settable::SetTable>,
    pub frozen: bool,
    pub version: Cell<u64>,
}

impl SetObj {
    pub fn new(frozen: bool) -> Rc<SetObj> {
        Rc::new(SetObj { table: RefCell::default(), frozen, version: Cell::default() })
    }
    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn touch(&self) {
        self.version.set(self.version.get() + 1);
    }
}

thread_local! {
    /// Values whose drop [`drop_flat`] deferred; `None` when no drain is running.
    static DEFERRED: RefCell<Option<Vec<Value>>> = const { RefCell::new(None) };
}

/// Drops a container's items without recursing through its nested
/// containers: a drain already running further up the stack takes them,
/// else this call drains them one by one (a dict nested 100,000 deep would
/// otherwise overflow the stack when it is dropped). Dicts, sets, lists and
/// instances go through here; tuples still drop recursively.
pub(crate) fn drop_flat(mut items: Vec<Value>) {
    // Popped from the end: reversed, they go in their order (CPython frees
    // a dict's and a set's entries first to last).
    items.reverse();
    let handed = DEFERRED.try_with(|d| match d.borrow_mut().as_mut() {
        Some(queue) => {
            queue.extend(items);
            None
        }
        None => Some(items),
    });
    // No drain running (or the thread is exiting): start one.
    let Ok(Some(items)) = handed else { return };
    if DEFERRED.try_with(|d| *d.borrow_mut() = Some(items)).is_err() {
        return;
    }
    while let Some(v) = DEFERRED.with(|d| d.borrow_mut().as_mut().and_then(Vec::pop)) {
        drop(v);
    }
    DEFERRED.with(|d| *d.borrow_mut() = None);
}

impl Table {
    /// The keys and values, emptying the table.
    pub(crate) fn drain_values(&mut self) -> Vec<Value> {
        let entries = std::mem::take(&mut self.entries);
        self.index.clear();
        self.live = 0;
        let mut out = Vec::with_capacity(entries.len() * 2);
        for (k, v, _) in entries.into_iter().flatten() {
            out.push(k);
            out.push(v);
        }
        out
    }
}

impl Drop for Dict {
    fn drop(&mut self) {
        if self.table.get_mut().is_empty() {
            return;
        }
        let mut items = self.table.get_mut().drain_values();
        items.extend(self.default_factory.get_mut().take());
        drop_flat(items);
    }
}

impl Drop for SetObj {
    fn drop(&mut self) {
        if !self.table.get_mut().is_empty() {
            drop_flat(self.table.get_mut().drain());
        }
    }
}
