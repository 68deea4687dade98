//! call_soon_threadsafe: blocking callbacks on a background loop run one
//! after the other (6 + 3 = 9 s).

use std::rc::Rc;

use asyncio_engine::pyfmt::float_repr;
use asyncio_engine::sync::Queue;
use asyncio_engine::Coroutine;

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_CALL_SOON_THREADSAFE,
    python: Python {
        template: include_str!("../../python/thread_call_soon_threadsafe.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: the background loop's thread \
             is a task that runs the handed-over callbacks one after the other, each to its end, their \
             blocking time.sleep an await asyncio.sleep, and the main thread's queue.get() awaits an \
             asyncio.Queue.",
        ),
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

/// `(fn, args)` handed to the background loop: a call that makes a coroutine.
type Callback = Rc<dyn Fn() -> Coroutine<()>>;

async fn start_loop(callbacks: Queue<Callback>) -> PyResult<()> {
    // 一个在后台永远运行的事件循环: new_loop.run_forever() in its own thread
    loop {
        let callback = callbacks.get().await?;
        callback().await?;
        callbacks.task_done()?;
    }
}

async fn do_sleep(x: i64, queue: Queue<String>, msg: &'static str) -> PyResult<()> {
    sleep(x as f64).await?; // time.sleep(x): blocks the background thread
    queue.put_nowait(msg.to_string())
}

fn call(x: i64, queue: &Queue<String>, msg: &'static str) -> Callback {
    let queue = queue.clone();
    Rc::new(move || Box::pin(do_sleep(x, queue.clone(), msg)))
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let queue: Queue<String> = Queue::named("queue", 0); // queue.Queue()
        let new_loop: Queue<Callback> = Queue::named("new_loop", 0); // what call_soon_threadsafe hands to new_loop
        let _t = create_task(start_loop(new_loop.clone()))?; // Thread(target=start_loop, args=(new_loop,)).start()

        log(ctime());

        // 动态添加两个协程
        // 这种方法,在主线程是同步的
        new_loop.put_nowait(call(p.int("first"), &queue, "第一个"))?; // new_loop.call_soon_threadsafe(do_sleep, 6, queue, "第一个")
        new_loop.put_nowait(call(p.int("second"), &queue, "第二个"))?; // new_loop.call_soon_threadsafe(do_sleep, 3, queue, "第二个")

        for _ in 0..2 {
            // while True:
            let msg = queue.get().await?;
            log(format!("{msg} 协程运行完.."));
            log(ctime());
        }

        main004(&p).await
    })
}

// seed 004
async fn more_work(x: i64) -> PyResult<()> {
    log(format!("More work {x}"));
    sleep(x as f64).await?; // time.sleep(x): blocks the background thread
    log(format!("Finished more work {x}"));
    Ok(())
}

async fn main004(p: &Params) -> PyResult<()> {
    let start = now(); // time.time()
    let new_loop: Queue<Callback> = Queue::named("new_loop", 0);
    let _t = create_task(start_loop(new_loop.clone()))?; // Thread(target=start_loop, args=(new_loop,)).start()
    log(format!("TIME: {}", float_repr(now() - start)));
    let (first, second) = (p.int("first"), p.int("second"));
    new_loop.put_nowait(Rc::new(move || Box::pin(more_work(first))))?; // new_loop.call_soon_threadsafe(more_work, 6)
    new_loop.put_nowait(Rc::new(move || Box::pin(more_work(second))))?; // new_loop.call_soon_threadsafe(more_work, 3)
    new_loop.join().await // the loop thread keeps the program alive
}
