//! `asyncio.gather`: 3.11's `_GatheringFuture` and its `_done_callback`.

use std::cell::{Cell, RefCell};
use std::collections::hash_map::{Entry, HashMap};
use std::rc::Rc;

use crate::event_loop::{get_running_loop, EventLoop};
use crate::exception::{Exception, PyResult};
use crate::future::{AnyFuture, CancelChildren, Future};

/// The children of a gathering future, for its `cancel()` override.
struct GatherCancel {
    children: Vec<Rc<dyn AnyFuture>>,
    cancel_requested: Cell<bool>,
}

impl CancelChildren for GatherCancel {
    /// `_GatheringFuture.cancel(msg)`: cancel every child; if any could be
    /// cancelled, remember that cancellation was requested.
    fn cancel_children(&self, msg: Option<&str>) -> bool {
        let mut ret = false;
        for child in &self.children {
            if child.clone().cancel_any(msg) {
                ret = true;
            }
        }
        if ret {
            self.cancel_requested.set(true);
        }
        ret
    }
}

/// The untyped core of `gather`: `children` are the distinct futures in
/// argument order (`order[i]` indexes them for argument `i`, so duplicate
/// awaitables share a child); `collect` builds the result list once all are
/// done.
fn gather_core<R: Clone + 'static>(
    event_loop: &EventLoop,
    children: Vec<Rc<dyn AnyFuture>>,
    order: Vec<usize>,
    return_exceptions: bool,
    collect: impl Fn() -> R + 'static,
) -> Future<R> {
    let outer: Future<R> = event_loop.create_future();
    if order.is_empty() {
        let _ = outer.set_result(collect());
        return outer;
    }
    let nfuts = children.len();
    let nfinished = Rc::new(Cell::new(0usize));
    let cancel = Rc::new(GatherCancel { children: children.clone(), cancel_requested: Cell::new(false) });
    let collect = Rc::new(collect);
    let ordered: Rc<Vec<Rc<dyn AnyFuture>>> = Rc::new(order.iter().map(|&i| children[i].clone()).collect());
    for child in &children {
        let outer = outer.clone();
        let nfinished = nfinished.clone();
        let cancel = cancel.clone();
        let collect = collect.clone();
        let fut = child.clone();
        let ordered = ordered.clone();
        let name = crate::CallbackName::Static(crate::callback_names::GATHER);
        child.add_named_done_callback_any(
            name,
            Box::new(move || {
                nfinished.set(nfinished.get() + 1);
                if outer.done() {
                    if !fut.cancelled() {
                        // Marks the exception retrieved, as `_done_callback` does.
                        let _ = fut.exception_any();
                    }
                    return;
                }
                if !return_exceptions {
                    if fut.cancelled() {
                        let _ = outer.set_exception(fut.make_cancelled_error_any());
                        return;
                    }
                    if let Some(exc) = fut.exception_any() {
                        let _ = outer.set_exception(exc);
                        return;
                    }
                }
                if nfinished.get() == nfuts {
                    if cancel.cancel_requested.get() {
                        // The last child in argument order decides the message,
                        // as `fut` is the loop variable left from building results.
                        let last = ordered.last().cloned().unwrap_or(fut);
                        let _ = outer.set_exception(last.make_cancelled_error_any());
                    } else {
                        let _ = outer.set_result(collect());
                    }
                }
            }),
        );
    }
    outer.set_cancel_children(cancel);
    outer
}

/// The result of a child for a `return_exceptions` list: its value, its
/// exception, or a `CancelledError` carrying its cancel message.
fn child_outcome<T: Clone + 'static>(fut: &Future<T>) -> Option<PyResult<T>> {
    if fut.cancelled() {
        return Some(Err(Exception::cancelled(Some(fut.cancel_message().as_deref().unwrap_or("")))));
    }
    Some(fut.result())
}

/// The loop a gather runs on, picked as CPython's `gather` picks it: the
/// first child's loop (no running loop is needed), or the running loop when
/// there are no children.
fn gather_loop<T: Clone + 'static>(futures: &[Future<T>]) -> PyResult<EventLoop> {
    match futures.first() {
        None => get_running_loop(),
        Some(first) => first.get_loop().ok_or_else(|| Exception::runtime_error("Event loop is closed")),
    }
}

