//! `dataclasses`: `dataclass` (`__init__` with `__post_init__`, `__repr__`,
//! `__eq__`, `order=True` comparisons, `frozen=True` with `__hash__`),
//! `field`, `fields`, `asdict`, `astuple`, `replace`, `is_dataclass`.

use std::any::Any;
use std::rc::Rc;

use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::{attr, interp, ops, text};
use crate::modules::{bind, ModuleObj};
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
    pub compare: bool,
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
    compare: bool,
    annotation: Value,
    /// An `InitVar` pseudo-field: an `__init__` parameter handed to
    /// `__post_init__`, not stored, compared or shown.
    initvar: bool,
}

fn fields_of(class: &Rc<Class>) -> PyResult<Vec<Spec>> {
    let mut out: Vec<Spec> = Vec::new();
    // Base dataclasses' fields first.
    for base in class.ancestors.borrow().iter().rev() {
        if let Some(Value::Dict(fs)) = base.dict.borrow().get("__dataclass_fields__") {
            for f in fs.table.borrow().values().iter() {
                if let Some(spec) = f.as_native::<FieldSpec>() {
                    put(&mut out, spec.0.clone());
                }
            }
        }
    }
    let ann = class.dict.borrow().get("__annotations__");
    let Some(Value::Dict(ann)) = ann else { return Ok(out) };
    for (k, annotation) in ann.table.borrow().items() {
        let Value::Str(name) = k else { continue };
        if crate::builtins::alias::is_classvar(&annotation) {
            continue;
        }
        let existing = class.dict.borrow().get(&name);
        let mut spec = Spec {
            name: name.clone(),
            default: None,
            factory: None,
            repr: true,
            init: true,
            compare: true,
            initvar: is_initvar(&annotation),
            annotation,
        };
        if let Some(v) = existing {
            match v.as_native::<Field>() {
                Some(f) => {
                    spec.default = f.default.clone();
                    spec.factory = f.factory.clone();
                    spec.repr = f.repr;
                    spec.init = f.init;
                    spec.compare = f.compare;
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
        put(&mut out, spec);
    }
    Ok(out)
}

/// `InitVar`, `InitVar[T]`, or a string annotation naming one (`from
/// __future__ import annotations`), as dataclasses' `_is_initvar` and its
/// string check take them.
fn is_initvar(annotation: &Value) -> bool {
    match annotation {
        Value::Class(c) => &*c.name == "InitVar" && &*c.module == "dataclasses" && !c.is_user(),
        Value::Str(s) => s.starts_with("InitVar") || s.starts_with("dataclasses.InitVar"),
        other => other.as_native::<InitVar>().is_some(),
    }
}

/// `dataclasses.InitVar[T]`.
pub struct InitVar(Value);

impl Native for InitVar {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("InitVar")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        let name = match &self.0 {
            Value::Class(c) => c.name.to_string(),
            other => text::repr(other)?,
        };
        Ok(format!("dataclasses.InitVar[{name}]"))
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        (name == "type").then(|| Ok(self.0.clone()))
    }
}

/// Adds `spec` to the fields, in the place of a base's field of that name
/// (a field a subclass declares again keeps its place, as CPython's
/// ordered `fields` dict does), else at the end.
fn put(out: &mut Vec<Spec>, spec: Spec) {
    match out.iter_mut().find(|s| s.name == spec.name) {
        Some(place) => *place = spec,
        None => out.push(spec),
    }
}

struct FieldSpec(Spec);

impl Native for FieldSpec {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("Field")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!(
            "Field(name={},type={})",
            text::repr(&Value::Str(self.0.name.clone()))?,
            text::repr(&self.0.annotation)?
        ))
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        let f = &self.0;
        Some(Ok(match name {
            "name" => Value::Str(f.name.clone()),
            "type" => f.annotation.clone(),
            "default" => f.default.clone().unwrap_or_else(missing),
            "default_factory" => f.factory.clone().unwrap_or_else(missing),
            "repr" => Value::Bool(f.repr),
            "init" => Value::Bool(f.init),
            "compare" => Value::Bool(f.compare),
            _ => return None,
        }))
    }
}

