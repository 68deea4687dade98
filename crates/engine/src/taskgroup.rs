//! `asyncio.TaskGroup` (3.11's `taskgroups.py`).

use std::cell::{Cell, RefCell};
use std::future::Future as StdFuture;
use std::rc::Rc;

use crate::event_loop::{get_running_loop, EventLoop};
use crate::exception::{Exception, PyResult};
use crate::future::Future;
use crate::task::{current_task, AnyTask, Task};

struct GroupInner {
    entered: Cell<bool>,
    exiting: Cell<bool>,
    aborting: Cell<bool>,
    event_loop: RefCell<Option<EventLoop>>,
    parent_task: RefCell<Option<Rc<dyn AnyTask>>>,
    parent_cancel_requested: Cell<bool>,
    tasks: RefCell<Vec<Rc<dyn AnyTask>>>,
    errors: RefCell<Vec<Exception>>,
    base_error: RefCell<Option<Exception>>,
    on_completed_fut: RefCell<Option<Future<()>>>,
}

/// An `asyncio.TaskGroup`. `async with asyncio.TaskGroup() as tg: body` is
/// [`TaskGroup::run`], or [`enter`](TaskGroup::enter) then
/// [`exit`](TaskGroup::exit).
#[derive(Clone)]
pub struct TaskGroup(Rc<GroupInner>);

impl Default for TaskGroup {
    fn default() -> Self {
        TaskGroup::new()
    }
}

impl TaskGroup {
    /// `asyncio.TaskGroup()`, not entered yet.
    pub fn new() -> TaskGroup {
        TaskGroup(Rc::new(GroupInner {
            entered: Cell::new(false),
            exiting: Cell::new(false),
            aborting: Cell::new(false),
            event_loop: RefCell::new(None),
            parent_task: RefCell::new(None),
            parent_cancel_requested: Cell::new(false),
            tasks: RefCell::new(Vec::new()),
            errors: RefCell::new(Vec::new()),
            base_error: RefCell::new(None),
            on_completed_fut: RefCell::new(None),
        }))
    }

    /// `repr(tg)`: `<TaskGroup tasks=2 entered>`.
    pub fn repr(&self) -> String {
        let mut info = vec![String::new()];
        let n = self.0.tasks.borrow().len();
        if n > 0 {
            info.push(format!("tasks={n}"));
        }
        let e = self.0.errors.borrow().len();
        if e > 0 {
            info.push(format!("errors={e}"));
        }
        if self.0.aborting.get() {
            info.push("cancelling".into());
        } else if self.0.entered.get() {
            info.push("entered".into());
        }
        format!("<TaskGroup{}>", info.join(" "))
    }

    /// `__aenter__`.
    ///
    /// # Errors
    /// `RuntimeError` when entered twice or outside a task.
    pub fn enter(&self) -> PyResult<()> {
        if self.0.entered.get() {
            return Err(Exception::runtime_error(format!(
                "TaskGroup {} has already been entered",
                self.repr()
            )));
        }
        if self.0.event_loop.borrow().is_none() {
            *self.0.event_loop.borrow_mut() = Some(get_running_loop()?);
        }
        let Some(parent) = current_task() else {
            return Err(Exception::runtime_error(format!(
                "TaskGroup {} cannot determine the parent task",
                self.repr()
            )));
        };
        *self.0.parent_task.borrow_mut() = Some(parent);
        self.0.entered.set(true);
        Ok(())
    }

    /// `tg.create_task(coro)`: a task of this group.
    ///
    /// # Errors
    /// `RuntimeError` when the group is not entered, finished or shutting
    /// down.
    pub fn create_task<T, F>(&self, coro: F) -> PyResult<Task<T>>
    where
        T: Clone + 'static,
        F: StdFuture<Output = PyResult<T>> + 'static,
    {
        self.create_task_named(coro, None)
    }

    /// `tg.create_task(coro, name=name)`.
    ///
    /// # Errors
    /// As [`create_task`](Self::create_task).
    pub fn create_task_named<T, F>(&self, coro: F, name: Option<&str>) -> PyResult<Task<T>>
    where
        T: Clone + 'static,
        F: StdFuture<Output = PyResult<T>> + 'static,
    {
        if !self.0.entered.get() {
            return Err(Exception::runtime_error(format!("TaskGroup {} has not been entered", self.repr())));
        }
        if self.0.exiting.get() && self.0.tasks.borrow().is_empty() {
            return Err(Exception::runtime_error(format!("TaskGroup {} is finished", self.repr())));
        }
        if self.0.aborting.get() {
            return Err(Exception::runtime_error(format!("TaskGroup {} is shutting down", self.repr())));
        }
        let event_loop =
            self.0.event_loop.borrow().clone().ok_or_else(|| Exception::runtime_error("no loop"))?;
        let task = event_loop.create_task(coro)?;
        if let Some(name) = name {
            task.set_name(name);
        }
        let me = self.clone();
        let any = task.as_any_task();
        let name = crate::CallbackName::Static(crate::callback_names::TASK_GROUP);
        task.add_named_done_callback(name, move |_| me.on_task_done(&any));
        self.0.tasks.borrow_mut().push(task.as_any_task());
        Ok(task)
    }

