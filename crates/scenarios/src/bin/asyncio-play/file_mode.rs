//! `asyncio-play --file PROG.py [--cpus N]`: run a Python program with the
//! interpreter and print exactly what `pyrun.py PROG.py [--cpus N]` prints.
//!
//! `--max-steps N` sets how many statements a task step may run without
//! awaiting before it is a runaway (default 20,000,000).
//!
//! Exit status: 0 when the program ran (an exception escaping it is its last
//! trace line, as pyrun.py prints it), 2 for bad usage, 3 for a runaway, 4
//! for a syntax error or a construct the playground does not run
//! (`PROG.py:LINE:COL: message` on stderr).

use std::io::{self, Read, Write};
use std::process::ExitCode;

/// Stack for the interpreter's thread: 1000 Python frames deep fit with room to spare.
const STACK_BYTES: usize = 512 << 20;

fn usage(msg: &str) -> ExitCode {
    eprintln!("asyncio-play: {msg} (usage: asyncio-play --file PROG.py [--cpus N] [--max-steps N])");
    ExitCode::from(2)
}

/// Reads the arguments after `--file` and runs the program.
pub fn run(args: &[String]) -> ExitCode {
    let mut program: Option<String> = None;
    let mut cpus: u32 = 2;
    let mut budgets = asyncio_python::Budgets::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--max-steps" {
            let text = rest.next().cloned().unwrap_or_default();
            match text.parse::<u64>() {
                Ok(n) if n > 0 => budgets.step_statements = n,
                _ => return usage(&format!("--max-steps: expected a positive integer, got '{text}'")),
            }
            continue;
        }
        if arg == "--cpus" || arg.starts_with("--cpus=") {
            let text = match arg.strip_prefix("--cpus=") {
                Some(t) => t.to_string(),
                None => rest.next().cloned().unwrap_or_default(),
            };
            match text.parse::<u32>() {
                Ok(n) if (1..=1024).contains(&n) && text.chars().all(|c| c.is_ascii_digit()) => cpus = n,
                _ => return usage(&format!("--cpus: expected an integer from 1 to 1024, got '{text}'")),
            }
        } else if program.is_none() && (arg == "-" || !arg.starts_with('-')) {
            program = Some(arg.clone());
        } else {
            return usage(&format!("unexpected argument '{arg}'"));
        }
    }
    let Some(program) = program else { return usage("no program given") };
    let source = if program == "-" {
        let mut s = String::new();
        if let Err(e) = io::stdin().read_to_string(&mut s) {
            return usage(&format!("cannot read stdin: {e}"));
        }
        s
    } else {
        match std::fs::read(&program) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(_) => {
                    eprintln!("{program}:1:1: SyntaxError: the file is not UTF-8");
                    return ExitCode::from(4);
                }
            },
            Err(e) => return usage(&format!("cannot read {program}: {e}")),
        }
    };
    let name = if program == "-" { "<stdin>".to_string() } else { program.clone() };
    let worker = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || execute(&source, &name, cpus, budgets));
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("asyncio-play: the interpreter failed");
            ExitCode::from(70)
        }
    }
}

fn execute(source: &str, name: &str, cpus: u32, budgets: asyncio_python::Budgets) -> u8 {
    let stdout = io::stdout();
    let out = std::rc::Rc::new(std::cell::RefCell::new(io::BufWriter::new(stdout.lock())));
    let sink = out.clone();
    let result = asyncio_python::run_source_with(source, name, cpus, budgets, move |line| {
        let _ = writeln!(sink.borrow_mut(), "{line}");
    });
    let _ = out.borrow_mut().flush();
    match result {
        Err(e) => {
            eprintln!("{name}:{}:{}: {e}", e.pos.line, e.pos.col);
            4
        }
        Ok(report) => {
            eprint!("{}", report.stderr);
            match report.status {
                asyncio_python::Status::Finished => 0,
                asyncio_python::Status::Runaway(_) => 3,
                asyncio_python::Status::Exit(code) => code.clamp(0, 255) as u8,
            }
        }
    }
}
