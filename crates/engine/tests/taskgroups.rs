//! Ports of CPython 3.11's `test_asyncio/test_taskgroups.py`
//! (`TestTaskGroup`, an `IsolatedAsyncioTestCase`: each test body runs as the
//! main task of `asyncio.run`), each test named as its Python method.
//!
//! `async with TaskGroup() as g: body` is `TaskGroup::run(|g| async move {
//! body }).await`; where a test uses the group after the block,
//! `enter`/`exit` are called by hand.

mod common;

use std::collections::BTreeSet;
use std::future::Future as StdFuture;
use std::pin::Pin;

use asyncio_engine::{
    create_task, current_task, get_running_loop, sleep, sleep0, EventLoop, Exception, PyResult, Task,
    TaskGroup,
};
use common::{assert_raises, run_test, Counter, Flag, Slot};

/// `get_error_types(eg)`: the type names of the group's members.
fn error_types(eg: &Exception) -> BTreeSet<String> {
    assert!(eg.is_group(), "not an exception group: {eg}");
    eg.exceptions().iter().map(|e| e.type_name().to_string()).collect()
}

fn types(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| n.to_string()).collect()
}

fn zero_division() -> Exception {
    Exception::zero_division("division by zero")
}

/// `try: await asyncio.sleep(d) finally: 1 / 0`
async fn sleep_then_divide_by_zero(d: f64) -> PyResult<()> {
    let _ = sleep(d).await;
    Err(zero_division())
}

/// `crash_after(t)`: sleep `t`, then raise `ValueError(t)`.
async fn crash_after(t: f64) -> PyResult<()> {
    sleep(t).await?;
    Err(Exception::value_error(format!("{t}")))
}

/// test_taskgroups.py::TestTaskGroup
mod test_task_group {
    use super::*;

    async fn foo1() -> PyResult<i32> {
        sleep(0.1).await?;
        Ok(42)
    }

    async fn foo2() -> PyResult<i32> {
        sleep(0.2).await?;
        Ok(11)
    }

