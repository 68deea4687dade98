//! `asyncio.Queue`, `asyncio.PriorityQueue` and `asyncio.LifoQueue`: a
//! bounded or unbounded buffer between producer and consumer tasks.
//!
//! The three differ only in `_init`, `_put` and `_get` (a deque, a heap, a
//! stack), as in `queues.py`; [`PriorityQueue`] and [`LifoQueue`] deref to
//! [`Queue`] for everything else, as Python's subclasses inherit it.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::future::Future as StdFuture;
use std::ops::Deref;
use std::rc::Rc;

use crate::exception::{types, Exception, PyResult};
use crate::heapq;
use crate::sync::event::Event;
use crate::sync::inspect::{actor, address, list, Meta, Reporting};
use crate::sync::waiters::{Waiter, Waiters};
use crate::trace::{AsSnapshot, PrimitiveKind, Snapshot};

/// A less-than on items (`PriorityQueue` orders with it, as `heapq` with `<`).
type LessThan<T> = Rc<dyn Fn(&T, &T) -> bool>;

/// How items are shown on the page (Python shows their `repr`).
type ItemRepr<T> = Rc<dyn Fn(&T) -> String>;

/// `_queue`: what `_init` creates.
enum Storage<T> {
    /// `Queue`: a deque, `append` / `popleft`.
    Fifo(VecDeque<T>),
    /// `LifoQueue`: a list, `append` / `pop`.
    Lifo(Vec<T>),
    /// `PriorityQueue`: a list kept as a heap, `heappush` / `heappop`.
    Heap(Vec<T>, LessThan<T>),
}

impl<T> Storage<T> {
    fn len(&self) -> usize {
        match self {
            Storage::Fifo(items) => items.len(),
            Storage::Lifo(items) | Storage::Heap(items, _) => items.len(),
        }
    }
    /// The items in `_queue`'s order (a heap's array order for a priority
    /// queue, as `list(q._queue)` shows it).
    fn iter(&self) -> Box<dyn Iterator<Item = &T> + '_> {
        match self {
            Storage::Fifo(items) => Box::new(items.iter()),
            Storage::Lifo(items) | Storage::Heap(items, _) => Box::new(items.iter()),
        }
    }
}

struct QueueInner<T> {
    class: &'static str,
    /// `_maxsize`: `<= 0` means unbounded.
    maxsize: i64,
    queue: RefCell<Storage<T>>,
    /// `_getters`: futures of tasks blocked in `get()`.
    getters: Waiters,
    /// `_putters`: futures of tasks blocked in `put()`.
    putters: Waiters,
    /// `_unfinished_tasks`: items put and not yet marked `task_done()`.
    unfinished_tasks: Cell<u64>,
    /// `_finished`: set while `unfinished_tasks == 0`; `join()` waits on it.
    finished: Event,
    /// How the trace shows items, if the caller said.
    item_repr: RefCell<Option<ItemRepr<T>>>,
    meta: Meta,
}

/// `asyncio.Queue(maxsize)`: a FIFO queue. Cloning gives another reference to
/// the same queue.
///
/// ```
/// use asyncio_engine::{create_task, run, sync::Queue, EventLoop};
///
/// let queue: Queue<i32> = Queue::named("queue", 2);
/// run(&EventLoop::new(), async move {
///     let consumer = {
///         let queue = queue.clone();
///         create_task(async move {
///             let mut total = 0;
///             for _ in 0..5 {
///                 total += queue.get().await?;
///                 queue.task_done()?;
///             }
///             Ok(total)
///         })?
///     };
///     for i in 1..=5 {
///         queue.put(i).await?; // waits while the queue is full
///     }
///     queue.join().await?;
///     assert_eq!(consumer.await?, 15);
///     Ok(())
/// })
/// .unwrap();
/// ```
pub struct Queue<T>(Rc<QueueInner<T>>);

impl<T> Clone for Queue<T> {
    fn clone(&self) -> Self {
        Queue(self.0.clone())
    }
}

