//! The controller's part for programs the interpreter runs: opening a view
//! with the editor, edits, Share, Reset code, the lines of a paused run,
//! Back (a replay to the previous iteration) and handing the page to its
//! other build when a view needs what this one lacks.

use asyncio_scenarios::meta::Meta;
use asyncio_scenarios::{find_lesson, python, Lesson};
use wasm_bindgen::JsValue;

use super::{Controller, DriverState, Msg, Open};
use crate::code::lesson::{is_py_lesson, program_meta, py_lesson_program, OWN_NAME};
use crate::code::marks::{hover_mark, marks_at};
use crate::code::Diagnostic;
use crate::driver::Mode;
use crate::page::code_pane::CodePane;
use crate::route::Route;

/// The program in the editor.
pub struct OpenCode {
    /// The editor and its companions (none while the view is not shown).
    pub pane: Option<CodePane>,
    /// The text in the editor.
    pub text: String,
    /// A lesson's own program (at the current parameters, for a Rust
    /// lesson); `None` for your own program.
    pub original: Option<String>,
    /// The compile error of `text`, if any.
    pub problem: Option<Diagnostic>,
    /// `text` names an executor: a real-mode run starts the Web Workers
    /// its jobs sleep on first.
    pub uses_executors: bool,
}

impl OpenCode {
    /// True when a lesson's program was changed in the editor.
    pub fn edited(&self) -> bool {
        self.original.as_ref().is_some_and(|o| *o != self.text)
    }
}

impl Open {
    /// The source the next run interprets: your own program, a Python
    /// lesson's, or a Rust lesson's once edited, or also unedited in the
    /// page build without the lessons' code (else its scenario runs).
    pub fn program_to_run(&self) -> Option<String> {
        let code = self.code.as_ref()?;
        (self.main.is_none() || code.edited()).then(|| code.text.clone())
    }

    /// True when a real-mode run of this view uses the Web Workers.
    pub fn uses_workers(&self) -> bool {
        match (self.program_to_run(), &self.code) {
            (Some(_), Some(code)) => code.uses_executors,
            _ => self.scenario.is_some_and(super::super::workers::uses_workers),
        }
    }

    /// True when the form and the run may start: valid parameters and a
    /// program that compiles.
    pub fn can_run(&self) -> bool {
        self.form.is_valid() && self.code.as_ref().is_none_or(|c| c.problem.is_none())
    }
}

/// Whether a lesson's program can be edited and run by the interpreter:
/// the asyncio lessons (the thread and process ones are models).
pub fn editable(name: &str) -> bool {
    python::is_editable(name)
}

/// The page build a view needs when this one cannot show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Switch {
    /// The build with the interpreter and the editor: your own program, a
    /// lesson written in Python, an edited lesson.
    Interpreter,
    /// The gallery's build, which has the Rust lessons' code: a lesson whose
    /// program the interpreter does not run (threads, processes, pool jobs).
    Lessons,
}

impl Controller {
    /// The other build `route` needs, if this one cannot show it.
    pub(super) fn needs_switch(&self, route: &Route) -> Option<Switch> {
        let needs = match route {
            Route::Gallery => None,
            Route::Code => Some(Switch::Interpreter),
            Route::Scenario(name) if is_py_lesson(name) => Some(Switch::Interpreter),
            Route::Scenario(name) => match find_lesson(name) {
                Some(lesson) if !editable(lesson.name()) => Some(Switch::Lessons),
                Some(_) if self.window.location().hash().is_ok_and(|h| h.contains("code=")) => {
                    Some(Switch::Interpreter)
                }
                // Either build runs an editable lesson (the one with the
                // interpreter runs its Python program).
                _ => None,
            },
        };
        needs.filter(|needs| match needs {
            Switch::Interpreter => self.python.is_none(),
            Switch::Lessons => self.mains.is_none(),
        })
    }

    /// Hand the page over to its other build, which opens the view the
    /// address names.
    pub(super) fn switch_build(&mut self, to: Switch, reason: &str) -> Result<(), JsValue> {
        self.open = None;
        match to {
            Switch::Interpreter => {
                // The loader's `playgroundUpgrade` (see `scripts/csp.py`).
                let upgrade = js_sys::Reflect::get(&self.window, &JsValue::from_str("playgroundUpgrade"))?;
                let upgrade: js_sys::Function = wasm_bindgen::JsCast::dyn_into(upgrade)
                    .map_err(|_| JsValue::from_str("this page cannot load the Python interpreter"))?;
                self.view.show_loading("Loading the Python interpreter and the editor…");
                upgrade.call1(&JsValue::NULL, &JsValue::from_str(reason))?;
            }
            Switch::Lessons => {
                // The loader starts the gallery's build for an address
                // without `#code=`: reload once the address names the view.
                self.view.show_loading("Loading the lesson…");
                (self.post)(Msg::ReloadForLessons);
            }
        }
        self.switching = true;
        Ok(())
    }

