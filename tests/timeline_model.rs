//! The timeline's model fed with real scenario traces: lanes, bar states
//! and durations, primitive states at an instant, the cap, and the hover
//! lookup.

use std::rc::Rc;

use asyncio_engine::trace::{PrimitiveKind, TraceEvent};
use asyncio_engine::EventLoop;
use asyncio_playground::timeline::state::{Names, State};
use asyncio_playground::timeline::{BarState, Recording, TraceRecorder};

/// Run scenario `name` with `args` in instant mode, recording its trace.
fn record(name: &str, args: &[&str]) -> TraceRecorder {
    record_with(TraceRecorder::new(), name, args)
}

fn record_with(recorder: TraceRecorder, name: &str, args: &[&str]) -> TraceRecorder {
    let scenario = asyncio_scenarios::find(name).unwrap_or_else(|| panic!("no scenario {name}"));
    let params = asyncio_scenarios::parse_args(scenario.params(), args).expect("valid parameters");
    let event_loop = EventLoop::new();
    event_loop.set_tracer(recorder.tracer());
    let mut session = asyncio_scenarios::start(&event_loop, &scenario, params);
    session.run_to_end();
    asyncio_scenarios::report(&session);
    recorder
}

/// The lane's bars as `(start, end, state key, waited on)`, the open one
/// ending at the end of the trace.
fn bars(rec: &Recording, lane_name: &str) -> Vec<(f64, f64, &'static str, String)> {
    let lane = rec.lane_named(lane_name).unwrap_or_else(|| panic!("no lane {lane_name}"));
    rec.lanes()[lane]
        .bars()
        .iter()
        .map(|bar| {
            let on = bar.state.waiting_on().unwrap_or("").to_string();
            (bar.start, bar.end_at(rec.end_time()), bar.state.key(), on)
        })
        .collect()
}

/// Names as a recorded state lists them.
fn names(list: &[&str]) -> Names {
    list.iter().map(|&name| Rc::from(name)).collect()
}

/// The fields the inspector lists for a primitive's state, as `key value`.
fn shown(state: &State) -> Vec<String> {
    state.fields().iter().map(|field| format!("{} {}", field.key, field.value)).collect()
}

/// The lasting bars (positive duration, or terminal): what a reader sees.
fn lasting(rec: &Recording, lane_name: &str) -> Vec<(f64, f64, &'static str, String)> {
    bars(rec, lane_name).into_iter().filter(|(start, end, key, _)| end > start || *key == "done").collect()
}

#[test]
fn semaphore_fetch_lanes_and_waits() {
    let recorder = record("sync_semaphore_fetch", &["limit=6", "numbers=12"]);
    let rec = recorder.borrow();
    let names: Vec<&str> = rec.lanes().iter().map(|lane| lane.name.as_str()).collect();
    let expected: Vec<String> = (1..=13).map(|n| format!("Task-{n}")).collect();
    assert_eq!(names, expected, "one lane per task, in creation order");
    assert_eq!(rec.end_time(), 2.0);
    assert!(!rec.truncated());

    // The first six fetches hold the semaphore and sleep a second.
    for n in 2..=7 {
        let lane = format!("Task-{n}");
        assert_eq!(
            lasting(&rec, &lane),
            vec![(0.0, 1.0, "sleeping", "sleep(1.0)".to_string()), (1.0, 2.0, "done", String::new())],
            "{lane}"
        );
    }
    // The other six wait on the semaphore from 0 to 1.0, then sleep.
    for n in 8..=13 {
        let lane = format!("Task-{n}");
        assert_eq!(
            lasting(&rec, &lane),
            vec![
                (0.0, 1.0, "waiting", "Semaphore sema".to_string()),
                (1.0, 2.0, "sleeping", "sleep(1.0)".to_string()),
                (2.0, 2.0, "done", String::new()),
            ],
            "{lane}"
        );
    }
    // Every step is an instant on the virtual clock, and is kept.
    let task8 = bars(&rec, "Task-8");
    let running: Vec<f64> = task8.iter().filter(|b| b.2 == "running").map(|b| b.0).collect();
    assert_eq!(running, vec![0.0, 1.0, 2.0]);
    // Bars are contiguous.
    for lane in rec.lanes() {
        for pair in lane.bars().windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "{}", lane.name);
        }
    }
    // Task-1 waits on asyncio.wait for the whole run.
    assert_eq!(lasting(&rec, "Task-1")[0], (0.0, 2.0, "waiting", "asyncio.wait".to_string()));
}

