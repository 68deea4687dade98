//! Values pushed into a running scenario from outside its loop (the page's
//! push box), as another thread would with `call_soon_threadsafe`.

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_engine::{EventLoop, Next, Session};
use asyncio_scenarios::{find, parse_push, push_hint, report, run_to_lines, start};

/// Start `name` at its defaults, printing into the returned lines.
fn session(name: &str) -> (Session, Rc<RefCell<Vec<String>>>) {
    let scenario = find(name).expect("a known scenario");
    let event_loop = EventLoop::new();
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    event_loop.set_output(move |line| sink.borrow_mut().push(line.to_string()));
    (start(&event_loop, &scenario, scenario.defaults()), lines)
}

/// Run iterations until loop time reaches `t` (the next timer is later).
fn run_until(session: &mut Session, t: f64) {
    loop {
        match session.prepare() {
            Next::Iterate { timeout } if session.event_loop().time() + timeout <= t => {
                session.iterate(timeout)
            }
            Next::Iterate { .. } => {
                // Wait only up to t, as a push that interrupts select does.
                let now = session.event_loop().time();
                session.iterate(t - now);
                return;
            }
            Next::Finished => return,
        }
    }
}

fn finish(session: &mut Session) {
    session.run_to_end();
    report(session);
}

#[test]
fn a_pushed_delay_runs_on_the_background_loop_and_is_printed() {
    let (mut s, lines) = session("thread_background_loop_queue");
    run_until(&mut s, 1.0);
    s.event_loop().push("2").expect("the scenario takes pushes");
    finish(&mut s);
    let lines = lines.borrow();
    assert!(lines.iter().any(|l| l == "[    1.000] pushed from the page: run_coroutine_threadsafe(do_sleep(2, queue, \"pushed-1\"), new_loop)"), "{lines:#?}");
    assert!(lines.iter().any(|l| l == "[    3.000] pushed-1 协程运行完.."), "{lines:#?}");
    // The seed's two coroutines still end at 3 s and 6 s, and the run ends after all three.
    assert!(lines.iter().any(|l| l == "[    6.000] 第一个 协程运行完.."), "{lines:#?}");
    assert_eq!(lines.iter().filter(|l| l.contains("协程运行完")).count(), 3);
}

#[test]
fn a_pushed_value_is_picked_up_by_the_redis_consumer_at_its_next_poll() {
    let (mut s, lines) = session("thread_redis_consumer");
    run_until(&mut s, 2.5);
    s.event_loop().push("1").expect("the scenario takes pushes");
    finish(&mut s);
    let lines = lines.borrow();
    assert!(
        lines.iter().any(|l| l == "[    2.500] pushed from the page: redis-cli lpush queue 1"),
        "{lines:#?}"
    );
    let done = lines.iter().filter(|l| l.contains("协程运行完")).count();
    assert_eq!(done, 4, "three seeded tasks and the pushed one: {lines:#?}");
    // Polled at 3 s (the consumer sleeps 1 s between polls), done 1 s later.
    let at_4 = lines.iter().position(|l| l.starts_with("[    4.000] 协程运行完"));
    assert!(at_4.is_some(), "{lines:#?}");
}

#[test]
fn without_pushes_the_output_is_the_oracle_s() {
    for name in ["thread_background_loop_queue", "thread_redis_consumer"] {
        let (mut s, lines) = session(name);
        finish(&mut s);
        let scenario = find(name).unwrap();
        assert_eq!(*lines.borrow(), run_to_lines(&scenario, scenario.defaults()));
    }
}

#[test]
fn bad_pushes_are_refused_with_a_message() {
    assert_eq!(parse_push(" 5 ").unwrap(), 5);
    assert!(parse_push("abc").unwrap_err().to_string().contains("whole number of seconds, got \"abc\""));
    assert!(parse_push("-1").unwrap_err().to_string().contains("from 0 to 3600"));
    assert!(parse_push("99999").is_err());
    assert!(push_hint("thread_redis_consumer").is_some());
    assert!(push_hint("tasks_gather_basic").is_none());

    // A refused value inside the loop becomes a line, not a crash.
    let (mut s, lines) = session("thread_background_loop_queue");
    run_until(&mut s, 1.0);
    s.event_loop().push("soon").unwrap();
    finish(&mut s);
    assert!(
        lines.borrow().iter().any(|l| l.contains("pushed \"soon\" was refused: ValueError")),
        "{:#?}",
        lines.borrow()
    );

    // A scenario without an inbox says so; a finished run refuses too.
    let (s, _) = session("tasks_say_after_sequential");
    assert!(s.event_loop().push("1").unwrap_err().contains("does not take pushed values"));
    let (mut s, _) = session("thread_background_loop_queue");
    finish(&mut s);
    assert!(s.event_loop().push("1").is_err());
}