    /// Reload the page on the address it names, without a `#code=`
    /// fragment (which would start this build again).
    pub(super) fn reload_for_lessons(&self) -> Result<(), JsValue> {
        let location = self.window.location();
        let url = format!("{}{}", location.pathname()?, location.search()?);
        self.window.history()?.replace_state_with_url(&JsValue::NULL, "", Some(&url))?;
        location.reload()
    }

    /// The metadata and the Rust scenario (if any) of a view.
    pub(super) fn lesson_for(&self, route: &Route) -> Option<(&'static Meta, Option<&'static Lesson>)> {
        match route {
            Route::Code => Some((program_meta(OWN_NAME)?, None)),
            Route::Scenario(name) => match find_lesson(name) {
                Some(lesson) => Some((lesson.meta, Some(lesson))),
                None => Some((program_meta(name)?, None)),
            },
            Route::Gallery => None,
        }
    }

    /// Put the editor in the view just shown (in the interpreter's build),
    /// with `code` from the address or the lesson's program.
    pub(super) fn open_code(&mut self, code: Option<String>) -> Result<(), JsValue> {
        let Some(open) = &self.open else { return Ok(()) };
        let document = self.window.document().ok_or("no document")?;
        if let (Some(scenario), Some(slots)) = (open.scenario, self.view.code_slots()) {
            if !editable(scenario.name()) {
                return CodePane::read_only_note(&document, slots);
            }
            if self.python.is_none() {
                // The gallery's build: an Edit button loads the editor's.
                return CodePane::edit_button(&document, slots);
            }
        }
        if self.python.is_none() {
            return Ok(());
        }
        let original = match open.scenario {
            Some(scenario) if editable(scenario.name()) => {
                python::program(scenario.name(), &open.form.params())
            }
            Some(_) => return Ok(()),
            None => py_lesson_program(open.form.meta().name).map(str::to_string),
        };
        let text =
            code.or_else(|| original.clone()).unwrap_or_else(|| crate::code::starter::STARTER.to_string());
        let post = self.post.clone();
        let run = self.post.clone();
        let Some(slots) = self.view.code_slots() else { return Ok(()) };
        let pane = CodePane::new(
            &document,
            slots,
            &text,
            Box::new(move |text| post(Msg::CodeEdited(text))),
            Box::new(move || run(Msg::Run)),
        )?;
        let code = OpenCode { pane: Some(pane), text, original, problem: None, uses_executors: false };
        if let Some(open) = self.open.as_mut() {
            open.code = Some(code);
        }
        self.check_code();
        if js_sys::Reflect::get(&self.window, &JsValue::from_str("playgroundUpgradeReason"))
            .ok()
            .and_then(|r| r.as_string())
            .is_some_and(|r| r == "edit")
        {
            let _ =
                js_sys::Reflect::delete_property(&self.window, &JsValue::from_str("playgroundUpgradeReason"));
            if let Some(pane) = self.open.as_ref().and_then(|o| o.code.as_ref()).and_then(|c| c.pane.as_ref())
            {
                pane.editor.focus();
            }
        }
        Ok(())
    }

    /// The program the address carries: your own, or a lesson's once
    /// edited.
    pub(super) fn code_in_url(&self) -> Option<String> {
        let code = self.open.as_ref()?.code.as_ref()?;
        (code.original.is_none() || code.edited()).then(|| code.text.clone())
    }

    /// Compile the editor's text: underline its error, or clear it.
    fn check_code(&mut self) {
        let Some(python) = self.python.clone() else { return };
        let Some(code) = self.open.as_mut().and_then(|o| o.code.as_mut()) else { return };
        code.problem = python.check(&code.text);
        code.uses_executors = python.uses_executors(&code.text);
        if let Some(pane) = &code.pane {
            pane.show_problem(code.problem.as_ref());
            pane.show_detached(code.edited());
        }
        if code.problem.is_none() {
            self.prefetch_modules();
        }
    }

    /// The editor's text changed.
    pub(super) fn code_edited(&mut self, text: String) -> Result<(), JsValue> {
        let Some(code) = self.open.as_mut().and_then(|o| o.code.as_mut()) else { return Ok(()) };
        if code.text == text {
            return Ok(());
        }
        code.text = text;
        self.check_code();
        self.sync();
        self.replace_url()
    }

    /// Back to the lesson's own program at the current parameters.
    pub(super) fn reset_code(&mut self) -> Result<(), JsValue> {
        let Some(code) = self.open.as_mut().and_then(|o| o.code.as_mut()) else { return Ok(()) };
        let Some(original) = code.original.clone() else { return Ok(()) };
        code.text = original;
        if let Some(pane) = &code.pane {
            pane.editor.set_text(&code.text);
        }
        self.check_code();
        self.sync();
        self.replace_url()
    }

