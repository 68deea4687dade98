//! CPython 3.11.7's `test/test_asyncio/test_locks.py`, ported case by case:
//! same test names (one module per Python test class), same asserted orders.
//!
//! Python's tests run as `IsolatedAsyncioTestCase` coroutines, so each test
//! here is a coroutine run as the main task of a fresh loop; `await
//! asyncio.sleep(0)` is `sleep0().await`. Cases that only check Python typing
//! (`await lock` raising `TypeError`, the removed `loop=` parameter) have no
//! Rust counterpart; where Python appends a `mock.Mock()` to `_waiters`, a
//! real future is appended.

use std::cell::{Cell, RefCell};
use std::future::Future as StdFuture;
use std::rc::Rc;

use asyncio_engine::exception::types;
use asyncio_engine::sync::{Barrier, BoundedSemaphore, Condition, Event, Lock, Semaphore};
use asyncio_engine::{
    create_task, gather, gather_outcomes, get_running_loop, run, sleep, sleep0, wait, wait_for, Awaitable,
    EventLoop, Exception, Future, PyResult, ReturnWhen, Task, TaskGroup,
};

fn run_test<F: StdFuture<Output = PyResult<()>> + 'static>(test: F) {
    let event_loop = EventLoop::new();
    if let Err(exc) = run(&event_loop, test) {
        panic!("the test raised {exc}");
    }
}

type Log<T> = Rc<RefCell<Vec<T>>>;

fn log<T>() -> Log<T> {
    Rc::new(RefCell::new(Vec::new()))
}

/// `with self.assertRaises(type_name): ...`
fn assert_raises<T: std::fmt::Debug>(result: PyResult<T>, type_name: &str) {
    match result {
        Err(exc) => assert!(exc.is(type_name), "expected {type_name}, got {exc}"),
        Ok(value) => panic!("expected {type_name}, got Ok({value:?})"),
    }
}

mod lock_tests {
    use super::*;

    #[test]
    fn test_repr() {
        run_test(async {
            let lock = Lock::new();
            assert!(lock.repr().ends_with("[unlocked]>"), "{}", lock.repr());
            assert!(lock.repr().starts_with("<asyncio.locks.Lock object at 0x"));
            lock.acquire().await?;
            assert!(lock.repr().ends_with("[locked]>"), "{}", lock.repr());
            Ok(())
        });
    }

    #[test]
    fn test_acquire() {
        run_test(async {
            let lock = Lock::new();
            let result = log();
            assert!(lock.acquire().await?);
            let c = |n: i32| {
                let lock = lock.clone();
                let result = result.clone();
                async move {
                    if lock.acquire().await? {
                        result.borrow_mut().push(n);
                    }
                    Ok(true)
                }
            };
            let t1 = create_task(c(1))?;
            let t2 = create_task(c(2))?;

            sleep0().await?;
            assert_eq!(*result.borrow(), Vec::<i32>::new());

            lock.release()?;
            sleep0().await?;
            assert_eq!(*result.borrow(), [1]);

            sleep0().await?;
            assert_eq!(*result.borrow(), [1]);

            let t3 = create_task(c(3))?;

            lock.release()?;
            sleep0().await?;
            assert_eq!(*result.borrow(), [1, 2]);

            lock.release()?;
            sleep0().await?;
            assert_eq!(*result.borrow(), [1, 2, 3]);

            for t in [&t1, &t2, &t3] {
                assert!(t.done());
                assert!(t.result()?);
            }
            Ok(())
        });
    }

    #[test]
    fn test_acquire_cancel() {
        run_test(async {
            let lock = Lock::new();
            assert!(lock.acquire().await?);

            let task = create_task(lock.acquire())?;
            let to_cancel = task.clone();
            get_running_loop()?.call_soon(move || {
                to_cancel.cancel(None);
            })?;
            assert_raises(task.await, types::CANCELLED_ERROR);
            assert_eq!(lock.n_waiters(), 0);
            Ok(())
        });
    }

    #[test]
    fn test_cancel_race() {
        // A has the lock, B and C wait; B is cancelled as A releases: the
        // release must skip B's cancelled waiter and go to C.
        run_test(async {
            let lock = Lock::new();
            let lockit = |blocker: Option<Future<()>>| {
                let lock = lock.clone();
                async move {
                    lock.acquire().await?;
                    let outcome = match blocker {
                        Some(blocker) => blocker.await,
                        None => Ok(()),
                    };
                    lock.release()?;
                    outcome
                }
            };
            let fa: Future<()> = get_running_loop()?.create_future();
            let ta = create_task(lockit(Some(fa.clone())))?;
            sleep0().await?;
            assert!(lock.locked());
            let tb = create_task(lockit(None))?;
            sleep0().await?;
            assert_eq!(lock.n_waiters(), 1);
            let tc = create_task(lockit(None))?;
            sleep0().await?;
            assert_eq!(lock.n_waiters(), 2);

            // Create the race and check.
            fa.set_result(())?;
            tb.cancel(None);
            assert!(lock.waiters().first().is_some_and(|w| w.future().cancelled()));
            sleep0().await?;
            assert!(!lock.locked());
            assert!(ta.done());
            assert!(tb.cancelled());
            tc.await?;
            Ok(())
        });
    }

    #[test]
    fn test_cancel_release_race() {
        // Issue 32734: acquire 4 locks, cancel second, release first, and 2
        // locks are taken at once.
        run_test(async {
            let event_loop = get_running_loop()?;
            let lock = Lock::new();
            let lock_count = Rc::new(Cell::new(0));
            let call_count = Rc::new(Cell::new(0));
            let lockit = || {
                let lock = lock.clone();
                let lock_count = lock_count.clone();
                let call_count = call_count.clone();
                async move {
                    call_count.set(call_count.get() + 1);
                    lock.acquire().await?;
                    lock_count.set(lock_count.get() + 1);
                    Ok(())
                }
            };

            lock.acquire().await?;
            let t1 = create_task(lockit())?;
            let t2 = create_task(lockit())?;
            let t3 = create_task(lockit())?;

            // Start scheduled tasks.
            sleep0().await?;

            let (t1c, lockc) = (t1.clone(), lock.clone());
            event_loop.call_soon(move || {
                t1c.cancel(None);
                lockc.release().unwrap_or_default();
            })?;
            assert_raises(t1.clone().await, types::CANCELLED_ERROR);

            // Only one lock was taken, while 3 calls were made.
            assert_eq!(lock_count.get(), 1);
            assert_eq!(call_count.get(), 3);
            assert!(t1.cancelled() && t2.done());

            // Clean up the task that is stuck on acquire.
            t3.cancel(None);
            sleep0().await?;
            assert!(t3.cancelled());
            Ok(())
        });
    }

    #[test]
    fn test_finished_waiter_cancelled() {
        run_test(async {
            let lock = Lock::new();
            lock.acquire().await?;
            assert!(lock.locked());

            let tb = create_task(lock.acquire())?;
            sleep0().await?;
            assert_eq!(lock.n_waiters(), 1);

            // Create a second waiter, wake up the first, and cancel it.
            // Without the fix, the second was not woken up.
            let tc = create_task(lock.acquire())?;
            tb.cancel(None);
            lock.release()?;
            sleep0().await?;

            assert!(lock.locked());
            assert!(tb.cancelled());

            tc.await?;
            Ok(())
        });
    }

    #[test]
    fn test_release_not_acquired() {
        let lock = Lock::new();
        let err = lock.release().unwrap_err();
        assert_eq!(err.to_string(), "RuntimeError: Lock is not acquired.");
    }

    #[test]
    fn test_release_no_waiters() {
        run_test(async {
            let lock = Lock::new();
            lock.acquire().await?;
            assert!(lock.locked());
            lock.release()?;
            assert!(!lock.locked());
            Ok(())
        });
    }

    #[test]
    fn test_context_manager() {
        run_test(async {
            let lock = Lock::new();
            assert!(!lock.locked());
            {
                let _held = lock.acquire_guard().await?;
                assert!(lock.locked());
            }
            assert!(!lock.locked());
            Ok(())
        });
    }
}

mod event_tests {
    use super::*;

    #[test]
    fn test_repr() {
        run_test(async {
            let ev = Event::new();
            assert!(ev.repr().ends_with("[unset]>"), "{}", ev.repr());
            ev.set();
            assert!(ev.repr().ends_with("[set]>"), "{}", ev.repr());
            // Python appends a mock; a real future does the same here.
            let _entry = ev.waiters().append(get_running_loop()?.create_future());
            assert!(ev.repr().contains("waiters:1"), "{}", ev.repr());
            Ok(())
        });
    }

    #[test]
    fn test_wait() {
        run_test(async {
            let ev = Event::new();
            assert!(!ev.is_set());
            let result = log();
            let c = |n: i32| {
                let ev = ev.clone();
                let result = result.clone();
                async move {
                    if ev.wait().await? {
                        result.borrow_mut().push(n);
                    }
                    Ok(())
                }
            };
            let t1 = create_task(c(1))?;
            let t2 = create_task(c(2))?;
            sleep0().await?;
            assert_eq!(*result.borrow(), Vec::<i32>::new());

            let t3 = create_task(c(3))?;
            ev.set();
            sleep0().await?;
            assert_eq!(*result.borrow(), [3, 1, 2]);

            for t in [&t1, &t2, &t3] {
                assert!(t.done());
                t.result()?;
            }
            Ok(())
        });
    }

    #[test]
    fn test_wait_on_set() {
        run_test(async {
            let ev = Event::new();
            ev.set();
            assert!(ev.wait().await?);
            Ok(())
        });
    }

