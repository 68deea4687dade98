//! Ports of CPython 3.11's `test_asyncio/test_base_events.py` (and of the
//! loop cases of `test_events.py` that the engine can express), one module per
//! Python test class, each test named as its Python method.
//!
//! CPython's `BaseEventLoopTests` mock the selector so that no time passes;
//! here the loop runs on a virtual clock, and where a test depends on time not
//! passing a ready callback (or `prepare_iteration`) stands in for the mock.

mod common;

use asyncio_engine::{sleep, sleep0, EventLoop, Exception, Next, Session, SessionEnd};

/// CPython's message when a future is used with a loop it does not belong to.
const DIFFERENT_LOOP: &str =
    "The future belongs to a different loop than the one specified as the loop argument";
use common::{assert_raises, run_briefly, Bag, Counter, Flag};

/// test_base_events.py::BaseEventLoopTests
mod base_event_loop_tests {
    use super::*;

    #[test]
    fn test_close() {
        let lp = EventLoop::new();
        assert!(!lp.is_closed());
        lp.close().unwrap();
        assert!(lp.is_closed());

        // it should be possible to call close() more than once
        lp.close().unwrap();
        lp.close().unwrap();

        // operation blocked when the loop is closed
        let f = lp.create_future::<()>();
        assert_raises(lp.run_forever(), "RuntimeError", "Event loop is closed");
        assert_raises(lp.run_until_complete(&f), "RuntimeError", "Event loop is closed");
    }

    #[test]
    fn test_call_soon() {
        let lp = EventLoop::new();
        let h = lp.call_soon(|| ()).unwrap();
        assert!(!h.cancelled());
        // `assertIn(h, self.loop._ready)`
        assert_eq!(lp.ready_len(), 1);
        assert_eq!(lp.scheduled_len(), 0);
    }

    #[test]
    fn test_call_later() {
        let lp = EventLoop::new();
        let h = lp.call_later(10.0, || ()).unwrap();
        assert_eq!(h.when(), 10.0);
        // `assertIn(h, self.loop._scheduled)`, `assertNotIn(h, self.loop._ready)`
        assert_eq!(lp.scheduled_len(), 1);
        assert_eq!(lp.next_deadline(), Some(10.0));
        assert_eq!(lp.ready_len(), 0);
    }

    #[test]
    fn test_call_later_negative_delays() {
        let lp = EventLoop::new();
        let calls: Bag<&str> = Bag::default();
        let c = calls.clone();
        lp.call_later(-1.0, move || c.push("a")).unwrap();
        let c = calls.clone();
        lp.call_later(-2.0, move || c.push("b")).unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(calls.items(), ["b", "a"]);
    }

    #[test]
    fn test_time_and_call_at() {
        let lp = EventLoop::new();
        let delay = 0.100;
        let when = lp.time() + delay;
        let stopper = lp.clone();
        lp.call_at(when, move || stopper.stop()).unwrap();
        let t0 = lp.time();
        lp.run_forever().unwrap();
        let dt = lp.time() - t0;
        // On the virtual clock the loop wakes exactly at the deadline.
        assert_eq!(dt, delay);
    }

    #[test]
    #[allow(non_snake_case)] // CPython's name
    fn test__run_once() {
        let lp = EventLoop::new();
        let h1 = lp.call_at(5.0, || ()).unwrap();
        let _h2 = lp.call_at(10.0, || ()).unwrap();
        h1.cancel();

        // The first half of `_run_once` (a session's `prepare`): drop the
        // cancelled head, compute the select timeout.
        let mut session = Session::forever(&lp);
        let Next::Iterate { timeout: t } = session.prepare() else { panic!("a timer is scheduled") };
        assert!(9.5 < t && t < 10.5, "{t}");
        // `self.assertEqual([h2], self.loop._scheduled)`
        assert_eq!(lp.scheduled_len(), 1);
        assert_eq!(lp.next_deadline(), Some(10.0));
        assert_eq!(lp.timer_cancelled_count(), 0);
    }

    #[test]
    #[allow(non_snake_case)] // CPython's name
    fn test__run_once_schedule_handle() {
        let lp = EventLoop::new();
        let processed = Flag::default();
        let handle = common::Slot::default();
        let (p, hs, inner) = (processed.clone(), handle.clone(), lp.clone());
        lp.call_at(lp.time() - 1.0, move || {
            p.set(true);
            hs.put(inner.call_soon(|| ()).unwrap());
        })
        .unwrap();
        lp.run_once().unwrap();

        assert!(processed.get());
        // `self.assertEqual([handle], list(self.loop._ready))`
        assert_eq!(lp.ready_len(), 1);
        assert!(!handle.get().cancelled());
    }

