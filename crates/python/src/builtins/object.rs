//! `object`'s own methods: what a class's definitions override, reached
//! through `super()` (`super().__new__(cls)`, `super().__setattr__(n, v)`)
//! or on `object` itself (`object.__setattr__(self, n, v)`). Each takes the
//! instance (for `__new__`, the class) first.

use std::rc::Rc;

use crate::interp::exc::raise;
use crate::interp::{attr, text};
use crate::native::Kwargs;
use crate::object::Builtin;
use crate::value::Value;
use asyncio_engine::PyResult;

type Method = fn(Vec<Value>, Kwargs) -> PyResult<Value>;

/// `object.<name>` as an unbound function, if `object` has it.
pub fn method(name: &str) -> Option<Method> {
    Some(match name {
        "__new__" => new,
        "__init__" => |_, _| Ok(Value::None),
        "__init_subclass__" => init_subclass,
        "__setattr__" => setattr,
        "__delattr__" => delattr,
        "__getattribute__" => getattribute,
        "__repr__" => |a, _| Ok(Value::string(text::default_repr(self_of(&a)?)?)),
        "__str__" => |a, _| Ok(Value::string(text::default_str(self_of(&a)?)?)),
        "__eq__" => |a, _| compare(&a, true),
        "__ne__" => |a, _| compare(&a, false),
        "__lt__" | "__le__" | "__gt__" | "__ge__" => |_, _| Ok(crate::builtins::not_implemented()),
        "__hash__" => |a, _| Ok(Value::Int((self_of(&a)?.id() >> 4) as i64)),
        "__format__" => format,
        _ => return None,
    })
}

/// `super().<name>`: bound to `this`, except the static `__new__`.
pub fn bound(name: &str, this: &Value) -> Option<Value> {
    let f = method(name)?;
    if name == "__new__" {
        return Some(Builtin::new(name, f));
    }
    let this = this.clone();
    Some(Builtin::method(name, this.clone(), move |mut args, kw| {
        args.insert(0, this.clone());
        f(args, kw)
    }))
}

fn self_of(args: &[Value]) -> PyResult<&Value> {
    match args.first() {
        Some(v) => Ok(v),
        None => raise("TypeError", "descriptor needs an argument"),
    }
}

/// `object.__new__(cls)`: a bare instance; arguments are refused as CPython
/// refuses them when the class defines `__new__` (`BaseException.__new__`
/// keeps them as `args`).
fn new(mut args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let Some(Value::Class(c)) = args.first().cloned() else {
        return raise("TypeError", "object.__new__(X): X is not a type object");
    };
    if c.is_exception {
        return crate::interp::call::bare_instance(&c, args.split_off(1));
    }
    if args.len() > 1 || !kw.is_empty() {
        return raise("TypeError", "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    crate::interp::call::bare_instance(&c, Vec::new())
}

/// `object.__init_subclass__`: takes no class keywords.
pub fn init_subclass(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    if kw.is_empty() {
        return Ok(Value::None);
    }
    let name = match args.first() {
        Some(Value::Class(c)) => c.qualname.to_string(),
        _ => "object".to_string(),
    };
    raise("TypeError", format!("{name}.__init_subclass__() takes no keyword arguments"))
}

fn name_arg(args: &[Value], at: usize) -> PyResult<Rc<str>> {
    match args.get(at) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => {
            raise("TypeError", format!("attribute name must be string, not '{}'", text::type_name(other)))
        }
        None => raise("TypeError", "expected more arguments"),
    }
}

fn setattr(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let name = name_arg(&args, 1)?;
    let value = args.get(2).cloned().unwrap_or(Value::None);
    attr::generic_setattr(self_of(&args)?, &name, value)?;
    Ok(Value::None)
}

fn delattr(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let name = name_arg(&args, 1)?;
    attr::generic_delattr(self_of(&args)?, &name)?;
    Ok(Value::None)
}

fn getattribute(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let name = name_arg(&args, 1)?;
    attr::generic_getattr(self_of(&args)?, &name)
}

/// `object.__eq__`/`__ne__`: identity, else `NotImplemented`.
fn compare(args: &[Value], eq: bool) -> PyResult<Value> {
    match args {
        [a, b] if a.is(b) => Ok(Value::Bool(eq)),
        [_, _] => Ok(crate::builtins::not_implemented()),
        _ => raise("TypeError", "expected 1 argument"),
    }
}

fn format(args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let this = self_of(&args)?;
    match args.get(1) {
        Some(Value::Str(spec)) if !spec.is_empty() => raise(
            "TypeError",
            format!("unsupported format string passed to {}.__format__", text::type_name(this)),
        ),
        _ => text::str(this).map(Value::string),
    }
}