#[test]
fn semaphore_state_at_an_instant() {
    let recorder = record("sync_semaphore_fetch", &["limit=6", "numbers=12"]);
    let rec = recorder.borrow();
    assert_eq!(rec.primitives().len(), 1);
    let sema = &rec.primitives()[0];
    assert_eq!(sema.name, "sema");
    assert_eq!(sema.kind(), PrimitiveKind::Semaphore);
    let waiting = names(&["Task-8", "Task-9", "Task-10", "Task-11", "Task-12", "Task-13"]);
    let state = rec.primitive_state_at("sema", 0.5).expect("a state at 0.5");
    assert_eq!(state.action(), Some("Task-13 waits"));
    assert_eq!(state.state(), &State::Semaphore { value: 0, bound: None, waiters: waiting });
    assert_eq!(rec.primitive_state_at("sema", -1.0), None);
    // After the instant 1.0: the six waiters got the semaphore.
    let state = rec.primitive_state_at("sema", 1.0).unwrap();
    assert_eq!(state.action(), Some("Task-13 acquired"));
    assert_eq!(state.state(), &State::Semaphore { value: 0, bound: None, waiters: names(&[]) });
    let state = rec.primitive_state_at("sema", 2.0).unwrap();
    assert_eq!(state.action(), Some("Task-11 released"));
    assert_eq!(state.state(), &State::Semaphore { value: 6, bound: None, waiters: names(&[]) });

    // What the inspector lists at 0.5.
    let at = rec.primitive_states_at(0.5);
    assert_eq!(at.len(), 1);
    assert_eq!((at[0].name, at[0].kind, at[0].since), ("sema", PrimitiveKind::Semaphore, Some(0.0)));
    assert_eq!(at[0].action(), Some("Task-13 waits"));
    let fields: Vec<(&str, String)> = at[0].fields().into_iter().map(|f| (f.key, f.value)).collect();
    assert_eq!(
        fields,
        [
            ("value", "0".to_string()),
            ("waiters", "Task-8, Task-9, Task-10, Task-11, Task-12, Task-13 (6)".to_string())
        ]
    );
    // Before its first use a primitive is listed with nothing to show.
    let before = &rec.primitive_states_at(-1.0)[0];
    assert_eq!((before.since, before.first_seen, before.action()), (None, Some(0.0), None));
    assert!(before.fields().is_empty());

    // The tasks' states at 0.5: which task waits on what.
    let lane = rec.lane_named("Task-9").unwrap();
    assert_eq!(rec.bar_at(lane, 0.5).map(|b| b.state.phrase()), Some("waiting on Semaphore sema".into()));
    assert_eq!(rec.bar_at(lane, 1.5).map(|b| b.state.phrase()), Some("sleeping in sleep(1.0)".into()));

    // The printed lines, with their times.
    assert_eq!(rec.prints_until(0.5).len(), 0);
    assert_eq!(rec.prints().len(), 12 * 4);
    assert_eq!(rec.prints_until(1.0).len(), 6 * 4);
    assert_eq!(
        rec.prints()[0],
        (1.0, "[    1.000] {'args': {'a': '0'}, 'url': 'http://httpbin.org/get?a=0'}".into())
    );
}

#[test]
fn hover_names_what_a_task_waited_for() {
    let recorder = record("sync_semaphore_fetch", &["limit=6", "numbers=12"]);
    let rec = recorder.borrow();
    let lane = rec.lane_named("Task-10").unwrap();
    let hover = rec.hover(lane, 0.5, 0.01).expect("a bar under the pointer");
    assert_eq!(hover.name, "Task-10");
    assert_eq!(hover.waiting_on(), Some("Semaphore sema"));
    assert_eq!((hover.start(), hover.duration()), (0.0, 1.0));
    assert_eq!(hover.describe(), "Task-10 waiting on Semaphore sema for 1.0 s (from 0.0 to 1.0 s)");

    // Near 1.0 the step at 1.0 (drawn wider than it is) wins over the bars
    // around it; far enough away, the sleep does.
    let hover = rec.hover(lane, 1.004, 0.01).unwrap();
    assert_eq!(hover.state(), &BarState::Running);
    assert_eq!(hover.describe(), "Task-10 ran a step at 1.0 s");
    let hover = rec.hover(lane, 1.5, 0.01).unwrap();
    assert_eq!(hover.describe(), "Task-10 sleeping in sleep(1.0) for 1.0 s (from 1.0 to 2.0 s)");
    // Before the task existed and past the end there is nothing.
    assert!(rec.hover(lane, -0.5, 0.01).is_none());
    assert!(rec.hover(lane, 3.0, 0.01).is_none());
    assert!(rec.hover(99, 0.5, 0.01).is_none());
    let done = rec.hover(lane, 2.0, 0.0).unwrap();
    assert_eq!(done.describe(), "Task-10 done at 2.0 s");
}