    fn abort(&self) {
        self.0.aborting.set(true);
        let tasks = self.0.tasks.borrow().clone();
        for t in tasks {
            if !t.is_done() {
                t.cancel(None);
            }
        }
    }

    fn is_base_error(exc: &Exception) -> bool {
        exc.is("SystemExit") || exc.is("KeyboardInterrupt")
    }

    fn on_task_done(&self, task: &Rc<dyn AnyTask>) {
        self.0.tasks.borrow_mut().retain(|t| !Rc::ptr_eq(t, task));
        if self.0.tasks.borrow().is_empty() {
            let fut = self.0.on_completed_fut.borrow().clone();
            if let Some(fut) = fut {
                if !fut.done() {
                    let _ = fut.set_result(());
                }
            }
        }
        let fut = task.as_future();
        if fut.cancelled() {
            return;
        }
        let Some(exc) = fut.exception_any() else { return };
        self.0.errors.borrow_mut().push(exc.clone());
        if Self::is_base_error(&exc) && self.0.base_error.borrow().is_none() {
            *self.0.base_error.borrow_mut() = Some(exc);
        }
        let parent = self.0.parent_task.borrow().clone();
        let Some(parent) = parent else { return };
        if parent.is_done() {
            return;
        }
        if !self.0.aborting.get() && !self.0.parent_cancel_requested.get() {
            self.abort();
            self.0.parent_cancel_requested.set(true);
            parent.cancel(None);
        }
    }

    /// `__aexit__` with the body's outcome: wait for every task, then raise
    /// the collected errors as `ExceptionGroup('unhandled errors in a
    /// TaskGroup', [...])`.
    ///
    /// # Errors
    /// The exception group; a `CancelledError` to propagate; a base error.
    pub async fn exit(&self, outcome: PyResult<()>) -> PyResult<()> {
        self.0.exiting.set(true);
        let exc = outcome.err();
        if let Some(e) = &exc {
            if Self::is_base_error(e) && self.0.base_error.borrow().is_none() {
                *self.0.base_error.borrow_mut() = Some(e.clone());
            }
        }
        let mut propagate_cancellation_error = exc.clone().filter(Exception::is_cancelled);
        if self.0.parent_cancel_requested.get() {
            let parent = self.0.parent_task.borrow().clone();
            if parent.is_some_and(|p| p.uncancel() == 0) {
                propagate_cancellation_error = None;
            }
        }
        if exc.is_some() && !self.0.aborting.get() {
            self.abort();
        }
        let event_loop =
            self.0.event_loop.borrow().clone().ok_or_else(|| Exception::runtime_error("no loop"))?;
        while !self.0.tasks.borrow().is_empty() {
            let fut = {
                let mut slot = self.0.on_completed_fut.borrow_mut();
                slot.get_or_insert_with(|| event_loop.create_future().with_label("TaskGroup")).clone()
            };
            if let Err(ex) = fut.await {
                if ex.is_cancelled() && !self.0.aborting.get() {
                    propagate_cancellation_error = Some(ex);
                    self.abort();
                }
            }
            *self.0.on_completed_fut.borrow_mut() = None;
        }
        if let Some(base) = self.0.base_error.borrow().clone() {
            return Err(base);
        }
        if let Some(c) = propagate_cancellation_error {
            if self.0.errors.borrow().is_empty() {
                return Err(c);
            }
        }
        if let Some(e) = exc {
            if !e.is_cancelled() {
                self.0.errors.borrow_mut().push(e);
            }
        }
        let errors = std::mem::take(&mut *self.0.errors.borrow_mut());
        if !errors.is_empty() {
            return Err(Exception::group("unhandled errors in a TaskGroup", errors));
        }
        Ok(())
    }

    /// `async with TaskGroup() as tg: body(tg)`.
    ///
    /// # Errors
    /// As [`exit`](Self::exit).
    pub async fn run<F, Fut>(body: F) -> PyResult<()>
    where
        F: FnOnce(TaskGroup) -> Fut,
        Fut: StdFuture<Output = PyResult<()>>,
    {
        let tg = TaskGroup::new();
        tg.enter()?;
        let outcome = body(tg.clone()).await;
        tg.exit(outcome).await
    }
}
