//! The Python interpreter (`asyncio-python`) on arbitrary source: parsing,
//! resolving and running it never panics, aborts, overflows the stack or
//! hangs. Nothing about the output is asserted: a syntax error, an exception
//! escaping the program or a budget stopping it are all fine outcomes.
//!
//! The first byte picks how the rest of the input (as UTF-8, invalid
//! sequences replaced) becomes a program:
//! - `0x01`: the lines are the body of `async def main()` in a small asyncio
//!   program with a task and a queue already made, so most inputs reach the
//!   evaluator and the event loop rather than stopping at a syntax error;
//! - `0x02`: the text is one expression, printed at module level with a few
//!   names bound (ints, a big int, a string, a list, a dict);
//! - any other byte: the whole input is the program (the seed corpus, real
//!   programs, starts with printable text).
//!
//! The budgets are small so that one run stays well under a second: a
//! runaway is stopped after 50,000 statements in a step, recursion at depth
//! 200, containers at about 16 MiB; and the run is given up after 10,000
//! event-loop iterations (a program may legitimately await forever).
#![no_main]

use asyncio_python::host::Host;
use asyncio_python::program::Program;
use asyncio_python::runner::compile;
use asyncio_python::Budgets;
use libfuzzer_sys::fuzz_target;

const BUDGETS: Budgets =
    Budgets {
        max_depth: 200,
        step_statements: 50_000,
        max_memory: 16 << 20,
        stalled_iterations: 100_000,
        max_iterations: 1_000_000,
    };

const MAIN_HEAD: &str = "\
import asyncio

async def worker(q, n):
    await asyncio.sleep(0.1 * n)
    await q.put(n)
    return n * 2

async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(worker(q, 1))
    xs = [3, 1, 2]
";

const MAIN_TAIL: &str = "\
    print(await t, q.qsize(), xs)

asyncio.run(main())
";

const EXPR_HEAD: &str = "\
a, b, n = 7, -3, 2 ** 70
s = 'héllo'
xs = [3, 1, 2]
d = {'k': 1, 2: 'v'}
print(";

/// Indents every line of `body` into `main`'s block (a blank body becomes `pass`).
fn in_main(body: &str) -> String {
    let mut src = String::from(MAIN_HEAD);
    for line in body.lines() {
        src.push_str("    ");
        src.push_str(line);
        src.push('\n');
    }
    src.push_str("    pass\n");
    src.push_str(MAIN_TAIL);
    src
}

/// Event-loop iterations a run may take: a program that awaits forever
/// (`while True: await asyncio.sleep(1)`) is not a hang of the interpreter,
/// only one iteration (or the module body) that never ends is.
const MAX_ITERATIONS: u32 = 10_000;

/// Parses, resolves and checks the imports (`compile`), then runs the program
/// as `runner::run` does, for at most `MAX_ITERATIONS` loop iterations.
fn run_one(source: &str) {
    let Ok(module) = compile(source) else { return };
    let host = Host::new(2, |_| {});
    let mut program = Program::new(module, host, BUDGETS, source);
    for _ in 0..MAX_ITERATIONS {
        if program.is_finished() {
            break;
        }
        program.step();
    }
}

fuzz_target!(|data: &[u8]| {
    let (mode, rest) = match data.split_first() {
        Some((&m @ (1 | 2), rest)) => (m, rest),
        _ => (0, data),
    };
    let text = String::from_utf8_lossy(rest);
    let source = match mode {
        1 => in_main(&text),
        2 => format!("{EXPR_HEAD}{text})\n"),
        _ => text.into_owned(),
    };
    run_one(&source);
});
