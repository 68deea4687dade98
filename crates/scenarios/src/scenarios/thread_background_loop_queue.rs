//! run_coroutine_threadsafe: coroutines on a background loop overlap, so 6 s
//! and 3 s end after 6 s.
//!
//! While it runs, the page can push more: a number `x` pushed from the page
//! is one more `run_coroutine_threadsafe(do_sleep(x, queue, ...), new_loop)`,
//! and the main thread's `while True` prints it too.

use std::cell::Cell;
use std::rc::Rc;

use asyncio_engine::sync::Queue;

use crate::lesson::{Derived, Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::THREAD_BACKGROUND_LOOP_QUEUE,
    python: Python {
        template: include_str!("../../python/thread_background_loop_queue.py"),
        kind: ProgramKind::Model(
            "The playground models this program on its virtual event loop: the background loop is the \
             virtual loop itself, so run_coroutine_threadsafe is ensure_future, and the main thread's \
             blocking queue.get() loop is a task awaiting an asyncio.Queue that stops after the two \
             messages.",
        ),
        derived: Some(derived),
    },
    push_hint: Some(
        "Push a number of seconds: one more run_coroutine_threadsafe(do_sleep(n, queue, ...), new_loop).",
    ),
    uses_workers: false,
};

/// The template's own markers (see [`crate::python`]).
fn derived(p: &Params, key: &str) -> Option<Derived> {
    Some(match key {
        "longer" => Derived::Text(p.int("first").max(p.int("second")).to_string()),
        _ => return None,
    })
}

async fn do_sleep(x: i64, queue: Queue<String>, msg: String) -> PyResult<()> {
    sleep(x as f64).await?;
    queue.put_nowait(msg) // queue.put(msg)
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let queue: Queue<String> = Queue::named("queue", 0); // queue.Queue()
                                                             // new_loop = asyncio.new_event_loop(); Thread(target=start_loop, args=(new_loop,)).start()

        log(ctime());

        // 动态添加两个协程
        // 这种方法,在主线程是异步的
        ensure_future(do_sleep(p.int("first"), queue.clone(), "第一个".to_string()))?; // run_coroutine_threadsafe(..., new_loop)
        ensure_future(do_sleep(p.int("second"), queue.clone(), "第二个".to_string()))?;

        // Values pushed from the page: more coroutines for the background loop.
        let expected = Rc::new(Cell::new(2));
        let (more, inbox_queue) = (expected.clone(), queue.clone());
        get_running_loop()?.set_inbox(move |text| {
            let x = crate::parse_push(text)?;
            more.set(more.get() + 1);
            let msg = format!("pushed-{}", more.get() - 2);
            log(format!(
                "pushed from the page: run_coroutine_threadsafe(do_sleep({x}, queue, {msg:?}), new_loop)"
            ));
            ensure_future(do_sleep(x, inbox_queue.clone(), msg))?;
            Ok(())
        });

        let mut printed = 0;
        while printed < expected.get() {
            // while True:
            printed += 1;
            let msg = queue.get().await?;
            log(format!("{msg} 协程运行完.."));
            log(ctime());
        }
        Ok(())
    })
}
