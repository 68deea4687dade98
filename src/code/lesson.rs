//! What the page shows for a view whose program the interpreter runs: your
//! own program (`main.py`) and the lessons written in Python
//! ([`asyncio_scenarios::pylessons`]), as [`Meta`]s like a scenario's, with
//! no parameters.

use std::cell::RefCell;

use asyncio_scenarios::meta::Meta;
use asyncio_scenarios::pylessons::{find_py_lesson, PY_LESSONS};
use asyncio_scenarios::Topic;

/// Your own program's name: its heading, and the file its traceback names.
pub const OWN_NAME: &str = "main.py";

static OWN: Meta = Meta {
    name: OWN_NAME,
    summary: "Your own asyncio program, run by the playground's Python interpreter with CPython 3.11's \
              scheduling, on the virtual clock.",
    details: "Edit the program and press Run (or Ctrl-Enter in the editor). It prints what \
              python3 ../shared/reference/pyrun.py main.py prints: each line stamped [t] with loop.time(). \
              The interpreter runs a subset of Python 3.11 (docs/python-subset.md); anything outside it is \
              reported with its line before anything runs. Share copies a link that carries the program.",
    topic: Topic::Tasks,
    params: &[],
};

thread_local! {
    static LESSON_METAS: RefCell<Vec<&'static Meta>> = const { RefCell::new(Vec::new()) };
}

/// The metadata of `main.py` or of a Python lesson.
pub fn program_meta(name: &str) -> Option<&'static Meta> {
    if name == OWN_NAME {
        return Some(&OWN);
    }
    let lesson = find_py_lesson(name)?;
    LESSON_METAS.with(|metas| {
        if let Some(meta) = metas.borrow().iter().find(|m| m.name == name) {
            return Some(*meta);
        }
        // Made once per lesson for the page's life.
        let details: &'static str =
            Box::leak(format!("{}\n\n{}", lesson.lead, lesson.details).into_boxed_str());
        let meta: &'static Meta = Box::leak(Box::new(Meta {
            name: lesson.name,
            summary: lesson.summary,
            details,
            topic: Topic::Tasks,
            params: &[],
        }));
        metas.borrow_mut().push(meta);
        Some(meta)
    })
}

/// True if `name` is a lesson written in Python.
pub fn is_py_lesson(name: &str) -> bool {
    PY_LESSONS.iter().any(|l| l.name == name)
}

/// The program of a Python lesson.
pub fn py_lesson_program(name: &str) -> Option<&'static str> {
    find_py_lesson(name).map(|l| l.program)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_python_lesson_has_a_meta_made_once() {
        for lesson in PY_LESSONS {
            let meta = program_meta(lesson.name).expect("a meta");
            assert!(std::ptr::eq(meta, program_meta(lesson.name).unwrap()));
            assert!(meta.details.starts_with(lesson.lead));
            assert!(is_py_lesson(lesson.name));
        }
        assert_eq!(program_meta(OWN_NAME).unwrap().params.len(), 0);
        assert!(program_meta("sync_event").is_none());
    }
}
