//! gather returns results in argument order, but the first exception
//! propagates at once (uncaught here).

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn task(name: &'static str, duration: f64, fail: String) -> PyResult<String> {
    sleep(duration).await?;
    if name == fail {
        return Err(Exception::value_error(format!("{name} failed")));
    }
    Ok(format!("{name} finished"))
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let fail = p.str("fail").to_string();
        let tasks = [
            create_task(task("TaskA", p.float("a"), fail.clone()))?.future().clone(),
            create_task(task("TaskB", p.float("b"), fail.clone()))?.future().clone(),
            create_task(task("TaskC", p.float("c"), fail))?.future().clone(),
        ];
        let results: Vec<PyValue> = if p.int("return_exceptions") != 0 {
            let outcomes = gather_outcomes(&tasks)?.await?;
            outcomes
                .into_iter()
                .map(|r| match r {
                    Ok(s) => PyValue::Str(s),
                    Err(e) => PyValue::Str(e.str()),
                })
                .collect()
        } else {
            gather(&tasks)?.await?.into_iter().map(PyValue::Str).collect()
        };
        for result in results {
            crate::log!(result);
        }
        Ok(())
    })
}
