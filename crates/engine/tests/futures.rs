//! Ports of CPython 3.11's `test_asyncio/test_futures.py`, one module per
//! Python test class, each test named as its Python method.
//!
//! Python removes done callbacks by equality (`remove_done_callback(cb1)`
//! removes every registration of `cb1`); the engine removes one registration
//! by the [`CallbackId`](asyncio_engine::CallbackId) that `add_done_callback`
//! returned, so "the same callback added twice" is two ids here.

mod common;

use asyncio_engine::{sleep, sleep0, EventLoop, Exception, Future, PyResult};
use common::{assert_raises, run_briefly, Bag};

/// test_futures.py::BaseFutureTests
mod base_future_tests {
    use super::*;

    #[test]
    fn test_initial_state() {
        let lp = EventLoop::new();
        let f = lp.create_future::<()>();
        assert!(!f.cancelled());
        assert!(!f.done());
        f.cancel(None);
        assert!(f.cancelled());
    }

    #[test]
    fn test_constructor_without_loop() {
        // CPython: RuntimeError 'no current event loop' (there is no event
        // loop policy in the engine: only the running loop).
        assert_raises(Future::<()>::on_running_loop(), "RuntimeError", "event loop");
    }

    #[test]
    fn test_constructor_use_running_loop() {
        let lp = EventLoop::new();
        let task = lp.create_task(async { Future::<()>::on_running_loop() }).unwrap();
        let f = lp.run_until_complete(&task).unwrap();
        assert!(f.get_loop().expect("loop alive").ptr_eq(&lp));
    }

    #[test]
    fn test_future_cancel_message_getter() {
        let lp = EventLoop::new();
        let f = lp.create_future::<()>();
        assert_eq!(f.cancel_message(), None);

        f.cancel(Some("my message"));
        let exc = assert_raises(lp.run_until_complete(&f), "CancelledError", "");
        assert_eq!(exc.message(), "my message");
        assert_eq!(f.cancel_message().as_deref(), Some("my message"));
    }

    #[test]
    fn test_cancel() {
        let lp = EventLoop::new();
        let f = lp.create_future::<()>();
        assert!(f.cancel(None));
        assert!(f.cancelled());
        assert!(f.done());
        assert_raises(f.result(), "CancelledError", "");
        assert_raises(f.exception(), "CancelledError", "");
        assert_raises(f.set_result(()), "InvalidStateError", "");
        assert_raises(f.set_exception(Exception::runtime_error("")), "InvalidStateError", "");
        assert!(!f.cancel(None));
    }

    #[test]
    fn test_result() {
        let lp = EventLoop::new();
        let f = lp.create_future::<i32>();
        assert_raises(f.result(), "InvalidStateError", "Result is not set.");

        f.set_result(42).unwrap();
        assert!(!f.cancelled());
        assert!(f.done());
        assert_eq!(f.result().unwrap(), 42);
        assert!(f.exception().unwrap().is_none());
        assert_raises(f.set_result(0), "InvalidStateError", "");
        assert_raises(f.set_exception(Exception::runtime_error("")), "InvalidStateError", "");
        assert!(!f.cancel(None));
    }

    #[test]
    fn test_exception() {
        let exc = Exception::runtime_error("");
        let lp = EventLoop::new();
        let f = lp.create_future::<()>();
        assert_raises(f.exception(), "InvalidStateError", "Exception is not set.");

        f.set_exception(exc.clone()).unwrap();
        assert!(!f.cancelled());
        assert!(f.done());
        assert_raises(f.result(), "RuntimeError", "");
        assert!(f.exception().unwrap().expect("an exception").ptr_eq(&exc));
        assert_raises(f.set_result(()), "InvalidStateError", "");
        assert_raises(f.set_exception(Exception::runtime_error("")), "InvalidStateError", "");
        assert!(!f.cancel(None));
    }

    /// `yield from f` twice: the first suspends until `f` is done, the second
    /// returns the same result without suspending.
    #[test]
    fn test_yield_from_twice() {
        let lp = EventLoop::new();
        let f = lp.create_future::<i32>();
        let bag: Bag<String> = Bag::default();
        let (g, fut) = (bag.clone(), f.clone());
        let task = lp
            .create_task(async move {
                g.push("A".into());
                let x = (&fut).await?;
                g.push(format!("B {x}"));
                let y = (&fut).await?;
                g.push(format!("C {y}"));
                Ok(())
            })
            .unwrap();
        lp.run_once().unwrap();
        assert_eq!(bag.items(), ["A"]);
        f.set_result(42).unwrap();
        // One iteration: the task wakes up and runs through both awaits.
        lp.run_once().unwrap();
        assert_eq!(bag.items(), ["A", "B 42", "C 42"]);
        assert!(task.done());
    }
}

