//! Lessons written as Python programs: the interpreter (`asyncio-python`)
//! runs them as they are, with no Rust scenario behind them.
//!
//! Each lesson is `src/pylessons/NAME.py`; `src/pylessons/expected/NAME.txt`
//! is what `python3 ../shared/reference/pyrun.py NAME.py` prints (CPython
//! 3.11 on the oracle's virtual clock). The tests below check that the
//! interpreter prints exactly that; `scripts/plain_check.py` checks that
//! pyrun.py still does.
//!
//! A lesson's output must not depend on an order CPython leaves to object
//! addresses: `TaskGroup` cancels its children by iterating a set, so a
//! program that cancels several siblings records them and prints them sorted.

use crate::meta::Meta;
use crate::Topic;

/// A lesson written as a Python program, run by the interpreter: its
/// descriptor, as a scenario's [`Lesson`](crate::Lesson) is (a Python lesson
/// has no parameters, template, push box or Web Workers).
#[derive(Debug)]
pub struct PyLesson {
    /// Its metadata, like a scenario's: the URL name (`?scenario=NAME`), one
    /// sentence for the gallery card, and as details the plain-words opening
    /// of "About this lesson" (one or two sentences), a blank line, and what
    /// to watch for in the output and the timeline (2-4 sentences, in
    /// paragraphs separated by a blank line); topic `Tasks`, no parameters.
    pub meta: Meta,
    /// The program (include_str! of the .py file).
    pub program: &'static str,
}

/// Every Python lesson, in the order of the gallery.
pub static PY_LESSONS: &[PyLesson] = &[
    PyLesson {
        meta: Meta {
            name: "taskgroup_cancel_siblings",
            summary: "A TaskGroup child fails: the group cancels its siblings and raises an ExceptionGroup that except* handles.",
            details: "asyncio.TaskGroup (new in Python 3.11) runs tasks together and waits for all of them at the end \
                  of its async with block. If one task fails, the group cancels the others, so no task is left \
                  running on its own.\n\n\
                  fast finishes at 0.5 and keeps its result. At 1.0 bad raises ValueError: in the same instant \
                  the group cancels slow-a and slow-b, which never reach their done line, waits for them to \
                  finish cancelling, and raises an ExceptionGroup holding the ValueError.\n\n\
                  except* ValueError takes the ValueErrors out of the group, so main carries on at 1.0. \
                  The group cancels its children in no fixed order, so each cancelled task only records its \
                  name and main prints the names sorted.",
            topic: Topic::Tasks,
            params: &[],
        },
        program: include_str!("pylessons/taskgroup_cancel_siblings.py"),
    },
    PyLesson {
        meta: Meta {
            name: "timeout_reschedule",
            summary: "asyncio.timeout() with a deadline pushed back by reschedule() after each chunk of work, until a slow chunk misses it.",
            details: "asyncio.timeout() (new in Python 3.11) cancels the code in its async with block when a deadline \
                  passes. The context manager it returns can read the deadline with when() and move it with \
                  reschedule().\n\n\
                  The deadline starts at 1.0. Each chunk that finishes moves it to one second after now, so three \
                  quick chunks push it to 1.5, 2.0 and 2.5. Chunk 4 needs 1.5 seconds and the deadline passes \
                  at 2.5: the timeout cancels the task inside asyncio.sleep, where the CancelledError is seen \
                  with expired() already True.\n\n\
                  Leaving the block, the timeout turns that CancelledError into TimeoutError, which the try \
                  around the async with catches. Afterwards cm.expired() is True and cm.when() is the deadline \
                  that passed, 2.5.",
            topic: Topic::Tasks,
            params: &[],
        },
        program: include_str!("pylessons/timeout_reschedule.py"),
    },
];

/// The Python lesson called `name`, if there is one.
pub fn find_py_lesson(name: &str) -> Option<&'static PyLesson> {
    PY_LESSONS.iter().find(|lesson| lesson.meta.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::path::PathBuf;
    use std::rc::Rc;

    fn dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src").join("pylessons")
    }

    fn read(path: &PathBuf) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    #[test]
    fn every_lesson_is_its_file_and_every_file_a_lesson() {
        assert!(!PY_LESSONS.is_empty());
        for (i, lesson) in PY_LESSONS.iter().enumerate() {
            assert!(!lesson.program.trim().is_empty(), "{}: empty program", lesson.meta.name);
            let meta = &lesson.meta;
            assert!(!meta.summary.is_empty(), "{}: no summary", meta.name);
            // The plain-words opening, then what to watch for.
            let paragraphs: Vec<&str> = meta.details.split("\n\n").collect();
            assert!(
                paragraphs.len() >= 2 && paragraphs.iter().all(|p| !p.trim().is_empty()),
                "{}",
                meta.name
            );
            assert!(meta.params.is_empty() && meta.topic == crate::Topic::Tasks, "{}", meta.name);
            let file = read(&dir().join(format!("{}.py", lesson.meta.name)));
            assert_eq!(file, lesson.program, "{}: program is not {}.py", lesson.meta.name, lesson.meta.name);
            assert!(dir().join("expected").join(format!("{}.txt", lesson.meta.name)).is_file());
            assert!(
                PY_LESSONS[..i].iter().all(|other| other.meta.name != lesson.meta.name),
                "{}: two lessons share the name",
                lesson.meta.name
            );
            assert!(
                crate::find_meta(lesson.meta.name).is_none(),
                "{}: a scenario has that name",
                lesson.meta.name
            );
            assert!(find_py_lesson(lesson.meta.name).is_some_and(|found| std::ptr::eq(found, lesson)));
        }
        for entry in std::fs::read_dir(dir()).expect("src/pylessons") {
            let path = entry.expect("directory entry").path();
            if path.extension().is_some_and(|x| x == "py") {
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
                assert!(find_py_lesson(stem).is_some(), "{} is not in PY_LESSONS", path.display());
            }
        }
        assert!(find_py_lesson("no_such_lesson").is_none());
    }

    #[test]
    fn every_lesson_prints_its_expected_output() {
        for lesson in PY_LESSONS {
            let lines = Rc::new(RefCell::new(Vec::<String>::new()));
            let sink = lines.clone();
            let filename = format!("{}.py", lesson.meta.name);
            let report = asyncio_python::run_source(lesson.program, &filename, 2, move |line| {
                sink.borrow_mut().push(line.to_string())
            })
            .unwrap_or_else(|e| panic!("{}: compile error: {e}", lesson.meta.name));
            assert_eq!(
                report.status,
                asyncio_python::Status::Finished,
                "{}: {}",
                lesson.meta.name,
                report.stderr
            );
            let got: String = lines.borrow().iter().map(|line| format!("{line}\n")).collect();
            let want = read(&dir().join("expected").join(format!("{}.txt", lesson.meta.name)));
            assert_eq!(got, want, "{}: the interpreter prints differently from pyrun.py", lesson.meta.name);
        }
    }
}