    #[test]
    fn test_wait_cancel() {
        run_test(async {
            let ev = Event::new();
            let wait = create_task(ev.wait())?;
            let to_cancel = wait.clone();
            get_running_loop()?.call_soon(move || {
                to_cancel.cancel(None);
            })?;
            assert_raises(wait.await, types::CANCELLED_ERROR);
            assert_eq!(ev.n_waiters(), 0);
            Ok(())
        });
    }

    #[test]
    fn test_clear() {
        let ev = Event::new();
        assert!(!ev.is_set());
        ev.set();
        assert!(ev.is_set());
        ev.clear();
        assert!(!ev.is_set());
    }

    #[test]
    fn test_clear_with_waiters() {
        run_test(async {
            let ev = Event::new();
            let result = log();
            let t = {
                let ev = ev.clone();
                let result = result.clone();
                create_task(async move {
                    if ev.wait().await? {
                        result.borrow_mut().push(1);
                    }
                    Ok(true)
                })?
            };
            sleep0().await?;
            assert_eq!(*result.borrow(), Vec::<i32>::new());

            ev.set();
            ev.clear();
            assert!(!ev.is_set());

            ev.set();
            ev.set();
            assert_eq!(ev.n_waiters(), 1);

            sleep0().await?;
            assert_eq!(*result.borrow(), [1]);
            assert_eq!(ev.n_waiters(), 0);

            assert!(t.done());
            assert!(t.result()?);
            Ok(())
        });
    }
}

mod condition_tests {
    use super::*;

    /// `c1`, `c2`, `c3` of the Python tests: acquire, wait, record `n`, and
    /// release afterwards when `release` is set.
    fn waiter(
        cond: &Condition,
        result: &Log<i32>,
        n: i32,
        release: bool,
    ) -> impl StdFuture<Output = PyResult<bool>> + 'static {
        let cond = cond.clone();
        let result = result.clone();
        async move {
            cond.acquire().await?;
            if cond.wait().await? {
                result.borrow_mut().push(n);
                if release {
                    cond.release()?;
                }
            }
            Ok(true)
        }
    }

    #[test]
    fn test_wait() {
        run_test(async {
            let cond = Condition::new();
            let result = log();
            let t1 = create_task(waiter(&cond, &result, 1, false))?;
            let t2 = create_task(waiter(&cond, &result, 2, false))?;
            let t3 = create_task(waiter(&cond, &result, 3, false))?;

            sleep0().await?;
            assert_eq!(*result.borrow(), Vec::<i32>::new());
            assert!(!cond.locked());

            assert!(cond.acquire().await?);
            cond.notify(1)?;
            sleep0().await?;
            assert_eq!(*result.borrow(), Vec::<i32>::new());
            assert!(cond.locked());

            cond.release()?;
            sleep0().await?;
            assert_eq!(*result.borrow(), [1]);
            assert!(cond.locked());

            cond.notify(2)?;
            sleep0().await?;
            assert_eq!(*result.borrow(), [1]);
            assert!(cond.locked());

            cond.release()?;
            sleep0().await?;
            assert_eq!(*result.borrow(), [1, 2]);
            assert!(cond.locked());

            cond.release()?;
            sleep0().await?;
            assert_eq!(*result.borrow(), [1, 2, 3]);
            assert!(cond.locked());

            for t in [&t1, &t2, &t3] {
                assert!(t.done());
                assert!(t.result()?);
            }
            Ok(())
        });
    }

    #[test]
    fn test_wait_cancel() {
        run_test(async {
            let cond = Condition::new();
            cond.acquire().await?;
            let wait = create_task(cond.wait())?;
            let to_cancel = wait.clone();
            get_running_loop()?.call_soon(move || {
                to_cancel.cancel(None);
            })?;
            assert_raises(wait.await, types::CANCELLED_ERROR);
            assert_eq!(cond.n_waiters(), 0);
            assert!(cond.locked());
            Ok(())
        });
    }

    #[test]
    fn test_wait_cancel_contested() {
        run_test(async {
            let event_loop = get_running_loop()?;
            let cond = Condition::new();
            cond.acquire().await?;
            assert!(cond.locked());

            let wait_task = create_task(cond.wait())?;
            sleep0().await?;
            assert!(!cond.locked());

            // Notify, but contest the lock before cancelling.
            cond.acquire().await?;
            assert!(cond.locked());
            cond.notify(1)?;
            let to_cancel = wait_task.clone();
            event_loop.call_soon(move || {
                to_cancel.cancel(None);
            })?;
            let to_release = cond.clone();
            event_loop.call_soon(move || to_release.release().unwrap_or_default())?;

            match wait_task.await {
                // Should not happen, since no cancellation points.
                Err(exc) if exc.is_cancelled() => {}
                other => {
                    other?;
                }
            }
            assert!(cond.locked());
            Ok(())
        });
    }

    #[test]
    fn test_wait_cancel_after_notify() {
        // bpo-32841
        run_test(async {
            let waited = Rc::new(Cell::new(false));
            let cond = Condition::new();
            let waiter = {
                let cond = cond.clone();
                let waited = waited.clone();
                create_task(async move {
                    let _held = cond.acquire_guard().await?;
                    waited.set(true); // Make sure this area was reached.
                    cond.wait().await?;
                    Ok(())
                })?
            };
            sleep0().await?; // Start waiting.

            cond.acquire().await?;
            cond.notify(1)?;
            sleep0().await?; // Get to acquire().
            waiter.cancel(None);
            sleep0().await?; // Activate cancellation.
            cond.release()?;
            sleep0().await?; // Cancellation should occur.

            assert!(waiter.cancelled());
            assert!(waited.get());
            Ok(())
        });
    }

    #[test]
    fn test_wait_unacquired() {
        run_test(async {
            let cond = Condition::new();
            let err = cond.wait().await.unwrap_err();
            assert_eq!(err.to_string(), "RuntimeError: cannot wait on un-acquired lock");
            Ok(())
        });
    }

    #[test]
    fn test_wait_for() {
        run_test(async {
            let cond = Condition::new();
            let presult = Rc::new(Cell::new(false));
            let result = log();
            let t = {
                let cond = cond.clone();
                let result = result.clone();
                let presult = presult.clone();
                create_task(async move {
                    cond.acquire().await?;
                    if cond.wait_for(move || presult.get()).await? {
                        result.borrow_mut().push(1);
                        cond.release()?;
                    }
                    Ok(true)
                })?
            };
            sleep0().await?;
            assert_eq!(*result.borrow(), Vec::<i32>::new());

            cond.acquire().await?;
            cond.notify(1)?;
            cond.release()?;
            sleep0().await?;
            assert_eq!(*result.borrow(), Vec::<i32>::new());

            presult.set(true);
            cond.acquire().await?;
            cond.notify(1)?;
            cond.release()?;
            sleep0().await?;
            assert_eq!(*result.borrow(), [1]);

            assert!(t.done());
            assert!(t.result()?);
            Ok(())
        });
    }

    #[test]
    fn test_wait_for_unacquired() {
        run_test(async {
            let cond = Condition::new();
            // The predicate can return true immediately.
            assert!(cond.wait_for(|| true).await?);
            assert_raises(cond.wait_for(|| false).await, types::RUNTIME_ERROR);
            Ok(())
        });
    }

    #[test]
    fn test_notify() {
        run_test(async {
            let cond = Condition::new();
            let result = log();
            let t1 = create_task(waiter(&cond, &result, 1, true))?;
            let t2 = create_task(waiter(&cond, &result, 2, true))?;
            let t3 = create_task(waiter(&cond, &result, 3, true))?;

            sleep0().await?;
            assert_eq!(*result.borrow(), Vec::<i32>::new());

            cond.acquire().await?;
            cond.notify(1)?;
            cond.release()?;
            sleep0().await?;
            assert_eq!(*result.borrow(), [1]);

            cond.acquire().await?;
            cond.notify(1)?;
            cond.notify(2048)?;
            cond.release()?;
            sleep0().await?;
            assert_eq!(*result.borrow(), [1, 2, 3]);

            for t in [&t1, &t2, &t3] {
                assert!(t.done());
                assert!(t.result()?);
            }
            Ok(())
        });
    }

    #[test]
    fn test_notify_all() {
        run_test(async {
            let cond = Condition::new();
            let result = log();
            let t1 = create_task(waiter(&cond, &result, 1, true))?;
            let t2 = create_task(waiter(&cond, &result, 2, true))?;

            sleep0().await?;
            assert_eq!(*result.borrow(), Vec::<i32>::new());

            cond.acquire().await?;
            cond.notify_all()?;
            cond.release()?;
            sleep0().await?;
            assert_eq!(*result.borrow(), [1, 2]);

            for t in [&t1, &t2] {
                assert!(t.done());
                assert!(t.result()?);
            }
            Ok(())
        });
    }

    #[test]
    fn test_notify_unacquired() {
        let cond = Condition::new();
        let err = cond.notify(1).unwrap_err();
        assert_eq!(err.to_string(), "RuntimeError: cannot notify on un-acquired lock");
    }

    #[test]
    fn test_notify_all_unacquired() {
        let cond = Condition::new();
        assert_raises(cond.notify_all(), types::RUNTIME_ERROR);
    }

    #[test]
    fn test_repr() {
        run_test(async {
            let cond = Condition::new();
            assert!(cond.repr().contains("unlocked"), "{}", cond.repr());

            cond.acquire().await?;
            assert!(cond.repr().contains("[locked]"), "{}", cond.repr());

            let event_loop = get_running_loop()?;
            let _first = cond.waiters().append(event_loop.create_future());
            assert!(cond.repr().contains("waiters:1"), "{}", cond.repr());
            let _second = cond.waiters().append(event_loop.create_future());
            assert!(cond.repr().contains("waiters:2"), "{}", cond.repr());
            Ok(())
        });
    }

    #[test]
    fn test_context_manager() {
        run_test(async {
            let cond = Condition::new();
            assert!(!cond.locked());
            {
                let _held = cond.acquire_guard().await?;
                assert!(cond.locked());
            }
            assert!(!cond.locked());
            Ok(())
        });
    }

    #[test]
    fn test_explicit_lock() {
        async fn f(lock: Option<Lock>, cond: Option<Condition>) -> PyResult<()> {
            let lock = lock.unwrap_or_default();
            let cond = cond.unwrap_or_else(|| Condition::with_lock(lock.clone()));
            assert!(cond.lock().ptr_eq(&lock));
            assert!(!lock.locked());
            assert!(!cond.locked());
            {
                let _held = cond.acquire_guard().await?;
                assert!(lock.locked());
                assert!(cond.locked());
            }
            assert!(!lock.locked());
            assert!(!cond.locked());
            {
                let _held = lock.acquire_guard().await?;
                assert!(lock.locked());
                assert!(cond.locked());
            }
            assert!(!lock.locked());
            assert!(!cond.locked());
            Ok(())
        }
        run_test(async {
            // All should work in the same way.
            f(None, None).await?;
            f(Some(Lock::new()), None).await?;
            let lock = Lock::new();
            f(Some(lock.clone()), Some(Condition::with_lock(lock))).await?;
            Ok(())
        });
    }

    #[test]
    fn test_ambiguous_loops() {
        // Python sets the private `_loop`; here the primitives are bound by
        // really waiting on them in another loop first.
        let other = EventLoop::new();
        let lock = Lock::new();
        let cond_lock = Lock::new();
        let cond = Condition::with_lock(cond_lock.clone());
        {
            let (lock, cond) = (lock.clone(), cond.clone());
            run(&other, async move {
                // Bind `lock`: a contended acquire creates a waiter future.
                lock.acquire().await?;
                let contender = create_task(lock.acquire())?;
                sleep0().await?;
                lock.release()?;
                contender.await?;
                lock.release()?;
                // Bind `cond` only (its lock is never contended).
                let waiter = {
                    let cond = cond.clone();
                    create_task(async move {
                        let _held = cond.acquire_guard().await?;
                        cond.wait().await
                    })?
                };
                sleep0().await?;
                {
                    let _held = cond.acquire_guard().await?;
                    cond.notify(1)?;
                }
                waiter.await?;
                Ok(())
            })
            .unwrap();
        }

        run_test(async move {
            // wrong_loop_in_lock
            {
                // Acquired immediately via the fast path, without the loop.
                let _held = lock.acquire_guard().await?;
                let cond = Condition::with_lock(lock.clone());
                // cond.acquire() waits on the lock and finds the mismatch.
                let err = cond.acquire().await.unwrap_err();
                assert!(err.is(types::RUNTIME_ERROR));
                assert!(err.message().ends_with("is bound to a different event loop"), "{err}");
            }
            // wrong_loop_in_cond
            {
                let _held = cond_lock.acquire_guard().await?;
                let err = cond.wait().await.unwrap_err();
                assert!(err.is(types::RUNTIME_ERROR));
                assert!(err.message().ends_with("is bound to a different event loop"), "{err}");
                assert!(cond_lock.locked(), "wait() re-acquires in its finally");
            }
            assert!(!cond_lock.locked());
            Ok(())
        });
    }

    #[test]
    fn test_timeout_in_block() {
        run_test(async {
            let condition = Condition::new();
            let _held = condition.acquire_guard().await?;
            assert_raises(wait_for(Awaitable::coro(condition.wait()), Some(0.5)).await, types::TIMEOUT_ERROR);
            assert!(condition.locked());
            Ok(())
        });
    }
}

