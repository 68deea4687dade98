//! Metadata of the scenarios that are not in the oracle (hand-written, in the
//! format of the generated `meta.rs`). `run.py` does not know them: the
//! oracle comparison and the plain-program check skip them.

use crate::meta::Meta;
use crate::params::{Default, Num, ParamSpec};
use crate::Topic;

/// The extra scenarios, sorted by name.
pub static EXTRA: &[Meta] = &[Meta {
    name: "tasks_crawler_bug",
    summary: "tasks_crawler_loop with its bug: asyncio.sleep(gap) is never awaited, so main never yields.",
    details: "The seed's crawler (003_833f887adf68fe38.txt) warns: '如果这里不await,看不出效果,\n线程的使用权一直没有释放' (without await nothing happens: the thread is never\nreleased). Here the loop calls asyncio.sleep(gap) without awaiting it and keeps\ncalling create_task; no task ever starts. With the default urls (a billion,\nthe seed's endless loop) the engine's runaway detection stops main after\n100000 operations in one step; CPython would run until memory ran out.",
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
}];
