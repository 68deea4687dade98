//! The Python program a learner sees beside each scenario, for any parameter
//! set.
//!
//! Every scenario has a template, `crates/scenarios/python/NAME.py`. For the
//! asyncio scenarios it is the oracle's plain program
//! (`../shared/reference/plain/NAME.py`: real asyncio, `print`,
//! `asyncio.run`) with each parameter's value replaced by a marker; run by the
//! oracle's `pyrun.py` the filled-in program prints exactly what the scenario
//! prints for those parameters (`scripts/plain_check.py` checks it). For the
//! thread and process scenarios it is the seed's threading or multiprocessing
//! program, which the playground runs as a model ([`model_note`] says how).
//!
//! # Template syntax
//! - `{{name}}`: parameter `name` as a Python literal: an int as an int, a
//!   float as Python's `repr` (`2.0`, `0.1`, `1e-05`), a string as its `repr`.
//! - `{{name|str}}`: a string parameter's text itself (its `repr` if it holds
//!   a quote, a backslash or a control character); `{{name|word}}` and
//!   `{{name|Word}}`: a whole number from 0 to 20 as an English word
//!   (`three`, `Three`), any other value as `str()`; `{{name|plus1}}`: an int
//!   plus one (`range(1, n + 1)` written out).
//! - `{{derived}}`: a value computed here from the parameters, for one
//!   scenario (see `derived_text`), e.g. `{{timeout_or_none}}`.
//! - Lines holding only `{{?flag}}` (or `{{?!flag}}`), `{{:}}` and `{{/}}`
//!   keep the lines between them when the flag is true (false), or the lines
//!   after `{{:}}` otherwise; blocks nest. A flag is `defaults` (every
//!   parameter at its default), a parameter (true when it is not 0 and, for a
//!   string, not empty and not `none`) or a scenario's derived flag (see
//!   `derived_flag`).
//!
//! At the defaults each asyncio program is the oracle's plain program, up to
//! how a float with an integral value is written (`asyncio.sleep(2.0)` for
//! `asyncio.sleep(2)`); where the plain program fixes a parameter by its
//! structure (one consumer, no failing task, ...) the other values switch in
//! a small variant of those lines.

use asyncio_engine::pyfmt::float_repr;

use crate::params::{py_str_repr, Params, Value};

