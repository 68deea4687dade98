//! Ports of CPython 3.11's `test_asyncio/test_tasks.py`, one module per
//! Python test class, each test named as its Python method.
//!
//! CPython's `TestLoop` advances time by a generator the test supplies; here
//! the virtual clock jumps to the next timer by itself, so the times asserted
//! are the deadlines. White-box checks of `task._fut_waiter` use the label of
//! the awaited future (`AnyTask::waiting_on`).

mod common;

use asyncio_engine::{
    as_completed, create_named_task, create_task, current_task, gather, gather_outcomes, get_running_loop,
    shield, sleep, sleep0, sleep_result, wait, Awaitable, EventLoop, Exception, Future, PyResult, ReturnWhen,
    Task,
};
use common::{assert_almost_equal, assert_raises, run_briefly, with_running, Bag, Counter, Flag, Slot};

/// CPython's message when a future is used with a loop it does not belong to.
const DIFFERENT_LOOP: &str =
    "The future belongs to a different loop than the one specified as the loop argument";

/// `assertEqual(done, {a, b})` for futures compared by identity.
fn same_set<T: Clone + 'static>(actual: &[Future<T>], expected: &[&Future<T>]) -> bool {
    actual.len() == expected.len() && expected.iter().all(|e| actual.iter().any(|a| a.ptr_eq(e)))
}

/// `loop.run_until_complete(asyncio.sleep(delay))`.
fn run_sleep(lp: &EventLoop, delay: f64) {
    let task = lp.create_task(sleep(delay)).unwrap();
    lp.run_until_complete(&task).unwrap();
}

/// `loop.run_until_complete(asyncio.wait(fs))`.
fn run_wait<T: Clone + 'static>(lp: &EventLoop, fs: &[Future<T>]) {
    let fs = fs.to_vec();
    let task = lp
        .create_task(async move {
            wait(&fs, None, ReturnWhen::AllCompleted).await?;
            Ok(())
        })
        .unwrap();
    lp.run_until_complete(&task).unwrap();
}

/// test_tasks.py::BaseTaskTests
mod base_task_tests {
    use super::*;

    #[test]
    fn test_task_cancel_message_getter() {
        let lp = EventLoop::new();
        let t = lp.create_task(async { Ok(()) }).unwrap();
        assert_eq!(t.cancel_message(), None);

        t.cancel(Some("my message"));
        assert_eq!(t.cancel_message().as_deref(), Some("my message"));

        let exc = assert_raises(lp.run_until_complete(&t), "CancelledError", "");
        assert_eq!(exc.message(), "my message");
    }

    /// A task awaiting a future of another loop gets a RuntimeError thrown
    /// in at its next step (Task.__step checks `_get_loop(result)`).
    #[test]
    fn test_other_loop_future() {
        let lp = EventLoop::new();
        let other_loop = EventLoop::new();
        let fut = other_loop.create_future::<()>();
        let run = lp.create_task(async move { fut.await }).unwrap();
        let exc = assert_raises(lp.run_until_complete(&run), "RuntimeError", "attached to a different loop");
        assert!(exc.message().starts_with("Task "), "{exc}");
        other_loop.close().unwrap();
    }

    #[test]
    fn test_ensure_future_task() {
        let lp = EventLoop::new();
        let t_orig = lp.create_task(async { Ok("ok") }).unwrap();
        // `asyncio.ensure_future(t_orig)`: the task itself.
        let t = Awaitable::from(&t_orig).ensure_future(&lp).unwrap();
        lp.run_until_complete(&t).unwrap();
        assert!(t.done());
        assert_eq!(t.result().unwrap(), "ok");
        assert!(t.ptr_eq(t_orig.future()));

        let other = EventLoop::new();
        assert_raises(Awaitable::from(&t_orig).ensure_future(&other), "ValueError", DIFFERENT_LOOP);
        other.close().unwrap();

        let t = Awaitable::from(&t_orig).ensure_future(&lp).unwrap();
        assert!(t.ptr_eq(t_orig.future()));
    }

    #[test]
    fn test_task_awaits_on_itself() {
        let lp = EventLoop::new();
        let me: Slot<Future<()>> = Slot::default();
        let m = me.clone();
        let task = lp.create_task(async move { m.get().await }).unwrap();
        me.put(task.future().clone());
        assert_raises(lp.run_until_complete(&task), "RuntimeError", "Task cannot await on itself");
    }

    #[test]
    fn test_task_basics() {
        async fn inner1() -> PyResult<i32> {
            Ok(42)
        }
        async fn inner2() -> PyResult<i32> {
            Ok(1000)
        }
        async fn outer() -> PyResult<i32> {
            let a = inner1().await?;
            let b = inner2().await?;
            Ok(a + b)
        }
        let lp = EventLoop::new();
        let t = lp.create_task(outer()).unwrap();
        assert_eq!(lp.run_until_complete(&t).unwrap(), 1042);
    }

    #[test]
    fn test_cancelling() {
        let lp = EventLoop::new();
        let t = lp.create_task(sleep(10.0)).unwrap();
        assert_eq!(t.cancelling(), 0);
        assert!(t.cancel(None));
        assert_eq!(t.cancelling(), 1);

        // Since we commented out two lines from Task.cancel(),
        // this t.cancel() call now returns True.
        assert!(t.cancel(None));
        assert_eq!(t.cancelling(), 2);

        assert_raises(lp.run_until_complete(&t), "CancelledError", "");
        lp.close().unwrap();
    }

    #[test]
    fn test_uncancel_basic() {
        let lp = EventLoop::new();
        let t = lp
            .create_task(async {
                match sleep(10.0).await {
                    Err(e) if e.is_cancelled() => {
                        current_task().expect("in a task").uncancel();
                        sleep(10.0).await
                    }
                    other => other,
                }
            })
            .unwrap();
        run_sleep(&lp, 0.01);

        // Cancel first sleep
        assert!(t.cancel(None));
        assert_eq!(t.cancelling(), 1);
        assert!(!t.cancelled()); // Task is still not complete
        run_sleep(&lp, 0.01);

        // after .uncancel()
        assert_eq!(t.cancelling(), 0);
        assert!(!t.cancelled()); // Task is still not complete

        // Cancel second sleep
        assert!(t.cancel(None));
        assert_eq!(t.cancelling(), 1);
        assert!(!t.cancelled()); // Task is still not complete
        assert_raises(lp.run_until_complete(&t), "CancelledError", "");
        assert!(t.cancelled()); // Finally, task complete
        assert!(t.done());

        // uncancel is no longer effective after the task is complete
        t.uncancel();
        assert!(t.cancelled());
        assert!(t.done());
        lp.close().unwrap();
    }

    /// The structure `async with asyncio.timeout(1): ...` written out with
    /// `call_later`, `cancel()` and `uncancel()`.
    #[test]
    fn test_uncancel_structured_blocks() {
        async fn make_request_with_timeout(sleep_for: f64, timeout: f64) -> PyResult<(bool, bool, bool)> {
            let task = current_task().expect("in a task");
            let lp = get_running_loop()?;

            let timed_out = Flag::default();
            let mut structured_block_finished = false;

            let (flag, victim) = (timed_out.clone(), task.clone());
            let timeout_handle = lp.call_later(timeout, move || {
                flag.set(true);
                victim.cancel(None);
            })?;
            // try: (structured block affected by the timeout)
            let outcome = sleep(sleep_for).await;
            if outcome.is_ok() {
                structured_block_finished = true;
            }
            // finally:
            timeout_handle.cancel();
            let outcome = match outcome {
                Err(e) if timed_out.get() && task.uncancel() == 0 && e.is_cancelled() => {
                    Err(Exception::timeout())
                }
                other => other,
            };
            // except TimeoutError:
            match outcome {
                Err(e) if e.is_timeout() => assert!(timed_out.get()),
                other => other?,
            }

            // Outer code not affected by the timeout:
            let outer_code_reached = true;
            sleep0().await?;
            Ok((timed_out.get(), structured_block_finished, outer_code_reached))
        }

        let lp = EventLoop::new();
        // Test which timed out.
        let t1 = lp.create_task(make_request_with_timeout(10.0, 0.1)).unwrap();
        let (timed_out, structured_block_finished, outer_code_reached) = lp.run_until_complete(&t1).unwrap();
        assert!(timed_out);
        assert!(!structured_block_finished); // it was cancelled
        assert!(outer_code_reached); // task got uncancelled after leaving the structured block
        assert_eq!(t1.cancelling(), 0); // no pending cancellation of the outer task

        // Test which did not time out.
        let t2 = lp.create_task(make_request_with_timeout(0.0, 10.0)).unwrap();
        let (timed_out, structured_block_finished, outer_code_reached) = lp.run_until_complete(&t2).unwrap();
        assert!(!timed_out);
        assert!(structured_block_finished);
        assert!(outer_code_reached);
        assert_eq!(t2.cancelling(), 0);
        lp.close().unwrap();
    }

    #[test]
    fn test_cancel() {
        let lp = EventLoop::new();
        let t = lp
            .create_task(async {
                sleep(10.0).await?;
                Ok(12)
            })
            .unwrap();
        let victim = t.clone();
        lp.call_soon(move || {
            victim.cancel(None);
        })
        .unwrap();
        assert_raises(lp.run_until_complete(&t), "CancelledError", "");
        assert!(t.done());
        assert!(t.cancelled());
        assert!(!t.cancel(None));
    }

    /// `coro()` of the two `test_cancel_with_message_then_future_*` tests:
    /// cancel a started task with `msg`, wait for it, then read it with
    /// `read` (`task.result()` or `task.exception()`).
    fn cancel_with_message_then(msg: Option<&'static str>, read: fn(&Task<()>) -> PyResult<()>) -> Exception {
        let lp = EventLoop::new();
        let task = lp
            .create_task(async move {
                let task = create_task(sleep(10.0))?;
                sleep0().await?;
                task.cancel(msg);
                let (_done, _pending) =
                    wait(&[task.future().clone()], None, ReturnWhen::AllCompleted).await?;
                read(&task)
            })
            .unwrap();
        let exc = assert_raises(lp.run_until_complete(&task), "CancelledError", "");
        lp.close().unwrap();
        exc
    }

