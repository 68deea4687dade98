//! Ports of CPython 3.11's `test_asyncio/test_timeouts.py` (`TimeoutTests`,
//! an `IsolatedAsyncioTestCase`: each test body runs as the main task of
//! `asyncio.run`), each test named as its Python method.
//!
//! `async with asyncio.timeout(d) as cm: body` is
//! `let cm = timeout(Some(d))?; cm.run(body).await`; `time.sleep(d)` on the
//! loop thread is `EventLoop::blocking_sleep(d)`. The engine's `Timeout` has
//! no `repr`; the `test_repr_*` tests check the state and deadline the repr
//! shows (`<Timeout [state] when=...>`).

mod common;

use asyncio_engine::{
    create_task, current_task, get_running_loop, sleep, sleep0, timeout, timeout_at, Exception, PyResult,
    TimeoutState,
};
use common::{assert_raises, run_test, Flag, Slot};

/// `with self.assertRaises(TimeoutError): <outcome>`: a `TimeoutError` is
/// caught; anything else that is not an `Exception` (a `CancelledError`)
/// propagates; success or another exception fails the test.
#[track_caller]
fn assert_raises_timeout<T: std::fmt::Debug>(outcome: PyResult<T>) -> PyResult<()> {
    match outcome {
        Err(e) if e.is_timeout() => Ok(()),
        Err(e) if e.is_base_only() => Err(e),
        other => panic!("TimeoutError not raised: {other:?}"),
    }
}

/// test_timeouts.py::TimeoutTests
mod timeout_tests {
    use super::*;