/// What the inspector shows of a queue. `Display`:
/// `qsize=1 maxsize=2 getters=[] putters=[Task-3] unfinished=1`, followed by
/// ` items=[...]` when the queue knows how to show its items
/// ([`Queue::set_item_repr`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueSnapshot {
    /// The name it is shown under.
    pub name: String,
    /// `Queue`, `PriorityQueue` or `LifoQueue`.
    pub class: &'static str,
    /// Items in it.
    pub qsize: usize,
    /// `<= 0`: unbounded.
    pub maxsize: i64,
    /// Tasks waiting in `get()`, FIFO.
    pub getters: Vec<String>,
    /// Tasks waiting in `put()`, FIFO.
    pub putters: Vec<String>,
    /// Tasks waiting in `join()`.
    pub joiners: Vec<String>,
    /// Items put and not yet marked `task_done()`.
    pub unfinished_tasks: u64,
    /// The items in `_queue` order, when an item repr is set.
    pub items: Option<Vec<String>>,
}

impl AsSnapshot for QueueSnapshot {
    fn as_snapshot(&self) -> Snapshot<'_> {
        Snapshot::Queue {
            qsize: self.qsize,
            maxsize: self.maxsize,
            getters: &self.getters,
            putters: &self.putters,
            unfinished: self.unfinished_tasks,
            joiners: &self.joiners,
            items: self.items.as_deref(),
        }
    }
}

impl fmt::Display for QueueSnapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_snapshot().fmt(f)
    }
}

/// `_wakeup_next(waiters)`: pop waiters until one that is not done, and
/// wake it. Returns the waiter (its task's name is read only by the trace
/// event, when a tracer listens).
fn wakeup_next(waiters: &Waiters) -> Option<Waiter> {
    while let Some(waiter) = waiters.pop_front() {
        if !waiter.future().done() {
            let _ = waiter.future().set_result(());
            return Some(waiter);
        }
    }
    None
}

fn queue_full() -> Exception {
    Exception::new(types::QUEUE_FULL, "")
}

fn queue_empty() -> Exception {
    Exception::new(types::QUEUE_EMPTY, "")
}

