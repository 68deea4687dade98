//! Ports of CPython 3.11's `test_asyncio/test_waitfor.py`
//! (`AsyncioWaitForTest`, an `IsolatedAsyncioTestCase`: each test body runs
//! as the main task of `asyncio.run`), each test named as its Python method.
//! `time.monotonic()` is the loop's virtual clock, as in the oracle.

mod common;

use std::cell::Cell;
use std::rc::Rc;

use asyncio_engine::{
    create_task, get_running_loop, sleep, wait, wait_for, Awaitable, EventLoop, Exception, PyResult,
    ReturnWhen,
};
use common::{assert_raises, run_test, Flag};

/// The following value can be used as a very small timeout:
/// it passes check "timeout > 0", but has almost
/// no effect on the test performance
const EPSILON: f64 = 0.0001;

/// Task will run for this defined time, ignoring cancel requests
#[derive(Clone, Default)]
struct SlowTask {
    exited: Rc<Cell<bool>>,
}

impl SlowTask {
    const TASK_TIMEOUT: f64 = 0.2;

    async fn run(self) -> PyResult<()> {
        let lp = get_running_loop()?;
        let exitat = lp.time() + Self::TASK_TIMEOUT;
        loop {
            let tosleep = exitat - lp.time();
            if tosleep <= 0.0 {
                break;
            }
            match sleep(tosleep).await {
                Err(e) if e.is_cancelled() => {}
                other => other?,
            }
        }
        self.exited.set(true);
        Ok(())
    }
}

/// test_waitfor.py::AsyncioWaitForTest
mod asyncio_wait_for_test {
    use super::*;

