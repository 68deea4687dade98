//! Subscripted types, as annotations evaluate them: `list[int]` and
//! `asyncio.Queue[str]` (`types.GenericAlias`), `Stack[int]` of a generic
//! class, and `typing.List[int]`, `Optional[str]`, `Callable[[int], str]`
//! (`typing`'s aliases). Each keeps its origin and arguments, prints as
//! CPython does, calls its origin, and is refused by `isinstance`.

use std::any::Any;
use std::rc::Rc;

use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::{interp, text};
use crate::native::{Kwargs, Native};
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::PyResult;

pub struct GenericAlias {
    /// What `__origin__` gives: a class, or for typing's names without one
    /// (`Union`, `Callable`, `Literal` ...) the typing name itself.
    pub origin: Value,
    pub args: Vec<Value>,
    /// `typing.List[int]`'s `List`: the alias prints as `typing.List[...]`.
    pub typing: Option<&'static str>,
}

/// The arguments of a subscript: `X[a, b]`'s `(a, b)`, `X[a]`'s `a`.
fn arguments(key: &Value) -> Vec<Value> {
    match key {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    }
}

/// `cls[key]` for a class without `__class_getitem__`: `list[int]`.
pub fn of_class(class: &Rc<Class>, key: &Value) -> Value {
    Value::native(GenericAlias { origin: Value::Class(class.clone()), args: arguments(key), typing: None })
}

/// The builtin class a typing name stands for (`List` is `list`).
fn typing_origin(name: &str) -> Option<Value> {
    let t = &interp().types;
    let class = match name {
        "List" => t.list.clone(),
        "Dict" => t.dict.clone(),
        "Set" => t.set.clone(),
        "FrozenSet" => t.frozenset.clone(),
        "Tuple" => t.tuple.clone(),
        "Type" => t.type_.clone(),
        "Deque" => t.native("deque"),
        "DefaultDict" => t.native("defaultdict"),
        "OrderedDict" => t.native("OrderedDict"),
        "Counter" => t.native("Counter"),
        _ => return None,
    };
    Some(Value::Class(class))
}

/// typing keeps `None` as `NoneType` (`Callable[[int], None]`).
fn typing_arg(v: Value) -> Value {
    match v {
        Value::None => Value::Class(interp().types.none.clone()),
        Value::List(items) => Value::list(items.borrow().iter().cloned().map(typing_arg).collect()),
        other => other,
    }
}

/// A name of `typing` (`typing.Any`, `typing.List`): subscripting it makes
/// an alias; calling it is refused.
pub struct TypingName(pub &'static str);

/// True for `typing.ClassVar` and `typing.ClassVar[...]` (not a dataclass field).
pub fn is_classvar(annotation: &Value) -> bool {
    annotation.as_native::<TypingName>().is_some_and(|a| a.0 == "ClassVar")
        || annotation.as_native::<GenericAlias>().is_some_and(|a| a.typing == Some("ClassVar"))
}

impl Native for TypingName {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("_SpecialForm")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("typing.{}", self.0))
    }
    fn getitem(&self, key: &Value) -> Option<PyResult<Value>> {
        Some(Ok(of_typing(self.0, key)))
    }
    fn eq(&self, _this: &Value, other: &Value) -> Option<PyResult<bool>> {
        Some(Ok(other.as_native::<TypingName>().is_some_and(|o| o.0 == self.0)))
    }
}

/// `typing.Name[key]`, `Union[...]` and `Optional[...]` made a union.
fn of_typing(name: &'static str, key: &Value) -> Value {
    let args: Vec<Value> = arguments(key).into_iter().map(typing_arg).collect();
    match name {
        "Optional" => typing_union(args.into_iter().chain([typing_arg(Value::None)]).collect()),
        "Union" => typing_union(args),
        _ => {
            let origin = typing_origin(name).unwrap_or_else(|| Value::native(TypingName(name)));
            Value::native(GenericAlias { origin, args, typing: Some(name) })
        }
    }
}

/// `a | b` where one side is typing's (`Optional[int] | str`): a typing union.
pub fn typing_or(a: &Value, b: &Value) -> Option<Value> {
    let typing = |v: &Value| {
        v.as_native::<TypingName>().is_some()
            || v.as_native::<GenericAlias>().is_some_and(|g| g.typing.is_some())
    };
    let member = |v: &Value| typing(v) || matches!(v, Value::Class(_) | Value::None);
    (member(a) && member(b) && (typing(a) || typing(b)))
        .then(|| typing_union(vec![typing_arg(a.clone()), typing_arg(b.clone())]))
}

