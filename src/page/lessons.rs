//! What the page says about each lesson beyond its metadata: the suggested
//! learning path (the gallery's order), a plain-words opening for "About
//! this scenario", an English gloss of the Chinese lines some programs print
//! (the output itself stays the oracle's), and the sentence under the Python
//! program. Host-tested: every scenario of the catalogue has a place in the
//! path and a plain opening, and every one that prints Chinese has a gloss.

use asyncio_scenarios::python;

/// One step of the learning path: a title, a sentence, and its lessons in
/// the order to take them.
#[derive(Debug)]
pub struct Step {
    pub title: &'static str,
    pub blurb: &'static str,
    pub lessons: &'static [&'static str],
}

/// The gallery's "Start here" order, by topic.
pub static PATH: &[Step] = &[
    Step {
        title: "Coroutines and tasks",
        blurb: "await runs one coroutine after another; create_task runs them side by side.",
        lessons: &[
            "tasks_say_after_sequential",
            "tasks_say_after_create_task",
            "tasks_await_sequential",
            "tasks_create_task_ensure_future",
            "tasks_crawler_loop",
            "tasks_crawler_bug",
            "async_with_for",
        ],
    },
    Step {
        title: "gather and wait",
        blurb: "Wait for many tasks at once: all of them, the first, or until a timeout.",
        lessons: &[
            "tasks_gather_factorial",
            "tasks_gather_groups",
            "tasks_gather_vs_as_completed",
            "tasks_gather_exception",
            "tasks_wait_return_when",
            "tasks_wait_timeout",
            "tasks_wait_for_timeout",
        ],
    },
    Step {
        title: "Synchronisation",
        blurb: "Locks, events, conditions and semaphores: tasks that take turns or wait for each other.",
        lessons: &[
            "sync_lock_x_in_list",
            "sync_lock_call_later",
            "sync_event",
            "sync_condition_notify",
            "sync_condition_consumers",
            "sync_semaphore_fetch",
            "sync_semaphore_crawler",
            "sync_rate_limit_per_minute",
        ],
    },
    Step {
        title: "Queues",
        blurb: "Producers and consumers that hand work over through an asyncio.Queue.",
        lessons: &["queue_stop_signals", "queue_random_workers", "queue_priority_semaphore"],
    },
    Step {
        title: "Executors",
        blurb: "Blocking and CPU-heavy work moved off the event loop into a pool.",
        lessons: &[
            "exec_run_in_executor",
            "exec_pool_jobs",
            "exec_thread_pool_map",
            "exec_cpu_offload",
            "exec_worker_faults",
        ],
    },
    Step {
        title: "Threads and processes",
        blurb: "The threading and multiprocessing programs, modelled as tasks on the loop.",
        lessons: &[
            "thread_race_counter",
            "thread_lock_counter",
            "thread_rlock",
            "thread_local",
            "thread_event",
            "thread_condition_ping_pong",
            "thread_semaphore",
            "thread_barrier",
            "thread_timer",
            "thread_basics",
            "thread_run_coroutine_threadsafe",
            "thread_call_soon_threadsafe",
            "thread_background_loop_queue",
            "thread_redis_consumer",
            "process_pool",
            "process_queue",
            "process_master_worker",
        ],
    },
    Step {
        title: "Under the hood: futures, callbacks and the loop",
        blurb: "What tasks are made of: futures, done callbacks and the loop's own scheduling calls.",
        lessons: &[
            "future_basics",
            "callback_add_done_callback",
            "callback_add_success_callback",
            "loop_call_soon_later_at",
            "loop_stop_run_forever",
        ],
    },
];

/// Where `name` is in the path: the step's index and the step.
pub fn step_of(name: &str) -> Option<(usize, &'static Step)> {
    PATH.iter().enumerate().find(|(_, step)| step.lessons.contains(&name))
}

/// The lesson after `name` in the path (the first of the next step after
/// a step's last lesson); `None` after the last one.
pub fn next_lesson(name: &str) -> Option<&'static str> {
    let mut all = PATH.iter().flat_map(|step| step.lessons.iter().copied());
    all.by_ref().find(|&lesson| lesson == name)?;
    all.next()
}

/// The first paragraph of "About this scenario": what the lesson teaches,
/// in plain words.
pub fn about_lead(name: &str) -> Option<&'static str> {
    LEADS.iter().find(|(n, _)| *n == name).map(|(_, lead)| *lead)
}

/// The Chinese phrases `name`'s program prints, each with its English
/// meaning (empty for the programs that print none).
pub fn glosses(name: &str) -> &'static [(&'static str, &'static str)] {
    GLOSSES.iter().find(|(n, _)| *n == name).map_or(&[], |(_, g)| *g)
}