impl<T: 'static> Queue<T> {
    /// `asyncio.Queue(maxsize)`, named `queue` for the page. `maxsize <= 0`
    /// means unbounded.
    pub fn new(maxsize: i64) -> Queue<T> {
        Queue::named("queue", maxsize)
    }

    /// `asyncio.Queue(maxsize)` shown as `name` (its getters and putters wait
    /// on `Queue name`, its joiners on `Queue name (join)`).
    pub fn named(name: &str, maxsize: i64) -> Queue<T> {
        Queue::build(PrimitiveKind::Queue, name, maxsize, Storage::Fifo(VecDeque::new()))
    }

    fn build(kind: PrimitiveKind, name: &str, maxsize: i64, storage: Storage<T>) -> Queue<T> {
        let class = kind.name();
        let finished =
            Event::with_meta(Meta::labelled(PrimitiveKind::Event, name, format!("{class} {name} (join)")));
        finished.set_reporting(Reporting::Quiet);
        // `self._finished.set()` before anything can wait on it.
        finished.set();
        Queue(Rc::new(QueueInner {
            class,
            maxsize,
            queue: RefCell::new(storage),
            getters: Waiters::new(),
            putters: Waiters::new(),
            unfinished_tasks: Cell::new(0),
            finished,
            item_repr: RefCell::new(None),
            meta: Meta::new(kind, name),
        }))
    }

    /// Show items as `item_repr` does, in trace events, snapshots and
    /// `repr()` (Python uses the items' `repr`).
    pub fn set_item_repr(&self, item_repr: impl Fn(&T) -> String + 'static) {
        *self.0.item_repr.borrow_mut() = Some(Rc::new(item_repr));
    }

    /// The name shown on the page.
    pub fn name(&self) -> &str {
        &self.0.meta.name
    }

    /// `q.maxsize`.
    pub fn maxsize(&self) -> i64 {
        self.0.maxsize
    }

    /// `q.qsize()`: the number of items in the queue.
    #[inline(always)]
    pub fn qsize(&self) -> usize {
        self.0.queue.borrow().len()
    }

    /// `q.empty()`.
    #[inline(always)]
    pub fn empty(&self) -> bool {
        self.qsize() == 0
    }

    /// `q.full()`: true when `maxsize > 0` and `maxsize` items are queued.
    #[inline(always)]
    pub fn full(&self) -> bool {
        if self.0.maxsize <= 0 {
            false
        } else {
            self.qsize() as u64 >= self.0.maxsize as u64
        }
    }

    /// `q._unfinished_tasks`.
    pub fn unfinished_tasks(&self) -> u64 {
        self.0.unfinished_tasks.get()
    }

    /// `len(q._getters)`.
    pub fn n_getters(&self) -> usize {
        self.0.getters.len()
    }

    /// `len(q._putters)`.
    pub fn n_putters(&self) -> usize {
        self.0.putters.len()
    }

    /// `q._getters`.
    pub fn getters(&self) -> &Waiters {
        &self.0.getters
    }

    /// `q._putters`.
    pub fn putters(&self) -> &Waiters {
        &self.0.putters
    }

    /// `await q.put(item)`: put `item`, waiting while the queue is full.
    ///
    /// # Cancellation
    /// The item is dropped and not put. If the task had just been woken by a
    /// `get` and the queue still has room, the next putter is woken in its
    /// place.
    ///
    /// # Fairness
    /// Putters are woken in FIFO order, one per item taken. A woken putter
    /// re-checks `full()` when it runs; a `put_nowait` in between can take the
    /// slot, and the putter then waits again at the back of the line.
    ///
    /// # Python
    /// `Queue.put` of CPython 3.11.7 line by line, including its bare
    /// `except:` clean-up.
    ///
    /// # Errors
    /// `CancelledError`; `RuntimeError` when the queue is bound to another
    /// loop or no loop runs.
    pub fn put(&self, item: T) -> impl StdFuture<Output = PyResult<()>> + 'static {
        let queue = self.clone();
        async move { queue.put_inner(item).await }
    }

    async fn put_inner(&self, item: T) -> PyResult<()> {
        let inner = &*self.0;
        while self.full() {
            let future = inner.meta.new_waiter(|| self.repr())?;
            let putter = inner.putters.append(future);
            inner.meta.emit(|| format!("{} waits to put", actor()), || self.snapshot());
            if let Err(exc) = putter.future().clone().await {
                // Just in case the putter is not done yet.
                putter.future().cancel(None);
                // Clean self._putters of cancelled putters; a `get_nowait`
                // may have removed it already.
                putter.remove();
                let mut woke = None;
                if !self.full() && !putter.future().cancelled() {
                    // Woken by get_nowait() but unable to take the call:
                    // wake the next in line.
                    woke = wakeup_next(&inner.putters);
                }
                inner.meta.emit(
                    || match woke {
                        Some(next) => format!("{} put cancelled, woke {}", actor(), next.task_name()),
                        None => format!("{} put cancelled", actor()),
                    },
                    || self.snapshot(),
                );
                return Err(exc);
            }
        }
        self.put_nowait(item)
    }

    /// `q.put_nowait(item)`: put `item` at once and wake the first getter.
    ///
    /// # Errors
    /// `QueueFull` when the queue is full (the item is dropped).
    pub fn put_nowait(&self, item: T) -> PyResult<()> {
        if self.full() {
            return Err(queue_full());
        }
        self.put_item(item);
        let inner = &*self.0;
        inner.unfinished_tasks.set(inner.unfinished_tasks.get() + 1);
        inner.finished.clear();
        let woke = wakeup_next(&inner.getters);
        inner.meta.emit(
            || match woke {
                Some(next) => format!("{} put, woke {}", actor(), next.task_name()),
                None => format!("{} put", actor()),
            },
            || self.snapshot(),
        );
        Ok(())
    }

    /// `_put(item)`. A priority queue's less-than runs with the storage
    /// taken out of its cell, so it never runs under a borrow.
    fn put_item(&self, item: T) {
        let mut storage = self.0.queue.borrow_mut();
        match &mut *storage {
            Storage::Fifo(items) => items.push_back(item),
            Storage::Lifo(items) => items.push(item),
            Storage::Heap(items, lt) => {
                let lt = lt.clone();
                let mut heap = std::mem::take(items);
                drop(storage);
                heapq::heappush(&mut heap, item, |a, b| lt(a, b));
                self.restore_heap(heap);
            }
        }
    }

    /// `_get()`; `None` when empty.
    fn get_item(&self) -> Option<T> {
        let mut storage = self.0.queue.borrow_mut();
        match &mut *storage {
            Storage::Fifo(items) => items.pop_front(),
            Storage::Lifo(items) => items.pop(),
            Storage::Heap(items, lt) => {
                let lt = lt.clone();
                let mut heap = std::mem::take(items);
                drop(storage);
                let item = heapq::heappop(&mut heap, |a, b| lt(a, b));
                self.restore_heap(heap);
                item
            }
        }
    }

    /// Put a heap back after running the less-than outside the borrow (items
    /// a re-entrant less-than pushed meanwhile are kept, heap-pushed).
    fn restore_heap(&self, mut heap: Vec<T>) {
        let mut storage = self.0.queue.borrow_mut();
        if let Storage::Heap(items, lt) = &mut *storage {
            let lt = lt.clone();
            for stray in std::mem::take(items) {
                heapq::heappush(&mut heap, stray, |a, b| lt(a, b));
            }
            *items = heap;
        }
    }

    /// `await q.get()`: remove and return an item, waiting while the queue is
    /// empty.
    ///
    /// # Cancellation
    /// No item is lost: a getter woken by a `put` and cancelled before it ran
    /// wakes the next getter in its place (the item stays queued).
    ///
    /// # Fairness
    /// Getters are woken in FIFO order, one per item put. A woken getter
    /// re-checks `empty()` when it runs; a `get_nowait` in between can take
    /// the item, and the getter then waits again at the back of the line.
    ///
    /// # Python
    /// `Queue.get` of CPython 3.11.7 line by line.
    ///
    /// # Errors
    /// `CancelledError`; `RuntimeError` when the queue is bound to another
    /// loop or no loop runs.
    pub fn get(&self) -> impl StdFuture<Output = PyResult<T>> + 'static {
        let queue = self.clone();
        async move { queue.get_inner().await }
    }

    async fn get_inner(&self) -> PyResult<T> {
        let inner = &*self.0;
        while self.empty() {
            let future = inner.meta.new_waiter(|| self.repr())?;
            let getter = inner.getters.append(future);
            inner.meta.emit(|| format!("{} waits to get", actor()), || self.snapshot());
            if let Err(exc) = getter.future().clone().await {
                // Just in case the getter is not done yet.
                getter.future().cancel(None);
                // Clean self._getters of cancelled getters; a `put_nowait`
                // may have removed it already.
                getter.remove();
                let mut woke = None;
                if !self.empty() && !getter.future().cancelled() {
                    // Woken by put_nowait() but unable to take the call:
                    // wake the next in line.
                    woke = wakeup_next(&inner.getters);
                }
                inner.meta.emit(
                    || match woke {
                        Some(next) => format!("{} get cancelled, woke {}", actor(), next.task_name()),
                        None => format!("{} get cancelled", actor()),
                    },
                    || self.snapshot(),
                );
                return Err(exc);
            }
        }
        self.get_nowait()
    }

    /// `q.get_nowait()`: remove and return an item at once, and wake the
    /// first putter.
    ///
    /// # Errors
    /// `QueueEmpty` when the queue is empty.
    pub fn get_nowait(&self) -> PyResult<T> {
        let item = self.get_item().ok_or_else(queue_empty)?;
        let woke = wakeup_next(&self.0.putters);
        self.0.meta.emit(
            || match woke {
                Some(next) => format!("{} got, woke {}", actor(), next.task_name()),
                None => format!("{} got", actor()),
            },
            || self.snapshot(),
        );
        Ok(item)
    }

    /// `q.task_done()`: one item taken earlier is fully processed; when every
    /// item put has been, `join()` returns.
    ///
    /// # Errors
    /// `ValueError: task_done() called too many times`.
    pub fn task_done(&self) -> PyResult<()> {
        let inner = &*self.0;
        let unfinished = inner.unfinished_tasks.get();
        if unfinished == 0 {
            return Err(Exception::value_error("task_done() called too many times"));
        }
        inner.unfinished_tasks.set(unfinished - 1);
        if unfinished == 1 {
            inner.finished.set();
            // The woken joiners stay listed until they run.
            inner.meta.emit(
                || format!("{} task_done, woke {}", actor(), list(&inner.finished.snapshot().waiters)),
                || self.snapshot(),
            );
        } else {
            inner.meta.emit(|| format!("{} task_done", actor()), || self.snapshot());
        }
        Ok(())
    }

    /// `await q.join()`: wait until every item put so far has been marked
    /// `task_done()`; at once if none is unfinished.
    ///
    /// # Cancellation
    /// Nothing is lost.
    ///
    /// # Fairness
    /// All joiners are woken together (an `Event`), in the order they joined.
    ///
    /// # Python
    /// `Queue.join` of CPython 3.11.7: `await self._finished.wait()`.
    ///
    /// # Errors
    /// `CancelledError`; `RuntimeError` when bound to another loop.
    pub fn join(&self) -> impl StdFuture<Output = PyResult<()>> + 'static {
        let queue = self.clone();
        async move {
            if queue.0.unfinished_tasks.get() > 0 {
                queue.0.meta.emit(|| format!("{} joins", actor()), || queue.snapshot());
                queue.0.finished.wait_inner().await?;
            }
            Ok(())
        }
    }

    /// The queue's state for the inspector.
    pub fn snapshot(&self) -> QueueSnapshot {
        let inner = &*self.0;
        let item_repr = inner.item_repr.borrow().clone();
        let items = item_repr.map(|item_repr| inner.queue.borrow().iter().map(|i| item_repr(i)).collect());
        QueueSnapshot {
            name: self.name().to_string(),
            class: inner.class,
            qsize: self.qsize(),
            maxsize: inner.maxsize,
            getters: inner.getters.task_names(),
            putters: inner.putters.task_names(),
            joiners: inner.finished.snapshot().waiters,
            unfinished_tasks: inner.unfinished_tasks.get(),
            items,
        }
    }

    /// `q._format()`: `maxsize=0 _queue=[1] _getters[1] _putters[1] tasks=2`
    /// (`_queue` only when an item repr is set).
    pub fn format(&self) -> String {
        let inner = &*self.0;
        let mut result = format!("maxsize={}", inner.maxsize);
        let item_repr = inner.item_repr.borrow().clone();
        if let Some(item_repr) = item_repr {
            let items: Vec<String> = inner.queue.borrow().iter().map(|i| item_repr(i)).collect();
            if !items.is_empty() {
                result.push_str(&format!(" _queue={}", list(&items)));
            }
        }
        if !inner.getters.is_empty() {
            result.push_str(&format!(" _getters[{}]", inner.getters.len()));
        }
        if !inner.putters.is_empty() {
            result.push_str(&format!(" _putters[{}]", inner.putters.len()));
        }
        if inner.unfinished_tasks.get() > 0 {
            result.push_str(&format!(" tasks={}", inner.unfinished_tasks.get()));
        }
        result
    }

    /// `repr(q)`: `<Queue at 0x... maxsize=0>`.
    pub fn repr(&self) -> String {
        format!("<{} at {} {}>", self.0.class, address(&self.0), self.format())
    }

    /// `str(q)`: `<Queue maxsize=0>`.
    pub fn str(&self) -> String {
        format!("<{} {}>", self.0.class, self.format())
    }

    /// Identity, as Python's `is`.
    pub fn ptr_eq(&self, other: &Queue<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: Clone + 'static> Queue<T> {
    /// The items in `_queue` order (heap array order for a priority queue),
    /// for the inspector.
    pub fn items(&self) -> Vec<T> {
        self.0.queue.borrow().iter().cloned().collect()
    }
}

