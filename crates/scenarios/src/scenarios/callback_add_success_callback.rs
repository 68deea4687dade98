//! A coroutine 'callback': add_success_callback awaits the task, then awaits
//! follow2(task).

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::CALLBACK_ADD_SUCCESS_CALLBACK,
    python: Python {
        template: include_str!("../../python/callback_add_success_callback.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

fn task_repr(t: &Future<String>) -> String {
    let result = t.result().map(|r| r.to_py().repr()).unwrap_or_default();
    format!("<Task finished coro=<test() done> result={result}>")
}

async fn follow2(t: Future<String>, follow_delay: f64) -> PyResult<()> {
    log(format!("follow2开始运行,传入的参数t是{}", task_repr(&t)));
    sleep(follow_delay).await?;
    // 这里的t是test函数的运行返回值,是一个task运行完的对象,result方法可以获取返回值
    log(format!("from回调函数follow2,上一个test返回值是{}", t.result()?));
    Ok(())
}

async fn test(i: &'static str, delay: f64) -> PyResult<String> {
    log(format!("from test,开始阻塞,传入的参数是{i}"));
    sleep(delay).await?;
    log(format!("from test,停止阻塞,传入的参数是{i}"));
    Ok(format!("test的返回结果{i}"))
}

async fn add_success_callback(fun1: Future<String>, follow_delay: f64) -> PyResult<()> {
    // 这里func1就是test函数的运行结果,只是会阻塞
    (&fun1).await?;
    // test有了结果会传给fun2继续阻塞挂起
    follow2(fun1, follow_delay).await
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let (delay, follow_delay) = (p.float("delay"), p.float("follow_delay"));
        let obj = get_running_loop()?;
        let f1 = obj.create_task(test("t1", delay))?.future().clone();
        // 传入的follow是回调函数,同时也是t1的返回值
        let f1 = add_success_callback(f1, follow_delay);
        // 也可以用 asyncio.ensure_future 封装
        let f2 = ensure_future(test("t2", delay))?.future().clone();
        let f2 = add_success_callback(f2, follow_delay);
        let fs = [ensure_future(f1)?.future().clone(), ensure_future(f2)?.future().clone()];
        wait(&fs, Some(p.float("timeout")), ReturnWhen::AllCompleted).await?;
        Ok(())
    })
}
