//! run_coroutine_threadsafe: hand a coroutine to a loop in another thread and
//! block on future.result(timeout=2).

use asyncio_engine::executor::thread_sleep;

use crate::prelude::*;
use crate::{MainFuture, Params};

async fn a(a_cost: f64) -> PyResult<String> {
    thread_sleep(a_cost).await?; // time.sleep(1) in the background loop's thread
    log("a in ");
    Ok("a".to_string())
}

async fn b1(a_cost: f64, timeout: f64) -> PyResult<()> {
    // new_loop = asyncio.new_event_loop(); Thread(target=start_loop, args=(new_loop,)).start()
    let future = ensure_future(a(a_cost))?; // asyncio.run_coroutine_threadsafe(a(), new_loop)
    let state = if future.done() { "finished" } else { "pending" };
    log(format!("<Future state={state}>")); // print(future)
    let (done, _) = wait(&[future.future().clone()], Some(timeout), ReturnWhen::AllCompleted).await?; // future.result(timeout=2)
    if done.is_empty() {
        return Err(Exception::timeout());
    }
    log(format!("Result: {}", future.result()?));
    // new_loop.call_soon_threadsafe(partial(shutdown, new_loop))
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move { b1(p.float("a_cost"), p.float("timeout")).await })
}
