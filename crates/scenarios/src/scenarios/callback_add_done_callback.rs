//! add_done_callback: a plain function called with the finished task prints
//! its result.

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::CALLBACK_ADD_DONE_CALLBACK,
    python: Python {
        template: include_str!("../../python/callback_add_done_callback.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

fn follow(t: &Future<String>) {
    // 这里的t是test函数的运行返回值,是一个task运行完的对象,result方法可以获取返回值
    if let Ok(result) = t.result() {
        log(result);
    }
}

async fn test(i: &'static str, delay: f64) -> PyResult<String> {
    log(format!("from test,开始阻塞,传入的参数是{i}"));
    sleep(delay).await?;
    log(format!("from test,停止阻塞,传入的参数是{i}"));
    Ok(format!("test的返回结果{i}"))
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let delay = p.float("delay");
        let obj = get_running_loop()?;
        let f1 = obj.create_task(test("t1", delay))?;
        // 同步函数回调用add_done_callback 方法,不过要在task任务被封装成future对象后使用
        f1.add_done_callback(follow);
        // 也可以用 asyncio.ensure_future 封装
        let f2 = ensure_future(test("t2", delay))?;
        f2.add_done_callback(follow);
        // f3没有回调函数
        let f3 = obj.create_task(test("t3", delay))?;
        let fs = [f1.future().clone(), f2.future().clone(), f3.future().clone()];
        wait(&fs, Some(p.float("timeout")), ReturnWhen::AllCompleted).await?;

        // 也可以用asyncio.gather进行运行
        let f1 = obj.create_task(test("t1", delay))?;
        f1.add_done_callback(follow);
        let f2 = ensure_future(test("t2", delay))?;
        f2.add_done_callback(follow);
        let f3 = obj.create_task(test("t3", delay))?;
        gather(&[f1.future().clone(), f2.future().clone(), f3.future().clone()])?.await?;
        Ok(())
    })
}
