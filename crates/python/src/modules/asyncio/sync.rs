//! asyncio's synchronisation primitives and queues over the engine's.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::{asyncio_coro, Source};
use super::{BARRIER_ABORT, BARRIER_RESET, BARRIER_WAIT, CONDITION_WAIT, CONDITION_WAIT_FOR};
use super::{EVENT_WAIT, LOCK_ACQUIRE, SEMAPHORE_ACQUIRE};
use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::{interp, ops, text};
use crate::native::iters::Ready;
use crate::native::{arity, method, take_kw, Kwargs, Native};
use crate::object::{Builtin, Class};
use crate::value::Value;
use asyncio_engine::sync::{
    Barrier, BoundedSemaphore, Condition, Event, LifoQueue, Lock, PriorityQueue, Queue, Semaphore,
};
use asyncio_engine::{Exception, PyResult};

/// One of asyncio's primitives.
pub enum Prim {
    Lock(Lock),
    Event(Event),
    Condition(Condition),
    Semaphore(Semaphore),
    Bounded(BoundedSemaphore),
    Barrier(Barrier),
    Queue(Queue<Value>, &'static str),
}

pub struct PyPrim(pub Prim);

fn ready(v: Value) -> PyResult<Value> {
    Ok(Value::native(Ready(v)))
}

fn bool_coro(
    source: &Source,
    fut: impl std::future::Future<Output = PyResult<bool>> + 'static,
) -> PyResult<Value> {
    Ok(asyncio_coro(source, None, async move { fut.await.map(Value::Bool) }))
}

impl PyPrim {
    fn class_name(&self) -> &'static str {
        match &self.0 {
            Prim::Lock(_) => "Lock",
            Prim::Event(_) => "Event",
            Prim::Condition(_) => "Condition",
            Prim::Semaphore(_) => "Semaphore",
            Prim::Bounded(_) => "BoundedSemaphore",
            Prim::Barrier(_) => "Barrier",
            Prim::Queue(_, kind) => kind,
        }
    }

