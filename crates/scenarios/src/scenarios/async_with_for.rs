//! async with and async for: __aenter__/__aexit__ and __anext__ may await,
//! letting other tasks run.

use crate::lesson::{Lesson, ProgramKind, Python};
use crate::prelude::*;
use crate::{MainFuture, Params};

/// This scenario's descriptor: its metadata, `main`, Python program and page facts.
pub static LESSON: Lesson = Lesson {
    meta: &crate::meta::ASYNC_WITH_FOR,
    python: Python {
        template: include_str!("../../python/async_with_for.py"),
        kind: ProgramKind::Editable,
        derived: None,
    },
    push_hint: None,
    uses_workers: false,
};

struct Session {
    name: &'static str,
    delay: f64,
}

impl Session {
    async fn aenter(&self) -> PyResult<&Session> {
        crate::log!(self.name, "enter: connecting");
        sleep(self.delay).await?;
        crate::log!(self.name, "enter: connected");
        Ok(self)
    }

    async fn aexit(&self) -> PyResult<bool> {
        crate::log!(self.name, "exit: closing");
        sleep(self.delay).await?;
        crate::log!(self.name, "exit: closed");
        Ok(false)
    }
}

struct Ticker {
    i: i64,
    n: i64,
    delay: f64,
}

impl Ticker {
    /// `__anext__`: `None` is `StopAsyncIteration`.
    async fn anext(&mut self) -> PyResult<Option<i64>> {
        if self.i >= self.n {
            return Ok(None);
        }
        sleep(self.delay).await?;
        self.i += 1;
        Ok(Some(self.i))
    }
}

async fn use_(name: &'static str, n: i64, delay: f64) -> PyResult<()> {
    let session = Session { name, delay };
    // async with Session(name, delay) as s:
    let s = session.aenter().await?;
    let body = async {
        let mut ticker = Ticker { i: 0, n, delay };
        while let Some(i) = ticker.anext().await? {
            crate::log!(s.name, "got", i);
        }
        crate::log!(s.name, "async for done");
        Ok(())
    }
    .await;
    session.aexit().await?;
    body
}

pub fn main(p: Params) -> MainFuture {
    Box::pin(async move {
        let n = p.int("n");
        let a = create_task(use_("A", n, p.float("delay_a")))?.future().clone();
        let b = create_task(use_("B", n, p.float("delay_b")))?.future().clone();
        gather(&[a, b])?.await?;
        Ok(())
    })
}
