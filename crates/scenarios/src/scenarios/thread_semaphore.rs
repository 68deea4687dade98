//! Semaphore(3) with 9 looping threads: three at a time hold it for 2 s; main
//! prints after 15 s.

use asyncio_engine::sync::Semaphore;

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn fun(mut num: i64, sem: Semaphore, hold: f64) -> PyResult<()> {
    loop {
        num += 1;
        let _held = sem.acquire_guard().await?; // async with sem:
        crate::log!("--------", num);
        sleep(hold).await?; // time.sleep(2)
    }
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let sem = Semaphore::named("sem", p.int("limit"))?;
        let num = 0_i64;
        for i in 0..p.int("threads") {
            create_task(fun(i, sem.clone(), p.float("hold")))?; // Thread(target=fun, args=(i,)).start()
        }
        sleep(p.float("run_time")).await?; // time.sleep(15)
        crate::log!("*******", num);
        Ok(())
    })
}