    #[test]
    fn test_cancel_with_message_then_future_result() {
        // `cancel()`, `cancel(None)`, `cancel('my message')`
        for (msg, expected) in [(None, ""), (None, ""), (Some("my message"), "my message")] {
            let exc = cancel_with_message_then(msg, |t| t.result());
            assert_eq!(exc.message(), expected);
        }
    }

    #[test]
    fn test_cancel_with_message_then_future_exception() {
        for (msg, expected) in [(None, ""), (None, ""), (Some("my message"), "my message")] {
            let exc = cancel_with_message_then(msg, |t| t.exception().map(|_| ()));
            assert_eq!(exc.message(), expected);
        }
    }

    #[test]
    fn test_cancellation_exception_context() {
        let lp = EventLoop::new();
        let fut = lp.create_future::<()>();
        let seen: Bag<String> = Bag::default();

        let s = seen.clone();
        let task = lp
            .create_task(async move {
                let f = fut.clone();
                let inner_task = create_task(async move {
                    f.set_result(())?;
                    sleep(10.0).await
                })?;
                fut.await?;
                let victim = inner_task.clone();
                get_running_loop()?.call_soon(move || {
                    victim.cancel(Some("msg"));
                })?;
                match (&inner_task).await {
                    Err(ex) if ex.is_cancelled() => {
                        s.push(ex.message().to_string());
                        Err(Exception::value_error("cancelled"))
                    }
                    other => other,
                }
            })
            .unwrap();
        let exc = assert_raises(lp.run_until_complete(&task), "ValueError", "");
        assert_eq!(exc.message(), "cancelled");
        // The CancelledError the ValueError was raised from carried 'msg'.
        assert_eq!(seen.items(), ["msg"]);
    }

    #[test]
    fn test_cancel_with_message_before_starting_task() {
        let lp = EventLoop::new();
        let task = lp
            .create_task(async {
                let task = create_task(sleep(10.0))?;
                // We deliberately leave out the sleep here.
                task.cancel(Some("my message"));
                let (_done, _pending) =
                    wait(&[task.future().clone()], None, ReturnWhen::AllCompleted).await?;
                task.exception().map(|_| ())
            })
            .unwrap();
        let exc = assert_raises(lp.run_until_complete(&task), "CancelledError", "");
        assert_eq!(exc.message(), "my message");
    }

    #[test]
    fn test_cancel_yield() {
        let lp = EventLoop::new();
        let t = lp
            .create_task(async {
                sleep0().await?;
                sleep0().await?;
                Ok(12)
            })
            .unwrap();
        run_briefly(&lp).unwrap(); // start coro
        t.cancel(None);
        assert_raises(lp.run_until_complete(&t), "CancelledError", "");
        assert!(t.done());
        assert!(t.cancelled());
        assert!(!t.cancel(None));
    }

    #[test]
    fn test_cancel_inner_future() {
        let lp = EventLoop::new();
        let f = lp.create_future::<()>();
        let inner = f.clone();
        let t = lp
            .create_task(async move {
                inner.await?;
                Ok(12)
            })
            .unwrap();
        run_briefly(&lp).unwrap(); // start task
        f.cancel(None);
        assert_raises(lp.run_until_complete(&t), "CancelledError", "");
        assert!(f.cancelled());
        assert!(t.cancelled());
    }

    #[test]
    fn test_cancel_both_task_and_inner_future() {
        let lp = EventLoop::new();
        let f = lp.create_future::<()>();
        let inner = f.clone();
        let t = lp
            .create_task(async move {
                inner.await?;
                Ok(12)
            })
            .unwrap();
        run_briefly(&lp).unwrap();

        f.cancel(None);
        t.cancel(None);

        assert_raises(lp.run_until_complete(&t), "CancelledError", "");
        assert!(t.done());
        assert!(f.cancelled());
        assert!(t.cancelled());
    }

    #[test]
    fn test_cancel_task_catching() {
        let lp = EventLoop::new();
        let fut1 = lp.create_future::<()>().with_label("fut1");
        let fut2 = lp.create_future::<()>().with_label("fut2");
        let (f1, f2) = (fut1.clone(), fut2.clone());
        let t = lp
            .create_task(async move {
                f1.await?;
                match f2.await {
                    Err(e) if e.is_cancelled() => Ok(42),
                    other => other.map(|()| 0),
                }
            })
            .unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(t.as_any_task().waiting_on(), "fut1"); // White-box test.
        fut1.set_result(()).unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(t.as_any_task().waiting_on(), "fut2"); // White-box test.
        t.cancel(None);
        assert!(fut2.cancelled());
        let res = lp.run_until_complete(&t).unwrap();
        assert_eq!(res, 42);
        assert!(!t.cancelled());
    }

    #[test]
    fn test_cancel_task_ignoring() {
        let lp = EventLoop::new();
        let fut1 = lp.create_future::<()>().with_label("fut1");
        let fut2 = lp.create_future::<()>().with_label("fut2");
        let fut3 = lp.create_future::<i32>().with_label("fut3");
        let (f1, f2, f3) = (fut1.clone(), fut2.clone(), fut3.clone());
        let t = lp
            .create_task(async move {
                f1.await?;
                match f2.await {
                    Err(e) if e.is_cancelled() => {}
                    other => other?,
                }
                let res = f3.await?;
                Ok(res)
            })
            .unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(t.as_any_task().waiting_on(), "fut1"); // White-box test.
        fut1.set_result(()).unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(t.as_any_task().waiting_on(), "fut2"); // White-box test.
        t.cancel(None);
        assert!(fut2.cancelled());
        run_briefly(&lp).unwrap();
        assert_eq!(t.as_any_task().waiting_on(), "fut3"); // White-box test.
        fut3.set_result(42).unwrap();
        let res = lp.run_until_complete(&t).unwrap();
        assert_eq!(res, 42);
        assert!(!fut3.cancelled());
        assert!(!t.cancelled());
    }

    #[test]
    fn test_cancel_current_task() {
        let lp = EventLoop::new();
        let me: Slot<Task<i32>> = Slot::default();
        let m = me.clone();
        let t = lp
            .create_task(async move {
                m.get().cancel(None);
                // The sleep should be cancelled immediately.
                sleep(100.0).await?;
                Ok(12)
            })
            .unwrap();
        me.put(t.clone());
        assert!(!t.cancelled());
        assert_raises(lp.run_until_complete(&t), "CancelledError", "");
        assert!(t.done());
        assert!(t.cancelled());
        assert!(!t.cancel(None));
        // Cancelled at once: no time passed.
        assert_eq!(lp.time(), 0.0);
    }

    /// coroutine end right after task is cancelled
    #[test]
    fn test_cancel_at_end() {
        let lp = EventLoop::new();
        let me: Slot<Task<i32>> = Slot::default();
        let m = me.clone();
        let t = lp
            .create_task(async move {
                m.get().cancel(None);
                Ok(12)
            })
            .unwrap();
        me.put(t.clone());
        assert!(!t.cancelled());
        assert_raises(lp.run_until_complete(&t), "CancelledError", "");
        assert!(t.done());
        assert!(t.cancelled());
        assert!(!t.cancel(None));
    }

    /// bpo-34872: a task cancelled while not blocked cancels whatever it
    /// blocks on next.
    #[test]
    fn test_cancel_awaited_task() {
        let lp = EventLoop::new();
        let fut = lp.create_future::<()>();
        let task_slot: Slot<Task<()>> = Slot::default();
        let nested_slot: Slot<Task<()>> = Slot::default();
        let (f, me, nested_out) = (fut.clone(), task_slot.clone(), nested_slot.clone());
        let task = lp
            .create_task(async move {
                // Create a sub-task and wait for it to run.
                let nested_task = create_task(async move { f.await })?;
                nested_out.put(nested_task.clone());
                sleep0().await?;

                // Request the current task to be cancelled.
                me.get().cancel(None);
                // Block on the nested task, which should be immediately
                // cancelled.
                nested_task.await
            })
            .unwrap();
        task_slot.put(task.clone());
        assert_raises(lp.run_until_complete(&task), "CancelledError", "");

        assert!(task.cancelled());
        assert!(nested_slot.get().cancelled());
        assert!(fut.cancelled());
        lp.close().unwrap();
    }

    #[test]
    fn test_stop_while_run_in_complete() {
        let lp = EventLoop::new();
        let x = Counter::default();
        let (xs, stopper) = (x.clone(), lp.clone());
        let t = lp
            .create_task(async move {
                while xs.get() < 10 {
                    sleep(0.1).await?;
                    xs.add(1);
                    if xs.get() == 2 {
                        stopper.stop();
                    }
                }
                Ok(())
            })
            .unwrap();
        let exc = assert_raises(lp.run_until_complete(&t), "RuntimeError", "");
        assert_eq!(exc.message(), "Event loop stopped before Future completed.");
        assert!(!t.done());
        assert_eq!(x.get(), 2);
        // CPython's TestLoop advances the clock when the next sleep is
        // scheduled (0.3); on the virtual clock (as in pyrun.py) time stays
        // at the stop.
        assert_almost_equal(0.2, lp.time());

        t.cancel(None);
        assert_raises(lp.run_until_complete(&t), "CancelledError", "");
    }

    #[test]
    fn test_wait() {
        let lp = EventLoop::new();
        let a = lp.create_task(sleep(0.1)).unwrap();
        let b = lp.create_task(sleep(0.15)).unwrap();

        let foo = |a: Task<()>, b: Task<()>| async move {
            let (done, pending) =
                wait(&[b.future().clone(), a.future().clone()], None, ReturnWhen::AllCompleted).await?;
            assert!(same_set(&done, &[&a, &b]));
            assert!(pending.is_empty());
            Ok(42)
        };

        let res = lp.run_until_complete(&lp.create_task(foo(a.clone(), b.clone())).unwrap()).unwrap();
        assert_eq!(res, 42);
        assert_almost_equal(0.15, lp.time());

        // Doing it again should take no time and exercise a different path.
        let res = lp.run_until_complete(&lp.create_task(foo(a, b)).unwrap()).unwrap();
        assert_almost_equal(0.15, lp.time());
        assert_eq!(res, 42);
    }

    #[test]
    fn test_wait_duplicate_coroutines() {
        let lp = EventLoop::new();
        let c = lp.create_task(async { Ok("test") }).unwrap();
        let spam = lp.create_task(async { Ok("spam") }).unwrap();
        let fs = [c.future().clone(), c.future().clone(), spam.future().clone()];
        let task = lp.create_task(async move { wait(&fs, None, ReturnWhen::AllCompleted).await }).unwrap();

        let (done, pending) = lp.run_until_complete(&task).unwrap();

        assert!(pending.is_empty());
        let mut results: Vec<&str> = done.iter().map(|f| f.result().unwrap()).collect();
        results.sort();
        assert_eq!(results, ["spam", "test"]);
    }

