//! `sys`: `stdout`/`stderr` streams, `argv`, `version`, and the limits the
//! playground enforces.

use std::any::Any;
use std::rc::Rc;

use crate::interp::exc::raise;
use crate::interp::{interp, text};
use crate::modules::ModuleObj;
use crate::native::{method, Native};
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::PyResult;

/// `sys.stdout` or `sys.stderr`.
pub struct Stream {
    pub stderr: bool,
}

impl Native for Stream {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("TextIOWrapper")
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "write" => method::<Stream>("write", this, |s, _, args, _| {
                let Some(v) = args.first() else {
                    return raise("TypeError", "write() takes exactly one argument");
                };
                let Value::Str(t) = v else {
                    return raise(
                        "TypeError",
                        format!("write() argument must be str, not {}", text::type_name(v)),
                    );
                };
                let it = interp();
                if s.stderr {
                    it.host.write_stderr(t);
                } else {
                    it.host.write_stdout(t)?;
                }
                Ok(Value::Int(t.chars().count() as i64))
            }),
            "flush" => method::<Stream>("flush", this, |_, _, _, _| Ok(Value::None)),
            "isatty" => method::<Stream>("isatty", this, |_, _, _, _| Ok(Value::Bool(false))),
            _ => return None,
        }))
    }
}

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("sys");
    m.set("stdout", Value::native(Stream { stderr: false }));
    m.set("stderr", Value::native(Stream { stderr: true }));
    m.set("argv", Value::list(vec![Value::Str(interp().host.filename.borrow().clone())]));
    m.set("version", Value::str("3.11.7 (asyncio playground)"));
    m.set("platform", Value::str("playground"));
    m.set("maxsize", Value::Int(i64::MAX));
    m.func("getrecursionlimit", |_, _| Ok(Value::Int(interp().budgets.max_depth as i64)));
    m.func("exit", |args, _| {
        Err(crate::interp::exc::with_args("SystemExit", args.into_iter().take(1).collect()))
    });
    m
}
