//! A dropped program frees what it made, cycles included (the page runs
//! many programs in one tab), and nothing of it runs afterwards.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use asyncio_engine::Next;
use asyncio_python::host::Host;
use asyncio_python::interp::Interp;
use asyncio_python::program::Program;
use asyncio_python::value::Value;
use asyncio_python::{runner, Budgets};

type Lines = Rc<RefCell<Vec<String>>>;

fn program(src: &str) -> (Program, Lines) {
    let lines: Lines = Rc::default();
    let sink = lines.clone();
    let host = Host::new(2, move |l: &str| sink.borrow_mut().push(l.to_string()));
    let module = runner::compile(src).expect("compiles");
    (Program::new(module, host, Budgets::default(), src), lines)
}

/// A global of the program's `__main__`.
fn global(p: &Program, name: &str) -> Value {
    let main = p.interp().main_module.borrow().clone().expect("a main module");
    main.get(name).unwrap_or_else(|| panic!("no global {name}"))
}

/// Weak handles on what `value` holds.
fn weak(value: Value) -> Box<dyn Fn() -> bool> {
    fn alive<T: ?Sized + 'static>(w: Weak<T>) -> Box<dyn Fn() -> bool> {
        Box::new(move || w.upgrade().is_some())
    }
    match value {
        Value::Function(f) => alive(Rc::downgrade(&f)),
        Value::Class(c) => alive(Rc::downgrade(&c)),
        Value::Instance(i) => alive(Rc::downgrade(&i)),
        Value::List(l) => alive(Rc::downgrade(&l)),
        Value::Object(o) => alive(Rc::downgrade(&o)),
        _ => panic!("not a reference"),
    }
}

const CYCLES: &str = r#"
import asyncio
from dataclasses import dataclass

def make_counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return bump          # the closure's cell holds the function itself
    return bump

class Node:
    registry = []            # the class holds its instances, they hold it
    def __init__(self, name):
        self.name = name
        self.peer = self
        Node.registry.append(self)

@dataclass(order=True)
class Point:
    x: int
    y: int = 0

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1, fut.set_result, point)
    return await fut

counter = make_counter()
node = Node("a")
point = Point(1, 2)
items = [node, counter, Point]
other = asyncio.new_event_loop()     # never closed
other.call_later(5, print, other)
print(counter()() is counter, asyncio.run(main()))
"#;

#[test]
fn a_dropped_program_frees_its_objects_and_their_cycles() {
    let (mut p, lines) = program(CYCLES);
    // While `main` runs (the globals are cleared when the program ends, as
    // Python clears them at exit).
    assert!(matches!(p.step(), Next::Iterate { .. }));
    let names = ["make_counter", "counter", "Node", "node", "Point", "point", "items", "other"];
    let handles: Vec<_> = names.iter().map(|n| (*n, weak(global(&p, n)))).collect();
    p.run_to_end();
    assert_eq!(*lines.borrow(), ["[    1.000] True Point(x=1, y=2)"]);
    let interp: Weak<Interp> = Rc::downgrade(p.interp());
    drop(p);
    for (name, alive) in &handles {
        assert!(!alive(), "{name} outlived its program");
    }
    assert!(interp.upgrade().is_none(), "the interpreter outlived its program");
}

#[test]
fn a_program_dropped_in_the_middle_of_its_run_is_freed() {
    let src = "import asyncio\n\
               async def tick(n):\n    while True:\n        await asyncio.sleep(n)\n\
               async def main():\n    await asyncio.gather(*(tick(i + 1) for i in range(3)))\n\
               asyncio.run(main())\n";
    let (mut p, _) = program(src);
    for _ in 0..5 {
        assert!(matches!(p.step(), Next::Iterate { .. }));
    }
    let interp: Weak<Interp> = Rc::downgrade(p.interp());
    drop(p);
    assert!(interp.upgrade().is_none(), "the interpreter outlived its program");
}

#[test]
fn a_suspended_generator_of_a_dropped_program_never_runs_again() {
    let src = "def g():\n    try:\n        yield 1\n    finally:\n        print('closing')\n\
               x = g()\nprint(next(x))\n";
    let (mut first, first_lines) = program(src);
    first.run_to_end();
    drop(first);
    let (mut second, second_lines) = program("print('second')\n");
    second.run_to_end();
    assert_eq!(*first_lines.borrow(), ["[    0.000] 1"]);
    assert_eq!(*second_lines.borrow(), ["[    0.000] second"]);
}
