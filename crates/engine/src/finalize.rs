//! "Future exception was never retrieved": what CPython's `Future.__del__`
//! reports when a future that failed is freed before anyone asked for its
//! exception (`result()`, `exception()`, `await`).
//!
//! CPython frees an object the moment its last reference goes, in the
//! middle of whatever dropped it. A future here is freed the same way (its
//! `Rc`), but that may be inside a borrow of the loop or of a client's
//! state, where no client code may run. So the future only queues its
//! finalizer (a client's, see [`Future::on_unretrieved`]); the loop runs the
//! queue after each callback, and a client at its own safe points
//! ([`run_finalizers`]: the interpreter between statements).
//!
//! [`Future::on_unretrieved`]: crate::Future::on_unretrieved

use std::cell::{Cell, RefCell};

use crate::Exception;

/// What a client does when a future it made is freed with an exception
/// nobody retrieved (asyncio's `call_exception_handler`).
pub type Finalizer = Box<dyn FnOnce(Exception)>;

thread_local! {
    static QUEUE: RefCell<Vec<(Finalizer, Exception)>> = const { RefCell::new(Vec::new()) };
    static QUEUED: Cell<bool> = const { Cell::new(false) };
}

/// A freed future's finalizer, to run at the next safe point.
pub(crate) fn defer(finalizer: Finalizer, exc: Exception) {
    QUEUE.with(|q| q.borrow_mut().push((finalizer, exc)));
    QUEUED.with(|q| q.set(true));
}

/// Runs the finalizers of the futures freed since the last call, in the
/// order they were freed (those a finalizer frees run too).
pub fn run_finalizers() {
    drain(|finalizer, exc| finalizer(exc));
}

/// Forgets the queued finalizers without running them (a client tearing
/// down a run: what its futures would report no longer has anywhere to go).
pub fn discard_finalizers() {
    drain(|_, _| {});
}

/// Empties the queue into `each`, until what `each` frees queues no more.
fn drain(mut each: impl FnMut(Finalizer, Exception)) {
    while QUEUED.with(Cell::get) {
        QUEUED.with(|q| q.set(false));
        let queue = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
        for (finalizer, exc) in queue {
            each(finalizer, exc);
        }
    }
}
