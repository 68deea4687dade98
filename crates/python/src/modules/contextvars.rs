//! Which context is current, for `contextvars` (`py/contextvars.py`): the
//! interpreter's one slot, swapped by each task step and each callback.
//!
//! A context's variables are a dict (`ContextVar` → value) that the Python
//! module reads and writes through `_ctx_current()`. As in CPython, a task
//! and a callback run in a copy of the context current when they were made
//! (`create_task`, `call_soon`, `add_done_callback`), or in the `context=`
//! they were given. An empty context is `None` until a variable is set in
//! it, so that a program that never uses `contextvars` copies nothing.

use crate::interp::attr::getattr_opt;
use crate::interp::exc::raise;
use crate::interp::interp;
use crate::native::Kwargs;
use crate::value::{Dict, Value};
use asyncio_engine::PyResult;

/// A context's variables: a dict, or `None` for an empty context.
pub type Ctx = Option<Value>;

/// Makes `ctx` current and returns the context that was.
pub fn swap(ctx: Ctx) -> Ctx {
    std::mem::replace(&mut *interp().context.borrow_mut(), ctx)
}

/// A copy of the current context (what a new task or callback runs in).
pub fn capture() -> Ctx {
    match &*interp().context.borrow() {
        Some(Value::Dict(d)) if !d.is_empty() => {
            let copy = Dict::new();
            *copy.table.borrow_mut() = d.table.borrow().clone();
            Some(Value::Dict(copy))
        }
        _ => None,
    }
}

/// The context a `context=` argument names (a `contextvars.Context`), or a
/// copy of the current one when it is absent or `None`.
pub fn given(context: Option<Value>) -> PyResult<Ctx> {
    match context {
        None | Some(Value::None) => Ok(capture()),
        Some(c) => match getattr_opt(&c, "_data")? {
            Some(d @ Value::Dict(_)) => Ok(Some(d)),
            _ => raise("TypeError", "an instance of Context was expected"),
        },
    }
}

/// Runs `f` with `ctx` current, then restores the context that was.
pub fn run_in<T>(ctx: Ctx, f: impl FnOnce() -> T) -> T {
    let outer = swap(ctx);
    let out = f();
    swap(outer);
    out
}

/// The running task's context as a `contextvars.Context` object (over the
/// same variables), for a callback the task registers with its context.
pub fn task_context() -> PyResult<Value> {
    let module = super::import("contextvars", crate::ast::Pos::default())?;
    let ctx =
        crate::interp::call::call_sync(&crate::interp::attr::getattr(&module, "Context")?, vec![], vec![])?;
    crate::interp::attr::setattr(&ctx, "_data", current(vec![], vec![])?)?;
    Ok(ctx)
}

/// `_ctx_current()`: the current context's dict (made on first use).
pub fn current(_args: Vec<Value>, _kwargs: Kwargs) -> PyResult<Value> {
    let it = interp();
    let mut slot = it.context.borrow_mut();
    Ok(slot.get_or_insert_with(|| Value::Dict(Dict::new())).clone())
}

/// `_ctx_swap(d)`: makes dict `d` (or an empty context, for `None`) current
/// and returns the dict that was (`None` for an empty context).
pub fn swap_value(args: Vec<Value>, _kwargs: Kwargs) -> PyResult<Value> {
    let ctx = match args.into_iter().next() {
        Some(d @ Value::Dict(_)) => Some(d),
        Some(Value::None) => None,
        _ => return raise("TypeError", "_ctx_swap() takes a dict or None"),
    };
    Ok(swap(ctx).unwrap_or(Value::None))
}
