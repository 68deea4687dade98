//! multiprocessing.Pool(10).apply_async: ten processes each print 0..n-1, one
//! number a second.

use asyncio_engine::executor::{thread_sleep, VirtualPool};

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn func(num: i64, tick: f64) -> PyResult<()> {
    for n in 0..num {
        crate::log!(n);
        thread_sleep(tick).await?; // time.sleep(1) in the worker process
    }
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let tick = p.float("tick");
        let event_loop = get_running_loop()?;
        let pool = VirtualPool::named(p.int("processes").max(1) as usize, "Pool")?; // p = Pool(10)
        for n in 0..p.int("jobs") {
            pool.submit_steps(&event_loop, &format!("func({n})"), move || func(n, tick));
            // p.apply_async(func, args=(n,))
        }
        // p.close()
        pool.join().await?; // p.join()
        Ok(())
    })
}
