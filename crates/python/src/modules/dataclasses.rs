//! `dataclasses.dataclass` and `field` for plain dataclasses: `__init__`,
//! `__repr__`, `__eq__` (and `order=True` comparisons).

use std::any::Any;
use std::rc::Rc;

use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::{attr, interp, ops, text};
use crate::modules::ModuleObj;
use crate::native::{take_kw, Kwargs, Native};
use crate::object::{Builtin, Class};
use crate::value::Value;
use asyncio_engine::PyResult;

/// What `field(...)` returns.
pub struct Field {
    pub default: Option<Value>,
    pub factory: Option<Value>,
    pub repr: bool,
    pub init: bool,
}

impl Native for Field {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("Field")
    }
}

#[derive(Clone)]
struct Spec {
    name: Rc<str>,
    default: Option<Value>,
    factory: Option<Value>,
    repr: bool,
    init: bool,
}

fn fields_of(class: &Rc<Class>) -> PyResult<Vec<Spec>> {
    let mut out: Vec<Spec> = Vec::new();
    // Base dataclasses' fields first.
    for base in class.mro.borrow().iter().skip(1).rev() {
        if let Some(Value::Tuple(fs)) = base.dict.borrow().get("__dataclass_fields__") {
            for f in fs.iter() {
                if let Some(spec) = f.as_native::<FieldSpec>() {
                    out.retain(|s| s.name != spec.0.name);
                    out.push(spec.0.clone());
                }
            }
        }
    }
    let ann = class.dict.borrow().get("__annotations__");
    let Some(Value::Dict(ann)) = ann else { return Ok(out) };
    for k in ann.table.borrow().keys() {
        let Value::Str(name) = k else { continue };
        let existing = class.dict.borrow().get(&name);
        let mut spec = Spec { name: name.clone(), default: None, factory: None, repr: true, init: true };
        if let Some(v) = existing {
            match v.as_native::<Field>() {
                Some(f) => {
                    spec.default = f.default.clone();
                    spec.factory = f.factory.clone();
                    spec.repr = f.repr;
                    spec.init = f.init;
                    match &f.default {
                        Some(d) => class.dict.borrow_mut().set(&name, d.clone()),
                        None => {
                            class.dict.borrow_mut().remove(&name);
                        }
                    }
                }
                None => {
                    if matches!(v, Value::List(_) | Value::Dict(_) | Value::Set(_)) {
                        return raise(
                            "ValueError",
                            format!(
                                "mutable default {} for field {name} is not allowed: use default_factory",
                                text::repr(&Value::Class(attr::type_of(&v)))?
                            ),
                        );
                    }
                    spec.default = Some(v);
                }
            }
        }
        out.retain(|s| s.name != spec.name);
        out.push(spec);
    }
    Ok(out)
}

struct FieldSpec(Spec);

impl Native for FieldSpec {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("Field")
    }
}

fn values_of(obj: &Value, fields: &[Spec]) -> PyResult<Vec<Value>> {
    fields.iter().map(|f| attr::getattr(obj, &f.name)).collect()
}

fn make_init(class: &Rc<Class>, fields: Rc<Vec<Spec>>) -> Value {
    let qual = class.qualname.clone();
    Builtin::new("__init__", move |args, mut kwargs| {
        let mut it = args.into_iter();
        let Some(this) = it.next() else { return raise("TypeError", "__init__() missing self") };
        let mut pos: Vec<Value> = it.collect();
        let init_fields: Vec<&Spec> = fields.iter().filter(|f| f.init).collect();
        if pos.len() > init_fields.len() {
            return raise(
                "TypeError",
                format!(
                    "{qual}.__init__() takes {} positional arguments but {} were given",
                    init_fields.len() + 1,
                    pos.len() + 1
                ),
            );
        }
        let mut missing = Vec::new();
        let given = pos.len();
        let mut values = Vec::new();
        for (i, f) in init_fields.iter().enumerate() {
            let kw = take_kw(&mut kwargs, &f.name);
            let v = if i < given {
                if kw.is_some() {
                    return raise(
                        "TypeError",
                        format!("{qual}.__init__() got multiple values for argument '{}'", f.name),
                    );
                }
                std::mem::take(&mut pos[i])
            } else if let Some(v) = kw {
                v
            } else if let Some(d) = &f.default {
                d.clone()
            } else if let Some(factory) = &f.factory {
                call_sync(factory, vec![], vec![])?
            } else {
                missing.push(format!("'{}'", f.name));
                continue;
            };
            values.push((f.name.clone(), v));
        }
        if let Some((k, _)) = kwargs.first() {
            return raise("TypeError", format!("{qual}.__init__() got an unexpected keyword argument '{k}'"));
        }
        if !missing.is_empty() {
            let n = missing.len();
            let list = if n == 1 {
                missing[0].clone()
            } else {
                format!("{} and {}", missing[..n - 1].join(", "), missing[n - 1])
            };
            return raise(
                "TypeError",
                format!(
                    "{qual}.__init__() missing {n} required positional argument{}: {list}",
                    if n == 1 { "" } else { "s" }
                ),
            );
        }
        for f in fields.iter().filter(|f| !f.init) {
            if let Some(factory) = &f.factory {
                values.push((f.name.clone(), call_sync(factory, vec![], vec![])?));
            } else if let Some(d) = &f.default {
                values.push((f.name.clone(), d.clone()));
            }
        }
        for (k, v) in values {
            attr::setattr(&this, &k, v)?;
        }
        Ok(Value::None)
    })
}

