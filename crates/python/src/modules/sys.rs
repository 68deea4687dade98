//! `sys`: `stdout`/`stderr` streams, `argv`, `version`, and the limits the
//! playground enforces.

use std::any::Any;
use std::rc::Rc;

use crate::interp::exc::raise;
use crate::interp::{interp, text};
use crate::modules::{Args, ModuleObj};
use crate::native::{method, Native};
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::PyResult;

/// `sys.stdout` or `sys.stderr`.
pub struct Stream {
    pub stderr: bool,
    /// The real stdout (what `sys.stdout` is once pyrun.py's trace ended),
    /// not pyrun.py's stamping `_TraceOut`.
    pub plain: bool,
}

impl Stream {
    /// How `name` takes its arguments: pyrun.py's stdout is a Python class,
    /// stderr the real `TextIOWrapper`.
    fn args(&self, name: &str) -> Args {
        match (self.stderr, name) {
            (true, "write") => Args::C(1),
            (true, _) => Args::C(0),
            (false, "write") => Args::Py("_TraceOut.write(self, s)"),
            (false, "flush") => Args::Py("_TraceOut.flush(self)"),
            (false, _) => Args::Py("_TraceOut.isatty(self)"),
        }
    }

    fn write(&self, v: &Value) -> PyResult<Value> {
        let Value::Str(t) = v else {
            return raise("TypeError", format!("write() argument must be str, not {}", text::type_name(v)));
        };
        let it = interp();
        if self.stderr {
            it.host.write_stderr(t);
        } else if self.plain {
            it.host.write_plain(t)?;
        } else {
            it.host.write_stdout(t)?;
        }
        Ok(Value::Int(t.chars().count() as i64))
    }
}

impl Native for Stream {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("TextIOWrapper")
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let name: &'static str = ["write", "flush", "isatty"].into_iter().find(|n| *n == name)?;
        Some(Ok(method::<Stream>(name, this, move |s, _, mut args, mut kw| {
            s.args(name).check("TextIOWrapper", name, &mut args, &mut kw)?;
            match name {
                "write" => s.write(&args[0]),
                "flush" => Ok(Value::None),
                _ => Ok(Value::Bool(false)),
            }
        })))
    }
}

/// `sys.version_info`: the named tuple `(3, 11, 7, 'final', 0)`.
fn version_info() -> Option<Value> {
    let fields = Value::str("major minor micro releaselevel serial");
    let class =
        crate::modules::collections::namedtuple(vec![Value::str("version_info"), fields], vec![]).ok()?;
    let values = vec![Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)];
    crate::interp::call::call_sync(&class, values, vec![]).ok()
}

/// `sys.float_info`: the double's limits, as CPython gives them.
fn float_info() -> Option<Value> {
    let fields = "max max_exp max_10_exp min min_exp min_10_exp dig mant_dig epsilon radix rounds";
    let class =
        crate::modules::collections::namedtuple(vec![Value::str("float_info"), Value::str(fields)], vec![])
            .ok()?;
    let values = vec![
        Value::Float(f64::MAX),
        Value::Int(1024),
        Value::Int(308),
        Value::Float(f64::MIN_POSITIVE),
        Value::Int(-1021),
        Value::Int(-307),
        Value::Int(15),
        Value::Int(53),
        Value::Float(f64::EPSILON),
        Value::Int(2),
        Value::Int(1),
    ];
    crate::interp::call::call_sync(&class, values, vec![]).ok()
}

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("sys");
    m.set("stdout", Value::native(Stream { stderr: false, plain: false }));
    m.set("stderr", Value::native(Stream { stderr: true, plain: false }));
    m.set("argv", Value::list(vec![Value::Str(interp().host.filename.borrow().clone())]));
    m.set("version", Value::str("3.11.7 (asyncio playground)"));
    m.set("platform", Value::str("playground"));
    m.set("maxsize", Value::Int(i64::MAX));
    if let Some(v) = version_info() {
        m.set("version_info", v);
    }
    if let Some(v) = float_info() {
        m.set("float_info", v);
    }
    m.def_c("sys.getrecursionlimit", Args::C(0), |_, _| {
        Ok(Value::Int(interp().recursion_limit.get() as i64))
    });
    m.def_c("sys.setrecursionlimit", Args::C(1), |args, _| {
        let n = crate::interp::ops::index_value(&args[0])?;
        let it = interp();
        if n < 1 {
            return raise("ValueError", "recursion limit must be greater or equal than 1");
        }
        let depth = i64::from(it.depth.get());
        if n <= depth {
            return raise(
                "RecursionError",
                format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
            );
        }
        it.recursion_limit.set(n.min(i64::from(u32::MAX)) as u32);
        Ok(Value::None)
    });
    m.def_c("sys.get_int_max_str_digits", Args::C(0), |_, _| {
        Ok(Value::Int(crate::bigint::max_str_digits() as i64))
    });
    m.def("set_int_max_str_digits", "set_int_max_str_digits(maxdigits)", |args, _| {
        let n = crate::interp::ops::index_value(&args[0])?;
        if n != 0 && n < 640 {
            return raise("ValueError", "maxdigits must be 0 or larger than 640");
        }
        crate::bigint::set_max_str_digits(n as usize);
        Ok(Value::None)
    });
    // `sys.exc_info()`: the traceback is not an object here (None).
    m.def_c("sys.exc_info", Args::C(0), |_, _| {
        Ok(match crate::interp::Handled::current() {
            Some(e) => {
                let inst = crate::interp::exc::instance(&e);
                Value::tuple(vec![Value::Class(inst.class.clone()), Value::Instance(inst), Value::None])
            }
            None => Value::tuple(vec![Value::None, Value::None, Value::None]),
        })
    });
    m.def_c("sys.exception", Args::C(0), |_, _| {
        Ok(crate::interp::Handled::current()
            .map_or(Value::None, |e| Value::Instance(crate::interp::exc::instance(&e))))
    });
    m.def_c("sys.exit", Args::Positional(0, 1), |args, _| {
        Err(crate::interp::exc::with_args("SystemExit", args))
    });
    m
}