#[test]
fn gather_exception_failed_and_cancelled() {
    let recorder = record("tasks_gather_exception", &[]);
    let rec = recorder.borrow();
    assert_eq!(rec.lanes().len(), 4);
    assert_eq!(
        lasting(&rec, "Task-3"),
        vec![(0.0, 1.0, "sleeping", "sleep(1.0)".to_string())],
        "TaskB sleeps then fails"
    );
    let last = |name: &str| rec.lanes()[rec.lane_named(name).unwrap()].current().cloned();
    assert_eq!(last("Task-3"), Some(BarState::Failed { message: "ValueError: TaskB failed".into() }));
    assert_eq!(last("Task-1"), Some(BarState::Failed { message: "ValueError: TaskB failed".into() }));
    assert_eq!(last("Task-2"), Some(BarState::Cancelled));
    assert_eq!(last("Task-4"), Some(BarState::Cancelled));
    // TaskA's sleep(2.0) is cut short by the cancellation at 1.0.
    assert_eq!(lasting(&rec, "Task-2"), vec![(0.0, 1.0, "sleeping", "sleep(2.0)".to_string())]);
    assert_eq!(lasting(&rec, "Task-1"), vec![(0.0, 1.0, "waiting", "a future".to_string())]);
    let lane = rec.lane_named("Task-3").unwrap();
    assert_eq!(
        rec.hover(lane, 1.0, 0.0).unwrap().describe(),
        "Task-3 failed at 1.0 s: ValueError: TaskB failed"
    );
    assert_eq!(
        rec.lane_summary(lane, 10).as_deref(),
        Some("Task-3: sleeping in sleep(1.0) from 0.0 to 1.0 s; failed at 1.0 s: ValueError: TaskB failed.")
    );
    assert!(rec.primitives().is_empty());
}

#[test]
fn executor_pool_jobs_and_windows() {
    let recorder = record("exec_pool_jobs", &["jobs=1000"]);
    let rec = recorder.borrow();
    assert_eq!(rec.lanes().len(), 2001);
    assert_eq!(rec.end_time(), 734.0);
    let pool = rec.primitives().iter().find(|p| p.name == "default executor").expect("the default executor");
    assert_eq!(pool.kind(), PrimitiveKind::Executor);
    let state = rec.primitive_state_at("default executor", 0.0).unwrap();
    assert_eq!(state.action(), None);
    assert_eq!(
        state.state(),
        &State::Executor {
            busy: 6,
            max_workers: 6,
            queued: 994,
            running: names(&["faa(0)", "faa(1)", "faa(2)", "faa(3)", "faa(4)", "faa(5)"]),
        }
    );
    assert_eq!(
        shown(state.state()),
        ["busy 6/6", "queued 994", "running faa(0), faa(1), faa(2), faa(3), faa(4), faa(5) (6)"]
    );
    // Task-2 runs faa(0) on the default executor from 0 to 2.0.
    let lane = rec.lane_named("Task-2").unwrap();
    let hover = rec.hover(lane, 1.0, 0.0).unwrap();
    assert_eq!(
        hover.describe(),
        "Task-2 waiting on default executor job faa(0) for 2.0 s (from 0.0 to 2.0 s)"
    );

    // A window of the run: binary search gives just the bars in it.
    let total: usize = rec.lanes().iter().map(|lane| lane.bars().len()).sum();
    let in_window: usize = (0..rec.lanes().len()).map(|lane| rec.bars_in(lane, 100.0, 101.0).len()).sum();
    assert!(total > 8000, "{total} bars");
    assert!(in_window < total / 2, "{in_window} of {total} bars in [100, 101]");
    for lane in 0..rec.lanes().len() {
        for bar in rec.bars_in(lane, 100.0, 101.0) {
            assert!(bar.start <= 101.0 && bar.end_at(rec.end_time()) >= 100.0);
        }
        let all = rec.lanes()[lane].bars();
        let expected = all.iter().filter(|b| b.start <= 101.0 && b.end_at(rec.end_time()) >= 100.0).count();
        assert_eq!(rec.bars_in(lane, 100.0, 101.0).len(), expected, "lane {lane}");
    }
}

#[test]
fn the_cap_truncates_visibly() {
    let recorder = record_with(TraceRecorder::with_cap(500), "exec_pool_jobs", &["jobs=1000"]);
    let rec = recorder.borrow();
    assert!(rec.truncated());
    assert!(rec.stored() <= 500, "{} records", rec.stored());
    assert_eq!(rec.truncated_at(), Some(rec.end_time()));
    assert!(rec.end_time() < 734.0);

    // The default cap holds this run whole.
    let recorder = record("exec_pool_jobs", &["jobs=1000"]);
    assert!(!recorder.borrow().truncated());
    assert!(recorder.borrow().stored() < asyncio_playground::timeline::DEFAULT_CAP);
}