    #[test]
    fn test_wait_errors() {
        let lp = EventLoop::new();
        let task = lp
            .create_task(async {
                wait::<()>(&[], None, ReturnWhen::AllCompleted).await?;
                Ok(())
            })
            .unwrap();
        assert_raises(lp.run_until_complete(&task), "ValueError", "Set of Tasks/Futures is empty.");
    }

    #[test]
    fn test_wait_first_completed() {
        let lp = EventLoop::new();
        let a = lp.create_task(sleep(10.0)).unwrap();
        let b = lp.create_task(sleep(0.1)).unwrap();
        let fs = [b.future().clone(), a.future().clone()];
        let task = lp.create_task(async move { wait(&fs, None, ReturnWhen::FirstCompleted).await }).unwrap();

        let (done, pending) = lp.run_until_complete(&task).unwrap();
        assert!(same_set(&done, &[&b]));
        assert!(same_set(&pending, &[&a]));
        assert!(!a.done());
        assert!(b.done());
        assert!(b.result().is_ok());
        assert_almost_equal(0.1, lp.time());

        // move forward to close generator
        run_wait(&lp, &[a.future().clone(), b.future().clone()]);
        assert_almost_equal(10.0, lp.time());
    }

    /// there is possibility that some tasks in the pending list
    /// became done but their callbacks haven't all been called yet
    #[test]
    fn test_wait_really_done() {
        let lp = EventLoop::new();
        let a = lp
            .create_task(async {
                sleep0().await?;
                Ok(())
            })
            .unwrap();
        let b = lp
            .create_task(async {
                sleep0().await?;
                sleep0().await?;
                Ok(())
            })
            .unwrap();
        let fs = [b.future().clone(), a.future().clone()];
        let task = lp.create_task(async move { wait(&fs, None, ReturnWhen::FirstCompleted).await }).unwrap();

        let (done, _pending) = lp.run_until_complete(&task).unwrap();
        assert!(same_set(&done, &[&a, &b]));
        assert!(a.done());
        assert!(a.result().is_ok());
        assert!(b.done());
        assert!(b.result().is_ok());
    }

    #[test]
    fn test_wait_first_exception() {
        let lp = EventLoop::new();
        // first_exception, task already has exception
        let a = lp.create_task(sleep(10.0)).unwrap();
        let b = lp.create_task(async { Err::<(), _>(Exception::zero_division("err")) }).unwrap();
        let fs = [b.future().clone(), a.future().clone()];
        let task = lp.create_task(async move { wait(&fs, None, ReturnWhen::FirstException).await }).unwrap();

        let (done, pending) = lp.run_until_complete(&task).unwrap();
        assert!(same_set(&done, &[&b]));
        assert!(same_set(&pending, &[&a]));
        assert_almost_equal(0.0, lp.time());

        // move forward to close generator
        run_wait(&lp, &[a.future().clone(), b.future().clone()]);
    }

    #[test]
    fn test_wait_first_exception_in_wait() {
        let lp = EventLoop::new();
        // first_exception, exception during waiting
        let a = lp.create_task(sleep(10.0)).unwrap();
        let b = lp
            .create_task(async {
                sleep(0.01).await?;
                Err::<(), _>(Exception::zero_division("err"))
            })
            .unwrap();
        let fs = [b.future().clone(), a.future().clone()];
        let task = lp.create_task(async move { wait(&fs, None, ReturnWhen::FirstException).await }).unwrap();

        let (done, pending) = lp.run_until_complete(&task).unwrap();
        assert!(same_set(&done, &[&b]));
        assert!(same_set(&pending, &[&a]));
        assert_almost_equal(0.01, lp.time());

        // move forward to close generator
        run_wait(&lp, &[a.future().clone(), b.future().clone()]);
    }

    #[test]
    fn test_wait_with_exception() {
        let lp = EventLoop::new();
        let a = lp.create_task(sleep(0.1)).unwrap();
        let b = lp
            .create_task(async {
                sleep(0.15).await?;
                Err::<(), _>(Exception::zero_division("really"))
            })
            .unwrap();

        let foo = |fs: [Future<()>; 2]| async move {
            let (done, pending) = wait(&fs, None, ReturnWhen::AllCompleted).await?;
            assert_eq!(done.len(), 2);
            assert!(pending.is_empty());
            let errors = done.iter().filter(|f| f.exception().unwrap().is_some()).count();
            assert_eq!(errors, 1);
            Ok(())
        };
        let fs = [b.future().clone(), a.future().clone()];

        lp.run_until_complete(&lp.create_task(foo(fs.clone())).unwrap()).unwrap();
        assert_almost_equal(0.15, lp.time());

        lp.run_until_complete(&lp.create_task(foo(fs)).unwrap()).unwrap();
        assert_almost_equal(0.15, lp.time());
    }

    #[test]
    fn test_wait_with_timeout() {
        let lp = EventLoop::new();
        let a = lp.create_task(sleep(0.1)).unwrap();
        let b = lp.create_task(sleep(0.15)).unwrap();

        let (fa, fb) = (a.future().clone(), b.future().clone());
        let foo = lp
            .create_task(async move {
                let (done, pending) =
                    wait(&[fb.clone(), fa.clone()], Some(0.11), ReturnWhen::AllCompleted).await?;
                assert!(same_set(&done, &[&fa]));
                assert!(same_set(&pending, &[&fb]));
                Ok(())
            })
            .unwrap();
        lp.run_until_complete(&foo).unwrap();
        assert_almost_equal(0.11, lp.time());

        // move forward to close generator
        run_wait(&lp, &[a.future().clone(), b.future().clone()]);
    }

    #[test]
    fn test_wait_concurrent_complete() {
        let lp = EventLoop::new();
        let a = lp.create_task(sleep(0.1)).unwrap();
        let b = lp.create_task(sleep(0.15)).unwrap();

        let fs = [b.future().clone(), a.future().clone()];
        let task =
            lp.create_task(async move { wait(&fs, Some(0.1), ReturnWhen::AllCompleted).await }).unwrap();
        let (done, pending) = lp.run_until_complete(&task).unwrap();

        assert!(same_set(&done, &[&a]));
        assert!(same_set(&pending, &[&b]));
        assert_almost_equal(0.1, lp.time());

        // move forward to close generator
        run_wait(&lp, &[a.future().clone(), b.future().clone()]);
    }

    #[test]
    fn test_as_completed() {
        let lp = EventLoop::new();
        let completed: Bag<&str> = Bag::default();
        let sleeper = |dt: f64, x: &'static str| {
            let completed = completed.clone();
            async move {
                sleep(dt).await?;
                completed.push(x);
                Ok(x)
            }
        };
        let a = lp.create_task(sleeper(0.01, "a")).unwrap();
        let b = lp.create_task(sleeper(0.01, "b")).unwrap();
        let c = lp.create_task(sleeper(0.15, "c")).unwrap();
        let fs = [b.future().clone(), c.future().clone(), a.future().clone()];

