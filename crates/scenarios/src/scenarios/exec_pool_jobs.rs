//! run_in_executor turns blocking faa(idx) calls into awaitables; a pool of N
//! threads runs N at a time.

use asyncio_engine::executor::{default_executor, VirtualPool};

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::EXEC_POOL_JOBS,
    python: Python {
        template: include_str!("../../python/exec_pool_jobs.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: true,
};

fn faa(idx: i64) -> PyResult<i64> {
    log(format!("第{idx}个foo开始运行"));
    // time.sleep(2): the job's cost
    Ok(idx)
}

async fn faa_faster(pool: VirtualPool, idx: i64, cost: f64) -> PyResult<()> {
    let obj = get_running_loop()?;
    // 第一个参数默认是None,如果传(进)线程池进去,就以多(进)线程形式运行普通函数
    let ret = pool.submit(&obj, cost, &format!("faa({idx})"), move || faa(idx)); // obj.run_in_executor(pool, faa, idx)
    let a = ret.await?;
    crate::log!(a);
    Ok(())
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let cost = p.float("cost");
        let cpus = p.int("cpus").max(1) as usize;
        // run_in_executor(None, ...): min(32, os.cpu_count() + 4) workers
        let default_executor = default_executor(&get_running_loop()?, cpus)?;
        let task = (0..p.int("jobs"))
            .map(|i| Ok(ensure_future(faa_faster(default_executor.clone(), i, cost))?.future().clone()))
            .collect::<PyResult<Vec<_>>>()?;
        wait(&task, None, ReturnWhen::AllCompleted).await?;

        // ThreadPoolExecutor(max_workers=5)
        let pool = VirtualPool::named(p.int("max_workers").max(1) as usize, "ThreadPoolExecutor")?;
        let task = (0..p.int("jobs"))
            .map(|i| Ok(ensure_future(faa_faster(pool.clone(), i, cost))?.future().clone()))
            .collect::<PyResult<Vec<_>>>()?;
        wait(&task, None, ReturnWhen::AllCompleted).await?;
        Ok(())
    })
}
