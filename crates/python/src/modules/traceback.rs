//! `traceback`: the text python3 prints for an exception, for the program to
//! print or keep (`format_exc`, `print_exc`, `format_exception` ...). The
//! frames are the program's own, as in the playground's tracebacks.

use std::rc::Rc;

use crate::interp::call::call_sync;
use crate::interp::exc::{self, raise};
use crate::interp::{attr, interp, text};
use crate::modules::ModuleObj;
use crate::object::Instance;
use crate::value::Value;
use asyncio_engine::PyResult;

/// The exception an argument names: an exception instance (or for the old
/// form `(type, value, tb)`, the value); `None` for none.
fn exception_of(v: &Value) -> PyResult<Option<Rc<Instance>>> {
    match v {
        Value::Instance(i) if i.exc.is_some() => Ok(Some(i.clone())),
        Value::None => Ok(None),
        other => {
            raise("TypeError", format!("Exception expected for value, {} found", text::type_name(other)))
        }
    }
}

/// The exception being handled by the running code, if any.
fn handled() -> Option<Rc<Instance>> {
    crate::interp::frames::handling().map(|e| exc::instance(&e))
}

fn no_limit(limit: &Value) -> PyResult<()> {
    if matches!(limit, Value::None) {
        return Ok(());
    }
    raise("NotImplementedError", "traceback's limit is not supported in the playground")
}

/// The traceback's text, with causes and contexts when `chain`.
fn text_of(inst: Option<Rc<Instance>>, chain: &Value) -> PyResult<String> {
    let Some(inst) = inst else { return Ok("NoneType: None\n".to_string()) };
    let e = exc::to_engine(&inst);
    Ok(if crate::interp::ops::truthy(chain)? {
        crate::traceback::format(&e)
    } else {
        crate::traceback::format_one(&e)
    })
}

/// The text as `format_exception`'s list: a string per header line, per
/// frame (its `File` line with the source and carets under it), per line of
/// the exception.
fn as_list(text: &str) -> Value {
    let mut parts: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        match parts.last_mut() {
            Some(last) if line.starts_with("    ") && last.starts_with("  File ") => last.push_str(line),
            _ => parts.push(line.to_string()),
        }
    }
    Value::list(parts.into_iter().map(Value::string).collect())
}

/// Writes `text` to `file` (`sys.stderr` when None).
fn write(text: String, file: &Value) -> PyResult<Value> {
    match file {
        Value::None => interp().host.write_stderr(&text),
        f => {
            let w = attr::getattr(f, "write")?;
            call_sync(&w, vec![Value::string(text)], vec![])?;
        }
    }
    Ok(Value::None)
}

/// The exception of `format_exception(exc)` or `format_exception(type, value, tb)`.
fn chosen(args: &[Value]) -> PyResult<Option<Rc<Instance>>> {
    match args.get(1) {
        Some(v @ Value::Instance(_)) => exception_of(v),
        _ => exception_of(&args[0]),
    }
}

/// The arguments of `sig`, a slot per parameter (None where not given).
fn arguments(sig: &str, args: &[Value], kwargs: &crate::native::Kwargs) -> PyResult<Vec<Value>> {
    Ok(crate::modules::clinic(sig, args, kwargs)?.into_iter().map(|a| a.unwrap_or(Value::None)).collect())
}

/// `chain=True` unless given.
fn chain_arg(v: &Value) -> Value {
    if matches!(v, Value::None) {
        Value::Bool(true)
    } else {
        v.clone()
    }
}

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("traceback");
    m.func("format_exc", |args, kwargs| {
        let a = arguments("format_exc(limit=None, chain=True)", &args, &kwargs)?;
        no_limit(&a[0])?;
        text_of(handled(), &chain_arg(&a[1])).map(Value::string)
    });
    m.func("print_exc", |args, kwargs| {
        let a = arguments("print_exc(limit=None, file=None, chain=True)", &args, &kwargs)?;
        no_limit(&a[0])?;
        write(text_of(handled(), &chain_arg(&a[2]))?, &a[1])
    });
    m.func("format_exception", |args, kwargs| {
        let sig = "format_exception(exc, /, value=None, tb=None, limit=None, chain=True)";
        let a = arguments(sig, &args, &kwargs)?;
        no_limit(&a[3])?;
        Ok(as_list(&text_of(chosen(&a)?, &chain_arg(&a[4]))?))
    });
    m.func("print_exception", |args, kwargs| {
        let sig = "print_exception(exc, /, value=None, tb=None, limit=None, file=None, chain=True)";
        let a = arguments(sig, &args, &kwargs)?;
        no_limit(&a[3])?;
        write(text_of(chosen(&a)?, &chain_arg(&a[5]))?, &a[4])
    });
    m.func("format_exception_only", |args, kwargs| {
        let a = arguments("format_exception_only(exc, /, value=None)", &args, &kwargs)?;
        let Some(inst) = chosen(&a)? else { return Ok(Value::list(vec![Value::str("NoneType: None\n")])) };
        let mut lines =
            vec![Value::string(format!("{}\n", exc::traceback_last_line(&exc::to_engine(&inst))))];
        // Then each line of each note.
        if let Some(Value::List(notes)) = inst.get_attr("__notes__") {
            for note in notes.borrow().iter() {
                let text = match note {
                    Value::Str(s) => s.to_string(),
                    other => crate::interp::text::repr(other)?,
                };
                lines.extend(text.split('\n').map(|l| Value::string(format!("{l}\n"))));
            }
        }
        Ok(Value::list(lines))
    });
    m
}
