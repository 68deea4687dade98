//! Barrier(3): threads started one second apart pass bar.wait() only in
//! groups of three.

use asyncio_engine::sync::Barrier;

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn fun(num: i64, bar: Barrier, work: f64) -> PyResult<()> {
    bar.wait().await?;
    crate::log!("--------", num);
    sleep(work).await // time.sleep(2)
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let work = p.float("work");
        let bar = Barrier::named("bar", p.int("parties"))?;
        let num = 0_i64;
        for i in 0..p.int("threads") {
            sleep(p.float("start_gap")).await?; // time.sleep(1)
            create_task(fun(i, bar.clone(), work))?; // Thread(target=fun, args=(i,)).start()
        }
        sleep(p.float("run_time")).await?; // time.sleep(15)
        crate::log!("*******", num);
        Ok(())
    })
}
