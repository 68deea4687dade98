//! A builtin's result that is a future to await: `asyncio.run(...)` and
//! `loop.run_until_complete(...)` hand the program's driver a loop session
//! and wait, so the page can run it one iteration at a time.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::{BoxFut, Native};
use crate::interp::interp;
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::PyResult;

pub struct Suspend(pub RefCell<Option<BoxFut>>);

impl Suspend {
    pub fn value(fut: impl std::future::Future<Output = PyResult<Value>> + 'static) -> Value {
        Value::native(Suspend(RefCell::new(Some(Box::pin(fut)))))
    }

    /// The future, taken once.
    pub fn take(&self) -> Option<BoxFut> {
        self.0.borrow_mut().take()
    }
}

impl Native for Suspend {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("coroutine")
    }
}