    #[test]
    fn test_timeout_basic() {
        run_test(async {
            let cm = timeout(Some(0.01))?;
            assert_raises(cm.run(sleep(10.0)).await, "TimeoutError", "");
            assert!(cm.expired());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_at_basic() {
        run_test(async {
            let lp = get_running_loop()?;

            let deadline = lp.time() + 0.01;
            let cm = timeout_at(Some(deadline));
            assert_raises(cm.run(sleep(10.0)).await, "TimeoutError", "");
            assert!(cm.expired());
            assert_eq!(cm.when(), Some(deadline));
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_nested_timeouts() {
        run_test(async {
            let lp = get_running_loop()?;
            let cancelled = Flag::default();
            let deadline = lp.time() + 0.01;
            let cm1 = timeout_at(Some(deadline));
            let cm2 = timeout_at(Some(deadline));
            let outcome = cm1
                .run(async {
                    // Only the topmost context manager should raise TimeoutError
                    match cm2.run(sleep(10.0)).await {
                        Err(e) if e.is_cancelled() => {
                            cancelled.set(true);
                            Err(e)
                        }
                        other => other,
                    }
                })
                .await;
            assert_raises(outcome, "TimeoutError", "");
            assert!(cancelled.get());
            assert!(cm1.expired());
            assert!(cm2.expired());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_waiter_cancelled() {
        run_test(async {
            let cancelled = Flag::default();
            let outcome = timeout(Some(0.01))?
                .run(async {
                    match sleep(10.0).await {
                        Err(e) if e.is_cancelled() => {
                            cancelled.set(true);
                            Err(e)
                        }
                        other => other,
                    }
                })
                .await;
            assert_raises(outcome, "TimeoutError", "");
            assert!(cancelled.get());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_not_called() {
        run_test(async {
            let lp = get_running_loop()?;
            let cm = timeout(Some(10.0))?;
            cm.run(sleep(0.01)).await?;
            let t1 = lp.time();

            assert!(!cm.expired());
            assert!(cm.when().expect("a deadline") > t1);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_disabled() {
        run_test(async {
            let cm = timeout(None)?;
            cm.run(sleep(0.01)).await?;

            assert!(!cm.expired());
            assert_eq!(cm.when(), None);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_at_disabled() {
        run_test(async {
            let cm = timeout_at(None);
            cm.run(sleep(0.01)).await?;

            assert!(!cm.expired());
            assert_eq!(cm.when(), None);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_zero() {
        run_test(async {
            let lp = get_running_loop()?;
            let t0 = lp.time();
            let cm = timeout(Some(0.0))?;
            assert_raises(cm.run(sleep(10.0)).await, "TimeoutError", "");
            let t1 = lp.time();
            assert!(cm.expired());
            let when = cm.when().expect("a deadline");
            assert!(t0 <= when && when <= t1);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_zero_sleep_zero() {
        run_test(async {
            let lp = get_running_loop()?;
            let t0 = lp.time();
            let cm = timeout(Some(0.0))?;
            assert_raises(cm.run(sleep(0.0)).await, "TimeoutError", "");
            let t1 = lp.time();
            assert!(cm.expired());
            let when = cm.when().expect("a deadline");
            assert!(t0 <= when && when <= t1);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_in_the_past_sleep_zero() {
        run_test(async {
            let lp = get_running_loop()?;
            let t0 = lp.time();
            let cm = timeout(Some(-11.0))?;
            assert_raises(cm.run(sleep(0.0)).await, "TimeoutError", "");
            let t1 = lp.time();
            assert!(cm.expired());
            let when = cm.when().expect("a deadline");
            assert!(t0 >= when && when <= t1);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_foreign_exception_passed() {
        run_test(async {
            let cm = timeout(Some(0.01))?;
            let outcome = cm.run(async { Err::<(), _>(Exception::new("KeyError", "")) }).await;
            assert_raises(outcome, "KeyError", "");
            assert!(!cm.expired());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_foreign_exception_on_timeout() {
        run_test(async {
            let crash = async {
                let _ = sleep(1.0).await;
                // finally: 1/0
                Err::<(), _>(Exception::zero_division("division by zero"))
            };
            assert_raises(timeout(Some(0.01))?.run(crash).await, "ZeroDivisionError", "");
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_foreign_cancel_doesnt_timeout_if_not_expired() {
        run_test(async {
            let cm = timeout(Some(10.0))?;
            let outcome = cm
                .run(async {
                    current_task().expect("in a task").cancel(None);
                    sleep(10.0).await
                })
                .await;
            assert_raises(outcome, "CancelledError", "");
            assert!(!cm.expired());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_outer_task_is_not_cancelled() {
        run_test(async {
            let outer = async {
                assert_raises_timeout(timeout(Some(0.001))?.run(sleep(10.0)).await)?;
                Ok(())
            };

            let task = create_task(outer)?;
            (&task).await?;
            assert!(!task.cancelled());
            assert!(task.done());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_nested_timeouts_concurrent() {
        run_test(async {
            let lp = get_running_loop()?;
            let outcome = timeout(Some(0.002))?
                .run(async {
                    let inner = timeout(Some(0.1))?
                        .run(async {
                            // Pretend we crunch some numbers.
                            lp.blocking_sleep(0.01);
                            sleep(1.0).await
                        })
                        .await;
                    assert_raises_timeout(inner)
                })
                .await;
            assert_raises_timeout(outcome)
        })
        .unwrap();
    }

    /// After the inner timeout is an expensive operation which should be
    /// stopped by the outer timeout.
    #[test]
    fn test_nested_timeouts_loop_busy() {
        run_test(async {
            let lp = get_running_loop()?;
            let t0 = lp.time();
            let outcome = timeout(Some(0.1))? // (1)
                .run(async {
                    let inner = timeout(Some(0.01))? // (2)
                        .run(async {
                            // Pretend the loop is busy for a while.
                            lp.blocking_sleep(0.1);
                            sleep(1.0).await
                        })
                        .await;
                    assert_raises_timeout(inner)?;
                    // TimeoutError was cought by (2)
                    sleep(10.0).await // This sleep should be interrupted by (1)
                })
                .await;
            assert_raises_timeout(outcome)?;
            let t1 = lp.time();
            assert!(t0 <= t1 && t1 <= t0 + 1.0);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_reschedule() {
        run_test(async {
            let lp = get_running_loop()?;
            let fut = lp.create_future::<asyncio_engine::Timeout>();
            let deadline1 = lp.time() + 10.0;
            let deadline2 = deadline1 + 20.0;

            let f = fut.clone();
            let task = create_task(async move {
                let cm = timeout_at(Some(deadline1));
                cm.run(async {
                    f.set_result(cm.clone())?;
                    sleep(50.0).await
                })
                .await
            })?;
            let cm = fut.await?;

            assert_eq!(cm.when(), Some(deadline1));
            cm.reschedule(Some(deadline2))?;
            assert_eq!(cm.when(), Some(deadline2));
            cm.reschedule(None)?;
            assert_eq!(cm.when(), None);

            task.cancel(None);

            assert_raises((&task).await, "CancelledError", "");
            assert!(!cm.expired());
            Ok(())
        })
        .unwrap();
    }

    /// `<Timeout [active] when=...>`
    #[test]
    fn test_repr_active() {
        run_test(async {
            let cm = timeout(Some(10.0))?;
            cm.run(async {
                assert_eq!(cm.state(), TimeoutState::Entered);
                assert!(cm.when().is_some());
                Ok(())
            })
            .await
        })
        .unwrap();
    }

    /// `<Timeout [expired]>`
    #[test]
    fn test_repr_expired() {
        run_test(async {
            let cm = timeout(Some(0.01))?;
            assert_raises(cm.run(sleep(10.0)).await, "TimeoutError", "");
            assert_eq!(cm.state(), TimeoutState::Expired);
            Ok(())
        })
        .unwrap();
    }

    /// `<Timeout [finished]>`
    #[test]
    fn test_repr_finished() {
        run_test(async {
            let cm = timeout(Some(10.0))?;
            cm.run(sleep(0.0)).await?;

            assert_eq!(cm.state(), TimeoutState::Exited);
            Ok(())
        })
        .unwrap();
    }

    /// `<Timeout [active] when=None>`
    #[test]
    fn test_repr_disabled() {
        run_test(async {
            let cm = timeout(None)?;
            cm.run(async {
                assert_eq!(cm.state(), TimeoutState::Entered);
                assert_eq!(cm.when(), None);
                Ok(())
            })
            .await
        })
        .unwrap();
    }

    #[test]
    fn test_nested_timeout_in_finally() {
        run_test(async {
            let outcome = timeout(Some(0.01))?
                .run(async {
                    let outcome = sleep(1.0).await;
                    // finally:
                    assert_raises_timeout(timeout(Some(0.01))?.run(sleep(10.0)).await)?;
                    outcome
                })
                .await;
            assert_raises_timeout(outcome)
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_after_cancellation() {
        run_test(async {
            current_task().expect("in a task").cancel(None);
            match sleep(1.0).await {
                // work which will be cancelled
                Err(e) if e.is_cancelled() => {}
                other => other?,
            }
            // finally:
            assert_raises_timeout(timeout(Some(0.0))?.run(sleep(1.0)).await) // some cleanup
        })
        .unwrap();
    }

    #[test]
    fn test_cancel_in_timeout_after_cancellation() {
        run_test(async {
            current_task().expect("in a task").cancel(None);
            match sleep(1.0).await {
                // work which will be cancelled
                Err(e) if e.is_cancelled() => {}
                other => other?,
            }
            // finally:
            let outcome = timeout(Some(1.0))?
                .run(async {
                    current_task().expect("in a task").cancel(None);
                    sleep(2.0).await // some cleanup
                })
                .await;
            assert_raises(outcome, "CancelledError", "");
            Ok(())
        })
        .unwrap();
    }

    /// The `TimeoutError`'s `__cause__` (the `CancelledError`) is not
    /// modelled; the conversion itself is.
    #[test]
    fn test_timeout_exception_cause() {
        run_test(async {
            let exc = assert_raises(timeout(Some(0.0))?.run(sleep(1.0)).await, "TimeoutError", "");
            assert_eq!(exc.to_string(), "TimeoutError");
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_already_entered() {
        run_test(async {
            let cm = timeout(Some(0.01))?;
            cm.run(async {
                assert_raises(cm.run(async { Ok(()) }).await, "RuntimeError", "has already been entered");
                Ok(())
            })
            .await
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_double_enter() {
        run_test(async {
            let cm = timeout(Some(0.01))?;
            cm.run(async { Ok(()) }).await?;
            assert_raises(cm.run(async { Ok(()) }).await, "RuntimeError", "has already been entered");
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_finished() {
        run_test(async {
            let cm = timeout(Some(0.01))?;
            cm.run(async { Ok(()) }).await?;
            assert_raises(cm.reschedule(Some(0.02)), "RuntimeError", "finished");
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_expired() {
        run_test(async {
            let cm = timeout(Some(0.01))?;
            assert_raises(cm.run(sleep(1.0)).await, "TimeoutError", "");
            assert_raises(cm.reschedule(Some(0.02)), "RuntimeError", "expired");
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_expiring() {
        run_test(async {
            let cm = timeout(Some(0.01))?;
            cm.run(async {
                assert_raises(sleep(1.0).await, "CancelledError", "");
                assert_raises(cm.reschedule(Some(0.02)), "RuntimeError", "expiring");
                Ok(())
            })
            .await
        })
        .unwrap();
    }

    #[test]
    fn test_timeout_not_entered() {
        run_test(async {
            let cm = timeout(Some(0.01))?;
            assert_raises(cm.reschedule(Some(0.02)), "RuntimeError", "has not been entered");
            Ok(())
        })
        .unwrap();
    }

    /// `await_without_task(cm.__aenter__())`: enter from a plain callback,
    /// where no task is current.
    #[test]
    fn test_timeout_without_task() {
        run_test(async {
            let lp = get_running_loop()?;
            let cm = timeout(Some(0.01))?;
            let entered: Slot<PyResult<()>> = Slot::default();
            let (c, e) = (cm.clone(), entered.clone());
            lp.call_soon(move || e.put(c.enter()))?;
            sleep0().await?;
            assert_raises(entered.get(), "RuntimeError", "task");
            assert_raises(cm.reschedule(Some(0.02)), "RuntimeError", "has not been entered");
            Ok(())
        })
        .unwrap();
    }
}

/// Orders checked against the oracle (`pyrun.py` output for the Python
/// program in the comment).
mod oracle {
    use super::*;

    /// ```python
    /// import asyncio, time
    ///
    /// async def main():
    ///     loop = asyncio.get_running_loop()
    ///     task = asyncio.current_task()
    ///     try:
    ///         async with asyncio.timeout(0.1) as outer:
    ///             try:
    ///                 async with asyncio.timeout(0.01) as inner:
    ///                     time.sleep(0.1)
    ///                     await asyncio.sleep(1)
    ///             except TimeoutError:
    ///                 print("inner timeout", inner.expired(), outer.expired(), task.cancelling())
    ///             await asyncio.sleep(10)
    ///     except TimeoutError:
    ///         print("outer timeout", outer.expired(), task.cancelling())
    ///     try:
    ///         async with asyncio.timeout(5) as cm:
    ///             cm.reschedule(loop.time() + 1)
    ///             try:
    ///                 await asyncio.sleep(2)
    ///             except asyncio.CancelledError:
    ///                 print("cancelled by rescheduled timeout", task.cancelling())
    ///                 raise
    ///     except TimeoutError:
    ///         print("timeout at", cm.when())
    ///     async with asyncio.timeout(1) as cm:
    ///         cm.reschedule(None)
    ///         await asyncio.sleep(3)
    ///         print("disabled timeout", cm.expired(), cm.when())
    ///     try:
    ///         async with asyncio.timeout(-1) as cm:
    ///             print("entered expired timeout")
    ///             await asyncio.sleep(0)
    ///             print("not reached")
    ///     except TimeoutError:
    ///         print("past deadline", task.cancelling())
    ///     try:
    ///         async with asyncio.timeout(1):
    ///             try:
    ///                 await asyncio.sleep(2)
    ///             finally:
    ///                 print("cleanup")
    ///                 async with asyncio.timeout(1):
    ///                     await asyncio.sleep(0.5)
    ///                 print("cleanup done")
    ///     except TimeoutError:
    ///         print("outer timed out after cleanup")
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn nested_expired_rescheduled_and_disabled_timeouts() {
        let trace = common::trace_of(|lp| async move {
            let py_bool = |b: bool| if b { "True" } else { "False" };
            let task = current_task().expect("in a task");
            let outer = timeout(Some(0.1))?;
            let inner = timeout(Some(0.01))?;
            let outcome = outer
                .run(async {
                    let inner_outcome = inner
                        .run(async {
                            lp.blocking_sleep(0.1);
                            sleep(1.0).await
                        })
                        .await;
                    match inner_outcome {
                        Err(e) if e.is_timeout() => lp.log(&format!(
                            "inner timeout {} {} {}",
                            py_bool(inner.expired()),
                            py_bool(outer.expired()),
                            task.cancelling()
                        )),
                        other => other?,
                    }
                    sleep(10.0).await
                })
                .await;
            match outcome {
                Err(e) if e.is_timeout() => {
                    lp.log(&format!("outer timeout {} {}", py_bool(outer.expired()), task.cancelling()))
                }
                other => other?,
            }

            let cm = timeout(Some(5.0))?;
            let outcome = cm
                .run(async {
                    cm.reschedule(Some(lp.time() + 1.0))?;
                    match sleep(2.0).await {
                        Err(e) if e.is_cancelled() => {
                            lp.log(&format!("cancelled by rescheduled timeout {}", task.cancelling()));
                            Err(e)
                        }
                        other => other,
                    }
                })
                .await;
            match outcome {
                Err(e) if e.is_timeout() => lp.log(&format!("timeout at {:?}", cm.when().unwrap())),
                other => other?,
            }

            let cm = timeout(Some(1.0))?;
            cm.run(async {
                cm.reschedule(None)?;
                sleep(3.0).await?;
                lp.log(&format!("disabled timeout {} {:?}", py_bool(cm.expired()), cm.when()));
                Ok(())
            })
            .await?;

            let outcome = timeout(Some(-1.0))?
                .run(async {
                    lp.log("entered expired timeout");
                    sleep0().await?;
                    lp.log("not reached");
                    Ok(())
                })
                .await;
            match outcome {
                Err(e) if e.is_timeout() => lp.log(&format!("past deadline {}", task.cancelling())),
                other => other?,
            }

            let outcome = timeout(Some(1.0))?
                .run(async {
                    let outcome = sleep(2.0).await;
                    // finally:
                    lp.log("cleanup");
                    timeout(Some(1.0))?.run(sleep(0.5)).await?;
                    lp.log("cleanup done");
                    outcome
                })
                .await;
            match outcome {
                Err(e) if e.is_timeout() => lp.log("outer timed out after cleanup"),
                other => other?,
            }
            Ok(())
        });
        assert_eq!(
            trace,
            "\
[    0.100] outer timeout True 0
[    1.100] cancelled by rescheduled timeout 1
[    1.100] timeout at 1.1
[    4.100] disabled timeout False None
[    4.100] entered expired timeout
[    4.100] past deadline 0
[    5.100] cleanup
[    5.600] cleanup done
[    5.600] outer timed out after cleanup
"
        );
    }
}