mod semaphore_tests {
    use super::*;

    #[test]
    fn test_initial_value_zero() {
        let sem = Semaphore::new(0).unwrap();
        assert!(sem.locked());
    }

    #[test]
    fn test_repr() {
        run_test(async {
            let sem = Semaphore::new(1)?;
            assert!(sem.repr().ends_with("[unlocked, value:1]>"), "{}", sem.repr());

            sem.acquire().await?;
            assert!(sem.repr().ends_with("[locked]>"), "{}", sem.repr());
            assert!(!sem.repr().contains("waiters"));

            let event_loop = get_running_loop()?;
            let _first = sem.waiters().append(event_loop.create_future());
            assert!(sem.repr().contains("waiters:1"), "{}", sem.repr());
            let _second = sem.waiters().append(event_loop.create_future());
            assert!(sem.repr().contains("waiters:2"), "{}", sem.repr());
            Ok(())
        });
    }

    #[test]
    fn test_semaphore() {
        let sem = Semaphore::new(1).unwrap();
        assert_eq!(sem.value(), 1);
        assert!(!sem.locked());
    }

    #[test]
    fn test_semaphore_value() {
        let err = Semaphore::new(-1).unwrap_err();
        assert_eq!(err.to_string(), "ValueError: Semaphore initial value must be >= 0");
    }

    #[test]
    fn test_acquire() {
        run_test(async {
            let sem = Semaphore::new(3)?;
            let result = log();

            assert!(sem.acquire().await?);
            assert!(sem.acquire().await?);
            assert!(!sem.locked());

            let c = |n: i32| {
                let sem = sem.clone();
                let result = result.clone();
                async move {
                    sem.acquire().await?;
                    result.borrow_mut().push(n);
                    Ok(true)
                }
            };
            let t1 = create_task(c(1))?;
            let t2 = create_task(c(2))?;
            let t3 = create_task(c(3))?;

            sleep0().await?;
            assert_eq!(*result.borrow(), [1]);
            assert!(sem.locked());
            assert_eq!(sem.n_waiters(), 2);
            assert_eq!(sem.value(), 0);

            let t4 = create_task(c(4))?;

            sem.release();
            sem.release();
            assert_eq!(sem.value(), 0);

            sleep0().await?;
            assert_eq!(sem.value(), 0);
            assert_eq!(result.borrow().len(), 3);
            assert!(sem.locked());
            assert_eq!(sem.n_waiters(), 1);
            assert_eq!(sem.value(), 0);

            assert!(t1.done());
            assert!(t1.result()?);
            let race_tasks = [t2, t3, t4];
            let done_tasks = race_tasks.iter().filter(|t| t.done() && t.result().unwrap_or(false)).count();
            assert_eq!(done_tasks, 2);

            // Clean up the locked semaphore.
            sem.release();
            let futures: Vec<Future<bool>> = race_tasks.iter().map(|t| t.future().clone()).collect();
            gather(&futures)?.await?;
            Ok(())
        });
    }

    #[test]
    fn test_acquire_cancel() {
        run_test(async {
            let sem = Semaphore::new(1)?;
            sem.acquire().await?;
            let acquire = create_task(sem.acquire())?;
            let to_cancel = acquire.clone();
            get_running_loop()?.call_soon(move || {
                to_cancel.cancel(None);
            })?;
            assert_raises(acquire.await, types::CANCELLED_ERROR);
            assert!(sem.waiters().to_vec().iter().all(|w| w.future().done()));
            Ok(())
        });
    }

    #[test]
    fn test_acquire_cancel_before_awoken() {
        run_test(async {
            let sem = Semaphore::new(0)?;
            let t1 = create_task(sem.acquire())?;
            let t2 = create_task(sem.acquire())?;
            let t3 = create_task(sem.acquire())?;
            let t4 = create_task(sem.acquire())?;

            sleep0().await?;

            t1.cancel(None);
            t2.cancel(None);
            sem.release();

            sleep0().await?;
            sleep0().await?;
            let num_done = [&t3, &t4].iter().filter(|t| t.done()).count();
            assert_eq!(num_done, 1);
            assert!(t3.done());
            assert!(!t4.done());

            t3.cancel(None);
            t4.cancel(None);
            sleep0().await?;
            Ok(())
        });
    }

    #[test]
    fn test_acquire_hang() {
        run_test(async {
            let sem = Semaphore::new(0)?;
            let t1 = create_task(sem.acquire())?;
            let t2 = create_task(sem.acquire())?;
            sleep0().await?;

            t1.cancel(None);
            sem.release();
            sleep0().await?;
            sleep0().await?;
            assert!(sem.locked());
            assert!(t2.done());
            Ok(())
        });
    }

    #[test]
    fn test_acquire_no_hang() {
        run_test(async {
            let sem = Semaphore::new(1)?;
            let t2_slot: Rc<RefCell<Option<Task<()>>>> = Rc::new(RefCell::new(None));
            let t1 = {
                let sem = sem.clone();
                let t2_slot = t2_slot.clone();
                create_task(async move {
                    {
                        let _held = sem.acquire_guard().await?;
                        sleep0().await?;
                    }
                    if let Some(t2) = &*t2_slot.borrow() {
                        t2.cancel(None);
                    }
                    Ok(())
                })?
            };
            let t2 = {
                let sem = sem.clone();
                create_task(async move {
                    let _held = sem.acquire_guard().await?;
                    panic!("c2 must never hold the semaphore");
                })?
            };
            *t2_slot.borrow_mut() = Some(t2.clone());

            let outcomes = gather_outcomes(&[t1.future().clone(), t2.future().clone()])?.await?;
            assert!(outcomes[0].is_ok());
            assert!(outcomes[1].as_ref().is_err_and(Exception::is_cancelled));

            wait_for(Awaitable::coro(sem.acquire()), Some(1.0)).await?;
            Ok(())
        });
    }

    #[test]
    fn test_release_not_acquired() {
        let sem = BoundedSemaphore::new(1).unwrap();
        let err = sem.release().unwrap_err();
        assert_eq!(err.to_string(), "ValueError: BoundedSemaphore released too many times");
    }

