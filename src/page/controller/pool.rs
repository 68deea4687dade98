//! The controller's part for real mode's Web Workers: the pool the page
//! shares between runs, started ahead of a run that will use it, a run that
//! waits for its workers to start, the jobs a dropped run leaves, and the
//! workers panel.

use std::rc::Rc;

use asyncio_engine::executor::WorkerBackend;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;

use super::{Controller, DriverState, Msg};
use crate::driver::{now_ms, Mode};
use crate::page::workers::{panel_text, prewarm_count};
use crate::pool::{WorkerPool, WorkerState, DEFAULT_MAX_WORKERS, DEFAULT_WORKER_URL};

/// How long a real-mode run waits for its Web Workers to start before it
/// starts anyway (the pool then reports what went wrong), in ms.
const WORKER_START_WAIT_MS: f64 = 15_000.0;
/// How often it checks, in ms.
const WORKER_START_POLL_MS: u32 = 20;

/// Real mode's Web Workers, started the first time they are needed.
pub(super) fn shared_pool(pool: &mut Option<Rc<WorkerPool>>) -> Rc<WorkerPool> {
    pool.get_or_insert_with(|| WorkerPool::new(DEFAULT_WORKER_URL, DEFAULT_MAX_WORKERS, Rc::new(|| {})))
        .clone()
}

/// Start as many workers as the default executor has (at most 8), so that a
/// run's first jobs do not wait for them to load.
fn prewarm(pool: &WorkerPool) {
    pool.prewarm(prewarm_count(pool.cpu_count()));
}

impl Controller {
    /// Stop the jobs a real-mode run still has on workers when the run is
    /// dropped: their results would be ignored, and a worker still spinning
    /// through a long job would slow the next run down.
    pub(super) fn abandon_jobs(&mut self, why: &str) {
        let had_jobs = self.open.as_mut().and_then(|o| o.jobs.take()).is_some_and(|jobs| jobs.get() > 0);
        if let (true, Some(pool)) = (had_jobs, &self.pool) {
            pool.abandon(why);
        }
    }

    /// Start the Web Workers a real-mode run of the open scenario will use,
    /// so that its first jobs do not wait for them.
    pub(super) fn prewarm_workers(&mut self) {
        let Some(open) = &self.open else { return };
        if self.mode != Mode::Real || !open.uses_workers() {
            return;
        }
        prewarm(&shared_pool(&mut self.pool));
    }

    /// A real-mode run that uses workers starts once they have started (or
    /// failed to): true while it waits, checking again shortly.
    pub(super) fn waiting_for_workers(&mut self) -> bool {
        let post = self.post.clone();
        let Some(open) = self.open.as_mut() else { return false };
        let real = open.driver.as_ref().is_some_and(|d| d.mode() == Mode::Real);
        if !real || !open.uses_workers() {
            return false;
        }
        let Some(pool) = &self.pool else { return false };
        if open.warming_since.is_none() {
            // Once per run: after a load failure, the pool tries again then.
            prewarm(pool);
        }
        let starting =
            pool.snapshot().workers.iter().filter(|w| matches!(w.state, WorkerState::Loading)).count();
        let since = *open.warming_since.get_or_insert_with(now_ms);
        if starting == 0 || now_ms() - since > WORKER_START_WAIT_MS {
            open.warming_since = None;
            return false;
        }
        open.warm_timer = Some(Timeout::new(WORKER_START_POLL_MS, move || post(Msg::WorkersReady)));
        true
    }

    /// Check again whether the workers a waiting run needs have started.
    pub(super) fn workers_ready(&mut self) -> Result<(), JsValue> {
        if let Some(open) = self.open.as_mut() {
            open.warm_timer = None;
        }
        if self.driver_state() == Some(DriverState::Paused)
            && self.open.as_ref().is_some_and(|o| o.warming_since.is_some())
        {
            self.run()?;
        }
        Ok(())
    }

    /// The workers panel: shown in real mode for the scenarios that use
    /// workers, and after any run that used them.
    pub(super) fn show_workers(&self) {
        let Some(open) = &self.open else { return };
        let jobs = open.jobs.as_ref().map_or(0, |j| j.get());
        let wanted = self.mode == Mode::Real && open.uses_workers();
        match &self.pool {
            Some(pool) if wanted || jobs > 0 => {
                let snapshot = pool.snapshot();
                let text = panel_text(&snapshot, jobs, now_ms());
                let workers = snapshot.workers.len();
                self.view.show_workers(Some(&text.heading), &text.rows, workers, jobs);
            }
            _ => self.view.show_workers(None, &[], 0, 0),
        }
    }
}
