//! asyncio.wait returns (done, pending); with timeout=2 and 2-second tasks
//! all three are still pending.

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn func(aa: String, delay: f64) -> PyResult<String> {
    log(format!("{aa}>>start"));
    sleep(delay).await?;
    log(format!("{aa}>>end"));
    Ok(format!("func结束了,返回值是{aa}"))
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let delay = p.float("delay");
        let mut takslist = Vec::new();
        for i in 1..=p.int("tasks") {
            takslist.push(ensure_future(func(format!("func{i}"), delay))?.future().clone());
        }
        let timeout = if p.float("timeout") < 0.0 { None } else { Some(p.float("timeout")) };
        let (done, pending) = wait(&takslist, timeout, ReturnWhen::AllCompleted).await?;
        let results: Vec<String> = takslist
            .iter()
            .filter(|t| done.iter().any(|d| d.ptr_eq(t)))
            .map(|t| t.result())
            .collect::<PyResult<_>>()?;
        crate::log!("done:", results); // print(done)
        crate::log!("pending:", pending.len() as i64);
        Ok(())
    })
}
