//! Subclassing asyncio's queues and locks (`class UniqueQueue(asyncio.Queue)`).
//!
//! Those classes are the engine's (the inspector shows them), whose methods
//! a subclass could not override. A class statement with one as a base gets
//! its Python version instead (`py/_asyncio_bases.py`: CPython's algorithm on
//! futures, its methods calling each other through `self`), which
//! `isinstance` and `issubclass` take for the engine's class, and whose
//! attributes `asyncio.Queue.__init__` gives once it is loaded.

use std::rc::Rc;

use crate::interp::{attr, interp};
use crate::modules::library::{ASYNCIO_BASES, SUBCLASSABLE};
use crate::object::Class;
use crate::value::Value;
use asyncio_engine::PyResult;

/// One of the engine's classes that have a Python version.
fn has_python_version(c: &Class) -> bool {
    !c.is_user() && c.module.starts_with("asyncio.") && SUBCLASSABLE.contains(&&*c.name)
}

/// The base a class statement gets for `c`: its Python version if it has one.
pub fn python_base(c: Rc<Class>) -> PyResult<Rc<Class>> {
    if !has_python_version(&c) {
        return Ok(c);
    }
    let module = crate::modules::import(ASYNCIO_BASES, crate::ast::Pos::default())?;
    Ok(match attr::getattr(&module, &c.name)? {
        Value::Class(python) => python,
        _ => c,
    })
}

/// The Python version of `c` when a subclass made earlier loaded it.
pub fn loaded(c: &Class) -> Option<Rc<Class>> {
    if !has_python_version(c) {
        return None;
    }
    let module = interp().modules.borrow().get(ASYNCIO_BASES)?.clone();
    match attr::getattr(&module, &c.name) {
        Ok(Value::Class(python)) => Some(python),
        _ => None,
    }
}

/// True if user class `c` derives from the Python version of `class`.
pub fn derives_from_python_version(c: &Class, class: &Class) -> bool {
    let version = |a: &Class| a.is_user() && a.name == class.name && a.module == class.module;
    c.is_user()
        && has_python_version(class)
        && (version(c) || c.ancestors.borrow().iter().any(|a| version(a)))
}
