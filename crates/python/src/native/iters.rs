//! Iterators over builtin containers, and small awaitables.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::{AwaitTarget, Native};
use crate::interp::interp;
use crate::interp::iter::Iter;
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::PyResult;

/// A Python iterator over a builtin container (what `iter(list)` returns).
pub struct IterObj {
    pub iter: RefCell<Iter>,
    pub kind: &'static str,
}

impl IterObj {
    pub fn value(iter: Iter, kind: &'static str) -> Value {
        Value::native(IterObj { iter: RefCell::new(iter), kind })
    }
}

impl Native for IterObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native(self.kind)
    }
    fn iter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        // Take the iterator out so that a user callback inside (a map()
        // function) can never find it borrowed.
        let mut it = std::mem::replace(&mut *self.iter.borrow_mut(), Iter::Done);
        let out = it.next();
        *self.iter.borrow_mut() = it;
        Some(out)
    }
}

/// An awaitable that is done at once with a value (`aclose()` of a finished generator).
pub struct Ready(pub Value);

impl Native for Ready {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("coroutine")
    }
    fn await_target(&self, _this: &Value) -> Option<PyResult<AwaitTarget>> {
        let v = self.0.clone();
        Some(Ok(AwaitTarget::Coro(Box::pin(async move { Ok(v) }))))
    }
}
