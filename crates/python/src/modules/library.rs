//! Where the text of the modules written in Python (`py/*.py`, see
//! `pysrc.rs`) comes from. A native build has them inside; the web page
//! does not, so that a program that imports none of them does not download
//! them (issue 14's size budget): before a run, the page asks [`missing`]
//! which of them the program can import, fetches those files (`py/` beside
//! the page, [`file_name`]) and hands them over with [`provide`].
//!
//! The modules `pysrc::EXTENSIONS` extend (`asyncio`, `collections`, ...)
//! stay inside every build: most programs import one.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use crate::ast::ExprKind;
use crate::runner::{walk_imports, Import};

/// The modules written wholly in Python, by name.
pub const NAMES: &[&str] = &[
    ASYNCIO_BASES,
    "__future__",
    "abc",
    "bisect",
    "collections.abc",
    "contextvars",
    "copy",
    "datetime",
    "enum",
    "fractions",
    "heapq",
    "inspect",
    "json",
    "keyword",
    "logging",
    "operator",
    "pprint",
    "re",
    "signal",
    "statistics",
    "string",
    "textwrap",
    "types",
    "warnings",
];

/// asyncio's queues and locks written in Python, the bases of a class
/// statement that subclasses one (`interp::class`). Programs cannot import
/// it by name: `modules::exists` does not list it.
pub const ASYNCIO_BASES: &str = "_asyncio_bases";

/// The classes [`ASYNCIO_BASES`] has, as asyncio names them.
pub const SUBCLASSABLE: &[&str] =
    &["Queue", "PriorityQueue", "LifoQueue", "Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore"];

/// Their text, in a build that has it inside.
#[cfg(not(target_arch = "wasm32"))]
const INSIDE: &[(&str, &str)] = &[
    (ASYNCIO_BASES, include_str!("py/_asyncio_bases.py")),
    ("__future__", include_str!("py/__future__.py")),
    ("abc", include_str!("py/abc.py")),
    ("bisect", include_str!("py/bisect.py")),
    ("collections.abc", include_str!("py/collections_abc.py")),
    ("contextvars", include_str!("py/contextvars.py")),
    ("copy", include_str!("py/copy.py")),
    ("datetime", include_str!("py/datetime.py")),
    ("enum", include_str!("py/enum.py")),
    ("fractions", include_str!("py/fractions.py")),
    ("heapq", include_str!("py/heapq.py")),
    ("inspect", include_str!("py/inspect.py")),
    ("json", include_str!("py/json.py")),
    ("keyword", include_str!("py/keyword.py")),
    ("logging", include_str!("py/logging.py")),
    ("operator", include_str!("py/operator.py")),
    ("pprint", include_str!("py/pprint.py")),
    ("re", include_str!("py/re.py")),
    ("signal", include_str!("py/signal.py")),
    ("statistics", include_str!("py/statistics.py")),
    ("string", include_str!("py/string.py")),
    ("textwrap", include_str!("py/textwrap.py")),
    ("types", include_str!("py/types.py")),
    ("warnings", include_str!("py/warnings.py")),
];

/// The web page has only `contextvars` inside: `asyncio.Runner` imports
/// it, so [`missing`] would name it for every asyncio program.
#[cfg(target_arch = "wasm32")]
const INSIDE: &[(&str, &str)] = &[("contextvars", include_str!("py/contextvars.py"))];

thread_local! {
    /// The texts [`provide`] was given, for the page's life.
    static PROVIDED: RefCell<Vec<(&'static str, &'static str)>> = const { RefCell::new(Vec::new()) };
}

/// The file of module `name` in `py/`: `collections.abc` is in
/// `collections_abc.py`.
pub fn file_name(name: &str) -> String {
    format!("{}.py", name.replace('.', "_"))
}

/// The text of module `name`, if it is one of [`NAMES`] and this build has
/// it inside or was given it.
pub fn text(name: &str) -> Option<&'static str> {
    let find =
        |texts: &[(&'static str, &'static str)]| texts.iter().find(|(n, _)| *n == name).map(|(_, t)| *t);
    find(INSIDE).or_else(|| PROVIDED.with(|p| find(&p.borrow())))
}

