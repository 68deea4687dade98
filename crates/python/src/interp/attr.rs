//! Attribute access: `type()`, `getattr`, `setattr`, `isinstance`.

use std::rc::Rc;

use super::call::call_sync;
use super::exc::raise;
use super::interp;
use crate::builtins::descr::{ClassMethod, Property, StaticMethod};
use crate::object::{BoundMethod, BuiltinType, Class, Instance};
use crate::value::Value;
use asyncio_engine::PyResult;

/// `type(v)`.
pub fn type_of(v: &Value) -> Rc<Class> {
    let t = &interp().types;
    match v {
        Value::None => t.none.clone(),
        Value::Bool(_) => t.bool_.clone(),
        Value::Int(_) | Value::Big(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Str(_) => t.str_.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::List(_) => t.list.clone(),
        Value::Dict(d) => {
            if d.default_factory.borrow().is_some() {
                t.native("defaultdict")
            } else {
                match d.kind.get() {
                    crate::value::DictKind::Plain => t.dict.clone(),
                    crate::value::DictKind::Counter => t.native("Counter"),
                    crate::value::DictKind::Ordered => t.native("OrderedDict"),
                }
            }
        }
        Value::Set(s) => {
            if s.frozen {
                t.frozenset.clone()
            } else {
                t.set.clone()
            }
        }
        Value::Range(_) => t.range.clone(),
        Value::Slice(_) => t.slice.clone(),
        Value::Function(_) => t.function.clone(),
        Value::Builtin(b) if b.python => t.function.clone(),
        Value::Builtin(_) => t.builtin_function.clone(),
        Value::BoundMethod(_) => t.method.clone(),
        Value::Class(c) => metaclass(c).unwrap_or_else(|| t.type_.clone()),
        Value::Instance(i) => i.class.clone(),
        Value::Object(o) => o.class(),
    }
}

/// `isinstance(v, class)`.
pub fn isinstance(v: &Value, class: &Class) -> bool {
    if class.builtin == BuiltinType::Object && class.bases.is_empty() {
        return true;
    }
    is_subclass(&type_of(v), class)
}

/// `lock.__aenter__()` and the other context-manager methods of the
/// playground's objects that CPython's have (`dir()` lists them), called by
/// hand as `async with` calls them (a wrapper that delegates to a lock).
fn context_method(obj: &Value, o: &dyn crate::native::Native, name: &str) -> Option<Value> {
    let class = o.class();
    if !crate::builtins::dirnames::native_names(&class.name).0.split(' ').any(|n| n == name) {
        return None;
    }
    let me = obj.clone();
    let method = name.to_string();
    Some(crate::object::Builtin::method(name, obj.clone(), move |args, _| {
        let Value::Object(o) = &me else { return Ok(Value::None) };
        let exc = match args.get(1) {
            Some(Value::Instance(i)) if i.exc.is_some() => Some(super::exc::to_engine(i)),
            _ => None,
        };
        let out = match &*method {
            "__aenter__" => o.aenter(&me),
            "__enter__" => o.enter(&me),
            "__aexit__" => o.aexit(&me, exc.as_ref()),
            _ => o.exit(&me, exc.as_ref()).map(|r| r.map(Value::Bool)),
        };
        out.unwrap_or_else(|| raise("TypeError", format!("{method} is not supported here")))
    }))
}

/// `issubclass(c, class)`; an enum of a data type (`class P(int, Enum)`) is
/// one of its `_member_type_` too, though that base left its bases, and a
/// subclass of asyncio's queues and locks one of the engine's class (its
/// base is their Python version, see `modules::asyncio::bases`).
pub fn is_subclass(c: &Class, class: &Class) -> bool {
    c.is_subclass(class)
        || (metaclass(c).is_some()
            && matches!(c.lookup("_member_type_"), Some(Value::Class(m)) if m.is_subclass(class)))
        || crate::modules::asyncio::bases::derives_from_python_version(c, class)
}

/// A method defined in Python on `class` or its bases (not on `object`).
pub fn lookup_user(class: &Class, name: &str) -> Option<Value> {
    match class.lookup(name) {
        Some(v @ (Value::Function(_) | Value::Builtin(_))) => Some(v),
        Some(Value::Object(o)) => Some(Value::Object(o)),
        _ => None,
    }
}

/// The metaclass of `c` when one written in Python is attached: the
/// playground's classes in Python (enum's `EnumType`) name theirs in a
/// `__metaclass__` class attribute, which subclasses inherit (kept in
/// `Class::meta` when the class is made, so a call of a class costs no
/// lookup). User code cannot write `metaclass=`: it is refused before
/// anything runs.
pub fn metaclass(c: &Class) -> Option<Rc<Class>> {
    c.meta.clone()
}

/// `type(v).name` bound to `v`, for instances of user classes and for
/// classes whose metaclass is written in Python.
pub fn lookup_special(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(inst) => {
            let f = inst.class.lookup(name)?;
            Some(bind(f, v, &inst.class))
        }
        Value::Class(c) => {
            let meta = metaclass(c)?;
            let f = lookup_user(&meta, name)?;
            Some(bind(f, v, &meta))
        }
        _ => None,
    }
}

