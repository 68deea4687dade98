//! The page's message queue.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use super::controller::{Controller, Msg};

/// Delivers messages to the controller one at a time, in the order they
/// were posted.
///
/// A message posted while another is being applied (an event fired
/// synchronously by a DOM change) is queued and applied after it, so the
/// controller is never borrowed twice.
pub struct Scheduler {
    queue: RefCell<VecDeque<Msg>>,
    /// Set while [`Scheduler::post`] is draining the queue.
    draining: Cell<bool>,
    controller: RefCell<Controller>,
}

impl Scheduler {
    pub fn new(controller: Controller) -> Scheduler {
        Scheduler {
            queue: RefCell::new(VecDeque::new()),
            draining: Cell::new(false),
            controller: RefCell::new(controller),
        }
    }

    /// Queue `msg` and, unless a drain is already running further up the
    /// stack, apply every queued message.
    pub fn post(&self, msg: Msg) {
        self.queue.borrow_mut().push_back(msg);
        if self.draining.replace(true) {
            return;
        }
        loop {
            // The queue's borrow ends before the controller runs.
            let next = self.queue.borrow_mut().pop_front();
            let Some(msg) = next else { break };
            self.controller.borrow_mut().apply(msg);
        }
        self.draining.set(false);
    }
}
