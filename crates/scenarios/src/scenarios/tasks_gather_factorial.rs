//! gather runs three factorial coroutines concurrently, one step per second
//! each.

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn factorial(name: &'static str, number: i64, step: f64) -> PyResult<()> {
    let mut f: i64 = 1;
    for i in 2..=number {
        log(format!("Task {name}: Compute factorial({i})..."));
        sleep(step).await?;
        f *= i;
    }
    log(format!("Task {name}: factorial({number}) = {f}"));
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let step = p.float("step");
        // Schedule three calls *concurrently*:
        gather(&[
            create_task(factorial("A", p.int("a"), step))?.future().clone(),
            create_task(factorial("B", p.int("b"), step))?.future().clone(),
            create_task(factorial("C", p.int("c"), step))?.future().clone(),
        ])?
        .await?;
        Ok(())
    })
}