/// What `obj.name` gives for a class attribute `f` found on `class`.
fn bind(f: Value, this: &Value, class: &Rc<Class>) -> Value {
    // A builtin function is no descriptor (`sqrt = math.sqrt` in a class
    // body stays `sqrt`); the special methods the playground writes in Rust
    // (a dataclass's `__init__`, `total_ordering`'s `__le__`) bind as
    // CPython's Python-written ones do.
    let binds =
        |b: &crate::object::Builtin| b.name.len() > 4 && b.name.starts_with("__") && b.name.ends_with("__");
    match &f {
        Value::Function(_) => Value::BoundMethod(Rc::new(BoundMethod { this: this.clone(), func: f })),
        Value::Builtin(b) if binds(b) => {
            Value::BoundMethod(Rc::new(BoundMethod { this: this.clone(), func: f }))
        }
        Value::Object(o) if o.binds() => {
            Value::BoundMethod(Rc::new(BoundMethod { this: this.clone(), func: f }))
        }
        Value::Object(o) => {
            if let Some(sm) = o.as_any().downcast_ref::<StaticMethod>() {
                return sm.0.clone();
            }
            if let Some(cm) = o.as_any().downcast_ref::<ClassMethod>() {
                return Value::BoundMethod(Rc::new(BoundMethod {
                    this: Value::Class(class.clone()),
                    func: cm.0.clone(),
                }));
            }
            f
        }
        _ => f,
    }
}

/// What `obj.name` gives for attribute `f` of `obj`'s class `class` (a
/// native object's class written in Python: a `typing.NamedTuple` body's
/// methods, properties, descriptors, static and class methods).
pub fn bind_class_attr(f: Value, this: &Value, class: &Rc<Class>) -> PyResult<Value> {
    if let Some(p) = f.as_native::<Property>() {
        return match &p.fget {
            Some(get) => call_sync(get, vec![this.clone()], vec![]),
            None => raise("AttributeError", "property has no getter"),
        };
    }
    if let Some(get) = descriptor_method(&f, "__get__") {
        return call_sync(&get, vec![this.clone(), Value::Class(class.clone())], vec![]);
    }
    Ok(bind(f, this, class))
}

