//! asyncio.wait_for cancels a 3-second task after 2 s and raises
//! TimeoutError, which main catches.

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn task(duration: f64) -> PyResult<String> {
    sleep(duration).await?;
    Ok("Task finished".to_string())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        match wait_for(Awaitable::coro(task(p.float("duration"))), Some(p.float("timeout"))).await {
            Ok(result) => log(result),
            Err(e) if e.is_timeout() => log("The task took too long!"),
            Err(e) => return Err(e),
        }
        Ok(())
    })
}