    #[test]
    fn test_asyncio_wait_for_cancelled() {
        run_test(async {
            let t = SlowTask::default();

            let waitfortask =
                create_task(wait_for(Awaitable::coro(t.clone().run()), Some(SlowTask::TASK_TIMEOUT * 2.0)))?;
            asyncio_engine::sleep0().await?;
            waitfortask.cancel(None);
            wait(&[waitfortask.future().clone()], None, ReturnWhen::AllCompleted).await?;

            assert!(t.exited.get());
            // The wait ended when the slow task did.
            assert_eq!(get_running_loop()?.time(), SlowTask::TASK_TIMEOUT);
            assert!(waitfortask.cancelled());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_asyncio_wait_for_timeout() {
        run_test(async {
            let t = SlowTask::default();

            // The task ignores the cancellation and returns: wait_for
            // returns its result (CPython's `except TimeoutError: pass`
            // is not taken, as pyrun.py shows).
            let result = wait_for(Awaitable::coro(t.clone().run()), Some(SlowTask::TASK_TIMEOUT / 2.0)).await;
            assert!(result.is_ok(), "{result:?}");

            assert!(t.exited.get());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_wait_for_timeout_less_then_0_or_0_future_done() {
        run_test(async {
            let lp = get_running_loop()?;

            let fut = lp.create_future::<&str>();
            fut.set_result("done")?;

            let ret = wait_for(&fut, Some(0.0)).await?;

            assert_eq!(ret, "done");
            assert!(fut.done());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started() {
        run_test(async {
            let foo_started = Flag::default();

            let started = foo_started.clone();
            let foo = async move {
                started.set(true);
                Ok(())
            };

            assert_raises(wait_for(Awaitable::coro(foo), Some(0.0)).await, "TimeoutError", "");

            assert!(!foo_started.get());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_wait_for_timeout_less_then_0_or_0() {
        run_test(async {
            let lp = get_running_loop()?;

            for timeout in [0.0, -1.0] {
                let foo_running: Rc<Cell<Option<bool>>> = Rc::new(Cell::new(None));
                let started = lp.create_future::<()>();

                let (running, st) = (foo_running.clone(), started.clone());
                let foo = async move {
                    running.set(Some(true));
                    st.set_result(())?;
                    let outcome = sleep(10.0).await;
                    // finally:
                    running.set(Some(false));
                    outcome?;
                    Ok("done")
                };

                let fut = create_task(foo)?;
                started.await?;

                assert_raises(wait_for(&fut, Some(timeout)).await, "TimeoutError", "");

                assert!(fut.done());
                // it should have been cancelled due to the timeout
                assert!(fut.cancelled());
                assert_eq!(foo_running.get(), Some(false));
            }
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_wait_for() {
        run_test(async {
            // support.LONG_TIMEOUT
            const LONG_TIMEOUT: f64 = 5.0 * 60.0;
            let foo_running: Rc<Cell<Option<bool>>> = Rc::new(Cell::new(None));

            let running = foo_running.clone();
            let foo = async move {
                running.set(Some(true));
                let outcome = sleep(LONG_TIMEOUT).await;
                // finally:
                running.set(Some(false));
                outcome?;
                Ok("done")
            };

            let fut = create_task(foo)?;

            assert_raises(wait_for(&fut, Some(0.1)).await, "TimeoutError", "");
            assert!(fut.done());
            // it should have been cancelled due to the timeout
            assert!(fut.cancelled());
            assert_eq!(foo_running.get(), Some(false));
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_wait_for_blocking() {
        run_test(async {
            let res = wait_for(Awaitable::coro(async { Ok("done") }), None).await?;
            assert_eq!(res, "done");
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_wait_for_race_condition() {
        run_test(async {
            let lp = get_running_loop()?;

            let fut = lp.create_future::<&str>();
            let task = wait_for(&fut, Some(0.2));
            let setter = fut.clone();
            lp.call_later(0.1, move || setter.set_result("ok").unwrap())?;
            let res = task.await?;
            assert_eq!(res, "ok");
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_wait_for_cancellation_race_condition() {
        run_test(async {
            let inner = async {
                assert_raises(sleep(1.0).await, "CancelledError", "");
                Ok(1)
            };

            let result = wait_for(Awaitable::coro(inner), Some(0.01)).await?;
            assert_eq!(result, 1);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_wait_for_waits_for_task_cancellation() {
        run_test(async {
            let task_done = Flag::default();

            let done = task_done.clone();
            let inner = async move {
                let outcome = match sleep(10.0).await {
                    Err(e) if e.is_cancelled() => match sleep(EPSILON).await {
                        Ok(()) => Err(e),
                        Err(other) => Err(other),
                    },
                    other => other,
                };
                // finally:
                done.set(true);
                outcome
            };

            let inner_task = create_task(inner)?;

            assert_raises(wait_for(&inner_task, Some(EPSILON)).await, "TimeoutError", "");

            assert!(task_done.get());
            assert!(inner_task.cancelled());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_wait_for_waits_for_task_cancellation_w_timeout_0() {
        run_test(async {
            let task_done = Flag::default();

            let done = task_done.clone();
            let foo = async move {
                let inner = async move {
                    let outcome = match sleep(10.0).await {
                        Err(e) if e.is_cancelled() => match sleep(EPSILON).await {
                            Ok(()) => Err(e),
                            Err(other) => Err(other),
                        },
                        other => other,
                    };
                    // finally:
                    done.set(true);
                    outcome
                };

                let inner_task = create_task(inner)?;
                sleep(EPSILON).await?;
                wait_for(&inner_task, Some(0.0)).await
            };

            assert_raises(foo.await, "TimeoutError", "");

            assert!(task_done.get());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_wait_for_reraises_exception_during_cancellation() {
        run_test(async {
            let foo = async {
                let inner = async {
                    let _ = sleep(0.2).await;
                    // finally: raise FooException
                    Err::<(), _>(Exception::new("FooException", ""))
                };

                let inner_task = create_task(inner)?;

                wait_for(&inner_task, Some(EPSILON)).await
            };

            assert_raises(foo.await, "FooException", "");
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_wait_for_self_cancellation() {
        run_test(async {
            let inner = async {
                if let Err(e) = sleep(0.3).await {
                    assert!(e.is_cancelled());
                    if let Err(e) = sleep(0.3).await {
                        assert!(e.is_cancelled());
                        sleep(0.3).await?;
                    }
                }
                Ok(42)
            };

            let inner_task = create_task(inner)?;

            let wait = wait_for(inner_task.clone(), Some(0.1));

            // Test that wait_for itself is properly cancellable
            // even when the initial task holds up the initial cancellation.
            let task = create_task(wait)?;
            sleep(0.2).await?;
            task.cancel(None);

            assert_raises(task.await, "CancelledError", "");

            assert_eq!(inner_task.await?, 42);
            Ok(())
        })
        .unwrap();
    }

    /// `_test_cancel_wait_for(timeout)`.
    async fn check_cancel_wait_for(timeout: Option<f64>) -> PyResult<()> {
        let lp = get_running_loop()?;

        let blocking_lp = lp.clone();
        let blocking_coroutine = async move {
            let fut = blocking_lp.create_future::<()>();
            // Block: fut result is never set
            fut.await
        };

        let task = create_task(blocking_coroutine)?;

        let wait = create_task(wait_for(task.clone(), timeout))?;
        let victim = wait.clone();
        lp.call_soon(move || {
            victim.cancel(None);
        })?;

        assert_raises(wait.await, "CancelledError", "");

        // Python issue #23219: cancelling the wait must also cancel the task
        assert!(task.cancelled());
        Ok(())
    }

    #[test]
    fn test_cancel_blocking_wait_for() {
        run_test(check_cancel_wait_for(None)).unwrap();
    }

    #[test]
    fn test_cancel_wait_for() {
        run_test(check_cancel_wait_for(Some(60.0))).unwrap();
    }
}

/// Orders checked against the oracle (`pyrun.py` output for the Python
/// program in the comment).
mod oracle {
    use super::*;

    /// A wait_for whose inner task holds up the first cancellation, then is
    /// itself cancelled: CPython does not cancel the inner task twice.
    ///
    /// ```python
    /// import asyncio, time
    ///
    /// class SlowTask:
    ///     TASK_TIMEOUT = 0.2
    ///     def __init__(self):
    ///         self.exited = False
    ///     async def run(self):
    ///         exitat = time.monotonic() + self.TASK_TIMEOUT
    ///         while True:
    ///             tosleep = exitat - time.monotonic()
    ///             if tosleep <= 0:
    ///                 break
    ///             try:
    ///                 await asyncio.sleep(tosleep)
    ///             except asyncio.CancelledError:
    ///                 print("slow task ignores cancel")
    ///         self.exited = True
    ///
    /// async def main():
    ///     loop = asyncio.get_running_loop()
    ///     t = SlowTask()
    ///     try:
    ///         r = await asyncio.wait_for(t.run(), t.TASK_TIMEOUT / 2)
    ///         print("returned", r)
    ///     except asyncio.TimeoutError:
    ///         print("timeout")
    ///     print(t.exited, loop.time())
    ///     t = SlowTask()
    ///     waitfortask = asyncio.create_task(asyncio.wait_for(t.run(), t.TASK_TIMEOUT * 2))
    ///     await asyncio.sleep(0)
    ///     waitfortask.cancel()
    ///     await asyncio.wait({waitfortask})
    ///     print(t.exited, loop.time(), waitfortask.cancelled())
    ///
    ///     async def inner():
    ///         try:
    ///             await asyncio.sleep(0.3)
    ///         except asyncio.CancelledError:
    ///             print("inner cancelled 1")
    ///             try:
    ///                 await asyncio.sleep(0.3)
    ///             except asyncio.CancelledError:
    ///                 print("inner cancelled 2")
    ///                 await asyncio.sleep(0.3)
    ///         print("inner returns")
    ///         return 42
    ///     t0 = loop.time()
    ///     inner_task = asyncio.create_task(inner())
    ///     wait = asyncio.wait_for(inner_task, timeout=0.1)
    ///     task = asyncio.create_task(wait)
    ///     await asyncio.sleep(0.2)
    ///     task.cancel()
    ///     try:
    ///         await task
    ///     except asyncio.CancelledError:
    ///         print("wait_for cancelled", loop.time() - t0)
    ///     print(await inner_task, loop.time() - t0)
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn wait_for_cancellation_races() {
        #[derive(Clone)]
        struct SlowTask {
            lp: EventLoop,
            exited: Rc<Cell<bool>>,
        }
        impl SlowTask {
            async fn run(self) -> PyResult<()> {
                let exitat = self.lp.time() + 0.2;
                loop {
                    let tosleep = exitat - self.lp.time();
                    if tosleep <= 0.0 {
                        break;
                    }
                    if let Err(e) = sleep(tosleep).await {
                        assert!(e.is_cancelled());
                        self.lp.log("slow task ignores cancel");
                    }
                }
                self.exited.set(true);
                Ok(())
            }
        }
        let py_bool = |b: bool| if b { "True" } else { "False" };
        let trace = common::trace_of(|lp| async move {
            let t = SlowTask { lp: lp.clone(), exited: Rc::default() };
            match wait_for(Awaitable::coro(t.clone().run()), Some(0.2 / 2.0)).await {
                Ok(()) => lp.log("returned None"),
                Err(e) if e.is_timeout() => lp.log("timeout"),
                Err(e) => return Err(e),
            }
            lp.log(&format!("{} {}", py_bool(t.exited.get()), lp.time()));
            let t = SlowTask { lp: lp.clone(), exited: Rc::default() };
            let waitfortask = create_task(wait_for(Awaitable::coro(t.clone().run()), Some(0.2 * 2.0)))?;
            asyncio_engine::sleep0().await?;
            waitfortask.cancel(None);
            wait(&[waitfortask.future().clone()], None, ReturnWhen::AllCompleted).await?;
            lp.log(&format!(
                "{} {} {}",
                py_bool(t.exited.get()),
                lp.time(),
                py_bool(waitfortask.cancelled())
            ));

            let out = lp.clone();
            let inner = async move {
                if sleep(0.3).await.is_err() {
                    out.log("inner cancelled 1");
                    if sleep(0.3).await.is_err() {
                        out.log("inner cancelled 2");
                        sleep(0.3).await?;
                    }
                }
                out.log("inner returns");
                Ok(42)
            };
            let t0 = lp.time();
            let inner_task = create_task(inner)?;
            let wait = wait_for(inner_task.clone(), Some(0.1));
            let task = create_task(wait)?;
            sleep(0.2).await?;
            task.cancel(None);
            if let Err(e) = task.await {
                assert!(e.is_cancelled());
                lp.log(&format!("wait_for cancelled {:?}", lp.time() - t0));
            }
            let value = inner_task.await?;
            lp.log(&format!("{value} {:?}", lp.time() - t0));
            Ok(())
        });
        assert_eq!(
            trace,
            "\
[    0.100] slow task ignores cancel
[    0.200] returned None
[    0.200] True 0.2
[    0.200] slow task ignores cancel
[    0.400] True 0.4 True
[    0.500] inner cancelled 1
[    0.600] wait_for cancelled 0.20000000000000007
[    0.800] inner returns
[    0.800] 42 0.4
"
        );
    }
}

/// A future of another loop, as `python3` 3.11 treats it: `wait_for` (with
/// any timeout) and `as_completed` raise CPython's `ValueError` from their
/// `ensure_future(fut, loop=loop)` at once, instead of waiting forever.
mod other_loop_future {
    use super::*;
    use asyncio_engine::as_completed;

    const DIFFERENT_LOOP: &str =
        "The future belongs to a different loop than the one specified as the loop argument";

    #[test]
    fn wait_for_and_as_completed_reject_it() {
        let other = EventLoop::new();
        let fut = other.create_future::<()>();
        run_test(async move {
            for timeout in [1.0, 0.0] {
                assert_raises(wait_for(&fut, Some(timeout)).await, "ValueError", DIFFERENT_LOOP);
            }
            assert_raises(
                as_completed(std::slice::from_ref(&fut), None).map(|a| a.len()),
                "ValueError",
                DIFFERENT_LOOP,
            );
            // As in CPython, ensure_future raised before wait_for's `try:`,
            // so the 1 s timer was not cancelled.
            let lp = get_running_loop()?;
            assert_eq!((lp.next_deadline(), lp.timer_cancelled_count()), (Some(1.0), 0));
            Ok(())
        })
        .unwrap();
    }
}