/// `Union[a, b, ...]`: nested unions flattened, repeats dropped, one member itself.
fn typing_union(args: Vec<Value>) -> Value {
    let mut members: Vec<Value> = Vec::new();
    for a in args {
        let parts = match a.as_native::<GenericAlias>() {
            Some(g) if g.typing == Some("Union") => g.args.clone(),
            _ => vec![a],
        };
        for p in parts {
            if !members.iter().any(|m| same(m, &p)) {
                members.push(p);
            }
        }
    }
    if members.len() == 1 {
        return members.pop().unwrap_or(Value::None);
    }
    Value::native(GenericAlias {
        origin: Value::native(TypingName("Union")),
        args: members,
        typing: Some("Union"),
    })
}

/// The members of a union, `typing.Union[...]` or `int | None` (`None` as
/// `NoneType`); `None` for anything else.
fn union_members(v: &Value) -> Option<Vec<Value>> {
    if let Some(u) = v.as_native::<super::union::UnionType>() {
        return Some(u.members.iter().cloned().map(typing_arg).collect());
    }
    v.as_native::<GenericAlias>().filter(|g| g.typing == Some("Union")).map(|g| g.args.clone())
}

/// `==` between unions: the same members in any order, as
/// `_UnionGenericAlias.__eq__` compares `set(__args__)`; `None`
/// (NotImplemented) when `b` is no union.
pub fn union_eq(a: &Value, b: &Value) -> Option<PyResult<bool>> {
    let (xs, ys) = (union_members(a)?, union_members(b)?);
    let within = |xs: &[Value], ys: &[Value]| xs.iter().all(|x| ys.iter().any(|y| same(x, y)));
    Some(Ok(within(&xs, &ys) && within(&ys, &xs)))
}

fn same(a: &Value, b: &Value) -> bool {
    a.is(b) || crate::interp::ops::eq(a, b).unwrap_or(false)
}

/// `typing._type_repr` and `types.GenericAlias`'s items: a class by its
/// qualified name (`int`, `asyncio.queues.Queue`), `...`, else the repr.
pub fn type_repr(v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::Class(c) if &*c.module == "builtins" => c.qualname.to_string(),
        Value::Class(c) => format!("{}.{}", c.module, c.qualname),
        _ if v.is(&super::ellipsis()) => "...".to_string(),
        Value::List(items) => {
            let parts: PyResult<Vec<String>> = items.borrow().iter().map(type_repr).collect();
            format!("[{}]", parts?.join(", "))
        }
        other => text::repr(other)?,
    })
}

impl GenericAlias {
    /// The classes an `isinstance` of this alias would need: refused.
    pub fn refuse_check(&self) -> PyResult<bool> {
        match self.typing {
            Some(_) => {
                raise("TypeError", "Subscripted generics cannot be used with class and instance checks")
            }
            None => raise("TypeError", "isinstance() argument 2 cannot be a parameterized generic"),
        }
    }
}

impl Native for GenericAlias {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        let name = match self.typing {
            Some("Union") => "_UnionGenericAlias",
            Some(_) => "_GenericAlias",
            None => "GenericAlias",
        };
        interp().types.native(name)
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        let none = Value::Class(interp().types.none.clone());
        let head = match self.typing {
            Some("Union") if self.args.len() == 2 && self.args.iter().any(|a| a.is(&none)) => {
                let other = self.args.iter().find(|a| !a.is(&none)).unwrap_or(&none);
                return Ok(format!("typing.Optional[{}]", type_repr(other)?));
            }
            Some(name) => format!("typing.{name}"),
            None => type_repr(&self.origin)?,
        };
        let args: PyResult<Vec<String>> = self.args.iter().map(type_repr).collect();
        let args = args?;
        Ok(if args.is_empty() { format!("{head}[()]") } else { format!("{head}[{}]", args.join(", ")) })
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__origin__" => Some(Ok(self.origin.clone())),
            "__args__" => Some(Ok(Value::tuple(self.args.clone()))),
            _ if self.typing.is_none() => Some(crate::interp::attr::getattr(&self.origin, name)),
            _ => None,
        }
    }
    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some(match (self.typing, &self.origin) {
            (None, origin) => call_sync(origin, args, kwargs),
            (Some(name), _) if typing_origin(name).is_some() => {
                let lower = name.to_lowercase();
                let builtin = if name == "Deque" || name == "DefaultDict" {
                    format!("collections.{lower}")
                } else {
                    lower
                };
                raise("TypeError", format!("Type {name} cannot be instantiated; use {builtin}() instead"))
            }
            (Some(name), _) => raise("TypeError", format!("Cannot instantiate typing.{name}")),
        })
    }
    fn eq(&self, _this: &Value, other: &Value) -> Option<PyResult<bool>> {
        if self.typing == Some("Union") {
            return union_eq(_this, other);
        }
        let o = other.as_native::<GenericAlias>()?;
        let args = self.args.len() == o.args.len() && self.args.iter().zip(&o.args).all(|(a, b)| same(a, b));
        Some(Ok(self.typing == o.typing && same(&self.origin, &o.origin) && args))
    }
}
