//! Two threads doing num += 1 without a lock lose updates: the total falls
//! short of 2 x 1000.

use std::cell::Cell;
use std::rc::Rc;

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn func(num: Rc<Cell<i64>>, iterations: i64, switch_every: i64) -> PyResult<()> {
    for i in 0..iterations {
        let tmp = num.get(); // num += 1: read ...
        if (i + 1) % switch_every == 0 {
            sleep(0.0).await?; // ... the interpreter switches threads here ...
        }
        num.set(tmp + 1); // ... write back
    }
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let (iterations, switch_every) = (p.int("iterations"), p.int("switch_every").max(1));
        let num = Rc::new(Cell::new(0));
        let threads = (0..p.int("threads"))
            .map(|_| create_task(func(num.clone(), iterations, switch_every)))
            .collect::<PyResult<Vec<_>>>()?; // t1.start(); t2.start()
        for t in threads {
            t.await?; // t1.join(); t2.join()
        }
        crate::log!(num.get());
        Ok(())
    })
}
