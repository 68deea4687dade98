//! Trace events: what the page's timeline and inspector are drawn from.
//!
//! The loop calls its [`Tracer`] only when one is set; without one, each
//! event costs a single flag test and nothing is formatted.

/// How a task ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Done,
    Cancelled,
    /// The exception's last traceback line.
    Failed(String),
}

/// One thing that happened on the loop, at the loop time passed beside it.
#[derive(Debug, Clone, PartialEq)]
pub enum TraceEvent<'a> {
    /// A task was created (its first step is now ready).
    TaskCreated { task: u64, name: &'a str },
    /// A task's step began running.
    StepStart { task: u64 },
    /// A task's step ended (the task is now waiting, ready, or done).
    StepEnd { task: u64 },
    /// The task suspended on a future or primitive, named in words.
    Waiting { task: u64, on: &'a str },
    /// The task yielded with `sleep(0)` and is ready again.
    Yielded { task: u64 },
    /// A task finished.
    TaskDone { task: u64, outcome: Outcome },
    /// A timer was pushed on the heap.
    TimerScheduled { when: f64 },
    /// A timer's callback ran.
    TimerFired { when: f64 },
    /// A trace line was printed.
    Print { line: &'a str },
    /// A synchronisation primitive changed: its name and its state in words.
    Primitive { name: &'a str, state: &'a str },
    /// An interpreted task is about to suspend at this source line (1-based).
    TaskLine { task: u64, line: u32 },
    /// What an interpreted task runs: its coroutine and arguments, `print_result(4)`.
    TaskLabel { task: u64, label: &'a str },
}

/// Receives trace events.
pub trait Tracer {
    fn event(&mut self, time: f64, event: &TraceEvent<'_>);
}

impl<F: FnMut(f64, &TraceEvent<'_>)> Tracer for F {
    fn event(&mut self, time: f64, event: &TraceEvent<'_>) {
        self(time, event)
    }
}
