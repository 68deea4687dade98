//! `__del__`: an instance of a class that defines it is finalized when its
//! last reference goes, as CPython's reference counting does. Values are
//! `Rc`s here, so the instance being dropped is revived (its attributes
//! moved to a new instance, marked finalized) and queued; the queue runs at
//! the next safe point: the next statement, or a call starting or
//! returning, so `print(make().name)` and a function's locals print their
//! `__del__` where CPython does. An exception in `__del__` is reported on
//! stderr ("Exception ignored in: ...") and the program goes on.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::call::call_sync;
use super::interp;
use crate::object::Instance;
use crate::value::Value;

thread_local! {
    /// Some class of the program defines `__del__` (until then a drop costs nothing).
    static DEFINED: Cell<bool> = const { Cell::new(false) };
    static PENDING: RefCell<Vec<Rc<Instance>>> = const { RefCell::new(Vec::new()) };
    static ANY_PENDING: Cell<bool> = const { Cell::new(false) };
}

/// A new program: no class of it defines `__del__` yet.
pub fn reset() {
    DEFINED.with(|d| d.set(false));
    PENDING.with(|p| p.borrow_mut().clear());
    ANY_PENDING.with(|a| a.set(false));
}

/// A class defines `__del__` (its statement, or an assignment to the class).
pub fn note_defined() {
    DEFINED.with(|d| d.set(true));
}

/// Called by `Instance::drop`: queues a revived copy when its class has a
/// `__del__` that has not run for it.
pub fn on_drop(inst: &mut Instance) {
    if !DEFINED.with(Cell::get) || inst.finalized.get() || crate::native::gen::is_discarding() {
        return;
    }
    let Some(it) = super::try_interp() else { return };
    if it.stopped.borrow().is_some() || !matches!(inst.class.lookup("__del__"), Some(Value::Function(_))) {
        return;
    }
    let revived = inst.revive();
    PENDING.with(|p| p.borrow_mut().push(revived));
    ANY_PENDING.with(|a| a.set(true));
}

/// Runs the queued `__del__`s (a safe point: no borrow of the program's
/// objects is held).
#[inline]
pub fn run_pending() {
    if !ANY_PENDING.with(Cell::get) {
        return;
    }
    ANY_PENDING.with(|a| a.set(false));
    loop {
        let batch = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
        if batch.is_empty() {
            return;
        }
        for inst in batch {
            let Some(f) = inst.class.lookup("__del__") else { continue };
            if let Err(e) = call_sync(&f, vec![Value::Instance(inst.clone())], vec![]) {
                if e.is_runaway() {
                    return;
                }
                let it = interp();
                let at = format!("{:#x}", f.id());
                it.host.write_stderr(&format!(
                    "Exception ignored in: <function {}.__del__ at {at}>\n{}",
                    inst.class.qualname,
                    crate::traceback::format(&e)
                ));
            }
        }
    }
}

/// Python's exit: the `__del__` of every instance the program's namespace
/// still reaches (through containers and attributes, in the order the
/// names were bound) runs while the namespace is intact, as CPython's
/// collector finalizes garbage before clearing it (its order is its own).
pub fn at_exit(roots: &[Value]) {
    if !DEFINED.with(Cell::get) {
        return;
    }
    let mut seen = std::collections::HashSet::new();
    let mut found = Vec::new();
    let mut stack: Vec<Value> = roots.iter().rev().cloned().collect();
    while let Some(v) = stack.pop() {
        if !seen.insert(v.id()) {
            continue;
        }
        let inner: Vec<Value> = match &v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Dict(d) => d.table.borrow().items().into_iter().flat_map(|(k, x)| [k, x]).collect(),
            Value::Set(s) => s.table.borrow().keys(),
            Value::Instance(i) => {
                if !i.finalized.get() && matches!(i.class.lookup("__del__"), Some(Value::Function(_))) {
                    found.push(i.clone());
                }
                i.attr_values()
            }
            _ => Vec::new(),
        };
        stack.extend(inner.into_iter().rev());
    }
    for inst in found {
        inst.finalized.set(true);
        PENDING.with(|p| p.borrow_mut().push(inst));
        ANY_PENDING.with(|a| a.set(true));
        run_pending();
    }
}
