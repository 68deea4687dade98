//! Freeing what a run made. Values are reference counted and Python
//! programs make cycles (a function in its module's globals, a nested
//! function calling itself through its cell, a class whose methods hold
//! it): without a collector, each run would leave them in memory for good,
//! and the page runs many programs in one tab. The interpreter tracks the
//! objects that close such cycles (cells, classes, instances: a task held
//! by the object whose method it runs; loops) and empties them when the program
//! is dropped, as CPython clears modules at exit. Not tracked, so a cycle
//! of containers alone (a list that contains itself) stays in memory.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use super::Interp;

/// Weak references to objects of one kind, pruned as they die.
pub struct Tracked<T>(RefCell<Vec<Weak<T>>>);

impl<T> Default for Tracked<T> {
    fn default() -> Tracked<T> {
        Tracked(RefCell::new(Vec::new()))
    }
}

impl<T> Tracked<T> {
    pub fn track(&self, obj: &Rc<T>) {
        let mut v = self.0.borrow_mut();
        // Amortised pruning: dead entries never outnumber live ones for long.
        if v.len() >= 64 && v.len().is_power_of_two() {
            v.retain(|w| w.strong_count() > 0);
        }
        v.push(Rc::downgrade(obj));
    }

    /// The objects still alive, oldest first (the list is kept).
    pub fn alive(&self) -> Vec<Rc<T>> {
        self.0.borrow().iter().filter_map(Weak::upgrade).collect()
    }

    /// The objects still alive (the list is emptied).
    pub fn take_alive(&self) -> Vec<Rc<T>> {
        std::mem::take(&mut *self.0.borrow_mut()).iter().filter_map(Weak::upgrade).collect()
    }
}

impl Interp {
    /// Empties the namespaces, cells and class dicts that hold the run's
    /// objects (after the run, before the interpreter goes).
    pub fn teardown(&self) {
        let main = self.main_module.borrow_mut().take();
        let globals = main.map(|m| std::mem::take(&mut *m.globals.borrow_mut()));
        let modules = std::mem::take(&mut *self.modules.borrow_mut());
        let builtins = std::mem::take(&mut *self.builtins.borrow_mut());
        self.host.pending.borrow_mut().take();
        self.host.tree.borrow_mut().take();
        let library = std::mem::take(&mut *self.library.borrow_mut());
        let context = self.context.borrow_mut().take();
        let library_globals: Vec<_> =
            library.iter().map(|(_, m)| std::mem::take(&mut *m.globals.borrow_mut())).collect();
        // Take the contents out first and drop them after: dropping a value
        // may drop another tracked object, whose borrow must be free.
        let cells: Vec<_> = self.cells.take_alive().iter().map(|c| c.borrow_mut().take()).collect();
        let classes: Vec<_> = self
            .classes
            .take_alive()
            .iter()
            .map(|c| {
                (std::mem::take(&mut *c.dict.borrow_mut()), std::mem::take(&mut *c.ancestors.borrow_mut()))
            })
            .collect();
        for lp in self.loops.take_alive() {
            let _ = lp.lp.close();
            lp.default_executor.borrow_mut().take();
        }
        let attrs: Vec<_> = self.instances.take_alive().iter().map(|i| i.take_attrs()).collect();
        for (_, dict) in &attrs {
            if let Some(d) = dict {
                d.table.borrow_mut().clear();
            }
        }
        drop((globals, modules, builtins, cells, classes, attrs, library_globals, context));
        // Last: what the library's functions borrowed.
        drop(library);
    }
}
