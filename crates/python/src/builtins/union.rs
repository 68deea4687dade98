//! `int | None`, `str | int`: `types.UnionType`, what `|` between classes
//! (and `None`) makes, as annotations evaluate them. `isinstance` and
//! `issubclass` accept it; its repr is CPython's (`int | None`).

use std::any::Any;
use std::rc::Rc;

use crate::builtins::alias::{self, GenericAlias};
use crate::interp::interp;
use crate::native::Native;
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::PyResult;

pub struct UnionType {
    /// Classes and `None`, flattened, without repeats.
    pub members: Vec<Value>,
}

fn is_member(v: &Value) -> bool {
    matches!(v, Value::Class(_) | Value::None)
        || v.as_native::<UnionType>().is_some()
        || v.as_native::<GenericAlias>().is_some_and(|g| g.typing.is_none())
}

/// `a | b` when both sides are classes, `None` or unions (and one is not `None`).
pub fn union(a: &Value, b: &Value) -> Option<Value> {
    if let Some(u) = alias::typing_or(a, b) {
        return Some(u);
    }
    if !is_member(a) || !is_member(b) || (matches!(a, Value::None) && matches!(b, Value::None)) {
        return None;
    }
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let parts = match side.as_native::<UnionType>() {
            Some(u) => u.members.clone(),
            None => vec![side.clone()],
        };
        for p in parts {
            if !members.iter().any(|m| m.is(&p)) {
                members.push(p);
            }
        }
    }
    Some(Value::native(UnionType { members }))
}

impl UnionType {
    /// The classes, `None` standing for `NoneType`.
    pub fn classes(&self) -> Vec<Rc<Class>> {
        let none = || interp().types.none.clone();
        self.members
            .iter()
            .filter_map(|m| match m {
                Value::Class(c) => Some(c.clone()),
                Value::None => Some(none()),
                _ => None,
            })
            .collect()
    }
}

impl Native for UnionType {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("UnionType")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        let parts: Vec<String> = self.members.iter().map(alias::type_repr).collect::<PyResult<_>>()?;
        Ok(parts.join(" | "))
    }
    fn eq(&self, this: &Value, other: &Value) -> Option<PyResult<bool>> {
        alias::union_eq(this, other)
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        let none = || Value::Class(interp().types.none.clone());
        let args = || {
            self.members.iter().map(|m| if matches!(m, Value::None) { none() } else { m.clone() }).collect()
        };
        match name {
            "__args__" => Some(Ok(Value::tuple(args()))),
            _ => None,
        }
    }
}