/// `dataclasses.MISSING`.
struct Missing;

impl Native for Missing {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("_MISSING_TYPE")
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<dataclasses._MISSING_TYPE object at {:#x}>", this.id()))
    }
}

thread_local! {
    static MISSING: Value = Value::native(Missing);
}

fn missing() -> Value {
    MISSING.with(|m| m.clone())
}

/// The fields of a dataclass instance (a TypeError for anything else).
fn dataclass_fields(obj: &Value, what: &str) -> PyResult<Vec<Spec>> {
    if let Value::Instance(inst) = obj {
        if let Some(Value::Dict(d)) = inst.class.lookup("__dataclass_fields__") {
            return Ok(d
                .table
                .borrow()
                .values()
                .iter()
                .filter_map(|f| f.as_native::<FieldSpec>())
                .filter(|f| !f.0.initvar)
                .map(|f| f.0.clone())
                .collect());
        }
    }
    raise("TypeError", format!("{what}() should be called on dataclass instances"))
}

/// `asdict`/`astuple`'s recursive copy: dataclasses become dicts (tuples),
/// lists, tuples and dicts are copied with their items converted.
fn deep_copy(v: &Value, as_tuple: bool) -> PyResult<Value> {
    // CPython's `_asdict_inner` recurses in Python: a cycle is a RecursionError.
    ops::nested(" while calling a Python object", || deep_copy_at(v, as_tuple))
}

fn deep_copy_at(v: &Value, as_tuple: bool) -> PyResult<Value> {
    if let Value::Instance(_) = v {
        if let Ok(fields) = dataclass_fields(v, "asdict") {
            if as_tuple {
                let mut out = Vec::new();
                for f in &fields {
                    out.push(deep_copy(&attr::getattr(v, &f.name)?, true)?);
                }
                return Ok(Value::tuple(out));
            }
            let d = crate::value::Dict::new();
            for f in &fields {
                ops::dict_set(
                    &d,
                    Value::Str(f.name.clone()),
                    deep_copy(&attr::getattr(v, &f.name)?, false)?,
                )?;
            }
            return Ok(Value::Dict(d));
        }
    }
    Ok(match v {
        Value::List(l) => {
            let items = l.borrow().clone();
            Value::list(items.iter().map(|x| deep_copy(x, as_tuple)).collect::<PyResult<_>>()?)
        }
        Value::Tuple(t) => Value::tuple(t.iter().map(|x| deep_copy(x, as_tuple)).collect::<PyResult<_>>()?),
        Value::Object(_) => {
            match crate::modules::collections::namedtuple_map(v, |x| deep_copy(x, as_tuple)) {
                Some(nt) => nt?,
                None => v.clone(),
            }
        }
        Value::Dict(d) => {
            let out = crate::value::Dict::new();
            out.kind.set(d.kind.get());
            *out.default_factory.borrow_mut() = d.default_factory.borrow().clone();
            for (k, x) in d.table.borrow().items() {
                ops::dict_set(&out, deep_copy(&k, as_tuple)?, deep_copy(&x, as_tuple)?)?;
            }
            Value::Dict(out)
        }
        other => other.clone(),
    })
}

fn values_of(obj: &Value, fields: &[Spec]) -> PyResult<Vec<Value>> {
    fields.iter().map(|f| attr::getattr(obj, &f.name)).collect()
}

