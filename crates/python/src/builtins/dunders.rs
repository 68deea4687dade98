//! The special methods of builtin values as attributes (`[1].__len__()`,
//! `hasattr(x, '__iter__')`, `d.__getitem__`): each does what the operator
//! or builtin does, and only types that support it have it.

use crate::interp::{iter, ops, text};
use crate::object::Builtin;
use crate::value::Value;
use asyncio_engine::PyResult;

type Op = fn(&Value, &[Value]) -> PyResult<Value>;

/// `obj.<name>` for a special method of a builtin value, if its type has it.
pub fn get(obj: &Value, name: &str) -> Option<Value> {
    if name == "__hash__" && !hashable(obj) {
        return Some(Value::None); // `[].__hash__ is None`
    }
    let op = op_for(obj, name)?;
    let me = obj.clone();
    Some(Builtin::method(name, obj.clone(), move |args, _| op(&me, &args)))
}

fn container(v: &Value) -> bool {
    match v {
        Value::Str(_)
        | Value::Tuple(_)
        | Value::List(_)
        | Value::Dict(_)
        | Value::Set(_)
        | Value::Range(_) => true,
        Value::Object(o) => o.len().is_some(),
        _ => false,
    }
}

fn hashable(v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Dict(_) => false,
        Value::Set(s) => s.frozen,
        _ => true,
    }
}

fn op_for(v: &Value, name: &str) -> Option<Op> {
    let subscript =
        matches!(v, Value::Str(_) | Value::Tuple(_) | Value::List(_) | Value::Dict(_) | Value::Range(_));
    let mutable = matches!(v, Value::List(_) | Value::Dict(_));
    Some(match name {
        "__len__" if container(v) => |v, _| super::len(vec![v.clone()], Vec::new()),
        "__iter__" if container(v) => |v, _| iter::iter_object(v),
        "__contains__" if container(v) => |v, a| Ok(Value::Bool(ops::contains(v, arg(a, 0)?)?)),
        "__getitem__" if subscript => |v, a| ops::getitem(v, arg(a, 0)?),
        "__setitem__" if mutable => {
            |v, a| ops::setitem(v, arg(a, 0)?, arg(a, 1)?.clone()).map(|_| Value::None)
        }
        "__delitem__" if mutable => |v, a| ops::delitem(v, arg(a, 0)?).map(|_| Value::None),
        "__hash__" => |v, _| Ok(Value::Int(ops::hash(v)? as i64)),
        "__repr__" => |v, _| text::repr(v).map(Value::string),
        "__str__" => |v, _| text::str(v).map(Value::string),
        "__eq__" => |v, a| Ok(Value::Bool(ops::eq(v, arg(a, 0)?)?)),
        "__ne__" => |v, a| Ok(Value::Bool(!ops::eq(v, arg(a, 0)?)?)),
        _ => return None,
    })
}

fn arg(args: &[Value], i: usize) -> PyResult<&Value> {
    match args.get(i) {
        Some(v) => Ok(v),
        None => crate::interp::exc::raise(
            "TypeError",
            format!("expected {} argument{}, got {}", i + 1, if i == 0 { "" } else { "s" }, args.len()),
        ),
    }
}