/// test_futures.py::BaseFutureDoneCallbackTests
mod base_future_done_callback_tests {
    use super::*;

    /// `_make_callback(bag, thing)`.
    fn make_callback<T: Clone + 'static>(bag: &Bag<i32>, thing: i32) -> impl FnOnce(&Future<T>) + 'static {
        let bag = bag.clone();
        move |_| bag.push(thing)
    }

    #[test]
    fn test_callbacks_remove_first_callback() {
        let lp = EventLoop::new();
        let bag = Bag::default();
        let f = lp.create_future::<&str>();

        let cb1 = f.add_done_callback(make_callback(&bag, 42));
        f.add_done_callback(make_callback(&bag, 17));
        f.add_done_callback(make_callback(&bag, 100));

        assert_eq!(f.remove_done_callback(cb1), 1);
        assert_eq!(f.remove_done_callback(cb1), 0);

        assert!(bag.is_empty());
        f.set_result("foo").unwrap();

        run_briefly(&lp).unwrap();

        assert_eq!(bag.items(), [17, 100]);
        assert_eq!(f.result().unwrap(), "foo");
    }

    #[test]
    fn test_callbacks_remove_first_and_second_callback() {
        let lp = EventLoop::new();
        let bag = Bag::default();
        let f = lp.create_future::<&str>();

        let cb1 = f.add_done_callback(make_callback(&bag, 42));
        let cb2 = f.add_done_callback(make_callback(&bag, 17));
        f.add_done_callback(make_callback(&bag, 100));

        assert_eq!(f.remove_done_callback(cb1), 1);
        assert_eq!(f.remove_done_callback(cb2), 1);
        assert_eq!(f.remove_done_callback(cb1), 0);

        assert!(bag.is_empty());
        f.set_result("foo").unwrap();

        run_briefly(&lp).unwrap();

        assert_eq!(bag.items(), [100]);
        assert_eq!(f.result().unwrap(), "foo");
    }

    #[test]
    fn test_callbacks_remove_third_callback() {
        let lp = EventLoop::new();
        let bag = Bag::default();
        let f = lp.create_future::<&str>();

        f.add_done_callback(make_callback(&bag, 42));
        f.add_done_callback(make_callback(&bag, 17));
        let cb3 = f.add_done_callback(make_callback(&bag, 100));

        assert_eq!(f.remove_done_callback(cb3), 1);
        assert_eq!(f.remove_done_callback(cb3), 0);

        assert!(bag.is_empty());
        f.set_result("foo").unwrap();

        run_briefly(&lp).unwrap();

        assert_eq!(bag.items(), [42, 17]);
        assert_eq!(f.result().unwrap(), "foo");
    }

    #[test]
    fn test_callbacks_invoked_on_set_result() {
        let lp = EventLoop::new();
        let bag = Bag::default();
        let f = lp.create_future::<&str>();
        f.add_done_callback(make_callback(&bag, 42));
        f.add_done_callback(make_callback(&bag, 17));

        assert!(bag.is_empty());
        f.set_result("foo").unwrap();
        // Scheduled with call_soon, not run inline.
        assert!(bag.is_empty());

        run_briefly(&lp).unwrap();

        assert_eq!(bag.items(), [42, 17]);
        assert_eq!(f.result().unwrap(), "foo");
    }

    #[test]
    fn test_callbacks_invoked_on_set_exception() {
        let lp = EventLoop::new();
        let bag = Bag::default();
        let f = lp.create_future::<&str>();
        f.add_done_callback(make_callback(&bag, 100));

        assert!(bag.is_empty());
        let exc = Exception::runtime_error("");
        f.set_exception(exc.clone()).unwrap();

        run_briefly(&lp).unwrap();

        assert_eq!(bag.items(), [100]);
        assert!(f.exception().unwrap().expect("an exception").ptr_eq(&exc));
    }

