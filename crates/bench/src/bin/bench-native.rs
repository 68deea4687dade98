//! `bench-native`: time the workloads natively on our engine, tokio, smol or our Python interpreter.
//!
//! ```text
//! bench-native [--runs N] [--warmup N] [--min-time S] [--reference DIR] SYSTEM WORKLOAD...
//!     SYSTEM    engine | tokio | smol | python
//!     WORKLOAD  W1 ... W7
//! ```
//! `python` is our interpreter running the workloads as plain Python programs
//! (`crates/bench/python/interp/`; W7: every program of `DIR/plain/`, default
//! `../shared/reference`, read before timing), as `bench_cpython.py --plain`
//! runs them on CPython.
//! A run repeats the workload until `--min-time` seconds (default 0.1) have
//! passed and counts the mean of its repetitions, so that a short workload is
//! not at the mercy of one scheduling hiccup; `--min-time 0` is one
//! repetition (for callgrind). Prints one JSON object per workload and line:
//! `{"system", "workload", "ops", "seconds": [...], "reps": [...],
//! "base_rss_kb", "peak_rss_kb"}`, or `{"system",
//! "workload", "skipped": "why"}` when the workload does not apply to the
//! system. `base_rss_kb` is the process's peak resident set before the first
//! workload, `peak_rss_kb` after the last (VmHWM): `scripts/bench.sh` runs one
//! workload per process, so the peak is that workload's.
//! Run by `scripts/bench.sh`, which writes BENCHMARKS.md; the numbers are
//! never asserted anywhere.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::process::ExitCode;
    use std::time::Instant;

    use asyncio_bench::{engine, interp, peers, WORKLOADS};

    const USAGE: &str = "usage: bench-native [--runs N] [--warmup N] [--min-time S] [--reference DIR] \
                         engine|tokio|smol|python W1..W7 ...";

    /// A benchmark reads the wall clock: that is its point. The workspace's
    /// clippy.toml bans `Instant::now` for the engine and the page (it panics
    /// on wasm32), not for this native binary.
    #[allow(clippy::disallowed_methods)]
    fn now() -> Instant {
        Instant::now()
    }

    /// The process's peak resident set in KiB (VmHWM), 0 where unknown.
    fn peak_rss_kb() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    /// # Panics
    /// If a Python program does not run as expected (a benchmark of a wrong result means nothing).
    fn run_once(system: &str, workload: &str, plain: &[(String, String)]) -> Option<usize> {
        match system {
            "engine" => engine::run_workload(workload),
            "tokio" => peers::tokio_workload(workload),
            "smol" => peers::smol_workload(workload),
            "python" => {
                let ops = match workload {
                    "W7" => interp::run_catalogue(plain),
                    _ => interp::run_workload(workload),
                };
                Some(ops.unwrap_or_else(|e| panic!("python {workload}: {e}")))
            }
            _ => None,
        }
    }

    fn skipped(system: &str, workload: &str) -> &'static str {
        match (system, workload) {
            ("smol", "W5") => "smol has no virtual clock",
            (_, "W7") => "the scenario catalogue is asyncio programs",
            _ => "not applicable",
        }
    }

    pub fn main() -> ExitCode {
        let mut args = std::env::args().skip(1).peekable();
        let (mut runs, mut warmup, mut min_time) = (5.0, 1.0, 0.1);
        let mut reference = std::path::PathBuf::from("../shared/reference");
        let mut positional = Vec::new();
        while let Some(arg) = args.next() {
            let target = match arg.as_str() {
                "--reference" => {
                    let Some(dir) = args.next() else {
                        eprintln!("bench-native: --reference needs a folder\n{USAGE}");
                        return ExitCode::from(2);
                    };
                    reference = dir.into();
                    continue;
                }
                "--runs" => &mut runs,
                "--warmup" => &mut warmup,
                "--min-time" => &mut min_time,
                "-h" | "--help" => {
                    println!("{USAGE}");
                    return ExitCode::SUCCESS;
                }
                _ => {
                    positional.push(arg);
                    continue;
                }
            };
            match args.next().and_then(|v| v.parse::<f64>().ok()).filter(|n| *n >= 0.0) {
                Some(n) => *target = n,
                None => {
                    eprintln!("bench-native: {arg} needs a number\n{USAGE}");
                    return ExitCode::from(2);
                }
            }
        }
        let (runs, warmup) = (runs as usize, warmup as usize);
        let Some((system, workloads)) = positional.split_first() else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        if !["engine", "tokio", "smol", "python"].contains(&system.as_str())
            || workloads.is_empty()
            || workloads.iter().any(|w| !WORKLOADS.contains(&w.as_str()))
        {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        // W7's programs for the interpreter, read before anything is timed.
        let plain = if system == "python" && workloads.iter().any(|w| w == "W7") {
            match interp::read_catalogue(&reference) {
                Ok(plain) => plain,
                Err(e) => {
                    eprintln!("bench-native: {}/plain: {e}", reference.display());
                    return ExitCode::from(2);
                }
            }
        } else {
            Vec::new()
        };
        let base = peak_rss_kb();
        for workload in workloads {
            let mut seconds = Vec::with_capacity(runs);
            let mut reps = Vec::with_capacity(runs);
            let mut ops = None;
            'runs: for i in 0..warmup + runs {
                let start = now();
                let mut n = 0u32;
                let elapsed = loop {
                    ops = run_once(system, workload, &plain);
                    if ops.is_none() {
                        break 'runs;
                    }
                    n += 1;
                    let elapsed = start.elapsed().as_secs_f64();
                    if i < warmup || elapsed >= min_time {
                        break elapsed;
                    }
                };
                if i >= warmup {
                    seconds.push(elapsed / f64::from(n));
                    reps.push(n);
                }
            }
            match ops {
                Some(ops) => {
                    let list: Vec<String> = seconds.iter().map(|s| format!("{s:e}")).collect();
                    let reps: Vec<String> = reps.iter().map(u32::to_string).collect();
                    println!(
                        "{{\"system\": \"{system}\", \"workload\": \"{workload}\", \"ops\": {ops}, \
                         \"seconds\": [{}], \"reps\": [{}], \"base_rss_kb\": {base}, \"peak_rss_kb\": {}}}",
                        list.join(", "),
                        reps.join(", "),
                        peak_rss_kb()
                    );
                }
                None => println!(
                    "{{\"system\": \"{system}\", \"workload\": \"{workload}\", \"skipped\": \"{}\"}}",
                    skipped(system, workload)
                ),
            }
        }
        ExitCode::SUCCESS
    }
}
