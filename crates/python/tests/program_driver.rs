//! The program driver: a program run one loop iteration at a time prints
//! what a run to the end prints; the tracer hears each task's coroutine and
//! the lines it suspends at; budgets stop hostile programs with clear errors.

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_engine::{Next, TraceEvent};
use asyncio_python::host::Host;
use asyncio_python::program::Program;
use asyncio_python::{runner, Budgets, CompileErrorKind, Status};

type Lines = Rc<RefCell<Vec<String>>>;

fn program(src: &str, budgets: Budgets) -> (Program, Lines) {
    let lines: Lines = Rc::default();
    let sink = lines.clone();
    let host = Host::new(2, move |l: &str| sink.borrow_mut().push(l.to_string()));
    let module = runner::compile(src).expect("compiles");
    (Program::new(module, host, budgets, src), lines)
}

fn run(src: &str) -> (Vec<String>, asyncio_python::Report) {
    let (mut p, lines) = program(src, Budgets::default());
    let report = p.run_to_end();
    let out = lines.borrow().clone();
    (out, report)
}

const TWO_RUNS: &str = r#"
import asyncio

async def job(n, d):
    await asyncio.sleep(d)
    print("job", n, "done at", asyncio.get_running_loop().time())
    return n * n

async def main():
    tasks = [asyncio.create_task(job(i, 0.5 * (3 - i))) for i in range(3)]
    print(await asyncio.gather(*tasks))

asyncio.run(main())
print("between runs")
loop = asyncio.new_event_loop()
print(loop.run_until_complete(job(7, 1)))
loop.call_later(0.25, loop.stop)
loop.run_forever()
print("stopped at", loop.time())
loop.close()
"#;

#[test]
fn stepping_prints_what_a_run_to_the_end_prints() {
    let (expected, report) = run(TWO_RUNS);
    assert_eq!(report.status, Status::Finished);
    assert_eq!(
        expected,
        [
            "[    0.500] job 2 done at 0.5",
            "[    1.000] job 1 done at 1.0",
            "[    1.500] job 0 done at 1.5",
            "[    1.500] [0, 1, 4]",
            "[    1.500] between runs",
            "[    2.500] job 7 done at 2.5",
            "[    2.500] 49",
            "[    2.750] stopped at 2.75",
        ]
    );
    let (mut p, lines) = program(TWO_RUNS, Budgets::default());
    let mut iterations = 0;
    while let Next::Iterate { timeout } = p.prepare() {
        assert!(timeout >= 0.0);
        p.iterate(timeout);
        iterations += 1;
    }
    assert!(iterations > 10, "the loops ran one iteration at a time ({iterations})");
    assert!(p.is_finished());
    assert_eq!(*lines.borrow(), expected);
}

#[test]
fn output_appears_as_the_loop_iterates() {
    let (mut p, lines) = program(TWO_RUNS, Budgets::default());
    let mut seen_partial = false;
    while let Next::Iterate { timeout } = p.prepare() {
        p.iterate(timeout);
        let n = lines.borrow().len();
        if n == 1 {
            seen_partial = true;
        }
    }
    assert!(seen_partial, "the first line was printed before the run ended");
}

#[test]
fn the_tracer_hears_task_labels_and_suspension_lines() {
    let events: Rc<RefCell<Vec<String>>> = Rc::default();
    let (mut p, _) = program(TWO_RUNS, Budgets::default());
    let sink = events.clone();
    *p.interp().host.on_new_loop.borrow_mut() = Some(Box::new(move |lp| {
        let sink = sink.clone();
        lp.set_tracer(Box::new(move |_t: f64, e: &TraceEvent<'_>| match e {
            TraceEvent::TaskLabel { task, label } => sink.borrow_mut().push(format!("label {task} {label}")),
            TraceEvent::TaskLine { task, line } => sink.borrow_mut().push(format!("line {task} {line}")),
            _ => {}
        }));
    }));
    p.run_to_end();
    let ev = events.borrow();
    assert!(ev.contains(&"label 1 main()".to_string()), "{ev:?}");
    assert!(ev.contains(&"label 2 job(0, 1.5)".to_string()), "{ev:?}");
    assert!(ev.contains(&"label 4 job(2, 0.5)".to_string()), "{ev:?}");
    // job suspends at its sleep (line 5), main at its gather (line 11).
    assert!(ev.contains(&"line 2 5".to_string()), "{ev:?}");
    assert!(ev.contains(&"line 1 11".to_string()), "{ev:?}");
}