#[test]
fn a_full_recording_stops_the_loop_tracing() {
    let scenario = asyncio_scenarios::find("exec_pool_jobs").expect("scenario");
    let params = asyncio_scenarios::parse_args(scenario.params(), &["jobs=1000"]).expect("params");
    let event_loop = EventLoop::new();
    let recorder = TraceRecorder::with_cap(500);
    event_loop.set_tracer(recorder.tracer());
    let mut session = asyncio_scenarios::start(&event_loop, &scenario, params);
    let mut iterations_traced = 0;
    while event_loop.tracing() {
        assert!(!recorder.borrow().truncated(), "still traced after the recording filled");
        let next = session.step();
        assert!(!matches!(next, asyncio_engine::Next::Finished), "the run ended before the recording filled");
        iterations_traced += 1;
    }
    assert!(recorder.borrow().truncated());
    assert!(iterations_traced >= 1);
    let end_time = recorder.borrow().end_time();
    session.run_to_end();
    // Nothing more reached the recording, and the run went on to its end.
    assert_eq!(recorder.borrow().end_time(), end_time);
    assert!(event_loop.time() > end_time);
    assert!(!event_loop.tracing());
}

#[test]
fn lock_and_queue_states() {
    let recorder = record("sync_lock_call_later", &[]);
    let rec = recorder.borrow();
    assert_eq!(rec.primitives()[0].kind(), PrimitiveKind::Lock);
    let state = rec.primitive_state_at("lock", 0.05).unwrap();
    assert_eq!(state.action(), Some("Task-3 waits"));
    assert_eq!(
        state.state(),
        &State::Lock { locked: true, owner: Some("Task-1".into()), waiters: names(&["Task-2", "Task-3"]) }
    );
    assert_eq!(shown(state.state()), ["state locked", "owner Task-1", "waiters Task-2, Task-3 (2)"]);
    assert_eq!(lasting(&rec, "Task-2")[0], (0.0, 0.1, "waiting", "Lock lock".to_string()));

    let recorder = record("queue_random_workers", &[]);
    let rec = recorder.borrow();
    let queue = rec.primitives().iter().find(|p| p.name == "queue").unwrap();
    assert_eq!(queue.kind(), PrimitiveKind::Queue);
    let at = rec.primitive_state_at("queue", 0.0).unwrap();
    match at.state() {
        State::Queue(queue) => assert_eq!(queue.qsize, 17, "{queue:?}"),
        other => panic!("not a queue's state: {other:?}"),
    }
    assert_eq!(shown(at.state())[0], "qsize 17");
}

#[test]
fn same_run_same_recording_and_clear() {
    let first = record("sync_semaphore_fetch", &[]);
    let second = record("sync_semaphore_fetch", &[]);
    let summaries = |recorder: &TraceRecorder| {
        let rec = recorder.borrow();
        (0..rec.lanes().len()).map(|lane| rec.lane_summary(lane, 20).unwrap()).collect::<Vec<_>>()
    };
    assert_eq!(summaries(&first), summaries(&second));
    assert_eq!(
        summaries(&first)[8],
        "Task-9: waiting on Semaphore sema from 0.0 to 1.0 s; sleeping in sleep(1.0) from 1.0 to 2.0 s; \
         done at 2.0 s."
    );

    let handle = first.clone();
    let before = first.borrow().revision();
    handle.clear();
    assert!(first.borrow().lanes().is_empty());
    assert!(first.borrow().revision() > before);
    record_with(handle, "tasks_gather_exception", &[]);
    assert_eq!(first.borrow().lanes().len(), 4);
}

#[test]
fn events_for_unknown_tasks_and_after_the_end() {
    let recorder = TraceRecorder::new();
    recorder.record(0.5, &TraceEvent::StepStart { task: 7 });
    recorder.record(0.5, &TraceEvent::StepEnd { task: 7 });
    recorder.record(0.5, &TraceEvent::TaskDone { task: 7, outcome: asyncio_engine::Outcome::Done });
    // Nothing moves a finished task.
    recorder.record(0.7, &TraceEvent::StepStart { task: 7 });
    let rec = recorder.borrow();
    assert_eq!(rec.lanes()[0].name, "task 7");
    let keys: Vec<&str> = rec.lanes()[0].bars().iter().map(|b| b.state.key()).collect();
    assert_eq!(keys, vec!["running", "done"]);
}