    /// Python counts every registration equal to the callback; here each
    /// registration has its own id, so the counts are per registration.
    #[test]
    fn test_remove_done_callback() {
        let lp = EventLoop::new();
        let bag = Bag::default();
        let f = lp.create_future::<&str>();

        // Add one cb1 and one cb2.
        let mut cb1 = vec![f.add_done_callback(make_callback(&bag, 1))];
        let cb2 = f.add_done_callback(make_callback(&bag, 2));

        // One instance of cb2 removed. Now there's only one cb1.
        assert_eq!(f.remove_done_callback(cb2), 1);

        // Never had any cb3 in there (an id removed already is gone too).
        assert_eq!(f.remove_done_callback(cb2), 0);

        // After this there will be 6 instances of cb1 and one of cb2.
        f.add_done_callback(make_callback(&bag, 2));
        for _ in 0..5 {
            cb1.push(f.add_done_callback(make_callback(&bag, 1)));
        }

        // Remove all instances of cb1. One cb2 remains.
        let removed: usize = cb1.into_iter().map(|id| f.remove_done_callback(id)).sum();
        assert_eq!(removed, 6);

        assert!(bag.is_empty());
        f.set_result("foo").unwrap();

        run_briefly(&lp).unwrap();

        assert_eq!(bag.items(), [2]);
        assert_eq!(f.result().unwrap(), "foo");
    }

    /// bpo-28963: a callback removing others while the callbacks are being
    /// scheduled. The others were already scheduled (CPython removes 0 and
    /// both still run).
    #[test]
    fn test_schedule_callbacks_list_mutation_1() {
        let lp = EventLoop::new();
        let bag: Bag<String> = Bag::default();
        let fut = lp.create_future::<i32>();
        let str1: common::Slot<asyncio_engine::CallbackId> = common::Slot::default();
        let (b, s) = (bag.clone(), str1.clone());
        fut.add_done_callback(move |f: &Future<i32>| {
            b.push(format!("mut {}", f.remove_done_callback(s.get())))
        });
        let b = bag.clone();
        str1.put(fut.add_done_callback(move |_| b.push("str 1".into())));
        let b = bag.clone();
        fut.add_done_callback(move |_| b.push("str 2".into()));
        fut.set_result(1).unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(bag.items(), ["mut 0", "str 1", "str 2"]);
    }
}

/// test_futures.py::BaseFutureTests's `test_tb_logger_*`: a future freed
/// after failing, its exception never asked for, runs its finalizer (where
/// CPython logs "Future exception was never retrieved"); any other future
/// does not. The mock logger is the finalizer's bag.
mod tb_logger_tests {
    use super::*;

    /// A future of `lp` with a finalizer that records what it reports.
    fn watched(lp: &EventLoop, log: &Bag<String>) -> Future<i32> {
        let fut: Future<i32> = lp.create_future();
        let log = log.clone();
        fut.on_unretrieved(move |e| log.push(e.message().to_string()));
        fut
    }

    #[test]
    fn test_tb_logger_abandoned() {
        let (lp, log) = (EventLoop::new(), Bag::default());
        drop(watched(&lp, &log));
        asyncio_engine::run_finalizers();
        assert!(log.is_empty());
    }

    #[test]
    fn test_tb_logger_not_called_after_cancel() {
        let (lp, log) = (EventLoop::new(), Bag::default());
        let fut = watched(&lp, &log);
        fut.set_exception(Exception::runtime_error("boom")).unwrap();
        // cancel() of a done future changes nothing but the report: none.
        assert!(!fut.cancel(None));
        drop(fut);
        asyncio_engine::run_finalizers();
        assert!(log.is_empty());
    }

    #[test]
    fn test_tb_logger_result_unretrieved() {
        let (lp, log) = (EventLoop::new(), Bag::default());
        let fut = watched(&lp, &log);
        fut.set_result(42).unwrap();
        drop(fut);
        asyncio_engine::run_finalizers();
        assert!(log.is_empty());
    }

    #[test]
    fn test_tb_logger_exception_unretrieved() {
        let (lp, log) = (EventLoop::new(), Bag::default());
        let fut = watched(&lp, &log);
        fut.set_exception(Exception::runtime_error("boom")).unwrap();
        // A repr reads the outcome without retrieving it.
        assert!(matches!(fut.peek_outcome(), Some(Err(_))));
        drop(fut);
        assert!(log.is_empty(), "reported only at a safe point");
        run_briefly(&lp).unwrap();
        assert_eq!(log.items(), ["boom"]);
    }