/// Every scenario's template, sorted by name.
static TEMPLATES: &[(&str, &str)] = &[
    ("async_with_for", include_str!("../python/async_with_for.py")),
    ("callback_add_done_callback", include_str!("../python/callback_add_done_callback.py")),
    ("callback_add_success_callback", include_str!("../python/callback_add_success_callback.py")),
    ("exec_cpu_offload", include_str!("../python/exec_cpu_offload.py")),
    ("exec_pool_jobs", include_str!("../python/exec_pool_jobs.py")),
    ("exec_run_in_executor", include_str!("../python/exec_run_in_executor.py")),
    ("exec_thread_pool_map", include_str!("../python/exec_thread_pool_map.py")),
    ("exec_worker_faults", include_str!("../python/exec_worker_faults.py")),
    ("future_basics", include_str!("../python/future_basics.py")),
    ("loop_call_soon_later_at", include_str!("../python/loop_call_soon_later_at.py")),
    ("loop_stop_run_forever", include_str!("../python/loop_stop_run_forever.py")),
    ("process_master_worker", include_str!("../python/process_master_worker.py")),
    ("process_pool", include_str!("../python/process_pool.py")),
    ("process_queue", include_str!("../python/process_queue.py")),
    ("queue_priority_semaphore", include_str!("../python/queue_priority_semaphore.py")),
    ("queue_random_workers", include_str!("../python/queue_random_workers.py")),
    ("queue_stop_signals", include_str!("../python/queue_stop_signals.py")),
    ("sync_condition_consumers", include_str!("../python/sync_condition_consumers.py")),
    ("sync_condition_notify", include_str!("../python/sync_condition_notify.py")),
    ("sync_event", include_str!("../python/sync_event.py")),
    ("sync_lock_call_later", include_str!("../python/sync_lock_call_later.py")),
    ("sync_lock_x_in_list", include_str!("../python/sync_lock_x_in_list.py")),
    ("sync_rate_limit_per_minute", include_str!("../python/sync_rate_limit_per_minute.py")),
    ("sync_semaphore_crawler", include_str!("../python/sync_semaphore_crawler.py")),
    ("sync_semaphore_fetch", include_str!("../python/sync_semaphore_fetch.py")),
    ("tasks_await_sequential", include_str!("../python/tasks_await_sequential.py")),
    ("tasks_crawler_bug", include_str!("../python/tasks_crawler_bug.py")),
    ("tasks_crawler_loop", include_str!("../python/tasks_crawler_loop.py")),
    ("tasks_create_task_ensure_future", include_str!("../python/tasks_create_task_ensure_future.py")),
    ("tasks_gather_exception", include_str!("../python/tasks_gather_exception.py")),
    ("tasks_gather_factorial", include_str!("../python/tasks_gather_factorial.py")),
    ("tasks_gather_groups", include_str!("../python/tasks_gather_groups.py")),
    ("tasks_gather_vs_as_completed", include_str!("../python/tasks_gather_vs_as_completed.py")),
    ("tasks_say_after_create_task", include_str!("../python/tasks_say_after_create_task.py")),
    ("tasks_say_after_sequential", include_str!("../python/tasks_say_after_sequential.py")),
    ("tasks_wait_for_timeout", include_str!("../python/tasks_wait_for_timeout.py")),
    ("tasks_wait_return_when", include_str!("../python/tasks_wait_return_when.py")),
    ("tasks_wait_timeout", include_str!("../python/tasks_wait_timeout.py")),
    ("thread_background_loop_queue", include_str!("../python/thread_background_loop_queue.py")),
    ("thread_barrier", include_str!("../python/thread_barrier.py")),
    ("thread_basics", include_str!("../python/thread_basics.py")),
    ("thread_call_soon_threadsafe", include_str!("../python/thread_call_soon_threadsafe.py")),
    ("thread_condition_ping_pong", include_str!("../python/thread_condition_ping_pong.py")),
    ("thread_event", include_str!("../python/thread_event.py")),
    ("thread_local", include_str!("../python/thread_local.py")),
    ("thread_lock_counter", include_str!("../python/thread_lock_counter.py")),
    ("thread_race_counter", include_str!("../python/thread_race_counter.py")),
    ("thread_redis_consumer", include_str!("../python/thread_redis_consumer.py")),
    ("thread_rlock", include_str!("../python/thread_rlock.py")),
    ("thread_run_coroutine_threadsafe", include_str!("../python/thread_run_coroutine_threadsafe.py")),
    ("thread_semaphore", include_str!("../python/thread_semaphore.py")),
    ("thread_timer", include_str!("../python/thread_timer.py")),
];

