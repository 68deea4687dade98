//! `functools.partial` and `functools.wraps`.

use std::any::Any;
use std::rc::Rc;

use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::{attr, interp, text};
use crate::native::{Kwargs, Native};
use crate::object::{Builtin, Class};
use crate::value::Value;
use asyncio_engine::PyResult;

/// `functools.partial(func, *args, **kwargs)`.
pub struct Partial {
    pub func: Value,
    pub args: Vec<Value>,
    pub kwargs: Kwargs,
}

impl Partial {
    /// The full argument lists for a call with `args` and `kwargs`.
    pub fn merge(&self, args: Vec<Value>, kwargs: Kwargs) -> (Vec<Value>, Kwargs) {
        let mut a = self.args.clone();
        a.extend(args);
        let mut k = self.kwargs.clone();
        for (name, v) in kwargs {
            match k.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = v,
                None => k.push((name, v)),
            }
        }
        (a, k)
    }
}

impl Native for Partial {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("partial")
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        let mut parts = vec![text::repr(&self.func)?];
        for a in &self.args {
            parts.push(text::repr(a)?);
        }
        for (k, v) in &self.kwargs {
            parts.push(format!("{k}={}", text::repr(v)?));
        }
        Ok(format!("functools.partial({})", parts.join(", ")))
    }
    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        let (a, k) = self.merge(args, kwargs);
        Some(call_sync(&self.func, a, k))
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "func" => self.func.clone(),
            "args" => Value::tuple(self.args.clone()),
            "keywords" => {
                let d = crate::value::Dict::new();
                for (k, v) in &self.kwargs {
                    if let Err(e) = crate::interp::ops::dict_set(&d, Value::Str(k.clone()), v.clone()) {
                        return Some(Err(e));
                    }
                }
                Value::Dict(d)
            }
            _ => return None,
        }))
    }
}

/// `partial(...)`.
pub fn partial(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut it = args.into_iter();
    let Some(func) = it.next() else {
        return raise("TypeError", "type 'partial' takes at least one argument");
    };
    if !crate::interp::call::callable(&func) {
        return raise("TypeError", "the first argument must be callable");
    }
    // partial(partial(f, a), b) flattens, as CPython does.
    if let Some(inner) = func.as_native::<Partial>() {
        let (a, k) = inner.merge(it.collect(), kwargs);
        return Ok(Value::native(Partial { func: inner.func.clone(), args: a, kwargs: k }));
    }
    Ok(Value::native(Partial { func, args: it.collect(), kwargs }))
}

pub const WRAPPER_ASSIGNMENTS: [&str; 5] =
    ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"];

/// `update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
/// updated=WRAPPER_UPDATES)` (`None`: the default): the `assigned`
/// attributes `wrapped` has are set on `wrapper`, the `updated` ones
/// (`__dict__`: a function's own attributes) merged into `wrapper`'s.
pub fn update_wrapper(
    wrapper: &Value,
    wrapped: &Value,
    assigned: Option<&Value>,
    updated: Option<&Value>,
) -> PyResult<Value> {
    let names = |v: Option<&Value>, default: &[&str]| -> PyResult<Vec<String>> {
        match v {
            None | Some(Value::None) => Ok(default.iter().map(|s| s.to_string()).collect()),
            Some(v) => crate::interp::iter::collect(v)?.iter().map(crate::interp::text::str).collect(),
        }
    };
    for name in names(assigned, &WRAPPER_ASSIGNMENTS)? {
        // The module is the program's for every function here.
        if name == "__module__" {
            continue;
        }
        if let Some(v) = attr::getattr_opt(wrapped, &name)? {
            attr::setattr(wrapper, &name, v)?;
        }
    }
    for name in names(updated, &["__dict__"])? {
        if name != "__dict__" {
            let mine = attr::getattr(wrapper, &name)?;
            let theirs =
                attr::getattr_opt(wrapped, &name)?.unwrap_or_else(|| Value::Dict(crate::value::Dict::new()));
            call_sync(&attr::getattr(&mine, "update")?, vec![theirs], vec![])?;
            continue;
        }
        if let Value::Function(src) = wrapped {
            let extra: Vec<(Rc<str>, Value)> = src.attrs.borrow().0.clone();
            for (k, v) in extra {
                if !WRAPPER_ASSIGNMENTS.contains(&&*k) {
                    attr::setattr(wrapper, &k, v)?;
                }
            }
        }
    }
    attr::setattr(wrapper, "__wrapped__", wrapped.clone())?;
    Ok(wrapper.clone())
}

/// `wraps(wrapped)`: a decorator applying `update_wrapper`.
pub fn wraps(args: Vec<Value>, _kwargs: Kwargs) -> PyResult<Value> {
    let mut args = args.into_iter();
    let Some(wrapped) = args.next() else {
        return raise("TypeError", "wraps() missing 1 required positional argument: 'wrapped'");
    };
    let (assigned, updated) = (args.next(), args.next());
    // CPython's `partial(update_wrapper, wrapped=wrapped)`: a keyword given
    // to the decorator replaces the partial's.
    Ok(Builtin::new("update_wrapper", move |mut args, mut kwargs| {
        for (name, v) in
            [("wrapped", Some(&wrapped)), ("assigned", assigned.as_ref()), ("updated", updated.as_ref())]
        {
            if let Some(v) = v.filter(|_| !kwargs.iter().any(|(k, _)| &**k == name)) {
                kwargs.push((Rc::from(name), v.clone()));
            }
        }
        crate::modules::bind(
            "update_wrapper(wrapper, wrapped, assigned=None, updated=None)",
            &mut args,
            &mut kwargs,
        )?;
        update_wrapper(&args[0], &args[1], args.get(2), args.get(3))
    }))
}
