//! Classes, instances, functions and methods.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::ast::{ClassDef, FunctionDef};
use crate::interp::Module;
use crate::value::Value;
use asyncio_engine::PyResult;

/// A cell of a closure (`nonlocal` and captured variables).
pub type CellRef = Rc<RefCell<Option<Value>>>;

/// CPython's `__class__` cell: made by a class body, shared by every
/// function defined in it (and in their bodies), filled when the class is
/// made; `super()` and `__class__` read it.
pub type OwnerCell = Rc<RefCell<Option<std::rc::Weak<Class>>>>;

/// Attributes in definition order (instances and functions have few).
#[derive(Default, Clone)]
pub struct Attrs(pub Vec<(Rc<str>, Value)>);

impl Attrs {
    pub fn get(&self, name: &str) -> Option<Value> {
        self.0.iter().find(|(k, _)| &**k == name).map(|(_, v)| v.clone())
    }
    pub fn set(&mut self, name: &str, value: Value) {
        if let Some(slot) = self.0.iter_mut().find(|(k, _)| &**k == name) {
            slot.1 = value;
        } else {
            self.0.push((Rc::from(name), value));
        }
    }
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let i = self.0.iter().position(|(k, _)| &**k == name)?;
        Some(self.0.remove(i).1)
    }
    pub fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| &**k == name)
    }
}

/// What a builtin class is, so that `int(...)`, `isinstance(x, str)` and
/// subclasses of `Exception` work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    /// `BaseException` and every builtin exception class.
    Exception,
    /// A class that only native objects are instances of (`asyncio.Task` ...).
    Native,
    Property,
    StaticMethod,
    ClassMethod,
}

pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order after this class (without it: a class
    /// holding itself would never be freed).
    pub ancestors: RefCell<Vec<Rc<Class>>>,
    pub dict: RefCell<Attrs>,
    /// The nearest builtin ancestor's kind.
    pub builtin: BuiltinType,
    /// Derives from BaseException.
    pub is_exception: bool,
    /// Derives from BaseException but not from Exception.
    pub base_only: bool,
    /// The class statement, for user classes.
    pub def: Option<Rc<ClassDef>>,
    /// A metaclass written in Python (see `interp::attr::metaclass`).
    pub meta: Option<Rc<Class>>,
}

impl Class {
    /// Looks `name` up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v);
        }
        self.ancestors.borrow().iter().find_map(|c| c.dict.borrow().get(name))
    }
    /// True if `self` is `other` or derives from it.
    pub fn is_subclass(&self, other: &Class) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        self.ancestors.borrow().iter().any(|c| std::ptr::eq(&**c, other))
    }
    /// The method resolution order, this class first (`__mro__`).
    pub fn mro(self: &Rc<Class>) -> Vec<Rc<Class>> {
        std::iter::once(self.clone()).chain(self.ancestors.borrow().iter().cloned()).collect()
    }
    pub fn is_user(&self) -> bool {
        self.def.is_some()
    }
}

/// The state an exception instance carries.
/// A traceback entry: a frame's function, the line, and the expression
/// that raised there (for the `^^^^` line, PEP 657), when known.
#[derive(Clone, PartialEq)]
pub struct TbEntry {
    pub name: Rc<str>,
    pub line: u32,
    pub span: Option<Span>,
    /// A frame of CPython's own source (`events.py`'s `_run` under a loop
    /// callback): its file and line text; `None` for the program's.
    pub foreign: Option<(&'static str, &'static str)>,
}

/// Where an expression is in the source (1-based columns, `end` just past
/// it), and how its carets split: `~~^~~` for an operation, `~~^^^` for a
/// subscript (positions of the operator's left operand's end and right
/// operand's start, or of the subscripted value's and the index's ends).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    pub split: Split,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    Whole,
    Op { left_end: u32, right_start: u32 },
    Index { value_end: u32, index_end: u32 },
}

#[derive(Default)]
pub struct ExcData {
    pub args: RefCell<Vec<Value>>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
    /// Frames the exception passed through, innermost first.
    pub traceback: RefCell<Vec<TbEntry>>,
    /// The expression that raised it in a frame it has not yet entered:
    /// (the frame's serial, where); its entry there shows it.
    pub located: Cell<(u64, Option<Span>)>,
    /// The frame ([`Frame::serial`](crate::interp::Frame)) it last entered:
    /// it gets no second entry until it leaves (or is raised again).
    pub tb_frame: Cell<u64>,
    /// For groups: the message and members.
    pub group: RefCell<Option<(Rc<str>, Vec<Value>)>>,
    /// A NameError's "Did you mean" name, found where it was raised.
    pub suggestion: RefCell<Option<Rc<str>>>,
}