        let foo = lp
            .create_task(async move {
                let mut values = Vec::new();
                let it = as_completed(&fs, None)?;
                while let Some(f) = it.next().await {
                    values.push(f?);
                }
                Ok(values)
            })
            .unwrap();
        let res = lp.run_until_complete(&foo).unwrap();
        assert_almost_equal(0.15, lp.time());
        assert!(res[..2].contains(&"a"));
        assert!(res[..2].contains(&"b"));
        assert_eq!(res[2], "c");
    }

    #[test]
    fn test_as_completed_with_timeout() {
        let lp = EventLoop::new();
        let a = lp.create_task(sleep_result(0.1, "a")).unwrap();
        let b = lp.create_task(sleep_result(0.15, "b")).unwrap();
        let fs = [a.future().clone(), b.future().clone()];

        let foo = lp
            .create_task(async move {
                let mut values = Vec::new();
                let it = as_completed(&fs, Some(0.12))?;
                while let Some(f) = it.next().await {
                    match f {
                        Ok(v) => values.push((1, v.to_string())),
                        Err(exc) if exc.is_timeout() => values.push((2, exc.type_name().to_string())),
                        Err(exc) => return Err(exc),
                    }
                }
                Ok(values)
            })
            .unwrap();
        let res = lp.run_until_complete(&foo).unwrap();
        assert_eq!(res.len(), 2, "{res:?}");
        assert_eq!(res[0], (1, "a".to_string()));
        assert_eq!(res[1], (2, "TimeoutError".to_string()));
        assert_almost_equal(0.12, lp.time());

        // move forward to close generator
        run_wait(&lp, &[a.future().clone(), b.future().clone()]);
    }

    #[test]
    fn test_as_completed_with_unused_timeout() {
        let lp = EventLoop::new();
        let a = lp.create_task(sleep_result(0.01, "a")).unwrap();
        let fs = [a.future().clone()];
        let foo = lp
            .create_task(async move {
                let it = as_completed(&fs, Some(1.0))?;
                while let Some(f) = it.next().await {
                    assert_eq!(f?, "a");
                }
                Ok(())
            })
            .unwrap();
        lp.run_until_complete(&foo).unwrap();
        // The unused timeout was cancelled: nothing is left to run.
        assert_eq!(lp.scheduled_len() - lp.timer_cancelled_count(), 0);
    }

    #[test]
    fn test_as_completed_duplicate_coroutines() {
        let lp = EventLoop::new();
        let runner = lp
            .create_task(async {
                let mut result = Vec::new();
                let c = create_task(async { Ok("ham") })?;
                let spam = create_task(async { Ok("spam") })?;
                let it =
                    as_completed(&[c.future().clone(), c.future().clone(), spam.future().clone()], None)?;
                while let Some(f) = it.next().await {
                    result.push(f?);
                }
                Ok(result)
            })
            .unwrap();
        lp.run_until_complete(&runner).unwrap();
        let mut result = runner.result().unwrap();
        assert_eq!(result.len(), 2);
        result.sort();
        assert_eq!(result, ["ham", "spam"]);
    }

    #[test]
    fn test_sleep() {
        let lp = EventLoop::new();
        let sleeper = |dt: f64, arg: &'static str| async move {
            sleep(dt / 2.0).await?;
            let res = sleep_result(dt / 2.0, arg).await?;
            Ok(res)
        };
        let t = lp.create_task(sleeper(0.1, "yeah")).unwrap();
        lp.run_until_complete(&t).unwrap();
        assert!(t.done());
        assert_eq!(t.result().unwrap(), "yeah");
        assert_almost_equal(0.1, lp.time());
    }

    #[test]
    fn test_sleep_cancel() {
        let lp = EventLoop::new();
        let t = lp.create_task(sleep_result(10.0, "yeah")).unwrap();
        run_briefly(&lp).unwrap();

        // `self.assertFalse(handle._cancelled)`: the sleep's timer is live.
        assert_eq!(lp.scheduled_len(), 1);
        assert_eq!(lp.timer_cancelled_count(), 0);

        t.cancel(None);
        run_briefly(&lp).unwrap();
        // `self.assertTrue(handle._cancelled)`: the timer was cancelled (and
        // then dropped from the heap's top) without ever firing.
        assert_eq!(lp.scheduled_len(), 0);
        assert_eq!(lp.time(), 0.0);
        assert!(t.cancelled());
    }

    #[test]
    fn test_task_cancel_sleeping_task() {
        let lp = EventLoop::new();
        let doit = lp
            .create_task(async {
                let sleeper = create_task(sleep(5000.0))?;
                let victim = sleeper.clone();
                get_running_loop()?.call_later(0.1, move || {
                    victim.cancel(None);
                })?;
                match sleeper.await {
                    Err(e) if e.is_cancelled() => Ok("cancelled"),
                    Err(e) => Err(e),
                    Ok(()) => Ok("slept in"),
                }
            })
            .unwrap();
        assert_eq!(lp.run_until_complete(&doit).unwrap(), "cancelled");
        assert_almost_equal(0.1, lp.time());
    }

    #[test]
    fn test_task_cancel_waiter_future() {
        let lp = EventLoop::new();
        let fut = lp.create_future::<()>().with_label("fut");
        let f = fut.clone();
        let task = lp.create_task(async move { f.await }).unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(task.as_any_task().waiting_on(), "fut");

        task.cancel(None);
        run_briefly(&lp).unwrap();
        assert_raises(lp.run_until_complete(&task), "CancelledError", "");
        // `self.assertIsNone(task._fut_waiter)`
        assert_eq!(task.as_any_task().waiting_on(), "nothing (ready to run)");
        assert!(fut.cancelled());
    }

    /// If a coroutine awaits a future, the task waits on this future.
    #[test]
    fn test_step_result_future() {
        let lp = EventLoop::new();
        let fut = lp.create_future::<i32>().with_label("fut");
        let result: Slot<i32> = Slot::default();
        let (f, r) = (fut.clone(), result.clone());
        let t = lp
            .create_task(async move {
                r.put(f.await?);
                Ok(())
            })
            .unwrap();
        run_briefly(&lp).unwrap();
        // `self.assertTrue(fut.cb_added)`: the task waits on fut.
        assert_eq!(t.as_any_task().waiting_on(), "fut");

        fut.set_result(7).unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(result.get(), 7);
        assert!(t.done());
        assert!(t.result().is_ok());
    }

    /// A `SystemExit` raised by a task propagates out of the loop
    /// (Task.__step re-raises `KeyboardInterrupt` and `SystemExit` after
    /// storing them).
    #[test]
    fn test_baseexception_during_cancel() {
        let lp = EventLoop::new();
        let base_exc = Exception::new("SystemExit", "");

        let raised = base_exc.clone();
        let notmutch = async move {
            async fn sleeper() -> PyResult<()> {
                sleep(10.0).await
            }
            match sleeper().await {
                Err(e) if e.is_cancelled() => Err(raised),
                other => other,
            }
        };
        let task = lp.create_task(notmutch).unwrap();
        run_briefly(&lp).unwrap();

        task.cancel(None);
        assert!(!task.done());

        assert_raises(run_briefly(&lp), "SystemExit", "");

        assert!(task.done());
        assert!(!task.cancelled());
        assert!(task.exception().unwrap().expect("an exception").ptr_eq(&base_exc));
    }

    #[test]
    fn test_coroutine_non_gen_function_return_future() {
        let lp = EventLoop::new();
        let fut = lp.create_future::<&str>();
        let f = fut.clone();
        let t1 = lp.create_task(async move { Ok(f) }).unwrap();
        let f = fut.clone();
        let t2 = lp
            .create_task(async move {
                f.set_result("test")?;
                Ok(())
            })
            .unwrap();
        let res = lp.run_until_complete(&t1).unwrap();
        assert!(res.ptr_eq(&fut));
        assert!(t2.result().is_ok());
    }

    #[test]
    fn test_current_task() {
        let lp = EventLoop::new();
        assert!(current_task().is_none());

        let me: Slot<u64> = Slot::default();
        let m = me.clone();
        let task = lp
            .create_task(async move {
                assert_eq!(current_task().expect("in a task").id(), m.get());
                Ok(())
            })
            .unwrap();
        me.put(task.id());
        lp.run_until_complete(&task).unwrap();
        assert!(current_task().is_none());
    }

    #[test]
    fn test_current_task_with_interleaving_tasks() {
        let lp = EventLoop::new();
        assert!(current_task().is_none());

        let fut1 = lp.create_future::<bool>();
        let fut2 = lp.create_future::<bool>();
        let ids: Slot<(u64, u64)> = Slot::default();

        let (f1, f2, i) = (fut1.clone(), fut2.clone(), ids.clone());
        let task1 = lp
            .create_task(async move {
                assert_eq!(current_task().unwrap().id(), i.get().0);
                f1.await?;
                assert_eq!(current_task().unwrap().id(), i.get().0);
                f2.set_result(true)?;
                Ok(())
            })
            .unwrap();
        let (f1, f2, i) = (fut1.clone(), fut2.clone(), ids.clone());
        let task2 = lp
            .create_task(async move {
                assert_eq!(current_task().unwrap().id(), i.get().1);
                f1.set_result(true)?;
                f2.await?;
                assert_eq!(current_task().unwrap().id(), i.get().1);
                Ok(())
            })
            .unwrap();
        ids.put((task1.id(), task2.id()));

        run_wait(&lp, &[task1.future().clone(), task2.future().clone()]);
        assert!(task1.result().is_ok() && task2.result().is_ok());
        assert!(current_task().is_none());
    }

    /// Cancelling outer() cancels inner() cancels waiter.
    #[test]
    fn test_yield_future_passes_cancel() {
        let lp = EventLoop::new();
        let proof = Counter::default();
        let waiter = lp.create_future::<()>();

        let inner = {
            let (proof, waiter) = (proof.clone(), waiter.clone());
            async move {
                match waiter.await {
                    Err(e) if e.is_cancelled() => {
                        proof.add(1);
                        Err(e)
                    }
                    Err(e) => Err(e),
                    Ok(()) => panic!("got past sleep() in inner()"),
                }
            }
        };
        let p = proof.clone();
        let outer = async move {
            match inner.await {
                Err(e) if e.is_cancelled() => p.add(100), // Expect this path.
                Err(e) => return Err(e),
                Ok(()) => p.add(10),
            }
            Ok(())
        };

        let f = lp.create_task(outer).unwrap();
        run_briefly(&lp).unwrap();
        f.cancel(None);
        lp.run_until_complete(&f).unwrap();
        assert_eq!(proof.get(), 101);
        assert!(waiter.cancelled());
    }

    /// Cancelling outer() makes wait() return early, leaves inner() running.
    #[test]
    fn test_yield_wait_does_not_shield_cancel() {
        let lp = EventLoop::new();
        let proof = Counter::default();
        let waiter = lp.create_future::<()>();

        let (p, w) = (proof.clone(), waiter.clone());
        let outer = async move {
            let (p2, w2) = (p.clone(), w.clone());
            let inner = create_task(async move {
                w2.await?;
                p2.add(1);
                Ok(())
            })?;
            let (_d, _p) = wait(&[inner.future().clone()], None, ReturnWhen::AllCompleted).await?;
            p.add(100);
            Ok(())
        };

        let f = lp.create_task(outer).unwrap();
        run_briefly(&lp).unwrap();
        f.cancel(None);
        assert_raises(lp.run_until_complete(&f), "CancelledError", "");
        waiter.set_result(()).unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(proof.get(), 1);
    }

    #[test]
    fn test_shield_result() {
        let lp = EventLoop::new();
        let inner = lp.create_future::<i32>();
        let outer = with_running(&lp, || shield(&inner)).unwrap();
        inner.set_result(42).unwrap();
        let res = lp.run_until_complete(&outer).unwrap();
        assert_eq!(res, 42);
    }

    #[test]
    fn test_shield_exception() {
        let lp = EventLoop::new();
        let inner = lp.create_future::<i32>();
        let outer = with_running(&lp, || shield(&inner)).unwrap();
        run_briefly(&lp).unwrap();
        let exc = Exception::runtime_error("expected");
        inner.set_exception(exc.clone()).unwrap();
        run_briefly(&lp).unwrap();
        assert!(outer.exception().unwrap().expect("an exception").ptr_eq(&exc));
    }

    #[test]
    fn test_shield_cancel_inner() {
        let lp = EventLoop::new();
        let inner = lp.create_future::<i32>();
        let outer = with_running(&lp, || shield(&inner)).unwrap();
        run_briefly(&lp).unwrap();
        inner.cancel(None);
        run_briefly(&lp).unwrap();
        assert!(outer.cancelled());
    }

    #[test]
    fn test_shield_cancel_outer() {
        let lp = EventLoop::new();
        let inner = lp.create_future::<i32>();
        let outer = with_running(&lp, || shield(&inner)).unwrap();
        run_briefly(&lp).unwrap();
        outer.cancel(None);
        run_briefly(&lp).unwrap();
        assert!(outer.cancelled());
        assert!(!inner.cancelled());
        // `_outer_done_callback` removed inner's callback: a result for inner
        // no longer reaches outer.
        inner.set_result(1).unwrap();
        run_briefly(&lp).unwrap();
        assert!(outer.cancelled());
    }

    #[test]
    fn test_shield_shortcut() {
        let lp = EventLoop::new();
        let fut = lp.create_future::<i32>();
        fut.set_result(42).unwrap();
        let outer = with_running(&lp, || shield(&fut)).unwrap();
        assert!(outer.ptr_eq(&fut));
        let res = lp.run_until_complete(&outer).unwrap();
        assert_eq!(res, 42);
    }

    /// Cancelling outer() does not affect inner().
    #[test]
    fn test_shield_effect() {
        let lp = EventLoop::new();
        let proof = Counter::default();
        let waiter = lp.create_future::<()>();

        let (p, w) = (proof.clone(), waiter.clone());
        let outer = async move {
            let (p2, w2) = (p.clone(), w.clone());
            let inner = asyncio_engine::Awaitable::coro(async move {
                w2.await?;
                p2.add(1);
                Ok(())
            });
            shield(inner)?.await?;
            p.add(100);
            Ok(())
        };

        let f = lp.create_task(outer).unwrap();
        run_briefly(&lp).unwrap();
        f.cancel(None);
        assert_raises(lp.run_until_complete(&f), "CancelledError", "");
        waiter.set_result(()).unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(proof.get(), 1);
    }

    #[test]
    fn test_shield_gather() {
        let lp = EventLoop::new();
        let child1 = lp.create_future::<i32>();
        let child2 = lp.create_future::<i32>();
        let parent = with_running(&lp, || gather(&[child1.clone(), child2.clone()])).unwrap();
        let outer = with_running(&lp, || shield(&parent)).unwrap();
        run_briefly(&lp).unwrap();
        outer.cancel(None);
        run_briefly(&lp).unwrap();
        assert!(outer.cancelled());
        child1.set_result(1).unwrap();
        child2.set_result(2).unwrap();
        run_briefly(&lp).unwrap();
        assert_eq!(parent.result().unwrap(), [1, 2]);
    }

    #[test]
    fn test_gather_shield() {
        let lp = EventLoop::new();
        let child1 = lp.create_future::<i32>();
        let child2 = lp.create_future::<i32>();
        let inner1 = with_running(&lp, || shield(&child1)).unwrap();
        let inner2 = with_running(&lp, || shield(&child2)).unwrap();
        let parent = with_running(&lp, || gather(&[inner1.clone(), inner2.clone()])).unwrap();
        run_briefly(&lp).unwrap();
        parent.cancel(None);
        // This should cancel inner1 and inner2 but bot child1 and child2.
        run_briefly(&lp).unwrap();
        let exc = parent.exception().unwrap().expect("an exception");
        assert!(exc.is_cancelled());
        assert!(inner1.cancelled());
        assert!(inner2.cancelled());
        child1.set_result(1).unwrap();
        child2.set_result(2).unwrap();
        run_briefly(&lp).unwrap();
        assert!(!child1.cancelled() && !child2.cancelled());
    }

    /// Ensure that a gathering future refuses to be cancelled once all
    /// children are done (Python issue #26923).
    #[test]
    fn test_cancel_gather_1() {
        let lp = EventLoop::new();
        let fut = lp.create_future::<i32>();
        let f = fut.clone();
        let create = lp
            .create_task(async move {
                // The indirection fut->child_coro is needed since otherwise the
                // gathering task is done at the same time as the child future
                let child = create_task(async move { f.await })?;
                gather(&[child.future().clone()])
            })
            .unwrap();
        let gather_task = lp.run_until_complete(&create).unwrap();

        let cancel_result: Slot<bool> = Slot::default();
        let (cr, g) = (cancel_result.clone(), gather_task.clone());
        fut.add_done_callback(move |_| cr.put(g.cancel(None)));

        fut.set_result(42).unwrap(); // calls the cancelling_callback after fut is done()

        // At this point the task should complete.
        lp.run_until_complete(&gather_task).unwrap();

        // Python issue #26923: asyncio.gather drops cancellation
        assert!(!cancel_result.get());
        assert!(!gather_task.cancelled());
        assert_eq!(gather_task.result().unwrap(), [42]);
        lp.close().unwrap();
    }

    #[test]
    fn test_cancel_gather_2() {
        for (msg, expected) in [(None, ""), (None, ""), (Some("my message"), "my message")] {
            let lp = EventLoop::new();
            let test = async {
                let mut time = 0.0;
                loop {
                    time += 0.05;
                    let child = create_task(sleep(0.05))?;
                    gather_outcomes(&[child.future().clone()])?.await?;
                    if time > 1.0 {
                        return Ok(());
                    }
                }
            };
            let main = lp
                .create_task(async move {
                    let qwe = create_task(test)?;
                    sleep(0.2).await?;
                    qwe.cancel(msg);
                    qwe.await
                })
                .unwrap();
            let exc = assert_raises(
                lp.run_until_complete(&main),
                "CancelledError",
                "", // gather() propagates the CancelledError raised by the inner task
            );
            assert_eq!(exc.message(), expected);
            lp.close().unwrap();
        }
    }

    /// bpo-28843
    #[test]
    fn test_exception_traceback() {
        let lp = EventLoop::new();
        let main = lp
            .create_task(async {
                let task = create_task(async { Err::<(), _>(Exception::zero_division("division by zero")) })?;
                sleep0().await?; // skip one loop iteration
                assert!(task.exception().unwrap().expect("an exception").is("ZeroDivisionError"));
                Ok(())
            })
            .unwrap();
        lp.run_until_complete(&main).unwrap();
    }

    #[test]
    fn test_bare_create_task() {
        let lp = EventLoop::new();
        let coro = lp
            .create_task(async {
                let task = create_task(async { Ok(1) })?;
                let ret = task.await?;
                assert_eq!(ret, 1);
                Ok(())
            })
            .unwrap();
        lp.run_until_complete(&coro).unwrap();
    }

    #[test]
    fn test_bare_create_named_task() {
        let lp = EventLoop::new();
        let coro = lp
            .create_task(async {
                let task = create_named_task(async { Ok(()) }, "No-op")?;
                assert_eq!(task.get_name(), "No-op");
                task.await
            })
            .unwrap();
        lp.run_until_complete(&coro).unwrap();
    }

    /// `Task.set_result` and `Task.set_exception` raise RuntimeError: only
    /// the task's coroutine completes it.
    #[test]
    fn test_task_set_methods() {
        let lp = EventLoop::new();
        let task = lp.create_task(async { Ok("ko") }).unwrap();

        assert_raises(task.set_result("ok"), "RuntimeError", "not support set_result");

        assert_raises(
            task.set_exception(Exception::value_error("")),
            "RuntimeError",
            "not support set_exception",
        );

        assert_eq!(lp.run_until_complete(&task).unwrap(), "ko");
    }
}