    fn call(&self, name: &str, mut args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
        if let Some(sig) = method_sig(&self.0, name) {
            sig.check(&mut args, &mut kwargs)?;
        }
        match &self.0 {
            Prim::Lock(l) => match name {
                "acquire" => bool_coro(&LOCK_ACQUIRE, l.acquire()),
                "release" => l.release().map(|_| Value::None),
                "locked" => Ok(Value::Bool(l.locked())),
                _ => no_method(self, name),
            },
            Prim::Event(e) => match name {
                "set" => {
                    e.set();
                    Ok(Value::None)
                }
                "clear" => {
                    e.clear();
                    Ok(Value::None)
                }
                "is_set" => Ok(Value::Bool(e.is_set())),
                "wait" => bool_coro(&EVENT_WAIT, e.wait()),
                _ => no_method(self, name),
            },
            Prim::Condition(c) => match name {
                "acquire" => bool_coro(&LOCK_ACQUIRE, c.acquire()),
                "release" => c.release().map(|_| Value::None),
                "locked" => Ok(Value::Bool(c.locked())),
                "wait" => bool_coro(&CONDITION_WAIT, c.wait()),
                "wait_for" => {
                    let pred = crate::builtins::one("wait_for", &args)?.clone();
                    let err: Rc<std::cell::RefCell<Option<(Exception, Value)>>> = Rc::default();
                    let last = err.clone();
                    let fut = c.wait_for(move || match call_sync(&pred, vec![], vec![]) {
                        Ok(v) => {
                            let t = ops::truthy(&v).unwrap_or(false);
                            if t {
                                *last.borrow_mut() = Some((Exception::new("", ""), v));
                            }
                            t
                        }
                        Err(e) => {
                            *last.borrow_mut() = Some((e, Value::None));
                            true
                        }
                    });
                    Ok(asyncio_coro(&CONDITION_WAIT_FOR, None, async move {
                        fut.await?;
                        match err.borrow_mut().take() {
                            Some((e, _)) if !e.type_name().is_empty() => Err(e),
                            Some((_, v)) => Ok(v),
                            None => Ok(Value::Bool(true)),
                        }
                    }))
                }
                "notify" => {
                    let mut kwargs = kwargs;
                    let n = take_kw(&mut kwargs, "n").or_else(|| args.first().cloned());
                    let n = n.and_then(|v| v.as_i64()).unwrap_or(1).max(0) as usize;
                    c.notify(n).map(|_| Value::None)
                }
                "notify_all" => c.notify_all().map(|_| Value::None),
                _ => no_method(self, name),
            },
            Prim::Semaphore(s) => match name {
                "acquire" => bool_coro(&SEMAPHORE_ACQUIRE, s.acquire()),
                "release" => {
                    s.release();
                    Ok(Value::None)
                }
                "locked" => Ok(Value::Bool(s.locked())),
                _ => no_method(self, name),
            },
            Prim::Bounded(s) => match name {
                "acquire" => bool_coro(&SEMAPHORE_ACQUIRE, s.acquire()),
                "release" => s.release().map(|_| Value::None),
                "locked" => Ok(Value::Bool(s.locked())),
                _ => no_method(self, name),
            },
            Prim::Barrier(b) => {
                match name {
                    "wait" => {
                        let fut = b.wait();
                        Ok(asyncio_coro(&BARRIER_WAIT, None, async move {
                            fut.await.map(|i| Value::Int(i as i64))
                        }))
                    }
                    "reset" => {
                        let fut = b.reset();
                        Ok(asyncio_coro(&BARRIER_RESET, None, async move { fut.await.map(|_| Value::None) }))
                    }
                    "abort" => {
                        let fut = b.abort();
                        Ok(asyncio_coro(&BARRIER_ABORT, None, async move { fut.await.map(|_| Value::None) }))
                    }
                    _ => no_method(self, name),
                }
            }
            Prim::Queue(q, _) => {
                // A priority queue's comparison that raised (the item is in).
                compared(queue_call(self, q, name, args, kwargs))
            }
        }
    }

    fn attr(&self, name: &str) -> Option<Value> {
        Some(match (&self.0, name) {
            (Prim::Semaphore(s), "_value") => Value::Int(s.value()),
            (Prim::Bounded(s), "_value") => Value::Int(s.value()),
            (Prim::Barrier(b), "parties") => Value::Int(b.parties() as i64),
            (Prim::Barrier(b), "n_waiting") => Value::Int(b.n_waiting() as i64),
            (Prim::Barrier(b), "broken") => Value::Bool(b.broken()),
            (Prim::Queue(q, _), "maxsize") => Value::Int(q.maxsize()),
            (Prim::Queue(q, _), "_unfinished_tasks") => Value::Int(q.unfinished_tasks() as i64),
            (Prim::Condition(_), "_lock") => return None,
            _ => return None,
        })
    }
}

