//! `EventLoop::describe_waiting` after a deadlock: each waiting task with
//! what it waits on, and for a lock (a condition's included) the task that
//! holds it.

use asyncio_engine::sync::{Condition, Event, Lock};
use asyncio_engine::{create_task, sleep, sleep0, EventLoop, Session};

#[test]
fn a_lock_waiter_names_the_holder() {
    let event_loop = EventLoop::new();
    let mut session = Session::new(&event_loop, async {
        let lock = Lock::named("lock");
        let held = lock.clone();
        let holder = create_task(async move {
            let _guard = held.acquire_guard().await?;
            // Holds the lock and waits forever on a lock it never gets.
            let other = Lock::named("other");
            other.acquire().await?;
            other.acquire().await?;
            Ok(())
        })?;
        sleep0().await?;
        sleep0().await?;
        lock.acquire().await?;
        holder.future().clone().await?;
        Ok(())
    });
    session.run_to_end();
    assert_eq!(
        session.deadlock_details(),
        ["Task-1: Lock lock (held by Task-2)", "Task-2: Lock other (held by Task-2)"]
    );
}

#[test]
fn a_condition_lock_waiter_names_the_holder_even_when_it_has_finished() {
    let event_loop = EventLoop::new();
    let mut session = Session::new(&event_loop, async {
        let cond = Condition::named("cond");
        let c = cond.clone();
        // Task-2 takes the condition's lock and never gives it back.
        let keeper = create_task(async move {
            std::mem::forget(c.acquire_guard().await?);
            sleep(1.0).await?;
            Ok(())
        })?;
        sleep0().await?;
        cond.acquire().await?;
        keeper.future().clone().await?;
        Ok(())
    });
    session.run_to_end();
    // Task-2 has finished without releasing the lock: it still holds it.
    assert_eq!(session.deadlock_details(), ["Task-1: Condition cond (lock) (held by Task-2)"]);

    let event_loop = EventLoop::new();
    let mut session = Session::new(&event_loop, async {
        let cond = Condition::named("cond");
        let c = cond.clone();
        let _keeper = create_task(async move {
            let _guard = c.acquire_guard().await?;
            Event::named("never").wait().await?;
            Ok(())
        })?;
        sleep0().await?;
        cond.acquire().await?;
        Ok(())
    });
    session.run_to_end();
    assert_eq!(
        session.deadlock_details(),
        ["Task-1: Condition cond (lock) (held by Task-2)", "Task-2: Event never"]
    );
}
