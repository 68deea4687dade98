//! What the page shows for a view whose program the interpreter runs: your
//! own program (`main.py`) and the lessons written in Python
//! ([`asyncio_scenarios::pylessons`], each of which declares its [`Meta`]
//! like a scenario's), with no parameters.

use asyncio_scenarios::meta::Meta;
use asyncio_scenarios::pylessons::find_py_lesson;
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

/// The metadata of `main.py` or of a Python lesson.
pub fn program_meta(name: &str) -> Option<&'static Meta> {
    if name == OWN_NAME {
        return Some(&OWN);
    }
    find_py_lesson(name).map(|lesson| &lesson.meta)
}

/// True if `name` is a lesson written in Python.
pub fn is_py_lesson(name: &str) -> bool {
    find_py_lesson(name).is_some()
}

/// The program of a Python lesson.
pub fn py_lesson_program(name: &str) -> Option<&'static str> {
    find_py_lesson(name).map(|l| l.program)
}

#[cfg(test)]
mod tests {
    use super::*;

    use asyncio_scenarios::pylessons::PY_LESSONS;

    #[test]
    fn every_python_lesson_has_its_own_meta() {
        for lesson in PY_LESSONS {
            let name = lesson.meta.name;
            assert!(program_meta(name).is_some_and(|meta| std::ptr::eq(meta, &lesson.meta)), "{name}");
            assert_eq!(py_lesson_program(name), Some(lesson.program));
            assert!(is_py_lesson(name));
        }
        assert!(!is_py_lesson(OWN_NAME) && !is_py_lesson("sync_event"));
        assert_eq!(program_meta(OWN_NAME).unwrap().params.len(), 0);
        assert!(program_meta("sync_event").is_none());
    }
}
