//! The crawler loop again, with Semaphore(3): at most three get_response
//! bodies run at a time.

use asyncio_engine::pyrandom::Random;
use asyncio_engine::sync::Semaphore;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::SYNC_SEMAPHORE_CRAWLER,
    python: Python {
        template: include_str!("../../python/sync_semaphore_crawler.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

async fn get_response(url: i64, sleep_time: i64, sem: Semaphore) -> PyResult<()> {
    // 在并发函数中添加,直接控制并发数
    let _held = sem.acquire_guard().await?; // async with sem:
    log(format!("开始爬取,网页为{url}"));
    sleep(sleep_time as f64).await?;
    log(format!("网页{url}爬取完毕"));
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        // 设置协程的并发数
        let sem = Semaphore::named("sem", p.int("limit"))?;
        let event_loop = get_running_loop()?;
        let mut rnd = Random::new(p.int("seed"));
        let mut tasks = Vec::new();
        let mut url = 1;
        while url <= p.int("urls") {
            // while 1:
            let sleep_time = rnd.randint(1, p.int("max_sleep")).map_err(Exception::value_error)?;
            let task = get_response(url, sleep_time, sem.clone());
            tasks.push(event_loop.create_task(task)?.future().clone());
            // 如果这里不await,看不出效果,线程的使用权一直没有释放.
            sleep(0.0).await?;
            url += 1;
        }
        wait(&tasks, None, ReturnWhen::AllCompleted).await?;
        Ok(())
    })
}
