//! Class statements: bases, the C3 method resolution order, the namespace.

use std::cell::RefCell;
use std::rc::Rc;

use super::call::call;
use super::eval::eval;
use super::exc::raise;
use super::exec::class_body;
use super::{interp, Frame};
use crate::ast::ClassDef;
use crate::builtins::descr::ClassMethod;
use crate::object::{Attrs, BuiltinType, Class};
use crate::value::Value;
use asyncio_engine::PyResult;

/// Runs a class statement: the class object, decorated.
pub async fn make_class(def: &Rc<ClassDef>, f: &Frame) -> PyResult<Value> {
    let mut decorators = Vec::new();
    for d in &def.decorators {
        decorators.push(eval(d, f).await?);
    }
    let mut bases = Vec::new();
    for b in &def.bases {
        let base = eval(b, f).await?;
        // `class Stack(Generic[T])`, `class Names(list[str])`: the alias's class.
        let base = match base.as_native::<crate::builtins::alias::GenericAlias>() {
            Some(g) if matches!(g.origin, Value::Class(_)) => g.origin.clone(),
            _ => base,
        };
        match base {
            Value::Class(c) => bases.push(crate::modules::asyncio::bases::python_base(c)?),
            other => {
                return raise(
                    "TypeError",
                    format!("bases must be classes, not {}", super::text::type_name(&other)),
                )
            }
        }
    }
    let mut keywords = Vec::new();
    for (k, e) in &def.keywords {
        if &**k == "metaclass" {
            return raise(
                "NotImplementedError",
                "class keyword 'metaclass' is not supported in the playground",
            );
        }
        keywords.push((k.clone(), eval(e, f).await?));
    }
    let (ns, cell) = class_body(&def.body, f, def.name.clone()).await?;
    if bases.iter().any(|b| crate::modules::misc::is_typing_namedtuple(b)) {
        let v = typed_namedtuple(def, ns)?;
        if let Value::Class(c) = &v {
            *cell.borrow_mut() = Some(Rc::downgrade(c));
        }
        return super::exec::decorate(&def.decorators, &decorators, v, f).await;
    }
    if let [base] = bases.as_slice() {
        if let Some(nt) = crate::modules::collections::namedtuple_subclass(base, &def.name, &f.module.name) {
            let nt = nt?;
            namedtuple_body(&nt, def, ns)?;
            *cell.borrow_mut() = Some(Rc::downgrade(&nt));
            return super::exec::decorate(&def.decorators, &decorators, Value::Class(nt), f).await;
        }
    }
    let class = build(def, f, bases, ns)?;
    *cell.borrow_mut() = Some(Rc::downgrade(&class));
    set_names(&class).await?;
    init_subclass(&class, keywords).await?;
    super::exec::decorate(&def.decorators, &decorators, Value::Class(class), f).await
}

/// The body of a class deriving from a namedtuple class: its methods and
/// attributes go to the namedtuple class made for it.
fn namedtuple_body(c: &Rc<Class>, def: &ClassDef, ns: Attrs) -> PyResult<()> {
    for (k, v) in ns.0 {
        match &*k {
            "__module__" | "__qualname__" => {}
            "__new__" => {
                return raise(
                    "NotImplementedError",
                    "__new__ in a subclass of a namedtuple is not supported in the playground",
                )
            }
            _ => c.dict.borrow_mut().set(&k, v),
        }
    }
    c.dict.borrow_mut().set("__doc__", def.doc.clone().map_or(Value::None, Value::Str));
    Ok(())
}

/// `class Row(typing.NamedTuple)`: a namedtuple of the annotated fields (the
/// assigned ones are defaults), with the body's other attributes (methods).
fn typed_namedtuple(def: &Rc<ClassDef>, mut ns: Attrs) -> PyResult<Value> {
    let annotations = ns.remove("__annotations__");
    let fields = match &annotations {
        Some(Value::Dict(d)) => d.table.borrow().keys(),
        _ => Vec::new(),
    };
    let mut defaults = Vec::new();
    for f in &fields {
        let name = super::text::str(f)?;
        match ns.remove(&name) {
            Some(v) => defaults.push(v),
            None if !defaults.is_empty() => {
                return raise(
                    "TypeError",
                    format!("Non-default namedtuple field {name} cannot follow default field"),
                );
            }
            None => {}
        }
    }
    let args = vec![Value::Str(def.name.clone()), Value::list(fields)];
    let class =
        crate::modules::collections::namedtuple(args, vec![(Rc::from("defaults"), Value::list(defaults))])?;
    if let Value::Class(c) = &class {
        // typing.NamedTuple's `_prohibited` and `_special` names.
        const PROHIBITED: [&str; 10] = [
            "__new__",
            "__init__",
            "__slots__",
            "__getnewargs__",
            "_fields",
            "_field_defaults",
            "_make",
            "_replace",
            "_asdict",
            "_source",
        ];
        for (k, v) in ns.0 {
            if PROHIBITED.contains(&&*k) {
                return raise("AttributeError", format!("Cannot overwrite NamedTuple attribute {k}"));
            }
            if !matches!(&*k, "__module__" | "__name__" | "__annotations__" | "__qualname__") {
                c.dict.borrow_mut().set(&k, v);
            }
        }
        if let Some(doc) = &def.doc {
            c.dict.borrow_mut().set("__doc__", Value::Str(doc.clone()));
        }
        if let Some(annotations) = annotations {
            c.dict.borrow_mut().set("__annotations__", annotations);
        }
    }
    Ok(class)
}