    #[test]
    #[allow(non_snake_case)] // CPython's name
    fn test__run_once_cancelled_event_cleanup() {
        // _MIN_SCHEDULED_TIMER_HANDLES and _MIN_CANCELLED_TIMER_HANDLES_FRACTION
        const MIN_SCHEDULED_TIMER_HANDLES: usize = 100;
        const MIN_CANCELLED_TIMER_HANDLES_FRACTION: f64 = 0.5;
        let lp = EventLoop::new();
        // CPython's selector mock returns at once; a ready callback makes the
        // virtual select wait 0 too, so no timer comes due.
        let run_once_without_waiting = |lp: &EventLoop| {
            lp.call_soon(|| ()).unwrap();
            lp.run_once().unwrap();
        };

        // Set up one "blocking" event that will not be cancelled to
        // ensure later cancelled events do not make it to the head
        // of the queue and get cleaned.
        let mut not_cancelled_count = 1;
        lp.call_later(3000.0, || ()).unwrap();

        // Add less than threshold (base_events._MIN_SCHEDULED_TIMER_HANDLES)
        // cancelled handles, ensure they aren't removed
        let mut cancelled_count = 2;
        for _ in 0..2 {
            lp.call_later(3600.0, || ()).unwrap().cancel();
        }

        // Add some cancelled events that will be at head and removed
        cancelled_count += 2;
        for _ in 0..2 {
            lp.call_later(100.0, || ()).unwrap().cancel();
        }

        // This test is invalid if _MIN_SCHEDULED_TIMER_HANDLES is too low
        assert!(cancelled_count + not_cancelled_count <= MIN_SCHEDULED_TIMER_HANDLES);
        assert_eq!(lp.timer_cancelled_count(), cancelled_count);

        run_once_without_waiting(&lp);

        cancelled_count -= 2;
        assert_eq!(lp.timer_cancelled_count(), cancelled_count);
        assert_eq!(lp.scheduled_len(), cancelled_count + not_cancelled_count);

        // Need enough events to pass _MIN_CANCELLED_TIMER_HANDLES_FRACTION
        // so that deletion of cancelled events will occur on next _run_once
        let add_cancel_count =
            (MIN_SCHEDULED_TIMER_HANDLES as f64 * MIN_CANCELLED_TIMER_HANDLES_FRACTION).ceil() as usize + 1;
        let add_not_cancel_count = MIN_SCHEDULED_TIMER_HANDLES.saturating_sub(add_cancel_count);

        // Add some events that will not be cancelled
        not_cancelled_count += add_not_cancel_count;
        for _ in 0..add_not_cancel_count {
            lp.call_later(3600.0, || ()).unwrap();
        }

        // Add enough cancelled events
        cancelled_count += add_cancel_count;
        for _ in 0..add_cancel_count {
            lp.call_later(3600.0, || ()).unwrap().cancel();
        }

        // Ensure all handles are still scheduled
        assert_eq!(lp.scheduled_len(), cancelled_count + not_cancelled_count);

        run_once_without_waiting(&lp);

        // Ensure cancelled events were removed
        assert_eq!(lp.scheduled_len(), not_cancelled_count);
        assert_eq!(lp.timer_cancelled_count(), 0);
        assert_eq!(lp.time(), 0.0);
    }

    #[test]
    fn test_create_named_task_with_default_factory() {
        let lp = EventLoop::new();
        let task = lp.create_named_task(async { Ok(()) }, "test_task").unwrap();
        assert_eq!(task.get_name(), "test_task");
        lp.run_until_complete(&task).unwrap();
        lp.close().unwrap();
    }

    #[test]
    fn test_run_forever_keyboard_interrupt() {
        // Python issue #22601: the temporary task created by
        // run_until_complete() consumes the KeyboardInterrupt.
        let lp = EventLoop::new();
        let task = lp.create_task(async { Err::<(), _>(Exception::new("KeyboardInterrupt", "")) }).unwrap();
        assert_raises(lp.run_until_complete(&task), "KeyboardInterrupt", "");
        lp.close().unwrap();
        assert!(task.done());
    }