pub struct Instance {
    pub class: Rc<Class>,
    /// The attributes, until the program asks for `__dict__` (slots stay here).
    attrs: RefCell<Attrs>,
    /// `__dict__` once the program asked for it: from then on the other
    /// attributes live there, so that `obj.__dict__.update(...)` sets them.
    dict: RefCell<Option<Rc<crate::value::Dict>>>,
    /// Set for instances of exception classes.
    pub exc: Option<Box<ExcData>>,
    /// Its `__del__` has run (it runs once).
    pub finalized: Cell<bool>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        crate::interp::finalize::on_drop(self);
        // Its attributes without recursing (a linked list of a million nodes).
        let mut items: Vec<Value> =
            std::mem::take(&mut self.attrs.get_mut().0).into_iter().map(|(_, v)| v).collect();
        items.extend(self.dict.get_mut().take().map(Value::Dict));
        if !items.is_empty() {
            crate::value::drop_flat(items);
        }
    }
}

impl Instance {
    pub fn new(class: Rc<Class>) -> Rc<Instance> {
        let exc = if class.is_exception { Some(Box::default()) } else { None };
        let inst = Rc::new(Instance {
            class,
            attrs: RefCell::new(Attrs::default()),
            dict: RefCell::new(None),
            exc,
            finalized: Cell::new(false),
        });
        if let Some(it) = crate::interp::try_interp() {
            it.instances.track(&inst);
        }
        inst
    }

    /// The instance being dropped, alive again for its `__del__` (which then
    /// does not run a second time).
    pub fn revive(&mut self) -> Rc<Instance> {
        let inst = Rc::new(Instance {
            class: self.class.clone(),
            attrs: RefCell::new(std::mem::take(self.attrs.get_mut())),
            dict: RefCell::new(self.dict.get_mut().take()),
            exc: self.exc.take(),
            finalized: Cell::new(true),
        });
        if let Some(it) = crate::interp::try_interp() {
            it.instances.track(&inst);
        }
        inst
    }

    fn dict_of(&self) -> Option<Rc<crate::value::Dict>> {
        self.dict.borrow().clone()
    }

    pub fn get_attr(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(v);
        }
        let d = self.dict_of()?;
        crate::interp::ops::dict_get(&d, &Value::str(name)).ok().flatten()
    }

    pub fn has_attr(&self, name: &str) -> bool {
        self.get_attr(name).is_some()
    }

    pub fn set_attr(&self, name: &str, value: Value) {
        match self.dict_of() {
            Some(d) if !self.attrs.borrow().contains(name) => {
                // Setting a str key in a dict cannot fail.
                let _ = crate::interp::ops::dict_set(&d, Value::str(name), value);
            }
            _ => self.attrs.borrow_mut().set(name, value),
        }
    }

    pub fn remove_attr(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.attrs.borrow_mut().remove(name) {
            return Some(v);
        }
        let d = self.dict_of()?;
        crate::interp::ops::dict_remove(&d, &Value::str(name)).ok().flatten()
    }

    /// The attributes' values, in the order they were set.
    pub fn attr_values(&self) -> Vec<Value> {
        let mut values: Vec<Value> = self.attrs.borrow().0.iter().map(|(_, v)| v.clone()).collect();
        if let Some(d) = self.dict_of() {
            values.extend(d.table.borrow().values());
        }
        values
    }

    /// The attributes' names, in the order they were set.
    pub fn attr_names(&self) -> Vec<Value> {
        let mut names: Vec<Value> =
            self.attrs.borrow().0.iter().map(|(k, _)| Value::Str(k.clone())).collect();
        if let Some(d) = self.dict_of() {
            names.extend(d.table.borrow().keys());
        }
        names
    }

    /// `__dict__`: made on first use from the attributes other than `slots`,
    /// which move into it.
    pub fn dict(&self, slots: &[Rc<str>]) -> Rc<crate::value::Dict> {
        if let Some(d) = self.dict_of() {
            return d;
        }
        let d = crate::value::Dict::new();
        let mut attrs = self.attrs.borrow_mut();
        let (kept, moved): (Vec<_>, Vec<_>) =
            std::mem::take(&mut attrs.0).into_iter().partition(|(k, _)| slots.contains(k));
        attrs.0 = kept;
        for (k, v) in moved {
            let _ = crate::interp::ops::dict_set(&d, Value::Str(k), v);
        }
        *self.dict.borrow_mut() = Some(d.clone());
        d
    }

    /// Empties the instance (a dropped program's teardown), returning what it held.
    pub fn take_attrs(&self) -> (Attrs, Option<Rc<crate::value::Dict>>) {
        (std::mem::take(&mut *self.attrs.borrow_mut()), self.dict.borrow_mut().take())
    }
}

