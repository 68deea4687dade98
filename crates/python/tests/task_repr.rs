//! A task's repr names its coroutine as CPython's `_format_coroutine` does:
//! the qualified name, and where it runs or was defined. The differential
//! programs cannot show it (the oracle prints the path it was given), so
//! the expected lines here are python3's for the same program run as
//! `tr.py` (checked by hand with pyrun.py).

use std::cell::RefCell;
use std::rc::Rc;

fn run(source: &str, filename: &str) -> Vec<String> {
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    asyncio_python::run_source(source, filename, 2, move |line| sink.borrow_mut().push(line.to_string()))
        .expect("the program compiles");
    let out = lines.borrow().clone();
    out
}

#[test]
fn a_task_repr_shows_the_coroutine_qualname_and_its_line() {
    let source = "\
import asyncio
class W:
    async def run(self):
        await asyncio.sleep(0.1)
async def main():
    async def inner():
        return 1
    t1 = asyncio.create_task(W().run())
    t2 = asyncio.create_task(inner())
    print(t1, t2)
    await asyncio.sleep(0)
    print(t2)
    await asyncio.sleep(0.05)
    print(repr(t1).split(' wait_for')[0].rstrip('>') + '>')
    await t1
    print(t1)
asyncio.run(main())
";
    assert_eq!(
        run(source, "tr.py"),
        [
            "[    0.000] <Task pending name='Task-2' coro=<W.run() running at tr.py:3>> \
             <Task pending name='Task-3' coro=<main.<locals>.inner() running at tr.py:6>>",
            "[    0.000] <Task finished name='Task-3' coro=<main.<locals>.inner() done, defined at tr.py:6> result=1>",
            "[    0.050] <Task pending name='Task-2' coro=<W.run() running at tr.py:4>",
            "[    0.100] <Task finished name='Task-2' coro=<W.run() done, defined at tr.py:3> result=None>",
        ]
    );
}
