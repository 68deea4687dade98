//! `asyncio-play`: run a scenario of the catalogue and print its trace, with
//! the command line of the oracle's `run.py`.
//!
//! ```text
//! asyncio-play NAME [key=value ...]   run NAME, parameters overridden
//! asyncio-play --list                  one line per scenario: name<TAB>summary
//! asyncio-play --params NAME           NAME's parameters as JSON
//! asyncio-play --python NAME [k=v ...]  NAME's Python program, parameters written in
//! asyncio-play --file PROG.py [--cpus N]  run a Python program as pyrun.py does (`-`: stdin)
//! ```
//! Bad usage (unknown scenario or key, a value of the wrong type or out of
//! range) is one line on stderr and exit status 2.

use std::io::{self, Write};
use std::process::ExitCode;

use asyncio_engine::EventLoop;
use asyncio_scenarios::{catalogue, find, params_json, parse_args, report, start};

#[path = "asyncio-play/file_mode.rs"]
mod file_mode;

const USAGE: &str = "Run one scenario of the asyncio playground on the virtual clock.

    asyncio-play NAME [key=value ...]   run NAME, parameters overridden
    asyncio-play --list                  one line per scenario: name<TAB>summary
    asyncio-play --params NAME           NAME's parameters as JSON
    asyncio-play --python NAME [k=v ...]  NAME's Python program, parameters written in
    asyncio-play --file PROG.py [--cpus N] run a Python program as pyrun.py does (- reads stdin)

An exception that escapes main() is part of the expected output: it is printed
as a last trace line `[t] Traceback: ExcType: message` (just `ExcType` when the
message is empty), and a deadlock as `[t] deadlock: ...`; exit status 0.
Bad usage (unknown scenario or key, a value of the wrong type or out of range)
is reported on stderr with exit status 2. With --file, a SyntaxError or a
construct the playground does not run is `PROG.py:LINE:COL: message` on stderr
and exit status 4. A runaway (a task that never yields, or
virtual time that stops moving) is stopped with a message and exit status 3.";

fn die(msg: &str) -> ExitCode {
    eprintln!("asyncio-play: {msg}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.first().is_some_and(|a| a == "--file") {
        // Before anything locks stdout: the program runs on its own thread.
        return file_mode::run(&argv[1..]);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let Some(first) = argv.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match first.as_str() {
        "-h" | "--help" => {
            let _ = writeln!(out, "{USAGE}");
            return ExitCode::SUCCESS;
        }
        "--list" => {
            for s in catalogue() {
                let _ = writeln!(out, "{}\t{}", s.name(), s.summary());
            }
            return ExitCode::SUCCESS;
        }
        "--params" => {
            if argv.len() != 2 {
                return die("usage: asyncio-play --params NAME");
            }
            let Some(scenario) = find(&argv[1]) else {
                return die(&format!(
                    "unknown scenario {} (asyncio-play --list)",
                    asyncio_scenarios::params::py_str_repr(&argv[1])
                ));
            };
            let _ = writeln!(out, "{}", params_json(scenario.params()));
            return ExitCode::SUCCESS;
        }
        "--python" => return print_python(&argv[1..], &mut out),
        _ => {}
    }
    let Some(scenario) = find(first) else {
        return die(&format!(
            "unknown scenario {} (asyncio-play --list)",
            asyncio_scenarios::params::py_str_repr(first)
        ));
    };
    let params = match parse_args(scenario.params(), &argv[1..]) {
        Ok(p) => p,
        Err(msg) => return die(&msg),
    };
    let event_loop = EventLoop::new();
    // Lines go out as they are printed; a closed pipe (`| head`) ends quietly.
    let writer = std::rc::Rc::new(std::cell::RefCell::new(out));
    let sink = writer.clone();
    event_loop.set_output(move |line| {
        let mut w = sink.borrow_mut();
        if writeln!(w, "{line}").is_err() {
            std::process::exit(0);
        }
    });
    let mut session = start(&event_loop, &scenario, params);
    session.run_to_end();
    report(&session);
    let _ = writer.borrow_mut().flush();
    // The trace says which tasks deadlocked, as the oracle does; stderr says
    // what each of them waited on.
    for detail in session.deadlock_details() {
        eprintln!("asyncio-play: deadlock: {detail}");
    }
    if session.is_runaway() {
        // The oracle would never finish: stop, and say so with an exit code.
        if let Some(Err(exc)) = session.outcome() {
            eprintln!("asyncio-play: {}", exc.message());
        }
        return ExitCode::from(3);
    }
    ExitCode::SUCCESS
}

/// `--python NAME [k=v ...]`: the program a learner sees for NAME (every
/// oracle scenario, ported to the runner or not), with the parameters written
/// in.
fn print_python(args: &[String], out: &mut impl Write) -> ExitCode {
    let Some((name, rest)) = args.split_first() else {
        return die("usage: asyncio-play --python NAME [key=value ...]");
    };
    let Some(meta) = asyncio_scenarios::find_meta(name) else {
        return die(&format!(
            "unknown scenario {} (asyncio-play --list)",
            asyncio_scenarios::params::py_str_repr(name)
        ));
    };
    let params = match parse_args(meta.params, rest) {
        Ok(p) => p,
        Err(msg) => return die(&msg),
    };
    let Some(program) = asyncio_scenarios::python::program(name, &params) else {
        return die(&format!("no Python program for {name}"));
    };
    let _ = out.write_all(program.as_bytes());
    let _ = out.flush();
    ExitCode::SUCCESS
}
