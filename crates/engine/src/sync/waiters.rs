//! The FIFO list of waiting futures every primitive is built on: the
//! `collections.deque` of futures in `locks.py` and `queues.py`.
//!
//! A primitive that cannot proceed creates a future on the loop, appends it
//! here and awaits it; waking a waiter is `fut.set_result(...)`, so the waiting
//! task resumes one loop iteration later, through the future's done callback.
//! A woken future stays in the list until its task resumes and removes it
//! (the `finally: self._waiters.remove(fut)` of `locks.py`), which is why the
//! primitives skip `done()` futures when they look for someone to wake.
//!
//! # Implementation Details
//! A doubly linked list threaded through a slab of slots: `append`, `remove`
//! and `pop_front` are O(1) where the deque's `remove(fut)` is O(n), and
//! iteration visits the futures in exactly the deque's order (insertion
//! order, minus what was removed). A [`WaiterEntry`] names its slot by index
//! and generation; a slot freed and reused gets a new generation, so a stale
//! entry can never remove someone else's future.
//!
//! Each slot also remembers the task that appended it (weakly), so the page
//! can say who waits.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::future::Future;
use crate::task::{current_task, AnyTask};

const NIL: usize = usize::MAX;

/// A waiting future and the task that waits on it.
#[derive(Clone)]
pub struct Waiter {
    future: Future<()>,
    task: Option<Weak<dyn AnyTask>>,
}

impl Waiter {
    /// The future the task awaits.
    pub fn future(&self) -> &Future<()> {
        &self.future
    }
    /// The waiting task's name (`?` once the task is gone, `(no task)` when
    /// the future was appended outside any task).
    pub fn task_name(&self) -> String {
        task_name(&self.task)
    }
}

fn task_name(task: &Option<Weak<dyn AnyTask>>) -> String {
    match task {
        None => "(no task)".to_string(),
        Some(weak) => weak.upgrade().map_or_else(|| "?".to_string(), |t| t.name()),
    }
}

struct Node {
    waiter: Waiter,
    prev: usize,
    next: usize,
}

struct Slot {
    generation: u64,
    node: Option<Node>,
}

#[derive(Default)]
struct List {
    slots: Vec<Slot>,
    free: Vec<usize>,
    head: usize,
    tail: usize,
    len: usize,
}

impl List {
    fn new() -> List {
        List { slots: Vec::new(), free: Vec::new(), head: NIL, tail: NIL, len: 0 }
    }

    fn push_back(&mut self, waiter: Waiter) -> (usize, u64) {
        let node = Node { waiter, prev: self.tail, next: NIL };
        let index = match self.free.pop() {
            Some(index) => {
                self.slots[index].node = Some(node);
                index
            }
            None => {
                self.slots.push(Slot { generation: 0, node: Some(node) });
                self.slots.len() - 1
            }
        };
        if self.tail == NIL {
            self.head = index;
        } else if let Some(tail) = self.slots[self.tail].node.as_mut() {
            tail.next = index;
        }
        self.tail = index;
        self.len += 1;
        (index, self.slots[index].generation)
    }

    /// Unlink the node at `index` if it is still the one of `generation`.
    fn unlink(&mut self, index: usize, generation: u64) -> Option<Waiter> {
        let slot = self.slots.get_mut(index)?;
        if slot.generation != generation {
            return None;
        }
        let node = slot.node.take()?;
        slot.generation += 1;
        self.free.push(index);
        if node.prev == NIL {
            self.head = node.next;
        } else if let Some(prev) = self.slots[node.prev].node.as_mut() {
            prev.next = node.next;
        }
        if node.next == NIL {
            self.tail = node.prev;
        } else if let Some(next) = self.slots[node.next].node.as_mut() {
            next.prev = node.prev;
        }
        self.len -= 1;
        Some(node.waiter)
    }

    fn iter(&self) -> ListIter<'_> {
        ListIter { list: self, index: self.head }
    }
}

struct ListIter<'a> {
    list: &'a List,
    index: usize,
}

impl<'a> Iterator for ListIter<'a> {
    type Item = (usize, &'a Waiter);
    fn next(&mut self) -> Option<Self::Item> {
        let index = self.index;
        let node = self.list.slots.get(index)?.node.as_ref()?;
        self.index = node.next;
        Some((index, &node.waiter))
    }
}

/// A FIFO list of waiting futures (`collections.deque()` of futures).
/// Cloning gives another reference to the same list.
///
/// The list never runs user code: waking a future only schedules callbacks,
/// so no borrow is held while anything else runs.
#[derive(Clone)]
pub struct Waiters(Rc<RefCell<List>>);

impl Default for Waiters {
    fn default() -> Self {
        Waiters::new()
    }
}

impl Waiters {
    /// An empty list.
    pub fn new() -> Waiters {
        Waiters(Rc::new(RefCell::new(List::new())))
    }

