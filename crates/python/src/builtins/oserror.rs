//! `OSError(errno, strerror[, filename])`: CPython picks the subclass for
//! the errno (`OSError(2, 'x')` is a FileNotFoundError), keeps `args` to the
//! first two, and prints `[Errno 2] x: 'file'`.

use std::rc::Rc;

use crate::interp::{interp, text};
use crate::object::{Class, Instance};
use crate::value::Value;
use asyncio_engine::PyResult;

/// Linux's errno values and the OSError subclass each maps to.
const SUBCLASSES: &[(&[i64], &str)] = &[
    (&[11, 114, 115], "BlockingIOError"),
    (&[10], "ChildProcessError"),
    (&[32, 108], "BrokenPipeError"),
    (&[103], "ConnectionAbortedError"),
    (&[111], "ConnectionRefusedError"),
    (&[104], "ConnectionResetError"),
    (&[17], "FileExistsError"),
    (&[2], "FileNotFoundError"),
    (&[21], "IsADirectoryError"),
    (&[20], "NotADirectoryError"),
    (&[4], "InterruptedError"),
    (&[13, 1], "PermissionError"),
    (&[3], "ProcessLookupError"),
    (&[110], "TimeoutError"),
];

fn is_os_error(c: &Class) -> bool {
    c.is_subclass(&interp().types.exception_named("OSError"))
}

/// The class `OSError(*args)` makes: the errno's subclass when called as
/// `OSError` itself with an errno and a message.
pub fn class_for(c: &Rc<Class>, args: &[Value]) -> Rc<Class> {
    let os_error = interp().types.exception_named("OSError");
    let (true, [Value::Int(errno), _, ..]) = (Rc::ptr_eq(c, &os_error), args) else { return c.clone() };
    match SUBCLASSES.iter().find(|(codes, _)| codes.contains(errno)) {
        Some((_, name)) => interp().types.exception_named(name),
        None => c.clone(),
    }
}

/// Keeps `filename` (and `filename2`) out of `args` as CPython does, in the
/// instance's attributes.
pub fn init(inst: &Instance, args: &mut Vec<Value>) {
    if !is_os_error(&inst.class) || !(3..=5).contains(&args.len()) {
        return;
    }
    inst.set_attr("filename", args[2].clone());
    if let Some(second) = args.get(4) {
        inst.set_attr("filename2", second.clone());
    }
    args.truncate(2);
}

/// `errno`, `strerror`, `filename`, `filename2` of an OSError.
pub fn attribute(inst: &Instance, name: &str) -> Option<Value> {
    if !is_os_error(&inst.class) || !matches!(name, "errno" | "strerror" | "filename" | "filename2") {
        return None;
    }
    let args = inst.exc.as_ref()?.args.borrow().clone();
    let pair = args.len() == 2;
    Some(match name {
        "errno" if pair => args[0].clone(),
        "strerror" if pair => args[1].clone(),
        _ => inst.get_attr(name).unwrap_or(Value::None),
    })
}

/// `str()` of an OSError made with an errno and a message.
pub fn str_of(inst: &Instance) -> Option<PyResult<String>> {
    let (Some(errno), Some(strerror)) = (attribute(inst, "errno"), attribute(inst, "strerror")) else {
        return None;
    };
    if matches!(errno, Value::None) {
        return None;
    }
    let file = |name| inst.get_attr(name).filter(|v| !matches!(v, Value::None));
    let text = || -> PyResult<String> {
        let mut out = format!("[Errno {}] {}", text::str(&errno)?, text::str(&strerror)?);
        if let Some(f) = file("filename") {
            out.push_str(&format!(": {}", text::repr(&f)?));
            if let Some(f2) = file("filename2") {
                out.push_str(&format!(" -> {}", text::repr(&f2)?));
            }
        }
        Ok(out)
    };
    Some(text())
}
