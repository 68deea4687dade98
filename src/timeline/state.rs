//! A primitive's state as the recording keeps it: the typed snapshot of a
//! [`TraceEvent::Primitive`](asyncio_engine::TraceEvent::Primitive), owned,
//! and read as the inspector's fields.
//!
//! Names (tasks, job labels, queue items) are shared strings: the recording
//! stores each distinct one once, however many states list it.

use std::rc::Rc;

use asyncio_engine::trace::{BarrierState, Snapshot};

/// Names in order: waiting tasks, running jobs, queue items.
pub type Names = Box<[Rc<str>]>;

/// One change of a primitive or an executor: what happened, and the state
/// after it.
#[derive(Debug, Clone, PartialEq)]
pub struct PrimitiveState {
    action: Option<Box<str>>,
    state: State,
}

impl PrimitiveState {
    /// What `action` and `snapshot` say, each name made by `intern`.
    pub fn new(action: Option<&str>, snapshot: &Snapshot<'_>, intern: impl FnMut(&str) -> Rc<str>) -> Self {
        PrimitiveState { action: action.map(Box::from), state: State::new(snapshot, intern) }
    }

    /// What happened (`Task-2 released, woke Task-8`), when the event said.
    pub fn action(&self) -> Option<&str> {
        self.action.as_deref()
    }

    /// The state after the change.
    pub fn state(&self) -> &State {
        &self.state
    }
}

/// A primitive's or an executor's state: [`Snapshot`] with owned names.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    Lock {
        locked: bool,
        owner: Option<Rc<str>>,
        waiters: Names,
    },
    Semaphore {
        value: i64,
        bound: Option<i64>,
        waiters: Names,
    },
    Event {
        set: bool,
        waiters: Names,
    },
    Condition {
        locked: bool,
        owner: Option<Rc<str>>,
        waiters: Names,
        lock_waiters: Names,
    },
    Barrier {
        state: BarrierState,
        count: usize,
        parties: usize,
        waiters: Names,
    },
    /// Boxed: the largest state, and the rarest.
    Queue(Box<QueueState>),
    Executor {
        busy: usize,
        max_workers: usize,
        queued: usize,
        running: Names,
    },
}

/// A queue's state (see [`Snapshot::Queue`]).
#[derive(Debug, Clone, PartialEq)]
pub struct QueueState {
    pub qsize: usize,
    pub maxsize: i64,
    pub getters: Names,
    pub putters: Names,
    pub unfinished: u64,
    pub joiners: Names,
    /// The items' reprs, when the queue shows them.
    pub items: Option<Names>,
}

/// One line of the inspector's description of a state: `waiters` and
/// `Task-8, Task-9 (2)`. An empty value (an empty list) reads "none".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub value: String,
}

impl State {
    /// The owned copy of `snapshot`, each name made by `intern`.
    pub fn new(snapshot: &Snapshot<'_>, mut intern: impl FnMut(&str) -> Rc<str>) -> State {
        let mut names = |list: &[String]| -> Names { list.iter().map(|name| intern(name)).collect() };
        match *snapshot {
            Snapshot::Lock { locked, owner, waiters } => {
                State::Lock { locked, owner: owner.map(Rc::from), waiters: names(waiters) }
            }
            Snapshot::Semaphore { value, bound, waiters } => {
                State::Semaphore { value, bound, waiters: names(waiters) }
            }
            Snapshot::Event { set, waiters } => State::Event { set, waiters: names(waiters) },
            Snapshot::Condition { locked, owner, waiters, lock_waiters } => State::Condition {
                locked,
                owner: owner.map(Rc::from),
                waiters: names(waiters),
                lock_waiters: names(lock_waiters),
            },
            Snapshot::Barrier { state, count, parties, waiters } => {
                State::Barrier { state, count, parties, waiters: names(waiters) }
            }
            Snapshot::Queue { qsize, maxsize, getters, putters, unfinished, joiners, items } => {
                State::Queue(Box::new(QueueState {
                    qsize,
                    maxsize,
                    getters: names(getters),
                    putters: names(putters),
                    unfinished,
                    joiners: names(joiners),
                    items: items.map(&mut names),
                }))
            }
            Snapshot::Executor { busy, max_workers, queued, running } => {
                State::Executor { busy, max_workers, queued, running: names(running) }
            }
        }
    }

