//! One module per scenario, each mirroring its oracle file and declaring
//! the scenario's [`Lesson`] as `LESSON`.

use crate::lesson::Lesson;

mod async_with_for;
mod callback_add_done_callback;
mod callback_add_success_callback;
mod exec_cpu_offload;
mod exec_pool_jobs;
mod exec_run_in_executor;
mod exec_thread_pool_map;
mod exec_worker_faults;
mod future_basics;
mod loop_call_soon_later_at;
mod loop_stop_run_forever;
mod process_master_worker;
mod process_pool;
mod process_queue;
mod queue_priority_semaphore;
mod queue_random_workers;
mod queue_stop_signals;
mod sync_condition_consumers;
mod sync_condition_notify;
mod sync_event;
mod sync_lock_call_later;
mod sync_lock_x_in_list;
mod sync_rate_limit_per_minute;
mod sync_semaphore_crawler;
mod sync_semaphore_fetch;
mod tasks_await_sequential;
mod tasks_crawler_bug;
mod tasks_crawler_loop;
mod tasks_create_task_ensure_future;
mod tasks_gather_exception;
mod tasks_gather_factorial;
mod tasks_gather_groups;
mod tasks_gather_vs_as_completed;
mod tasks_say_after_create_task;
mod tasks_say_after_sequential;
mod tasks_wait_for_timeout;
mod tasks_wait_return_when;
mod tasks_wait_timeout;
mod thread_background_loop_queue;
mod thread_barrier;
mod thread_basics;
mod thread_call_soon_threadsafe;
mod thread_condition_ping_pong;
mod thread_event;
mod thread_local;
mod thread_lock_counter;
mod thread_race_counter;
mod thread_redis_consumer;
mod thread_rlock;
mod thread_run_coroutine_threadsafe;
mod thread_semaphore;
mod thread_timer;

/// Every scenario's descriptor, sorted by name.
pub static LESSONS: &[&Lesson] = &[
    &async_with_for::LESSON,
    &callback_add_done_callback::LESSON,
    &callback_add_success_callback::LESSON,
    &exec_cpu_offload::LESSON,
    &exec_pool_jobs::LESSON,
    &exec_run_in_executor::LESSON,
    &exec_thread_pool_map::LESSON,
    &exec_worker_faults::LESSON,
    &future_basics::LESSON,
    &loop_call_soon_later_at::LESSON,
    &loop_stop_run_forever::LESSON,
    &process_master_worker::LESSON,
    &process_pool::LESSON,
    &process_queue::LESSON,
    &queue_priority_semaphore::LESSON,
    &queue_random_workers::LESSON,
    &queue_stop_signals::LESSON,
    &sync_condition_consumers::LESSON,
    &sync_condition_notify::LESSON,
    &sync_event::LESSON,
    &sync_lock_call_later::LESSON,
    &sync_lock_x_in_list::LESSON,
    &sync_rate_limit_per_minute::LESSON,
    &sync_semaphore_crawler::LESSON,
    &sync_semaphore_fetch::LESSON,
    &tasks_await_sequential::LESSON,
    &tasks_crawler_bug::LESSON,
    &tasks_crawler_loop::LESSON,
    &tasks_create_task_ensure_future::LESSON,
    &tasks_gather_exception::LESSON,
    &tasks_gather_factorial::LESSON,
    &tasks_gather_groups::LESSON,
    &tasks_gather_vs_as_completed::LESSON,
    &tasks_say_after_create_task::LESSON,
    &tasks_say_after_sequential::LESSON,
    &tasks_wait_for_timeout::LESSON,
    &tasks_wait_return_when::LESSON,
    &tasks_wait_timeout::LESSON,
    &thread_background_loop_queue::LESSON,
    &thread_barrier::LESSON,
    &thread_basics::LESSON,
    &thread_call_soon_threadsafe::LESSON,
    &thread_condition_ping_pong::LESSON,
    &thread_event::LESSON,
    &thread_local::LESSON,
    &thread_lock_counter::LESSON,
    &thread_race_counter::LESSON,
    &thread_redis_consumer::LESSON,
    &thread_rlock::LESSON,
    &thread_run_coroutine_threadsafe::LESSON,
    &thread_semaphore::LESSON,
    &thread_timer::LESSON,
];
