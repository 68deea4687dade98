//! Awaiting two coroutines one after the other: say_after(1) then
//! say_after(2) takes 3 s.

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn say_after(delay: f64, what: &str) -> PyResult<()> {
    sleep(delay).await?;
    log(what);
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        log(format!("started at {}", strftime_x()));

        say_after(p.float("delay1"), "hello").await?;
        say_after(p.float("delay2"), "world").await?;

        log(format!("finished at {}", strftime_x()));
        Ok(())
    })
}