/// The signature of a primitive's method as CPython 3.11 defines it (in
/// Python, so its errors name the defining class: a `Condition`'s `acquire`
/// is its lock's, a `PriorityQueue`'s `put` is `Queue`'s).
fn method_sig(prim: &Prim, name: &str) -> Option<MethodSig> {
    Some(match (prim, name) {
        (Prim::Lock(_) | Prim::Condition(_), "acquire") => const { MethodSig::new("Lock.acquire(self)") },
        (Prim::Lock(_) | Prim::Condition(_), "release") => const { MethodSig::new("Lock.release(self)") },
        (Prim::Lock(_) | Prim::Condition(_), "locked") => const { MethodSig::new("Lock.locked(self)") },
        (Prim::Condition(_), "wait") => const { MethodSig::new("Condition.wait(self)") },
        (Prim::Condition(_), "wait_for") => const { MethodSig::new("Condition.wait_for(self, predicate)") },
        (Prim::Condition(_), "notify") => const { MethodSig::new("Condition.notify(self, n=1)") },
        (Prim::Condition(_), "notify_all") => const { MethodSig::new("Condition.notify_all(self)") },
        (Prim::Semaphore(_) | Prim::Bounded(_), "acquire") => {
            const { MethodSig::new("Semaphore.acquire(self)") }
        }
        (Prim::Semaphore(_) | Prim::Bounded(_), "locked") => {
            const { MethodSig::new("Semaphore.locked(self)") }
        }
        (Prim::Semaphore(_), "release") => const { MethodSig::new("Semaphore.release(self)") },
        (Prim::Bounded(_), "release") => const { MethodSig::new("BoundedSemaphore.release(self)") },
        (Prim::Event(_), "set") => const { MethodSig::new("Event.set(self)") },
        (Prim::Event(_), "clear") => const { MethodSig::new("Event.clear(self)") },
        (Prim::Event(_), "is_set") => const { MethodSig::new("Event.is_set(self)") },
        (Prim::Event(_), "wait") => const { MethodSig::new("Event.wait(self)") },
        (Prim::Barrier(_), "wait") => const { MethodSig::new("Barrier.wait(self)") },
        (Prim::Barrier(_), "reset") => const { MethodSig::new("Barrier.reset(self)") },
        (Prim::Barrier(_), "abort") => const { MethodSig::new("Barrier.abort(self)") },
        (Prim::Queue(..), "put") => const { MethodSig::new("Queue.put(self, item)") },
        (Prim::Queue(..), "put_nowait") => const { MethodSig::new("Queue.put_nowait(self, item)") },
        (Prim::Queue(..), "get") => const { MethodSig::new("Queue.get(self)") },
        (Prim::Queue(..), "get_nowait") => const { MethodSig::new("Queue.get_nowait(self)") },
        (Prim::Queue(..), "qsize") => const { MethodSig::new("Queue.qsize(self)") },
        (Prim::Queue(..), "empty") => const { MethodSig::new("Queue.empty(self)") },
        (Prim::Queue(..), "full") => const { MethodSig::new("Queue.full(self)") },
        (Prim::Queue(..), "task_done") => const { MethodSig::new("Queue.task_done(self)") },
        (Prim::Queue(..), "join") => const { MethodSig::new("Queue.join(self)") },
        _ => return None,
    })
}

/// A method's signature (see [`crate::modules::bind`]) and how many
/// positional arguments it takes besides `self`, counted at compile time.
#[derive(Clone, Copy)]
struct MethodSig {
    text: &'static str,
    most: usize,
    optional: usize,
}

impl MethodSig {
    const fn new(text: &'static str) -> MethodSig {
        let bytes = text.as_bytes();
        let (mut most, mut optional, mut i) = (0, 0, 0);
        while i < bytes.len() {
            match bytes[i] {
                b',' => most += 1,
                b'=' => optional += 1,
                _ => {}
            }
            i += 1;
        }
        MethodSig { text, most, optional }
    }

    /// Binds a call as CPython would; a call with no keywords and as many
    /// arguments as the method takes (every call of a correct program)
    /// costs a comparison.
    fn check(self, args: &mut Vec<Value>, kwargs: &mut Kwargs) -> PyResult<()> {
        if kwargs.is_empty() && (self.most - self.optional..=self.most).contains(&args.len()) {
            return Ok(());
        }
        crate::modules::bind(self.text, args, kwargs)
    }
}

fn no_method<T>(p: &PyPrim, name: &str) -> PyResult<T> {
    raise("AttributeError", format!("'{}' object has no attribute '{name}'", p.class_name()))
}