    #[test]
    fn test_run_until_complete_baseexception() {
        // Python issue #22429: run_until_complete() must not schedule a pending
        // call to stop() if the future raised a BaseException
        let lp = EventLoop::new();
        let task = lp.create_task(async { Err::<(), _>(Exception::new("KeyboardInterrupt", "")) }).unwrap();
        assert_raises(lp.run_until_complete(&task), "KeyboardInterrupt", "");

        let called = Flag::default();
        let (c, stopper) = (called.clone(), lp.clone());
        lp.call_soon(move || {
            stopper.stop();
            c.set(true);
        })
        .unwrap();
        lp.run_forever().unwrap();
        assert!(called.get());
    }

    #[test]
    fn test_run_until_complete_loop() {
        let lp = EventLoop::new();
        let task = lp.create_future::<()>();
        let other_loop = EventLoop::new();
        assert_raises(other_loop.run_until_complete(&task), "ValueError", DIFFERENT_LOOP);
        // The step by step run_until_complete (the drivers') raises it too,
        // and neither leaves the other loop running.
        let session = Session::until(&other_loop, &task, SessionEnd::Stop);
        assert!(session.is_finished());
        assert_raises(session.outcome().expect("an outcome").clone(), "ValueError", DIFFERENT_LOOP);
        assert!(!other_loop.is_running());
        other_loop.close().unwrap();
    }

    #[test]
    fn test_run_once() {
        // The idiom `loop.call_soon(loop.stop); loop.run_forever()`.
        let lp = EventLoop::new();
        let count = Counter::default();
        let c = count.clone();
        lp.call_soon(move || c.add(1)).unwrap();
        common::run_once(&lp).unwrap();
        assert_eq!(count.get(), 1);
    }

    #[test]
    fn test_run_forever_pre_stopped() {
        // Test that the old idiom for pre-stopping the loop works.
        let (lp, clock) = common::recording_loop();
        lp.stop();
        lp.run_forever().unwrap();
        // `self.loop._selector.select.assert_called_once_with(0)`
        assert_eq!(*clock.selects.borrow(), [0.0]);
    }
}

/// test_base_events.py::RunningLoopTests
mod running_loop_tests {
    use super::*;

    #[test]
    fn test_running_loop_within_a_loop() {
        let lp = EventLoop::new();
        let outer_loop = EventLoop::new();
        let inner = lp.clone();
        let runner = outer_loop.create_task(async move { inner.run_forever() }).unwrap();
        assert_raises(
            outer_loop.run_until_complete(&runner),
            "RuntimeError",
            "while another loop is running",
        );
        lp.close().unwrap();
        outer_loop.close().unwrap();
    }
}

/// test_events.py::EventLoopTestsMixin
mod event_loop_tests_mixin {
    use super::*;

    #[test]
    fn test_run_until_complete_nesting() {
        let lp = EventLoop::new();
        let inner = lp.clone();
        let coro2 = lp
            .create_task(async move {
                assert!(inner.is_running());
                let coro1 = inner.create_task(async {
                    sleep0().await?;
                    Ok(())
                })?;
                inner.run_until_complete(&coro1)
            })
            .unwrap();
        assert_raises(lp.run_until_complete(&coro2), "RuntimeError", "This event loop is already running");
    }

    #[test]
    fn test_run_until_complete() {
        let lp = EventLoop::new();
        let delay = 0.100;
        let t0 = lp.time();
        let task = lp.create_task(sleep(delay)).unwrap();
        lp.run_until_complete(&task).unwrap();
        let dt = lp.time() - t0;
        assert_eq!(dt, delay);
    }

    #[test]
    fn test_run_until_complete_stopped() {
        let lp = EventLoop::new();
        let inner = lp.clone();
        let task = lp
            .create_task(async move {
                inner.stop();
                sleep(0.1).await
            })
            .unwrap();
        let exc = assert_raises(lp.run_until_complete(&task), "RuntimeError", "");
        assert_eq!(exc.to_string(), "RuntimeError: Event loop stopped before Future completed.");
        assert!(!task.done());
    }

    #[test]
    fn test_call_later() {
        let lp = EventLoop::new();
        let results: Bag<&str> = Bag::default();
        let (r, stopper) = (results.clone(), lp.clone());
        lp.call_later(0.1, move || {
            r.push("hello world");
            stopper.stop();
        })
        .unwrap();
        lp.run_forever().unwrap();
        assert_eq!(results.items(), ["hello world"]);
        assert_eq!(lp.time(), 0.1);
    }

