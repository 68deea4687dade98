//! A consumer thread polls a redis list every second and submits do_sleep(n)
//! to a background loop.
//!
//! While it runs, the page can push more: a number pushed from the page is a
//! `redis-cli lpush queue n`, which the consumer picks up at its next poll.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use asyncio_engine::sync::Queue;

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::python::{cli_values, split_values};
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_REDIS_CONSUMER,
    python: Python {
        template: include_str!("../../python/thread_redis_consumer.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: the background loop is the \
             virtual loop (run_coroutine_threadsafe is ensure_future), the consumer thread is a task whose \
             time.sleep is an await asyncio.sleep, redis is an in-memory list, and the main thread stops \
             after one message per value.",
        ),
        derived: Some(derived),
    },
    push_hint: Some("Push a number of seconds onto the redis list (redis-cli lpush queue n): the consumer thread picks it up at its next poll."),
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "tasks_cli" => Derived::Text(cli_values(p.str("tasks"))),
        "more_cli" => Derived::Text(cli_values(p.str("more"))),
        "has_tasks" => Derived::Flag(split_values(p.str("tasks")).next().is_some()),
        "has_more" => Derived::Flag(split_values(p.str("more")).next().is_some()),
        _ => return None,
    })
}

/// The part of redis.Redis the seed uses: a list per key.
#[derive(Clone, Default)]
pub struct Redis {
    lists: Rc<RefCell<HashMap<String, Vec<String>>>>,
}

impl Redis {
    pub fn lpush(&self, key: &str, value: &str) {
        self.lists.borrow_mut().entry(key.to_string()).or_default().insert(0, value.to_string());
    }
    pub fn rpop(&self, key: &str) -> Option<String> {
        self.lists.borrow_mut().get_mut(key).and_then(Vec::pop)
    }
}

async fn do_sleep(x: i64, queue: Queue<String>) -> PyResult<()> {
    sleep(x as f64).await?;
    queue.put_nowait("ok".to_string()) // queue.put("ok")
}

async fn consumer(rcon: Redis, queue: Queue<String>, poll: f64) -> PyResult<()> {
    loop {
        let Some(task) = rcon.rpop("queue") else {
            sleep(poll).await?; // time.sleep(1) in the consumer thread
            continue;
        };
        ensure_future(do_sleep(py_int(&task)?, queue.clone()))?; // run_coroutine_threadsafe(..., new_loop)
    }
}

async fn redis_cli(rcon: Redis, values: Vec<String>, at: f64, every: f64) -> PyResult<()> {
    sleep(at).await?;
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            sleep(every).await?;
        }
        rcon.lpush("queue", v);
    }
    Ok(())
}

fn split(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|v| !v.is_empty()).map(str::to_string).collect()
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let (values, more) = (split(p.str("tasks")), split(p.str("more")));
        for v in values.iter().chain(&more) {
            py_int(v)?; // the seed's int(task) must work
        }
        log(ctime());
        let rcon = Redis::default(); // get_redis()
        for v in &values {
            rcon.lpush("queue", v);
        }
        let queue: Queue<String> = Queue::named("queue", 0); // queue.Queue()

        // 子线程:用于消费队列消息,并实时往事件对象容器中添加新任务
        create_task(consumer(rcon.clone(), queue.clone(), p.float("poll")))?;
        if !more.is_empty() {
            create_task(redis_cli(rcon.clone(), more.clone(), p.float("more_at"), p.float("more_every")))?;
        }

        // Values pushed from the page: `redis-cli lpush queue n`.
        let expected = Rc::new(Cell::new(values.len() + more.len()));
        let (count, inbox_redis) = (expected.clone(), rcon.clone());
        get_running_loop()?.set_inbox(move |text| {
            let n = crate::parse_push(text)?;
            log(format!("pushed from the page: redis-cli lpush queue {n}"));
            inbox_redis.lpush("queue", &n.to_string());
            count.set(count.get() + 1);
            Ok(())
        });

        let mut printed = 0;
        while printed < expected.get() {
            // while True:
            printed += 1;
            let _msg = queue.get().await?;
            log("协程运行完..");
            crate::log!("当前时间:", ctime());
        }
        Ok(())
    })
}
