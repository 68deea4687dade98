//! The controller's part for the settings of the next run: the parameter
//! form, the mode and the speed, and the Python program that follows them.

use asyncio_scenarios::python;
use wasm_bindgen::JsValue;

use super::{Controller, DriverState};
use crate::driver::{Mode, SPEED_STOPS};
use crate::page::form::kept_by_run;
use crate::page::lessons;

impl Controller {
    /// A parameter field changed to `text` (`None`: not a number).
    pub(super) fn edit_param(
        &mut self,
        index: usize,
        text: Option<String>,
        from_slider: bool,
    ) -> Result<(), JsValue> {
        let Some(open) = &mut self.open else { return Ok(()) };
        if let Some(field) = open.form.set(index, text.as_deref()) {
            self.view.show_field(index, field, from_slider, !from_slider);
        }
        self.after_edit()
    }

    /// The edit of field `index` is over.
    pub(super) fn commit_param(&mut self, index: usize) {
        if let Some(open) = &mut self.open {
            open.form.commit(index);
        }
    }

    /// Every parameter back to its default.
    pub(super) fn defaults(&mut self) -> Result<(), JsValue> {
        let Some(open) = &mut self.open else { return Ok(()) };
        open.form.reset();
        for (index, field) in open.form.fields().iter().enumerate() {
            self.view.show_field(index, field, true, true);
        }
        self.after_edit()
    }

    /// The mode select changed to `text`.
    pub(super) fn choose_mode(&mut self, text: &str) -> Result<(), JsValue> {
        let Some(mode) = Mode::parse(text) else { return Ok(()) };
        self.mode = mode;
        self.view.show_mode(mode);
        self.prewarm_workers();
        self.sync();
        self.replace_url()
    }

    /// The speed slider moved to `stop`; a paced run under way follows.
    pub(super) fn choose_speed(&mut self, stop: usize) -> Result<(), JsValue> {
        let Some(&speed) = SPEED_STOPS.get(stop) else { return Ok(()) };
        self.speed = speed;
        if let Some(driver) = self.open.as_mut().and_then(|o| o.driver.as_mut()) {
            driver.set_speed(speed)?;
        }
        self.view.show_speed(speed, false);
        self.replace_url()
    }

    /// A field or the defaults changed: the program, the URL and the Run
    /// button follow.
    fn after_edit(&mut self) -> Result<(), JsValue> {
        self.show_python();
        self.sync();
        self.replace_url()
    }

    /// The Python program with the values of the run under way (running or
    /// paused), else the form's; and the notice that says edits made during
    /// a run apply to the next one.
    pub(super) fn show_python(&mut self) {
        let live = matches!(self.driver_state(), Some(DriverState::Running | DriverState::Paused));
        self.follow_lesson_program(live);
        let Some(open) = &self.open else { return };
        let Some(scenario) = &open.scenario else { return };
        let name = scenario.name();
        let form = open.form.params();
        let running = open.run_params.as_ref().filter(|_| live);
        let program = python::program(name, running.unwrap_or(&form));
        self.view.show_python(program.as_deref(), lessons::python_note(name));
        let kept = running.map(|running| kept_by_run(running, &form).join(", ")).filter(|k| !k.is_empty());
        self.view.show_edit_notice(kept.as_deref());
    }
}