thread_local! {
    /// Some class has defined `__getattribute__` (method calls then look it up).
    static GETATTRIBUTE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Notes that a class defines `__getattribute__`.
pub fn note_class_attr(name: &str) {
    if name == "__getattribute__" {
        GETATTRIBUTE.with(|g| g.set(true));
    }
}

/// True when `class` has a `__getattribute__` of its own: every attribute
/// of its instances goes through it.
pub fn custom_getattribute(class: &Class) -> bool {
    GETATTRIBUTE.with(std::cell::Cell::get)
        && matches!(class.lookup("__getattribute__"), Some(Value::Function(_)))
}

/// `object.__getattribute__(obj, name)`: the lookup without the class's
/// `__getattribute__` and `__getattr__`.
pub fn generic_getattr(obj: &Value, name: &str) -> PyResult<Value> {
    match obj {
        Value::Instance(inst) => match instance_lookup(obj, inst, name)? {
            Some(v) => Ok(v),
            None => no_attribute(obj, name),
        },
        _ => getattr(obj, name),
    }
}

/// `getattr(obj, name)`.
pub fn getattr(obj: &Value, name: &str) -> PyResult<Value> {
    let found = match obj {
        // A `__getattr__`'s own AttributeError is the one raised.
        Value::Instance(inst) => instance_attr(obj, inst, name, true)?,
        _ => getattr_opt(obj, name)?,
    };
    match found {
        Some(v) => Ok(v),
        None => no_attribute(obj, name),
    }
}

/// The AttributeError for `obj.name`.
pub fn no_attribute<T>(obj: &Value, name: &str) -> PyResult<T> {
    let message = match obj {
        Value::Class(c) => format!("type object '{}' has no attribute '{}'", c.name, name),
        Value::Object(o) if o.as_any().is::<crate::modules::ModuleObj>() => {
            let m = o
                .as_any()
                .downcast_ref::<crate::modules::ModuleObj>()
                .map(|m| m.name.clone())
                .unwrap_or_default();
            format!("module '{m}' has no attribute '{name}'")
        }
        _ => format!("'{}' object has no attribute '{}'", super::text::type_name(obj), name),
    };
    Err(super::exc::attribute_error(message, obj, name))
}

/// `f.__defaults__`: the positional parameters' defaults, or None.
fn function_defaults(f: &crate::object::Function) -> Value {
    if f.defaults.is_empty() {
        Value::None
    } else {
        Value::tuple(f.defaults.clone())
    }
}

/// `f.__kwdefaults__`: the keyword-only parameters' defaults by name, or None.
fn function_kwdefaults(f: &crate::object::Function) -> PyResult<Value> {
    let d = crate::value::Dict::new();
    for (p, v) in f.def.params.kwonly.iter().zip(&f.kw_defaults) {
        if let Some(v) = v {
            super::ops::dict_set(&d, Value::Str(p.name.clone()), v.clone())?;
        }
    }
    Ok(if d.is_empty() { Value::None } else { Value::Dict(d) })
}

/// `getattr(obj, name, None)`-like: `Ok(None)` when there is no such attribute.
pub fn getattr_opt(obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match obj {
        Value::Instance(inst) => instance_attr(obj, inst, name, false),
        Value::Class(c) => class_attr(c, name),
        Value::Function(f) => {
            Ok(match name {
                "__class__" => Some(Value::Class(type_of(obj))),
                "__name__" => Some(Value::Str(f.name.borrow().clone())),
                "__qualname__" => Some(Value::Str(f.qualname.borrow().clone())),
                "__module__" => Some(Value::Str(f.module.name.clone())),
                "__doc__" => Some(f.attrs.borrow().get("__doc__").unwrap_or_else(|| {
                    f.def.doc.as_ref().map(|d| Value::Str(d.clone())).unwrap_or(Value::None)
                })),
                "__dict__" => Some(attrs_dict(&f.attrs.borrow())?),
                "__code__" => Some(Value::native(crate::native::code::Code(f.clone()))),
                "__defaults__" if f.attrs.borrow().get(name).is_none() => Some(function_defaults(f)),
                "__kwdefaults__" if f.attrs.borrow().get(name).is_none() => Some(function_kwdefaults(f)?),
                "__annotations__" => {
                    let made = || Value::Dict(crate::value::Dict::new());
                    Some(f.annotations.borrow_mut().get_or_insert_with(made).clone())
                }
                // `f.__get__(obj)`: bound to `obj`; `f.__get__(None, cls)` is `f`.
                "__get__" => {
                    let func = obj.clone();
                    Some(crate::object::Builtin::method("__get__", obj.clone(), move |args, _| {
                        Ok(match args.first() {
                            None => return raise("TypeError", "expected at least 1 argument, got 0"),
                            Some(Value::None) if matches!(args.get(1), None | Some(Value::None)) => {
                                return raise("TypeError", "__get__(None, None) is invalid")
                            }
                            Some(Value::None) => func.clone(),
                            Some(this) => Value::BoundMethod(Rc::new(BoundMethod {
                                this: this.clone(),
                                func: func.clone(),
                            })),
                        })
                    }))
                }
                _ => f.attrs.borrow().get(name),
            })
        }
        Value::BoundMethod(m) => Ok(match name {
            "__class__" => Some(Value::Class(type_of(obj))),
            "__self__" => Some(m.this.clone()),
            "__func__" => Some(m.func.clone()),
            _ => getattr_opt(&m.func, name)?,
        }),
        Value::Builtin(b) => Ok(match name {
            "__class__" => Some(Value::Class(type_of(obj))),
            "__name__" => Some(Value::Str(b.name.clone())),
            // A method is qualified by its object's type (`list.append`);
            // a module's function is not (`math.sqrt`).
            "__qualname__" => Some(match &b.bound_to {
                Some(this) if this.as_native::<crate::modules::ModuleObj>().is_none() => {
                    Value::string(format!("{}.{}", type_of(this).qualname, b.name))
                }
                _ => Value::Str(b.name.clone()),
            }),
            "__self__" => Some(b.bound_to.clone().unwrap_or(Value::None)),
            _ => None,
        }),
        Value::Object(o) => match o.getattr(obj, name) {
            Some(r) => r.map(Some),
            None => Ok(match name {
                "__class__" => Some(Value::Class(o.class())),
                // A coroutine, future or task awaited through a user `__await__`.
                "__await__"
                    if awaitable_native(o.as_any()) && crate::native::await_iter::wrapped(obj).is_none() =>
                {
                    let me = obj.clone();
                    Some(crate::object::Builtin::method(name, obj.clone(), move |_, _| {
                        Ok(crate::native::await_iter::await_iter(&me))
                    }))
                }
                "__aenter__" | "__aexit__" | "__enter__" | "__exit__" => {
                    context_method(obj, o.as_ref(), name)
                }
                _ => None,
            }),
        },
        _ => {
            if name == "__class__" {
                return Ok(Some(Value::Class(type_of(obj))));
            }
            if let (Value::Dict(d), "default_factory") = (obj, name) {
                if let Some(f) = d.default_factory.borrow().clone() {
                    return Ok(Some(f));
                }
            }
            Ok(crate::builtins::methods::get(obj, name).or_else(|| crate::builtins::dunders::get(obj, name)))
        }
    }
}

/// A new dict of the names in `attrs`, in their order.
fn attrs_dict(attrs: &crate::object::Attrs) -> PyResult<Value> {
    let d = crate::value::Dict::new();
    for (k, v) in attrs.0.iter() {
        super::ops::dict_set(&d, Value::Str(k.clone()), v.clone())?;
    }
    Ok(Value::Dict(d))
}

pub(crate) fn awaitable_native(o: &dyn std::any::Any) -> bool {
    use crate::modules::asyncio::futures::{PyFuture, PyTask};
    use crate::native::await_iter::{CoroWrapper, FutureIter};
    o.is::<crate::native::coro::Coroutine>()
        || o.is::<PyFuture>()
        || o.is::<PyTask>()
        || o.is::<CoroWrapper>()
        || o.is::<FutureIter>()
}

/// A user descriptor's method: `class_attr` is an instance whose class
/// defines `method` (`__get__`, `__set__`, `__delete__`).
fn descriptor_method(class_attr: &Value, method: &str) -> Option<Value> {
    let Value::Instance(d) = class_attr else { return None };
    let f = d.class.lookup(method)?;
    Some(bind(f, class_attr, &d.class))
}

/// A data descriptor (`__set__` or `__delete__`) wins over the instance's attribute.
fn is_data_descriptor(class_attr: &Value) -> bool {
    matches!(class_attr, Value::Instance(d) if d.class.lookup("__set__").is_some() || d.class.lookup("__delete__").is_some())
}

/// `obj.name` of an instance (by the class's `__getattribute__` if it has
/// one); when that fails with an AttributeError (or finds nothing), the
/// class's `__getattr__`, whose AttributeError is `Ok(None)` unless `strict`.
fn instance_attr(obj: &Value, inst: &Rc<Instance>, name: &str, strict: bool) -> PyResult<Option<Value>> {
    let found =
        match custom_getattribute(&inst.class).then(|| inst.class.lookup("__getattribute__")).flatten() {
            Some(f) => call_sync(&bind(f, obj, &inst.class), vec![Value::str(name)], vec![]).map(Some),
            None => instance_lookup(obj, inst, name),
        };
    let missing = match &found {
        Ok(None) => true,
        Err(e) => e.is("AttributeError"),
        Ok(Some(_)) => false,
    };
    let ga = if missing { inst.class.lookup("__getattr__") } else { None };
    let Some(ga) = ga else { return found };
    let f = bind(ga, obj, &inst.class);
    match call_sync(&f, vec![Value::str(name)], vec![]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is("AttributeError") && !strict => Ok(None),
        Err(e) => Err(e),
    }
}

fn instance_lookup(obj: &Value, inst: &Rc<Instance>, name: &str) -> PyResult<Option<Value>> {
    let class_attr = inst.class.lookup(name);
    let get = class_attr.as_ref().and_then(|a| descriptor_method(a, "__get__"));
    if let (Some(get), Some(a)) = (&get, &class_attr) {
        if is_data_descriptor(a) {
            return call_sync(get, vec![obj.clone(), Value::Class(inst.class.clone())], vec![]).map(Some);
        }
    }
    if let Some(Value::Object(o)) = &class_attr {
        if let Some(p) = o.as_any().downcast_ref::<Property>() {
            return match &p.fget {
                Some(f) => call_sync(f, vec![obj.clone()], vec![]).map(Some),
                None => raise(
                    "AttributeError",
                    format!("property '{name}' of '{}' object has no getter", inst.class.qualname),
                ),
            };
        }
    }
    if let Some(v) = inst.get_attr(name) {
        return Ok(Some(v));
    }
    if let Some(get) = get {
        return call_sync(&get, vec![obj.clone(), Value::Class(inst.class.clone())], vec![]).map(Some);
    }
    if let Some(f) = class_attr {
        return Ok(Some(bind(f, obj, &inst.class)));
    }
    special_instance_attr(obj, inst, name)
}

/// The attribute names an instance of `c` may have when every class of its
/// MRO but `object` defines `__slots__` (without `'__dict__'`), or none
/// when `c` is `object`; `None` when its instances have a `__dict__`.
fn slots_of(c: &Rc<Class>) -> Option<Vec<Rc<str>>> {
    let object = &interp().types.object;
    if Rc::ptr_eq(c, object) {
        return Some(Vec::new());
    }
    c.dict.borrow().get("__slots__")?;
    let every = c.mro().iter().all(|k| Rc::ptr_eq(k, object) || k.dict.borrow().get("__slots__").is_some());
    let names = declared_slots(c);
    (every && !names.iter().any(|n| &**n == "__dict__")).then_some(names)
}

/// The names the classes of `c`'s MRO list in their `__slots__`.
fn declared_slots(c: &Rc<Class>) -> Vec<Rc<str>> {
    let mut names = Vec::new();
    for k in c.mro() {
        match k.dict.borrow().get("__slots__") {
            None => {}
            Some(Value::Str(one)) => names.push(crate::validate::mangle(&k.name, &one)),
            Some(many) => {
                for v in super::iter::collect(&many).unwrap_or_default() {
                    let name = super::text::str(&v).ok().map(Rc::from);
                    names.extend(name.map(|n| crate::validate::mangle(&k.name, &n)));
                }
            }
        }
    }
    names
}

fn special_instance_attr(obj: &Value, inst: &Rc<Instance>, name: &str) -> PyResult<Option<Value>> {
    match name {
        "__class__" => return Ok(Some(Value::Class(inst.class.clone()))),
        "__dict__" if slots_of(&inst.class).is_some() => return Ok(None),
        "__dict__" => return Ok(Some(Value::Dict(inst.dict(&declared_slots(&inst.class))))),
        _ => {}
    }
    let Some(data) = &inst.exc else {
        return object_method(obj, name);
    };
    if let Some(v) = crate::builtins::oserror::attribute(inst, name) {
        return Ok(Some(v));
    }
    Ok(match name {
        "args" => Some(Value::tuple(data.args.borrow().clone())),
        "value" if inst.class.name.as_ref() == "StopIteration" => {
            Some(data.args.borrow().first().cloned().unwrap_or(Value::None))
        }
        "code" if is_subclass(&inst.class, &interp().types.exceptions["SystemExit"]) => {
            let args = data.args.borrow();
            Some(match args.len() {
                0 => Value::None,
                1 => args[0].clone(),
                _ => Value::tuple(args.clone()),
            })
        }
        "__cause__" => Some(data.cause.borrow().clone()),
        "__context__" => Some(data.context.borrow().clone()),
        "__suppress_context__" => Some(Value::Bool(data.suppress_context.get())),
        "__traceback__" => Some(Value::None),
        "message" if data.group.borrow().is_some() => {
            data.group.borrow().as_ref().map(|(m, _)| Value::Str(m.clone()))
        }
        "exceptions" if data.group.borrow().is_some() => {
            data.group.borrow().as_ref().map(|(_, members)| Value::tuple(members.clone()))
        }
        "split" | "subgroup" | "derive" if data.group.borrow().is_some() => {
            crate::builtins::excgroup::method(inst, name)
        }
        "with_traceback" => {
            let me = obj.clone();
            Some(crate::object::Builtin::method("with_traceback", obj.clone(), move |_, _| Ok(me.clone())))
        }
        "add_note" => {
            let me = inst.clone();
            Some(crate::object::Builtin::method("add_note", obj.clone(), move |args, _| add_note(&me, args)))
        }
        _ => return object_method(obj, name),
    })
}

/// `BaseException.add_note(note)`: appended to the `__notes__` list.
fn add_note(inst: &Rc<Instance>, args: Vec<Value>) -> PyResult<Value> {
    let note = match args.as_slice() {
        [n @ Value::Str(_)] => n.clone(),
        [other] => {
            return raise("TypeError", format!("note must be a str, not '{}'", super::text::type_name(other)))
        }
        _ => {
            return raise(
                "TypeError",
                format!("add_note() takes exactly one argument ({} given)", args.len()),
            )
        }
    };
    match inst.get_attr("__notes__") {
        Some(Value::List(l)) => l.borrow_mut().push(note),
        Some(_) => return raise("TypeError", "Cannot add note: __notes__ is not a list"),
        None => inst.set_attr("__notes__", Value::list(vec![note])),
    }
    Ok(Value::None)
}

/// Methods every object has (`__eq__`, `__hash__`, `__repr__` ... from `object`).
fn object_method(obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let me = obj.clone();
    Ok(match name {
        "__repr__" => Some(crate::object::Builtin::method(name, obj.clone(), move |_, _| {
            super::text::repr(&me).map(Value::string)
        })),
        "__str__" => Some(crate::object::Builtin::method(name, obj.clone(), move |_, _| {
            super::text::str(&me).map(Value::string)
        })),
        _ => crate::builtins::object::bound(name, obj),
    })
}

fn class_attr(c: &Rc<Class>, name: &str) -> PyResult<Option<Value>> {
    // `asyncio.Queue.__init__(self)` in a subclass of it.
    if let Some(python) = crate::modules::asyncio::bases::loaded(c) {
        return class_attr(&python, name);
    }
    if let Some(get) = c.lookup(name).and_then(|a| descriptor_method(&a, "__get__")) {
        return call_sync(&get, vec![Value::None, Value::Class(c.clone())], vec![]).map(Some);
    }
    if let Some(v) = c.lookup(name) {
        return Ok(Some(match &v {
            Value::Object(o) => {
                if let Some(sm) = o.as_any().downcast_ref::<StaticMethod>() {
                    sm.0.clone()
                } else if let Some(cm) = o.as_any().downcast_ref::<ClassMethod>() {
                    Value::BoundMethod(Rc::new(BoundMethod {
                        this: Value::Class(c.clone()),
                        func: cm.0.clone(),
                    }))
                } else {
                    v
                }
            }
            _ => v,
        }));
    }
    Ok(match name {
        "__name__" => Some(Value::Str(c.name.clone())),
        "__qualname__" => Some(Value::Str(c.qualname.clone())),
        "__module__" => Some(Value::Str(c.module.clone())),
        "__doc__" => Some(c.def.as_ref().and_then(|d| d.doc.clone()).map(Value::Str).unwrap_or(Value::None)),
        "__mro__" => Some(Value::tuple(c.mro().into_iter().map(Value::Class).collect())),
        "mro" => {
            let me = c.clone();
            Some(crate::object::Builtin::new("mro", move |args, kw| {
                crate::native::no_kwargs("mro", &kw)?;
                if !args.is_empty() {
                    let n = args.len();
                    return raise("TypeError", format!("{}.mro() takes no arguments ({n} given)", me.name));
                }
                Ok(Value::list(me.mro().into_iter().map(Value::Class).collect()))
            }))
        }
        // A copy where CPython gives a read-only view (`mappingproxy`).
        "__dict__" => Some(attrs_dict(&c.dict.borrow())?),
        "__bases__" => Some(Value::tuple(c.bases.iter().map(|k| Value::Class(k.clone())).collect())),
        "__base__" => Some(c.bases.first().map_or(Value::None, |b| Value::Class(b.clone()))),
        "__subclasses__" => {
            let me = c.clone();
            Some(crate::object::Builtin::new("__subclasses__", move |_, _| {
                let subs = interp()
                    .classes
                    .alive()
                    .into_iter()
                    .filter(|k| k.bases.iter().any(|b| Rc::ptr_eq(b, &me)));
                Ok(Value::list(subs.map(Value::Class).collect()))
            }))
        }
        "__class__" => Some(Value::Class(metaclass(c).unwrap_or_else(|| interp().types.type_.clone()))),
        _ if Rc::ptr_eq(c, &interp().types.object) => match crate::builtins::object::method(name) {
            Some(f) => Some(crate::object::Builtin::new(name, f)),
            None => crate::builtins::methods::class_method(c, name),
        },
        // What every class inherits from `object` (`Cls.__new__`, `Cls.__init__`).
        _ => crate::builtins::methods::class_method(c, name)
            .or_else(|| crate::builtins::object::method(name).map(|f| crate::object::Builtin::new(name, f))),
    })
}

/// `obj.name = value`.
pub fn setattr(obj: &Value, name: &str, value: Value) -> PyResult<()> {
    if let Some(f) = custom_attr_method(obj, "__setattr__") {
        return call_sync(&f, vec![obj.clone(), Value::str(name), value], vec![]).map(|_| ());
    }
    generic_setattr(obj, name, value)
}

/// A class's own `__setattr__`/`__delattr__` for its instances, or a
/// metaclass's for a class (enum's guards its members).
fn custom_attr_method(obj: &Value, method: &str) -> Option<Value> {
    match obj {
        Value::Instance(inst) => {
            inst.class.lookup(method).filter(|f| matches!(f, Value::Function(_) | Value::Builtin(_)))
        }
        Value::Class(c) => c.meta.as_ref()?.lookup(method).filter(|f| matches!(f, Value::Function(_))),
        _ => None,
    }
}

/// `object.__setattr__`: a property's setter, an exception's fields, else
/// the instance's attributes (the class's `__setattr__` is not consulted).
pub fn generic_setattr(obj: &Value, name: &str, value: Value) -> PyResult<()> {
    match obj {
        Value::Instance(inst) => {
            let class_attr = inst.class.lookup(name);
            if let Some(set) = class_attr.as_ref().and_then(|a| descriptor_method(a, "__set__")) {
                return call_sync(&set, vec![obj.clone(), value], vec![]).map(|_| ());
            }
            if let Some(Value::Object(o)) = &class_attr {
                if let Some(p) = o.as_any().downcast_ref::<Property>() {
                    return match &p.fset {
                        Some(f) => call_sync(f, vec![obj.clone(), value], vec![]).map(|_| ()),
                        None => raise(
                            "AttributeError",
                            format!("property '{name}' of '{}' object has no setter", inst.class.qualname),
                        ),
                    };
                }
            }
            if let Some(data) = &inst.exc {
                match name {
                    "__cause__" => {
                        *data.cause.borrow_mut() = value;
                        data.suppress_context.set(true);
                        return Ok(());
                    }
                    "__context__" => {
                        *data.context.borrow_mut() = value;
                        return Ok(());
                    }
                    "args" => {
                        *data.args.borrow_mut() = super::iter::collect(&value)?;
                        return Ok(());
                    }
                    _ => {}
                }
            }
            if !inst.has_attr(name) {
                if let Some(slots) = slots_of(&inst.class) {
                    if !slots.iter().any(|s| &**s == name) {
                        return no_attribute(obj, name);
                    }
                }
            }
            inst.set_attr(name, value);
            Ok(())
        }
        Value::Class(c) => {
            note_class_attr(name);
            if name == "__del__" {
                super::finalize::note_defined();
            }
            c.dict.borrow_mut().set(name, value);
            Ok(())
        }
        Value::Function(f) => {
            match name {
                "__name__" => *f.name.borrow_mut() = Rc::from(super::text::str(&value)?),
                "__qualname__" => *f.qualname.borrow_mut() = Rc::from(super::text::str(&value)?),
                "__annotations__" => match value {
                    Value::Dict(_) => *f.annotations.borrow_mut() = Some(value),
                    Value::None => *f.annotations.borrow_mut() = None,
                    _ => return raise("TypeError", "__annotations__ must be set to a dict object"),
                },
                _ => f.attrs.borrow_mut().set(name, value),
            }
            Ok(())
        }
        Value::Object(o) => match o.setattr(name, value) {
            Some(r) => r,
            None => raise(
                "AttributeError",
                format!("'{}' object has no attribute '{}'", super::text::type_name(obj), name),
            ),
        },
        _ => {
            let ty = super::text::type_name(obj);
            raise(
                "AttributeError",
                match getattr_opt(obj, name) {
                    Ok(Some(Value::Builtin(_))) => format!("'{ty}' object attribute '{name}' is read-only"),
                    Ok(Some(_)) => format!("attribute '{name}' of '{ty}' objects is not writable"),
                    _ => format!("'{ty}' object has no attribute '{name}'"),
                },
            )
        }
    }
}

/// `del obj.name`.
pub fn delattr(obj: &Value, name: &str) -> PyResult<()> {
    if let Some(f) = custom_attr_method(obj, "__delattr__") {
        return call_sync(&f, vec![obj.clone(), Value::str(name)], vec![]).map(|_| ());
    }
    generic_delattr(obj, name)
}

/// `object.__delattr__`.
pub fn generic_delattr(obj: &Value, name: &str) -> PyResult<()> {
    match obj {
        Value::Instance(inst) => {
            let class_attr = inst.class.lookup(name);
            if let Some(del) = class_attr.as_ref().and_then(|a| descriptor_method(a, "__delete__")) {
                return call_sync(&del, vec![obj.clone()], vec![]).map(|_| ());
            }
            if let Some(Value::Object(o)) = &class_attr {
                if let Some(p) = o.as_any().downcast_ref::<Property>() {
                    return match &p.fdel {
                        Some(f) => call_sync(f, vec![obj.clone()], vec![]).map(|_| ()),
                        None => raise(
                            "AttributeError",
                            format!("property '{name}' of '{}' object has no deleter", inst.class.qualname),
                        ),
                    };
                }
            }
            let removed = inst.remove_attr(name);
            match removed {
                Some(_) => Ok(()),
                None => no_attribute(obj, name),
            }
        }
        Value::Class(c) => match c.dict.borrow_mut().remove(name) {
            Some(_) => Ok(()),
            None => no_attribute(obj, name),
        },
        // A namedtuple's field (a read-only property in CPython).
        Value::Object(o)
            if o.as_any()
                .downcast_ref::<crate::modules::collections::NamedTuple>()
                .is_some_and(|t| t.has_field(name)) =>
        {
            raise("AttributeError", "can't delete attribute")
        }
        _ => no_attribute(obj, name),
    }
}
