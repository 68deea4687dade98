//! Event wait / set / clear: the main thread sets the event each second, a
//! worker wakes, prints and clears it.

use asyncio_engine::sync::Event;

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn fun(event: Event) -> PyResult<()> {
    loop {
        event.wait().await?;
        log("--------");
        event.clear();
    }
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let event = Event::named("event");
        let _t = create_task(fun(event.clone()))?; // Thread(target=fun).start()
        for _ in 0..p.int("rounds") {
            sleep(p.float("interval")).await?; // time.sleep(1)
            event.set();
            log("********");
        }
        Ok(())
    })
}