fn queue_call(
    p: &PyPrim,
    q: &Queue<Value>,
    name: &str,
    args: Vec<Value>,
    _kwargs: Kwargs,
) -> PyResult<Value> {
    match name {
        "put" => {
            arity("put", &args, 1, 1)?;
            let fut = q.put(args[0].clone());
            Ok(asyncio_coro(&super::QUEUE_PUT, None, async move { compared(fut.await).map(|_| Value::None) }))
        }
        "get" => {
            let fut = q.get();
            Ok(asyncio_coro(&super::QUEUE_GET, None, async move { compared(fut.await) }))
        }
        "put_nowait" => {
            arity("put_nowait", &args, 1, 1)?;
            q.put_nowait(args[0].clone()).map(|_| Value::None)
        }
        "get_nowait" => q.get_nowait(),
        "qsize" => Ok(Value::Int(q.qsize() as i64)),
        "empty" => Ok(Value::Bool(q.empty())),
        "full" => Ok(Value::Bool(q.full())),
        "task_done" => q.task_done().map(|_| Value::None),
        "join" => {
            let fut = q.join();
            Ok(asyncio_coro(&super::QUEUE_JOIN, None, async move { fut.await.map(|_| Value::None) }))
        }
        _ => no_method(p, name),
    }
}

const METHODS: &[&str] = &[
    "acquire",
    "release",
    "locked",
    "set",
    "clear",
    "is_set",
    "wait",
    "wait_for",
    "notify",
    "notify_all",
    "reset",
    "abort",
    "put",
    "get",
    "put_nowait",
    "get_nowait",
    "qsize",
    "empty",
    "full",
    "task_done",
    "join",
];

impl Native for PyPrim {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native(self.class_name())
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(match &self.0 {
            Prim::Lock(l) => l.repr(),
            Prim::Event(e) => e.repr(),
            Prim::Condition(c) => c.repr(),
            Prim::Semaphore(s) => s.repr(),
            Prim::Bounded(s) => s.repr(),
            Prim::Barrier(b) => b.repr(),
            Prim::Queue(q, _) => q.repr(),
        })
    }
    /// A queue's `str()` is its repr without the address (`asyncio.Queue`'s
    /// `__str__`); the other primitives have only a repr.
    fn str(&self, this: &Value) -> PyResult<String> {
        let repr = self.repr(this)?;
        if !matches!(self.0, Prim::Queue(..)) {
            return Ok(repr);
        }
        Ok(match repr.split_once(" at 0x") {
            Some((head, rest)) => {
                let tail = rest.trim_start_matches(|c: char| c.is_ascii_hexdigit());
                format!("{head}{tail}")
            }
            None => repr,
        })
    }
    fn has_method(&self, name: &str) -> bool {
        METHODS.contains(&name)
    }
    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
        self.call(name, args, kwargs)
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if let Some(v) = self.attr(name) {
            return Some(Ok(v));
        }
        let n: &'static str = METHODS.iter().find(|m| **m == name)?;
        Some(Ok(method::<PyPrim>(name, this, move |p, _, args, kw| p.call(n, args, kw))))
    }
    fn aenter(&self, _this: &Value) -> Option<PyResult<Value>> {
        Some(match &self.0 {
            Prim::Lock(_) | Prim::Condition(_) | Prim::Semaphore(_) | Prim::Bounded(_) => {
                let acquire = self.call("acquire", vec![], vec![]);
                acquire.map(|c| Value::native(Chain { first: c, then: Value::None }))
            }
            Prim::Barrier(_) => self.call("wait", vec![], vec![]),
            _ => raise(
                "TypeError",
                format!(
                    "'{}' object does not support the asynchronous context manager protocol",
                    self.class_name()
                ),
            ),
        })
    }
    fn aexit(&self, _this: &Value, _exc: Option<&Exception>) -> Option<PyResult<Value>> {
        Some(match &self.0 {
            Prim::Barrier(_) => ready(Value::None),
            _ => self.call("release", vec![], vec![]).and_then(|_| ready(Value::Bool(false))),
        })
    }
}

