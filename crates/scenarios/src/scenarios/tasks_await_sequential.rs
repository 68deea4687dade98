//! await runs coroutines one after another: func('ret1') finishes before
//! func('ret2') starts.

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn func(aa: &str, delay: f64) -> PyResult<String> {
    log(format!("{aa}>>start"));
    sleep(delay).await?;
    log(format!("{aa}>>end"));
    Ok(format!("func结束了,返回值是{aa}"))
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let delay = p.float("delay");
        log("main执行");
        let ret1 = func("ret1", delay).await?;
        log(format!("ret1返回值是{ret1}"));
        let ret2 = func("ret2", delay).await?;
        log(format!("ret2返回值是{ret2}"));
        Ok(())
    })
}