    /// The state as the inspector lists it, in order: a flag under `state`
    /// (`locked`, `unset`, `filling`), numbers, and lists as their items
    /// and count (`Task-8, Task-9 (2)`). Optional parts (a lock's owner, a
    /// semaphore's bound, a queue's joiners and items) only when present.
    pub fn fields(&self) -> Vec<Field> {
        let field = |key: &'static str, value: String| Field { key, value };
        match self {
            State::Lock { locked, owner, waiters } => {
                let mut fields = lock_fields(*locked, owner.as_deref());
                fields.push(field("waiters", list(waiters)));
                fields
            }
            State::Semaphore { value, bound, waiters } => {
                let mut fields = vec![field("value", value.to_string())];
                fields.extend(bound.map(|bound| field("bound", bound.to_string())));
                fields.push(field("waiters", list(waiters)));
                fields
            }
            State::Event { set, waiters } => vec![
                field("state", if *set { "set" } else { "unset" }.to_string()),
                field("waiters", list(waiters)),
            ],
            State::Condition { locked, owner, waiters, lock_waiters } => {
                let mut fields = lock_fields(*locked, owner.as_deref());
                fields.push(field("waiters", list(waiters)));
                fields.push(field("lock_waiters", list(lock_waiters)));
                fields
            }
            State::Barrier { state, count, parties, waiters } => vec![
                field("state", state.value().to_string()),
                field("count", format!("{count}/{parties}")),
                field("waiters", list(waiters)),
            ],
            State::Queue(queue) => queue.fields(),
            State::Executor { busy, max_workers, queued, running } => vec![
                field("busy", format!("{busy}/{max_workers}")),
                field("queued", queued.to_string()),
                field("running", list(running)),
            ],
        }
    }
}

impl QueueState {
    fn fields(&self) -> Vec<Field> {
        let field = |key: &'static str, value: String| Field { key, value };
        let mut fields = vec![
            field("qsize", self.qsize.to_string()),
            field("maxsize", self.maxsize.to_string()),
            field("getters", list(&self.getters)),
            field("putters", list(&self.putters)),
            field("unfinished", self.unfinished.to_string()),
        ];
        if !self.joiners.is_empty() {
            fields.push(field("joiners", list(&self.joiners)));
        }
        if let Some(items) = &self.items {
            fields.push(field("items", list(items)));
        }
        fields
    }
}

/// `state locked`, then `owner Task-2` when locked by a task.
fn lock_fields(locked: bool, owner: Option<&str>) -> Vec<Field> {
    let mut fields =
        vec![Field { key: "state", value: if locked { "locked" } else { "unlocked" }.to_string() }];
    if let (true, Some(owner)) = (locked, owner) {
        fields.push(Field { key: "owner", value: owner.to_string() });
    }
    fields
}

/// `Task-8, Task-9 (2)`; empty for an empty list.
fn list(names: &[Rc<str>]) -> String {
    if names.is_empty() {
        return String::new();
    }
    let mut text = names.join(", ");
    text.push_str(&format!(" ({})", names.len()));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(snapshot: &Snapshot<'_>) -> State {
        State::new(snapshot, |name| Rc::from(name))
    }

    fn fields(state: &State) -> Vec<(&'static str, String)> {
        state.fields().into_iter().map(|f| (f.key, f.value)).collect()
    }

    #[test]
    fn a_lock_shows_its_flag_owner_and_waiters() {
        let waiters = ["Task-3".to_string(), "my task".to_string()];
        let locked = own(&Snapshot::Lock { locked: true, owner: Some("Task 2"), waiters: &waiters });
        assert_eq!(
            fields(&locked),
            [
                ("state", "locked".to_string()),
                ("owner", "Task 2".to_string()),
                ("waiters", "Task-3, my task (2)".to_string())
            ]
        );
        let free = own(&Snapshot::Lock { locked: false, owner: None, waiters: &[] });
        assert_eq!(fields(&free), [("state", "unlocked".to_string()), ("waiters", String::new())]);
    }

    #[test]
    fn queues_and_executors_list_their_parts_in_order() {
        let items = ["'a, b'".to_string(), "(1, '[')".to_string()];
        let putters = ["Task-4".to_string()];
        let queue = own(&Snapshot::Queue {
            qsize: 2,
            maxsize: 2,
            getters: &[],
            putters: &putters,
            unfinished: 2,
            joiners: &[],
            items: Some(&items),
        });
        assert_eq!(
            fields(&queue),
            [
                ("qsize", "2".to_string()),
                ("maxsize", "2".to_string()),
                ("getters", String::new()),
                ("putters", "Task-4 (1)".to_string()),
                ("unfinished", "2".to_string()),
                ("items", "'a, b', (1, '[') (2)".to_string()),
            ]
        );
        let running = ["faa(1)".to_string()];
        let pool = own(&Snapshot::Executor { busy: 1, max_workers: 5, queued: 3, running: &running });
        assert_eq!(
            fields(&pool),
            [("busy", "1/5".to_string()), ("queued", "3".to_string()), ("running", "faa(1) (1)".to_string())]
        );
        let barrier =
            own(&Snapshot::Barrier { state: BarrierState::Filling, count: 2, parties: 5, waiters: &[] });
        assert_eq!(
            fields(&barrier),
            [("state", "filling".to_string()), ("count", "2/5".to_string()), ("waiters", String::new())]
        );
    }
}
