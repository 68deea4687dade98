//! Metadata of the scenarios that are not in the oracle (hand-written, in the
//! format of the generated `meta.rs`). `run.py` does not know them: the
//! oracle comparison and the plain-program check skip them.

use crate::meta::Meta;
use crate::params::{Default, Num, ParamSpec};
use crate::Topic;

/// The extra scenarios, sorted by name.
pub static EXTRA: &[&Meta] = &[&EXEC_CPU_OFFLOAD, &EXEC_WORKER_FAULTS, &TASKS_CRAWLER_BUG];

/// `exec_cpu_offload`: CPU-bound work on the loop thread or in a process pool.
pub static EXEC_CPU_OFFLOAD: Meta = Meta {
    name: "exec_cpu_offload",
    summary: "CPU-bound count_primes on the loop thread or in a ProcessPoolExecutor, while a heartbeat task tries to tick.",
    details: "A heartbeat task sleeps 0.1 s at a time and counts its ticks while main counts\nprimes, chunk after chunk. On the loop thread (where=loop) every chunk blocks\nthe event loop: the heartbeat never ticks until the work is over. In a\nProcessPoolExecutor (where=pool) the chunks run in other processes, as many at\nonce as there are workers, and the loop keeps ticking. In real mode the pool's\nworkers are Web Workers on your other cores and the loop variant really blocks\nthe page: watch the frame meter.",
    topic: Topic::Executors,
    params: &[
        ParamSpec {
            name: "where",
            default: Default::Str("pool"),
            min: None,
            max: None,
            choices: Some(&["pool", "loop"]),
            help: "run the chunks in a ProcessPoolExecutor, or call them on the loop thread",
        },
        ParamSpec {
            name: "chunks",
            default: Default::Int(8),
            min: Some(Num::Int(1)),
            max: Some(Num::Int(64)),
            choices: None,
            help: "how many count_primes(n) calls",
        },
        ParamSpec {
            name: "n",
            default: Default::Int(1_000_000),
            min: Some(Num::Int(10)),
            max: Some(Num::Int(5_000_000)),
            choices: None,
            help: "each chunk counts the primes below n",
        },
        ParamSpec {
            name: "workers",
            default: Default::Int(2),
            min: Some(Num::Int(1)),
            max: Some(Num::Int(16)),
            choices: None,
            help: "ProcessPoolExecutor(max_workers=workers)",
        },
        ParamSpec {
            name: "cost",
            default: Default::Float(0.1_f64),
            min: Some(Num::Float(0.0_f64)),
            max: Some(Num::Float(60.0_f64)),
            choices: None,
            help: "virtual seconds one chunk takes (instant and paced modes)",
        },
        ParamSpec {
            name: "beat",
            default: Default::Float(0.1_f64),
            min: Some(Num::Float(0.01_f64)),
            max: Some(Num::Float(10.0_f64)),
            choices: None,
            help: "the heartbeat's asyncio.sleep",
        },
    ],
};

/// `exec_worker_faults`: jobs that fail in their workers.
pub static EXEC_WORKER_FAULTS: Meta = Meta {
    name: "exec_worker_faults",
    summary: "Jobs that panic, throw or run past a deadline fail their own futures; the pool replaces the worker and keeps serving.",
    details: "Five jobs go to a process pool one after another, each awaited in a try block:\ncount_primes(n), a job that panics, one that throws, one that would block its\nworker for hang seconds but has a deadline, and fib(20). Each failure is an\nexception naming the job and the cause; the worker that failed is replaced,\nand the last job runs as if nothing happened. In real mode it all happens in\nthe page's Web Workers: a wasm panic, a JavaScript throw, a worker terminated\nat its deadline.",
    topic: Topic::Executors,
    params: &[
        ParamSpec {
            name: "n",
            default: Default::Int(100_000),
            min: Some(Num::Int(10)),
            max: Some(Num::Int(5_000_000)),
            choices: None,
            help: "the first job counts the primes below n",
        },
        ParamSpec {
            name: "deadline",
            default: Default::Float(0.5_f64),
            min: Some(Num::Float(0.05_f64)),
            max: Some(Num::Float(60.0_f64)),
            choices: None,
            help: "seconds the hung job may run before its worker is terminated",
        },
        ParamSpec {
            name: "hang",
            default: Default::Float(5.0_f64),
            min: Some(Num::Float(0.0_f64)),
            max: Some(Num::Float(600.0_f64)),
            choices: None,
            help: "seconds the hung job would block its worker (busy_wait)",
        },
        ParamSpec {
            name: "workers",
            default: Default::Int(2),
            min: Some(Num::Int(1)),
            max: Some(Num::Int(16)),
            choices: None,
            help: "ProcessPoolExecutor(max_workers=workers)",
        },
        ParamSpec {
            name: "cost",
            default: Default::Float(0.2_f64),
            min: Some(Num::Float(0.0_f64)),
            max: Some(Num::Float(60.0_f64)),
            choices: None,
            help: "virtual seconds each other job takes (instant and paced modes)",
        },
    ],
};

/// `tasks_crawler_bug`: `tasks_crawler_loop` with its missing await.
pub static TASKS_CRAWLER_BUG: Meta = Meta {
    name: "tasks_crawler_bug",
    summary: "tasks_crawler_loop with its bug: asyncio.sleep(gap) is never awaited, so main never yields.",
    details: "main's loop calls asyncio.sleep(gap) without awaiting it and keeps calling\ncreate_task: main never gives the loop a turn, so no task ever starts. The\nseed's crawler (seed file 003_833f887adf68fe38.txt) warns about exactly this:\n'如果这里不await,看不出效果,线程的使用权一直没有释放' (without await nothing\nhappens: the thread is never released). With the default urls (a billion, the\nseed's endless loop) the engine's runaway detection stops main after 100000\noperations in one step; CPython would run until memory ran out.",
    topic: Topic::Tasks,
    params: &[
        ParamSpec {
            name: "urls",
            default: Default::Int(1_000_000_000),
            min: Some(Num::Int(1)),
            max: Some(Num::Int(1_000_000_000)),
            choices: None,
            help: "tasks created (the default is effectively endless)",
        },
        ParamSpec {
            name: "seed",
            default: Default::Int(1),
            min: Some(Num::Int(0)),
            max: Some(Num::Int(4294967295)),
            choices: None,
            help: "random.Random(seed) for the sleep times",
        },
        ParamSpec {
            name: "max_sleep",
            default: Default::Int(3),
            min: Some(Num::Int(1)),
            max: Some(Num::Int(60)),
            choices: None,
            help: "sleep_time = randint(1, max_sleep)",
        },
        ParamSpec {
            name: "gap",
            default: Default::Float(0.0_f64),
            min: Some(Num::Float(0.0_f64)),
            max: Some(Num::Float(60.0_f64)),
            choices: None,
            help: "the asyncio.sleep(gap) that is never awaited",
        },
    ],
};