    #[test]
    fn test_taskgroup_01() {
        run_test(async {
            let (t1, t2): (Slot<Task<i32>>, Slot<Task<i32>>) = Default::default();
            let (s1, s2) = (t1.clone(), t2.clone());
            TaskGroup::run(|g| async move {
                s1.put(g.create_task(foo1())?);
                s2.put(g.create_task(foo2())?);
                Ok(())
            })
            .await?;

            assert_eq!(t1.get().result()?, 42);
            assert_eq!(t2.get().result()?, 11);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_02() {
        run_test(async {
            let (t1, t2): (Slot<Task<i32>>, Slot<Task<i32>>) = Default::default();
            let (s1, s2) = (t1.clone(), t2.clone());
            TaskGroup::run(|g| async move {
                s1.put(g.create_task(foo1())?);
                sleep(0.15).await?;
                s2.put(g.create_task(foo2())?);
                Ok(())
            })
            .await?;

            assert_eq!(t1.get().result()?, 42);
            assert_eq!(t2.get().result()?, 11);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_03() {
        run_test(async {
            let (t1, t2): (Slot<Task<i32>>, Slot<Task<i32>>) = Default::default();
            let (s1, s2) = (t1.clone(), t2.clone());
            TaskGroup::run(|g| async move {
                let t1 = g.create_task(async {
                    sleep(1.0).await?;
                    Ok(42)
                })?;
                s1.put(t1.clone());
                sleep(0.15).await?;
                // cancel t1 explicitly, i.e. everything should continue
                // working as expected.
                t1.cancel(None);

                s2.put(g.create_task(foo2())?);
                Ok(())
            })
            .await?;

            assert!(t1.get().cancelled());
            assert_eq!(t2.get().result()?, 11);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_04() {
        run_test(async {
            let num = Counter::default();
            let t2_cancel = Flag::default();
            let t2: Slot<Task<()>> = Slot::default();

            let (n, c, s2) = (num.clone(), t2_cancel.clone(), t2.clone());
            let runner = async move {
                let (n2, c2) = (n.clone(), c.clone());
                TaskGroup::run(|g| async move {
                    g.create_task(async {
                        sleep(0.1).await?;
                        Err::<(), _>(zero_division())
                    })?;
                    s2.put(g.create_task(async move {
                        match sleep(1.0).await {
                            Err(e) if e.is_cancelled() => {
                                c2.set(true);
                                return Err(e);
                            }
                            other => other?,
                        }
                        n2.add(1);
                        Ok(())
                    })?);
                    Ok(())
                })
                .await?;
                n.add(10);
                Ok(())
            };

            let exc = assert_raises(create_task(runner)?.await, "ExceptionGroup", "");
            assert_eq!(error_types(&exc), types(&["ZeroDivisionError"]));

            assert_eq!(num.get(), 0);
            assert!(t2_cancel.get());
            assert!(t2.get().cancelled());
            Ok(())
        })
        .unwrap();
    }

    /// When a child task raises an error, the rest of the children are
    /// cancelled and the errors are gathered into an EG.
    #[test]
    fn test_cancel_children_on_child_error() {
        run_test(async {
            let num = Counter::default();
            let t2_cancel = Flag::default();
            let runner_cancel = Flag::default();

            let foo1 = || async {
                sleep(0.1).await?;
                Err::<(), _>(zero_division())
            };

            let (n, c, rc) = (num.clone(), t2_cancel.clone(), runner_cancel.clone());
            let runner = async move {
                let n2 = n.clone();
                TaskGroup::run(|g| async move {
                    g.create_task(foo1())?;
                    g.create_task(foo1())?;
                    g.create_task(foo1())?;
                    g.create_task(async move {
                        match sleep(5.0).await {
                            Err(e) if e.is_cancelled() => {
                                c.set(true);
                                return Err(e);
                            }
                            other => other?,
                        }
                        n2.add(1);
                        Ok(())
                    })?;
                    match sleep(10.0).await {
                        Err(e) if e.is_cancelled() => {
                            rc.set(true);
                            Err(e)
                        }
                        other => other,
                    }
                })
                .await?;
                n.add(10);
                Ok(())
            };

            let exc = assert_raises(create_task(runner)?.await, "ExceptionGroup", "");
            assert_eq!(error_types(&exc), types(&["ZeroDivisionError"]));
            // On the virtual clock the three foo1 fail in one iteration: all
            // three errors are collected.
            assert_eq!(exc.exceptions().len(), 3);
            assert_eq!(num.get(), 0);
            assert!(t2_cancel.get());
            assert!(runner_cancel.get());
            Ok(())
        })
        .unwrap();
    }

    /// `foo()` of test_cancellation and test_taskgroup_07: count the
    /// cancellation, then propagate it.
    async fn counting_sleeper(num: Counter) -> PyResult<()> {
        match sleep(5.0).await {
            Err(e) if e.is_cancelled() => {
                num.add(1);
                Err(e)
            }
            other => other,
        }
    }

    #[test]
    fn test_cancellation() {
        run_test(async {
            let num = Counter::default();

            let n = num.clone();
            let runner = TaskGroup::run(|g| async move {
                for _ in 0..5 {
                    g.create_task(counting_sleeper(n.clone()))?;
                }
                Ok(())
            });

            let r = create_task(runner)?;
            sleep(0.1).await?;

            assert!(!r.done());
            r.cancel(None);
            assert_raises(r.await, "CancelledError", "");

            assert_eq!(num.get(), 5);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_07() {
        run_test(async {
            let num = Counter::default();

            let n = num.clone();
            let runner = TaskGroup::run(|g| async move {
                for _ in 0..5 {
                    g.create_task(counting_sleeper(n.clone()))?;
                }
                match sleep(10.0).await {
                    Err(e) if e.is_cancelled() => {
                        n.add(10);
                        Err(e)
                    }
                    other => other,
                }
            });

            let r = create_task(runner)?;
            sleep(0.1).await?;

            assert!(!r.done());
            r.cancel(None);
            assert_raises(r.await, "CancelledError", "");

            assert_eq!(num.get(), 15);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_08() {
        run_test(async {
            let runner = TaskGroup::run(|g| async move {
                for _ in 0..5 {
                    g.create_task(sleep_then_divide_by_zero(10.0))?;
                }
                sleep(10.0).await
            });

            let r = create_task(runner)?;
            sleep(0.1).await?;

            assert!(!r.done());
            r.cancel(None);
            let exc = assert_raises(r.await, "ExceptionGroup", "");
            assert_eq!(error_types(&exc), types(&["ZeroDivisionError"]));
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_09() {
        run_test(async {
            let (t1, t2): (Slot<Task<i32>>, Slot<Task<i32>>) = Default::default();

            let (s1, s2) = (t1.clone(), t2.clone());
            let runner = TaskGroup::run(|g| async move {
                s1.put(g.create_task(async {
                    sleep(1.0).await?;
                    Ok(42)
                })?);
                s2.put(g.create_task(async {
                    sleep(2.0).await?;
                    Ok(11)
                })?);
                sleep(0.1).await?;
                Err(zero_division())
            });

            match runner.await {
                Err(t) if t.is("ExceptionGroup") => {
                    assert_eq!(error_types(&t), types(&["ZeroDivisionError"]))
                }
                other => panic!("ExceptionGroup was not raised: {other:?}"),
            }

            assert!(t1.get().cancelled());
            assert!(t2.get().cancelled());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_10() {
        run_test(async {
            let (t1, t2): (Slot<Task<i32>>, Slot<Task<i32>>) = Default::default();

            let (s1, s2) = (t1.clone(), t2.clone());
            let runner = TaskGroup::run(|g| async move {
                s1.put(g.create_task(async {
                    sleep(1.0).await?;
                    Ok(42)
                })?);
                s2.put(g.create_task(async {
                    sleep(2.0).await?;
                    Ok(11)
                })?);
                Err(zero_division())
            });

            match runner.await {
                Err(t) if t.is("ExceptionGroup") => {
                    assert_eq!(error_types(&t), types(&["ZeroDivisionError"]))
                }
                other => panic!("ExceptionGroup was not raised: {other:?}"),
            }

            assert!(t1.get().cancelled());
            assert!(t2.get().cancelled());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_11() {
        run_test(async {
            let runner = TaskGroup::run(|_| async move {
                TaskGroup::run(|g2| async move {
                    for _ in 0..5 {
                        g2.create_task(sleep_then_divide_by_zero(10.0))?;
                    }
                    sleep(10.0).await
                })
                .await
            });

            let r = create_task(runner)?;
            sleep(0.1).await?;

            assert!(!r.done());
            r.cancel(None);
            let exc = assert_raises(r.await, "ExceptionGroup", "");

            assert_eq!(error_types(&exc), types(&["ExceptionGroup"]));
            assert_eq!(error_types(&exc.exceptions()[0]), types(&["ZeroDivisionError"]));
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_12() {
        run_test(async {
            let runner = TaskGroup::run(|g1| async move {
                g1.create_task(sleep(10.0))?;

                TaskGroup::run(|g2| async move {
                    for _ in 0..5 {
                        g2.create_task(sleep_then_divide_by_zero(10.0))?;
                    }
                    sleep(10.0).await
                })
                .await
            });

            let r = create_task(runner)?;
            sleep(0.1).await?;

            assert!(!r.done());
            r.cancel(None);
            let exc = assert_raises(r.await, "ExceptionGroup", "");

            assert_eq!(error_types(&exc), types(&["ExceptionGroup"]));
            assert_eq!(error_types(&exc.exceptions()[0]), types(&["ZeroDivisionError"]));
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_13() {
        run_test(async {
            let runner = TaskGroup::run(|g1| async move {
                g1.create_task(crash_after(0.1))?;

                TaskGroup::run(|g2| async move {
                    g2.create_task(crash_after(10.0))?;
                    Ok(())
                })
                .await
            });

            let r = create_task(runner)?;
            let exc = assert_raises(r.await, "ExceptionGroup", "");

            assert_eq!(error_types(&exc), types(&["ValueError"]));
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_14() {
        run_test(async {
            let runner = TaskGroup::run(|g1| async move {
                g1.create_task(crash_after(10.0))?;

                TaskGroup::run(|g2| async move {
                    g2.create_task(crash_after(0.1))?;
                    Ok(())
                })
                .await
            });

            let r = create_task(runner)?;
            let exc = assert_raises(r.await, "ExceptionGroup", "");

            assert_eq!(error_types(&exc), types(&["ExceptionGroup"]));
            assert_eq!(error_types(&exc.exceptions()[0]), types(&["ValueError"]));
            Ok(())
        })
        .unwrap();
    }

    /// `crash_soon()` of tests 15 and 16.
    async fn crash_soon_03() -> PyResult<()> {
        sleep(0.3).await?;
        Err(zero_division())
    }

    /// `async with TaskGroup() as g1: g1.create_task(crash_soon()); try:
    /// await asyncio.sleep(10) except CancelledError: await
    /// asyncio.sleep(0.5); raise`
    async fn group_slow_to_cancel() -> PyResult<()> {
        TaskGroup::run(|g1| async move {
            g1.create_task(crash_soon_03())?;
            match sleep(10.0).await {
                Err(e) if e.is_cancelled() => {
                    sleep(0.5).await?;
                    Err(e)
                }
                other => other,
            }
        })
        .await
    }

    #[test]
    fn test_taskgroup_15() {
        run_test(async {
            let r = create_task(group_slow_to_cancel())?;
            sleep(0.1).await?;

            assert!(!r.done());
            r.cancel(None);
            let exc = assert_raises(r.await, "ExceptionGroup", "");
            assert_eq!(error_types(&exc), types(&["ZeroDivisionError"]));
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_16() {
        run_test(async {
            let runner = async {
                let t = create_task(group_slow_to_cancel())?;
                t.await
            };

            let r = create_task(runner)?;
            sleep(0.1).await?;

            assert!(!r.done());
            r.cancel(None);
            let exc = assert_raises(r.await, "ExceptionGroup", "");
            assert_eq!(error_types(&exc), types(&["ZeroDivisionError"]));
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_17() {
        run_test(async {
            let num = Counter::default();

            let n = num.clone();
            let runner = TaskGroup::run(|_| async move {
                match sleep(10.0).await {
                    Err(e) if e.is_cancelled() => {
                        n.add(10);
                        Err(e)
                    }
                    other => other,
                }
            });

            let r = create_task(runner)?;
            sleep(0.1).await?;

            assert!(!r.done());
            r.cancel(None);
            assert_raises(r.await, "CancelledError", "");

            assert_eq!(num.get(), 10);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_18() {
        run_test(async {
            let num = Counter::default();

            let n = num.clone();
            let runner = TaskGroup::run(|_| async move {
                match sleep(10.0).await {
                    Err(e) if e.is_cancelled() => {
                        n.add(10);
                        // This isn't a good idea, but we have to support
                        // this weird case.
                        Err(Exception::new("MyExc", ""))
                    }
                    other => other,
                }
            });

            let r = create_task(runner)?;
            sleep(0.1).await?;

            assert!(!r.done());
            r.cancel(None);

            match r.await {
                Err(t) if t.is("ExceptionGroup") => assert_eq!(error_types(&t), types(&["MyExc"])),
                other => panic!("ExceptionGroup was not raised: {other:?}"),
            }

            assert_eq!(num.get(), 10);
            Ok(())
        })
        .unwrap();
    }

    async fn crash_soon_01() -> PyResult<()> {
        sleep(0.1).await?;
        Err(zero_division())
    }

    /// `nested()`: `try: await asyncio.sleep(10) finally: raise exc`.
    async fn nested_raising(exc: Exception) -> PyResult<()> {
        let _ = sleep(10.0).await;
        Err(exc)
    }

    #[test]
    fn test_taskgroup_19() {
        run_test(async {
            let runner = TaskGroup::run(|g| async move {
                g.create_task(crash_soon_01())?;
                nested_raising(Exception::new("MyExc", "")).await
            });

            let r = create_task(runner)?;
            match r.await {
                Err(t) if t.is("ExceptionGroup") => {
                    assert_eq!(error_types(&t), types(&["MyExc", "ZeroDivisionError"]))
                }
                other => panic!("TasgGroupError was not raised: {other:?}"),
            }
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_20() {
        run_test(async {
            let runner = TaskGroup::run(|g| async move {
                g.create_task(crash_soon_01())?;
                nested_raising(Exception::new("KeyboardInterrupt", "")).await
            });

            assert_raises(runner.await, "KeyboardInterrupt", "");
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_22() {
        run_test(async {
            let runner = TaskGroup::run(|g| async move {
                g.create_task(async {
                    sleep(1.0).await?;
                    Ok(42)
                })?;
                g.create_task(async {
                    sleep(2.0).await?;
                    Ok(11)
                })?;
                Ok(())
            });

            let r = create_task(runner)?;
            sleep(0.05).await?;
            r.cancel(None);

            assert_raises(r.await, "CancelledError", "");
            Ok(())
        })
        .unwrap();
    }

    /// `len(g._tasks)` is the number of the group's tasks not yet finished.
    #[test]
    fn test_taskgroup_23() {
        run_test(async {
            let do_job = |delay: f64| sleep(delay);

            TaskGroup::run(|g| async move {
                let mut tasks = Vec::new();
                let pending = |tasks: &Vec<Task<()>>| tasks.iter().filter(|t| !t.done()).count();
                for count in 0..10 {
                    sleep(0.1).await?;
                    tasks.push(g.create_task(do_job(0.3))?);
                    if count == 5 {
                        assert!(pending(&tasks) < 5);
                    }
                }
                sleep(1.35).await?;
                assert_eq!(pending(&tasks), 0);
                Ok(())
            })
            .await
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_24() {
        run_test(async {
            let coro1 = |delay: f64| sleep(delay);

            let root = |g: TaskGroup| async move {
                sleep(0.1).await?;
                g.create_task(coro1(0.1))?;
                g.create_task(coro1(0.2))?;
                Ok(())
            };

            let runner = TaskGroup::run(|g| async move {
                g.create_task(root(g.clone()))?;
                Ok(())
            });

            runner.await?;
            // Both grandchildren ran to the end inside the group.
            assert!((get_running_loop()?.time() - 0.3).abs() < 1e-9);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_25() {
        type BoxedCoro = Pin<Box<dyn StdFuture<Output = PyResult<()>>>>;

        fn hydra(g: TaskGroup, nhydras: Counter) -> BoxedCoro {
            Box::pin(async move {
                nhydras.add(1);
                sleep(0.01).await?;
                g.create_task(hydra(g.clone(), nhydras.clone()))?;
                g.create_task(hydra(g.clone(), nhydras.clone()))?;
                Ok(())
            })
        }

        run_test(async {
            let nhydras = Counter::default();

            let n = nhydras.clone();
            let hercules = async move {
                while n.get() < 10 {
                    sleep(0.015).await?;
                }
                Err::<(), _>(zero_division())
            };

            let n = nhydras.clone();
            let runner = TaskGroup::run(|g| async move {
                g.create_task(hydra(g.clone(), n))?;
                g.create_task(hercules)?;
                Ok(())
            });

            let exc = assert_raises(runner.await, "ExceptionGroup", "");

            assert_eq!(error_types(&exc), types(&["ZeroDivisionError"]));
            assert!(nhydras.get() >= 10);
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_task_name() {
        run_test(async {
            TaskGroup::run(|g| async move {
                let t = g.create_task_named(sleep0(), Some("yolo"))?;
                assert_eq!(t.get_name(), "yolo");
                Ok(())
            })
            .await
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_no_create_task_after_failure() {
        run_test(async {
            let coro1 = || async {
                sleep(0.001).await?;
                Err::<(), _>(zero_division())
            };
            let coro2 = |g: TaskGroup| async move {
                match sleep(1.0).await {
                    Err(e) if e.is_cancelled() => {
                        assert_raises(g.create_task(coro1()), "RuntimeError", "is shutting down");
                        // Python awaits the coroutine it could not schedule.
                        assert_raises(coro1().await, "ZeroDivisionError", "");
                    }
                    other => other?,
                }
                Ok(())
            };

            let outcome = TaskGroup::run(|g| async move {
                g.create_task(coro1())?;
                g.create_task(coro2(g.clone()))?;
                Ok(())
            })
            .await;

            let exc = assert_raises(outcome, "ExceptionGroup", "");
            assert_eq!(error_types(&exc), types(&["ZeroDivisionError"]));
            Ok(())
        })
        .unwrap();
    }

    /// gh-95289: an async context manager inside the group whose exit
    /// raises replaces the CancelledError the group caused.
    #[test]
    fn test_taskgroup_context_manager_exit_raises() {
        run_test(async {
            let custom = || Exception::new("CustomException", "");
            let main = async move {
                let task = current_task().expect("in a task");
                let outcome = TaskGroup::run(|tg| async move {
                    // async with database():
                    let body = async {
                        tg.create_task(async move { Err::<(), _>(custom()) })?;
                        sleep(1.0).await
                    };
                    let _ = body.await;
                    // database()'s finally:
                    Err(custom())
                })
                .await;
                // except* CustomException as err:
                match outcome {
                    Err(err) if err.is_group() => {
                        assert_eq!(error_types(&err), types(&["CustomException"]));
                        assert_eq!(task.cancelling(), 0);
                        assert_eq!(err.exceptions().len(), 2);
                    }
                    other => panic!("CustomException not raised: {other:?}"),
                }
                Ok(())
            };

            create_task(main)?.await
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_already_entered() {
        run_test(async {
            let tg = TaskGroup::new();
            tg.enter()?;
            assert_raises(tg.enter(), "RuntimeError", "has already been entered");
            tg.exit(Ok(())).await
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_double_enter() {
        run_test(async {
            let tg = TaskGroup::new();
            tg.enter()?;
            tg.exit(Ok(())).await?;
            assert_raises(tg.enter(), "RuntimeError", "has already been entered");
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_finished() {
        run_test(async {
            let tg = TaskGroup::new();
            tg.enter()?;
            tg.exit(Ok(())).await?;
            assert_raises(tg.create_task(sleep0()), "RuntimeError", "is finished");
            // We still have to await coro to avoid a warning
            sleep0().await
        })
        .unwrap();
    }

    #[test]
    fn test_taskgroup_not_entered() {
        run_test(async {
            let tg = TaskGroup::new();
            assert_raises(tg.create_task(sleep0()), "RuntimeError", "has not been entered");
            sleep0().await
        })
        .unwrap();
    }

    /// `await_without_task(tg.__aenter__())`: enter from a plain callback,
    /// where no task is current.
    #[test]
    fn test_taskgroup_without_parent_task() {
        run_test(async {
            let lp = get_running_loop()?;
            let tg = TaskGroup::new();
            let entered: Slot<PyResult<()>> = Slot::default();
            let (g, e) = (tg.clone(), entered.clone());
            lp.call_soon(move || e.put(g.enter()))?;
            sleep0().await?;
            assert_raises(entered.get(), "RuntimeError", "parent task");
            assert_raises(tg.create_task(sleep0()), "RuntimeError", "has not been entered");
            sleep0().await
        })
        .unwrap();
    }
}

/// Orders checked against the oracle (`pyrun.py` output for the Python
/// program in the comment).
mod oracle {
    use super::*;

    /// ```python
    /// import asyncio
    ///
    /// async def child(name, d, fail=False):
    ///     try:
    ///         await asyncio.sleep(d)
    ///         if fail:
    ///             print(name, "fails")
    ///             raise ValueError(name)
    ///         print(name, "done")
    ///     except asyncio.CancelledError:
    ///         print(name, "cancelled")
    ///         raise
    ///
    /// async def main():
    ///     task = asyncio.current_task()
    ///     try:
    ///         async with asyncio.TaskGroup() as tg:
    ///             for i in range(6):
    ///                 tg.create_task(child(f"c{i}", 1 + (i % 3), fail=(i == 4)))
    ///             tg.create_task(child("c6", 2, fail=True))
    ///             print("body waits")
    ///             await asyncio.sleep(5)
    ///             print("not reached")
    ///     except* ValueError as eg:
    ///         print("caught", sorted(str(e) for e in eg.exceptions), task.cancelling())
    ///     async with asyncio.TaskGroup() as tg:
    ///         t = tg.create_task(child("x", 1))
    ///         print("body ends")
    ///     print("after", t.done(), task.cancelling())
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn failing_children_cancel_siblings_and_parent() {
        async fn child(lp: EventLoop, name: String, d: f64, fail: bool) -> PyResult<()> {
            match sleep(d).await {
                Err(e) => {
                    lp.log(&format!("{name} cancelled"));
                    Err(e)
                }
                Ok(()) if fail => {
                    lp.log(&format!("{name} fails"));
                    Err(Exception::value_error(name))
                }
                Ok(()) => {
                    lp.log(&format!("{name} done"));
                    Ok(())
                }
            }
        }
        let trace = common::trace_of(|lp| async move {
            let task = current_task().expect("in a task");
            let out = lp.clone();
            let outcome = TaskGroup::run(|tg| async move {
                for i in 0..6 {
                    tg.create_task(child(out.clone(), format!("c{i}"), f64::from(1 + i % 3), i == 4))?;
                }
                tg.create_task(child(out.clone(), "c6".into(), 2.0, true))?;
                out.log("body waits");
                sleep(5.0).await?;
                out.log("not reached");
                Ok(())
            })
            .await;
            match outcome {
                Err(eg) if eg.is_group() => {
                    let mut names: Vec<String> =
                        eg.exceptions().iter().map(|e| format!("'{}'", e.message())).collect();
                    names.sort();
                    lp.log(&format!("caught [{}] {}", names.join(", "), task.cancelling()));
                }
                other => other?,
            }
            let t: Slot<Task<()>> = Slot::default();
            let (out, ts) = (lp.clone(), t.clone());
            TaskGroup::run(|tg| async move {
                ts.put(tg.create_task(child(out.clone(), "x".into(), 1.0, false))?);
                out.log("body ends");
                Ok(())
            })
            .await?;
            lp.log(&format!("after {} {}", if t.get().done() { "True" } else { "False" }, task.cancelling()));
            Ok(())
        });
        assert_eq!(
            trace,
            "\
[    0.000] body waits
[    1.000] c0 done
[    1.000] c3 done
[    2.000] c1 done
[    2.000] c4 fails
[    2.000] c6 fails
[    2.000] c2 cancelled
[    2.000] c5 cancelled
[    2.000] caught ['c4', 'c6'] 0
[    2.000] body ends
[    3.000] x done
[    3.000] after True 0
"
        );
    }
}