    #[test]
    fn test_call_soon() {
        let lp = EventLoop::new();
        let results: Bag<(&str, &str)> = Bag::default();
        let (r, stopper) = (results.clone(), lp.clone());
        lp.call_soon(move || {
            r.push(("hello", "world"));
            stopper.stop();
        })
        .unwrap();
        lp.run_forever().unwrap();
        assert_eq!(results.items(), [("hello", "world")]);
    }

    #[test]
    fn test_call_soon_threadsafe_same_thread() {
        let lp = EventLoop::new();
        let results: Bag<&str> = Bag::default();
        let callback = |lp: &EventLoop, results: &Bag<&'static str>, arg: &'static str| {
            let (lp, results) = (lp.clone(), results.clone());
            move || {
                results.push(arg);
                if results.len() >= 2 {
                    lp.stop();
                }
            }
        };
        lp.call_soon_threadsafe(callback(&lp, &results, "hello")).unwrap();
        lp.call_soon(callback(&lp, &results, "world")).unwrap();
        lp.run_forever().unwrap();
        assert_eq!(results.items(), ["hello", "world"]);
    }

    #[test]
    fn test_close_running_event_loop() {
        let lp = EventLoop::new();
        let inner = lp.clone();
        let task = lp.create_task(async move { inner.close() }).unwrap();
        assert_raises(lp.run_until_complete(&task), "RuntimeError", "Cannot close a running event loop");
    }

    #[test]
    fn test_close() {
        let lp = EventLoop::new();
        lp.close().unwrap();

        // operation blocked when the loop is closed
        assert_raises(lp.run_forever(), "RuntimeError", "Event loop is closed");
        let fut = lp.create_future::<()>();
        assert_raises(lp.run_until_complete(&fut), "RuntimeError", "Event loop is closed");
        assert_raises(lp.call_soon(|| ()), "RuntimeError", "Event loop is closed");
    }
}

/// Orders checked against the oracle: each expected trace is the output of
/// `python3 /work/shared/reference/pyrun.py` for the Python program in the
/// comment (CPython 3.11.7's asyncio on the virtual clock).
mod oracle {
    use super::*;

    /// ```python
    /// import asyncio
    ///
    /// async def main():
    ///     loop = asyncio.get_running_loop()
    ///     for i in range(7):
    ///         loop.call_later([1, 0, 1, 1, 0, 1, 1][i] + 1, print, "timer", i)
    ///     loop.call_soon(print, "soon 1")
    ///     loop.call_soon(lambda: (print("soon 2"), loop.call_soon(print, "soon 4")))
    ///     loop.call_soon(print, "soon 3")
    ///     await asyncio.sleep(0)
    ///     print("main resumed")
    ///     await asyncio.sleep(3)
    ///     print("main done")
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn call_soon_fifo_and_timer_ties_in_heapq_order() {
        let trace = common::trace_of(|lp| async move {
            for (i, key) in [1, 0, 1, 1, 0, 1, 1].into_iter().enumerate() {
                let out = lp.clone();
                lp.call_later(f64::from(key) + 1.0, move || out.log(&format!("timer {i}")))?;
            }
            let out = lp.clone();
            lp.call_soon(move || out.log("soon 1"))?;
            let out = lp.clone();
            lp.call_soon(move || {
                out.log("soon 2");
                let out2 = out.clone();
                out.call_soon(move || out2.log("soon 4")).unwrap();
            })?;
            let out = lp.clone();
            lp.call_soon(move || out.log("soon 3"))?;
            sleep0().await?;
            lp.log("main resumed");
            sleep(3.0).await?;
            lp.log("main done");
            Ok(())
        });
        assert_eq!(
            trace,
            "\
[    0.000] soon 1
[    0.000] soon 2
[    0.000] soon 3
[    0.000] main resumed
[    0.000] soon 4
[    1.000] timer 1
[    1.000] timer 4
[    2.000] timer 2
[    2.000] timer 5
[    2.000] timer 6
[    2.000] timer 0
[    2.000] timer 3
[    3.000] main done
"
        );
    }