/// An awaitable that awaits `first` and returns `then` (`__aenter__` of a lock returns None).
struct Chain {
    first: Value,
    then: Value,
}

impl Native for Chain {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("coroutine")
    }
    fn await_target(&self, _this: &Value) -> Option<PyResult<crate::native::AwaitTarget>> {
        let first = self.first.clone();
        let then = self.then.clone();
        Some(Ok(crate::native::AwaitTarget::Coro(Box::pin(async move {
            crate::interp::eval::await_value(first).await?;
            Ok(then)
        }))))
    }
}

fn int_kw(args: &[Value], kwargs: &mut Kwargs, name: &str, default: i64) -> PyResult<i64> {
    let v = take_kw(kwargs, name).or_else(|| args.first().cloned());
    match v {
        None => Ok(default),
        Some(Value::Int(i)) => Ok(i),
        Some(Value::Bool(b)) => Ok(b as i64),
        Some(other) => raise(
            "TypeError",
            format!("'{}' object cannot be interpreted as an integer", text::type_name(&other)),
        ),
    }
}

thread_local! {
    /// How many primitives of each kind the program has made.
    static MADE: RefCell<Vec<(&'static str, u32)>> = const { RefCell::new(Vec::new()) };
}

/// Forgets the count (a new program starts).
pub fn reset() {
    MADE.with(|m| m.borrow_mut().clear());
    COMPARE_ERROR.with(|e| e.borrow_mut().take());
}

/// The name the page's inspector and the deadlock details show a new
/// primitive under: `lock-1`, `queue-2`, numbered per kind in creation order
/// (asyncio's primitives have no names; the inspector keys them by name).
pub fn next_name(kind: &'static str) -> String {
    MADE.with(|m| {
        let mut made = m.borrow_mut();
        let n = match made.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                made.push((kind, 1));
                1
            }
        };
        format!("{kind}-{n}")
    })
}