    #[test]
    fn test_tb_logger_exception_retrieved() {
        let (lp, log) = (EventLoop::new(), Bag::default());
        let fut = watched(&lp, &log);
        fut.set_exception(Exception::runtime_error("boom")).unwrap();
        assert!(fut.exception().unwrap().is_some());
        drop(fut);
        asyncio_engine::run_finalizers();
        assert!(log.is_empty());
    }

    #[test]
    fn test_tb_logger_exception_result_retrieved() {
        let (lp, log) = (EventLoop::new(), Bag::default());
        let fut = watched(&lp, &log);
        fut.set_exception(Exception::runtime_error("boom")).unwrap();
        assert_raises(fut.result(), "RuntimeError", "boom");
        drop(fut);
        asyncio_engine::run_finalizers();
        assert!(log.is_empty());
    }

    /// A task awaiting the future retrieves it; a freed future that a loop
    /// callback let go of reports before the next callback runs.
    #[test]
    fn awaiting_retrieves_and_a_callback_s_drop_reports_before_the_next() {
        let (lp, log) = (EventLoop::new(), Bag::default());
        let awaited = watched(&lp, &log);
        let f = awaited.clone();
        let task = lp.create_task(async move { f.await }).unwrap();
        awaited.set_exception(Exception::runtime_error("seen")).unwrap();
        drop(awaited);
        assert_raises(lp.run_until_complete(&task), "RuntimeError", "seen");
        assert!(log.is_empty());

        let freed = watched(&lp, &log);
        freed.set_exception(Exception::runtime_error("unseen")).unwrap();
        let l = log.clone();
        lp.call_soon(move || drop(freed)).unwrap();
        lp.call_soon(move || l.push("next callback".into())).unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(log.items(), ["unseen", "next callback"]);
    }
}

/// Orders checked against the oracle (`pyrun.py` output for the Python
/// program in the comment).
mod oracle {
    use super::*;