/// Hands over the text of module `name` (the page fetched it). False when
/// `name` is not one of [`NAMES`]; a second text for a module is ignored.
/// Each text is kept for the page's life (a few kB each, at most once).
pub fn provide(name: &str, text: String) -> bool {
    let Some(&name) = NAMES.iter().find(|n| **n == name) else { return false };
    if self::text(name).is_none() {
        let text: &'static str = Box::leak(text.into_boxed_str());
        PROVIDED.with(|p| p.borrow_mut().push((name, text)));
    }
    true
}

/// The modules of [`NAMES`] that `source` can import, directly or through
/// the modules it imports, whose text is not here yet (sorted). Imports in
/// function bodies count, as they may run. A module whose text is missing
/// may import others: ask again once it is given. Empty for a program that
/// does not parse (its error shows before anything runs).
pub fn missing(source: &str) -> Vec<&'static str> {
    missing_with(source, &text)
}

/// [`missing`] with `have` giving the texts that are here.
fn missing_with(source: &str, have: &dyn Fn(&str) -> Option<&'static str>) -> Vec<&'static str> {
    let mut seen = BTreeSet::new();
    let mut missing = BTreeSet::new();
    let mut queue = imports_of(source);
    while let Some(name) = queue.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let (known, text) = match NAMES.iter().find(|n| **n == name) {
            Some(known) => match have(known) {
                Some(text) => (*known, text),
                None => {
                    missing.insert(*known);
                    continue;
                }
            },
            None => match super::pysrc::EXTENSIONS.iter().find(|(n, _)| *n == name) {
                Some((known, text)) => (*known, *text),
                None => continue,
            },
        };
        queue.extend(library_imports(known, text).iter().cloned());
    }
    missing.into_iter().collect()
}

