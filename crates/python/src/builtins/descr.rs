//! `property`, `staticmethod`, `classmethod` and `super`.

use std::any::Any;
use std::rc::Rc;

use crate::interp::exc::raise;
use crate::interp::{attr, interp, Frame};
use crate::native::{method, Native};
use crate::object::{BoundMethod, Builtin, Class};
use crate::value::Value;
use asyncio_engine::PyResult;

pub struct Property {
    pub fget: Option<Value>,
    pub fset: Option<Value>,
    pub fdel: Option<Value>,
    /// `property(..., doc=...)`: its `__doc__` instead of the getter's.
    pub doc: Option<Value>,
}

impl Property {
    fn copy(&self) -> Property {
        Property {
            fget: self.fget.clone(),
            fset: self.fset.clone(),
            fdel: self.fdel.clone(),
            doc: self.doc.clone(),
        }
    }
}

impl Native for Property {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.property.clone()
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "setter" => Some(Ok(method::<Property>("setter", this, |p, _, args, _| {
                Ok(Value::native(Property { fset: args.into_iter().next(), ..p.copy() }))
            }))),
            "getter" => Some(Ok(method::<Property>("getter", this, |p, _, args, _| {
                Ok(Value::native(Property { fget: args.into_iter().next(), ..p.copy() }))
            }))),
            "deleter" => Some(Ok(method::<Property>("deleter", this, |p, _, args, _| {
                Ok(Value::native(Property { fdel: args.into_iter().next(), ..p.copy() }))
            }))),
            "fset" => Some(Ok(self.fset.clone().unwrap_or(Value::None))),
            "fdel" => Some(Ok(self.fdel.clone().unwrap_or(Value::None))),
            "fget" => Some(Ok(self.fget.clone().unwrap_or(Value::None))),
            // abc's check sees through a property over an abstract method.
            "__isabstractmethod__" => Some((|| {
                for f in [&self.fget, &self.fset, &self.fdel].into_iter().flatten() {
                    if let Some(v) = attr::getattr_opt(f, name)? {
                        if crate::interp::ops::truthy(&v)? {
                            return Ok(Value::Bool(true));
                        }
                    }
                }
                Ok(Value::Bool(false))
            })()),
            "__doc__" => Some(match (&self.doc, &self.fget) {
                (Some(doc), _) => Ok(doc.clone()),
                (None, Some(f)) => attr::getattr_opt(f, name).map(|d| d.unwrap_or(Value::None)),
                (None, None) => Ok(Value::None),
            }),
            _ => None,
        }
    }
}

/// `__func__` (and `__wrapped__`) of a static or class method, and whether
/// the function it wraps is abstract.
fn wrapper_attr(func: &Value, name: &str) -> Option<PyResult<Value>> {
    match name {
        "__func__" | "__wrapped__" => Some(Ok(func.clone())),
        // Copied from the function, as CPython 3.10's wrappers do.
        "__annotations__" | "__name__" | "__qualname__" | "__doc__" | "__module__" => {
            attr::getattr_opt(func, name).transpose()
        }
        "__isabstractmethod__" => {
            Some(attr::getattr_opt(func, name).map(|v| v.unwrap_or(Value::Bool(false))))
        }
        _ => None,
    }
}

pub struct StaticMethod(pub Value);

impl Native for StaticMethod {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if name == "__get__" {
            let func = self.0.clone();
            return Some(Ok(Builtin::method("__get__", this.clone(), move |_, _| Ok(func.clone()))));
        }
        wrapper_attr(&self.0, name)
    }
    fn class(&self) -> Rc<Class> {
        interp().types.staticmethod.clone()
    }
    fn call(
        &self,
        _this: &Value,
        args: Vec<Value>,
        kwargs: crate::native::Kwargs,
    ) -> Option<PyResult<Value>> {
        Some(crate::interp::call::call_sync(&self.0, args, kwargs))
    }
}

pub struct ClassMethod(pub Value);

