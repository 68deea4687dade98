//! run_coroutine_threadsafe: coroutines on a background loop overlap, so 6 s
//! and 3 s end after 6 s.

use asyncio_engine::sync::Queue;

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn do_sleep(x: i64, queue: Queue<String>, msg: &str) -> PyResult<()> {
    sleep(x as f64).await?;
    queue.put_nowait(msg.to_string()) // queue.put(msg)
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let queue: Queue<String> = Queue::named("queue", 0); // queue.Queue()
                                                             // new_loop = asyncio.new_event_loop(); Thread(target=start_loop, args=(new_loop,)).start()

        log(ctime());

        // 动态添加两个协程
        // 这种方法,在主线程是异步的
        ensure_future(do_sleep(p.int("first"), queue.clone(), "第一个"))?; // run_coroutine_threadsafe(..., new_loop)
        ensure_future(do_sleep(p.int("second"), queue.clone(), "第二个"))?;

        for _ in 0..2 {
            // while True:
            let msg = queue.get().await?;
            log(format!("{msg} 协程运行完.."));
            log(ctime());
        }
        Ok(())
    })
}