/// The sentence under the Python program: how the program relates to the
/// output the page shows.
pub fn python_note(name: &str) -> &'static str {
    if let Some(note) = python::model_note(name) {
        return note;
    }
    match name {
        "tasks_crawler_bug" => {
            "Neither python3 nor pyrun.py gets past main's loop with the default urls: main never \
             awaits, so no task starts and the loop runs until memory runs out. The playground stops \
             main after 100000 operations in one step instead. With a small urls every task starts \
             once main's loop is over."
        }
        _ => {
            "The oracle's pyrun.py runs this program on a virtual clock and prints exactly the output \
             shown, each line stamped [t]. Plain python3 prints the same text without the stamps, \
             waiting in real time (clock times it prints, and events a few microseconds apart, can \
             differ)."
        }
    }
}

/// What the `[t]` stamp of each output line is.
pub const TRACE_NOTE: &str = "Each line is [t] text: t is loop.time() when text was printed, in \
     seconds (virtual time in instant and paced modes, so sleeps take none; the wall clock in real mode).";

static LEADS: &[(&str, &str)] = &[
    ("async_with_for", "async with and async for are ordinary with and for blocks whose enter, exit and next steps may await: while one task waits inside them, another task runs."),
    ("callback_add_done_callback", "A done callback is a plain function the loop calls once a task has finished, with the task as its argument; it can read the task's result."),
    ("callback_add_success_callback", "A coroutine cannot be a done callback, but a small wrapper can await a task and then await a follow-up coroutine with it: a callback chain written as coroutines."),
    ("exec_cpu_offload", "CPU-heavy work called on the loop thread stops every other task until it is over; handed to a process pool, it runs elsewhere and the loop keeps ticking."),
    ("exec_pool_jobs", "run_in_executor turns a blocking function into something a coroutine can await; a pool of N threads runs N of those calls at a time and queues the rest."),
    ("exec_run_in_executor", "A blocking call such as time.sleep stops the whole event loop; run in an executor it blocks only a worker thread or process, and the loop's other tasks carry on."),
    ("exec_thread_pool_map", "ThreadPoolExecutor.map hands jobs to a fixed number of threads: with three threads, ten one-second jobs take four rounds."),
    ("exec_worker_faults", "A job that crashes, throws or overruns its deadline fails only its own future: the caller gets an exception to handle, and the pool replaces the worker and carries on."),
    ("future_basics", "A future is a box for a result that arrives later: a task awaiting it waits until someone sets its result or cancels it."),
    ("loop_call_soon_later_at", "Besides tasks, the loop runs plain functions: call_soon on the next iteration, call_later after a delay and call_at at a given loop time."),
    ("loop_stop_run_forever", "loop.run_forever() keeps the loop going until something calls loop.stop(); tasks still unfinished then are left where they are."),
    ("process_master_worker", "The master-worker pattern: a master puts tasks on a queue, workers take them, compute and put results on another queue, which the master collects."),
    ("process_pool", "A pool of processes runs submitted jobs side by side, one job per process; with fewer processes than jobs, the rest wait their turn."),
    ("process_queue", "Two processes talk through a queue: one writes a number each second, the other reads and prints it, until the main process stops both."),
    ("queue_priority_semaphore", "A PriorityQueue hands out its smallest item first, whatever the order it was put in."),
    ("queue_random_workers", "A few workers share one queue of jobs: together they take less time than the jobs add up to, and queue.join() says when every job is done."),
    ("queue_stop_signals", "A bounded queue makes a fast producer wait for slow consumers; one stop signal per consumer ends them all cleanly."),
    ("sync_condition_consumers", "A condition lets tasks wait until another task says something changed: notify(n) wakes n of them, notify_all() every one."),
    ("sync_condition_notify", "notify() wakes only tasks that are already waiting on the condition; a task that starts waiting later waits for the next notify."),
    ("sync_event", "An event is a flag tasks can wait for: once it is set, every waiting task runs on."),
    ("sync_lock_call_later", "A lock is held until whoever took it releases it, here a callback 0.1 s later; the tasks that want it queue up and take it one after the other."),
    ("sync_lock_x_in_list", "A lock keeps a check and the action that depends on it together, even when the task awaits in between: without it, two tasks both pass the check."),
    ("sync_rate_limit_per_minute", "A semaphore slot held for a minute after each request limits how many requests start per minute, not just how many run at once."),
    ("sync_semaphore_crawler", "A semaphore lets only a few tasks into a section at once, here three crawls at a time, however many tasks there are."),
    ("sync_semaphore_fetch", "A semaphore with six slots lets six of twelve fetches run at once; the others wait for a slot to free up."),
    ("tasks_await_sequential", "Awaiting coroutines one after the other runs them one after the other: the second starts only when the first has returned."),
    ("tasks_crawler_bug", "Calling asyncio.sleep() without await does nothing: the coroutine never gives the loop a turn, so none of the tasks it creates ever starts."),
    ("tasks_crawler_loop", "A coroutine that creates tasks in a loop must give them a turn: an await asyncio.sleep(0) after each lets the new task start."),
    ("tasks_create_task_ensure_future", "create_task and ensure_future both start a coroutine as a task right away; awaiting the task later only collects its result."),
    ("tasks_gather_exception", "gather returns the results in the order of its arguments; an exception in one of them reaches the caller at once, unless return_exceptions collects it as a result."),
    ("tasks_gather_factorial", "gather runs several coroutines at the same time and returns all their results once the last one is done."),
    ("tasks_gather_groups", "gather can gather gathers: the groups run together and the result is a list of lists."),
    ("tasks_gather_vs_as_completed", "gather hands back every result at the end, in argument order; as_completed hands back each one as soon as it is ready, fastest first."),
    ("tasks_say_after_create_task", "Two tasks created with create_task run at the same time: a 1-second and a 2-second wait end after 2 seconds, not 3."),
    ("tasks_say_after_sequential", "Awaiting one coroutine and then the next runs them one after the other: a 1-second and a 2-second wait take 3 seconds."),
    ("tasks_wait_for_timeout", "wait_for gives a task a deadline: when the time is up it cancels the task and raises TimeoutError, which the caller can catch."),
    ("tasks_wait_return_when", "asyncio.wait returns two sets, done and pending; return_when says whether to return when all, the first, or the first failing task is done."),
    ("tasks_wait_timeout", "asyncio.wait with a timeout returns when the time is up, whether or not the tasks are done; the unfinished ones keep running."),
    ("thread_background_loop_queue", "A coroutine handed to a loop running in another thread (run_coroutine_threadsafe) runs there; several handed over at once overlap."),
    ("thread_barrier", "A barrier holds threads back until a set number of them have arrived, then lets that group through together."),
    ("thread_basics", "Threads run side by side: each one's time.sleep pauses only that thread."),
    ("thread_call_soon_threadsafe", "call_soon_threadsafe hands plain functions to a loop in another thread; that loop runs them one after the other, each to its end."),
    ("thread_condition_ping_pong", "Two threads take turns with one condition: each wakes the other with notify() and then waits for its turn."),
    ("thread_event", "An event passes a signal from one thread to another: one sets it, the other wakes, acts and clears it for the next time."),
    ("thread_local", "threading.local gives each thread its own copy of an attribute: two threads counting in it never see each other's numbers."),
    ("thread_lock_counter", "A lock around num += 1 makes the read and the write one step that no other thread can cut in two: no update is lost."),
    ("thread_race_counter", "num += 1 is a read and then a write: when another thread runs in between, its updates are overwritten and the total comes up short."),
    ("thread_redis_consumer", "A consumer thread takes jobs from a list and hands each to an event loop running in the background, which runs them side by side."),
    ("thread_rlock", "A re-entrant lock may be taken again by the thread that already holds it; a plain lock would wait for itself forever."),
    ("thread_run_coroutine_threadsafe", "run_coroutine_threadsafe runs a coroutine on a loop in another thread and gives back a future to wait on, with a timeout if you like."),
    ("thread_semaphore", "A semaphore lets only a few threads into a section at once: with three slots, nine threads go through three at a time."),
    ("thread_timer", "A timer thread runs a function once after a delay, unless it is cancelled first; join() waits for it."),
];

