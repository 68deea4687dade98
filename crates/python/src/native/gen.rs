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
    /// A `types.coroutine` generator's: it may `yield from` a coroutine.
    pub coroutine: Cell<bool>,
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
    /// An async generator resumed by an awaitable of it that has not yielded
    /// or ended yet, its awaits included (CPython's `ag_running_async`):
    /// another awaitable of it cannot start meanwhile.
    running_async: Cell<bool>,
    /// It has run (an async generator that started must be closed: `aclose()`).
    started: Cell<bool>,
    /// A generator's `return` value (for its StopIteration).
    pub returned: RefCell<Option<Value>>,
    /// Made by a `types.coroutine` function: `await` takes it.
    pub iterable_coroutine: Cell<bool>,
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
            running_async: Cell::new(false),
            started: Cell::new(false),
            returned: RefCell::new(None),
            iterable_coroutine: Cell::new(false),
        }
    }

    /// Polls the body once. `Ready(Ok(Some(v)))`: it yielded v;
    /// `Ready(Ok(None))`: it returned; `Pending`: it awaits an engine future.
    pub fn poll_body(&self, cx: &mut Context<'_>) -> Poll<PyResult<Option<Value>>> {
        if self.finished.get() {
            return Poll::Ready(Ok(None));
        }
        if self.running.get() {
            return Poll::Ready(raise("ValueError", "generator already executing"));
        }
        let Some(mut body) = self.body.borrow_mut().take() else {
            return Poll::Ready(Ok(None));
        };
        self.started.set(true);
        self.running.set(true);
        let out = body.as_mut().poll(cx);
        self.running.set(false);
        match out {
            Poll::Ready(r) => {
                self.finished.set(true);
                Poll::Ready(r.map(|v| {
                    *self.returned.borrow_mut() = Some(v);
                    None
                }))
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

    /// [`poll_body`](Self::poll_body) for an awaitable of an async
    /// generator: it is running (`ag_running`) until it yields or ends.
    fn poll_async(&self, cx: &mut Context<'_>) -> Poll<PyResult<Option<Value>>> {
        self.running_async.set(true);
        let out = self.poll_body(cx);
        if out.is_ready() {
            self.running_async.set(false);
        }
        out
    }

    /// The error for awaitable `what` (`anext`, `athrow`, `aclose`) of an
    /// async generator another awaitable is running.
    fn already_running(&self, what: &str) -> PyResult<()> {
        if self.running_async.get() {
            return raise("RuntimeError", format!("{what}(): asynchronous generator is already running"));
        }
        Ok(())
    }

    fn close(&self) {
        self.body.borrow_mut().take();
        self.finished.set(true);
    }

    /// Makes the `yield` the body waits at raise `e` when it is polled next.
    pub fn throw_in(&self, e: Exception) {
        *self.chan.thrown.borrow_mut() = Some(e);
    }

    /// Started and not finished: `aclose()` has work to do.
    pub fn is_suspended(&self) -> bool {
        self.started.get() && !self.finished.get()
    }

    /// `agen.aclose()`: throws GeneratorExit in at the `yield` it waits at
    /// and runs its `finally` blocks (which may await).
    pub fn aclose(self: &Rc<Self>) -> BoxFut {
        let core = self.clone();
        if !core.is_suspended() {
            core.close();
            return Box::pin(async { Ok(Value::None) });
        }
        let mut first = true;
        Box::pin(std::future::poll_fn(move |cx| {
            if std::mem::take(&mut first) {
                if let Err(e) = core.already_running("aclose") {
                    return Poll::Ready(Err(e));
                }
                *core.chan.thrown.borrow_mut() = Some(Exception::new("GeneratorExit", ""));
            }
            core.close_step(cx)
        }))
    }

    /// One step of `aclose()` once GeneratorExit is thrown in.
    fn close_step(&self, cx: &mut Context<'_>) -> Poll<PyResult<Value>> {
        match self.poll_async(cx) {
            Poll::Ready(Ok(Some(_))) => {
                self.close();
                Poll::Ready(raise("RuntimeError", "async generator ignored GeneratorExit"))
            }
            Poll::Ready(Ok(None)) => Poll::Ready(Ok(Value::None)),
            Poll::Ready(Err(e)) if e.is("GeneratorExit") => Poll::Ready(Ok(Value::None)),
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => Poll::Pending,
        }
    }
}

thread_local! {
    /// Async generators that have started, for `asyncio.run`'s `shutdown_asyncgens`.
    static ASYNC_GENS: std::cell::RefCell<Vec<std::rc::Weak<GenCore>>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Garbage async generators whose closing task is scheduled (kept alive
    /// until they are closed, as the closing coroutine keeps them in CPython).
    static FINALIZING: std::cell::RefCell<Vec<Rc<GenCore>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Registers an async generator (its first `__anext__`).
fn track(core: &Rc<GenCore>) {
    ASYNC_GENS.with(|g| {
        let mut g = g.borrow_mut();
        g.retain(|w| w.upgrade().is_some_and(|c| !c.finished.get()));
        if !g.iter().any(|w| std::ptr::eq(w.as_ptr(), Rc::as_ptr(core))) {
            g.push(Rc::downgrade(core));
        }
    });
}

/// The async generators still suspended (they are then forgotten).
pub fn take_suspended_async_gens() -> Vec<Rc<GenCore>> {
    let mut out: Vec<Rc<GenCore>> =
        ASYNC_GENS.with(|g| g.borrow_mut().drain(..).filter_map(|w| w.upgrade()).collect());
    for core in FINALIZING.with(|f| std::mem::take(&mut *f.borrow_mut())) {
        if !out.iter().any(|c| Rc::ptr_eq(c, &core)) {
            out.push(core);
        }
    }
    out.retain(|c| c.is_suspended());
    out
}

/// A generator (`def` with `yield`).
pub struct Generator(pub Rc<GenCore>);

thread_local! {
    /// Generators that became garbage while suspended: closed at the next
    /// statement (a safe point: no borrow of the program's objects is held).
    static TO_CLOSE: std::cell::RefCell<Vec<Rc<GenCore>>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Async generators whose closing task was cancelled before it ran
    /// (see `Finalize`): CancelledError is thrown in at the next statement.
    static TO_CANCEL: std::cell::RefCell<Vec<Rc<GenCore>>> = const { std::cell::RefCell::new(Vec::new()) };
    static ANY_TO_CLOSE: Cell<bool> = const { Cell::new(false) };
    /// Set while a finished program's objects are freed: nothing of it may run.
    static DISCARDING: Cell<bool> = const { Cell::new(false) };
}

/// True while a finished program's objects are freed (nothing of it may run).
pub fn is_discarding() -> bool {
    DISCARDING.with(Cell::get)
}

/// Runs `f` (which frees a finished program's objects) so that generators
/// becoming garbage in it are dropped without running their `finally`
/// blocks, also those still waiting to be closed: no code of that program
/// may run later, in another program's output.
pub fn discarding<R>(f: impl FnOnce() -> R) -> R {
    let was = DISCARDING.with(|d| d.replace(true));
    let out = f();
    loop {
        let garbage = TO_CLOSE.with(|t| std::mem::take(&mut *t.borrow_mut()));
        if garbage.is_empty() {
            break;
        }
        garbage.iter().for_each(|core| core.close());
    }
    TO_CANCEL.with(|t| std::mem::take(&mut *t.borrow_mut())).iter().for_each(|core| core.close());
    ANY_TO_CLOSE.with(|a| a.set(false));
    DISCARDING.with(|d| d.set(was));
    out
}

/// Closes the generators that became garbage (their `finally` blocks run),
/// and throws CancelledError into the async ones whose closing task was
/// cancelled before it ran.
#[inline]
pub fn close_garbage() {
    if ANY_TO_CLOSE.with(Cell::get) {
        ANY_TO_CLOSE.with(|a| a.set(false));
        for core in TO_CLOSE.with(|t| std::mem::take(&mut *t.borrow_mut())) {
            let _ = close_sync(&core, "GeneratorExit");
        }
        for core in TO_CANCEL.with(|t| std::mem::take(&mut *t.borrow_mut())) {
            let _ = close_sync(&core, "CancelledError");
        }
    }
}

/// `gen.close()` (GeneratorExit at the `yield`), or another exception
/// thrown in and the generator closed; `finally` blocks run.
fn close_sync(core: &GenCore, exc_type: &str) -> PyResult<()> {
    if !core.is_suspended() {
        core.close();
        return Ok(());
    }
    *core.chan.thrown.borrow_mut() = Some(Exception::new(exc_type, ""));
    let mut cx = Context::from_waker(std::task::Waker::noop());
    let out = core.poll_body(&mut cx);
    core.close();
    match out {
        Poll::Ready(Ok(Some(_))) => raise("RuntimeError", "generator ignored GeneratorExit"),
        Poll::Ready(Err(e)) if !e.is("GeneratorExit") => Err(e),
        _ => Ok(()),
    }
}

impl Generator {
    /// `next(gen)` / `gen.send(v)`: `Ok(None)` when it returned (its value
    /// is then [`GenCore::returned`]).
    pub fn resume(&self, sent: Option<Value>) -> PyResult<Option<Value>> {
        *self.0.chan.sent.borrow_mut() = sent;
        let waker = std::task::Waker::noop();
        let mut cx = Context::from_waker(waker);
        match self.poll_awaited(&mut cx) {
            Poll::Ready(r) => r,
            Poll::Pending => {
                self.0.close();
                raise("RuntimeError", "a generator cannot wait for the event loop here")
            }
        }
    }

    /// Polls the body of a generator a task drives (an `__await__`
    /// generator): `Pending` when it awaits an engine future (a `yield from`
    /// of a coroutine or future).
    pub fn poll_awaited(&self, cx: &mut Context<'_>) -> Poll<PyResult<Option<Value>>> {
        self.0.poll_body(cx).map_err(|e| {
            if e.is("StopIteration") {
                crate::interp::exc::from_cause(&e, "generator raised StopIteration")
            } else {
                e
            }
        })
    }

    /// Made by a `types.coroutine` function: `await` takes it.
    pub fn is_iterable_coroutine(&self) -> bool {
        self.0.iterable_coroutine.get()
    }

    /// What the generator's `yield` gets when it is polled next: the value
    /// sent in, or the exception thrown in (`Err`).
    pub fn feed(&self, input: PyResult<Value>) {
        match input {
            Ok(v) => *self.0.chan.sent.borrow_mut() = Some(v),
            Err(e) => *self.0.chan.thrown.borrow_mut() = Some(e),
        }
    }

    /// `gen.throw(e)`: raises `e` at the `yield` the generator waits at.
    /// Thrown into a generator that has not started or has ended, it ends it
    /// and comes straight back out.
    pub fn throw(&self, e: Exception) -> PyResult<Option<Value>> {
        if !self.0.started.get() || self.0.finished.get() {
            self.0.close();
            return Err(e);
        }
        *self.0.chan.thrown.borrow_mut() = Some(e);
        self.resume(None)
    }

    /// `gen.close()`: GeneratorExit at its `yield`; its `finally` blocks run.
    pub fn close(&self) -> PyResult<()> {
        close_sync(&self.0, "GeneratorExit")
    }

    /// What a finished generator returned.
    pub fn take_returned(&self) -> Value {
        self.0.returned.borrow_mut().take().unwrap_or(Value::None)
    }

    /// The StopIteration a finished generator raises (carrying its return value).
    pub fn stop(&self) -> Exception {
        crate::interp::exc::stop_iteration(self.take_returned())
    }
}

impl Drop for Generator {
    /// A generator that is garbage while suspended is closed, as CPython's
    /// reference counting does (at the next statement here).
    fn drop(&mut self) {
        if self.0.is_suspended() && DISCARDING.with(Cell::get) {
            self.0.close();
        } else if self.0.is_suspended() {
            TO_CLOSE.with(|t| t.borrow_mut().push(self.0.clone()));
            ANY_TO_CLOSE.with(|a| a.set(true));
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
                let v = args.into_iter().next();
                if !g.0.started.get() && !matches!(v, None | Some(Value::None)) {
                    return raise("TypeError", "can't send non-None value to a just-started generator");
                }
                match g.resume(v)? {
                    Some(v) => Ok(v),
                    None => Err(g.stop()),
                }
            }),
            "__next__" => {
                super::method::<Generator>("__next__", this, |g, _, _, _| match g.resume(None)? {
                    Some(v) => Ok(v),
                    None => Err(g.stop()),
                })
            }
            "throw" => super::method::<Generator>("throw", this, |g, _, args, _| {
                match g.throw(thrown("throw", &args)?)? {
                    Some(v) => Ok(v),
                    None => Err(g.stop()),
                }
            }),
            "close" => super::method::<Generator>("close", this, |g, _, _, _| g.close().map(|_| Value::None)),
            "__name__" => Value::Str(self.0.name.clone()),
            "__qualname__" => Value::Str(self.0.qualname.clone()),
            "gi_running" => Value::Bool(self.0.running.get()),
            "gi_suspended" => Value::Bool(self.0.is_suspended() && !self.0.running.get()),
            _ => return None,
        };
        Some(Ok(m))
    }
}

/// The exception `throw(typ, val=None, tb=None)` raises in a generator, as
/// CPython makes it: an exception class is called with `val` (a tuple of
/// arguments, an instance of it as is, or one argument).
pub(crate) fn thrown(method: &str, args: &[Value]) -> PyResult<Exception> {
    use crate::interp::{attr, call::call_sync, exc, text};
    if args.len() > 3 {
        return raise("TypeError", format!("{method} expected at most 3 arguments, got {}", args.len()));
    }
    let Some(typ) = args.first() else {
        return raise("TypeError", format!("{method} expected at least 1 argument, got 0"));
    };
    if !matches!(args.get(2), None | Some(Value::None)) {
        return raise("TypeError", format!("{method}() third argument must be a traceback object"));
    }
    let val = args.get(1).filter(|v| !matches!(v, Value::None));
    let inst = match typ {
        Value::Class(c) if c.is_exception => match val {
            Some(v) if attr::isinstance(v, c) => v.clone(),
            Some(Value::Tuple(t)) => call_sync(typ, t.to_vec(), vec![])?,
            Some(v) => call_sync(typ, vec![v.clone()], vec![])?,
            None => call_sync(typ, vec![], vec![])?,
        },
        Value::Instance(i) if i.exc.is_some() => {
            if val.is_some() {
                return raise("TypeError", "instance exception may not have a separate value");
            }
            typ.clone()
        }
        other => {
            return raise(
                "TypeError",
                format!(
                    "exceptions must be classes or instances deriving from BaseException, not {}",
                    text::type_name(other)
                ),
            )
        }
    };
    match &inst {
        Value::Instance(i) if i.exc.is_some() => Ok(exc::to_engine(i)),
        other => raise(
            "TypeError",
            format!(
                "calling {} should have returned an instance of BaseException, not {}",
                text::repr(typ)?,
                text::type_name(other)
            ),
        ),
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
        Some(Ok(self.resumed_with(None)))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let m = match name {
            "__anext__" => super::method::<AsyncGenerator>("__anext__", this, |g, me, _, _| {
                g.anext(me).unwrap_or_else(|| raise("TypeError", "not an async generator"))
            }),
            "asend" => super::method::<AsyncGenerator>("asend", this, |g, _, args, _| {
                let [v] = <[Value; 1]>::try_from(args).map_err(|a| {
                    Exception::type_error(format!("asend() takes exactly one argument ({} given)", a.len()))
                })?;
                if !g.0.started.get() && !matches!(v, Value::None) {
                    return raise("TypeError", "can't send non-None value to a just-started async generator");
                }
                Ok(g.resumed_with(Some(Resume::Send(v))))
            }),
            "athrow" => super::method::<AsyncGenerator>("athrow", this, |g, _, args, _| {
                Ok(g.resumed_with(Some(Resume::Throw(thrown("athrow", &args)?))))
            }),
            "aclose" => super::method::<AsyncGenerator>("aclose", this, |g, _, _, _| {
                let fut = g.0.aclose();
                let name: Rc<str> = Rc::from("aclose");
                Ok(Value::native(super::coro::Coroutine::new(
                    name.clone(),
                    name,
                    vec![],
                    vec![],
                    Rc::from("<asyncio>"),
                    fut,
                )))
            }),
            "__name__" => Value::Str(self.0.name.clone()),
            "__qualname__" => Value::Str(self.0.qualname.clone()),
            "ag_running" => Value::Bool(self.0.running.get() || self.0.running_async.get()),
            _ => return None,
        };
        Some(Ok(m))
    }
}

impl AsyncGenerator {
    /// The awaitable of `__anext__()`, or of `asend(v)` / `athrow(e)` resuming with `how`.
    fn resumed_with(&self, how: Option<Resume>) -> Value {
        track(&self.0);
        Value::native(ANext { core: self.0.clone(), started: Cell::new(false), input: RefCell::new(how) })
    }
}

/// What `asend`/`athrow` resume an async generator with.
enum Resume {
    Send(Value),
    Throw(Exception),
}

impl Drop for AsyncGenerator {
    /// CPython's async generator finalizer: an async generator that started
    /// and is garbage now is closed in a task the loop creates soon.
    fn drop(&mut self) {
        if !self.0.is_suspended() {
            return;
        }
        if crate::interp::try_interp().is_none() {
            return;
        }
        let Ok(lp) = asyncio_engine::get_running_loop() else { return };
        let core = self.0.clone();
        FINALIZING.with(|f| f.borrow_mut().push(core.clone()));
        let target = lp.clone();
        let _ = lp.call_soon(move || {
            let closing = Finalize { core, closing: None, thrown_first: false };
            if let Ok(task) = target.create_task(Box::pin(closing) as BoxFut) {
                task.runs_when_thrown_unstarted();
                // It runs CPython's `aclose()` awaitable, which has no name.
                let name = "<async_generator_athrow without __name__>";
                crate::modules::asyncio::futures::name_task_coro(&task.as_any_task(), name);
            }
        });
    }
}

/// The finalizer's closing task: `aclose()` once the task steps. A task
/// cancelled before its first step (`asyncio.run` cancels what is left)
/// throws CancelledError into the generator instead, as CPython's throws
/// it into the unstarted `aclose()`: its `finally` runs, and if it awaits,
/// the task's next step is `aclose()`'s first `send()`, which throws
/// GeneratorExit in where the generator awaits.
struct Finalize {
    core: Rc<GenCore>,
    closing: Option<BoxFut>,
    /// An exception was thrown in before `aclose()` started.
    thrown_first: bool,
}

impl StdFuture for Finalize {
    type Output = PyResult<Value>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.closing.is_none() {
            if let Some(exc) = asyncio_engine::step_ctx::take_throw() {
                // `throw()` on the unstarted `aclose()`: into the generator,
                // at its `yield` the first time, then where it awaits.
                if self.thrown_first {
                    asyncio_engine::step_ctx::set_throw(exc);
                } else {
                    self.thrown_first = true;
                    self.core.throw_in(exc);
                }
                return self.core.close_step(cx);
            }
            if self.thrown_first {
                // Its first `send()`: GeneratorExit, where the generator awaits.
                asyncio_engine::step_ctx::set_throw(Exception::new("GeneratorExit", ""));
                let core = self.core.clone();
                self.closing = Some(Box::pin(std::future::poll_fn(move |cx| core.close_step(cx))));
            }
        }
        let core = self.core.clone();
        self.closing.get_or_insert_with(|| core.aclose()).as_mut().poll(cx)
    }
}

impl Drop for Finalize {
    fn drop(&mut self) {
        if self.closing.is_none()
            && !self.thrown_first
            && self.core.is_suspended()
            && !DISCARDING.with(Cell::get)
        {
            if asyncio_engine::current_task().is_some() {
                // Its task's first step is throwing CancelledError in (the
                // engine drops a body that never started): CPython's
                // unstarted aclose() throws it into the generator, in that
                // step, so its `finally` runs in the closing task.
                let _ = close_sync(&self.core, "CancelledError");
                return;
            }
            TO_CANCEL.with(|t| t.borrow_mut().push(self.core.clone()));
            ANY_TO_CLOSE.with(|a| a.set(true));
        }
    }
}

/// The awaitable `__anext__()`, `asend()` and `athrow()` return.
pub struct ANext {
    core: Rc<GenCore>,
    started: Cell<bool>,
    input: RefCell<Option<Resume>>,
}

impl Native for ANext {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("async_generator_asend")
    }
    fn await_target(&self, _this: &Value) -> Option<PyResult<AwaitTarget>> {
        Some(self.start().map(AwaitTarget::Coro))
    }
}