/// test_tasks.py::SetMethodsTest (`Future.set_result(task, ...)` bypasses
/// the task; its pending step then finds it done).
mod set_methods_test {
    use super::*;

    #[test]
    fn test_set_result_causes_invalid_state() {
        let lp = EventLoop::new();
        let task = lp
            .create_task(async {
                sleep(0.1).await?;
                Ok("10")
            })
            .unwrap();
        task.future().set_result("spam").unwrap();

        assert_eq!(lp.run_until_complete(&task).unwrap(), "spam");
        // The coroutine never ran: no sleep was scheduled.
        assert_eq!(lp.scheduled_len(), 0);
    }

    #[test]
    fn test_set_exception_causes_invalid_state() {
        let lp = EventLoop::new();
        let task = lp
            .create_task(async {
                sleep(0.1).await?;
                Ok(10)
            })
            .unwrap();
        task.future().set_exception(Exception::new("MyExc", "")).unwrap();

        assert_raises(lp.run_until_complete(&task), "MyExc", "");
        assert_eq!(lp.scheduled_len(), 0);
    }
}

/// `asyncio.gather` with its keyword arguments fixed: `gather` or
/// `gather_outcomes` (`return_exceptions=True`).
type GatherFn<R> = fn(&[Future<i32>]) -> PyResult<Future<Vec<R>>>;

/// A done callback that counts its calls (`test_utils.MockCallback`).
fn mock_callback<T: Clone + 'static>(fut: &Future<T>) -> Counter {
    let calls = Counter::default();
    let c = calls.clone();
    fut.add_done_callback(move |_| c.add(1));
    calls
}

/// test_tasks.py::FutureGatherTests (the children are plain futures).
mod future_gather_tests {
    use super::*;
    use common::run_loop;

