//! The interpreter behind [`Interpreter`]: `asyncio-python`'s [`Program`],
//! driven as a [`Run`] like a lesson's session.

use std::rc::Rc;

use asyncio_engine::{get_running_loop, EventLoop, Next, TraceEvent};
use asyncio_python::host::Host;
use asyncio_python::program::Program;
use asyncio_python::runner::compile;
use asyncio_python::{Budgets, CompileError, Status};

use super::{Diagnostic, Interpreter, Setup};
use crate::driver::{RealClock, Run};

/// The file name tracebacks show.
pub const FILENAME: &str = "main.py";

/// The CPU count `os.cpu_count()` and the default executor see (pyrun.py's
/// default `--cpus`).
pub const CPUS: u32 = 4;

/// The interpreter of `crates/python`.
pub struct Python;

fn diagnostic(error: &CompileError) -> Diagnostic {
    Diagnostic { line: error.pos.line, col: error.pos.col, message: error.to_string() }
}

impl Interpreter for Python {
    fn check(&self, source: &str) -> Option<Diagnostic> {
        compile(source).err().map(|e| diagnostic(&e))
    }

    fn uses_executors(&self, source: &str) -> bool {
        asyncio_python::runner::uses_executors(source)
    }

    #[cfg(target_arch = "wasm32")]
    fn fetch_modules(&self, source: &str, done: Box<dyn FnOnce(Result<(), String>)>) -> bool {
        super::library::fetch_missing(source, done)
    }

    /// A native build has every module inside.
    #[cfg(not(target_arch = "wasm32"))]
    fn fetch_modules(&self, _: &str, _: Box<dyn FnOnce(Result<(), String>)>) -> bool {
        false
    }

    fn start(&self, source: &str, setup: Setup) -> Result<Box<dyn Run>, Diagnostic> {
        let module = compile(source).map_err(|e| diagnostic(&e))?;
        let lines = setup.lines;
        let host = Host::new(setup.cpus, move |line| {
            // The timeline marks prints too, as it does a lesson's.
            if let Ok(event_loop) = get_running_loop() {
                event_loop.emit(&TraceEvent::Print { line });
            }
            lines.borrow_mut().push(line.to_string());
        });
        *host.filename.borrow_mut() = Rc::from(FILENAME);
        *host.on_new_loop.borrow_mut() = Some(setup.on_loop);
        if let Some(control) = setup.real_clock {
            *host.make_clock.borrow_mut() = Some(Box::new(move || Box::new(RealClock::sharing(&control))));
        }
        let budgets = Budgets { stack_room: super::stack::probe(), ..Budgets::default() };
        let program = Program::new(module, host, budgets, source);
        Ok(Box::new(ProgramRun { program, iterations: 0 }))
    }
}

/// A program as the pacer drives it.
struct ProgramRun {
    program: Program,
    iterations: u64,
}

impl Run for ProgramRun {
    fn prepare(&mut self) -> Next {
        self.program.prepare()
    }
    fn iterate(&mut self, timeout: f64) {
        self.iterations += 1;
        self.program.iterate(timeout);
    }
    fn iterations(&self) -> u64 {
        self.iterations
    }
    fn event_loop(&self) -> Option<EventLoop> {
        self.program.running_loop()
    }
    fn outside_arrived(&self) -> bool {
        self.program.outside_arrived()
    }
    fn waiting(&self) -> Vec<String> {
        self.program.deadlock_details().to_vec()
    }
    fn report(&mut self) {
        // The program printed its own last line (a Traceback, runaway or
        // deadlock line) when it ended.
    }
    fn stderr(&self) -> String {
        self.program.report().map(|r| r.stderr.clone()).unwrap_or_default()
    }
    fn exit_code(&self) -> Option<i32> {
        match self.program.report()?.status {
            Status::Exit(code) => Some(code),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::driver::{After, Lines, Mode, Pacer};

    fn pacer(source: &str, mode: Mode) -> Pacer {
        let lines = Lines::default();
        let setup = Setup { lines: lines.clone(), on_loop: Box::new(|_| {}), real_clock: None, cpus: CPUS };
        let run = Python.start(source, setup).expect("it compiles");
        Pacer::new(run, lines, mode)
    }

    fn run_all(mut pacer: Pacer) -> (Vec<String>, Pacer) {
        let mut out = Vec::new();
        loop {
            let after = pacer.run(7, 0.0);
            out.extend(pacer.take_lines());
            match after {
                After::Finished => return (out, pacer),
                After::Yield => {}
                After::Wait(_) => pacer.iterate_prepared(),
            }
        }
    }

    const TWO_LOOPS: &str =
        "import asyncio\nasync def f(n):\n    await asyncio.sleep(n)\n    print('f', n)\n\
        asyncio.run(f(1))\nprint('between')\nasyncio.run(asyncio.wait_for(f(5), 2))\n";

    #[test]
    fn a_program_prints_what_pyrun_prints_in_slices_and_paced_waits() {
        let expected = ["[    1.000] f 1", "[    1.000] between", "[    3.000] Traceback: TimeoutError"];
        for mode in [Mode::Instant, Mode::Paced] {
            let (out, pacer) = run_all(pacer(TWO_LOOPS, mode));
            assert_eq!(out, expected, "{mode:?}");
            assert!(pacer.stderr().contains("File \"main.py\", line 7"), "{}", pacer.stderr());
            assert!(pacer.is_finished());
        }
    }

    #[test]
    fn steps_count_iterations_and_a_deadlock_says_what_waits() {
        let source =
            "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n";
        let mut pacer = pacer(source, Mode::Paced);
        let mut steps = 0;
        while !pacer.step() {
            steps += 1;
        }
        assert!(steps >= 1);
        assert_eq!(pacer.iterations(), steps as u64 + 1);
        assert!(pacer.waiting().iter().any(|w| w.starts_with("Task-1")), "{:?}", pacer.waiting());
        assert!(pacer.take_lines().last().unwrap().contains("deadlock"));
    }

    #[test]
    fn a_callback_from_outside_during_a_wait_is_seen() {
        let mut pacer = pacer(TWO_LOOPS, Mode::Paced);
        let After::Wait(timeout) = pacer.run(100, 0.0) else { panic!("f(1) waits first") };
        assert_eq!(timeout, 1.0);
        assert!(!pacer.outside_arrived());
        pacer.event_loop().expect("a running loop").call_soon_threadsafe(|| {}).expect("open");
        assert!(pacer.outside_arrived());
        pacer.iterate_early(0.5);
        assert!(!pacer.outside_arrived());
    }

    #[test]
    fn programs_that_name_an_executor_use_the_workers() {
        assert!(Python.uses_executors("import asyncio\nasyncio.to_thread(print)\n"));
        assert!(Python.uses_executors("from concurrent.futures import ProcessPoolExecutor as P\n"));
        assert!(Python.uses_executors("loop.run_in_executor(None, f)\n"));
        assert!(!Python.uses_executors("print('run_in_executor')  # to_thread\n"));
        assert!(!Python.uses_executors("x = (\n"));
    }

    #[test]
    fn compile_errors_have_a_place() {
        let d = Python.check("x = (1,\n").expect("an error");
        assert_eq!(d.line, 1);
        assert!(d.message.starts_with("SyntaxError"), "{}", d.message);
        let d = Python.check("import os\n").expect("an error");
        assert!(d.message.contains("ModuleNotFoundError"), "{}", d.message);
        assert_eq!(Python.check("print(1)\n"), None);
    }
}
