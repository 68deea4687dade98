//! The controller's part for the library modules written in Python that a
//! program imports (`re`, `enum`, `logging`, ...), which the page fetches
//! before a run ([`Interpreter::fetch_modules`](crate::code::Interpreter)):
//! as soon as the editor's program compiles, so a run seldom waits; one
//! that does shows as starting until they arrive, and a failed fetch says
//! which file and leaves Run to try again.

use wasm_bindgen::JsValue;

use super::{Controller, Msg};

/// A fetch under way, and what to do once it is over.
pub(super) struct LibraryFetch {
    /// Run or Step, asked for while the modules were being fetched, and
    /// the id of the run it was for (another view's run does not go on).
    pub then: Option<(Msg, u64)>,
}

impl Controller {
    /// Fetch the modules the editor's program can import, if some are not
    /// here and no fetch is under way.
    pub(super) fn prefetch_modules(&mut self) {
        if self.library.is_none() {
            self.fetch_modules(None);
        }
    }

    /// Before `then` (Run or Step) goes on: true when the program's modules
    /// are being fetched, and `then` is applied again once they are here.
    pub(super) fn waiting_for_modules(&mut self, then: Msg) -> bool {
        let then = (then, self.open.as_ref().map_or(0, |o| o.run_id));
        match self.library.as_mut() {
            Some(fetch) => {
                fetch.then = Some(then);
                true
            }
            None => self.fetch_modules(Some(then)),
        }
    }

    /// Start fetching the missing modules; false when none is missing.
    fn fetch_modules(&mut self, then: Option<(Msg, u64)>) -> bool {
        let source = self.open.as_ref().and_then(super::Open::program_to_run);
        let (Some(source), Some(python)) = (source, &self.python) else { return false };
        let post = self.post.clone();
        if !python.fetch_modules(&source, Box::new(move |result| post(Msg::ModulesFetched(result)))) {
            return false;
        }
        self.library = Some(LibraryFetch { then });
        true
    }

    /// A fetch ended: go on with the run that waited (which fetches what
    /// those modules import, if anything), or say why it failed.
    pub(super) fn modules_fetched(&mut self, fetched: Result<(), String>) -> Result<(), JsValue> {
        let then = self.library.take().and_then(|fetch| fetch.then);
        match fetched {
            Ok(()) => {
                let run = self.open.as_ref().map(|o| o.run_id);
                match then {
                    Some((msg, id)) if run == Some(id) => {
                        // A failed fetch's message is stale once its run goes on.
                        self.view.clear_error();
                        self.try_apply(msg)?;
                    }
                    _ => self.prefetch_modules(),
                }
            }
            Err(message) => {
                // The run that waited never started: Run starts it afresh.
                // (A fetch no run waited for fails quietly: Run tries again.)
                if let Some(open) =
                    self.open.as_mut().filter(|o| then.as_ref().is_some_and(|(_, id)| o.run_id == *id))
                {
                    open.driver = None;
                    self.view.show_error(&message);
                }
            }
        }
        self.sync();
        Ok(())
    }

    /// Pause or Reset: a run waiting for its modules no longer starts when
    /// they arrive.
    pub(super) fn forget_waiting_run(&mut self) {
        if let Some(fetch) = self.library.as_mut() {
            fetch.then = None;
        }
    }

    /// True while the open view's run waits for its modules.
    pub(super) fn run_waits_for_modules(&self) -> bool {
        let run = self.open.as_ref().map(|o| o.run_id);
        self.library.as_ref().and_then(|fetch| fetch.then.as_ref()).is_some_and(|(_, id)| run == Some(*id))
    }
}
