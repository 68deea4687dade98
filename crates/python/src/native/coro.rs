//! Coroutine objects: what calling an `async def` returns.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;

use super::gen::GenChannel;
use super::{AwaitTarget, Native};
use crate::interp::{exc::raise, interp};
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::{step_ctx, Exception, PyResult, Yield};

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
    /// The frame its body runs in (a function's; none for asyncio's own).
    frame: RefCell<std::rc::Weak<crate::interp::Frame>>,
    /// The program's line that made it, for the never-awaited warning.
    made_at: u32,
    /// For one of asyncio's own: the line of its source it runs at once
    /// started (0 before), which its body sets ([`Coroutine::asyncio`]).
    running_line: Option<Rc<Cell<u32>>>,
    /// Once the program drives it by hand (`send`, `throw`).
    driven: RefCell<Option<Box<Driven>>>,
}

/// A coroutine the program drives by hand, as a generator: `send(v)` runs
/// it to its next suspension and returns what it yielded there.
struct Driven {
    /// Where a yield deep in its awaits (an `__await__` generator's) puts
    /// its value, and finds what was sent or thrown in.
    chan: Rc<GenChannel>,
    /// It is suspended in one of the engine's awaitables (`sleep(0)`, a
    /// future), not at a yield of the program's.
    in_engine: bool,
    running: bool,
    finished: bool,
}

/// What `send()` or `throw()` hands a coroutine.
pub enum Input {
    Send(Value),
    Throw(Exception),
}

thread_local! {
    /// The coroutines `send()`/`throw()` are running, innermost last.
    static DRIVEN: RefCell<Vec<Rc<GenChannel>>> = const { RefCell::new(Vec::new()) };
    /// The asyncio future a driven coroutine awaited last: `send()` hands it
    /// out when the coroutine suspends on it, as CPython's `Future.__await__`
    /// yields itself.
    static AWAITED: RefCell<Option<Value>> = const { RefCell::new(None) };
}

/// The channel of the coroutine `send()` is running, if any. (Tasks are
/// stepped only by the program's driver, never inside a `send()`.)
pub fn driven_channel() -> Option<Rc<GenChannel>> {
    DRIVEN.with(|d| d.borrow().last().cloned())
}

/// `await v` of an asyncio future or task: remembered for `send()`.
pub fn note_awaited(v: &Value) {
    if driven_channel().is_some() {
        AWAITED.with(|a| *a.borrow_mut() = Some(v.clone()));
    }
}

thread_local! {
    /// The line of the program's latest call (see [`note_call_line`]).
    static CALL_LINE: Cell<u32> = const { Cell::new(0) };
}