    /// `waiters.append(fut)`, recording the current task as the waiter. The
    /// returned entry removes the future from the list when it is dropped (or
    /// earlier, with [`WaiterEntry::remove`]).
    pub fn append(&self, future: Future<()>) -> WaiterEntry {
        let task = current_task().map(|t| Rc::downgrade(&t));
        let waiter = Waiter { future: future.clone(), task };
        let (index, generation) = self.0.borrow_mut().push_back(waiter);
        WaiterEntry { list: self.clone(), index, generation, future, removed: Cell::new(false) }
    }

    /// `len(waiters)`: every future still in the list, woken ones included.
    pub fn len(&self) -> usize {
        self.0.borrow().len
    }

    /// `not waiters`.
    pub fn is_empty(&self) -> bool {
        self.0.borrow().len == 0
    }

    /// The first future (`next(iter(waiters))`), done or not.
    pub fn first(&self) -> Option<Waiter> {
        self.0.borrow().iter().next().map(|(_, w)| w.clone())
    }

    /// `waiters.popleft()`.
    pub fn pop_front(&self) -> Option<Waiter> {
        let mut list = self.0.borrow_mut();
        let head = list.head;
        let generation = list.slots.get(head)?.generation;
        list.unlink(head, generation)
    }

    /// `all(w.cancelled() for w in waiters)` (true for an empty list).
    pub fn all_cancelled(&self) -> bool {
        self.0.borrow().iter().all(|(_, w)| w.future.cancelled())
    }

    /// The first `n` futures that are not done, in FIFO order (whom
    /// `notify(n)` or `_wake_up_next` would wake).
    pub fn first_pending(&self, n: usize) -> Vec<Waiter> {
        self.0.borrow().iter().filter(|(_, w)| !w.future.done()).take(n).map(|(_, w)| w.clone()).collect()
    }

    /// The first future that is not done (whom `_wake_up_next` wakes), without
    /// collecting anything.
    pub fn first_not_done(&self) -> Option<Waiter> {
        self.0.borrow().iter().find(|(_, w)| !w.future.done()).map(|(_, w)| w.clone())
    }

    /// Every future, in FIFO order.
    pub fn to_vec(&self) -> Vec<Waiter> {
        self.0.borrow().iter().map(|(_, w)| w.clone()).collect()
    }

    /// The names of the waiting tasks, in FIFO order.
    pub fn task_names(&self) -> Vec<String> {
        self.0.borrow().iter().map(|(_, w)| task_name(&w.task)).collect()
    }

    /// Slots in use and slots allocated (for tests of the slab itself).
    #[doc(hidden)]
    pub fn slab_len(&self) -> usize {
        self.0.borrow().slots.len()
    }
}

/// A future's place in a [`Waiters`] list. Dropping it removes the future
/// from the list if it is still there, so a coroutine dropped mid-wait never
/// leaves a stale waiter behind.
pub struct WaiterEntry {
    list: Waiters,
    index: usize,
    generation: u64,
    future: Future<()>,
    removed: Cell<bool>,
}

impl WaiterEntry {
    /// The waiting future.
    pub fn future(&self) -> &Future<()> {
        &self.future
    }

    /// `waiters.remove(fut)`: `false` when the future was no longer in the
    /// list (Python's `ValueError`, which `queues.py` ignores), for instance
    /// because `popleft()` took it.
    pub fn remove(&self) -> bool {
        if self.removed.replace(true) {
            return false;
        }
        self.list.0.borrow_mut().unlink(self.index, self.generation).is_some()
    }

    /// True while the future is still in the list.
    pub fn is_linked(&self) -> bool {
        if self.removed.get() {
            return false;
        }
        let list = self.list.0.borrow();
        list.slots.get(self.index).is_some_and(|s| s.generation == self.generation && s.node.is_some())
    }
}

impl Drop for WaiterEntry {
    fn drop(&mut self) {
        if !self.removed.get() {
            if let Ok(mut list) = self.list.0.try_borrow_mut() {
                list.unlink(self.index, self.generation);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EventLoop;

    #[test]
    fn fifo_order_survives_removals_and_reuse() {
        let lp = EventLoop::new();
        let waiters = Waiters::new();
        let futs: Vec<Future<()>> = (0..5).map(|_| lp.create_future()).collect();
        let entries: Vec<WaiterEntry> = futs.iter().map(|f| waiters.append(f.clone())).collect();
        assert!(entries[2].remove());
        assert!(!entries[2].remove());
        assert_eq!(waiters.len(), 4);
        let popped = waiters.pop_front().map(|w| w.future().ptr_eq(&futs[0]));
        assert_eq!(popped, Some(true));
        assert!(!entries[0].remove(), "popped entries are gone");
        // A reused slot does not let the stale entry remove the new future.
        let late: Future<()> = lp.create_future();
        let late_entry = waiters.append(late.clone());
        drop(entries);
        assert_eq!(waiters.len(), 1);
        assert!(waiters.first().is_some_and(|w| w.future().ptr_eq(&late)));
        assert!(late_entry.is_linked());
        drop(late_entry);
        assert!(waiters.is_empty());
        assert!(waiters.slab_len() <= 5);
    }
}