    /// A Rust lesson not edited: the editor follows its parameters.
    pub(super) fn follow_lesson_program(&mut self, live: bool) {
        let Some(open) = self.open.as_mut() else { return };
        let (Some(scenario), Some(code)) = (open.scenario, open.code.as_mut()) else { return };
        if code.edited() || live {
            return;
        }
        let Some(program) = python::program(scenario.name(), &open.form.params()) else { return };
        if program != code.text {
            code.text = program.clone();
            code.original = Some(program);
            if let Some(pane) = &code.pane {
                pane.editor.set_text(&code.text);
            }
        }
    }

    /// Copy a link to this view with its program.
    pub(super) fn share(&mut self) {
        let Ok(origin) = self.window.location().origin() else { return };
        let url = format!("{origin}{}", self.url_for(false));
        let navigator = self.window.navigator();
        let promise = navigator.clipboard().write_text(&url);
        let post = self.post.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            post(Msg::Shared(ok.then_some(url)));
        });
    }

    pub(super) fn show_shared(&self, url: Option<String>) {
        let Some(pane) = self.open.as_ref().and_then(|o| o.code.as_ref()).and_then(|c| c.pane.as_ref())
        else {
            return;
        };
        match url {
            Some(_) => pane.show_share_status("Link copied: it opens this program."),
            None => pane.show_share_status("Could not copy: the address bar holds the link."),
        }
    }

    pub(super) fn go_to_line(&self, line: u32) {
        if let Some(pane) = self.open.as_ref().and_then(|o| o.code.as_ref()).and_then(|c| c.pane.as_ref()) {
            pane.editor.go_to_line(line);
        }
    }

    /// Mark each task's line at loop time `t` (`None`: clear).
    pub(super) fn show_marks(&self, t: Option<f64>) {
        let Some(open) = &self.open else { return };
        let Some(pane) = open.code.as_ref().and_then(|c| c.pane.as_ref()) else { return };
        let marks = match t {
            Some(t) => open.recorder.try_borrow().map(|rec| marks_at(&rec, t)).unwrap_or_default(),
            None => Vec::new(),
        };
        pane.set_marks(&marks);
    }

    /// The pointer over a timeline bar (lane, time): mark the line its task
    /// was at then, beside the tasks' lines at the cursor; `None` puts the
    /// cursor's marks back.
    pub(super) fn show_hover(&self, over: Option<(usize, f64)>) {
        let Some(open) = &self.open else { return };
        let Some(pane) = open.code.as_ref().and_then(|c| c.pane.as_ref()) else { return };
        let running = open.driver.as_ref().is_some_and(|d| d.state() == DriverState::Running);
        let Some(rec) = open.recorder.try_borrow() else { return };
        let cursor = open.driver.as_ref().map(|d| d.pacer().time());
        let mut marks = match cursor {
            Some(t) if !running => marks_at(&rec, t),
            _ => Vec::new(),
        };
        if let Some(mark) = over.and_then(|(lane, t)| hover_mark(&rec, lane, t)) {
            marks.push(mark);
        }
        pane.set_marks(&marks);
    }

    /// After a run ends: its traceback, with links to its lines.
    pub(super) fn show_run_end(&self) {
        let Some(open) = &self.open else { return };
        let Some(pane) = open.code.as_ref().and_then(|c| c.pane.as_ref()) else { return };
        let stderr = open.driver.as_ref().map(|d| d.pacer().stderr()).unwrap_or_default();
        pane.show_traceback(&stderr);
    }

    /// Back one loop iteration: a new run replayed, without waiting, to the
    /// iteration before the current one (instant and paced modes).
    pub(super) fn back(&mut self) -> Result<(), JsValue> {
        let Some(open) = &self.open else { return Ok(()) };
        let Some(driver) = &open.driver else { return Ok(()) };
        if driver.mode() == Mode::Real || driver.state() == DriverState::Running {
            return Ok(());
        }
        let target = driver.pacer().iterations().saturating_sub(1);
        if driver.pacer().iterations() == 0 {
            return Ok(());
        }
        // Replay with the values the run was started with, and what came
        // from outside as it came.
        let params = open.run_params.clone();
        let early = driver.pacer().early().to_vec();
        let mut pushes = open.pushes.clone();
        self.new_run(params)?;
        if let Some(open) = self.open.as_mut() {
            if let Some(driver) = open.driver.as_mut() {
                driver.replay(target, &pushes, &early);
            }
            pushes.retain(|p| p.after <= target);
            open.pushes = pushes;
        }
        self.after_slice();
        Ok(())
    }
}