/// How the playground models each thread and process scenario: one sentence.
static MODEL_NOTES: &[(&str, &str)] = &[
    (
        "exec_cpu_offload",
        "Not an oracle scenario: its times are not CPython's. In instant and paced modes each \
         count_primes(n) takes cost virtual seconds (the count itself is real); in real mode the \
         pool is the page's Web Workers, one per process, and the loop variant counts on the page's \
         own thread.",
    ),
    (
        "exec_worker_faults",
        "Not an oracle scenario. CPython's ProcessPoolExecutor has no deadline, and a process that \
         dies breaks the whole pool (BrokenProcessPool); the playground's pool fails only the job \
         and replaces the worker. In real mode the jobs run in the page's Web Workers.",
    ),
    (
        "process_master_worker",
        "The playground models this program on its virtual event loop: each process is a task, the \
         queues are asyncio.Queues and each time.sleep is an await asyncio.sleep.",
    ),
    (
        "process_pool",
        "The playground models this program on its virtual event loop: the Pool is its virtual pool, \
         which hands jobs first in, first out to the first free process, and each job is a task \
         holding its process until it returns, its time.sleep an await asyncio.sleep.",
    ),
    (
        "process_queue",
        "The playground models this program on its virtual event loop: each process is a task, the \
         multiprocessing.Queue an asyncio.Queue, each time.sleep an await asyncio.sleep and \
         terminate() a cancel().",
    ),
    (
        "thread_background_loop_queue",
        "The playground models this program on its virtual event loop: the background loop is the \
         virtual loop itself, so run_coroutine_threadsafe is ensure_future, and the main thread's \
         blocking queue.get() loop is a task awaiting an asyncio.Queue that stops after the two \
         messages.",
    ),
    (
        "thread_barrier",
        "The playground models this program on its virtual event loop: each thread is a task, the \
         Barrier an asyncio.Barrier and each time.sleep an await asyncio.sleep that blocks only its \
         own thread; the run stops when the main thread has printed.",
    ),
    (
        "thread_basics",
        "The playground models this program on its virtual event loop: each thread is a task, and \
         its time.sleep, which blocks only that thread, is an await asyncio.sleep.",
    ),
    (
        "thread_call_soon_threadsafe",
        "The playground models this program on its virtual event loop: the background loop's thread \
         is a task that runs the handed-over callbacks one after the other, each to its end, their \
         blocking time.sleep an await asyncio.sleep, and the main thread's queue.get() awaits an \
         asyncio.Queue.",
    ),
    (
        "thread_condition_ping_pong",
        "The playground models this program on its virtual event loop: the two threads are tasks \
         sharing an asyncio.Condition, and the time.sleep inside the lock is an await asyncio.sleep \
         that keeps the lock held.",
    ),
    (
        "thread_event",
        "The playground models this program on its virtual event loop: the thread is a task and the \
         event an asyncio.Event, whose set() only schedules the waiter, so the main thread always \
         prints first (real threads race), and the run stops after the main thread's loop.",
    ),
    (
        "thread_local",
        "The playground models this program on its virtual event loop: each thread is a task with its \
         own local attributes, and the interpreter's thread switch is made explicit (an await \
         asyncio.sleep(0) every switch_every-th iteration) to show that the values never mix.",
    ),
    (
        "thread_lock_counter",
        "The playground models this program on its virtual event loop: each thread is a task, num += \
         1 is a read and a write with an explicit thread switch between them every \
         switch_every-th iteration, and the lock (an asyncio.Lock held around both) makes the other \
         thread wait instead of overwriting.",
    ),
    (
        "thread_race_counter",
        "The playground models this program on its virtual event loop: each thread is a task, and num \
         += 1 is a read and a write with an explicit, deterministic thread switch between them every \
         switch_every-th iteration, so the other threads' increments made meanwhile are overwritten.",
    ),
    (
        "thread_redis_consumer",
        "The playground models this program on its virtual event loop: the background loop is the \
         virtual loop (run_coroutine_threadsafe is ensure_future), the consumer thread is a task whose \
         time.sleep is an await asyncio.sleep, redis is an in-memory list, and the main thread stops \
         after one message per value.",
    ),
    (
        "thread_rlock",
        "The playground models this program on its virtual event loop: the thread is a task, and the \
         RLock a small re-entrant lock on asyncio.Lock that remembers its owner task and count.",
    ),
    (
        "thread_run_coroutine_threadsafe",
        "The playground models this program on its virtual event loop: the background loop's work is \
         a task, a()'s time.sleep, which blocks only that loop's thread, an await asyncio.sleep, and \
         future.result(timeout) an asyncio.wait with that timeout that raises TimeoutError when the \
         future is not done.",
    ),
    (
        "thread_semaphore",
        "The playground models this program on its virtual event loop: each thread is a task, the \
         Semaphore an asyncio.Semaphore (which wakes waiters first come, first served) and each \
         time.sleep an await asyncio.sleep; the run stops when the main thread has printed.",
    ),
    (
        "thread_timer",
        "The playground models this program on its virtual event loop: a Timer is a task that sleeps \
         its interval and then runs its function, whose time.sleep is an await asyncio.sleep, and \
         cancel() stops it only while it is still waiting.",
    ),
];