fn make_init(class: &Rc<Class>, fields: Rc<Vec<Spec>>, frozen: bool) -> Value {
    let qual = class.qualname.clone();
    Builtin::new("__init__", move |args, mut kwargs| {
        let mut it = args.into_iter();
        let Some(this) = it.next() else { return raise("TypeError", "__init__() missing self") };
        let mut pos: Vec<Value> = it.collect();
        let init_fields: Vec<&Spec> = fields.iter().filter(|f| f.init).collect();
        if pos.len() > init_fields.len() {
            // CPython's message counts self, and gives a range when some have defaults.
            let most = init_fields.len() + 1;
            let least =
                most - init_fields.iter().filter(|f| f.default.is_some() || f.factory.is_some()).count();
            let takes = if least == most { most.to_string() } else { format!("from {least} to {most}") };
            return raise(
                "TypeError",
                format!(
                    "{qual}.__init__() takes {takes} positional arguments but {} were given",
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
        let mut init_only = Vec::new();
        for (k, v) in values {
            match &this {
                _ if fields.iter().any(|f| f.initvar && f.name == k) => init_only.push(v),
                Value::Instance(inst) if frozen => inst.set_attr(&k, v),
                _ => attr::setattr(&this, &k, v)?,
            }
        }
        if let Some(post) = attr::lookup_special(&this, "__post_init__") {
            call_sync(&post, init_only, vec![])?;
        }
        Ok(Value::None)
    })
}

fn make_repr(class: &Rc<Class>, fields: Rc<Vec<Spec>>) -> Value {
    let qual = class.qualname.clone();
    Builtin::new("__repr__", move |args, _| {
        let this = args.first().cloned().unwrap_or(Value::None);
        // `reprlib.recursive_repr`: an object inside itself is `...`. Its
        // wrapper and the generated `__repr__` are two Python frames deep.
        let two_frames = |f: &dyn Fn() -> PyResult<String>| ops::nested("", || ops::nested("", f));
        let text = two_frames(&|| {
            text::guarded(this.id(), "...", || {
                let mut parts = Vec::new();
                for f in fields.iter().filter(|f| f.repr) {
                    parts.push(format!("{}={}", f.name, text::repr(&attr::getattr(&this, &f.name)?)?));
                }
                Ok(format!("{qual}({})", parts.join(", ")))
            })
        })?;
        Ok(Value::string(text))
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
        let cmp: Vec<Spec> = fields.iter().filter(|f| f.compare).cloned().collect();
        let (x, y) = (Value::tuple(values_of(a, &cmp)?), Value::tuple(values_of(b, &cmp)?));
        match op {
            None => ops::eq(&x, &y).map(Value::Bool),
            Some(o) => ops::compare(o, &x, &y).map(Value::Bool),
        }
    })
}

#[derive(Clone, Copy)]
struct Options {
    init: bool,
    eq: bool,
    order: bool,
    frozen: bool,
    unsafe_hash: bool,
    repr: bool,
}

fn make_hash(fields: Rc<Vec<Spec>>) -> Value {
    Builtin::new("__hash__", move |args, _| {
        let this = args.first().cloned().unwrap_or(Value::None);
        let cmp: Vec<Spec> = fields.iter().filter(|f| f.compare).cloned().collect();
        Ok(Value::Int(ops::hash(&Value::tuple(values_of(&this, &cmp)?))? as i64))
    })
}

fn frozen_guard(deleting: bool) -> Value {
    Builtin::new(if deleting { "__delattr__" } else { "__setattr__" }, move |args, _| {
        let name = args.get(1).and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        let verb = if deleting { "delete" } else { "assign to" };
        raise("FrozenInstanceError", format!("cannot {verb} field '{name}'"))
    })
}

/// A dataclass's default `__doc__`: its name and `__init__`'s signature as
/// `inspect.signature` writes it (`Temp(c: float, unit: str = 'C')`).
fn signature_doc(class: &Rc<Class>, fields: &[Spec]) -> PyResult<String> {
    let mut params = Vec::new();
    for f in fields.iter().filter(|f| f.init) {
        let mut p = format!("{}: {}", f.name, annotation_text(&f.annotation)?);
        if let Some(d) = &f.default {
            p.push_str(&format!(" = {}", crate::interp::text::repr(d)?));
        } else if f.factory.is_some() {
            p.push_str(" = <factory>");
        }
        params.push(p);
    }
    Ok(format!("{}({})", class.name, params.join(", ")))
}

/// `inspect.formatannotation`: a class by its name (with its module unless
/// builtins), anything else by its repr without `typing.`.
fn annotation_text(a: &Value) -> PyResult<String> {
    Ok(match a {
        Value::Class(c) if &*c.module == "builtins" => c.qualname.to_string(),
        Value::Class(c) => format!("{}.{}", c.module, c.qualname),
        other => crate::interp::text::repr(other)?.replace("typing.", ""),
    })
}

/// `__dataclass_params__`: the options a dataclass was made with.
struct Params(Options);

impl Native for Params {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("_DataclassParams")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        let o = &self.0;
        let b = |v: bool| if v { "True" } else { "False" };
        Ok(format!(
            "_DataclassParams(init={},repr={},eq={},order={},unsafe_hash={},frozen={})",
            b(o.init),
            b(o.repr),
            b(o.eq),
            b(o.order),
            b(o.unsafe_hash),
            b(o.frozen)
        ))
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        let o = &self.0;
        let v = match name {
            "init" => o.init,
            "repr" => o.repr,
            "eq" => o.eq,
            "order" => o.order,
            "unsafe_hash" => o.unsafe_hash,
            "frozen" => o.frozen,
            _ => return None,
        };
        Some(Ok(Value::Bool(v)))
    }
}

/// CPython's check of `frozen` against the dataclass bases' (after the
/// fields are collected, before `__init__` is made).
fn check_bases(class: &Rc<Class>, o: &Options) -> PyResult<()> {
    let base_params: Vec<bool> = class
        .ancestors
        .borrow()
        .iter()
        .filter_map(|b| b.dict.borrow().get("__dataclass_params__"))
        .filter_map(|p| p.as_native::<Params>().map(|p| p.0.frozen))
        .collect();
    if !base_params.is_empty() {
        let any_frozen = base_params.iter().any(|f| *f);
        if any_frozen && !o.frozen {
            return raise("TypeError", "cannot inherit non-frozen dataclass from a frozen one");
        }
        if !any_frozen && o.frozen {
            return raise("TypeError", "cannot inherit frozen dataclass from a non-frozen one");
        }
    }
    Ok(())
}

/// CPython's checks of the methods `order`, `frozen` and `unsafe_hash`
/// must add, in its order: one the class defines itself is a TypeError.
fn check_overwrites(class: &Rc<Class>, o: &Options) -> PyResult<()> {
    let d = class.dict.borrow();
    let overwrite = |name: &str, hint: &str| {
        raise("TypeError", format!("Cannot overwrite attribute {name} in class {}{hint}", class.name))
    };
    if o.order {
        if let Some(name) = ["__lt__", "__le__", "__gt__", "__ge__"].into_iter().find(|n| d.contains(n)) {
            return overwrite(name, ". Consider using functools.total_ordering");
        }
    }
    if o.frozen {
        if let Some(name) = ["__setattr__", "__delattr__"].into_iter().find(|n| d.contains(n)) {
            return overwrite(name, "");
        }
    }
    // An explicit `__hash__` (not the None a class with `__eq__` gets).
    let explicit_hash = match d.get("__hash__") {
        None => false,
        Some(Value::None) => !d.contains("__eq__"),
        Some(_) => true,
    };
    if o.unsafe_hash && explicit_hash {
        return overwrite("__hash__", "");
    }
    Ok(())
}

fn process(class: &Rc<Class>, o: Options) -> PyResult<Value> {
    let params = Value::native(Params(o));
    let Options { init, eq, order, frozen, unsafe_hash, repr } = o;
    let all = Rc::new(fields_of(class)?);
    check_bases(class, &o)?;
    let fields: Rc<Vec<Spec>> = Rc::new(all.iter().filter(|f| !f.initvar).cloned().collect());
    let mut seen_default = false;
    for f in all.iter().filter(|f| init && f.init) {
        if f.default.is_some() || f.factory.is_some() {
            seen_default = true;
        } else if seen_default {
            return raise("TypeError", format!("non-default argument '{}' follows default argument", f.name));
        }
    }
    check_overwrites(class, &o)?;
    let doc = if matches!(class.dict.borrow().get("__doc__"), None | Some(Value::None)) {
        Some(signature_doc(class, &all)?)
    } else {
        None
    };
    let mut d = class.dict.borrow_mut();
    if let Some(doc) = doc {
        d.set("__doc__", Value::string(doc));
    }
    if init && !d.contains("__init__") {
        d.set("__init__", make_init(class, all.clone(), frozen));
    }
    if repr && !d.contains("__repr__") {
        d.set("__repr__", make_repr(class, fields.clone()));
    }
    if eq && !d.contains("__eq__") {
        d.set("__eq__", make_cmp(class, fields.clone(), None));
    }
    let own_hash = matches!(d.get("__hash__"), Some(v) if !matches!(v, Value::None));
    if unsafe_hash || (eq && frozen && !own_hash) {
        d.set("__hash__", make_hash(fields.clone()));
    } else if eq && !own_hash {
        d.set("__hash__", Value::None);
    }
    if frozen {
        d.set("__setattr__", frozen_guard(false));
        d.set("__delattr__", frozen_guard(true));
    }
    if order {
        use crate::ast::CmpOp;
        for (name, op) in
            [("__lt__", CmpOp::Lt), ("__le__", CmpOp::LtE), ("__gt__", CmpOp::Gt), ("__ge__", CmpOp::GtE)]
        {
            d.set(name, make_cmp(class, fields.clone(), Some(op)));
        }
    }
    let specs = crate::value::Dict::new();
    for f in all.iter() {
        ops::dict_set(&specs, Value::Str(f.name.clone()), Value::native(FieldSpec(f.clone())))?;
    }
    d.set("__dataclass_fields__", Value::Dict(specs));
    d.set("__dataclass_params__", params);
    // What a class pattern's positional sub-patterns match (`case Point(x, y)`).
    if !d.contains("__match_args__") {
        let names = all.iter().filter(|f| f.init).map(|f| Value::Str(f.name.clone())).collect();
        d.set("__match_args__", Value::tuple(names));
    }
    Ok(Value::Class(class.clone()))
}

fn dataclass(mut args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    bind(
        "dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, \
         frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False)",
        &mut args,
        &mut kwargs,
    )?;
    let mut flag = |name: &str, default: bool| -> PyResult<bool> {
        take_kw(&mut kwargs, name).map(|v| ops::truthy(&v)).transpose().map(|v| v.unwrap_or(default))
    };
    let o = Options {
        init: flag("init", true)?,
        eq: flag("eq", true)?,
        order: flag("order", false)?,
        frozen: flag("frozen", false)?,
        unsafe_hash: flag("unsafe_hash", false)?,
        repr: flag("repr", true)?,
    };
    if o.order && !o.eq {
        return raise("ValueError", "eq must be true if order is true");
    }
    for k in ["kw_only", "slots", "weakref_slot"] {
        if flag(k, false)? {
            return raise(
                "NotImplementedError",
                format!("dataclass({k}=True) is not supported in the playground"),
            );
        }
    }
    match args.first() {
        None | Some(Value::None) => Ok(Builtin::new("wrap", move |mut a, mut kw| {
            bind("dataclass.<locals>.wrap(cls)", &mut a, &mut kw)?;
            match &a[0] {
                Value::Class(c) => process(c, o),
                _ => raise("TypeError", "dataclass() should be applied to a class"),
            }
        })),
        Some(Value::Class(c)) => process(c, o),
        Some(_) => raise("TypeError", "dataclass() should be applied to a class"),
    }
}

fn field(mut args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    bind(
        "field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, \
         metadata=None, kw_only=MISSING)",
        &mut args,
        &mut kwargs,
    )?;
    let default = take_kw(&mut kwargs, "default");
    let factory = take_kw(&mut kwargs, "default_factory");
    if default.is_some() && factory.is_some() {
        return raise("ValueError", "cannot specify both default and default_factory");
    }
    let mut flag = |name: &str, default: bool| -> PyResult<bool> {
        take_kw(&mut kwargs, name).map(|v| ops::truthy(&v)).transpose().map(|v| v.unwrap_or(default))
    };
    let (repr, init, compare) = (flag("repr", true)?, flag("init", true)?, flag("compare", true)?);
    if flag("kw_only", false)? {
        return raise("NotImplementedError", "field(kw_only=True) is not supported in the playground");
    }
    Ok(Value::native(Field { default, factory, repr, init, compare }))
}

/// `asdict(obj, *, dict_factory=dict)` and `astuple(obj, *, tuple_factory=tuple)`:
/// only the default factory is supported (another is refused, not ignored).
fn convert(name: &'static str, as_tuple: bool) -> impl Fn(Vec<Value>, Kwargs) -> PyResult<Value> {
    move |args, mut kwargs| {
        let types = &interp().types;
        let (plain, factory) = match as_tuple {
            true => (&types.tuple, take_kw(&mut kwargs, "tuple_factory")),
            false => (&types.dict, take_kw(&mut kwargs, "dict_factory")),
        };
        if factory.is_some_and(|f| !matches!(&f, Value::Class(c) if Rc::ptr_eq(c, plain))) {
            let msg = format!("{name}() with another factory is not supported in the playground");
            return raise("NotImplementedError", msg);
        }
        dataclass_fields(&args[0], name)?;
        deep_copy(&args[0], as_tuple)
    }
}

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("dataclasses");
    m.func("dataclass", dataclass);
    m.func("field", field);
    m.def("asdict", "asdict(obj, *, dict_factory=dict)", convert("asdict", false));
    m.def("astuple", "astuple(obj, *, tuple_factory=tuple)", convert("astuple", true));
    m.def("fields", "fields(class_or_instance)", |args, _| {
        let class = match &args[0] {
            Value::Class(c) => c.clone(),
            other => attr::type_of(other),
        };
        match class.lookup("__dataclass_fields__") {
            Some(Value::Dict(d)) => {
                let real = |f: &Value| f.as_native::<FieldSpec>().is_some_and(|f| !f.0.initvar);
                Ok(Value::tuple(d.table.borrow().values().into_iter().filter(real).collect()))
            }
            _ => raise("TypeError", "must be called with a dataclass type or instance"),
        }
    });
    m.def("is_dataclass", "is_dataclass(obj)", |args, _| {
        let class = match &args[0] {
            Value::Class(c) => c.clone(),
            other => attr::type_of(other),
        };
        Ok(Value::Bool(class.lookup("__dataclass_fields__").is_some()))
    });
    m.def("replace", "replace(obj, /, **changes)", |args, mut kwargs| {
        let obj = &args[0];
        let fields = dataclass_fields(obj, "replace")?;
        let mut kw: Kwargs = Vec::new();
        for f in fields.iter().filter(|f| f.init) {
            let v = match take_kw(&mut kwargs, &f.name) {
                Some(v) => v,
                None => attr::getattr(obj, &f.name)?,
            };
            kw.push((f.name.clone(), v));
        }
        if let Some(f) = fields.iter().find(|f| !f.init && kwargs.iter().any(|(k, _)| *k == f.name)) {
            let msg = format!(
                "field {} is declared with init=False, it cannot be specified with replace()",
                f.name
            );
            return raise("ValueError", msg);
        }
        // Any other change goes to the class too, which refuses it.
        kw.append(&mut kwargs);
        call_sync(&Value::Class(attr::type_of(obj)), vec![], kw)
    });
    let initvar = interp().types.native("InitVar");
    let subscript =
        |args: Vec<Value>, _| Ok(Value::native(InitVar(args.into_iter().next().unwrap_or(Value::None))));
    initvar.dict.borrow_mut().set("__class_getitem__", Builtin::new("__class_getitem__", subscript));
    m.set("InitVar", Value::Class(initvar));
    m.set("MISSING", missing());
    m.set("FrozenInstanceError", Value::Class(interp().types.exception_named("FrozenInstanceError")));
    m
}