static GLOSSES: &[(&str, &[(&str, &str)])] = &[
    (
        "callback_add_done_callback",
        &[
            ("from test,开始阻塞,传入的参数是t1", "from test, starts blocking, the argument passed is t1"),
            ("from test,停止阻塞,传入的参数是t1", "from test, stops blocking, the argument passed is t1"),
            ("test的返回结果t1", "test's return value t1"),
        ],
    ),
    (
        "callback_add_success_callback",
        &[
            ("from test,开始阻塞,传入的参数是t1", "from test, starts blocking, the argument passed is t1"),
            ("from test,停止阻塞,传入的参数是t1", "from test, stops blocking, the argument passed is t1"),
            ("follow2开始运行,传入的参数t是", "follow2 starts running, the argument t passed is"),
            (
                "from回调函数follow2,上一个test返回值是",
                "from the callback function follow2, the previous test returned",
            ),
            ("test的返回结果t1", "test's return value t1"),
        ],
    ),
    ("exec_pool_jobs", &[("第0个foo开始运行", "foo number 0 starts running")]),
    ("process_queue", &[("强制结束", "forcibly ended")]),
    (
        "sync_rate_limit_per_minute",
        &[("请求一个延迟为1秒的接口", "requesting an endpoint with a 1-second delay")],
    ),
    (
        "sync_semaphore_crawler",
        &[("开始爬取,网页为1", "start crawling, the page is 1"), ("网页1爬取完毕", "page 1 crawled")],
    ),
    (
        "tasks_await_sequential",
        &[
            ("main执行", "main runs"),
            ("ret1返回值是", "ret1's return value is"),
            ("func结束了,返回值是ret1", "func finished, its return value is ret1"),
        ],
    ),
    (
        "tasks_crawler_bug",
        &[("开始爬取,网页为1", "start crawling, the page is 1"), ("网页1爬取完毕", "page 1 crawled")],
    ),
    (
        "tasks_crawler_loop",
        &[("开始爬取,网页为1", "start crawling, the page is 1"), ("网页1爬取完毕", "page 1 crawled")],
    ),
    (
        "tasks_create_task_ensure_future",
        &[
            ("main执行", "main runs"),
            ("func结束了,返回值是func1", "func finished, its return value is func1"),
        ],
    ),
    (
        "tasks_gather_vs_as_completed",
        &[(
            "需要7秒的时间,所以会最后输出",
            "takes 7 seconds, so it is printed last (the seed's text, whatever the time)",
        )],
    ),
    (
        "thread_background_loop_queue",
        &[
            ("第一个 协程运行完..", "the first coroutine has finished.."),
            ("第二个 协程运行完..", "the second coroutine has finished.."),
        ],
    ),
    (
        "thread_call_soon_threadsafe",
        &[
            ("第一个 协程运行完..", "the first coroutine has finished.."),
            ("第二个 协程运行完..", "the second coroutine has finished.."),
        ],
    ),
    ("thread_redis_consumer", &[("协程运行完..", "coroutine finished.."), ("当前时间:", "current time:")]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use asyncio_scenarios::{all_meta, catalogue, run_to_lines, Params};

    fn has_cjk(text: &str) -> bool {
        text.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c))
    }

    #[test]
    fn every_lesson_is_once_in_the_path_and_has_a_plain_opening() {
        let mut seen: Vec<&str> = PATH.iter().flat_map(|s| s.lessons.iter().copied()).collect();
        let path_len = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), path_len, "a lesson is twice in the path");
        let mut all: Vec<&str> = all_meta().iter().map(|m| m.name).collect();
        all.sort_unstable();
        assert_eq!(seen, all, "the path and the catalogue differ");
        for name in all {
            let lead = about_lead(name).unwrap_or_else(|| panic!("{name} has no plain opening"));
            assert!(!lead.contains(".txt") && !lead.contains("seed"), "{name}: {lead}");
        }
        assert_eq!(LEADS.len(), path_len);
    }

    #[test]
    fn the_path_goes_through_every_lesson_in_order() {
        assert_eq!(next_lesson("tasks_say_after_sequential"), Some("tasks_say_after_create_task"));
        // The last lesson of a step leads to the first of the next one.
        assert_eq!(next_lesson("async_with_for"), Some("tasks_gather_factorial"));
        assert_eq!(next_lesson("loop_stop_run_forever"), None);
        assert_eq!(next_lesson("no_such_lesson"), None);
        assert_eq!(step_of("queue_stop_signals").map(|(i, s)| (i, s.title)), Some((3, "Queues")));
    }

    #[test]
    fn every_lesson_that_prints_chinese_has_an_english_gloss_of_what_it_prints() {
        for scenario in catalogue() {
            let name = scenario.name();
            let lines = run_to_lines(&scenario, Params::defaults(scenario.meta.params));
            let output = lines.join("\n");
            let glossed = glosses(name);
            if has_cjk(&output) {
                assert!(!glossed.is_empty(), "{name} prints Chinese and has no gloss");
            }
            for (chinese, english) in glossed {
                assert!(has_cjk(chinese) && !has_cjk(english), "{name}: {chinese} / {english}");
                // The crawler bug prints nothing at its defaults (its
                // program does with a small urls).
                if name != "tasks_crawler_bug" {
                    assert!(output.contains(chinese), "{name} does not print {chinese}");
                }
            }
        }
    }

    #[test]
    fn notes_say_what_prints_the_output() {
        let note = python_note("tasks_gather_factorial");
        assert!(note.contains("pyrun.py") && note.contains("without the stamps"), "{note}");
        assert!(!note.contains("exactly what CPython"));
        // The crawler bug's note does not promise an output python3 never gives.
        let bug = python_note("tasks_crawler_bug");
        assert!(!bug.contains("prints exactly"), "{bug}");
        assert!(python_note("thread_lock_counter").contains("models"));
    }
}
