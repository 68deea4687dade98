//! `mixins._LoopBoundMixin`: a primitive belongs to the loop it first waits
//! on.
//!
//! CPython binds a primitive lazily, the first time it needs a future (an
//! uncontended `acquire()` never binds), and refuses to be used from another
//! loop afterwards.

use std::cell::RefCell;
use std::rc::Weak;

use crate::event_loop::{get_running_loop, EventLoop, LoopInner};
use crate::exception::{Exception, PyResult};

/// The loop a primitive is bound to, if any yet (`self._loop`).
#[derive(Default)]
pub(crate) struct LoopBound {
    bound: RefCell<Option<Weak<LoopInner>>>,
}

impl LoopBound {
    /// `_get_loop()`: the running loop, binding the primitive to it on first
    /// use.
    ///
    /// # Errors
    /// `RuntimeError: no running event loop` (where CPython would fail later
    /// on `None.create_future`); `RuntimeError: <repr> is bound to a different
    /// event loop`.
    pub(crate) fn get_loop(&self, repr: impl FnOnce() -> String) -> PyResult<EventLoop> {
        let event_loop = get_running_loop()?;
        let current = event_loop.downgrade();
        let mut bound = self.bound.borrow_mut();
        match &*bound {
            None => *bound = Some(current),
            Some(weak) if weak.ptr_eq(&current) => {}
            Some(_) => {
                drop(bound);
                return Err(Exception::runtime_error(format!(
                    "{} is bound to a different event loop",
                    repr()
                )));
            }
        }
        Ok(event_loop)
    }
}
