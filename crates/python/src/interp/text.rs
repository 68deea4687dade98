//! `repr()` and `str()` of every value.

use std::cell::RefCell;

use super::call::call_sync;
use super::exc;
use crate::object::Instance;
use crate::value::Value;
use asyncio_engine::pyfmt::float_repr;
use asyncio_engine::pyvalue::repr_str;
use asyncio_engine::PyResult;

thread_local! {
    /// Containers whose repr is being built (`[...]` for a list inside itself).
    static IN_PROGRESS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// `f`'s text, or `empty` when the repr of `id` is already being built
/// (`reprlib.recursive_repr`'s `...`).
pub fn guarded(id: usize, empty: &str, f: impl FnOnce() -> PyResult<String>) -> PyResult<String> {
    if IN_PROGRESS.with(|p| p.borrow().contains(&id)) {
        return Ok(empty.to_string());
    }
    IN_PROGRESS.with(|p| p.borrow_mut().push(id));
    let out = f();
    IN_PROGRESS.with(|p| {
        p.borrow_mut().pop();
    });
    out
}

/// Counts a container's repr against the recursion limit (see [`super::ops::nested`]).
/// The text counts against the memory budget: `s = repr([s, s])` doubles it.
fn nested(f: impl FnOnce() -> PyResult<String>) -> PyResult<String> {
    let out = super::ops::nested(" while getting the repr of an object", f)?;
    super::ops::charge_memory(out.len())?;
    Ok(out)
}

fn join_reprs(items: &[Value]) -> PyResult<String> {
    let mut out = String::new();
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr(v)?);
    }
    Ok(out)
}

/// `ascii(v)`: `repr(v)` with non-ASCII characters escaped (`\xe9`, `\u20ac`, `\U0001f600`).
pub fn ascii(v: &Value) -> PyResult<String> {
    let r = repr(v)?;
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    Ok(out)
}

/// `repr(v)`.
pub fn repr(v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::Big(b) => big_to_string(b)?,
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => repr_str(s),
        Value::Tuple(items) if items.is_empty() => "()".into(),
        Value::Tuple(items) => guarded(v.id(), "(...)", || {
            nested(|| {
                Ok(if items.len() == 1 {
                    format!("({},)", repr(&items[0])?)
                } else {
                    format!("({})", join_reprs(items)?)
                })
            })
        })?,
        Value::List(l) => guarded(v.id(), "[...]", || {
            let items = l.borrow().clone();
            nested(|| Ok(format!("[{}]", join_reprs(&items)?)))
        })?,
        Value::Dict(d)
            if d.kind.get() != crate::value::DictKind::Plain && d.default_factory.borrow().is_none() =>
        {
            guarded(v.id(), "...", || nested(|| crate::modules::collections::repr_special(d)))?
        }
        Value::Dict(d) => guarded(v.id(), "{...}", || {
            nested(|| {
                let items = d.table.borrow().items();
                let mut out = String::from("{");
                for (i, (k, val)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&repr(k)?);
                    out.push_str(": ");
                    out.push_str(&repr(val)?);
                }
                out.push('}');
                Ok(out)
            })
        })
        // A defaultdict inside itself: `defaultdict(<class 'list'>, {...})`.
        .and_then(|body| {
            let factory = d.default_factory.borrow().clone();
            match factory {
                Some(f) => Ok(format!("defaultdict({}, {})", repr(&f)?, body)),
                None => Ok(body),
            }
        })?,
        Value::Set(s) => guarded(v.id(), "{...}", || {
            nested(|| {
                let keys = s.table.borrow().keys();
                let name = if s.frozen { "frozenset" } else { "set" };
                if keys.is_empty() {
                    return Ok(format!("{name}()"));
                }
                let inner = format!("{{{}}}", join_reprs(&keys)?);
                Ok(if s.frozen { format!("frozenset({inner})") } else { inner })
            })
        })?,
        Value::Range(r) => {
            if r.2 == 1 {
                format!("range({}, {})", r.0, r.1)
            } else {
                format!("range({}, {}, {})", r.0, r.1, r.2)
            }
        }
        Value::Slice(s) => format!("slice({}, {}, {})", repr(&s.0)?, repr(&s.1)?, repr(&s.2)?),
        Value::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow(), v.id()),
        Value::Builtin(b) => match &b.bound_to {
            Some(this) => {
                format!("<built-in method {} of {} object at {:#x}>", b.name, type_name(this), this.id())
            }
            None if b.python => format!("<function {} at {:#x}>", b.name, v.id()),
            None => format!("<built-in function {}>", b.name),
        },
        Value::BoundMethod(m) => {
            let fname = match &m.func {
                Value::Function(f) => f.qualname.borrow().to_string(),
                other => repr(other)?,
            };
            format!("<bound method {} of {}>", fname, repr(&m.this)?)
        }
        // The metaclass's `__repr__` (`<enum 'Color'>`).
        Value::Class(_) if super::attr::lookup_special(v, "__repr__").is_some() => {
            let f = super::attr::getattr(&Value::Class(super::attr::type_of(v)), "__repr__")?;
            match super::call::call_sync(&f, vec![v.clone()], vec![])? {
                Value::Str(s) => s.to_string(),
                other => {
                    let t = type_name(&other);
                    return super::exc::raise(
                        "TypeError",
                        format!("__repr__ returned non-string (type {t})"),
                    );
                }
            }
        }
        Value::Class(c) => {
            if &*c.module != "builtins" {
                format!("<class '{}.{}'>", c.module, c.qualname)
            } else {
                format!("<class '{}'>", c.name)
            }
        }
        Value::Instance(inst) => instance_repr(inst)?,
        Value::Object(o) => o.repr(v)?,
    })
}

