//! The catalogue against itself: every scenario is deterministic, the
//! blocking runner and the iterated session print the same trace, and every
//! runnable scenario's metadata is the oracle's.

use asyncio_scenarios::{catalogue, meta, parse_args, run_blocking_to_lines, run_to_lines};

#[test]
fn every_scenario_twice_gives_the_same_trace() {
    for scenario in catalogue() {
        let first = run_to_lines(&scenario, scenario.defaults());
        let second = run_to_lines(&scenario, scenario.defaults());
        assert!(!first.is_empty(), "{} printed nothing", scenario.name());
        assert_eq!(first, second, "{} is not deterministic", scenario.name());
    }
}

#[test]
fn session_and_blocking_run_print_the_same() {
    for scenario in catalogue() {
        assert_eq!(
            run_to_lines(&scenario, scenario.defaults()),
            run_blocking_to_lines(&scenario, scenario.defaults()),
            "{}",
            scenario.name()
        );
    }
}

#[test]
fn every_line_has_the_trace_format() {
    for scenario in catalogue() {
        for line in run_to_lines(&scenario, scenario.defaults()) {
            let ok = line.len() > 12 && line.starts_with('[') && &line[10..12] == "] ";
            assert!(ok, "{}: bad trace line {line:?}", scenario.name());
        }
    }
}

#[test]
fn catalogue_is_sorted_and_a_subset_of_the_oracle() {
    let names: Vec<&str> = catalogue().iter().map(|s| s.name()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
    assert_eq!(meta::ALL.len(), 49, "the oracle has 49 scenarios");
    for name in names {
        assert!(meta::ALL.iter().any(|m| m.name == name), "{name} is not an oracle scenario");
    }
}

#[test]
fn parameters_are_checked_like_run_py() {
    let scenario = asyncio_scenarios::find("tasks_wait_timeout").expect("scenario");
    let specs = scenario.params();
    let cases: &[(&str, &str)] = &[
        ("timeout=abc", "timeout: expected float, got 'abc'"),
        ("timeout=1e400", "timeout: expected float, got '1e400'"),
        ("timeout=nan", "timeout: expected float, got 'nan'"),
        ("tasks=0", "tasks=0 is out of range [1, 20]"),
        ("tasks=2.5", "tasks: expected int, got '2.5'"),
        ("tasks=99999999999999999999999", "tasks=99999999999999999999999 is out of range [1, 20]"),
        ("timeout=-5", "timeout=-5.0 is out of range [-1.0, 3600.0]"),
        ("x", "expected key=value, got 'x'"),
        ("nope=1", "unknown parameter 'nope'; known: delay, timeout, tasks"),
    ];
    for (arg, want) in cases {
        assert_eq!(parse_args(specs, &[*arg]).err().as_deref(), Some(*want), "{arg}");
    }
    let ok = parse_args(specs, &["tasks=1_0", "timeout= 2.5 "]).expect("valid");
    assert_eq!(ok.int("tasks"), 10);
    assert_eq!(ok.float("timeout"), 2.5);
}

#[test]
fn a_deadlock_names_what_each_task_waits_on() {
    let scenario = asyncio_scenarios::find("thread_rlock").expect("scenario");
    let params = parse_args(scenario.params(), &["reentrant=0"]).expect("valid");
    let event_loop = asyncio_engine::EventLoop::new();
    let mut session = asyncio_scenarios::start(&event_loop, &scenario, params);
    session.run_to_end();
    assert_eq!(session.deadlock_details(), ["Task-1: Thread-1", "Thread-1: Lock lock"]);
    let outcome = session.outcome().cloned().expect("finished");
    let exc = outcome.expect_err("a deadlock");
    assert_eq!(exc.message(), "deadlock: nothing is scheduled and 2 task(s) wait forever: Task-1, Thread-1");
}