    #[test]
    fn test_release_no_waiters() {
        run_test(async {
            let sem = Semaphore::new(1)?;
            sem.acquire().await?;
            assert!(sem.locked());
            sem.release();
            assert!(!sem.locked());
            Ok(())
        });
    }

    #[test]
    fn test_acquire_fifo_order() {
        run_test(async {
            let sem = Semaphore::new(1)?;
            let result: Log<String> = log();
            let coro = |tag: &'static str| {
                let sem = sem.clone();
                let result = result.clone();
                async move {
                    sem.acquire().await?;
                    result.borrow_mut().push(format!("{tag}_1"));
                    sleep(0.01).await?;
                    sem.release();

                    sem.acquire().await?;
                    result.borrow_mut().push(format!("{tag}_2"));
                    sleep(0.01).await?;
                    sem.release();
                    Ok(())
                }
            };
            TaskGroup::run(|tg| async move {
                tg.create_task(coro("c1"))?;
                tg.create_task(coro("c2"))?;
                tg.create_task(coro("c3"))?;
                Ok(())
            })
            .await?;
            assert_eq!(*result.borrow(), ["c1_1", "c2_1", "c3_1", "c1_2", "c2_2", "c3_2"]);
            Ok(())
        });
    }

    #[test]
    fn test_acquire_fifo_order_2() {
        run_test(async {
            let sem = Semaphore::new(1)?;
            let result = log();
            let t1 = {
                let (sem, result) = (sem.clone(), result.clone());
                create_task(async move {
                    sem.acquire().await?;
                    result.borrow_mut().push(1);
                    Ok(true)
                })?
            };
            let t2 = {
                let (sem, result) = (sem.clone(), result.clone());
                create_task(async move {
                    sem.acquire().await?;
                    result.borrow_mut().push(2);
                    sem.release();
                    sem.acquire().await?;
                    result.borrow_mut().push(4);
                    Ok(true)
                })?
            };
            let t3 = {
                let (sem, result) = (sem.clone(), result.clone());
                create_task(async move {
                    sem.acquire().await?;
                    result.borrow_mut().push(3);
                    Ok(true)
                })?
            };

            sleep0().await?;
            sem.release();
            sem.release();

            let futures: Vec<Future<bool>> = [t1, t2, t3].iter().map(|t| t.future().clone()).collect();
            gather(&futures)?.await?;
            assert_eq!(*result.borrow(), [1, 2, 3, 4]);
            Ok(())
        });
    }

    #[test]
    fn test_acquire_fifo_order_3() {
        run_test(async {
            let sem = Semaphore::new(0)?;
            let result = log();
            let c = |n: i32| {
                let (sem, result) = (sem.clone(), result.clone());
                async move {
                    sem.acquire().await?;
                    result.borrow_mut().push(n);
                    Ok(true)
                }
            };
            let t1 = create_task(c(1))?;
            let t2 = create_task(c(2))?;
            let t3 = create_task(c(3))?;

            sleep0().await?;
            t1.cancel(None);
            sleep0().await?;

            sem.release();
            sem.release();

            let futures: Vec<Future<bool>> = [t1, t2, t3].iter().map(|t| t.future().clone()).collect();
            gather_outcomes(&futures)?.await?;
            assert_eq!(*result.borrow(), [2, 3]);
            Ok(())
        });
    }
}

mod barrier_tests {
    use super::*;

    const N: usize = 5;

    fn is_broken<T>(result: &PyResult<T>) -> bool {
        result.as_ref().is_err_and(|e| e.is(types::BROKEN_BARRIER_ERROR))
    }

    fn make_tasks<T, F>(n: usize, coro: impl Fn() -> F) -> PyResult<Vec<Task<T>>>
    where
        T: Clone + 'static,
        F: StdFuture<Output = PyResult<T>> + 'static,
    {
        (0..n).map(|_| create_task(coro())).collect()
    }

    async fn gather_tasks<T, F>(n: usize, coro: impl Fn() -> F) -> PyResult<(Vec<T>, Vec<Task<T>>)>
    where
        T: Clone + 'static,
        F: StdFuture<Output = PyResult<T>> + 'static,
    {
        let tasks = make_tasks(n, coro)?;
        let futures: Vec<Future<T>> = tasks.iter().map(|t| t.future().clone()).collect();
        let res = gather(&futures)?.await?;
        Ok((res, tasks))
    }