/// A big int's decimal digits, with Python 3.11's 4300-digit limit.
pub fn big_to_string(b: &crate::bigint::BigInt) -> PyResult<String> {
    b.to_string_checked().map_err(|e| asyncio_engine::Exception::value_error(e.to_string()))
}

fn instance_repr(inst: &std::rc::Rc<Instance>) -> PyResult<String> {
    let this = Value::Instance(inst.clone());
    if let Some(f) = super::attr::lookup_user(&inst.class, "__repr__") {
        // Counted as PyObject_Repr counts it (a native `__repr__`, a
        // dataclass's, of a deep chain raises RecursionError); the check
        // that fails in CPython is the Python call's, whose message is bare.
        let out = super::ops::nested("", || call_sync(&f, vec![this], vec![]))?;
        return checked_str(out, "__repr__");
    }
    default_repr(&this)
}

/// `object.__repr__` (an exception's: `ValueError('x')`), whatever the class defines.
pub fn default_repr(v: &Value) -> PyResult<String> {
    let Value::Instance(inst) = v else { return repr(v) };
    if let Some(data) = &inst.exc {
        let args = data.args.borrow().clone();
        if args.len() == 1 {
            return Ok(format!("{}({})", inst.class.name, repr(&args[0])?));
        }
        return Ok(format!("{}({})", inst.class.name, join_reprs(&args)?));
    }
    // `object.__repr__`: a builtin class's name goes without its module.
    if &*inst.class.module == "builtins" {
        return Ok(format!("<{} object at {:#x}>", inst.class.qualname, v.id()));
    }
    Ok(format!("<{}.{} object at {:#x}>", inst.class.module, inst.class.qualname, v.id()))
}

/// `object.__str__`: the type's `repr` (an exception's own `str`).
pub fn default_str(v: &Value) -> PyResult<String> {
    match v {
        Value::Instance(inst) if inst.exc.is_some() => exc::default_str(inst),
        _ => repr(v),
    }
}

/// What a `__str__`/`__repr__` (`slot`) returned, which must be a str.
fn checked_str(out: Value, slot: &str) -> PyResult<String> {
    match out {
        Value::Str(s) => Ok(s.to_string()),
        other => exc::raise("TypeError", format!("{slot} returned non-string (type {})", type_name(&other))),
    }
}

/// `str(v)`.
pub fn str(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Instance(inst) => {
            let this = Value::Instance(inst.clone());
            if let Some(f) = super::attr::lookup_user(&inst.class, "__str__") {
                let out = call_sync(&f, vec![this], vec![])?;
                return checked_str(out, "__str__");
            }
            if inst.exc.is_some() {
                return exc::default_str(inst);
            }
            // `object.__str__` calls the class's `__repr__`; `str()` checks
            // what comes back as its own.
            if let Some(f) = super::attr::lookup_user(&inst.class, "__repr__") {
                let out = super::ops::nested("", || call_sync(&f, vec![this], vec![]))?;
                return checked_str(out, "__str__");
            }
            repr(v)
        }
        Value::Object(o) => o.str(v),
        _ => repr(v),
    }
}

/// The name CPython's messages give `v`'s type: `type(v).__name__`, but
/// the classes of the playground's Python modules that stand in for C ones
/// (`datetime`) are named with their module, as C types are
/// (`'datetime.timedelta'`).
pub fn type_name(v: &Value) -> String {
    let c = super::attr::type_of(v);
    // C types outside builtins are named with their module, as in CPython.
    let c_type = c.def.is_some() && &*c.module == "datetime"
        || &*c.module == "collections" && matches!(&*c.name, "deque" | "OrderedDict" | "defaultdict")
        || &*c.module == "_asyncio";
    if c_type {
        return format!("{}.{}", c.module, c.name);
    }
    c.name.to_string()
}