    /// A `KeyboardInterrupt` escaping a task leaves `run_until_complete` at
    /// once (Task.__step re-raises `KeyboardInterrupt` and `SystemExit`);
    /// the rest of that iteration's callbacks run in the next `run_forever`.
    ///
    /// ```python
    /// import asyncio
    /// loop = asyncio.new_event_loop()
    /// async def ki():
    ///     raise KeyboardInterrupt
    /// loop.call_soon(print, "before")
    /// t = loop.create_task(ki())
    /// loop.call_soon(print, "after")
    /// try:
    ///     loop.run_until_complete(t)
    /// except KeyboardInterrupt:
    ///     print("KI")
    /// loop.call_soon(loop.stop)
    /// loop.run_forever()
    /// print("end")
    /// ```
    #[test]
    fn keyboard_interrupt_in_a_task_leaves_the_loop_at_once() {
        let (lp, lines) = common::traced_loop();
        let out = lp.clone();
        lp.call_soon(move || out.log("before")).unwrap();
        let t = lp.create_task(async { Err::<(), _>(Exception::new("KeyboardInterrupt", "")) }).unwrap();
        let out = lp.clone();
        lp.call_soon(move || out.log("after")).unwrap();
        if let Err(e) = lp.run_until_complete(&t) {
            if e.is("KeyboardInterrupt") {
                lp.log("KI");
            }
        }
        let stopper = lp.clone();
        lp.call_soon(move || stopper.stop()).unwrap();
        lp.run_forever().unwrap();
        lp.log("end");
        assert_eq!(
            lines.text(),
            "\
[    0.000] before
[    0.000] KI
[    0.000] after
[    0.000] end
"
        );
    }

    /// More than 100 timers with over half cancelled: the next iteration
    /// rebuilds the heap with `heapify`, which fixes a new order for the
    /// surviving ties.
    ///
    /// ```python
    /// import asyncio
    ///
    /// async def main():
    ///     loop = asyncio.get_running_loop()
    ///     handles = []
    ///     for i in range(150):
    ///         handles.append(loop.call_later(1 + i % 3, print, "timer", i))
    ///     for i, h in enumerate(handles):
    ///         if i % 5:
    ///             h.cancel()
    ///     await asyncio.sleep(0)
    ///     print("compacted")
    ///     for i in range(150, 160):
    ///         loop.call_later(1 + i % 3, print, "late", i)
    ///     await asyncio.sleep(5)
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn cancelled_timer_compaction_reorders_ties_as_heapify_does() {
        let trace = common::trace_of(|lp| async move {
            let mut handles = Vec::new();
            for i in 0..150u32 {
                let out = lp.clone();
                handles.push(lp.call_later(f64::from(1 + i % 3), move || out.log(&format!("timer {i}")))?);
            }
            for (i, h) in handles.iter().enumerate() {
                if i % 5 != 0 {
                    h.cancel();
                }
            }
            sleep0().await?;
            lp.log("compacted");
            for i in 150..160u32 {
                let out = lp.clone();
                lp.call_later(f64::from(1 + i % 3), move || out.log(&format!("late {i}")))?;
            }
            sleep(5.0).await
        });
        assert_eq!(trace, COMPACTION_ORACLE);
    }

    /// Virtual-clock arithmetic: `now + d` in doubles, the `1e-9` clock
    /// resolution, selects capped at one day, `%9.3f` rounding, and heap
    /// ties between deadlines computed two ways.
    ///
    /// ```python
    /// import asyncio
    ///
    /// async def main():
    ///     loop = asyncio.get_running_loop()
    ///     for d in [0.0005, 1.0005, 2.675, 0.1 + 0.2, 1e-10, 2e-9]:
    ///         t0 = loop.time()
    ///         await asyncio.sleep(d)
    ///         print("slept", d, loop.time() - t0)
    ///     loop.call_at(loop.time() + 0.5e-9, print, "within resolution")
    ///     print("scheduled")
    ///     await asyncio.sleep(0)
    ///     print("after yield")
    ///     await asyncio.sleep(200000.25)
    ///     print("long sleep", loop.time())
    ///     for i in range(3):
    ///         loop.call_later(0.1 * 3, print, "a", i)
    ///         loop.call_later(0.3, print, "b", i)
    ///     await asyncio.sleep(1)
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn virtual_clock_arithmetic_and_resolution() {
        use asyncio_engine::pyfmt::float_repr;
        let trace = common::trace_of(|lp| async move {
            for d in [0.0005, 1.0005, 2.675, 0.1 + 0.2, 1e-10, 2e-9] {
                let t0 = lp.time();
                sleep(d).await?;
                lp.log(&format!("slept {} {}", float_repr(d), float_repr(lp.time() - t0)));
            }
            let out = lp.clone();
            lp.call_at(lp.time() + 0.5e-9, move || out.log("within resolution"))?;
            lp.log("scheduled");
            sleep0().await?;
            lp.log("after yield");
            sleep(200000.25).await?;
            lp.log(&format!("long sleep {}", float_repr(lp.time())));
            for i in 0..3 {
                let out = lp.clone();
                lp.call_later(0.1 * 3.0, move || out.log(&format!("a {i}")))?;
                let out = lp.clone();
                lp.call_later(0.3, move || out.log(&format!("b {i}")))?;
            }
            sleep(1.0).await
        });
        assert_eq!(trace, CLOCK_ORACLE);
    }
}