impl Native for ClassMethod {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if name == "__get__" {
            // `cm.__get__(obj, cls)`: the function bound to `cls` (`type(obj)` without it).
            let func = self.0.clone();
            return Some(Ok(Builtin::method("__get__", this.clone(), move |args, _| {
                let owner = match (args.first(), args.get(1)) {
                    (_, Some(c)) if !matches!(c, Value::None) => c.clone(),
                    (Some(obj), _) => Value::Class(attr::type_of(obj)),
                    _ => return raise("TypeError", "__get__(None, None) is invalid"),
                };
                Ok(Value::BoundMethod(Rc::new(BoundMethod { this: owner, func: func.clone() })))
            })));
        }
        wrapper_attr(&self.0, name)
    }
    fn class(&self) -> Rc<Class> {
        interp().types.classmethod.clone()
    }
}

/// `super()`: attribute lookups start after `class` in `this`'s MRO.
pub struct Super {
    pub class: Rc<Class>,
    pub this: Value,
}

impl Native for Super {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("super")
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        let start = match &self.this {
            Value::Class(c) => c.clone(),
            other => attr::type_of(other),
        };
        let mro = start.mro();
        let pos = mro.iter().position(|c| Rc::ptr_eq(c, &self.class)).unwrap_or(0);
        let instance = !matches!(self.this, Value::Class(_));
        for c in mro.iter().skip(pos + 1) {
            let found = c.dict.borrow().get(name);
            if let Some(v) = found {
                // A property or a user descriptor runs its getter, as `__get__` would.
                if let Some(p) = v.as_native::<Property>() {
                    return Some(match (&p.fget, instance) {
                        (Some(fget), true) => {
                            crate::interp::call::call_sync(fget, vec![self.this.clone()], vec![])
                        }
                        _ => Ok(v.clone()),
                    });
                }
                if let Value::Instance(d) = &v {
                    if let Some(get) = d.class.lookup("__get__") {
                        let this = if instance { self.this.clone() } else { Value::None };
                        let args = vec![v.clone(), this, Value::Class(start.clone())];
                        return Some(crate::interp::call::call_sync(&get, args, vec![]));
                    }
                }
                if let Some(sm) = v.as_native::<StaticMethod>() {
                    return Some(Ok(sm.0.clone()));
                }
                return Some(Ok(match v {
                    Value::Function(_) => {
                        Value::BoundMethod(Rc::new(BoundMethod { this: self.this.clone(), func: v }))
                    }
                    Value::Builtin(_) => {
                        let this = self.this.clone();
                        let f = v.clone();
                        crate::object::Builtin::method(name, this.clone(), move |mut args, kw| {
                            args.insert(0, this.clone());
                            crate::interp::call::call_sync(&f, args, kw)
                        })
                    }
                    Value::Object(o) if o.as_any().is::<ClassMethod>() => {
                        let f = o
                            .as_any()
                            .downcast_ref::<ClassMethod>()
                            .map(|c| c.0.clone())
                            .unwrap_or(Value::None);
                        Value::BoundMethod(Rc::new(BoundMethod {
                            this: Value::Class(start.clone()),
                            func: f,
                        }))
                    }
                    other => other,
                }));
            }
        }
        // Past the last class: object's own methods.
        match super::object::bound(name, &self.this) {
            Some(m) => Some(Ok(m)),
            None => Some(raise("AttributeError", format!("'super' object has no attribute '{name}'"))),
        }
    }
}

/// `super()` inside a method: the method's class and its first argument.
pub fn make_super(f: &Frame) -> PyResult<Value> {
    let Some(class) = f.owner_class() else {
        // CPython checks for a first argument before the `__class__` cell.
        let positional = f.def.as_ref().map_or(0, |d| d.params.posonly.len() + d.params.args.len());
        if positional == 0 {
            return raise("RuntimeError", "super(): no arguments");
        }
        return raise("RuntimeError", "super(): __class__ cell not found");
    };
    if matches!(&*f.name, "<listcomp>" | "<setcomp>" | "<dictcomp>" | "<genexpr>") {
        // A comprehension's first argument is its iterator.
        return raise("TypeError", "super(type, obj): obj must be an instance or subtype of type");
    }
    let first = f.locals.borrow().first().cloned().flatten();
    let first = match first {
        Some(v) => v,
        None => {
            // A parameter captured by an inner function lives in a cell.
            let def = f.def.as_ref().map(|d| d.scope.borrow().cells.first().cloned());
            match def.flatten() {
                Some((_, Some(0))) => f.cells[0].borrow().clone().unwrap_or(Value::None),
                _ => return raise("RuntimeError", "super(): no arguments"),
            }
        }
    };
    Ok(Value::native(Super { class, this: first }))
}