#[test]
fn the_tracer_hears_the_pools_state_as_the_engine_s_pools_tell_it() {
    let src = "import asyncio, time\nfrom concurrent.futures import ThreadPoolExecutor\n\
        def work(n):\n    time.sleep(n)\n    return n\n\
        async def main():\n    loop = asyncio.get_running_loop()\n    \
        with ThreadPoolExecutor(1) as pool:\n        \
        await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in (1, 2)))\n    \
        await loop.run_in_executor(None, work, 3)\n\
        asyncio.run(main())\n";
    let events: Rc<RefCell<Vec<String>>> = Rc::default();
    let (mut p, _) = program(src, Budgets::default());
    let sink = events.clone();
    *p.interp().host.on_new_loop.borrow_mut() = Some(Box::new(move |lp| {
        let sink = sink.clone();
        lp.set_tracer(Box::new(move |t: f64, e: &TraceEvent<'_>| {
            if let TraceEvent::Primitive { name, snapshot, .. } = e {
                sink.borrow_mut().push(format!("{t} {name} {snapshot}"));
            }
        }));
    }));
    p.run_to_end();
    assert_eq!(
        *events.borrow(),
        [
            "0 thread_pool-1 busy=1/1 queued=0 running=[work(1)]",
            "0 thread_pool-1 busy=1/1 queued=1 running=[work(1)]",
            "1 thread_pool-1 busy=1/1 queued=0 running=[work(2)]",
            "3 thread_pool-1 busy=0/1 queued=0 running=[]",
            "3 default executor busy=1/6 queued=0 running=[work(3)]",
            "6 default executor busy=0/6 queued=0 running=[]",
        ]
    );
}

fn small() -> Budgets {
    Budgets { step_statements: 200_000, ..Budgets::default() }
}

#[test]
fn a_task_that_never_awaits_is_a_runaway_naming_the_task_and_line() {
    let src = "import asyncio\nasync def spin():\n    while True:\n        x = 1\nasync def main():\n    asyncio.create_task(spin())\n    await asyncio.sleep(1)\n    print('never')\nasyncio.run(main())\n";
    let (mut p, lines) = program(src, small());
    let report = p.run_to_end();
    let Status::Runaway(msg) = &report.status else { panic!("not a runaway: {report:?}") };
    assert!(msg.contains("Task-2") && msg.contains("in spin, line 4"), "{msg}");
    let out = lines.borrow();
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(out[0].starts_with("[    0.000] runaway: Task-2 ran 200000 statements"), "{out:?}");
}

#[test]
fn loops_inside_builtins_count_against_the_budget() {
    for src in [
        "print(sum(range(10**15)))",
        "print(any(x < 0 for x in range(10**15)))",
        "while True: pass",
        "import math\nprint(math.factorial(10**6))",
    ] {
        let (mut p, _) = program(src, small());
        let report = p.run_to_end();
        assert!(matches!(report.status, Status::Runaway(_)), "{src}: {report:?}");
    }
}

#[test]
fn a_runaway_cannot_be_caught() {
    let src = "try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\nfinally:\n    print('finally')\n";
    let (mut p, lines) = program(src, small());
    let report = p.run_to_end();
    assert!(matches!(report.status, Status::Runaway(_)));
    assert!(
        lines.borrow().iter().all(|l| !l.contains("caught") && !l.contains("finally")),
        "{:?}",
        lines.borrow()
    );
}

/// Runs `src` in a thread with a big stack (a debug build's frames are large).
fn run_deep(src: &'static str) -> Vec<String> {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run(src).0)
        .expect("thread")
        .join()
        .expect("no panic")
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let src = "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\n";
    assert_eq!(run_deep(src), ["[    0.000] caught maximum recursion depth exceeded"]);
}