fn make_repr(class: &Rc<Class>, fields: Rc<Vec<Spec>>) -> Value {
    let qual = class.qualname.clone();
    Builtin::new("__repr__", move |args, _| {
        let this = args.first().cloned().unwrap_or(Value::None);
        let mut parts = Vec::new();
        for f in fields.iter().filter(|f| f.repr) {
            parts.push(format!("{}={}", f.name, text::repr(&attr::getattr(&this, &f.name)?)?));
        }
        Ok(Value::string(format!("{qual}({})", parts.join(", "))))
    })
}

fn make_cmp(class: &Rc<Class>, fields: Rc<Vec<Spec>>, op: Option<crate::ast::CmpOp>) -> Value {
    let c = class.clone();
    Builtin::new("__eq__", move |args, _| {
        let [a, b] = args.as_slice() else { return raise("TypeError", "comparison needs two arguments") };
        let same = matches!(b, Value::Instance(i) if Rc::ptr_eq(&i.class, &c));
        if !same {
            return Ok(crate::interp::interp().builtin("NotImplemented").unwrap_or(Value::None));
        }
        let (x, y) = (Value::tuple(values_of(a, &fields)?), Value::tuple(values_of(b, &fields)?));
        match op {
            None => ops::eq(&x, &y).map(Value::Bool),
            Some(o) => ops::compare(o, &x, &y).map(Value::Bool),
        }
    })
}

fn process(class: &Rc<Class>, eq: bool, order: bool) -> PyResult<Value> {
    let fields = Rc::new(fields_of(class)?);
    let mut seen_default = false;
    for f in fields.iter().filter(|f| f.init) {
        if f.default.is_some() || f.factory.is_some() {
            seen_default = true;
        } else if seen_default {
            return raise("TypeError", format!("non-default argument '{}' follows default argument", f.name));
        }
    }
    let mut d = class.dict.borrow_mut();
    d.set("__init__", make_init(class, fields.clone()));
    if !d.contains("__repr__") {
        d.set("__repr__", make_repr(class, fields.clone()));
    }
    if eq {
        d.set("__eq__", make_cmp(class, fields.clone(), None));
        if !d.contains("__hash__") || matches!(d.get("__hash__"), Some(Value::None)) {
            d.set("__hash__", Value::None);
        }
    }
    if order {
        use crate::ast::CmpOp;
        for (name, op) in
            [("__lt__", CmpOp::Lt), ("__le__", CmpOp::LtE), ("__gt__", CmpOp::Gt), ("__ge__", CmpOp::GtE)]
        {
            d.set(name, make_cmp(class, fields.clone(), Some(op)));
        }
    }
    let specs: Vec<Value> = fields.iter().map(|f| Value::native(FieldSpec(f.clone()))).collect();
    d.set("__dataclass_fields__", Value::tuple(specs));
    Ok(Value::Class(class.clone()))
}

fn dataclass(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let eq = take_kw(&mut kwargs, "eq").map(|v| ops::truthy(&v)).transpose()?.unwrap_or(true);
    let order = take_kw(&mut kwargs, "order").map(|v| ops::truthy(&v)).transpose()?.unwrap_or(false);
    if let Some(frozen) = take_kw(&mut kwargs, "frozen") {
        if ops::truthy(&frozen)? {
            return raise("NotImplementedError", "frozen dataclasses are not supported in the playground");
        }
    }
    for k in ["init", "repr", "unsafe_hash", "match_args", "kw_only", "slots"] {
        take_kw(&mut kwargs, k);
    }
    match args.first() {
        Some(Value::Class(c)) => process(c, eq, order),
        Some(_) => raise("TypeError", "dataclass() should be applied to a class"),
        None => Ok(Builtin::new("dataclass", move |a, _| match a.first() {
            Some(Value::Class(c)) => process(c, eq, order),
            _ => raise("TypeError", "dataclass() should be applied to a class"),
        })),
    }
}

fn field(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    if !args.is_empty() {
        return raise("TypeError", "field() takes 0 positional arguments");
    }
    let default = take_kw(&mut kwargs, "default");
    let factory = take_kw(&mut kwargs, "default_factory");
    if default.is_some() && factory.is_some() {
        return raise("ValueError", "cannot specify both default and default_factory");
    }
    let repr = take_kw(&mut kwargs, "repr").map(|v| ops::truthy(&v)).transpose()?.unwrap_or(true);
    let init = take_kw(&mut kwargs, "init").map(|v| ops::truthy(&v)).transpose()?.unwrap_or(true);
    Ok(Value::native(Field { default, factory, repr, init }))
}

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("dataclasses");
    m.func("dataclass", dataclass);
    m.func("field", field);
    m.func("asdict", |args, _| {
        let obj = crate::builtins::one("asdict", &args)?;
        let Value::Instance(inst) = obj else {
            return raise("TypeError", "asdict() should be called on dataclass instances");
        };
        let d = crate::value::Dict::new();
        for f in fields_of(&inst.class)? {
            ops::dict_set(&d, Value::Str(f.name.clone()), attr::getattr(obj, &f.name)?)?;
        }
        Ok(Value::Dict(d))
    });
    m
}