impl ANext {
    /// The body a task runs for it: asyncio takes these awaitables for
    /// coroutines (they have `send`, `throw` and `close`), so
    /// `create_task(anext(agen))` runs one; a failure to start fails the task.
    pub fn body_for_task(&self) -> BoxFut {
        match self.start() {
            Ok(body) => body,
            Err(e) => Box::pin(async move { Err(e) }),
        }
    }

    /// Starts resuming the generator: the future of what it yields next.
    fn start(&self) -> PyResult<BoxFut> {
        if self.started.replace(true) {
            return raise("RuntimeError", "cannot reuse already awaited __anext__()/asend()");
        }
        let what = if matches!(*self.input.borrow(), Some(Resume::Throw(_))) { "athrow" } else { "anext" };
        self.core.already_running(what)?;
        match self.input.borrow_mut().take() {
            Some(Resume::Send(v)) => *self.core.chan.sent.borrow_mut() = Some(v),
            // Thrown into a generator that ended or was closed: 3.11's
            // `athrow()` gives None.
            Some(Resume::Throw(_)) if self.core.finished.get() => {
                return Ok(Box::pin(async { Ok(Value::None) }))
            }
            // Thrown into a generator that has not started, it ends it.
            Some(Resume::Throw(e)) if !self.core.started.get() => {
                self.core.close();
                return Err(e);
            }
            Some(Resume::Throw(e)) => *self.core.chan.thrown.borrow_mut() = Some(e),
            None => {}
        }
        let core = self.core.clone();
        let fut = std::future::poll_fn(move |cx| match core.poll_async(cx) {
            Poll::Ready(Ok(Some(v))) => Poll::Ready(Ok(v)),
            Poll::Ready(Ok(None)) => Poll::Ready(raise("StopAsyncIteration", "")),
            Poll::Ready(Err(e)) => Poll::Ready(Err(if e.is("StopAsyncIteration") {
                crate::interp::exc::from_cause(&e, "async generator raised StopAsyncIteration")
            } else if e.is("StopIteration") {
                crate::interp::exc::from_cause(&e, "async generator raised StopIteration")
            } else {
                e
            })),
            Poll::Pending => Poll::Pending,
        });
        Ok(Box::pin(fut))
    }
}
