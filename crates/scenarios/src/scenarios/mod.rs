//! One module per scenario, each mirroring its oracle file.

use crate::MainFn;

mod loop_call_soon_later_at;
mod tasks_gather_factorial;
mod tasks_say_after_create_task;
mod tasks_say_after_sequential;

/// `(name, main)` of every runnable scenario, sorted by name.
pub static IMPLEMENTED: &[(&str, MainFn)] = &[
    ("loop_call_soon_later_at", loop_call_soon_later_at::main),
    ("tasks_gather_factorial", tasks_gather_factorial::main),
    ("tasks_say_after_create_task", tasks_say_after_create_task::main),
    ("tasks_say_after_sequential", tasks_say_after_sequential::main),
];