/// Scenario `name`'s Python program with `params` written in; `None` for an
/// unknown scenario.
pub fn program(name: &str, params: &Params) -> Option<String> {
    let template = template(name)?;
    render(template, &Lookup { name, params }).ok()
}

/// True for the thread and process scenarios, whose program the playground
/// runs as a model (threads as tasks) rather than as written.
pub fn is_modelled(name: &str) -> bool {
    model_note(name).is_some() && !matches!(name, "exec_cpu_offload" | "exec_worker_faults")
}

/// One sentence saying how the playground models a thread or process
/// scenario's program; `None` for the asyncio scenarios (and unknown names).
pub fn model_note(name: &str) -> Option<&'static str> {
    MODEL_NOTES.iter().find(|(n, _)| *n == name).map(|(_, note)| *note)
}

fn template(name: &str) -> Option<&'static str> {
    TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Resolves the markers of one scenario's template.
struct Lookup<'a> {
    name: &'a str,
    params: &'a Params,
}

impl Lookup<'_> {
    /// The text for `{{key}}`.
    fn text(&self, key: &str) -> Option<String> {
        let (base, filter) = match key.split_once('|') {
            Some((base, filter)) => (base, Some(filter)),
            None => (key, None),
        };
        let Some(value) = self.params.get(base) else {
            return if filter.is_none() { derived_text(self.name, self.params, base) } else { None };
        };
        match filter {
            None => Some(literal(value)),
            Some("str") => match value {
                Value::Str(s) if is_plain_text(s) => Some(s.clone()),
                other => Some(literal(other)),
            },
            Some("word") => Some(number_word(value)),
            Some("Word") => Some(capitalise(&number_word(value))),
            Some("plus1") => match value {
                Value::Int(i) => Some(i.saturating_add(1).to_string()),
                _ => None,
            },
            Some(_) => None,
        }
    }

    /// The truth of `{{?key}}`.
    fn flag(&self, key: &str) -> Option<bool> {
        if key == "defaults" {
            let specs = crate::find_meta(self.name)?.params;
            return Some(*self.params == Params::defaults(specs));
        }
        match self.params.get(key) {
            Some(Value::Int(i)) => Some(*i != 0),
            Some(Value::Float(f)) => Some(*f != 0.0),
            Some(Value::Str(s)) => Some(!s.is_empty() && s != "none"),
            None => derived_flag(self.name, self.params, key),
        }
    }
}

/// A value as a Python literal.
fn literal(value: &Value) -> String {
    match value {
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => py_str_repr(s),
    }
}

/// Text that can stand in a comment or inside quotes as it is.
fn is_plain_text(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() || matches!(c, '\'' | '"' | '\\'))
}