#[test]
fn the_recursion_limit_is_settable_below_the_playground_cap() {
    let src = "import sys\n\
               def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\n\
               sys.setrecursionlimit(50)\n\
               print(f(40), sys.getrecursionlimit())\n\
               try:\n    f(60)\nexcept RecursionError as e:\n    print('caught', e)\n\
               sys.setrecursionlimit(5000)\n\
               try:\n    f(3000)\nexcept RecursionError as e:\n    print('caught', e)\n";
    assert_eq!(
        run_deep(src),
        [
            "[    0.000] 40 50",
            "[    0.000] caught maximum recursion depth exceeded",
            "[    0.000] caught maximum recursion depth exceeded (the playground allows 1000 frames)",
        ]
    );
}

#[test]
fn huge_allocations_are_memory_errors() {
    for src in ["x = [0] * 10**10", "x = 'ab' * 10**12", "x = 10**10**10"] {
        let (out, report) = run(src);
        assert_eq!(report.status, Status::Finished);
        assert_eq!(out, ["[    0.000] Traceback: MemoryError"], "{src}");
    }
}

#[test]
fn only_imports_guarded_by_except_import_error_wait_until_they_run() {
    // Guarded: the program runs and the import raises when reached.
    for src in [
        "try:\n    import uvloop\nexcept ImportError:\n    pass\n",
        "try:\n    from aiohttp import web\nexcept (OSError, ModuleNotFoundError):\n    pass\n",
        "def f():\n    try:\n        import os\n    except:\n        pass\n",
    ] {
        assert!(runner::compile(src).is_ok(), "{src}");
    }
    // Not guarded: the finally block, a handler that catches something
    // else, the handler's own body, a function defined in the try.
    for src in [
        "try:\n    pass\nfinally:\n    import uvloop\n",
        "try:\n    import uvloop\nexcept KeyError:\n    pass\n",
        "try:\n    pass\nexcept ImportError:\n    import uvloop\n",
        "try:\n    def f():\n        import uvloop\nexcept ImportError:\n    pass\n",
    ] {
        let e = runner::compile(src).unwrap_err();
        assert_eq!(e.kind, CompileErrorKind::ModuleNotFound, "{src}");
    }
}

#[test]
fn unknown_modules_and_bad_code_are_refused_before_anything_runs() {
    let e = runner::compile("print('hi')\nimport os\n").unwrap_err();
    assert_eq!(e.kind, CompileErrorKind::ModuleNotFound);
    assert_eq!((e.pos.line, e.pos.col), (2, 8));
    assert!(e.to_string().starts_with("ModuleNotFoundError: No module named 'os'"), "{e}");
    assert!(e.to_string().contains("asyncio"), "{e}");
    let e = runner::compile("x = (1,\n").unwrap_err();
    assert_eq!(e.to_string(), "SyntaxError: '(' was never closed");
    let e = runner::compile("def f():\n    return 2j\n").unwrap_err();
    assert_eq!(e.kind, CompileErrorKind::Unsupported);
    assert_eq!(e.to_string(), "not supported in the playground: complex numbers");
    let nested = format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    assert!(runner::compile(&nested).is_err());
    let big = "x = 1 + 2\n".repeat(110_000);
    assert!(big.len() > 1_000_000);
    assert!(runner::compile(&big).is_ok());
}

#[test]
fn the_host_is_out_of_reach() {
    for (src, message) in [
        ("eval('1')", "NotImplementedError: eval() is not supported in the playground"),
        ("exec('x = 1')", "NotImplementedError: exec() is not supported in the playground"),
        ("open('/etc/passwd')", "NotImplementedError: open() is not supported in the playground"),
        ("__import__('os')", "NotImplementedError: __import__() is not supported in the playground"),
    ] {
        let (out, _) = run(src);
        assert_eq!(out, [format!("[    0.000] Traceback: {message}")], "{src}");
    }
}

#[test]
fn an_escaping_exception_is_the_last_line_and_a_traceback_on_stderr() {
    let src = "def f(d):\n    return d['missing']\nprint('before')\nf({})\n";
    let (out, report) = run(src);
    assert_eq!(out, ["[    0.000] before", "[    0.000] Traceback: KeyError: 'missing'"]);
    assert_eq!(
        report.stderr,
        "Traceback (most recent call last):\n  File \"<stdin>\", line 4, in <module>\n    f({})\n  File \"<stdin>\", line 2, in f\n    return d['missing']\n           ~^^^^^^^^^^^\nKeyError: 'missing'\n"
    );
}