    /// `_check_success(**kwargs)`: `gather_fn` is `asyncio.gather` with the
    /// keyword arguments, `value` reads an element of its result.
    fn check_success<R: Clone + 'static>(gather_fn: GatherFn<R>, value: fn(&R) -> i32) {
        let lp = EventLoop::new();
        let [a, b, c] = [(); 3].map(|()| lp.create_future::<i32>());
        let fut = with_running(&lp, || gather_fn(&[a.clone(), b.clone(), c.clone()])).unwrap();
        let cb = mock_callback(&fut);
        b.set_result(1).unwrap();
        a.set_result(2).unwrap();
        run_loop(&lp).unwrap();
        assert_eq!(cb.get(), 0);
        assert!(!fut.done());
        c.set_result(3).unwrap();
        run_loop(&lp).unwrap();
        assert_eq!(cb.get(), 1);
        let result: Vec<i32> = fut.result().unwrap().iter().map(value).collect();
        assert_eq!(result, [2, 1, 3]);
    }

    #[test]
    fn test_constructor_heterogenous_futures() {
        let (one_loop, other_loop) = (EventLoop::new(), EventLoop::new());
        let fut1 = one_loop.create_future::<i32>();
        let fut2 = other_loop.create_future::<i32>();
        assert_raises(gather(&[fut1, fut2]), "ValueError", DIFFERENT_LOOP);
    }

    #[test]
    fn test_constructor_homogenous_futures() {
        let (one_loop, other_loop) = (EventLoop::new(), EventLoop::new());
        let children = [(); 3].map(|()| other_loop.create_future::<i32>());
        // No loop is running: the gather belongs to its children's loop.
        for _ in 0..2 {
            let fut = gather(&children).unwrap();
            assert!(fut.get_loop().unwrap().ptr_eq(&other_loop));
            run_loop(&other_loop).unwrap();
            assert!(!fut.done());
        }
        // Even while another loop runs (awaiting it there is what fails).
        let fut = with_running(&one_loop, || gather(&children)).unwrap();
        assert!(fut.get_loop().unwrap().ptr_eq(&other_loop));
    }

    #[test]
    fn test_success() {
        check_success(gather, |v| *v);
    }

    #[test]
    fn test_result_exception_success() {
        check_success(gather_outcomes, |v| *v.as_ref().unwrap());
    }

    #[test]
    fn test_one_exception() {
        let lp = EventLoop::new();
        let [a, b, c, d, e] = [(); 5].map(|()| lp.create_future::<i32>());
        let fut =
            with_running(&lp, || gather(&[a.clone(), b.clone(), c.clone(), d.clone(), e.clone()])).unwrap();
        let cb = mock_callback(&fut);
        let exc = Exception::zero_division("");
        a.set_result(1).unwrap();
        b.set_exception(exc.clone()).unwrap();
        run_loop(&lp).unwrap();
        assert!(fut.done());
        assert_eq!(cb.get(), 1);
        assert!(fut.exception().unwrap().expect("an exception").ptr_eq(&exc));
        // Does nothing
        c.set_result(3).unwrap();
        d.cancel(None);
        e.set_exception(Exception::runtime_error("")).unwrap();
        run_loop(&lp).unwrap();
        assert_eq!(cb.get(), 1);
        assert!(fut.exception().unwrap().expect("an exception").ptr_eq(&exc));
    }

    #[test]
    fn test_return_exceptions() {
        let lp = EventLoop::new();
        let [a, b, c, d] = [(); 4].map(|()| lp.create_future::<i32>());
        let fut =
            with_running(&lp, || gather_outcomes(&[a.clone(), b.clone(), c.clone(), d.clone()])).unwrap();
        let cb = mock_callback(&fut);
        let exc = Exception::zero_division("");
        let exc2 = Exception::runtime_error("");
        b.set_result(1).unwrap();
        c.set_exception(exc.clone()).unwrap();
        a.set_result(3).unwrap();
        run_loop(&lp).unwrap();
        assert!(!fut.done());
        d.set_exception(exc2.clone()).unwrap();
        run_loop(&lp).unwrap();
        assert!(fut.done());
        assert_eq!(cb.get(), 1);
        let res = fut.result().unwrap();
        assert_eq!(*res[0].as_ref().unwrap(), 3);
        assert_eq!(*res[1].as_ref().unwrap(), 1);
        assert!(res[2].as_ref().unwrap_err().ptr_eq(&exc));
        assert!(res[3].as_ref().unwrap_err().ptr_eq(&exc2));
    }

    #[test]
    fn test_constructor_empty_sequence_use_running_loop() {
        let lp = EventLoop::new();
        let task = lp.create_task(async { gather::<i32>(&[]) }).unwrap();
        let fut = lp.run_until_complete(&task).unwrap();
        assert!(fut.get_loop().expect("loop alive").ptr_eq(&lp));
        run_loop(&lp).unwrap();
        assert!(fut.done());
        assert!(fut.result().unwrap().is_empty());
    }

    #[test]
    fn test_one_cancellation() {
        let lp = EventLoop::new();
        let [a, b, c, d, e] = [(); 5].map(|()| lp.create_future::<i32>());
        let fut =
            with_running(&lp, || gather(&[a.clone(), b.clone(), c.clone(), d.clone(), e.clone()])).unwrap();
        let cb = mock_callback(&fut);
        a.set_result(1).unwrap();
        b.cancel(None);
        run_loop(&lp).unwrap();
        assert!(fut.done());
        assert_eq!(cb.get(), 1);
        assert!(!fut.cancelled());
        assert!(fut.exception().unwrap().expect("an exception").is_cancelled());
        // Does nothing
        c.set_result(3).unwrap();
        d.cancel(None);
        e.set_exception(Exception::runtime_error("")).unwrap();
        run_loop(&lp).unwrap();
        assert_eq!(cb.get(), 1);
    }

    #[test]
    fn test_result_exception_one_cancellation() {
        let lp = EventLoop::new();
        let [a, b, c, d, e, f] = [(); 6].map(|()| lp.create_future::<i32>());
        let all = [a.clone(), b.clone(), c.clone(), d.clone(), e.clone(), f.clone()];
        let fut = with_running(&lp, || gather_outcomes(&all)).unwrap();
        let cb = mock_callback(&fut);
        a.set_result(1).unwrap();
        let zde = Exception::zero_division("");
        b.set_exception(zde.clone()).unwrap();
        c.cancel(None);
        run_loop(&lp).unwrap();
        assert!(!fut.done());
        d.set_result(3).unwrap();
        e.cancel(None);
        let rte = Exception::runtime_error("");
        f.set_exception(rte.clone()).unwrap();
        let res = lp.run_until_complete(&fut).unwrap();
        assert!(res[2].as_ref().unwrap_err().is_cancelled());
        assert!(res[4].as_ref().unwrap_err().is_cancelled());
        assert_eq!(*res[0].as_ref().unwrap(), 1);
        assert!(res[1].as_ref().unwrap_err().ptr_eq(&zde));
        assert_eq!(*res[3].as_ref().unwrap(), 3);
        assert!(res[5].as_ref().unwrap_err().ptr_eq(&rte));
        assert_eq!(cb.get(), 1);
    }
}

/// test_tasks.py::CoroutineGatherTests (each child is a coroutine awaiting
/// a plain future; gather wraps it in a task).
mod coroutine_gather_tests {
    use super::*;
    use common::run_loop;

    /// `_gather(*wrap_futures(futs), **kwargs)`: inside a coroutine run to
    /// completion, wrap each future in `async def coro(): return await fut`
    /// (a task) and gather them.
    fn gather_coros<R: Clone + 'static>(
        lp: &EventLoop,
        futs: &[Future<i32>],
        gather_fn: GatherFn<R>,
    ) -> Future<Vec<R>> {
        let futs = futs.to_vec();
        let coro = lp
            .create_task(async move {
                let mut children = Vec::new();
                for fut in futs {
                    children.push(create_task(async move { fut.await })?.future().clone());
                }
                gather_fn(&children)
            })
            .unwrap();
        lp.run_until_complete(&coro).unwrap()
    }

    fn check_success<R: Clone + 'static>(gather_fn: GatherFn<R>, value: fn(&R) -> i32) {
        let lp = EventLoop::new();
        let [a, b, c] = [(); 3].map(|()| lp.create_future::<i32>());
        let fut = gather_coros(&lp, &[a.clone(), b.clone(), c.clone()], gather_fn);
        let cb = mock_callback(&fut);
        b.set_result(1).unwrap();
        a.set_result(2).unwrap();
        run_loop(&lp).unwrap();
        assert_eq!(cb.get(), 0);
        assert!(!fut.done());
        c.set_result(3).unwrap();
        run_loop(&lp).unwrap();
        assert_eq!(cb.get(), 1);
        let result: Vec<i32> = fut.result().unwrap().iter().map(value).collect();
        assert_eq!(result, [2, 1, 3]);
    }

    #[test]
    fn test_success() {
        check_success(gather, |v| *v);
    }

    #[test]
    fn test_result_exception_success() {
        check_success(gather_outcomes, |v| *v.as_ref().unwrap());
    }

    #[test]
    fn test_one_exception() {
        let lp = EventLoop::new();
        let [a, b, c, d, e] = [(); 5].map(|()| lp.create_future::<i32>());
        let fut = gather_coros(&lp, &[a.clone(), b.clone(), c.clone(), d.clone(), e.clone()], gather);
        let cb = mock_callback(&fut);
        let exc = Exception::zero_division("");
        a.set_result(1).unwrap();
        b.set_exception(exc.clone()).unwrap();
        run_loop(&lp).unwrap();
        assert!(fut.done());
        assert_eq!(cb.get(), 1);
        assert!(fut.exception().unwrap().expect("an exception").ptr_eq(&exc));
        // Does nothing
        c.set_result(3).unwrap();
        d.cancel(None);
        e.set_exception(Exception::runtime_error("")).unwrap();
        run_loop(&lp).unwrap();
        assert_eq!(cb.get(), 1);
    }

    #[test]
    fn test_return_exceptions() {
        let lp = EventLoop::new();
        let [a, b, c, d] = [(); 4].map(|()| lp.create_future::<i32>());
        let fut = gather_coros(&lp, &[a.clone(), b.clone(), c.clone(), d.clone()], gather_outcomes);
        let cb = mock_callback(&fut);
        let exc = Exception::zero_division("");
        let exc2 = Exception::runtime_error("");
        b.set_result(1).unwrap();
        c.set_exception(exc.clone()).unwrap();
        a.set_result(3).unwrap();
        run_loop(&lp).unwrap();
        assert!(!fut.done());
        d.set_exception(exc2.clone()).unwrap();
        run_loop(&lp).unwrap();
        assert!(fut.done());
        assert_eq!(cb.get(), 1);
        let res = fut.result().unwrap();
        assert_eq!(*res[0].as_ref().unwrap(), 3);
        assert_eq!(*res[1].as_ref().unwrap(), 1);
        assert!(res[2].as_ref().unwrap_err().ptr_eq(&exc));
        assert!(res[3].as_ref().unwrap_err().ptr_eq(&exc2));
    }

    #[test]
    fn test_duplicate_coroutines() {
        let lp = EventLoop::new();
        let coro = lp
            .create_task(async {
                let c = create_task(async { Ok("abc") })?;
                let d = create_task(async { Ok("def") })?;
                gather(&[c.future().clone(), c.future().clone(), d.future().clone(), c.future().clone()])
            })
            .unwrap();
        let fut = lp.run_until_complete(&coro).unwrap();
        run_loop(&lp).unwrap();
        assert_eq!(fut.result().unwrap(), ["abc", "abc", "def", "abc"]);
    }

    /// Cancelling outer() cancels all children.
    #[test]
    fn test_cancellation_broadcast() {
        let lp = EventLoop::new();
        let proof = Counter::default();
        let waiter = lp.create_future::<()>();

        let inner = |proof: &Counter, waiter: &Future<()>| {
            let (proof, waiter) = (proof.clone(), waiter.clone());
            async move {
                waiter.await?;
                proof.add(1);
                Ok(())
            }
        };
        let child1 = lp.create_task(inner(&proof, &waiter)).unwrap();
        let child2 = lp.create_task(inner(&proof, &waiter)).unwrap();
        let gatherer: Slot<Future<Vec<()>>> = Slot::default();

        let (p, g, c1, c2) = (proof.clone(), gatherer.clone(), child1.clone(), child2.clone());
        let outer = async move {
            let fut = gather(&[c1.future().clone(), c2.future().clone()])?;
            g.put(fut.clone());
            fut.await?;
            p.add(100);
            Ok(())
        };

        let f = lp.create_task(outer).unwrap();
        run_briefly(&lp).unwrap();
        assert!(f.cancel(None));
        assert_raises(lp.run_until_complete(&f), "CancelledError", "");
        assert!(!gatherer.get().cancel(None));
        assert!(waiter.cancelled());
        assert!(child1.cancelled());
        assert!(child2.cancelled());
        run_briefly(&lp).unwrap();
        assert_eq!(proof.get(), 0);
    }

    /// Test for the first line marked "Mark exception retrieved."
    #[test]
    fn test_exception_marking() {
        let lp = EventLoop::new();
        let inner = |f: &Future<()>| {
            let f = f.clone();
            async move {
                f.await?;
                Err::<(), _>(Exception::runtime_error("should not be ignored"))
            }
        };
        let a = lp.create_future::<()>();
        let b = lp.create_future::<()>();

        let (ia, ib) = (inner(&a), inner(&b));
        let outer = async move {
            let ta = create_task(ia)?;
            let tb = create_task(ib)?;
            gather(&[ta.future().clone(), tb.future().clone()])?.await?;
            Ok(())
        };

        let f = lp.create_task(outer).unwrap();
        run_briefly(&lp).unwrap();
        a.set_result(()).unwrap();
        run_briefly(&lp).unwrap();
        b.set_result(()).unwrap();
        run_briefly(&lp).unwrap();
        assert!(f.exception().unwrap().expect("an exception").is("RuntimeError"));
    }
}

