//! One module per scenario, each mirroring its oracle file.

use crate::MainFn;

mod async_with_for;
mod callback_add_done_callback;
mod callback_add_success_callback;
mod exec_pool_jobs;
mod exec_run_in_executor;
mod exec_thread_pool_map;
mod future_basics;
mod loop_call_soon_later_at;
mod process_pool;
mod tasks_await_sequential;
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
mod thread_basics;
mod thread_local;
mod thread_race_counter;
mod thread_run_coroutine_threadsafe;
mod thread_timer;

/// `(name, main)` of every runnable scenario, sorted by name.
pub static IMPLEMENTED: &[(&str, MainFn)] = &[
    ("async_with_for", async_with_for::main),
    ("callback_add_done_callback", callback_add_done_callback::main),
    ("callback_add_success_callback", callback_add_success_callback::main),
    ("exec_pool_jobs", exec_pool_jobs::main),
    ("exec_run_in_executor", exec_run_in_executor::main),
    ("exec_thread_pool_map", exec_thread_pool_map::main),
    ("future_basics", future_basics::main),
    ("loop_call_soon_later_at", loop_call_soon_later_at::main),
    ("process_pool", process_pool::main),
    ("tasks_await_sequential", tasks_await_sequential::main),
    ("tasks_crawler_loop", tasks_crawler_loop::main),
    ("tasks_create_task_ensure_future", tasks_create_task_ensure_future::main),
    ("tasks_gather_exception", tasks_gather_exception::main),
    ("tasks_gather_factorial", tasks_gather_factorial::main),
    ("tasks_gather_groups", tasks_gather_groups::main),
    ("tasks_gather_vs_as_completed", tasks_gather_vs_as_completed::main),
    ("tasks_say_after_create_task", tasks_say_after_create_task::main),
    ("tasks_say_after_sequential", tasks_say_after_sequential::main),
    ("tasks_wait_for_timeout", tasks_wait_for_timeout::main),
    ("tasks_wait_return_when", tasks_wait_return_when::main),
    ("tasks_wait_timeout", tasks_wait_timeout::main),
    ("thread_basics", thread_basics::main),
    ("thread_local", thread_local::main),
    ("thread_race_counter", thread_race_counter::main),
    ("thread_run_coroutine_threadsafe", thread_run_coroutine_threadsafe::main),
    ("thread_timer", thread_timer::main),
];