/// The program is calling something on `line`: a coroutine made by the
/// call remembers it, for the warning if it is never awaited (CPython names
/// the line that dropped it; a coroutine is nearly always dropped on the
/// line that made it, `fetch()` without `await`).
pub fn note_call_line(line: u32) {
    CALL_LINE.with(|c| c.set(line));
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
            frame: RefCell::new(std::rc::Weak::new()),
            made_at: CALL_LINE.with(Cell::get),
            running_line: None,
            driven: RefCell::new(None),
        }
    }

    /// One of asyncio's own coroutines, as CPython's reprs show it: defined
    /// at `file:line` of CPython's source, running at `waits_at` once its
    /// body has started.
    pub fn asyncio(
        qualname: Rc<str>,
        name: Rc<str>,
        defined_at: Rc<str>,
        waits_at: u32,
        body: BoxFut,
    ) -> Coroutine {
        let running_line = Rc::new(Cell::new(0));
        let line = running_line.clone();
        let mut body = body;
        let started = Box::pin(std::future::poll_fn(move |cx| {
            line.set(waits_at);
            body.as_mut().poll(cx)
        }));
        let mut coro = Coroutine::new(name, qualname, vec![], vec![], defined_at, started);
        coro.running_line = Some(running_line);
        coro
    }

    /// The frame the body runs in, for [`describe`](Self::describe).
    pub fn set_frame(&self, frame: &Rc<crate::interp::Frame>) {
        *self.frame.borrow_mut() = Rc::downgrade(frame);
    }

    /// CPython's `_format_coroutine`: `W.run() running at f.py:3` (the line
    /// it is suspended at, or its `def` before it starts), or `W.run() done,
    /// defined at f.py:2` once `done`.
    pub fn describe(&self, done: bool) -> String {
        if done {
            return format!("{}() done, defined at {}", self.qualname, self.defined_at);
        }
        let line = self.frame.borrow().upgrade().map(|f| f.line.get()).filter(|l| *l > 0).or(self
            .running_line
            .as_ref()
            .map(|l| l.get())
            .filter(|l| *l > 0));
        match (line, self.defined_at.rsplit_once(':')) {
            (Some(line), Some((file, _))) => format!("{}() running at {file}:{line}", self.qualname),
            _ => format!("{}() running at {}", self.qualname, self.defined_at),
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
        if self.driven.borrow().as_ref().is_some_and(|d| !d.finished) {
            // Suspended in an await where `send()` left it.
            return raise("RuntimeError", "coroutine is being awaited already");
        }
        match self.body.borrow_mut().take() {
            Some(b) => {
                self.awaited.set(true);
                Ok(b)
            }
            // `aclose()`'s awaitable is not a coroutine in CPython.
            None if &*self.defined_at == "<asyncio>" && &*self.name == "aclose" => {
                raise("RuntimeError", "cannot reuse already awaited aclose()/athrow()")
            }
            // A task or another await runs it and it waits in an await.
            None if self.has_run() => raise("RuntimeError", "coroutine is being awaited already"),
            None => raise("RuntimeError", "cannot reuse already awaited coroutine"),
        }
    }

    /// The body for a task to run. A coroutine already taken makes a task
    /// that fails at its first step, as CPython's does (`send()` on it
    /// raises there, not in `create_task`).
    pub fn take_for_task(&self) -> BoxFut {
        match self.take() {
            Ok(b) => b,
            Err(e) => Box::pin(async move { Err(e) }),
        }
    }

    /// Its body has run (a task's coroutine that never had a step has not).
    pub fn has_run(&self) -> bool {
        self.frame.borrow().upgrade().is_some_and(|f| f.line.get() > 0)
    }

    pub fn was_started(&self) -> bool {
        self.awaited.get()
    }

    /// `coro.close()`: a coroutine suspended where `send()` left it gets
    /// GeneratorExit there (its `finally` blocks run); any other just lets
    /// its body go.
    pub fn close(&self) -> PyResult<()> {
        let suspended = self.driven.borrow().as_ref().is_some_and(|d| !d.finished && !d.running);
        if !suspended {
            self.body.borrow_mut().take();
            return Ok(());
        }
        match self.drive(Input::Throw(Exception::new("GeneratorExit", ""))) {
            Ok(_) => raise("RuntimeError", "coroutine ignored GeneratorExit"),
            Err(e) if e.is("GeneratorExit") || e.is("StopIteration") => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// `coro.send(v)` / `coro.throw(e)`: runs the body to its next
    /// suspension. `Ok`: what it yielded there (None for `sleep(0)`, the
    /// future it awaits); `Err`: StopIteration with its result, or what it
    /// raised.
    pub fn drive(&self, input: Input) -> PyResult<Value> {
        if self.driven.borrow().as_ref().is_some_and(|d| d.running) {
            return raise("ValueError", "coroutine already executing");
        }
        let started = self.awaited.get();
        let Some(mut body) = self.body.borrow_mut().take() else {
            return match input {
                Input::Throw(e) if self.driven.borrow().as_ref().is_some_and(|d| d.finished) => Err(e),
                _ => raise("RuntimeError", "cannot reuse already awaited coroutine"),
            };
        };
        self.awaited.set(true);
        if !started {
            match input {
                Input::Send(Value::None) => {}
                Input::Send(_) => {
                    *self.body.borrow_mut() = Some(body);
                    self.awaited.set(false);
                    return raise("TypeError", "can't send non-None value to a just-started coroutine");
                }
                // Thrown in before it starts: it ends without running.
                Input::Throw(e) => return Err(self.finish(e)),
            }
        }
        let chan = {
            let mut d = self.driven_state();
            match input {
                Input::Send(v) => *d.chan.sent.borrow_mut() = Some(v),
                Input::Throw(e) if d.in_engine => step_ctx::set_throw(e),
                Input::Throw(e) => *d.chan.thrown.borrow_mut() = Some(e),
            }
            d.running = true;
            d.chan.clone()
        };
        AWAITED.with(|a| a.borrow_mut().take());
        DRIVEN.with(|d| d.borrow_mut().push(chan.clone()));
        let out = body.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
        DRIVEN.with(|d| d.borrow_mut().pop());
        let engine_yield = step_ctx::take_yield();
        let _ = step_ctx::take_throw();
        chan.sent.borrow_mut().take();
        if let Some(d) = self.driven.borrow_mut().as_mut() {
            d.running = false;
        }
        match out {
            std::task::Poll::Ready(Ok(v)) => Err(self.finish(crate::interp::exc::stop_iteration(v))),
            std::task::Poll::Ready(Err(e)) if e.is("StopIteration") => {
                Err(self.finish(crate::interp::exc::from_cause(&e, "coroutine raised StopIteration")))
            }
            std::task::Poll::Ready(Err(e)) => Err(self.finish(e)),
            std::task::Poll::Pending => {
                *self.body.borrow_mut() = Some(body);
                let yielded = chan.yielded.borrow_mut().take();
                let in_engine = yielded.is_none();
                if let Some(d) = self.driven.borrow_mut().as_mut() {
                    d.in_engine = in_engine;
                }
                match (yielded, engine_yield) {
                    (Some(v), _) => Ok(v),
                    (None, Yield::Bare) => Ok(Value::None),
                    (None, Yield::Future(_)) => match AWAITED.with(|a| a.borrow_mut().take()) {
                        Some(fut) => Ok(fut),
                        None => raise(
                            "NotImplementedError",
                            "not supported in the playground: send() to a coroutine suspended in one of \
                             asyncio's own futures (asyncio.sleep() with a delay, a lock, a queue)",
                        ),
                    },
                    (None, Yield::Nothing) => {
                        raise("RuntimeError", "the coroutine suspended without yielding")
                    }
                }
            }
        }
    }

    /// Its state as a coroutine driven by hand (made on first use).
    fn driven_state(&self) -> std::cell::RefMut<'_, Driven> {
        std::cell::RefMut::map(self.driven.borrow_mut(), |d| {
            &mut **d.get_or_insert_with(|| {
                Box::new(Driven { chan: Rc::default(), in_engine: false, running: false, finished: false })
            })
        })
    }

    /// The driven coroutine ended with `e` (its StopIteration, or what it raised).
    fn finish(&self, e: Exception) -> Exception {
        self.driven_state().finished = true;
        e
    }
}

/// A coroutine dropped without running: CPython's `RuntimeWarning` on
/// stderr, the classic missing `await`.
impl Drop for Coroutine {
    fn drop(&mut self) {
        if self.body.get_mut().is_none() || self.awaited.get() {
            return;
        }
        let Some(it) = crate::interp::try_interp() else { return };
        if it.stopped.borrow().is_some() {
            return;
        }
        let main = it.main_module.borrow().clone();
        let Some(main) = main else { return };
        let line = self.made_at;
        // Once per coroutine and line, as the warnings' default filter shows it.
        let key = (self.qualname.clone(), line);
        if it.unawaited_shown.borrow().contains(&key) {
            return;
        }
        it.unawaited_shown.borrow_mut().push(key);
        let source = main.source.get((line as usize).wrapping_sub(1)).map_or("", |l| l.trim());
        it.host.write_stderr(&format!(
            "{}:{line}: RuntimeWarning: coroutine '{}' was never awaited\n  {source}\n\
             RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
            main.filename, self.qualname
        ));
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
                c.close().map(|_| Value::None)
            }))),
            "send" => Some(Ok(super::method::<Coroutine>("send", this, |c, _, args, _| {
                let [v] = <[Value; 1]>::try_from(args).map_err(|a| {
                    Exception::new(
                        "TypeError",
                        format!("coroutine.send() takes exactly one argument ({} given)", a.len()),
                    )
                })?;
                c.drive(Input::Send(v))
            }))),
            "throw" => Some(Ok(super::method::<Coroutine>("throw", this, |c, _, args, _| {
                c.drive(Input::Throw(super::gen::thrown("throw", &args)?))
            }))),
            "cr_running" => Some(Ok(Value::Bool(self.driven.borrow().as_ref().is_some_and(|d| d.running)))),
            "cr_suspended" => Some(Ok(Value::Bool(
                self.driven.borrow().as_ref().is_some_and(|d| !d.running && !d.finished),
            ))),
            _ => None,
        }
    }
}