/// test_tasks.py::SleepTests
mod sleep_tests {
    use super::*;

    #[test]
    fn test_sleep_zero() {
        let lp = EventLoop::new();
        let result = Counter::default();

        let r = result.clone();
        let coro = lp
            .create_task(async move {
                let inc = r.clone();
                get_running_loop()?.call_soon(move || inc.add(1))?;
                assert_eq!(r.get(), 0);
                let num = sleep_result(0.0, 10).await?;
                assert_eq!(r.get(), 1); // inc'ed by call_soon
                r.add(num); // num should be 11
                Ok(())
            })
            .unwrap();
        lp.run_until_complete(&coro).unwrap();
        assert_eq!(result.get(), 11);
    }
}

/// Tasks awaiting each other in a cycle: CPython's `cancel()` recurses until
/// RecursionError; the engine's stops and says so through
/// `cancel_overflowed`, for the cancel() that overflowed only.
mod cancel_cycles {
    use super::*;

    /// Two tasks, each awaiting the other, both suspended.
    fn cycle(lp: &EventLoop) -> Task<()> {
        let other: Slot<Future<()>> = Slot::default();
        let o = other.clone();
        let t1 = lp.create_task(async move { o.get().await }).unwrap();
        let f1 = t1.future().clone();
        let t2 = lp.create_task(async move { f1.await }).unwrap();
        other.put(t2.future().clone());
        run_briefly(lp).unwrap();
        t1
    }

    #[test]
    fn an_overflow_is_reported_once_and_only_by_its_own_cancel() {
        let lp = EventLoop::new();
        let t1 = cycle(&lp);
        t1.cancel(None);
        assert!(asyncio_engine::cancel_overflowed());
        assert!(!asyncio_engine::cancel_overflowed(), "asked once");

        // An overflow nobody asked about (as a TaskGroup's abort inside the
        // engine leaves it) is not the next cancel()'s.
        let t3 = cycle(&lp);
        t3.cancel(None);
        let sleeper = lp.create_task(sleep(10.0)).unwrap();
        run_briefly(&lp).unwrap();
        sleeper.cancel(None);
        assert!(!asyncio_engine::cancel_overflowed());
    }
}

/// Orders checked against the oracle (`pyrun.py` output for the Python
/// program in the comment).
mod oracle {
    use super::*;

    /// ```python
    /// import asyncio
    ///
    /// async def child(name, d):
    ///     try:
    ///         await asyncio.sleep(d)
    ///         print(name, "finished")
    ///         return name
    ///     except asyncio.CancelledError as e:
    ///         print(name, "cancelled", e.args)
    ///         raise
    ///
    /// async def main():
    ///     ts = [asyncio.create_task(child(f"c{i}", d)) for i, d in enumerate([3, 1, 2, 1])]
    ///     g = asyncio.gather(*ts)
    ///     await asyncio.sleep(1.5)
    ///     print("cancel gather", g.cancel("bye"))
    ///     try:
    ///         await g
    ///     except asyncio.CancelledError as e:
    ///         print("gather cancelled", e.args)
    ///     for t in ts:
    ///         print(t.get_name(), t.cancelled())
    ///     fs = [asyncio.create_task(asyncio.sleep(d, r))
    ///           for d, r in [(2, "x"), (1, "y"), (1, "z"), (3, "w"), (1, "v")]]
    ///     for f in asyncio.as_completed(fs, timeout=2.5):
    ///         try:
    ///             print("as_completed", await f)
    ///         except TimeoutError:
    ///             print("as_completed timeout")
    ///     done, pending = await asyncio.wait(fs, return_when=asyncio.FIRST_COMPLETED)
    ///     print("wait", [f.result() for f in fs if f in done], len(pending))
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn gather_cancellation_then_as_completed_and_wait() {
        async fn child(lp: EventLoop, name: String, d: f64) -> PyResult<String> {
            match sleep(d).await {
                Ok(()) => {
                    lp.log(&format!("{name} finished"));
                    Ok(name)
                }
                Err(e) => {
                    lp.log(&format!("{name} cancelled ('{}',)", e.message()));
                    Err(e)
                }
            }
        }
        let py_bool = |b: bool| if b { "True" } else { "False" };
        let trace = common::trace_of(|lp| async move {
            let mut ts = Vec::new();
            for (i, d) in [3.0, 1.0, 2.0, 1.0].into_iter().enumerate() {
                ts.push(create_task(child(lp.clone(), format!("c{i}"), d))?);
            }
            let g = gather(&ts.iter().map(|t| t.future().clone()).collect::<Vec<_>>())?;
            sleep(1.5).await?;
            lp.log(&format!("cancel gather {}", py_bool(g.cancel(Some("bye")))));
            if let Err(e) = g.await {
                lp.log(&format!("gather cancelled ('{}',)", e.message()));
            }
            for t in &ts {
                lp.log(&format!("{} {}", t.get_name(), py_bool(t.cancelled())));
            }
            let mut fs = Vec::new();
            for (d, r) in [(2.0, "x"), (1.0, "y"), (1.0, "z"), (3.0, "w"), (1.0, "v")] {
                fs.push(create_task(sleep_result(d, r))?.future().clone());
            }
            let it = as_completed(&fs, Some(2.5))?;
            while let Some(f) = it.next().await {
                match f {
                    Ok(v) => lp.log(&format!("as_completed {v}")),
                    Err(e) if e.is_timeout() => lp.log("as_completed timeout"),
                    Err(e) => return Err(e),
                }
            }
            let (done, pending) = wait(&fs, None, ReturnWhen::FirstCompleted).await?;
            let results: Vec<String> = fs
                .iter()
                .filter(|f| done.iter().any(|d| d.ptr_eq(f)))
                .map(|f| format!("'{}'", f.result().unwrap()))
                .collect();
            lp.log(&format!("wait [{}] {}", results.join(", "), pending.len()));
            Ok(())
        });
        assert_eq!(
            trace,
            "\
[    1.000] c1 finished
[    1.000] c3 finished
[    1.500] cancel gather True
[    1.500] c0 cancelled ('bye',)
[    1.500] c2 cancelled ('bye',)
[    1.500] gather cancelled ('bye',)
[    1.500] Task-2 True
[    1.500] Task-3 False
[    1.500] Task-4 True
[    1.500] Task-5 False
[    2.500] as_completed y
[    2.500] as_completed v
[    2.500] as_completed z
[    3.500] as_completed x
[    4.000] as_completed timeout
[    4.000] wait ['x', 'y', 'z', 'v'] 1
"
        );
    }