    /// Done callbacks always go through `call_soon`: added to a done future
    /// they queue behind earlier handles; on completion they queue in
    /// registration order; a task awaiting a done future does not suspend.
    ///
    /// ```python
    /// import asyncio
    ///
    /// async def main():
    ///     loop = asyncio.get_running_loop()
    ///     f = loop.create_future()
    ///     f.set_result(1)
    ///     loop.call_soon(print, "soon 1")
    ///     f.add_done_callback(lambda f: print("done cb", f.result()))
    ///     loop.call_soon(print, "soon 2")
    ///     print("added")
    ///     g = loop.create_future()
    ///     g.add_done_callback(lambda f: print("g cb 1"))
    ///     g.add_done_callback(lambda f: print("g cb 2"))
    ///     loop.call_soon(print, "soon 3")
    ///     g.set_result(None)
    ///     loop.call_soon(print, "soon 4")
    ///     await asyncio.sleep(0)
    ///     print("main resumed")
    ///     await g
    ///     print("after await g")
    ///     h = loop.create_future()
    ///     loop.call_later(1, h.set_result, 7)
    ///     h.add_done_callback(lambda f: print("h cb", f.result()))
    ///     print("h result", await h)
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn done_callbacks_are_scheduled_with_call_soon() {
        let trace = common::trace_of(|lp| async move {
            let say = |text: &'static str| {
                let out = lp.clone();
                move || out.log(text)
            };
            let f = lp.create_future::<i32>();
            f.set_result(1)?;
            lp.call_soon(say("soon 1"))?;
            let out = lp.clone();
            f.add_done_callback(move |f: &Future<i32>| out.log(&format!("done cb {}", f.result().unwrap())));
            lp.call_soon(say("soon 2"))?;
            lp.log("added");
            let g = lp.create_future::<()>();
            let out = lp.clone();
            g.add_done_callback(move |_| out.log("g cb 1"));
            let out = lp.clone();
            g.add_done_callback(move |_| out.log("g cb 2"));
            lp.call_soon(say("soon 3"))?;
            g.set_result(())?;
            lp.call_soon(say("soon 4"))?;
            sleep0().await?;
            lp.log("main resumed");
            (&g).await?;
            lp.log("after await g");
            let h = lp.create_future::<i32>();
            let setter = h.clone();
            lp.call_later(1.0, move || setter.set_result(7).unwrap())?;
            let out = lp.clone();
            h.add_done_callback(move |f: &Future<i32>| out.log(&format!("h cb {}", f.result().unwrap())));
            let value = h.await?;
            lp.log(&format!("h result {value}"));
            Ok(())
        });
        assert_eq!(
            trace,
            "\
[    0.000] added
[    0.000] soon 1
[    0.000] done cb 1
[    0.000] soon 2
[    0.000] soon 3
[    0.000] g cb 1
[    0.000] g cb 2
[    0.000] soon 4
[    0.000] main resumed
[    0.000] after await g
[    1.000] h cb 7
[    1.000] h result 7
"
        );
    }

    /// A future cancelled with a message: awaiting it raises
    /// `CancelledError(msg)`; the waiting task's callbacks see it cancelled.
    ///
    /// ```python
    /// import asyncio
    ///
    /// async def waiter(f):
    ///     try:
    ///         await f
    ///     except asyncio.CancelledError as e:
    ///         print("waiter got", repr(e.args))
    ///         raise
    ///
    /// async def main():
    ///     loop = asyncio.get_running_loop()
    ///     f = loop.create_future()
    ///     t = asyncio.create_task(waiter(f))
    ///     t.add_done_callback(lambda t: print("task cancelled", t.cancelled()))
    ///     await asyncio.sleep(1)
    ///     print("cancel", f.cancel("stop it"))
    ///     await asyncio.sleep(0)
    ///     print("after one yield", t.done())
    ///     await asyncio.sleep(0)
    ///     print("after two yields", t.done())
    ///     try:
    ///         await t
    ///     except asyncio.CancelledError as e:
    ///         print("main got", repr(e.args))
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn cancel_message_reaches_the_waiting_task() {
        async fn waiter(lp: EventLoop, f: Future<()>) -> PyResult<()> {
            match f.await {
                Err(e) if e.is_cancelled() => {
                    lp.log(&format!("waiter got {}", args(&e)));
                    Err(e)
                }
                other => other,
            }
        }
        fn args(e: &Exception) -> String {
            if e.message().is_empty() {
                "()".into()
            } else {
                format!("('{}',)", e.message())
            }
        }
        let trace = common::trace_of(|lp| async move {
            let f = lp.create_future::<()>();
            let t = asyncio_engine::create_task(waiter(lp.clone(), f.clone()))?;
            let out = lp.clone();
            t.add_done_callback(move |t: &Future<()>| {
                out.log(&format!("task cancelled {}", py_bool(t.cancelled())))
            });
            sleep(1.0).await?;
            lp.log(&format!("cancel {}", py_bool(f.cancel(Some("stop it")))));
            sleep0().await?;
            lp.log(&format!("after one yield {}", py_bool(t.done())));
            sleep0().await?;
            lp.log(&format!("after two yields {}", py_bool(t.done())));
            if let Err(e) = (&t).await {
                lp.log(&format!("main got {}", args(&e)));
            }
            Ok(())
        });
        assert_eq!(
            trace,
            "\
[    1.000] cancel True
[    1.000] waiter got ('stop it',)
[    1.000] after one yield True
[    1.000] task cancelled True
[    1.000] after two yields True
[    1.000] main got ('stop it',)
"
        );
    }

    /// Completing a future whose loop is closed: the done callbacks cannot
    /// be scheduled, so `set_result` raises (after marking the future done);
    /// without callbacks it succeeds.
    ///
    /// ```python
    /// import asyncio
    /// loop = asyncio.new_event_loop()
    /// f = loop.create_future()
    /// f.add_done_callback(lambda f: None)
    /// g = loop.create_future()
    /// loop.close()
    /// try:
    ///     f.set_result(1)
    /// except RuntimeError as e:
    ///     print("set_result:", e)
    /// print("done:", f.done())
    /// g.set_result(2)
    /// print("no callbacks: ok", g.result())
    /// ```
    /// prints `set_result: Event loop is closed`, `done: True`,
    /// `no callbacks: ok 2`.
    #[test]
    fn set_result_with_callbacks_on_a_closed_loop_raises() {
        let lp = EventLoop::new();
        let f = lp.create_future::<i32>();
        f.add_done_callback(|_| ());
        let g = lp.create_future::<i32>();
        lp.close().unwrap();
        assert_raises(f.set_result(1), "RuntimeError", "Event loop is closed");
        assert!(f.done());
        g.set_result(2).unwrap();
        assert_eq!(g.result().unwrap(), 2);
    }

    fn py_bool(b: bool) -> &'static str {
        if b {
            "True"
        } else {
            "False"
        }
    }
}