/// Registers the constructors on their classes and returns them by name.
pub fn classes() -> Vec<(&'static str, Value)> {
    let t = &interp().types;
    let mut out = Vec::new();
    // Each class with its `__init__` parameters and how many are required.
    let mut add = |name: &'static str, params: &'static [&'static str], required, f: Constructor| {
        let c = t.native(name);
        // LifoQueue and PriorityQueue use Queue's __init__.
        let owner = if name.ends_with("Queue") { "Queue" } else { name };
        let init: Rc<str> = Rc::from(format!("{owner}.__init__"));
        let new = move |mut args: Vec<Value>, mut kw: Kwargs| {
            crate::modules::bind_keywords(&init, params, &[], &mut args, &mut kw)?;
            check_arity(&init, params, required, args.len())?;
            f(args, kw)
        };
        c.dict.borrow_mut().set("__new__", Builtin::new(name, new));
        out.push((name, Value::Class(c)));
    };
    add("Lock", &[], 0, |_, _| Ok(Value::native(PyPrim(Prim::Lock(Lock::named(&next_name("lock")))))));
    add("Event", &[], 0, |_, _| Ok(Value::native(PyPrim(Prim::Event(Event::named(&next_name("event")))))));
    add("Condition", &["lock"], 0, |args, mut kw| {
        let lock = take_kw(&mut kw, "lock").or_else(|| args.first().cloned());
        Ok(Value::native(PyPrim(Prim::Condition(match lock {
            None | Some(Value::None) => Condition::named(&next_name("condition")),
            Some(v) => match v.as_native::<PyPrim>() {
                Some(PyPrim(Prim::Lock(l))) => Condition::named_with_lock(&next_name("condition"), l.clone()),
                _ => return raise("TypeError", "Condition(lock): lock must be an asyncio.Lock"),
            },
        }))))
    });
    add("Semaphore", &["value"], 0, |args, mut kw| {
        let v = int_kw(&args, &mut kw, "value", 1)?;
        Ok(Value::native(PyPrim(Prim::Semaphore(Semaphore::named(&next_name("semaphore"), v)?))))
    });
    add("BoundedSemaphore", &["value"], 0, |args, mut kw| {
        let v = int_kw(&args, &mut kw, "value", 1)?;
        Ok(Value::native(PyPrim(Prim::Bounded(BoundedSemaphore::named(&next_name("bounded_semaphore"), v)?))))
    });
    add("Barrier", &["parties"], 1, |args, mut kw| {
        let v = int_kw(&args, &mut kw, "parties", 1)?;
        Ok(Value::native(PyPrim(Prim::Barrier(Barrier::named(&next_name("barrier"), v)?))))
    });
    add("Queue", &["maxsize"], 0, |args, mut kw| {
        let n = int_kw(&args, &mut kw, "maxsize", 0)?;
        let q: Queue<Value> = Queue::named(&next_name("queue"), n);
        set_item_repr(&q);
        Ok(Value::native(PyPrim(Prim::Queue(q, "Queue"))))
    });
    add("LifoQueue", &["maxsize"], 0, |args, mut kw| {
        let n = int_kw(&args, &mut kw, "maxsize", 0)?;
        let q: LifoQueue<Value> = LifoQueue::named(&next_name("lifo_queue"), n);
        let q: Queue<Value> = (*q).clone();
        set_item_repr(&q);
        Ok(Value::native(PyPrim(Prim::Queue(q, "LifoQueue"))))
    });
    add("PriorityQueue", &["maxsize"], 0, |args, mut kw| {
        let n = int_kw(&args, &mut kw, "maxsize", 0)?;
        let less = |a: &Value, b: &Value| match ops::compare(crate::ast::CmpOp::Lt, a, b) {
            Ok(less) => less,
            Err(e) => {
                // heapq's comparison raised: the call that pushed or popped does.
                COMPARE_ERROR.with(|c| {
                    c.borrow_mut().get_or_insert(e);
                });
                false
            }
        };
        let q: PriorityQueue<Value> = PriorityQueue::named_by(&next_name("priority_queue"), n, less);
        let q: Queue<Value> = (*q).clone();
        set_item_repr(&q);
        Ok(Value::native(PyPrim(Prim::Queue(q, "PriorityQueue"))))
    });
    out
}

/// What an awaited `put()`/`get()` gives: the exception a priority queue's
/// `<` raised while it ran (the item is in or out), as the `await` raises it.
fn compared<T>(out: PyResult<T>) -> PyResult<T> {
    match COMPARE_ERROR.with(|e| e.borrow_mut().take()) {
        Some(e) => Err(e),
        None => out,
    }
}

thread_local! {
    /// The first exception a priority queue's `<` raised during a call.
    static COMPARE_ERROR: std::cell::RefCell<Option<Exception>> = const { std::cell::RefCell::new(None) };
}

type Constructor = fn(Vec<Value>, Kwargs) -> PyResult<Value>;

/// CPython's count check of `init(self, *params)` with the first `required`
/// of `params` required: `Lock.__init__() takes 1 positional argument but 2
/// were given`, `Barrier.__init__() missing 1 required positional argument:
/// 'parties'`.
fn check_arity(init: &str, params: &[&str], required: usize, given: usize) -> PyResult<()> {
    if given < required {
        return raise(
            "TypeError",
            format!("{init}() missing 1 required positional argument: '{}'", params[given]),
        );
    }
    if given > params.len() {
        let most = params.len() + 1;
        let takes = if required == params.len() {
            format!("{most} positional argument{}", if most == 1 { "" } else { "s" })
        } else {
            format!("from {} to {most} positional arguments", required + 1)
        };
        return raise("TypeError", format!("{init}() takes {takes} but {} were given", given + 1));
    }
    Ok(())
}

fn set_item_repr(q: &Queue<Value>) {
    q.set_item_repr(|v| text::repr(v).unwrap_or_else(|_| "?".into()));
}