#[test]
fn a_task_that_failed_unseen_is_reported_on_stderr_when_freed() {
    // python3's stderr for the same program (named <stdin>); the task whose
    // exception was asked for is not reported.
    let src = "import asyncio\nasync def boom(n):\n    raise ValueError(n)\nasync def main():\n    asyncio.create_task(boom(1))\n    t = asyncio.create_task(boom(2))\n    await asyncio.sleep(0)\n    print(repr(t.exception()))\nasyncio.run(main())\n";
    let (out, report) = run(src);
    assert_eq!(out, ["[    0.000] ValueError(2)"]);
    assert_eq!(
        report.stderr,
        "Task exception was never retrieved\nfuture: <Task finished name='Task-2' coro=<boom() done, defined at <stdin>:2> exception=ValueError(1)>\nTraceback (most recent call last):\n  File \"<stdin>\", line 3, in boom\n    raise ValueError(n)\nValueError: 1\n"
    );
}

#[test]
fn a_task_that_failed_unseen_is_reported_also_while_a_tracer_listens() {
    // The page sets a tracer on every loop; the report must not depend on it.
    let src = "import asyncio\nasync def boom(n):\n    raise ValueError(n)\nasync def main():\n    asyncio.create_task(boom(1))\n    await asyncio.sleep(1)\nasyncio.run(main())\n";
    let (mut p, _) = program(src, Budgets::default());
    *p.interp().host.on_new_loop.borrow_mut() = Some(Box::new(|lp| {
        lp.set_tracer(Box::new(|_t: f64, _e: &TraceEvent<'_>| {}));
    }));
    let report = p.run_to_end();
    assert!(report.stderr.starts_with("Task exception was never retrieved\n"), "{}", report.stderr);
}

#[test]
fn a_deadlock_is_reported_as_the_oracle_does() {
    let src = "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n";
    let (mut p, lines) = program(src, Budgets::default());
    let report = p.run_to_end();
    assert_eq!(report.status, Status::Finished);
    assert_eq!(
        *lines.borrow(),
        ["[    0.000] deadlock: nothing is scheduled and 1 task(s) wait forever: Task-1"]
    );
    assert_eq!(p.deadlock_details().len(), 1, "{:?}", p.deadlock_details());
    assert!(p.deadlock_details()[0].starts_with("Task-1: "), "{:?}", p.deadlock_details());
}

#[test]
fn primitives_are_numbered_per_kind_for_the_inspector_and_the_deadlock_details() {
    let src = "import asyncio\n\
        async def main():\n    a = asyncio.Lock()\n    b = asyncio.Lock()\n    e = asyncio.Event()\n\
        \x20   async def holder():\n        async with a:\n            await e.wait()\n\
        \x20   t = asyncio.create_task(holder())\n    await asyncio.sleep(0)\n\
        \x20   async with b:\n        async with a:\n            pass\n\
        asyncio.run(main())\n";
    for _ in 0..2 {
        // Each program counts from 1.
        let (mut p, _) = program(src, Budgets::default());
        p.run_to_end();
        assert_eq!(p.deadlock_details(), ["Task-1: Lock lock-1 (held by Task-2)", "Task-2: Event event-1"],);
    }
}

/// A clock the test moves by hand, as the page's real mode would read `performance.now()`.
struct HandClock(Rc<std::cell::Cell<f64>>);

impl asyncio_engine::Clock for HandClock {
    fn time(&self) -> f64 {
        self.0.get()
    }
    fn select(&mut self, _timeout: f64) {}
    fn blocking_sleep(&mut self, d: f64) {
        self.0.set(self.0.get() + d);
    }
}

#[test]
fn a_driver_can_give_the_program_real_clocks() {
    let src = "import asyncio, time\nasync def main():\n    await asyncio.sleep(1)\n    print('woke', time.monotonic())\nasyncio.run(main())\n";
    let (mut p, lines) = program(src, Budgets::default());
    let wall = Rc::new(std::cell::Cell::new(100.0));
    let clock = wall.clone();
    *p.interp().host.make_clock.borrow_mut() = Some(Box::new(move || Box::new(HandClock(clock.clone()))));
    let mut waited = 0.0;
    while let Next::Iterate { timeout } = p.prepare() {
        // The driver really waits: the wall clock moves by the timeout.
        if timeout.is_finite() && timeout > 0.0 {
            wall.set(wall.get() + timeout);
            waited += timeout;
        }
        p.iterate(timeout);
    }
    assert_eq!(waited, 1.0);
    assert_eq!(*lines.borrow(), ["[  101.000] woke 101.0"]);
}

#[test]
fn loops_that_never_end_are_stopped() {
    let budgets = Budgets { stalled_iterations: 10_000, max_iterations: 100_000, ..Budgets::default() };
    for (src, expect) in [
        (
            "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n",
            "virtual time has not moved for 10000 loop iterations",
        ),
        (
            "import asyncio\nasync def main():\n    await asyncio.sleep(1e30)\nasyncio.run(main())\n",
            "runaway: the loop ran 100000 iterations",
        ),
    ] {
        let (mut p, lines) = program(src, budgets);
        let report = p.run_to_end();
        let Status::Runaway(msg) = &report.status else { panic!("not a runaway: {report:?}") };
        assert!(msg.contains(expect), "{msg}");
        assert_eq!(lines.borrow().len(), 1, "{:?}", lines.borrow());
    }
}

#[test]
fn sleeping_forever_is_a_deadlock() {
    let src =
        "import asyncio\nasync def main():\n    await asyncio.sleep(float('inf'))\nasyncio.run(main())\n";
    let (out, report) = run(src);
    assert_eq!(report.status, Status::Finished);
    assert_eq!(out, ["[    0.000] deadlock: nothing is scheduled and 1 task(s) wait forever: Task-1"]);
}

#[test]
fn a_coroutine_never_awaited_is_python_s_runtime_warning_on_stderr() {
    // python3's stderr for the same program run from a file (named <stdin>
    // here); an awaited, a scheduled and a closed coroutine warn nothing.
    let src = "import asyncio\nasync def fetch(i):\n    return i\nasync def main():\n    fetch(1)\n    \
               await fetch(2)\n    t = asyncio.create_task(fetch(3))\n    c = fetch(4)\n    c.close()\n    \
               await t\n    print('done')\nasyncio.run(main())\n";
    let (out, report) = run(src);
    assert_eq!(out, ["[    0.000] done"]);
    assert_eq!(
        report.stderr,
        "<stdin>:5: RuntimeWarning: coroutine 'fetch' was never awaited\n  fetch(1)\n\
         RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
    );
}

#[test]
fn a_coroutine_never_awaited_in_a_loop_is_warned_about_once_per_line() {
    // python3's stderr: the warnings' default filter shows a warning once
    // per coroutine and line; another line warns again.
    let src =
        "import asyncio\nasync def save(i):\n    pass\nasync def main():\n    for i in range(3):\n        \
               save(i)\n    save(9)\nasyncio.run(main())\n";
    let (_, report) = run(src);
    let warning = |line: u32, text: &str| {
        format!(
            "<stdin>:{line}: RuntimeWarning: coroutine 'save' was never awaited\n  {text}\n\
             RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
        )
    };
    assert_eq!(report.stderr, warning(6, "save(i)") + &warning(7, "save(9)"));
}

#[test]
fn a_tracebacks_last_line_names_the_class_by_module_and_qualified_name() {
    // python3's stderr for the same program run from a file named <stdin>:
    // asyncio's class by its module, the program's nested class by its qualified name.
    let src = "import asyncio\nclass Outer:\n    class Inner(Exception):\n        pass\ntry:\n    asyncio.Future\n    raise asyncio.InvalidStateError('not set')\nexcept asyncio.InvalidStateError:\n    raise Outer.Inner('inner')\n";
    let (out, report) = run(src);
    assert_eq!(out, ["[    0.000] Traceback: Inner: inner"]);
    assert_eq!(
        report.stderr,
        "Traceback (most recent call last):\n  File \"<stdin>\", line 7, in <module>\n    raise asyncio.InvalidStateError('not set')\nasyncio.exceptions.InvalidStateError: not set\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"<stdin>\", line 9, in <module>\n    raise Outer.Inner('inner')\nOuter.Inner: inner\n"
    );
}

#[test]
fn an_escaping_name_or_attribute_error_says_did_you_mean_as_python3_does() {
    // Each program's last stderr line, as python3 3.11 prints it (checked by
    // running python3 on the same text); `traceback.format_exc()` (3.11's
    // traceback module) adds no suggestion.
    let prelude = "import asyncio, math\nfetch_data = 1\nclass Conn:\n    def __init__(self):\n        self.timeout = 3\n    def send_message(self): pass\ndef f(count):\n    total = 0\n    return totl + count\n";
    let cases = [
        ("fetch_dta", "NameError: name 'fetch_dta' is not defined. Did you mean: 'fetch_data'?"),
        ("f(1)", "NameError: name 'totl' is not defined. Did you mean: 'total'?"),
        ("math.sqr", "AttributeError: module 'math' has no attribute 'sqr'. Did you mean: 'sqrt'?"),
        (
            "Conn().timeot",
            "AttributeError: 'Conn' object has no attribute 'timeot'. Did you mean: 'timeout'?",
        ),
        ("[].apend(1)", "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?"),
        (
            "asyncio.gahter",
            "AttributeError: module 'asyncio' has no attribute 'gahter'. Did you mean: 'gather'?",
        ),
        ("prnt('x')", "NameError: name 'prnt' is not defined. Did you mean: 'print'?"),
        ("(3).reel", "AttributeError: 'int' object has no attribute 'reel'. Did you mean: 'real'?"),
        ("zzzzzz", "NameError: name 'zzzzzz' is not defined"),
    ];
    for (tail, last) in cases {
        let (_, report) = run(&format!("{prelude}{tail}\n"));
        assert_eq!(report.stderr.lines().last(), Some(last), "{tail}");
    }
    let (out, _) = run("import traceback\ntry:\n    prnt\nexcept NameError:\n    print(traceback.format_exc().splitlines()[-1])\n");
    assert_eq!(out, ["[    0.000] NameError: name 'prnt' is not defined"]);
}

#[test]
fn a_misspelt_method_of_asyncio_or_collections_objects_gets_its_suggestion() {
    // python3 3.11's last stderr line for each.
    let cases = [
        (
            "asyncio.Queue().put_nowiat(1)",
            "'Queue' object has no attribute 'put_nowiat'. Did you mean: 'put_nowait'?",
        ),
        ("asyncio.Lock().aquire", "'Lock' object has no attribute 'aquire'. Did you mean: 'acquire'?"),
        ("asyncio.Event().is_sett()", "'Event' object has no attribute 'is_sett'. Did you mean: 'is_set'?"),
        (
            "collections.deque().apendleft(1)",
            "'collections.deque' object has no attribute 'apendleft'. Did you mean: 'appendleft'?",
        ),
        (
            "collections.Counter().most_comon",
            "'Counter' object has no attribute 'most_comon'. Did you mean: 'most_common'?",
        ),
    ];
    for (tail, last) in cases {
        let (_, report) = run(&format!("import asyncio, collections\n{tail}\n"));
        assert_eq!(report.stderr.lines().last(), Some(&*format!("AttributeError: {last}")), "{tail}");
    }
}

#[test]
fn loop_methods_the_playground_lacks_are_refused_when_called() {
    let src = "import asyncio\nasync def main():\n    loop = asyncio.get_running_loop()\n    print(hasattr(loop, 'set_task_factory'), hasattr(loop, 'nope'))\n    loop.set_task_factory(None)\nasyncio.run(main())\n";
    let (out, _) = run(src);
    assert_eq!(
        out,
        [
            "[    0.000] True False",
            "[    0.000] Traceback: NotImplementedError: loop.set_task_factory() is not supported in the playground"
        ]
    );
}

#[test]
fn a_method_missing_in_an_awaited_call_is_marked_alone() {
    // python3 marks the attribute, not the whole `await` (as for car.py).
    let src = "import asyncio\nasync def main():\n    x = await asyncio.sleeep(1)\nasyncio.run(main())\n";
    let (_, report) = run(src);
    let lines: Vec<&str> = report.stderr.lines().collect();
    let at = lines.iter().position(|l| *l == "    x = await asyncio.sleeep(1)").expect("the line shown");
    assert_eq!(lines[at + 1], "              ^^^^^^^^^^^^^^");
}

#[test]
fn tasks_left_pending_are_destroyed_at_exit_as_python_reports_them() {
    // pyrun.py's stderr for the same programs (td.py, td4.py in its place).
    let closed = "import asyncio\nasync def ticker(n): await asyncio.sleep(10)\nasync def main():\n    for i in range(2):\n        asyncio.ensure_future(ticker(i))\n    await asyncio.sleep(1)\nloop = asyncio.new_event_loop()\nloop.run_until_complete(main())\nloop.close()\nprint('closed')\n";
    let (out, report) = run(closed);
    assert_eq!(out, ["[    1.000] closed"]);
    assert_eq!(
        report.stderr,
        "Task was destroyed but it is pending!\ntask: <Task pending name='Task-2' coro=<ticker() done, defined at <stdin>:2> wait_for=<Future pending cb=[Task.task_wakeup()]>>\nTask was destroyed but it is pending!\ntask: <Task pending name='Task-3' coro=<ticker() done, defined at <stdin>:2> wait_for=<Future pending cb=[Task.task_wakeup()]>>\n"
    );
    let never_ran = "import asyncio\nasync def job(): await asyncio.sleep(1)\nloop = asyncio.new_event_loop()\nt = loop.create_task(job())\n";
    let (_, report) = run(never_ran);
    assert_eq!(
        report.stderr,
        "sys:1: RuntimeWarning: coroutine 'job' was never awaited\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\nTask was destroyed but it is pending!\ntask: <Task pending name='Task-1' coro=<job() running at <stdin>:2>>\n"
    );
    // asyncio.run cancels what is left: nothing to report.
    let (_, report) = run(
        "import asyncio\nasync def main():\n    asyncio.create_task(asyncio.sleep(5))\nasyncio.run(main())\n",
    );
    assert_eq!(report.stderr, "");
}

#[test]
fn carets_mark_what_python3_marks_in_statements() {
    // (program, the failing line, python3's caret line under it).
    let cases = [
        ("def count(words):\n    counts = {}\n    for w in words:\n        counts[w] += 1\ncount(['a'])\n", "    counts[w] += 1", "    ~~~~~~^^^"),
        ("def remove(d, key):\n    del d[key]\nremove({'a': 1}, 'b')\n", "    del d[key]", "        ~^^^^^"),
        ("def split_pair(t):\n    a, b = t\nsplit_pair((1, 2, 3))\n", "    a, b = t", "    ^^^^"),
        ("def check(total):\n    assert total > 0, f'got {total}'\ncheck(0)\n", "    assert total > 0, f'got {total}'", "           ^^^^^^^^^"),
        ("import asyncio\nclass Client:\n    async def get(self):\n        return 1\nasync def main():\n    data = await Client().get('/users')\nasyncio.run(main())\n", "    data = await Client().get('/users')", "                 ^^^^^^^^^^^^^^^^^^^^^^"),
        ("class O: pass\ndef f(o):\n    o.count += 1\nf(O())\n", "    o.count += 1", "    ^^^^^^^"),
        ("def register(fn):\n    raise ValueError(fn.__name__)\n@register\ndef handler():\n    pass\n", "    @register", "     ^^^^^^^^"),
        ("def deco(c):\n    raise ValueError('no')\n@deco\nclass A:\n    pass\n", "    @deco", "     ^^^^"),
    ];
    for (src, line, carets) in cases {
        let (_, report) = run(src);
        let lines: Vec<&str> = report.stderr.lines().collect();
        let at =
            lines.iter().rposition(|l| *l == line).unwrap_or_else(|| panic!("{line} in {}", report.stderr));
        assert_eq!(lines[at + 1], carets, "{src}");
    }
}
