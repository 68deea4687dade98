//! The catalogue against itself: every scenario is deterministic, the
//! blocking runner and the iterated session print the same trace, and every
//! runnable scenario's metadata is the oracle's or one of the extras'.

use asyncio_scenarios::{
    all_meta, catalogue, meta, meta_extra, parse_args, run_blocking_to_lines, run_to_lines,
};

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
fn catalogue_is_sorted_and_the_oracle_plus_extras() {
    let names: Vec<&str> = catalogue().iter().map(|s| s.name()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
    assert_eq!(meta::ALL.len(), 49, "the oracle has 49 scenarios");
    assert_eq!(meta_extra::EXTRA.len(), 3);
    assert_eq!(names.len(), 49 + meta_extra::EXTRA.len());
    let all: Vec<&str> = all_meta().iter().map(|m| m.name).collect();
    assert_eq!(names, all, "every scenario runs");
    for m in meta_extra::EXTRA {
        assert!(!meta::ALL.iter().any(|o| o.name == m.name), "{} is also an oracle scenario", m.name);
        assert!(!asyncio_scenarios::is_oracle_scenario(m.name));
    }
    for name in names {
        let oracle = meta::ALL.iter().any(|m| m.name == name);
        assert_eq!(asyncio_scenarios::is_oracle_scenario(name), oracle, "{name}");
        assert!(oracle || meta_extra::EXTRA.iter().any(|m| m.name == name), "{name} has no metadata");
    }
}

#[test]
fn every_scenario_is_its_descriptor() {
    for scenario in catalogue() {
        let name = scenario.name();
        let lesson = asyncio_scenarios::find_lesson(name).unwrap_or_else(|| panic!("no descriptor {name}"));
        assert!(std::ptr::eq(scenario.lesson, lesson), "{name}: two descriptors");
        // The descriptor holds the static of meta.rs or meta_extra.rs itself.
        let meta = asyncio_scenarios::find_meta(name).unwrap_or_else(|| panic!("no metadata {name}"));
        assert!(std::ptr::eq(lesson.meta, meta) && std::ptr::eq(scenario.meta, meta), "{name}");
    }
    assert!(asyncio_scenarios::find_lesson("no_such_scenario").is_none());
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
    assert_eq!(session.deadlock_details(), ["Task-1: Thread-1", "Thread-1: Lock lock (held by Thread-1)"]);
    let outcome = session.outcome().cloned().expect("finished");
    let exc = outcome.expect_err("a deadlock");
    assert_eq!(exc.message(), "deadlock: nothing is scheduled and 2 task(s) wait forever: Task-1, Thread-1");
}

/// The seed's crawler without its `await`: main never yields, and the
/// runaway detection stops it (the runner exits with status 3).
#[test]
fn the_crawler_bug_is_stopped_as_a_runaway() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_asyncio-play"))
        .arg("tasks_crawler_bug")
        .output()
        .expect("asyncio-play runs");
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "[    0.000] runaway: Task-1 did 100000 operations in one step without awaiting (task has not yielded)"
    );
    // No crawl task ever started: main never gave the loop a turn.
    assert!(!stdout.contains("开始爬取"), "{stdout}");
    // With few urls it ends: the tasks start only once main awaits wait().
    let scenario = asyncio_scenarios::find("tasks_crawler_bug").expect("an extra scenario");
    let params = parse_args(scenario.params(), &["urls=3", "max_sleep=1"]).expect("valid");
    let lines = run_to_lines(&scenario, params);
    assert_eq!(
        lines,
        [
            "[    0.000] 开始爬取,网页为1",
            "[    0.000] 开始爬取,网页为2",
            "[    0.000] 开始爬取,网页为3",
            "[    1.000] 网页1爬取完毕",
            "[    1.000] 网页2爬取完毕",
            "[    1.000] 网页3爬取完毕",
        ]
    );
}

#[test]
fn descriptors_and_mains_are_one_table() {
    let lessons = asyncio_scenarios::lessons();
    assert_eq!(lessons.len(), catalogue().len());
    for pair in lessons.windows(2) {
        assert!(pair[0].name() < pair[1].name(), "not sorted: {} {}", pair[0].name(), pair[1].name());
    }
    for (lesson, scenario) in lessons.iter().zip(catalogue()) {
        assert!(std::ptr::eq(*lesson, scenario.lesson), "{}", lesson.name());
        let main = asyncio_scenarios::main_of(lesson.name()).expect("every lesson has a main");
        assert!(std::ptr::fn_addr_eq(main, scenario.main), "{}", lesson.name());
        assert!(asyncio_scenarios::find_lesson(lesson.name()).is_some_and(|l| std::ptr::eq(l, *lesson)));
    }
    assert!(asyncio_scenarios::main_of("no_such_scenario").is_none());
}
