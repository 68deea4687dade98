//! Two create_task() tasks run concurrently: say_after(1) and say_after(2)
//! finish after 2 s, not 3.

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn say_after(delay: f64, what: &'static str) -> PyResult<()> {
    sleep(delay).await?;
    log(what);
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let task1 = create_task(say_after(p.float("delay1"), "hello"))?;

        let task2 = create_task(say_after(p.float("delay2"), "world"))?;

        log(format!("started at {}", strftime_x()));

        // Wait until both tasks are completed (should take
        // around 2 seconds.)
        task1.await?;
        task2.await?;

        log(format!("finished at {}", strftime_x()));
        Ok(())
    })
}
