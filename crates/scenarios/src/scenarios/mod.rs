//! One module per scenario, each mirroring its oracle file, declaring the
//! scenario's [`Lesson`] as `LESSON` and its coroutine as `main`.
//!
//! The descriptors ([`LESSONS`]) and the mains ([`MAINS`]) are two tables so
//! that a build which never runs a Rust lesson (the page's build with the
//! interpreter, which runs the lessons' Python programs) links none of the
//! lessons' code: only [`MAINS`] refers to it.

use crate::lesson::Lesson;
use crate::MainFn;

/// Declares each scenario's module and the two tables, in one list.
macro_rules! scenarios {
    ($($name:ident),* $(,)?) => {
        $(mod $name;)*

        /// Every scenario's descriptor, sorted by name.
        pub static LESSONS: &[&Lesson] = &[$(&$name::LESSON),*];

        /// Every scenario's `main`, in the order of [`LESSONS`].
        pub static MAINS: &[MainFn] = &[$($name::main),*];
    };
}

scenarios! {
    async_with_for,
    callback_add_done_callback,
    callback_add_success_callback,
    exec_cpu_offload,
    exec_pool_jobs,
    exec_run_in_executor,
    exec_thread_pool_map,
    exec_worker_faults,
    future_basics,
    loop_call_soon_later_at,
    loop_stop_run_forever,
    process_master_worker,
    process_pool,
    process_queue,
    queue_priority_semaphore,
    queue_random_workers,
    queue_stop_signals,
    sync_condition_consumers,
    sync_condition_notify,
    sync_event,
    sync_lock_call_later,
    sync_lock_x_in_list,
    sync_rate_limit_per_minute,
    sync_semaphore_crawler,
    sync_semaphore_fetch,
    tasks_await_sequential,
    tasks_crawler_bug,
    tasks_crawler_loop,
    tasks_create_task_ensure_future,
    tasks_gather_exception,
    tasks_gather_factorial,
    tasks_gather_groups,
    tasks_gather_vs_as_completed,
    tasks_say_after_create_task,
    tasks_say_after_sequential,
    tasks_wait_for_timeout,
    tasks_wait_return_when,
    tasks_wait_timeout,
    thread_background_loop_queue,
    thread_barrier,
    thread_basics,
    thread_call_soon_threadsafe,
    thread_condition_ping_pong,
    thread_event,
    thread_local,
    thread_lock_counter,
    thread_race_counter,
    thread_redis_consumer,
    thread_rlock,
    thread_run_coroutine_threadsafe,
    thread_semaphore,
    thread_timer,
}