/// `type.__new__`: each attribute whose class defines `__set_name__` learns
/// its owner and name.
async fn set_names(class: &Rc<Class>) -> PyResult<()> {
    let attrs: Vec<(Rc<str>, Value)> = class.dict.borrow().0.clone();
    for (name, v) in attrs {
        if let Value::Instance(inst) = &v {
            if let Some(f @ Value::Function(_)) = inst.class.lookup("__set_name__") {
                call(&f, vec![v.clone(), Value::Class(class.clone()), Value::Str(name)], vec![]).await?;
            }
        }
    }
    Ok(())
}

/// `type.__new__`'s last step: the first `__init_subclass__` after the new
/// class in its MRO (a classmethod, see `build`) gets the class and the
/// class keywords; `object`'s takes none.
async fn init_subclass(class: &Rc<Class>, keywords: Vec<(Rc<str>, Value)>) -> PyResult<()> {
    for base in class.mro().iter().skip(1) {
        let found = base.dict.borrow().get("__init_subclass__");
        let func = match found {
            Some(Value::Object(o)) => o.as_any().downcast_ref::<ClassMethod>().map(|c| c.0.clone()),
            _ => None,
        };
        if let Some(func) = func {
            call(&func, vec![Value::Class(class.clone())], keywords).await?;
            return Ok(());
        }
    }
    crate::builtins::object::init_subclass(vec![Value::Class(class.clone())], keywords).map(drop)
}

/// An enum of a data type (`class Color(str, Enum)`, enum's `IntEnum`): the
/// `int`, `float` or `str` base, which the playground cannot subclass, leaves
/// the bases and becomes the class's `_member_type_`; enum.py makes the
/// members compare, hash and compute as their values.
fn mixed_in_type(bases: Vec<Rc<Class>>, ns: &mut Attrs) -> Vec<Rc<Class>> {
    let data = |b: &Rc<Class>| matches!(b.builtin, BuiltinType::Int | BuiltinType::Float | BuiltinType::Str);
    let is_enum = |b: &Rc<Class>| b.is_user() && b.meta.is_some();
    if !bases.iter().any(is_enum) {
        return bases;
    }
    let Some(kind) = bases.iter().find(|b| data(b)) else { return bases };
    if !ns.contains("_member_type_") {
        ns.set("_member_type_", Value::Class(kind.clone()));
    }
    bases.into_iter().filter(|b| !data(b)).collect()
}

/// Makes the class object.
pub fn build(def: &Rc<ClassDef>, f: &Frame, bases: Vec<Rc<Class>>, mut ns: Attrs) -> PyResult<Rc<Class>> {
    let types = &interp().types;
    let bases = if bases.is_empty() { vec![types.object.clone()] } else { bases };
    let bases = mixed_in_type(bases, &mut ns);
    if ns.get("__getattribute__").is_some() {
        super::attr::note_class_attr("__getattribute__");
    }
    if ns.contains("__del__") {
        super::finalize::note_defined();
    }
    for b in &bases {
        // A metaclass (`type`'s subclass) only in the playground's own modules.
        let meta = Rc::ptr_eq(b, &types.type_) && crate::modules::pysrc::is_library(&f.module.name);
        let ok = b.is_user() || b.is_exception || b.builtin == BuiltinType::Object || meta;
        if !ok {
            return raise(
                "NotImplementedError",
                format!("subclassing '{}' is not supported in the playground", b.name),
            );
        }
    }
    let is_exception = bases.iter().any(|b| b.is_exception);
    let base_only = is_exception && !bases.iter().any(|b| b.is_exception && !b.base_only);
    let builtin = if is_exception { BuiltinType::Exception } else { BuiltinType::Object };
    if ns.contains("__eq__") && !ns.contains("__hash__") {
        ns.set("__hash__", Value::None);
    }
    // Class methods even undecorated, as `type.__new__` makes them.
    for name in ["__init_subclass__", "__class_getitem__"] {
        if let Some(func @ Value::Function(_)) = ns.get(name) {
            ns.set(name, Value::native(crate::builtins::descr::ClassMethod(func)));
        }
    }
    // `__module__ = '...'` in the body names the module, as in CPython;
    // otherwise the class's own dict says where it was made (first, as
    // CPython puts it there before the body runs).
    let module = match ns.get("__module__") {
        Some(Value::Str(m)) => m.clone(),
        Some(_) => f.module.name.clone(),
        None => {
            ns.0.insert(0, (Rc::from("__module__"), Value::Str(f.module.name.clone())));
            f.module.name.clone()
        }
    };
    // Its own `__doc__`: the docstring after `__module__`, or None last.
    if !ns.contains("__doc__") {
        match &def.doc {
            Some(doc) => ns.0.insert(1.min(ns.0.len()), (Rc::from("__doc__"), Value::Str(doc.clone()))),
            None => ns.0.push((Rc::from("__doc__"), Value::None)),
        }
    }
    // A `__metaclass__` in the body of a playground module's class, or a base's.
    let meta = match ns.get("__metaclass__") {
        Some(Value::Class(m)) if crate::modules::pysrc::is_library(&f.module.name) => Some(m),
        _ => bases.iter().find_map(|b| b.meta.clone()),
    };
    let class = Rc::new(Class {
        name: def.name.clone(),
        qualname: def.qualname.clone(),
        module,
        bases: bases.clone(),
        ancestors: RefCell::new(Vec::new()),
        dict: RefCell::new(ns),
        builtin,
        is_exception,
        base_only,
        def: Some(def.clone()),
        meta,
    });
    *class.ancestors.borrow_mut() = c3(&bases)?;
    interp().classes.track(&class);
    Ok(class)
}

/// C3 linearisation: the MRO after a class with these bases.
fn c3(bases: &[Rc<Class>]) -> PyResult<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(Class::mro).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|c| !seqs.iter().any(|s| s.iter().skip(1).any(|x| Rc::ptr_eq(x, c))));
        let Some(c) = candidate else {
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
            return raise(
                "TypeError",
                format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                ),
            );
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}