/// A `def` or `lambda` evaluated: code plus what it closed over.
pub struct Function {
    pub def: Rc<FunctionDef>,
    pub module: Rc<Module>,
    /// Defaults of the positional parameters (aligned to the last ones).
    pub defaults: Vec<Value>,
    /// Defaults of the keyword-only parameters, by position.
    pub kw_defaults: Vec<Option<Value>>,
    pub closure: Vec<CellRef>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// `__dict__`: `__wrapped__`, `__doc__` set by `functools.wraps`, anything assigned.
    pub attrs: RefCell<Attrs>,
    /// `__annotations__` (a dict), made empty on first use when there are none.
    pub annotations: RefCell<Option<Value>>,
    /// The `__class__` cell of the class body that defined this function
    /// (directly or in a function defined there), for `super()`.
    pub owner: Option<OwnerCell>,
    /// `types.coroutine` made this generator function's generators awaitable
    /// (CPython's `CO_ITERABLE_COROUTINE`).
    pub iterable_coroutine: std::cell::Cell<bool>,
}

impl Drop for Function {
    fn drop(&mut self) {
        // What only it holds, without recursing: a chain of 100,000 closures
        // each calling the one before.
        let mut items = std::mem::take(&mut self.defaults);
        items.extend(self.kw_defaults.drain(..).flatten());
        for cell in self.closure.drain(..) {
            if let Ok(cell) = Rc::try_unwrap(cell) {
                items.extend(cell.into_inner());
            }
        }
        items.extend(std::mem::take(&mut self.attrs.get_mut().0).into_iter().map(|(_, v)| v));
        if !items.is_empty() {
            crate::value::drop_flat(items);
        }
    }
}

/// A native function: `len`, `list.append` bound to a list, `asyncio.sleep` ...
pub type NativeFn = dyn Fn(Vec<Value>, Vec<(Rc<str>, Value)>) -> PyResult<Value>;

pub struct Builtin {
    pub name: Rc<str>,
    pub func: Box<NativeFn>,
    /// The object a method is bound to (for reprs).
    pub bound_to: Option<Value>,
    /// CPython defines it in Python (`asyncio.sleep`): its type is `function`.
    pub python: bool,
}

#[allow(clippy::new_ret_no_self)] // Builtins are only ever used as values.
impl Builtin {
    pub fn new(
        name: &str,
        func: impl Fn(Vec<Value>, Vec<(Rc<str>, Value)>) -> PyResult<Value> + 'static,
    ) -> Value {
        Builtin::function(name, Box::new(func), false)
    }
    /// A function CPython defines in Python (`asyncio.sleep`).
    pub fn python(
        name: &str,
        func: impl Fn(Vec<Value>, Vec<(Rc<str>, Value)>) -> PyResult<Value> + 'static,
    ) -> Value {
        Builtin::function(name, Box::new(func), true)
    }
    fn function(name: &str, func: Box<NativeFn>, python: bool) -> Value {
        Value::Builtin(Rc::new(Builtin { name: Rc::from(name), func, bound_to: None, python }))
    }
    pub fn method(
        name: &str,
        this: Value,
        func: impl Fn(Vec<Value>, Vec<(Rc<str>, Value)>) -> PyResult<Value> + 'static,
    ) -> Value {
        Value::Builtin(Rc::new(Builtin {
            name: Rc::from(name),
            func: Box::new(func),
            bound_to: Some(this),
            python: false,
        }))
    }
}

/// `obj.method` for a Python function found on the class.
pub struct BoundMethod {
    pub this: Value,
    pub func: Value,
}