/// The oracle's output for
/// `oracle::cancelled_timer_compaction_reorders_ties_as_heapify_does`.
const COMPACTION_ORACLE: &str = "\
[    0.000] compacted
[    1.000] timer 120
[    1.000] timer 60
[    1.000] timer 30
[    1.000] late 150
[    1.000] timer 0
[    1.000] timer 105
[    1.000] timer 90
[    1.000] timer 45
[    1.000] timer 15
[    1.000] late 159
[    1.000] timer 135
[    1.000] late 156
[    1.000] timer 75
[    1.000] late 153
[    2.000] timer 145
[    2.000] timer 70
[    2.000] timer 10
[    2.000] timer 130
[    2.000] timer 55
[    2.000] timer 115
[    2.000] timer 25
[    2.000] timer 100
[    2.000] late 154
[    2.000] timer 40
[    2.000] late 157
[    2.000] timer 85
[    2.000] late 151
[    3.000] timer 35
[    3.000] timer 65
[    3.000] timer 140
[    3.000] timer 5
[    3.000] late 155
[    3.000] timer 125
[    3.000] timer 95
[    3.000] timer 20
[    3.000] late 152
[    3.000] timer 80
[    3.000] timer 110
[    3.000] late 158
[    3.000] timer 50
";

/// The oracle's output for `oracle::virtual_clock_arithmetic_and_resolution`.
const CLOCK_ORACLE: &str = "\
[    0.001] slept 0.0005 0.0005
[    1.001] slept 1.0005 1.0005
[    3.676] slept 2.675 2.675
[    3.976] slept 0.30000000000000004 0.30000000000000027
[    3.976] slept 1e-10 1.000000082740371e-10
[    3.976] slept 2e-09 2.000000165480742e-09
[    3.976] scheduled
[    3.976] after yield
[    3.976] within resolution
[200004.226] long sleep 200004.2260000021
[200004.526] a 0
[200004.526] a 1
[200004.526] b 2
[200004.526] b 0
[200004.526] b 1
[200004.526] a 2
";

/// The loop's own guarantees, beyond CPython's tests.
mod callbacks_hold_no_borrow {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    #[test]
    fn a_sink_and_a_tracer_may_call_back_into_the_loop() {
        let lp = EventLoop::new();
        let lines = Rc::new(RefCell::new(Vec::new()));
        let (sink_lines, sink_loop) = (lines.clone(), lp.clone());
        lp.set_output(move |line| {
            sink_lines.borrow_mut().push(line.to_string());
            // Printing from the sink: no borrow is held, so no panic; the
            // nested line is dropped rather than recursing.
            sink_loop.log("from the sink");
        });
        let events = Rc::new(RefCell::new(0));
        let (count, tracer_loop) = (events.clone(), lp.clone());
        lp.set_tracer(Box::new(move |_: f64, _: &asyncio_engine::TraceEvent<'_>| {
            *count.borrow_mut() += 1;
            let _ = tracer_loop.time();
            tracer_loop.log("from the tracer");
        }));
        lp.log("hello");
        lp.log("again");
        // The tracer's lines reach the sink (it runs before the sink gets
        // the line), the sink's own prints are dropped, nothing panics, and
        // the sink and tracer are still in place.
        assert_eq!(
            *lines.borrow(),
            [
                "[    0.000] from the tracer",
                "[    0.000] hello",
                "[    0.000] from the tracer",
                "[    0.000] again"
            ]
        );
        assert!(*events.borrow() >= 2);
        assert!(lp.tracing());
    }
}
