//! Coroutine objects: what calling an `async def` returns.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;

use super::{AwaitTarget, Native};
use crate::interp::{exc::raise, interp};
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::PyResult;

/// A boxed Python coroutine body.
pub type BoxFut = Pin<Box<dyn StdFuture<Output = PyResult<Value>>>>;

pub struct Coroutine {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    /// The call's arguments, for the page's lane names (`print_result(4)`).
    pub args: Vec<Value>,
    pub kwargs: super::Kwargs,
    /// Where the function was defined (`file:line`), for reprs.
    pub defined_at: Rc<str>,
    body: RefCell<Option<BoxFut>>,
    awaited: Cell<bool>,
}

impl Coroutine {
    pub fn new(
        name: Rc<str>,
        qualname: Rc<str>,
        args: Vec<Value>,
        kwargs: super::Kwargs,
        defined_at: Rc<str>,
        body: BoxFut,
    ) -> Coroutine {
        Coroutine {
            name,
            qualname,
            args,
            kwargs,
            defined_at,
            body: RefCell::new(Some(body)),
            awaited: Cell::new(false),
        }
    }

    /// `name(args)` as the page names a task's lane: `print_result(4)`.
    pub fn label(&self) -> String {
        let mut parts: Vec<String> =
            self.args.iter().map(|a| crate::interp::text::repr(a).unwrap_or_else(|_| "?".into())).collect();
        for (k, v) in &self.kwargs {
            parts.push(format!("{k}={}", crate::interp::text::repr(v).unwrap_or_else(|_| "?".into())));
        }
        format!("{}({})", self.name, parts.join(", "))
    }

    /// Takes the body to run it (once).
    pub fn take(&self) -> PyResult<BoxFut> {
        match self.body.borrow_mut().take() {
            Some(b) => {
                self.awaited.set(true);
                Ok(b)
            }
            None => raise("RuntimeError", "cannot reuse already awaited coroutine"),
        }
    }

    pub fn was_started(&self) -> bool {
        self.awaited.get()
    }

    /// `coro.close()`: drop the body without running it.
    pub fn close(&self) {
        self.body.borrow_mut().take();
    }
}

impl Native for Coroutine {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("coroutine")
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<coroutine object {} at {:#x}>", self.qualname, this.id()))
    }
    fn await_target(&self, _this: &Value) -> Option<PyResult<AwaitTarget>> {
        Some(self.take().map(AwaitTarget::Coro))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__name__" => Some(Ok(Value::Str(self.name.clone()))),
            "__qualname__" => Some(Ok(Value::Str(self.qualname.clone()))),
            "close" => Some(Ok(super::method::<Coroutine>("close", this, |c, _, _, _| {
                c.close();
                Ok(Value::None)
            }))),
            _ => None,
        }
    }
}
