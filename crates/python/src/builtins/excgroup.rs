//! `ExceptionGroup` / `BaseExceptionGroup` instances.

use std::rc::Rc;

use crate::interp::exc::raise;
use crate::interp::{interp, iter};
use crate::object::Instance;
use crate::value::Value;
use asyncio_engine::PyResult;

/// `ExceptionGroup(message, exceptions)` checks and fills a new instance.
pub fn init_group(inst: &Rc<Instance>, args: &[Value]) -> PyResult<()> {
    let [msg, excs] = args else {
        return raise(
            "TypeError",
            format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.len()),
        );
    };
    let Value::Str(m) = msg else {
        return raise(
            "TypeError",
            "argument 1 must be str, not ".to_string() + &crate::interp::text::type_name(msg),
        );
    };
    let members = iter::collect(excs)?;
    if members.is_empty() {
        return raise("ValueError", "second argument (exceptions) must be a non-empty sequence");
    }
    for m in &members {
        if !matches!(m, Value::Instance(i) if i.exc.is_some()) {
            return raise("ValueError", "Item 0 of second argument (exceptions) is not an exception");
        }
    }
    if let Some(data) = &inst.exc {
        *data.group.borrow_mut() = Some((m.clone(), members.clone()));
        *data.args.borrow_mut() = vec![msg.clone(), Value::tuple(members)];
    }
    Ok(())
}

/// A new group of `members`: an ExceptionGroup, or a BaseExceptionGroup when
/// any member is not an Exception.
pub fn new_group(message: &str, members: Vec<Value>) -> Rc<Instance> {
    let types = &interp().types;
    let base = members.iter().any(|m| matches!(m, Value::Instance(i) if i.class.base_only));
    let class = types.exception_named(if base { "BaseExceptionGroup" } else { "ExceptionGroup" });
    let inst = Instance::new(class);
    if let Some(data) = &inst.exc {
        *data.group.borrow_mut() = Some((Rc::from(message), members.clone()));
        *data.args.borrow_mut() = vec![Value::str(message), Value::tuple(members)];
    }
    inst
}