    async fn gather_all<T: Clone + 'static>(tasks: &[Task<T>]) -> PyResult<Vec<T>> {
        let futures: Vec<Future<T>> = tasks.iter().map(|t| t.future().clone()).collect();
        gather(&futures)?.await
    }

    #[test]
    fn test_barrier() {
        let barrier = Barrier::new(N as i64).unwrap();
        assert!(barrier.repr().contains("filling"));
    }

    #[test]
    fn test_repr() {
        run_test(async {
            let barrier = Barrier::new(N as i64)?;
            assert!(barrier.repr().contains("filling"));

            let mut waiters = Vec::new();
            let incr = 2;
            for _ in 0..incr {
                waiters.push(create_task(barrier.wait())?);
            }
            sleep0().await?;
            assert!(barrier.repr().contains(&format!("waiters:{incr}/{N}")), "{}", barrier.repr());
            assert!(barrier.repr().contains("filling"));

            // Create the missing waiters.
            for _ in 0..barrier.parties() - barrier.n_waiting() {
                waiters.push(create_task(barrier.wait())?);
            }
            sleep0().await?;
            assert!(barrier.repr().contains("draining"), "{}", barrier.repr());

            // Add a part of waiters, and reset.
            for _ in 0..incr {
                waiters.push(create_task(barrier.wait())?);
            }
            sleep0().await?;
            barrier.reset().await?;
            assert!(barrier.repr().contains("resetting"), "{}", barrier.repr());

            // Add a part of waiters again, and abort.
            for _ in 0..incr {
                waiters.push(create_task(barrier.wait())?);
            }
            sleep0().await?;
            barrier.abort().await?;
            assert!(barrier.repr().contains("broken"), "{}", barrier.repr());
            assert!(barrier.broken());

            // Suppress unhandled exceptions.
            let futures: Vec<Future<usize>> = waiters.iter().map(|t| t.future().clone()).collect();
            gather_outcomes(&futures)?.await?;
            Ok(())
        });
    }

    #[test]
    fn test_barrier_parties() {
        assert_raises(Barrier::new(0), types::VALUE_ERROR);
        assert_raises(Barrier::new(-4), types::VALUE_ERROR);
        assert_eq!(Barrier::new(0).unwrap_err().to_string(), "ValueError: parties must be > 0");
        assert!(Barrier::new(N as i64).is_ok());
    }

    #[test]
    fn test_context_manager() {
        run_test(async {
            let n = 3;
            let barrier = Barrier::new(n as i64)?;
            let results = log();
            let coro = || {
                let (barrier, results) = (barrier.clone(), results.clone());
                async move {
                    // async with barrier as i:
                    let i = barrier.wait().await?;
                    results.borrow_mut().push(i);
                    Ok(())
                }
            };
            gather_tasks(n, coro).await?;
            let mut sorted = results.borrow().clone();
            sorted.sort();
            assert_eq!(sorted, (0..n).collect::<Vec<_>>());
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_filling_one_task() {
        run_test(async {
            let barrier = Barrier::new(1)?;
            let f = async {
                let _i = barrier.wait().await?;
                Ok::<_, Exception>(true)
            };
            assert!(f.await?);
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_filling_one_task_twice() {
        run_test(async {
            let barrier = Barrier::new(1)?;
            let t1 = create_task(barrier.wait())?;
            sleep0().await?;
            assert_eq!(barrier.n_waiting(), 0);

            let t2 = create_task(barrier.wait())?;
            sleep0().await?;

            assert_eq!(t1.result()?, t2.result()?);
            assert_eq!(t1.done(), t2.done());
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_filling_task_by_task() {
        run_test(async {
            let barrier = Barrier::new(3)?;
            let t1 = create_task(barrier.wait())?;
            sleep0().await?;
            assert_eq!(barrier.n_waiting(), 1);
            assert!(barrier.repr().contains("filling"));

            let t2 = create_task(barrier.wait())?;
            sleep0().await?;
            assert_eq!(barrier.n_waiting(), 2);
            assert!(barrier.repr().contains("filling"));

            let t3 = create_task(barrier.wait())?;
            sleep0().await?;

            wait(
                &[t1.future().clone(), t2.future().clone(), t3.future().clone()],
                None,
                ReturnWhen::AllCompleted,
            )
            .await?;
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_filling_tasks_wait_twice() {
        run_test(async {
            let barrier = Barrier::new(N as i64)?;
            let results = log();
            let coro = || {
                let (barrier, results) = (barrier.clone(), results.clone());
                async move {
                    barrier.wait().await?;
                    results.borrow_mut().push(true);
                    barrier.wait().await?;
                    results.borrow_mut().push(false);
                    Ok(())
                }
            };
            gather_tasks(N, coro).await?;
            let results = results.borrow();
            assert_eq!(results.len(), N * 2);
            assert_eq!(results.iter().filter(|r| **r).count(), N);
            assert_eq!(results.iter().filter(|r| !**r).count(), N);
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_filling_tasks_check_return_value() {
        run_test(async {
            let barrier = Barrier::new(N as i64)?;
            let results1 = log();
            let results2 = log();
            let coro = || {
                let (barrier, results1, results2) = (barrier.clone(), results1.clone(), results2.clone());
                async move {
                    barrier.wait().await?;
                    results1.borrow_mut().push(true);
                    let i = barrier.wait().await?;
                    results2.borrow_mut().push(true);
                    Ok(i)
                }
            };
            let (mut res, _) = gather_tasks(N, coro).await?;
            assert_eq!(results1.borrow().len(), N);
            assert!(results1.borrow().iter().all(|r| *r));
            assert_eq!(results2.borrow().len(), N);
            assert!(results2.borrow().iter().all(|r| *r));
            res.sort();
            assert_eq!(res, (0..N).collect::<Vec<_>>());
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_draining_state() {
        run_test(async {
            let barrier = Barrier::new(N as i64)?;
            let results = log();
            let coro = || {
                let (barrier, results) = (barrier.clone(), results.clone());
                async move {
                    barrier.wait().await?;
                    // The barrier goes back to filling as the last task leaves.
                    results.borrow_mut().push(barrier.repr().contains("draining"));
                    Ok(())
                }
            };
            gather_tasks(N, coro).await?;
            let results = results.borrow();
            assert_eq!(results.len(), N);
            assert!(!results[N - 1]);
            assert!(results[..N - 1].iter().all(|r| *r));
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_blocking_tasks_while_draining() {
        run_test(async {
            let rewait = 2;
            let barrier = Barrier::new(N as i64)?;
            let barrier_nowaiting = Barrier::new((N - rewait) as i64)?;
            let rewait_n = Rc::new(Cell::new(rewait));
            let coro = || {
                let (barrier, barrier_nowaiting, rewait_n) =
                    (barrier.clone(), barrier_nowaiting.clone(), rewait_n.clone());
                async move {
                    // First time waiting.
                    barrier.wait().await?;
                    // After waiting once for all tasks.
                    if rewait_n.get() > 0 {
                        rewait_n.set(rewait_n.get() - 1);
                        // Wait again only for the rewait tasks.
                        barrier.wait().await?;
                    } else {
                        // Wait for the end of the draining state.
                        barrier_nowaiting.wait().await?;
                        // Wait for the other waiting tasks.
                        barrier.wait().await?;
                    }
                    Ok(())
                }
            };
            // Success means that barrier_nowaiting was waited for exactly
            // N - rewait = 3 times.
            gather_tasks(N, coro).await?;
            Ok(())
        });
    }

    #[test]
    fn test_filling_tasks_cancel_one() {
        run_test(async {
            let n = 3;
            let barrier = Barrier::new(n as i64)?;
            let results = log();
            let coro = || {
                let (barrier, results) = (barrier.clone(), results.clone());
                async move {
                    barrier.wait().await?;
                    results.borrow_mut().push(true);
                    Ok(())
                }
            };

            let t1 = create_task(coro())?;
            sleep0().await?;
            assert_eq!(barrier.n_waiting(), 1);

            let t2 = create_task(coro())?;
            sleep0().await?;
            assert_eq!(barrier.n_waiting(), 2);

            t1.cancel(None);
            sleep0().await?;
            assert_eq!(barrier.n_waiting(), 1);
            assert_raises(t1.clone().await, types::CANCELLED_ERROR);
            assert!(t1.cancelled());

            let t3 = create_task(coro())?;
            sleep0().await?;
            assert_eq!(barrier.n_waiting(), 2);

            let t4 = create_task(coro())?;
            gather_all(&[t2, t3, t4]).await?;

            assert_eq!(results.borrow().len(), n);
            assert!(results.borrow().iter().all(|r| *r));
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_reset_barrier() {
        run_test(async {
            let barrier = Barrier::new(1)?;
            create_task(barrier.reset())?;
            sleep0().await?;
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_reset_barrier_while_tasks_waiting() {
        run_test(async {
            let barrier = Barrier::new(N as i64)?;
            let results = log();
            let coro = || {
                let (barrier, results) = (barrier.clone(), results.clone());
                async move {
                    match barrier.wait().await {
                        Err(exc) if exc.is(types::BROKEN_BARRIER_ERROR) => results.borrow_mut().push(true),
                        other => {
                            other?;
                        }
                    }
                    Ok(())
                }
            };
            // N-1 tasks waiting on a barrier with N parties.
            let tasks = make_tasks(N - 1, coro)?;
            sleep0().await?;

            // Reset the barrier.
            create_task(barrier.reset())?;
            gather_all(&tasks).await?;

            assert_eq!(results.borrow().len(), N - 1);
            assert!(results.borrow().iter().all(|r| *r));
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.repr().contains("resetting"));
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_reset_barrier_when_tasks_half_draining() {
        run_test(async {
            let barrier = Barrier::new(N as i64)?;
            let results1 = log();
            let rest_of_tasks = N / 2;
            let coro = || {
                let (barrier, results1) = (barrier.clone(), results1.clone());
                async move {
                    match barrier.wait().await {
                        // Catch the waiting tasks here.
                        Err(exc) if exc.is(types::BROKEN_BARRIER_ERROR) => results1.borrow_mut().push(true),
                        Err(exc) => return Err(exc),
                        // A drained task outside the barrier.
                        Ok(_) => {
                            if rest_of_tasks == barrier.count() {
                                // Tasks outside the barrier.
                                barrier.reset().await?;
                            }
                        }
                    }
                    Ok(())
                }
            };
            gather_tasks(N, coro).await?;

            assert_eq!(*results1.borrow(), vec![true; rest_of_tasks]);
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.repr().contains("resetting"));
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_reset_barrier_when_tasks_half_draining_half_blocking() {
        run_test(async {
            let barrier = Barrier::new(N as i64)?;
            let results1 = log();
            let results2: Log<bool> = log();
            let blocking_tasks = N / 2;
            let count = Rc::new(Cell::new(0));
            let coro = || {
                let (barrier, results1, results2, count) =
                    (barrier.clone(), results1.clone(), results2.clone(), count.clone());
                async move {
                    match barrier.wait().await {
                        Err(exc) if exc.is(types::BROKEN_BARRIER_ERROR) => {
                            // Catch the still waiting tasks here.
                            results1.borrow_mut().push(true);
                            // Now wait again to reach the parties.
                            barrier.wait().await?;
                        }
                        Err(exc) => return Err(exc),
                        Ok(_) => {
                            count.set(count.get() + 1);
                            if count.get() > blocking_tasks {
                                // Reset now: BrokenBarrierError for waiting tasks.
                                barrier.reset().await?;
                                // Now wait again to reach the parties.
                                barrier.wait().await?;
                            } else {
                                match barrier.wait().await {
                                    // No catch here: blocked tasks go on waiting.
                                    Err(exc) if exc.is(types::BROKEN_BARRIER_ERROR) => {
                                        results2.borrow_mut().push(true)
                                    }
                                    other => {
                                        other?;
                                    }
                                }
                            }
                        }
                    }
                    Ok(())
                }
            };
            gather_tasks(N, coro).await?;

            assert_eq!(*results1.borrow(), vec![true; blocking_tasks]);
            assert!(results2.borrow().is_empty());
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.repr().contains("resetting"));
            assert!(!barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_reset_barrier_while_tasks_waiting_and_waiting_again() {
        run_test(async {
            let barrier = Barrier::new(N as i64)?;
            let results1 = log();
            let results2 = log();
            let coro1 = || {
                let (barrier, results1, results2) = (barrier.clone(), results1.clone(), results2.clone());
                async move {
                    let first = barrier.wait().await;
                    if is_broken(&first) {
                        results1.borrow_mut().push(true);
                    }
                    // finally:
                    barrier.wait().await?;
                    results2.borrow_mut().push(true);
                    if !is_broken(&first) {
                        first?;
                    }
                    Ok(())
                }
            };
            let coro2 = {
                let (barrier, results2) = (barrier.clone(), results2.clone());
                async move {
                    barrier.wait().await?;
                    results2.borrow_mut().push(true);
                    Ok(())
                }
            };

            let tasks = make_tasks(N - 1, coro1)?;

            // Reset the barrier: the N-1 waiting tasks get BrokenBarrierError.
            create_task(barrier.reset())?;
            sleep0().await?;

            // Complete the waiting tasks in their `finally`.
            create_task(coro2)?;

            gather_all(&tasks).await?;

            assert!(!barrier.broken());
            assert_eq!(results1.borrow().len(), N - 1);
            assert!(results1.borrow().iter().all(|r| *r));
            assert_eq!(results2.borrow().len(), N);
            assert!(results2.borrow().iter().all(|r| *r));
            assert_eq!(barrier.n_waiting(), 0);
            Ok(())
        });
    }

    #[test]
    fn test_reset_barrier_while_tasks_draining() {
        run_test(async {
            let barrier = Barrier::new(N as i64)?;
            let results1 = log();
            let results2: Log<bool> = log();
            let results3 = log();
            let count = Rc::new(Cell::new(0));
            let coro = || {
                let (barrier, results1, results2, results3, count) =
                    (barrier.clone(), results1.clone(), results2.clone(), results3.clone(), count.clone());
                async move {
                    barrier.wait().await?;
                    count.set(count.get() + 1);
                    if count.get() == N {
                        // The last task exited from the barrier.
                        barrier.reset().await?;
                        // Wait here to reach the parties.
                        barrier.wait().await?;
                    } else {
                        match barrier.wait().await {
                            // N-1 tasks here.
                            Ok(_) => results1.borrow_mut().push(true),
                            // Never goes here.
                            Err(exc) if !exc.is_base_only() => results2.borrow_mut().push(true),
                            Err(exc) => return Err(exc),
                        }
                    }
                    // Now pass the barrier again; this last wait must complete.
                    barrier.wait().await?;
                    results3.borrow_mut().push(true);
                    Ok(())
                }
            };
            gather_tasks(N, coro).await?;

            assert!(!barrier.broken());
            assert!(results1.borrow().iter().all(|r| *r));
            assert_eq!(results1.borrow().len(), N - 1);
            assert_eq!(results2.borrow().len(), 0);
            assert_eq!(results3.borrow().len(), N);
            assert!(results3.borrow().iter().all(|r| *r));
            assert_eq!(barrier.n_waiting(), 0);
            Ok(())
        });
    }

    #[test]
    fn test_abort_barrier() {
        run_test(async {
            let barrier = Barrier::new(1)?;
            create_task(barrier.abort())?;
            sleep0().await?;
            assert_eq!(barrier.n_waiting(), 0);
            assert!(barrier.broken());
            Ok(())
        });
    }

    #[test]
    fn test_abort_barrier_when_tasks_half_draining_half_blocking() {
        run_test(async {
            let barrier = Barrier::new(N as i64)?;
            let results1 = log();
            let results2 = log();
            let blocking_tasks = N / 2;
            let count = Rc::new(Cell::new(0));
            let coro = || {
                let (barrier, results1, results2, count) =
                    (barrier.clone(), results1.clone(), results2.clone(), count.clone());
                async move {
                    match barrier.wait().await {
                        // Catch the tasks waiting to drain here.
                        Err(exc) if exc.is(types::BROKEN_BARRIER_ERROR) => results1.borrow_mut().push(true),
                        Err(exc) => return Err(exc),
                        Ok(_) => {
                            count.set(count.get() + 1);
                            if count.get() > blocking_tasks {
                                // Abort now: BrokenBarrierError for all tasks.
                                barrier.abort().await?;
                            } else {
                                match barrier.wait().await {
                                    // Catch the blocked (already drained) tasks here.
                                    Err(exc) if exc.is(types::BROKEN_BARRIER_ERROR) => {
                                        results2.borrow_mut().push(true)
                                    }
                                    other => {
                                        other?;
                                    }
                                }
                            }
                        }
                    }
                    Ok(())
                }
            };
            gather_tasks(N, coro).await?;

            assert!(barrier.broken());
            assert_eq!(*results1.borrow(), vec![true; blocking_tasks]);
            assert_eq!(*results2.borrow(), vec![true; N - blocking_tasks - 1]);
            assert_eq!(barrier.n_waiting(), 0);
            assert!(!barrier.repr().contains("resetting"));
            Ok(())
        });
    }

    #[test]
    fn test_abort_barrier_when_exception() {
        // From threading.Barrier: see `lock_tests.test_reset`.
        run_test(async {
            let barrier = Barrier::new(N as i64)?;
            let results1: Log<bool> = log();
            let results2 = log();
            let coro = || {
                let (barrier, results1, results2) = (barrier.clone(), results1.clone(), results2.clone());
                async move {
                    let body: PyResult<()> = async {
                        let i = barrier.wait().await?;
                        if i == N / 2 {
                            return Err(Exception::runtime_error(""));
                        }
                        barrier.wait().await?;
                        results1.borrow_mut().push(true);
                        Ok(())
                    }
                    .await;
                    match body {
                        Err(exc) if exc.is(types::BROKEN_BARRIER_ERROR) => results2.borrow_mut().push(true),
                        Err(exc) if exc.is(types::RUNTIME_ERROR) => barrier.abort().await?,
                        other => other?,
                    }
                    Ok(())
                }
            };
            gather_tasks(N, coro).await?;

            assert!(barrier.broken());
            assert_eq!(results1.borrow().len(), 0);
            assert_eq!(results2.borrow().len(), N - 1);
            assert!(results2.borrow().iter().all(|r| *r));
            assert_eq!(barrier.n_waiting(), 0);
            Ok(())
        });
    }

    #[test]
    fn test_abort_barrier_when_exception_then_resetting() {
        // From threading.Barrier: see `lock_tests.test_abort_and_reset`.
        run_test(async {
            let barrier1 = Barrier::new(N as i64)?;
            let barrier2 = Barrier::new(N as i64)?;
            let results1: Log<bool> = log();
            let results2 = log();
            let results3 = log();
            let coro = || {
                let (barrier1, barrier2) = (barrier1.clone(), barrier2.clone());
                let (results1, results2, results3) = (results1.clone(), results2.clone(), results3.clone());
                async move {
                    let body: PyResult<()> = async {
                        let i = barrier1.wait().await?;
                        if i == N / 2 {
                            return Err(Exception::runtime_error(""));
                        }
                        barrier1.wait().await?;
                        results1.borrow_mut().push(true);
                        Ok(())
                    }
                    .await;
                    match body {
                        Err(exc) if exc.is(types::BROKEN_BARRIER_ERROR) => results2.borrow_mut().push(true),
                        Err(exc) if exc.is(types::RUNTIME_ERROR) => barrier1.abort().await?,
                        other => other?,
                    }

                    // Synchronize and reset the barrier. Must synchronize
                    // first so that everyone has left it when we reset, and
                    // after so that no one enters it before the reset.
                    let i = barrier2.wait().await?;
                    if i == N / 2 {
                        barrier1.reset().await?;
                    }
                    barrier2.wait().await?;
                    barrier1.wait().await?;
                    results3.borrow_mut().push(true);
                    Ok(())
                }
            };
            gather_tasks(N, coro).await?;

            assert!(!barrier1.broken());
            assert_eq!(results1.borrow().len(), 0);
            assert_eq!(results2.borrow().len(), N - 1);
            assert!(results2.borrow().iter().all(|r| *r));
            assert_eq!(results3.borrow().len(), N);
            assert!(results3.borrow().iter().all(|r| *r));
            assert_eq!(barrier1.n_waiting(), 0);
            Ok(())
        });
    }
}

/// Scenarios of the CPython oracle (`shared/reference/scenarios/`) that
/// exercise the primitives, at their default parameters: the printed trace
/// must equal the oracle's expected output byte for byte, and be the same on
/// a second run.
mod oracle_scenarios {
    use super::*;
    use asyncio_engine::pyfmt::float_repr;
    use asyncio_engine::sleep_result;

    /// `vclock.run(main)` with its trace captured, run twice.
    fn trace_of<F: StdFuture<Output = PyResult<()>> + 'static>(main: impl Fn() -> F) -> String {
        let once = || {
            let event_loop = EventLoop::new();
            let lines = Rc::new(RefCell::new(Vec::new()));
            let sink = lines.clone();
            event_loop.set_output(move |line| sink.borrow_mut().push(line.to_string()));
            if let Err(exc) = run(&event_loop, main()) {
                panic!("main raised {exc}");
            }
            let text = lines.borrow().join("\n");
            text
        };
        let first = once();
        assert_eq!(first, once(), "two runs differ");
        first
    }

    /// `vclock.log(text)`.
    fn print(text: &str) {
        if let Ok(event_loop) = get_running_loop() {
            event_loop.log(text);
        }
    }

    fn now() -> f64 {
        get_running_loop().map(|lp| lp.time()).unwrap_or_default()
    }

    fn py_bool(b: bool) -> &'static str {
        if b {
            "True"
        } else {
            "False"
        }
    }

    /// `await asyncio.wait(tasks)`.
    async fn wait_all(tasks: &[Task<()>]) -> PyResult<()> {
        let futures: Vec<Future<()>> = tasks.iter().map(|t| t.future().clone()).collect();
        wait(&futures, None, ReturnWhen::AllCompleted).await?;
        Ok(())
    }

    /// `shared/reference/expected/sync_condition_consumers.txt`: CPython 3.11.7 at the defaults.
    const SYNC_CONDITION_CONSUMERS: &str = r#"[    0.000] starting manipulate_condition
[    0.000] ----
[    0.000] consumer 0 is waiting
[    0.000] ----
[    0.000] consumer 1 is waiting
[    0.000] ----
[    0.000] consumer 2 is waiting
[    0.000] ----
[    0.000] consumer 3 is waiting
[    0.000] ----
[    0.000] consumer 4 is waiting
[    0.100] notifying 1 consumers
[    0.100] consumer 0 triggered
[    0.100] ending consumer 0
[    0.200] notifying 2 consumers
[    0.200] consumer 1 triggered
[    0.200] ending consumer 1
[    0.200] consumer 2 triggered
[    0.200] ending consumer 2
[    0.300] notifying remaining consumers
[    0.300] ending manipulate_condition
[    0.300] consumer 3 triggered
[    0.300] ending consumer 3
[    0.300] consumer 4 triggered
[    0.300] ending consumer 4"#;

    #[test]
    fn sync_condition_consumers() {
        const STEP: f64 = 0.1;
        async fn consumer(condition: Condition, n: usize) -> PyResult<()> {
            print("----");
            {
                let _held = condition.acquire_guard().await?;
                print(&format!("consumer {n} is waiting"));
                condition.wait().await?;
                print(&format!("consumer {n} triggered"));
            }
            print(&format!("ending consumer {n}"));
            Ok(())
        }
        async fn manipulate_condition(condition: Condition) -> PyResult<()> {
            print("starting manipulate_condition");
            sleep(STEP).await?;
            for i in 1..3 {
                {
                    let _held = condition.acquire_guard().await?;
                    print(&format!("notifying {i} consumers"));
                    condition.notify(i)?;
                }
                sleep(STEP).await?;
            }
            {
                let _held = condition.acquire_guard().await?;
                print("notifying remaining consumers");
                condition.notify_all()?;
            }
            print("ending manipulate_condition");
            Ok(())
        }
        let trace = trace_of(|| async {
            let condition = Condition::new();
            create_task(manipulate_condition(condition.clone()))?;
            let consumers: Vec<Task<()>> =
                (0..5).map(|i| create_task(consumer(condition.clone(), i))).collect::<PyResult<_>>()?;
            wait_all(&consumers).await
        });
        assert_eq!(trace, SYNC_CONDITION_CONSUMERS);
    }

    /// `shared/reference/expected/sync_semaphore_fetch.txt`: CPython 3.11.7 at the defaults.
    const SYNC_SEMAPHORE_FETCH: &str = r#"[    1.000] {'args': {'a': '0'}, 'url': 'http://httpbin.org/get?a=0'}
[    1.000] fetch_async cost: 1.0
[    1.000] fetch(0) = None
[    1.000] print_result cost: 1.0
[    1.000] {'args': {'a': '2'}, 'url': 'http://httpbin.org/get?a=2'}
[    1.000] fetch_async cost: 1.0
[    1.000] fetch(2) = None
[    1.000] print_result cost: 1.0
[    1.000] {'args': {'a': '5'}, 'url': 'http://httpbin.org/get?a=5'}
[    1.000] fetch_async cost: 1.0
[    1.000] fetch(5) = None
[    1.000] print_result cost: 1.0
[    1.000] {'args': {'a': '4'}, 'url': 'http://httpbin.org/get?a=4'}
[    1.000] fetch_async cost: 1.0
[    1.000] fetch(4) = None
[    1.000] print_result cost: 1.0
[    1.000] {'args': {'a': '1'}, 'url': 'http://httpbin.org/get?a=1'}
[    1.000] fetch_async cost: 1.0
[    1.000] fetch(1) = None
[    1.000] print_result cost: 1.0
[    1.000] {'args': {'a': '3'}, 'url': 'http://httpbin.org/get?a=3'}
[    1.000] fetch_async cost: 1.0
[    1.000] fetch(3) = None
[    1.000] print_result cost: 1.0
[    2.000] {'args': {'a': '6'}, 'url': 'http://httpbin.org/get?a=6'}
[    2.000] fetch_async cost: 1.0
[    2.000] fetch(6) = None
[    2.000] print_result cost: 2.0
[    2.000] {'args': {'a': '8'}, 'url': 'http://httpbin.org/get?a=8'}
[    2.000] fetch_async cost: 1.0
[    2.000] fetch(8) = None
[    2.000] print_result cost: 2.0
[    2.000] {'args': {'a': '11'}, 'url': 'http://httpbin.org/get?a=11'}
[    2.000] fetch_async cost: 1.0
[    2.000] fetch(11) = None
[    2.000] print_result cost: 2.0
[    2.000] {'args': {'a': '10'}, 'url': 'http://httpbin.org/get?a=10'}
[    2.000] fetch_async cost: 1.0
[    2.000] fetch(10) = None
[    2.000] print_result cost: 2.0
[    2.000] {'args': {'a': '7'}, 'url': 'http://httpbin.org/get?a=7'}
[    2.000] fetch_async cost: 1.0
[    2.000] fetch(7) = None
[    2.000] print_result cost: 2.0
[    2.000] {'args': {'a': '9'}, 'url': 'http://httpbin.org/get?a=9'}
[    2.000] fetch_async cost: 1.0
[    2.000] fetch(9) = None
[    2.000] print_result cost: 2.0"#;

    #[test]
    fn sync_semaphore_fetch() {
        const LATENCY: f64 = 1.0;
        /// `@timer async def fetch_async(a)`: the wrapper returns None.
        async fn fetch_async(a: usize) -> PyResult<()> {
            let start = now();
            let a = sleep_result(LATENCY, a).await?;
            print(&format!("{{'args': {{'a': '{a}'}}, 'url': 'http://httpbin.org/get?a={a}'}}"));
            print(&format!("fetch_async cost: {}", float_repr(now() - start)));
            Ok(())
        }
        /// `@timer async def print_result(a)`.
        async fn print_result(sema: Semaphore, a: usize) -> PyResult<()> {
            let start = now();
            {
                let _held = sema.acquire_guard().await?;
                fetch_async(a).await?;
                print(&format!("fetch({a}) = None"));
            }
            print(&format!("print_result cost: {}", float_repr(now() - start)));
            Ok(())
        }
        let trace = trace_of(|| async {
            let sema = Semaphore::named("sema", 6)?;
            let tasks: Vec<Task<()>> =
                (0..12).map(|num| create_task(print_result(sema.clone(), num))).collect::<PyResult<_>>()?;
            wait_all(&tasks).await
        });
        assert_eq!(trace, SYNC_SEMAPHORE_FETCH);
    }

    /// `shared/reference/expected/sync_event.txt`: CPython 3.11.7 at the defaults.
    const SYNC_EVENT: &str = r#"[    0.000] event start state: False
[    0.000] e1 waiting for event
[    0.000] e2 waiting for event
[    0.100] setting event in callback
[    0.100] e1 triggered
[    0.100] e2 triggered
[    0.100] event end state: True
[    0.100] event start state: False
[    0.100] coro1 waiting for event
[    0.100] coro2 waiting for event
[    0.200] setting event in callback
[    0.200] coro1 triggered
[    0.200] coro2 triggered
[    0.200] event end state: True"#;

    #[test]
    fn sync_event() {
        const DELAY: f64 = 0.1;
        fn set_event(event: &Event) {
            print("setting event in callback");
            event.set();
        }
        async fn test(name: &'static str, event: Event) -> PyResult<()> {
            print(&format!("{name} waiting for event"));
            event.wait().await?;
            print(&format!("{name} triggered"));
            Ok(())
        }
        async fn main_with(names: [&'static str; 2]) -> PyResult<()> {
            let event = Event::new();
            print(&format!("event start state: {}", py_bool(event.is_set())));
            let target = event.clone();
            get_running_loop()?.call_later(DELAY, move || set_event(&target))?;
            let tasks =
                [create_task(test(names[0], event.clone()))?, create_task(test(names[1], event.clone()))?];
            wait_all(&tasks).await?;
            print(&format!("event end state: {}", py_bool(event.is_set())));
            Ok(())
        }
        let trace = trace_of(|| async {
            main_with(["e1", "e2"]).await?;
            main_with(["coro1", "coro2"]).await
        });
        assert_eq!(trace, SYNC_EVENT);
    }

    /// `shared/reference/expected/sync_lock_x_in_list.txt`: CPython 3.11.7 at the defaults.
    const SYNC_LOCK_X_IN_LIST: &str = r#"[    0.000] \\\\\\\\\\\\ one
[    0.000] one start
[    0.000] ++++++++++ one
[    0.000] ///////////
[    0.000] \\\\\\\\\\\\ two
[    0.000] ---------- one
[    0.000] one end
[    0.000] one ok
[    0.000] two start
[    0.000] two ok
[    0.000] ['x']"#;

    #[test]
    fn sync_lock_x_in_list() {
        type List = Rc<RefCell<Vec<&'static str>>>;
        async fn work(lock: Lock, l: List, name: &'static str) -> PyResult<&'static str> {
            print(&format!(r"\\\\\\\\\\\\ {name}"));
            let _held = lock.acquire_guard().await?;
            print(&format!("{name} start"));
            if l.borrow().contains(&"x") {
                return Ok(name);
            }
            print(&format!("++++++++++ {name}"));
            sleep0().await?;
            print(&format!("---------- {name}"));
            l.borrow_mut().push("x");
            print(&format!("{name} end"));
            Ok(name)
        }
        let trace = trace_of(|| async {
            let l: List = Rc::new(RefCell::new(Vec::new()));
            let lock = Lock::new();
            let one = {
                let (lock, l) = (lock.clone(), l.clone());
                create_task(async move {
                    let name = work(lock, l, "one").await?;
                    print(&format!("{name} ok"));
                    Ok(())
                })?
            };
            let two = {
                let (lock, l) = (lock.clone(), l.clone());
                create_task(async move {
                    print("///////////");
                    let name = work(lock, l, "two").await?;
                    print(&format!("{name} ok"));
                    Ok(())
                })?
            };
            wait_all(&[one, two]).await?;
            let items: Vec<String> = l.borrow().iter().map(|x| format!("'{x}'")).collect();
            print(&format!("[{}]", items.join(", ")));
            Ok(())
        });
        assert_eq!(trace, SYNC_LOCK_X_IN_LIST);
    }

    /// `shared/reference/expected/sync_condition_notify.txt`: CPython 3.11.7 at the defaults.
    const SYNC_CONDITION_NOTIFY: &str = r#"[    2.000] notifying consumer 1
[    2.000] c1: Resource is available to consumer
[    2.100] notifying consumer 2
[    2.100] c2: Resource is available to consumer
[    4.100] Making resource available
[    4.100] c1: Resource is available to consumer
[    4.100] c2: Resource is available to consumer"#;

    #[test]
    fn sync_condition_notify() {
        const PRODUCER_DELAY: f64 = 2.0;
        const GAP: f64 = 0.1;
        async fn consumer(cond: Condition, name: String, second: f64) -> PyResult<()> {
            sleep(second).await?;
            let _held = cond.acquire_guard().await?;
            cond.wait().await?;
            print(&format!("{name}: Resource is available to consumer"));
            Ok(())
        }
        async fn producer(cond: Condition) -> PyResult<()> {
            sleep(PRODUCER_DELAY).await?;
            for n in 1..3 {
                {
                    let _held = cond.acquire_guard().await?;
                    print(&format!("notifying consumer {n}"));
                    cond.notify(n)?;
                }
                sleep(GAP).await?;
            }
            Ok(())
        }
        async fn producer2(cond: Condition) -> PyResult<()> {
            sleep(PRODUCER_DELAY).await?;
            let _held = cond.acquire_guard().await?;
            print("Making resource available");
            cond.notify_all()
        }
        let trace = trace_of(|| async {
            let names = ["c1", "c2"];
            let condition = Condition::new();
            let consumers = |condition: &Condition| -> PyResult<Vec<Task<()>>> {
                names
                    .iter()
                    .enumerate()
                    .map(|(index, name)| {
                        create_task(consumer(condition.clone(), name.to_string(), index as f64))
                    })
                    .collect()
            };
            let task = create_task(producer(condition.clone()))?;
            wait_all(&consumers(&condition)?).await?;
            task.cancel(None);
            let task = create_task(producer2(condition.clone()))?;
            wait_all(&consumers(&condition)?).await?;
            task.cancel(None);
            Ok(())
        });
        assert_eq!(trace, SYNC_CONDITION_NOTIFY);
    }
}

/// Not in CPython's file: what the page sees. Each change of a primitive is a
/// `TraceEvent::Primitive` with its kind, what happened and a typed snapshot
/// (written below as `"<name>: <what happened>: <snapshot>"`, the snapshot by
/// its `Display`), and a task waiting on a primitive waits on a future
/// labelled `"<Class> <name>"`.
mod trace_events {
    use super::*;
    use asyncio_engine::executor::VirtualPool;
    use asyncio_engine::sync::{LifoQueue, PriorityQueue, Queue};
    use asyncio_engine::trace::PrimitiveKind;
    use asyncio_engine::TraceEvent;

    /// Run `main` with a tracer; return the primitive and waiting events.
    fn events_of<F: StdFuture<Output = PyResult<()>> + 'static>(main: F) -> Vec<String> {
        let event_loop = EventLoop::new();
        let events = log();
        let sink = events.clone();
        event_loop.set_tracer(Box::new(move |_time: f64, event: &TraceEvent<'_>| match event {
            TraceEvent::Primitive { name, action, snapshot, .. } => {
                let action = action.unwrap_or("(no action)");
                sink.borrow_mut().push(format!("{name}: {action}: {snapshot}"))
            }
            TraceEvent::Waiting { task, on } => sink.borrow_mut().push(format!("Task-{task} waits on {on}")),
            _ => {}
        }));
        if let Err(exc) = run(&event_loop, main) {
            panic!("main raised {exc}");
        }
        let events = events.borrow().clone();
        events
    }

    /// Run `main` with a tracer; return each primitive event as its name,
    /// kind, and snapshot in `Debug` form (the typed fields).
    fn typed_events_of<F: StdFuture<Output = PyResult<()>> + 'static>(
        main: F,
    ) -> Vec<(String, PrimitiveKind, String)> {
        let event_loop = EventLoop::new();
        let events = log();
        let sink = events.clone();
        event_loop.set_tracer(Box::new(move |_time: f64, event: &TraceEvent<'_>| {
            if let TraceEvent::Primitive { name, kind, snapshot, .. } = event {
                sink.borrow_mut().push((name.to_string(), *kind, format!("{snapshot:?}")));
            }
        }));
        if let Err(exc) = run(&event_loop, main) {
            panic!("main raised {exc}");
        }
        let events = events.borrow().clone();
        events
    }

    #[test]
    fn events_carry_the_kind_and_typed_fields() {
        let events = typed_events_of(async {
            let lock = Lock::named("lock");
            lock.acquire().await?;
            let bounded = BoundedSemaphore::named("bounded", 2)?;
            bounded.acquire().await?;
            let event = Event::named("event");
            event.set();
            let barrier = Barrier::named("barrier", 1)?;
            barrier.wait().await?;
            let lifo: LifoQueue<i32> = LifoQueue::named("lifo", 0);
            lifo.put_nowait(1)?;
            let priority: PriorityQueue<i32> = PriorityQueue::named("priority", 3);
            priority.set_item_repr(|i| format!("<{i}>"));
            priority.put_nowait(2)?;
            let pool = VirtualPool::named(2, "pool")?;
            pool.run_in_executor(1.0, "job(1)", || Ok(1))?.await?;
            Ok(())
        });
        let kinds: Vec<(&str, PrimitiveKind)> =
            events.iter().map(|(name, kind, _)| (name.as_str(), *kind)).collect();
        assert_eq!(
            kinds,
            [
                ("lock", PrimitiveKind::Lock),
                ("bounded", PrimitiveKind::BoundedSemaphore),
                ("event", PrimitiveKind::Event),
                ("barrier", PrimitiveKind::Barrier),
                ("barrier", PrimitiveKind::Barrier),
                ("lifo", PrimitiveKind::LifoQueue),
                ("priority", PrimitiveKind::PriorityQueue),
                ("pool", PrimitiveKind::Executor),
                ("pool", PrimitiveKind::Executor),
            ]
        );
        let snapshots: Vec<&str> = events.iter().map(|(_, _, snapshot)| snapshot.as_str()).collect();
        assert_eq!(
            snapshots,
            [
                r#"Lock { locked: true, owner: Some("Task-1"), waiters: [] }"#,
                "Semaphore { value: 1, bound: Some(2), waiters: [] }",
                "Event { set: true, waiters: [] }",
                // The last arrival reports before it starts draining.
                "Barrier { state: Filling, count: 1, parties: 1, waiters: [] }",
                "Barrier { state: Filling, count: 0, parties: 1, waiters: [] }",
                "Queue { qsize: 1, maxsize: 0, getters: [], putters: [], unfinished: 1, joiners: [], \
                 items: None }",
                "Queue { qsize: 1, maxsize: 3, getters: [], putters: [], unfinished: 1, joiners: [], \
                 items: Some([\"<2>\"]) }",
                r#"Executor { busy: 1, max_workers: 2, queued: 0, running: ["job(1)"] }"#,
                "Executor { busy: 0, max_workers: 2, queued: 0, running: [] }",
            ]
        );
    }

    #[test]
    fn lock_events() {
        let events = events_of(async {
            let lock = Lock::named("lock");
            lock.acquire().await?;
            let waiter = create_task(lock.acquire())?;
            sleep0().await?;
            lock.release()?;
            waiter.await?;
            lock.release()
        });
        assert_eq!(
            events,
            [
                "lock: Task-1 acquired: locked owner=Task-1 waiters=[]",
                "lock: Task-2 waits: locked owner=Task-1 waiters=[Task-2]",
                "Task-2 waits on Lock lock",
                "lock: Task-1 released, woke Task-2: unlocked waiters=[Task-2]",
                "Task-1 waits on Task-2",
                "lock: Task-2 acquired: locked owner=Task-2 waiters=[]",
                "lock: Task-1 released: unlocked waiters=[]",
            ]
        );
    }

    #[test]
    fn semaphore_events() {
        let events = events_of(async {
            let sema = Semaphore::named("sema", 1)?;
            let held = sema.acquire_guard().await?;
            let second = create_task(sema.acquire())?;
            sleep0().await?;
            drop(held);
            second.await?;
            sema.release();
            Ok(())
        });
        assert_eq!(
            events,
            [
                "sema: Task-1 acquired: value=0 waiters=[]",
                "sema: Task-2 waits: value=0 waiters=[Task-2]",
                "Task-2 waits on Semaphore sema",
                "sema: Task-1 released, woke Task-2: value=0 waiters=[Task-2]",
                "Task-1 waits on Task-2",
                "sema: Task-2 acquired: value=0 waiters=[]",
                "sema: Task-1 released: value=1 waiters=[]",
            ]
        );
    }

    #[test]
    fn queue_events() {
        let events = events_of(async {
            let queue: Queue<i32> = Queue::named("q", 1);
            queue.set_item_repr(|i| i.to_string());
            let getter = create_task(queue.get())?;
            sleep0().await?;
            queue.put(7).await?;
            assert_eq!(getter.await?, 7);
            queue.task_done()
        });
        assert_eq!(
            events,
            [
                "q: Task-2 waits to get: qsize=0 maxsize=1 getters=[Task-2] putters=[] unfinished=0 items=[]",
                "Task-2 waits on Queue q",
                "q: Task-1 put, woke Task-2: qsize=1 maxsize=1 getters=[] putters=[] unfinished=1 items=[7]",
                "Task-1 waits on Task-2",
                "q: Task-2 got: qsize=0 maxsize=1 getters=[] putters=[] unfinished=1 items=[]",
                "q: Task-1 task_done, woke []: qsize=0 maxsize=1 getters=[] putters=[] unfinished=0 items=[]",
            ]
        );
    }

    #[test]
    fn condition_events_show_its_lock() {
        let events = events_of(async {
            let cond = Condition::named("cond");
            let waiter = {
                let cond = cond.clone();
                create_task(async move {
                    let _held = cond.acquire_guard().await?;
                    cond.wait().await
                })?
            };
            sleep0().await?;
            {
                let _held = cond.acquire_guard().await?;
                cond.notify_all()?;
            }
            waiter.await?;
            Ok(())
        });
        assert_eq!(
            events,
            [
                "cond: Task-2 acquired: locked owner=Task-2 waiters=[] lock_waiters=[]",
                "cond: Task-2 released: unlocked waiters=[] lock_waiters=[]",
                "cond: Task-2 waits: unlocked waiters=[Task-2] lock_waiters=[]",
                "Task-2 waits on Condition cond",
                "cond: Task-1 acquired: locked owner=Task-1 waiters=[Task-2] lock_waiters=[]",
                "cond: Task-1 notified [Task-2]: locked owner=Task-1 waiters=[Task-2] lock_waiters=[]",
                "cond: Task-1 released: unlocked waiters=[Task-2] lock_waiters=[]",
                "Task-1 waits on Task-2",
                "cond: Task-2 acquired: locked owner=Task-2 waiters=[] lock_waiters=[]",
                "cond: Task-2 released: unlocked waiters=[] lock_waiters=[]",
            ]
        );
    }
}