/// A library module's name and the modules its text imports.
type Imports = (&'static str, Rc<[String]>);

thread_local! {
    /// [`imports_of`] each library module's text, read once: the page asks
    /// [`missing`] at every edit.
    static IMPORTS: RefCell<Vec<Imports>> = const { RefCell::new(Vec::new()) };
}

/// [`imports_of`] the text of library module `name`.
fn library_imports(name: &'static str, text: &'static str) -> Rc<[String]> {
    if let Some(found) = IMPORTS.with(|c| c.borrow().iter().find(|(n, _)| *n == name).map(|(_, i)| i.clone()))
    {
        return found;
    }
    let imports: Rc<[String]> = imports_of(text).into();
    IMPORTS.with(|c| c.borrow_mut().push((name, imports.clone())));
    imports
}

/// The modules `source`'s import statements name, with their packages
/// (`a.b.c`: `a`, `a.b`, `a.b.c`) and, for `from m import x`, `m.x`.
fn imports_of(source: &str) -> Vec<String> {
    let Ok(module) = crate::parser::parse(source) else { return Vec::new() };
    let mut names = Vec::new();
    let _ = walk_imports::<()>(&module.body, &mut |import| {
        match import {
            Import::Module(alias) => with_packages(&alias.name, &mut names),
            Import::From { module, names: aliases, level: 0, .. } => {
                with_packages(module, &mut names);
                names.extend(aliases.iter().map(|a| format!("{module}.{}", a.name)));
            }
            Import::From { .. } => {}
            Import::ClassBases(bases) => {
                // `class Q(asyncio.Queue)`, `class Q(Queue[int])`: the name it ends with.
                let last = |e: &crate::ast::Expr| match &e.kind {
                    ExprKind::Name(n) => Some(n.id.clone()),
                    ExprKind::Attribute { attr, .. } => Some(attr.clone()),
                    _ => None,
                };
                let named = |e: &crate::ast::Expr| match &e.kind {
                    ExprKind::Subscript { value, .. } => last(value),
                    _ => last(e),
                };
                if bases.iter().filter_map(named).any(|n| SUBCLASSABLE.contains(&&*n)) {
                    names.push(ASYNCIO_BASES.to_string());
                }
            }
        }
        Ok(())
    });
    names
}

fn with_packages(dotted: &str, names: &mut Vec<String>) {
    names.extend(dotted.match_indices('.').map(|(at, _)| dotted[..at].to_string()));
    names.push(dotted.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page that has none of the texts yet.
    fn nothing(_: &str) -> Option<&'static str> {
        None
    }

    /// A page that was given `collections.abc` and `re`.
    fn some(name: &str) -> Option<&'static str> {
        matches!(name, "collections.abc" | "re").then(|| text(name).expect("inside a native build"))
    }

    #[test]
    fn a_program_that_imports_no_library_module_needs_none() {
        let source = "import time, math\nfrom dataclasses import dataclass\nasync def main(): pass\n";
        assert!(missing_with(source, &nothing).is_empty());
    }

    #[test]
    fn imports_anywhere_count_with_their_packages() {
        let source =
            "def f():\n    if x:\n        import json\n    try:\n        from re import compile\n    \
            except E:\n        import logging as log\nclass C:\n    import heapq\n";
        assert_eq!(missing_with(source, &nothing), ["heapq", "json", "logging", "re"]);
    }

    /// `import collections` runs `collections.py`, which imports
    /// `collections.abc`; `asyncio.py` imports `contextvars` in a function.
    #[test]
    fn the_extensions_imports_count() {
        assert_eq!(missing_with("import collections\n", &nothing), ["collections.abc"]);
        assert_eq!(missing_with("from collections import deque\n", &some), Vec::<&str>::new());
        let inside = |name: &str| (name == "contextvars").then(|| text(name).unwrap());
        assert_eq!(missing_with("import asyncio\n", &nothing), ["contextvars"]);
        assert!(missing_with("import asyncio\n", &inside).is_empty());
        assert_eq!(missing_with("from collections import abc\n", &nothing), ["collections.abc"]);
    }

    /// A text that is here is read for its own imports (`pprint` imports
    /// `re`); one that is missing is read once given.
    #[test]
    fn the_texts_here_are_read_for_their_imports() {
        let have_pprint = |name: &str| (name == "pprint").then(|| text("pprint").unwrap());
        assert_eq!(missing_with("import pprint\n", &have_pprint), ["re"]);
        assert_eq!(missing_with("import pprint\n", &nothing), ["pprint"]);
        let source = "from statistics import mean\n";
        let have_all = |name: &str| text(name);
        assert!(missing_with(source, &have_all).is_empty());
    }

    /// A class statement whose base is one of asyncio's queues or locks
    /// needs their Python versions, and what those import (`heapq`).
    #[test]
    fn subclassing_a_queue_or_lock_needs_their_python_versions() {
        let needs = |source: &str| missing_with(source, &nothing);
        let subclass = "import asyncio\nclass Q(asyncio.PriorityQueue): pass\n";
        assert_eq!(needs(subclass), [ASYNCIO_BASES, "contextvars"]);
        let nested = "from asyncio import Lock\ndef f():\n    class L(Lock): pass\n";
        assert_eq!(needs(nested), [ASYNCIO_BASES, "contextvars"]);
        assert_eq!(needs("class Q(asyncio.Queue[int]): pass\n"), [ASYNCIO_BASES]);
        let given = |name: &str| [ASYNCIO_BASES, "contextvars"].contains(&name).then(|| text(name).unwrap());
        assert_eq!(missing_with(subclass, &given), ["collections.abc", "heapq"]);
        assert!(needs("class B(asyncio.Barrier): pass\nclass C(Exception): pass\n").is_empty());
        assert!(needs("q = asyncio.Queue()\n").is_empty());
    }

    #[test]
    fn a_program_that_does_not_parse_needs_nothing() {
        assert!(missing_with("import re\nx = (\n", &nothing).is_empty());
    }

    #[test]
    fn every_name_has_its_text_and_file() {
        assert_eq!(NAMES, INSIDE.iter().map(|(n, _)| *n).collect::<Vec<_>>());
        for name in NAMES {
            let path = format!("{}/src/modules/py/{}", env!("CARGO_MANIFEST_DIR"), file_name(name));
            assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), text(name), "{path}");
        }
    }

    #[test]
    fn provide_takes_only_library_modules() {
        assert!(!provide("os", "x = 1".into()));
        // Native builds have every text inside: a second text is ignored.
        assert!(provide("re", "broken".into()));
        assert_ne!(text("re"), Some("broken"));
    }
}
