//! Runaway loops are stopped with a message naming the task: a step that
//! never awaits (it goes over the per-step operation budget) and a loop of
//! `sleep(0)` that never lets virtual time advance (the stalled-iteration
//! budget).

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_engine::{
    create_task, report_exception, sleep, sleep0, EventLoop, Session, STEP_OPERATION_BUDGET,
};

fn traced() -> (EventLoop, Rc<RefCell<Vec<String>>>) {
    let event_loop = EventLoop::new();
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    event_loop.set_output(move |line| sink.borrow_mut().push(line.to_string()));
    (event_loop, lines)
}

/// The seeds' crawler bug: `asyncio.sleep(3)` is never awaited, so the loop
/// creating crawl tasks never yields.
#[test]
fn a_step_that_never_awaits_is_stopped_naming_the_task() {
    let (event_loop, lines) = traced();
    let mut session = Session::new(&event_loop, async {
        let mut url = 0_u64;
        loop {
            url += 1;
            create_task(async move {
                sleep(3.0).await?;
                let _ = url;
                Ok(())
            })?;
            // asyncio.sleep(3) without await: nothing happens
        }
    });
    session.run_to_end();
    assert!(session.is_runaway());
    let Some(Err(exc)) = session.outcome() else { panic!("the run must fail") };
    assert_eq!(
        exc.message(),
        format!(
            "runaway: Task-1 did {STEP_OPERATION_BUDGET} operations in one step without awaiting (task has not yielded)"
        )
    );
    report_exception(session.event_loop(), exc);
    let last = lines.borrow().last().cloned().unwrap_or_default();
    assert!(last.starts_with("[    0.000] runaway: Task-1 did"), "{last}");
    // No clean-up ran the runaway again: the loop is closed at once.
    assert!(event_loop.is_closed());
}

#[test]
fn a_sleep0_loop_that_never_lets_time_advance_is_stopped() {
    let (event_loop, _lines) = traced();
    let mut session = Session::new(&event_loop, async {
        create_task(async {
            sleep(1.0).await?; // never reached: time never moves
            Ok(())
        })?;
        loop {
            sleep0().await?;
        }
    });
    session.set_stall_budget(10_000);
    session.run_to_end();
    assert!(session.is_runaway());
    let Some(Err(exc)) = session.outcome() else { panic!("the run must fail") };
    assert_eq!(
        exc.message(),
        "runaway: virtual time has not moved for 10000 loop iterations; still running: Task-1"
    );
}

#[test]
fn many_yields_while_time_moves_are_not_a_runaway() {
    let (event_loop, lines) = traced();
    let mut session = Session::new(&event_loop, async {
        for i in 0..50_000 {
            if i % 10 == 0 {
                sleep(0.001).await?;
            } else {
                sleep0().await?;
            }
        }
        asyncio_engine::get_running_loop()?.log("done");
        Ok(())
    });
    session.set_stall_budget(100);
    session.run_to_end();
    assert!(!session.is_runaway(), "{:?}", session.outcome());
    assert_eq!(lines.borrow().len(), 1);
}

#[test]
fn a_busy_but_finite_step_is_not_a_runaway() {
    let (event_loop, lines) = traced();
    let mut session = Session::new(&event_loop, async {
        for _ in 0..10_000 {
            create_task(async { Ok(()) })?;
        }
        asyncio_engine::get_running_loop()?.log("created");
        Ok(())
    });
    session.run_to_end();
    assert!(!session.is_runaway());
    assert_eq!(*lines.borrow(), ["[    0.000] created"]);
}
