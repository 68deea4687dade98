//! tasks_crawler_loop with the bug the seed warns about: the
//! `asyncio.sleep(gap)` after each `create_task` is not awaited, so `main`
//! never yields and none of the tasks it creates ever starts.

use asyncio_engine::pyrandom::Random;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta_extra::TASKS_CRAWLER_BUG,
    python: Python {
        template: include_str!("../../python/tasks_crawler_bug.py"),
        kind: ProgramKind::ReadOnly(None),
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn get_response(url: i64, sleep_time: i64) -> PyResult<()> {
    log(format!("开始爬取,网页为{url}"));
    sleep(sleep_time as f64).await?;
    log(format!("网页{url}爬取完毕"));
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let event_loop = get_running_loop()?;
        let mut rnd = Random::new(p.int("seed"));
        let mut tasks = Vec::new();
        let mut url = 1;
        while url <= p.int("urls") {
            let sleep_time = rnd.randint(1, p.int("max_sleep")).map_err(Exception::value_error)?;
            let task = get_response(url, sleep_time);
            tasks.push(event_loop.create_task(task)?.future().clone());
            // The bug: `asyncio.sleep(gap)` without `await` makes a coroutine
            // and drops it; the loop never gives the event loop a turn.
            drop(sleep(p.float("gap")));
            url += 1;
        }
        wait(&tasks, None, ReturnWhen::AllCompleted).await?;
        Ok(())
    })
}