impl<T: 'static> fmt::Debug for Queue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

/// `asyncio.PriorityQueue(maxsize)`: items come out lowest first, in exactly
/// the order Python's `heapq` pops them (equal items are not FIFO). Derefs to
/// [`Queue`] for everything but construction. Cloning gives another
/// reference to the same queue.
///
/// ```
/// use asyncio_engine::sync::PriorityQueue;
///
/// let queue = PriorityQueue::new(0);
/// for item in [(2, "b"), (1, "z"), (2, "a")] {
///     queue.put_nowait(item).unwrap();
/// }
/// assert_eq!(queue.get_nowait().unwrap(), (1, "z"));
/// assert_eq!(queue.get_nowait().unwrap(), (2, "a"));
/// ```
pub struct PriorityQueue<T>(Queue<T>);

impl<T> Clone for PriorityQueue<T> {
    fn clone(&self) -> Self {
        PriorityQueue(self.0.clone())
    }
}

impl<T: PartialOrd + 'static> PriorityQueue<T> {
    /// `asyncio.PriorityQueue(maxsize)` ordered by `<`, named `queue`.
    pub fn new(maxsize: i64) -> PriorityQueue<T> {
        PriorityQueue::named("queue", maxsize)
    }

    /// `asyncio.PriorityQueue(maxsize)` ordered by `<`, shown as `name`.
    /// Tuples compare element by element, like Python's.
    pub fn named(name: &str, maxsize: i64) -> PriorityQueue<T> {
        PriorityQueue::named_by(name, maxsize, |a: &T, b: &T| a < b)
    }
}

