//! `yield from iterable` (PEP 380): a generator hands each value of a
//! sub-iterator out, passes what it is sent to the sub-iterator's `send`,
//! what is thrown in to its `throw`, and takes its return value (the
//! StopIteration's `value`) as the value of the expression.

use super::call::call_sync;
use super::exc::{self, raise};
use super::{attr, iter, Frame};
use crate::native::gen::{Generator, YieldPoint};
use crate::value::Value;
use asyncio_engine::{Exception, PyResult};

/// A step of the sub-iterator: it yielded a value, or it finished with the
/// value of the `yield from` expression.
enum Step {
    Yielded(Value),
    Done(Value),
}

/// Runs `yield from it` in the generator of frame `f`.
pub async fn yield_from(iterable: Value, f: &Frame) -> PyResult<Value> {
    let Some(chan) = f.gen.clone() else { return raise("SyntaxError", "'yield' outside function") };
    if let Value::Object(o) = &iterable {
        let coroutine = o.as_any().is::<crate::native::coro::Coroutine>();
        if coroutine && !chan.coroutine.get() {
            return raise("TypeError", "cannot 'yield from' a coroutine object in a non-coroutine generator");
        }
        if attr::awaitable_native(o.as_any()) {
            // A coroutine, future or task, or what their `__await__()`
            // returns, in an `__await__` generator: the task awaits it.
            let target = crate::native::await_iter::wrapped(&iterable).unwrap_or(iterable);
            return super::eval::await_value(target).await;
        }
    }
    let it = iter::iter_object(&iterable)?;
    let mut step = send(&it, Value::None)?;
    loop {
        let y = match step {
            Step::Yielded(y) => y,
            Step::Done(v) => return Ok(v),
        };
        step = match YieldPoint::new(chan.clone(), y).await {
            Ok(sent) => send(&it, sent)?,
            Err(e) if e.is("GeneratorExit") => {
                close(&it)?;
                return Err(e);
            }
            Err(e) => throw(&it, e)?,
        };
    }
}

/// `await` on an iterator an `__await__` returned (not a generator): each
/// value it yields goes to the task or out of `send()` ([`hand_over`]), what
/// comes back goes to its `send` or `throw`.
///
/// [`hand_over`]: super::eval::hand_over
pub async fn drive_iterator(it: Value) -> PyResult<Value> {
    let mut step = send(&it, Value::None)?;
    loop {
        let y = match step {
            Step::Yielded(y) => y,
            Step::Done(v) => return Ok(v),
        };
        step = match super::eval::hand_over(y).await {
            Ok(sent) => send(&it, sent)?,
            Err(e) => throw(&it, e)?,
        };
    }
}

/// A task's steps of a coroutine object of the program's (a
/// `collections.abc.Coroutine`): `coro.send(value)` and `coro.throw(exc)`,
/// as `Task.__step` calls them, each yield handed over as an `__await__`'s.
pub async fn drive_coroutine_object(coro: Value) -> PyResult<Value> {
    let send = attr::getattr(&coro, "send")?;
    let mut step = stopped(call_sync(&send, vec![Value::None], vec![]))?;
    loop {
        let y = match step {
            Step::Yielded(y) => y,
            Step::Done(v) => return Ok(v),
        };
        step = match super::eval::hand_over(y).await {
            Ok(sent) => stopped(call_sync(&send, vec![sent], vec![]))?,
            Err(e) => throw(&coro, e)?,
        };
    }
}

/// `next(it)` when `sent` is None, `it.send(sent)` otherwise.
fn send(it: &Value, sent: Value) -> PyResult<Step> {
    if let Some(g) = it.as_native::<Generator>() {
        return finished(g, g.resume(Some(sent)));
    }
    if !matches!(sent, Value::None) {
        return stopped(call_sync(&attr::getattr(it, "send")?, vec![sent], vec![]));
    }
    match attr::lookup_special(it, "__next__") {
        // A class's `__next__` may return a value with its StopIteration.
        Some(m) => stopped(call_sync(&m, vec![], vec![])),
        None => Ok(match iter::Iter::Object(it.clone()).next()? {
            Some(v) => Step::Yielded(v),
            None => Step::Done(Value::None),
        }),
    }
}

/// `it.throw(e)`; without a `throw` method, `e` is raised here.
fn throw(it: &Value, e: Exception) -> PyResult<Step> {
    if let Some(g) = it.as_native::<Generator>() {
        return finished(g, g.throw(e));
    }
    match attr::getattr(it, "throw") {
        Ok(m) => stopped(call_sync(&m, vec![Value::Instance(exc::instance(&e))], vec![])),
        Err(_) => Err(e),
    }
}

/// `it.close()`, when it has one.
fn close(it: &Value) -> PyResult<()> {
    if let Some(g) = it.as_native::<Generator>() {
        return g.close();
    }
    match attr::getattr(it, "close") {
        Ok(m) => call_sync(&m, vec![], vec![]).map(|_| ()),
        Err(_) => Ok(()),
    }
}

/// A generator's step: its return value when it finished.
fn finished(g: &Generator, r: PyResult<Option<Value>>) -> PyResult<Step> {
    Ok(match r? {
        Some(v) => Step::Yielded(v),
        None => Step::Done(g.take_returned()),
    })
}

/// A method's result, or the value of the StopIteration it raised.
fn stopped(r: PyResult<Value>) -> PyResult<Step> {
    match r {
        Ok(v) => Ok(Step::Yielded(v)),
        Err(e) if exc::matches(&e, &super::interp().types.exception_named("StopIteration")) => {
            let args = exc::instance(&e).exc.as_ref().map(|d| d.args.borrow().first().cloned());
            Ok(Step::Done(args.flatten().unwrap_or(Value::None)))
        }
        Err(e) => Err(e),
    }
}