/// A whole number from 0 to 20 as an English word; anything else as `str()`.
fn number_word(value: &Value) -> String {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let whole = match value {
        Value::Int(i) => Some(*i),
        Value::Float(f) if f.fract() == 0.0 && (0.0..=20.0).contains(f) => Some(*f as i64),
        _ => None,
    };
    match whole.and_then(|i| usize::try_from(i).ok()).and_then(|i| WORDS.get(i)) {
        Some(word) => (*word).to_string(),
        None => value.py_str(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A number of seconds for a comment: Python's repr, rounded to microseconds
/// so that sums read `0.3`, not `0.30000000000000004`.
fn seconds(x: f64) -> String {
    float_repr((x * 1e6).round() / 1e6)
}

/// `redis-cli lpush` arguments: the comma-separated values, each as typed
/// when it is a plain token, else as a Python string literal.
fn cli_values(text: &str) -> String {
    split_values(text)
        .map(|v| {
            if v.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-' | '_')) {
                v.to_string()
            } else {
                py_str_repr(v)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The scenario's `split()`: comma-separated, stripped, empty ones dropped.
fn split_values(text: &str) -> impl Iterator<Item = &str> {
    text.split(',').map(str::trim).filter(|v| !v.is_empty())
}

/// Values one scenario's template needs that are not a parameter as it is.
fn derived_text(name: &str, p: &Params, key: &str) -> Option<String> {
    let text = match (name, key) {
        ("exec_cpu_offload", "where_text") => match p.str("where") {
            "pool" => format!("in a ProcessPoolExecutor({})", p.int("workers")),
            _ => "on the loop thread".to_string(),
        },
        ("exec_worker_faults", "hang_ms") => float_repr(p.float("hang") * 1000.0),
        ("sync_condition_notify", "names") => {
            let names: Vec<String> = (1..=p.int("consumers")).map(|i| format!("'c{i}'")).collect();
            match names.as_slice() {
                [one] => format!("({one},)"),
                _ => format!("({})", names.join(", ")),
            }
        }
        ("sync_lock_call_later", "lockers_list") => {
            // Continuation lines line up after `    await asyncio.wait([`.
            let items: Vec<String> = (1..=p.int("lockers"))
                .map(|i| format!("asyncio.ensure_future(test('l{i}', lock))"))
                .collect();
            format!("[{}]", items.join(",\n                        "))
        }
        ("tasks_gather_exception", "fail_dq") => {
            let fail = p.str("fail");
            if is_plain_text(fail) {
                format!("\"{fail}\"")
            } else {
                py_str_repr(fail)
            }
        }
        ("tasks_gather_exception", "fail_time") => {
            let key = match p.str("fail") {
                "TaskA" => "a",
                "TaskC" => "c",
                _ => "b",
            };
            seconds(p.float(key))
        }
        ("tasks_say_after_create_task", "longer_delay") => seconds(p.float("delay1").max(p.float("delay2"))),
        ("tasks_say_after_sequential", "delay_sum") => seconds(p.float("delay1") + p.float("delay2")),
        ("tasks_wait_timeout", "timeout_or_none") => {
            let timeout = p.float("timeout");
            if timeout < 0.0 {
                "None".to_string()
            } else {
                float_repr(timeout)
            }
        }
        ("thread_background_loop_queue", "longer") => p.int("first").max(p.int("second")).to_string(),
        ("thread_redis_consumer", "tasks_cli") => cli_values(p.str("tasks")),
        ("thread_redis_consumer", "more_cli") => cli_values(p.str("more")),
        _ => return None,
    };
    Some(text)
}

/// Conditions one scenario's template needs that are not a parameter's truth.
fn derived_flag(name: &str, p: &Params, key: &str) -> Option<bool> {
    let flag = match (name, key) {
        ("exec_cpu_offload", "in_pool") => p.str("where") == "pool",
        ("queue_priority_semaphore", "many_consumers") => p.int("consumers") > 1,
        ("queue_stop_signals", "maxsize_is_consumers") => p.int("maxsize") == p.int("consumers"),
        ("tasks_gather_groups", "unit_is_1") => p.float("unit") == 1.0,
        // wait_for's timer is scheduled before the task's sleep, so it wins a tie.
        ("tasks_wait_for_timeout", "times_out") => p.float("duration") >= p.float("timeout"),
        ("thread_run_coroutine_threadsafe", "times_out") => p.float("a_cost") >= p.float("timeout"),
        ("thread_redis_consumer", "has_tasks") => split_values(p.str("tasks")).next().is_some(),
        ("thread_redis_consumer", "has_more") => split_values(p.str("more")).next().is_some(),
        ("thread_timer", "cancels") => p.float("cancel_at") >= 0.0,
        _ => return None,
    };
    Some(flag)
}

/// One `{{?flag}}` block being read.
struct Block {
    /// Whether the enclosing lines are kept.
    outer: bool,
    /// The flag's value (negated for `{{?!flag}}`).
    cond: bool,
    /// After `{{:}}`.
    in_else: bool,
}

impl Block {
    fn keeps(&self) -> bool {
        self.outer && (self.cond != self.in_else)
    }
}

/// Fill in a template.
///
/// # Errors
/// An unknown marker or flag, a directive that is not alone on its line, or
/// unbalanced blocks, naming the line.
fn render(template: &str, lookup: &Lookup) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() + 256);
    let mut blocks: Vec<Block> = Vec::new();
    for (index, line) in template.split_inclusive('\n').enumerate() {
        let line_no = index + 1;
        let keep = blocks.last().is_none_or(Block::keeps);
        match directive(line) {
            Some(Directive::If { negated, flag }) => {
                let value =
                    lookup.flag(flag).ok_or_else(|| format!("line {line_no}: unknown flag {flag:?}"))?;
                blocks.push(Block { outer: keep, cond: value != negated, in_else: false });
            }
            Some(Directive::Else) => match blocks.last_mut() {
                Some(block) if !block.in_else => block.in_else = true,
                _ => return Err(format!("line {line_no}: {{{{:}}}} outside a block")),
            },
            Some(Directive::End) => {
                blocks.pop().ok_or_else(|| format!("line {line_no}: {{{{/}}}} outside a block"))?;
            }
            None if keep => substitute(line, lookup, &mut out).map_err(|e| format!("line {line_no}: {e}"))?,
            None => {}
        }
    }
    if blocks.is_empty() {
        Ok(out)
    } else {
        Err("a {{?...}} block is not closed".to_string())
    }
}

enum Directive<'a> {
    If { negated: bool, flag: &'a str },
    Else,
    End,
}

/// The block directive a line holds alone, if any.
fn directive(line: &str) -> Option<Directive<'_>> {
    let inner = line.trim().strip_prefix("{{")?.strip_suffix("}}")?;
    match inner {
        ":" => Some(Directive::Else),
        "/" => Some(Directive::End),
        _ => {
            let cond = inner.strip_prefix('?')?;
            match cond.strip_prefix('!') {
                Some(flag) => Some(Directive::If { negated: true, flag }),
                None => Some(Directive::If { negated: false, flag: cond }),
            }
        }
    }
}

/// Append `line` with its `{{...}}` markers filled in.
fn substitute(line: &str, lookup: &Lookup, out: &mut String) -> Result<(), String> {
    let mut rest = line;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").ok_or_else(|| "unclosed {{".to_string())?;
        let key = &after[..end];
        let text = lookup.text(key).ok_or_else(|| format!("unknown marker {{{{{key}}}}}"))?;
        out.push_str(&text);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{parse_args, Default as PDefault, Num, ParamSpec};
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    fn specs(name: &str) -> &'static [ParamSpec] {
        match crate::find_meta(name) {
            Some(m) => m.params,
            None => panic!("no metadata for {name}"),
        }
    }

    fn plain_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/plain")
    }

    /// `(\d+)\.0\b` → `\1`: a float with an integral value written as the
    /// plain programs write it (`2.0` → `2`).
    fn normalise(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            out.push(c);
            let word_after = |j: usize| chars.get(j).is_some_and(|c| c.is_alphanumeric() || *c == '_');
            if c.is_ascii_digit()
                && chars.get(i + 1) == Some(&'.')
                && chars.get(i + 2) == Some(&'0')
                && !word_after(i + 3)
            {
                i += 3;
                continue;
            }
            i += 1;
        }
        out
    }

    /// Every marker and flag a template mentions, in order.
    fn markers(template: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut rest = template;
        while let Some(start) = rest.find("{{") {
            let after = &rest[start + 2..];
            let Some(end) = after.find("}}") else {
                found.push(after.to_string());
                break;
            };
            found.push(after[..end].to_string());
            rest = &after[end + 2..];
        }
        found
    }

    /// A small deterministic generator (xorshift) for parameter sets.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            if n == 0 {
                0
            } else {
                self.next() % n
            }
        }
    }

    /// Parameter sets for `name`: every minimum, every maximum, every choice,
    /// and seeded random ones, each a list of `key=value`.
    fn param_sets(name: &str) -> Vec<Vec<String>> {
        let specs = specs(name);
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ name.len() as u64);
        let mut sets = Vec::new();
        for mode in 0..12 {
            let mut args = Vec::new();
            for spec in specs {
                let value = if let Some(choices) = spec.choices {
                    choices[(mode + rng.below(choices.len() as u64) as usize) % choices.len()].to_string()
                } else {
                    match spec.default {
                        PDefault::Str(_) => {
                            ["", "5,3,1", "7", "a'b\nc", " 2 , ,9 ", "x\"y\\z"][mode % 6].to_string()
                        }
                        PDefault::Int(_) | PDefault::Float(_) => {
                            let lo = spec.min.map_or(-5.0, num);
                            let hi = spec.max.map_or(100.0, num);
                            let x = match mode {
                                0 => lo,
                                1 => hi,
                                _ => lo + (hi - lo) * (rng.below(1000) as f64 / 1000.0),
                            };
                            if matches!(spec.default, PDefault::Int(_)) {
                                format!("{}", x.round() as i64)
                            } else {
                                format!("{x}")
                            }
                        }
                    }
                };
                args.push(format!("{}={}", spec.name, value));
            }
            sets.push(args);
        }
        sets
    }

    fn num(n: Num) -> f64 {
        match n {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    #[test]
    fn every_scenario_has_a_template_and_asyncio_ones_no_note() {
        for m in crate::all_meta() {
            assert!(template(m.name).is_some(), "{} has no template", m.name);
            let threaded = m.name.starts_with("thread_") || m.name.starts_with("process_");
            assert_eq!(is_modelled(m.name), threaded, "{}", m.name);
            // exec_cpu_offload (not an oracle scenario) says why its times differ.
            let noted = threaded || matches!(m.name, "exec_cpu_offload" | "exec_worker_faults");
            assert_eq!(model_note(m.name).is_some(), noted, "{}", m.name);
        }
        assert_eq!(TEMPLATES.len(), crate::all_meta().len());
        assert!(program("no_such_scenario", &Params::defaults(&[])).is_none());
    }

    #[test]
    fn every_marker_is_known() {
        for (name, text) in TEMPLATES {
            let defaults = Params::defaults(specs(name));
            let lookup = Lookup { name, params: &defaults };
            for marker in markers(text) {
                let known = match marker.as_str() {
                    ":" | "/" => true,
                    m => match m.strip_prefix('?') {
                        Some(flag) => lookup.flag(flag.strip_prefix('!').unwrap_or(flag)).is_some(),
                        None => lookup.text(m).is_some(),
                    },
                };
                assert!(known, "{name}: unknown marker {{{{{marker}}}}}");
            }
            if let Err(e) = render(text, &lookup) {
                panic!("{name}: {e}");
            }
        }
    }

    #[test]
    fn defaults_are_the_plain_programs() {
        let mut checked = 0;
        for m in crate::meta::ALL {
            if is_modelled(m.name) {
                continue;
            }
            let path = plain_dir().join(format!("{}.py", m.name));
            let plain = match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) => panic!("{}: {e}", path.display()),
            };
            let ours = program(m.name, &Params::defaults(m.params)).unwrap_or_default();
            if normalise(&ours) != normalise(&plain) {
                let (a, b) = (normalise(&ours), normalise(&plain));
                let first = a.lines().zip(b.lines()).position(|(x, y)| x != y);
                panic!(
                    "{}: differs from plain/ at line {:?}\n--- ours\n{ours}",
                    m.name,
                    first.map(|i| i + 1)
                );
            }
            checked += 1;
        }
        assert_eq!(checked, 32);
    }

    #[test]
    fn render_rejects_bad_templates() {
        let params = Params::defaults(specs("tasks_wait_timeout"));
        let lookup = Lookup { name: "tasks_wait_timeout", params: &params };
        let render = |t: &str| render(t, &lookup);
        assert_eq!(render("a {{tasks}} {{tasks|plus1}}\n").as_deref(), Ok("a 3 4\n"));
        assert_eq!(render("{{?defaults}}\nx\n{{:}}\ny\n{{/}}\n").as_deref(), Ok("x\n"));
        assert_eq!(render("{{?!defaults}}\nx\n{{:}}\n{{?tasks}}\ny\n{{/}}\n{{/}}\n").as_deref(), Ok("y\n"));
        assert!(render("{{nope}}\n").is_err());
        assert!(render("{{tasks|nope}}\n").is_err());
        assert!(render("{{delay|plus1}}\n").is_err());
        assert!(render("{{tasks\n").is_err());
        assert!(render("{{?nope}}\n{{/}}\n").is_err());
        assert!(render("{{?defaults}}\n").is_err());
        assert!(render("{{/}}\n").is_err());
        assert!(render("{{:}}\n").is_err());
        assert!(render("{{?defaults}}\n{{:}}\n{{:}}\n{{/}}\n").is_err());
    }

    #[test]
    fn normalise_drops_integral_dot_zero_only() {
        assert_eq!(
            normalise("sleep(2.0) x=1.05 y=10.0, z=0.01 w=3.0e5 v=1.0)"),
            "sleep(2) x=1.05 y=10, z=0.01 w=3.0e5 v=1)"
        );
    }

    #[test]
    fn values_are_python_literals() {
        let p = parse_args(specs("tasks_wait_timeout"), &["timeout=-1", "delay=0.00001", "tasks=1"])
            .unwrap_or_else(|e| panic!("{e}"));
        let text = program("tasks_wait_timeout", &p).unwrap_or_default();
        assert!(text.contains("timeout=None)"), "{text}");
        assert!(text.contains("asyncio.sleep(1e-05)"), "{text}");
        assert!(text.contains("range(1, 2)"), "{text}");
        let p =
            parse_args(specs("sync_condition_notify"), &["consumers=1"]).unwrap_or_else(|e| panic!("{e}"));
        assert!(program("sync_condition_notify", &p).unwrap_or_default().contains("enumerate(('c1',))"));
        let p = parse_args(specs("thread_redis_consumer"), &["tasks=4,x'y\nimport os"])
            .unwrap_or_else(|e| panic!("{e}"));
        let text = program("thread_redis_consumer", &p).unwrap_or_default();
        assert!(text.contains("redis-cli lpush queue 4 \"x'y\\nimport os\"\n"), "{text}");
    }

    /// Every program, at the defaults and over many parameter sets, compiles
    /// with CPython (`compile(..., 'exec')`).
    #[test]
    fn every_program_compiles() {
        let mut programs = Vec::new();
        for m in crate::all_meta() {
            let mut sets = vec![Vec::new()];
            sets.extend(param_sets(m.name));
            for args in sets {
                let params = match parse_args(m.params, &args) {
                    Ok(p) => p,
                    Err(e) => panic!("{}: {e}", m.name),
                };
                match program(m.name, &params) {
                    Some(text) => programs.push((format!("{} {}", m.name, args.join(" ")), text)),
                    None => panic!("{} {args:?}: no program", m.name),
                }
            }
        }
        let checker = "import sys\n\
            data = sys.stdin.buffer.read().decode('utf-8').split('\\0')\n\
            bad = 0\n\
            for label, src in zip(data[0::2], data[1::2]):\n\
            \x20   try:\n\
            \x20       compile(src, label, 'exec')\n\
            \x20   except SyntaxError as e:\n\
            \x20       bad += 1\n\
            \x20       print(repr(label), e)\n\
            print(len(data) // 2, 'programs', bad, 'bad')\n";
        let mut child = match Command::new("python3")
            .args(["-c", checker])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
        {
            Ok(c) => c,
            Err(e) => panic!("python3: {e}"),
        };
        let mut input = Vec::new();
        for (label, text) in &programs {
            input.extend_from_slice(label.replace('\0', "").as_bytes());
            input.push(0);
            input.extend_from_slice(text.as_bytes());
            input.push(0);
        }
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(&input);
        }
        let output = match child.wait_with_output() {
            Ok(o) => o,
            Err(e) => panic!("python3: {e}"),
        };
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(report.ends_with(&format!("{} programs 0 bad\n", programs.len())), "{report}");
    }
}
