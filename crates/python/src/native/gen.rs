//! Generators and async generators.
//!
//! A generator's body is the same evaluator future as a function's. A
//! `yield` puts its value in the generator's [`GenChannel`] and returns
//! `Pending`; the consumer (`next()` or `__anext__`) polls the body and, when
//! it is pending with a value in the channel, hands the value out. Any other
//! `Pending` of an async generator's body is an engine await (a sleep inside
//! the generator): it suspends the consuming task as it would in Python.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::{AwaitTarget, BoxFut, Native};
use crate::interp::{exc::raise, interp};
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::{Exception, PyResult};

/// Values passed between a generator body and its consumer.
#[derive(Default)]
pub struct GenChannel {
    pub yielded: RefCell<Option<Value>>,
    pub sent: RefCell<Option<Value>>,
    pub thrown: RefCell<Option<Exception>>,
}

/// The future of one `yield value` expression in a body.
pub struct YieldPoint {
    chan: Rc<GenChannel>,
    value: Option<Value>,
}

impl YieldPoint {
    pub fn new(chan: Rc<GenChannel>, value: Value) -> YieldPoint {
        YieldPoint { chan, value: Some(value) }
    }
}

impl StdFuture for YieldPoint {
    type Output = PyResult<Value>;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult<Value>> {
        let me = self.get_mut();
        if let Some(v) = me.value.take() {
            *me.chan.yielded.borrow_mut() = Some(v);
            return Poll::Pending;
        }
        if let Some(e) = me.chan.thrown.borrow_mut().take() {
            return Poll::Ready(Err(e));
        }
        Poll::Ready(Ok(me.chan.sent.borrow_mut().take().unwrap_or(Value::None)))
    }
}

/// State shared by both kinds of generator.
pub struct GenCore {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    body: RefCell<Option<BoxFut>>,
    chan: Rc<GenChannel>,
    finished: Cell<bool>,
    running: Cell<bool>,
}

impl GenCore {
    pub fn new(name: Rc<str>, qualname: Rc<str>, body: BoxFut, chan: Rc<GenChannel>) -> GenCore {
        GenCore {
            name,
            qualname,
            body: RefCell::new(Some(body)),
            chan,
            finished: Cell::new(false),
            running: Cell::new(false),
        }
    }

    /// Polls the body once. `Ready(Ok(Some(v)))`: it yielded v;
    /// `Ready(Ok(None))`: it returned; `Pending`: it awaits an engine future.
    fn poll_body(&self, cx: &mut Context<'_>) -> Poll<PyResult<Option<Value>>> {
        if self.finished.get() {
            return Poll::Ready(Ok(None));
        }
        if self.running.get() {
            return Poll::Ready(raise("ValueError", "generator already executing"));
        }
        let Some(mut body) = self.body.borrow_mut().take() else {
            return Poll::Ready(Ok(None));
        };
        self.running.set(true);
        let out = body.as_mut().poll(cx);
        self.running.set(false);
        match out {
            Poll::Ready(r) => {
                self.finished.set(true);
                Poll::Ready(r.map(|_| None))
            }
            Poll::Pending => {
                *self.body.borrow_mut() = Some(body);
                match self.chan.yielded.borrow_mut().take() {
                    Some(v) => Poll::Ready(Ok(Some(v))),
                    None => Poll::Pending,
                }
            }
        }
    }

    fn close(&self) {
        self.body.borrow_mut().take();
        self.finished.set(true);
    }
}

/// A generator (`def` with `yield`).
pub struct Generator(pub GenCore);

impl Generator {
    /// `next(gen)` / `gen.send(v)`: `Ok(None)` when it returned.
    pub fn resume(&self, sent: Option<Value>) -> PyResult<Option<Value>> {
        *self.0.chan.sent.borrow_mut() = sent;
        let waker = std::task::Waker::noop();
        let mut cx = Context::from_waker(waker);
        match self.0.poll_body(&mut cx) {
            Poll::Ready(r) => r.map_err(|e| {
                if e.is("StopIteration") {
                    Exception::runtime_error("generator raised StopIteration")
                } else {
                    e
                }
            }),
            Poll::Pending => {
                self.0.close();
                raise("RuntimeError", "a generator cannot wait for the event loop here")
            }
        }
    }
}

impl Native for Generator {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("generator")
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<generator object {} at {:#x}>", self.0.qualname, this.id()))
    }
    fn iter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn next(&self) -> Option<PyResult<Option<Value>>> {
        Some(self.resume(None))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let m = match name {
            "send" => super::method::<Generator>("send", this, |g, _, args, _| {
                match g.resume(args.into_iter().next())? {
                    Some(v) => Ok(v),
                    None => raise("StopIteration", ""),
                }
            }),
            "close" => super::method::<Generator>("close", this, |g, _, _, _| {
                g.0.close();
                Ok(Value::None)
            }),
            "__name__" => Value::Str(self.0.name.clone()),
            _ => return None,
        };
        Some(Ok(m))
    }
}

/// An async generator (`async def` with `yield`).
pub struct AsyncGenerator(pub Rc<GenCore>);

impl Native for AsyncGenerator {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("async_generator")
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<async_generator object {} at {:#x}>", self.0.qualname, this.id()))
    }
    fn aiter(&self, this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(this.clone()))
    }
    fn anext(&self, _this: &Value) -> Option<PyResult<Value>> {
        Some(Ok(Value::native(ANext { core: self.0.clone(), started: Cell::new(false) })))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let m = match name {
            "__anext__" => super::method::<AsyncGenerator>("__anext__", this, |g, me, _, _| {
                g.anext(me).unwrap_or_else(|| raise("TypeError", "not an async generator"))
            }),
            "aclose" => super::method::<AsyncGenerator>("aclose", this, |g, _, _, _| {
                g.0.close();
                Ok(Value::native(super::iters::Ready(Value::None)))
            }),
            "__name__" => Value::Str(self.0.name.clone()),
            _ => return None,
        };
        Some(Ok(m))
    }
}

/// The awaitable `__anext__()` returns.
pub struct ANext {
    core: Rc<GenCore>,
    started: Cell<bool>,
}

impl Native for ANext {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("async_generator_asend")
    }
    fn await_target(&self, _this: &Value) -> Option<PyResult<AwaitTarget>> {
        if self.started.replace(true) {
            return Some(raise("RuntimeError", "cannot reuse already awaited __anext__()/asend()"));
        }
        let core = self.core.clone();
        let fut = std::future::poll_fn(move |cx| match core.poll_body(cx) {
            Poll::Ready(Ok(Some(v))) => Poll::Ready(Ok(v)),
            Poll::Ready(Ok(None)) => Poll::Ready(raise("StopAsyncIteration", "")),
            Poll::Ready(Err(e)) => Poll::Ready(Err(if e.is("StopAsyncIteration") {
                Exception::runtime_error("async generator raised StopAsyncIteration")
            } else {
                e
            })),
            Poll::Pending => Poll::Pending,
        });
        Some(Ok(AwaitTarget::Coro(Box::pin(fut))))
    }
}