    /// Cancellation requests counted by `cancelling()`: an outside cancel
    /// racing a timeout, `uncancel()`, a task cancelled twice before and
    /// after it started, and `asyncio.run` cancelling what is left (in
    /// creation order) before the traceback line.
    ///
    /// ```python
    /// import asyncio
    ///
    /// async def stubborn(name):
    ///     try:
    ///         await asyncio.sleep(100)
    ///     except asyncio.CancelledError as e:
    ///         print(name, "cleanup", e.args)
    ///         await asyncio.sleep(1)
    ///         print(name, "cleanup done")
    ///         raise
    ///
    /// async def main():
    ///     loop = asyncio.get_running_loop()
    ///     task = asyncio.current_task()
    ///     loop.call_later(1, task.cancel)
    ///     try:
    ///         async with asyncio.timeout(1):
    ///             await asyncio.sleep(2)
    ///     except TimeoutError:
    ///         print("timeout", task.cancelling())
    ///     except asyncio.CancelledError:
    ///         print("cancelled", task.cancelling())
    ///     async with asyncio.timeout(1):
    ///         loop.call_later(1, task.cancel, "external")
    ///         try:
    ///             await asyncio.sleep(2)
    ///         except asyncio.CancelledError as e:
    ///             print("sleep cancelled with", e.args, task.cancelling())
    ///             task.uncancel()
    ///     print("survived", task.cancelling())
    ///     t = asyncio.create_task(stubborn("s1"))
    ///     t.cancel("first")
    ///     t.cancel("second")
    ///     await asyncio.sleep(0)
    ///     print("t cancelling", t.cancelling())
    ///     try:
    ///         await t
    ///     except asyncio.CancelledError as e:
    ///         print("t raised", e.args)
    ///     u = asyncio.create_task(stubborn("s2"))
    ///     await asyncio.sleep(0)
    ///     u.cancel("one")
    ///     u.cancel("two")
    ///     try:
    ///         await u
    ///     except asyncio.CancelledError as e:
    ///         print("u raised", e.args)
    ///     asyncio.create_task(stubborn("s3"))
    ///     asyncio.create_task(stubborn("s4"))
    ///     await asyncio.sleep(0)
    ///     1 / 0
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn cancel_requests_messages_and_run_cleanup() {
        fn args(e: &Exception) -> String {
            if e.message().is_empty() {
                "()".into()
            } else {
                format!("('{}',)", e.message())
            }
        }
        async fn stubborn(lp: EventLoop, name: &'static str) -> PyResult<()> {
            match sleep(100.0).await {
                Err(e) if e.is_cancelled() => {
                    lp.log(&format!("{name} cleanup {}", args(&e)));
                    sleep(1.0).await?;
                    lp.log(&format!("{name} cleanup done"));
                    Err(e)
                }
                other => other,
            }
        }
        let trace = common::trace_of(|lp| async move {
            let task = current_task().expect("in a task");
            let victim = task.clone();
            lp.call_later(1.0, move || {
                victim.cancel(None);
            })?;
            match asyncio_engine::timeout(Some(1.0))?.run(sleep(2.0)).await {
                Err(e) if e.is_timeout() => lp.log(&format!("timeout {}", task.cancelling())),
                Err(e) if e.is_cancelled() => lp.log(&format!("cancelled {}", task.cancelling())),
                other => other?,
            }
            asyncio_engine::timeout(Some(1.0))?
                .run(async {
                    let victim = task.clone();
                    lp.call_later(1.0, move || {
                        victim.cancel(Some("external"));
                    })?;
                    match sleep(2.0).await {
                        Err(e) if e.is_cancelled() => {
                            lp.log(&format!("sleep cancelled with {} {}", args(&e), task.cancelling()));
                            task.uncancel();
                            Ok(())
                        }
                        other => other,
                    }
                })
                .await?;
            lp.log(&format!("survived {}", task.cancelling()));
            let t = create_task(stubborn(lp.clone(), "s1"))?;
            t.cancel(Some("first"));
            t.cancel(Some("second"));
            sleep0().await?;
            lp.log(&format!("t cancelling {}", t.cancelling()));
            if let Err(e) = t.await {
                lp.log(&format!("t raised {}", args(&e)));
            }
            let u = create_task(stubborn(lp.clone(), "s2"))?;
            sleep0().await?;
            u.cancel(Some("one"));
            u.cancel(Some("two"));
            if let Err(e) = u.await {
                lp.log(&format!("u raised {}", args(&e)));
            }
            create_task(stubborn(lp.clone(), "s3"))?;
            create_task(stubborn(lp.clone(), "s4"))?;
            sleep0().await?;
            Err(Exception::zero_division("division by zero"))
        });
        assert_eq!(
            trace,
            "\
[    1.000] cancelled 1
[    2.000] sleep cancelled with ('external',) 3
[    2.000] survived 1
[    2.000] t cancelling 2
[    2.000] t raised ('second',)
[    2.000] s2 cleanup ('one',)
[    3.000] s2 cleanup done
[    3.000] u raised ('one',)
[    3.000] s3 cleanup ()
[    3.000] s4 cleanup ()
[    4.000] s3 cleanup done
[    4.000] s4 cleanup done
[    4.000] Traceback: ZeroDivisionError: division by zero
"
        );
    }

    /// A task's saved `CancelledError` goes to the first consumer only;
    /// later ones get a new one without the message (`_make_cancelled_error`
    /// clears `_cancelled_exc`, and `super().cancel()` cleared the message).
    ///
    /// ```python
    /// import asyncio
    ///
    /// async def waiter(name, t):
    ///     try:
    ///         await t
    ///     except asyncio.CancelledError as e:
    ///         print(name, "got", e.args)
    ///
    /// async def main():
    ///     t = asyncio.create_task(asyncio.sleep(10))
    ///     ws = [asyncio.create_task(waiter(f"w{i}", t)) for i in range(3)]
    ///     await asyncio.sleep(0)
    ///     t.cancel("m")
    ///     await asyncio.gather(*ws)
    ///     try:
    ///         t.result()
    ///     except asyncio.CancelledError as e:
    ///         print("result()", e.args)
    ///     u = asyncio.create_task(asyncio.sleep(10))
    ///     await asyncio.sleep(0)
    ///     u.cancel("n")
    ///     res = await asyncio.gather(u, return_exceptions=True)
    ///     print("gather outcome", type(res[0]).__name__, res[0].args)
    ///     f = asyncio.get_running_loop().create_future()
    ///     f.cancel("fm")
    ///     res = await asyncio.gather(f, return_exceptions=True)
    ///     print("future outcome", res[0].args)
    ///     try:
    ///         await f
    ///     except asyncio.CancelledError as e:
    ///         print("await f", e.args)
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn saved_cancelled_error_goes_to_the_first_consumer() {
        fn args(e: &Exception) -> String {
            if e.message().is_empty() {
                "()".into()
            } else {
                format!("('{}',)", e.message())
            }
        }
        async fn waiter(lp: EventLoop, name: String, t: Task<()>) -> PyResult<()> {
            if let Err(e) = t.await {
                lp.log(&format!("{name} got {}", args(&e)));
            }
            Ok(())
        }
        let trace = common::trace_of(|lp| async move {
            let t = create_task(sleep(10.0))?;
            let mut ws = Vec::new();
            for i in 0..3 {
                ws.push(create_task(waiter(lp.clone(), format!("w{i}"), t.clone()))?.future().clone());
            }
            sleep0().await?;
            t.cancel(Some("m"));
            gather(&ws)?.await?;
            if let Err(e) = t.result() {
                lp.log(&format!("result() {}", args(&e)));
            }
            let u = create_task(sleep(10.0))?;
            sleep0().await?;
            u.cancel(Some("n"));
            let res = gather_outcomes(&[u.future().clone()])?.await?;
            // gather always passes a str: CancelledError('') here.
            let e = res[0].clone().unwrap_err();
            lp.log(&format!("gather outcome {} ('{}',)", e.type_name(), e.message()));
            let f = lp.create_future::<()>();
            f.cancel(Some("fm"));
            let res = gather_outcomes(std::slice::from_ref(&f))?.await?;
            lp.log(&format!("future outcome {}", args(res[0].as_ref().unwrap_err())));
            if let Err(e) = f.await {
                lp.log(&format!("await f {}", args(&e)));
            }
            Ok(())
        });
        assert_eq!(
            trace,
            "\
[    0.000] w0 got ('m',)
[    0.000] w1 got ()
[    0.000] w2 got ()
[    0.000] result() ()
[    0.000] gather outcome CancelledError ('',)
[    0.000] future outcome ('fm',)
[    0.000] await f ('fm',)
"
        );
    }

    /// A task cancelled before its first step never runs its body; its
    /// `CancelledError` carries the message.
    ///
    /// ```python
    /// import asyncio
    ///
    /// async def body(name):
    ///     print(name, "body runs")
    ///     await asyncio.sleep(1)
    ///     print(name, "body ends")
    ///
    /// async def main():
    ///     t = asyncio.create_task(body("t"))
    ///     u = asyncio.create_task(body("u"))
    ///     print("cancel t:", t.cancel("early"))
    ///     await asyncio.sleep(0)
    ///     print("t cancelled:", t.cancelled(), "u done:", u.done())
    ///     print("cancel t again:", t.cancel())
    ///     try:
    ///         await t
    ///     except asyncio.CancelledError as e:
    ///         print("await t:", e.args)
    ///     await u
    ///
    /// asyncio.run(main())
    /// ```
    #[test]
    fn cancel_before_start_never_runs_the_body() {
        async fn body(lp: EventLoop, name: &'static str) -> PyResult<()> {
            lp.log(&format!("{name} body runs"));
            sleep(1.0).await?;
            lp.log(&format!("{name} body ends"));
            Ok(())
        }
        let py_bool = |b: bool| if b { "True" } else { "False" };
        let trace = common::trace_of(|lp| async move {
            let t = create_task(body(lp.clone(), "t"))?;
            let u = create_task(body(lp.clone(), "u"))?;
            lp.log(&format!("cancel t: {}", py_bool(t.cancel(Some("early")))));
            sleep0().await?;
            lp.log(&format!("t cancelled: {} u done: {}", py_bool(t.cancelled()), py_bool(u.done())));
            lp.log(&format!("cancel t again: {}", py_bool(t.cancel(None))));
            if let Err(e) = t.await {
                lp.log(&format!("await t: ('{}',)", e.message()));
            }
            u.await
        });
        assert_eq!(
            trace,
            "\
[    0.000] cancel t: True
[    0.000] u body runs
[    0.000] t cancelled: True u done: False
[    0.000] cancel t again: False
[    0.000] await t: ('early',)
[    1.000] u body ends
"
        );
    }

    /// A task marked `runs_when_thrown_unstarted` (an async generator's
    /// `aclose()` in a task) and cancelled before its first step is polled
    /// with the `CancelledError` to take; an exception it throws into its own
    /// await point with `set_throw` when that await resumes is what the
    /// await returns.
    #[test]
    fn a_task_that_runs_when_thrown_unstarted_takes_the_cancellation() {
        let trace = common::trace_of(|lp| async move {
            let inner_lp = lp.clone();
            let mut inner: std::pin::Pin<Box<dyn std::future::Future<Output = PyResult<()>>>> =
                Box::pin(async move {
                    let out = sleep(1.0).await;
                    inner_lp
                        .log(&format!("its await returns {:?}", out.err().map(|e| e.message().to_string())));
                    Ok(())
                });
            let outer_lp = lp.clone();
            let mut steps = 0;
            let t = create_task(std::future::poll_fn(move |cx| {
                steps += 1;
                if steps == 1 {
                    let first = asyncio_engine::step_ctx::take_throw().map(|e| e.type_name().to_string());
                    outer_lp.log(&format!("first step takes {first:?}"));
                } else {
                    asyncio_engine::step_ctx::set_throw(Exception::runtime_error("thrown by the body"));
                }
                inner.as_mut().poll(cx)
            }))?;
            t.runs_when_thrown_unstarted();
            t.cancel(None);
            let plain = create_task(async { Ok(()) })?;
            plain.cancel(None);
            let _ = plain.clone().await;
            lp.log(&format!("the plain task was cancelled unrun: {}", plain.cancelled()));
            t.await
        });
        assert_eq!(
            trace,
            "\
[    0.000] first step takes Some(\"CancelledError\")
[    0.000] the plain task was cancelled unrun: true
[    1.000] its await returns Some(\"thrown by the body\")
"
        );
    }
}
