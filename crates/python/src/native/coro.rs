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
    /// The frame its body runs in (a function's; none for asyncio's own).
    frame: RefCell<std::rc::Weak<crate::interp::Frame>>,
    /// The program's line that made it, for the never-awaited warning.
    made_at: u32,
    /// For one of asyncio's own: the line of its source it runs at once
    /// started (0 before), which its body sets ([`Coroutine::asyncio`]).
    running_line: Option<Rc<Cell<u32>>>,
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
        match self.body.borrow_mut().take() {
            Some(b) => {
                self.awaited.set(true);
                Ok(b)
            }
            // `aclose()`'s awaitable is not a coroutine in CPython.
            None if &*self.defined_at == "<asyncio>" && &*self.name == "aclose" => {
                raise("RuntimeError", "cannot reuse already awaited aclose()/athrow()")
            }
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

    pub fn was_started(&self) -> bool {
        self.awaited.get()
    }

    /// `coro.close()`: drop the body without running it.
    pub fn close(&self) {
        self.body.borrow_mut().take();
    }
}

/// A coroutine dropped without running: CPython's `RuntimeWarning` on
/// stderr, the classic missing `await`.
impl Drop for Coroutine {
    fn drop(&mut self) {
        if self.body.get_mut().is_none() {
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
                c.close();
                Ok(Value::None)
            }))),
            _ => None,
        }
    }
}