/// Deduplicate futures as `arg_to_fut` does: identical futures share a child.
/// O(n) with a map keyed by identity. Each distinct future must belong to
/// `event_loop` (`_ensure_future(arg, loop=loop)`).
fn dedup<T: Clone + 'static>(
    event_loop: &EventLoop,
    futures: &[Future<T>],
) -> PyResult<(Vec<Future<T>>, Vec<usize>)> {
    let mut distinct: Vec<Future<T>> = Vec::with_capacity(futures.len());
    let mut index: HashMap<*const (), usize> = HashMap::with_capacity(futures.len());
    let mut order = Vec::with_capacity(futures.len());
    for f in futures {
        let i = match index.entry(f.addr()) {
            Entry::Occupied(seen) => *seen.get(),
            Entry::Vacant(slot) => {
                f.check_loop(event_loop)?;
                distinct.push(f.clone());
                *slot.insert(distinct.len() - 1)
            }
        };
        order.push(i);
    }
    Ok((distinct, order))
}

/// `asyncio.gather(*futures, return_exceptions=True)`:
/// a future of every outcome, in argument order.
///
/// # Cancellation
/// Cancelling the returned future cancels every child; the gather then
/// raises `CancelledError` even with `return_exceptions`.
///
/// # Errors
/// `ValueError` when the futures belong to different loops; `RuntimeError:
/// no running event loop` for no futures outside a loop.
pub fn gather_outcomes<T: Clone + 'static>(futures: &[Future<T>]) -> PyResult<Future<Vec<PyResult<T>>>> {
    gather_on(&gather_loop(futures)?, futures, true, |f| child_outcome(f))
}

/// `asyncio.gather(*futures)`, `return_exceptions=False`: the first exception
/// (or cancellation) of a child propagates at once; otherwise the results in
/// argument order. Duplicate futures are awaited once and appear twice.
///
/// # Cancellation
/// Cancelling the returned future cancels every child.
///
/// # Python
/// Coroutines are wrapped in tasks by the caller (`create_task`), in argument
/// order, as `ensure_future` does; pass the tasks here. The gather belongs
/// to the first future's loop, as CPython's does.
///
/// # Errors
/// `ValueError` when the futures belong to different loops; `RuntimeError:
/// no running event loop` for no futures outside a loop.
pub fn gather<T: Clone + 'static>(futures: &[Future<T>]) -> PyResult<Future<Vec<T>>> {
    // When the list is built every child has a result: a failed or cancelled
    // child would have completed the gather already.
    gather_on(&gather_loop(futures)?, futures, false, |f| f.result().ok())
}

/// `gather` on a given loop: `item` maps each child (in argument order) to an
/// element of the result list, and `None` elements are left out.
///
/// # Errors
/// `ValueError` for a future of another loop (nothing is gathered).
pub fn gather_on<T: Clone + 'static, U>(
    event_loop: &EventLoop,
    futures: &[Future<T>],
    return_exceptions: bool,
    item: impl Fn(&Future<T>) -> U + 'static,
) -> PyResult<Future<Vec<U::Item>>>
where
    U: IntoIterator + Clone + 'static,
    U::Item: Clone + 'static,
{
    let (distinct, order) = dedup(event_loop, futures)?;
    let children: Vec<Rc<dyn AnyFuture>> = distinct.iter().map(Future::as_any).collect();
    let typed = RefCell::new(distinct);
    let order_for_collect = order.clone();
    Ok(gather_core(event_loop, children, order, return_exceptions, move || {
        let typed = typed.borrow();
        order_for_collect.iter().flat_map(|&i| item(&typed[i])).collect()
    }))
}

/// `gather` whose result `collect` builds from every child's outcome, in
/// argument order (a cancelled child's outcome is a `CancelledError` with its
/// message). With `return_exceptions=false` the first failure completes the
/// gather at once, as [`gather`] does; `collect` then never runs.
///
/// # Errors
/// `ValueError` for a future of another loop (nothing is gathered).
pub fn gather_collect<T: Clone + 'static, R: Clone + 'static>(
    event_loop: &EventLoop,
    futures: &[Future<T>],
    return_exceptions: bool,
    collect: impl Fn(Vec<PyResult<T>>) -> R + 'static,
) -> PyResult<Future<R>> {
    let (distinct, order) = dedup(event_loop, futures)?;
    let children: Vec<Rc<dyn AnyFuture>> = distinct.iter().map(Future::as_any).collect();
    let order_for_collect = order.clone();
    Ok(gather_core(event_loop, children, order, return_exceptions, move || {
        collect(order_for_collect.iter().flat_map(|&i| child_outcome(&distinct[i])).collect())
    }))
}

/// `gather(*futures, return_exceptions=True)` over futures of any type,
/// ignoring their results (what `asyncio.run` uses to wait for cancelled
/// tasks).
pub fn gather_any(event_loop: &EventLoop, futures: Vec<Rc<dyn AnyFuture>>) -> Future<()> {
    let order = (0..futures.len()).collect();
    gather_core(event_loop, futures, order, true, || ())
}