impl<T: 'static> PriorityQueue<T> {
    /// A priority queue ordered by `less_than` (Python's `__lt__` of the
    /// items).
    pub fn named_by(
        name: &str,
        maxsize: i64,
        less_than: impl Fn(&T, &T) -> bool + 'static,
    ) -> PriorityQueue<T> {
        PriorityQueue(Queue::build(
            PrimitiveKind::PriorityQueue,
            name,
            maxsize,
            Storage::Heap(Vec::new(), Rc::new(less_than)),
        ))
    }

    /// The queue as a plain [`Queue`] handle.
    pub fn as_queue(&self) -> &Queue<T> {
        &self.0
    }
}

impl<T> Deref for PriorityQueue<T> {
    type Target = Queue<T>;
    fn deref(&self) -> &Queue<T> {
        &self.0
    }
}

impl<T: 'static> fmt::Debug for PriorityQueue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.repr())
    }
}

/// `asyncio.LifoQueue(maxsize)`: the most recently put item comes out first.
/// Derefs to [`Queue`] for everything but construction. Cloning gives another
/// reference to the same queue.
///
/// ```
/// use asyncio_engine::sync::LifoQueue;
///
/// let queue = LifoQueue::new(0);
/// for item in [1, 3, 2] {
///     queue.put_nowait(item).unwrap();
/// }
/// assert_eq!(queue.get_nowait().unwrap(), 2);
/// ```
pub struct LifoQueue<T>(Queue<T>);

impl<T> Clone for LifoQueue<T> {
    fn clone(&self) -> Self {
        LifoQueue(self.0.clone())
    }
}

impl<T: 'static> LifoQueue<T> {
    /// `asyncio.LifoQueue(maxsize)`, named `queue`.
    pub fn new(maxsize: i64) -> LifoQueue<T> {
        LifoQueue::named("queue", maxsize)
    }

    /// `asyncio.LifoQueue(maxsize)` shown as `name`.
    pub fn named(name: &str, maxsize: i64) -> LifoQueue<T> {
        LifoQueue(Queue::build(PrimitiveKind::LifoQueue, name, maxsize, Storage::Lifo(Vec::new())))
    }

    /// The queue as a plain [`Queue`] handle.
    pub fn as_queue(&self) -> &Queue<T> {
        &self.0
    }
}

impl<T> Deref for LifoQueue<T> {
    type Target = Queue<T>;
    fn deref(&self) -> &Queue<T> {
        &self.0
    }
}

impl<T: 'static> fmt::Debug for LifoQueue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.repr())
    }
}
