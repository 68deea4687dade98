//! What the run controls show, decided from plain data: which buttons are
//! enabled and how Run is labelled, why a run cannot start, the status line
//! and the counters, the push button, `<body data-state>` and when the
//! editor marks each task's line.
//!
//! [`Panel::of`] is a pure function of a [`Situation`] (the page's mode and
//! speed, the form, the program's compile error and the run, read by the
//! controller); the view applies the [`Panel`] to the DOM. No browser here:
//! the rules are tested on the host, below.

use crate::code::Diagnostic;
use crate::driver::{speed_text, Mode};
use crate::timeline::seconds;

/// Where a run is: the driver's state, as plain data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    Running,
    Paused,
    Finished,
}

/// What the open run reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunFacts {
    pub state: RunState,
    /// The mode it was started in (the select may have changed since).
    pub mode: Mode,
    pub iterations: u64,
    /// `loop.time()` now.
    pub time: f64,
    pub lines: usize,
    /// The loop time it waits for its next timer (infinite: for its Web
    /// Workers), if it is waiting.
    pub waiting_for: Option<f64>,
}

/// Everything the controls depend on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Situation<'a> {
    /// The mode in the select: the next run's.
    pub mode: Mode,
    /// The paced speed.
    pub speed: f64,
    /// The open view's run, if one was started.
    pub run: Option<RunFacts>,
    /// A run asked to start waits for something first.
    pub starting: Option<Starting>,
    /// Every parameter has a value the scenario accepts.
    pub form_valid: bool,
    /// The compile error of the program in the editor, if any.
    pub problem: Option<&'a Diagnostic>,
}

/// What a run asked to start waits for (it shows as running meanwhile).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Starting {
    /// A real-mode run's Web Workers, to start.
    Workers,
    /// The library modules the program imports, to download.
    Modules,
}

impl Starting {
    /// What the status line says meanwhile.
    pub fn text(self) -> &'static str {
        match self {
            Starting::Workers => "Starting the Web Workers…",
            Starting::Modules => "Loading the modules the program imports…",
        }
    }
}

/// Where the page is, as `<body data-state>` says (tests wait on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageState {
    /// A view is shown and nothing is running.
    Idle,
    /// A run is under way.
    Running,
    /// A run is paused (or was stepped).
    Paused,
    /// A run has finished and its whole output is in `#log`.
    Done,
}

impl PageState {
    /// The value of `data-state`.
    pub fn as_str(self) -> &'static str {
        match self {
            PageState::Idle => "idle",
            PageState::Running => "running",
            PageState::Paused => "paused",
            PageState::Done => "done",
        }
    }
}

/// Which run controls are enabled, and how Run is labelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Controls {
    pub run_label: &'static str,
    pub run: bool,
    pub pause: bool,
    pub step: bool,
    pub reset: bool,
    pub mode: bool,
    pub speed: bool,
    /// Why Run waits: a bad value in the form, an error in the program.
    pub blocked: Option<String>,
    /// Back one iteration.
    pub back: bool,
}

/// The run's counters and its status sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub iterations: u64,
    pub time: f64,
    pub lines: usize,
    pub text: String,
}

/// The push button: enabled, or the reason it is not (its title).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Push {
    pub enabled: bool,
    pub why_not: &'static str,
}

/// What the page shows of the open view's run.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub state: PageState,
    pub controls: Controls,
    pub progress: Progress,
    pub push: Push,
    /// The loop time at which the editor marks each task's line (a paused
    /// or finished run); `None` clears the marks.
    pub marks_at: Option<f64>,
}

/// What Run says when a parameter has a bad value.
pub const BAD_PARAMETER: &str = "A parameter has a value the scenario does not accept: fix it to run.";
/// The push button's title in instant mode.
pub const PUSH_INSTANT: &str =
    "Instant mode runs to the end at once: choose Paced or Real time to push values while it runs";
/// The push button's title when no run is under way.
pub const PUSH_NOT_RUNNING: &str = "Run the scenario first: values go into a running loop";

impl Panel {
    /// The panel for `situation`.
    pub fn of(situation: &Situation) -> Panel {
        let actual = situation.run.map(|run| run.state);
        // A run waiting to start (for its workers, its modules) is running.
        let starting = situation.starting.filter(|_| actual == Some(RunState::Paused));
        let state = if starting.is_some() { Some(RunState::Running) } else { actual };
        let marks_at = match state {
            Some(RunState::Paused | RunState::Finished) => situation.run.map(|run| run.time),
            _ => None,
        };
        Panel {
            state: page_state(state),
            controls: controls(situation, state),
            progress: progress(situation, starting),
            push: push(situation, state),
            marks_at,
        }
    }
}

fn page_state(state: Option<RunState>) -> PageState {
    match state {
        None => PageState::Idle,
        Some(RunState::Running) => PageState::Running,
        Some(RunState::Paused) => PageState::Paused,
        Some(RunState::Finished) => PageState::Done,
    }
}

/// Why a new run cannot start, if it cannot: the form first, then the
/// program.
fn blocked(situation: &Situation) -> Option<String> {
    if !situation.form_valid {
        return Some(BAD_PARAMETER.to_string());
    }
    situation
        .problem
        .map(|p| format!("The program has an error on line {}: fix it to run ({}).", p.line, p.message))
}

/// The buttons, for the run's shown `state` (a run waiting to start shows
/// as running).
fn controls(situation: &Situation, state: Option<RunState>) -> Controls {
    let blocked = blocked(situation);
    let valid = blocked.is_none();
    let under_way = matches!(state, Some(RunState::Running | RunState::Paused));
    // Run and Step: not while running, always to continue a paused run,
    // else (a new run) when the form and the program allow it.
    let start = match state {
        Some(RunState::Running) => false,
        Some(RunState::Paused) => true,
        None | Some(RunState::Finished) => valid,
    };
    // Back replays a virtual-clock run, so not in real mode.
    let back = situation
        .run
        .is_some_and(|run| run.mode != Mode::Real && run.state != RunState::Running && run.iterations > 0);
    Controls {
        run_label: match state {
            Some(RunState::Paused) => "Continue",
            Some(RunState::Finished) => "Run again",
            _ => "Run",
        },
        run: start,
        pause: state == Some(RunState::Running),
        step: start,
        reset: state.is_some(),
        mode: !under_way,
        speed: situation.mode == Mode::Paced,
        blocked: if under_way { None } else { blocked },
        back,
    }
}

/// The counters and the status line.
fn progress(situation: &Situation, starting: Option<Starting>) -> Progress {
    let Some(run) = situation.run else {
        let text = idle_text(situation.mode, situation.speed);
        return Progress { iterations: 0, time: 0.0, lines: 0, text };
    };
    let text = starting.map_or_else(|| run_text(&run), |s| s.text().to_string());
    Progress { iterations: run.iterations, time: run.time, lines: run.lines, text }
}

/// What the status line says before a run.
fn idle_text(mode: Mode, speed: f64) -> String {
    match mode {
        Mode::Paced => format!("{} Now at {}×.", mode.describe(), speed_text(speed)),
        _ => mode.describe().to_string(),
    }
}

/// What the status line says of a run.
fn run_text(run: &RunFacts) -> String {
    let mode = run.mode.label().to_ascii_lowercase();
    match run.state {
        RunState::Running => match run.waiting_for {
            Some(wait) if wait.is_infinite() => {
                format!("Running ({mode}): the loop waits for its Web Workers (nothing else is scheduled).")
            }
            Some(wait) => format!("Running ({mode}): the loop waits {} s for its next timer.", seconds(wait)),
            None => format!("Running ({mode})."),
        },
        RunState::Paused => "Paused. Step runs one loop iteration; Continue runs on.".to_string(),
        RunState::Finished => format!(
            "Finished: {} printed in {} loop {}.",
            plural(run.lines, "line"),
            run.iterations,
            if run.iterations == 1 { "iteration" } else { "iterations" }
        ),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The push button: values go into a paced or real run under way.
fn push(situation: &Situation, state: Option<RunState>) -> Push {
    let mode = situation.run.map_or(situation.mode, |run| run.mode);
    let under_way = matches!(state, Some(RunState::Running | RunState::Paused));
    let enabled = under_way && mode != Mode::Instant;
    let instant = mode == Mode::Instant || (!enabled && situation.mode == Mode::Instant);
    Push { enabled, why_not: if instant { PUSH_INSTANT } else { PUSH_NOT_RUNNING } }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A view just opened in `mode`, with valid parameters and no program.
    fn idle(mode: Mode) -> Situation<'static> {
        Situation { mode, speed: 1.0, run: None, starting: None, form_valid: true, problem: None }
    }

    /// A run in `mode` at `state`, 3 iterations and 2 lines in, at 1.5 s.
    fn run(mode: Mode, state: RunState) -> RunFacts {
        RunFacts { state, mode, iterations: 3, time: 1.5, lines: 2, waiting_for: None }
    }

    fn with_run(mode: Mode, state: RunState) -> Situation<'static> {
        Situation { run: Some(run(mode, state)), ..idle(mode) }
    }

    /// (run, pause, step, reset, mode, back) enabled.
    fn buttons(controls: &Controls) -> (bool, bool, bool, bool, bool, bool) {
        (controls.run, controls.pause, controls.step, controls.reset, controls.mode, controls.back)
    }

    #[test]
    fn before_a_run_run_and_step_start_one_and_nothing_else_is_on() {
        let panel = Panel::of(&idle(Mode::Paced));
        assert_eq!(panel.state, PageState::Idle);
        assert_eq!(panel.controls.run_label, "Run");
        assert_eq!(buttons(&panel.controls), (true, false, true, false, true, false));
        assert_eq!(panel.controls.blocked, None);
        assert_eq!(panel.marks_at, None);
        let text = format!("{} Now at 1×.", Mode::Paced.describe());
        assert_eq!(panel.progress, Progress { iterations: 0, time: 0.0, lines: 0, text });
    }

    #[test]
    fn during_a_run_run_is_disabled_and_pause_enabled() {
        let panel = Panel::of(&with_run(Mode::Paced, RunState::Running));
        assert_eq!(panel.state, PageState::Running);
        assert_eq!(panel.controls.run_label, "Run");
        // Run, Step, the mode and Back wait for Pause; Reset stops the run.
        assert_eq!(buttons(&panel.controls), (false, true, false, true, false, false));
        assert_eq!(panel.marks_at, None, "no line marks while the run moves");
    }

    #[test]
    fn a_paused_run_continues_steps_and_goes_back() {
        let panel = Panel::of(&with_run(Mode::Instant, RunState::Paused));
        assert_eq!(panel.state, PageState::Paused);
        assert_eq!(panel.controls.run_label, "Continue");
        assert_eq!(buttons(&panel.controls), (true, false, true, true, false, true));
        assert_eq!(panel.marks_at, Some(1.5));
        assert_eq!(panel.progress.text, "Paused. Step runs one loop iteration; Continue runs on.");
    }

    #[test]
    fn a_finished_run_runs_again_and_frees_the_mode() {
        let panel = Panel::of(&with_run(Mode::Paced, RunState::Finished));
        assert_eq!(panel.state, PageState::Done);
        assert_eq!(panel.controls.run_label, "Run again");
        assert_eq!(buttons(&panel.controls), (true, false, true, true, true, true));
        assert_eq!(panel.marks_at, Some(1.5));
        assert_eq!(panel.progress.text, "Finished: 2 lines printed in 3 loop iterations.");
        assert_eq!((panel.progress.iterations, panel.progress.time, panel.progress.lines), (3, 1.5, 2));
    }

    #[test]
    fn back_is_unavailable_in_real_mode_and_before_the_first_iteration() {
        for state in [RunState::Paused, RunState::Finished] {
            assert!(!Panel::of(&with_run(Mode::Real, state)).controls.back, "real, {state:?}");
            assert!(Panel::of(&with_run(Mode::Paced, state)).controls.back, "paced, {state:?}");
        }
        let mut fresh = with_run(Mode::Paced, RunState::Paused);
        fresh.run = Some(RunFacts { iterations: 0, ..run(Mode::Paced, RunState::Paused) });
        assert!(!Panel::of(&fresh).controls.back);
    }

    #[test]
    fn a_compile_error_disables_run_and_step_with_its_line_and_message() {
        let problem = Diagnostic { line: 4, col: 9, message: "SyntaxError: invalid syntax".to_string() };
        let situation = Situation { problem: Some(&problem), ..idle(Mode::Paced) };
        let controls = Panel::of(&situation).controls;
        assert!(!controls.run && !controls.step);
        assert_eq!(
            controls.blocked.as_deref(),
            Some("The program has an error on line 4: fix it to run (SyntaxError: invalid syntax).")
        );
        // After a run too: Run again waits for the fix.
        let finished = Situation { problem: Some(&problem), ..with_run(Mode::Paced, RunState::Finished) };
        let controls = Panel::of(&finished).controls;
        assert!(!controls.run && controls.blocked.is_some() && controls.reset);
    }

    #[test]
    fn a_bad_parameter_blocks_run_before_a_compile_error_does() {
        let problem = Diagnostic { line: 1, col: 1, message: "SyntaxError".to_string() };
        let situation = Situation { form_valid: false, problem: Some(&problem), ..idle(Mode::Instant) };
        let controls = Panel::of(&situation).controls;
        assert!(!controls.run && !controls.step);
        assert_eq!(controls.blocked.as_deref(), Some(BAD_PARAMETER));
    }

    #[test]
    fn edits_during_a_run_do_not_block_it() {
        // The run keeps its values: Continue stays on, and no reason shows.
        let situation = Situation { form_valid: false, ..with_run(Mode::Paced, RunState::Paused) };
        let controls = Panel::of(&situation).controls;
        assert!(controls.run && controls.step);
        assert_eq!(controls.blocked, None);
        let situation = Situation { form_valid: false, ..with_run(Mode::Paced, RunState::Running) };
        assert_eq!(Panel::of(&situation).controls.blocked, None);
    }

    #[test]
    fn the_speed_slider_follows_the_selected_mode() {
        assert!(Panel::of(&idle(Mode::Paced)).controls.speed);
        assert!(!Panel::of(&idle(Mode::Instant)).controls.speed);
        assert!(!Panel::of(&idle(Mode::Real)).controls.speed);
        // The select, not the run: a paced run with Instant chosen next.
        let situation = Situation { mode: Mode::Instant, ..with_run(Mode::Paced, RunState::Running) };
        assert!(!Panel::of(&situation).controls.speed);
    }

    #[test]
    fn a_run_waiting_for_its_workers_shows_as_running() {
        let situation =
            Situation { starting: Some(Starting::Workers), ..with_run(Mode::Real, RunState::Paused) };
        let panel = Panel::of(&situation);
        assert_eq!(panel.state, PageState::Running);
        assert_eq!(panel.controls.run_label, "Run");
        assert!(!panel.controls.run && panel.controls.pause && !panel.controls.step && !panel.controls.mode);
        assert_eq!(panel.progress.text, "Starting the Web Workers…");
        assert_eq!(panel.marks_at, None);
        // Once it runs, the flag no longer matters.
        let running =
            Situation { starting: Some(Starting::Workers), ..with_run(Mode::Real, RunState::Running) };
        assert_eq!(Panel::of(&running).progress.text, "Running (real time).");
    }

    #[test]
    fn a_run_waiting_for_its_modules_shows_as_running_in_any_mode() {
        for mode in [Mode::Instant, Mode::Paced, Mode::Real] {
            let situation =
                Situation { starting: Some(Starting::Modules), ..with_run(mode, RunState::Paused) };
            let panel = Panel::of(&situation);
            assert_eq!(panel.state, PageState::Running);
            assert!(panel.controls.pause && !panel.controls.run && !panel.controls.step);
            assert_eq!(panel.progress.text, "Loading the modules the program imports…");
        }
    }

    #[test]
    fn the_status_line_says_what_the_run_waits_for() {
        let waiting = |wait| {
            let run = RunFacts { waiting_for: wait, ..run(Mode::Paced, RunState::Running) };
            Panel::of(&Situation { run: Some(run), ..idle(Mode::Paced) }).progress.text
        };
        assert_eq!(waiting(None), "Running (paced).");
        assert_eq!(waiting(Some(0.25)), "Running (paced): the loop waits 0.25 s for its next timer.");
        assert_eq!(
            waiting(Some(f64::INFINITY)),
            "Running (paced): the loop waits for its Web Workers (nothing else is scheduled)."
        );
    }

    #[test]
    fn before_a_run_the_status_line_describes_the_mode() {
        let paced = Situation { speed: 2.5, ..idle(Mode::Paced) };
        assert_eq!(Panel::of(&paced).progress.text, format!("{} Now at 2.5×.", Mode::Paced.describe()));
        assert_eq!(Panel::of(&idle(Mode::Real)).progress.text, Mode::Real.describe());
    }

    #[test]
    fn one_line_and_one_iteration_are_singular() {
        let one = RunFacts { iterations: 1, lines: 1, ..run(Mode::Instant, RunState::Finished) };
        let panel = Panel::of(&Situation { run: Some(one), ..idle(Mode::Instant) });
        assert_eq!(panel.progress.text, "Finished: 1 line printed in 1 loop iteration.");
    }

    #[test]
    fn values_are_pushed_into_a_paced_or_real_run_under_way() {
        for mode in [Mode::Paced, Mode::Real] {
            for state in [RunState::Running, RunState::Paused] {
                assert!(Panel::of(&with_run(mode, state)).push.enabled, "{mode:?} {state:?}");
            }
            let finished = Panel::of(&with_run(mode, RunState::Finished)).push;
            assert_eq!(finished, Push { enabled: false, why_not: PUSH_NOT_RUNNING });
            assert_eq!(Panel::of(&idle(mode)).push, Push { enabled: false, why_not: PUSH_NOT_RUNNING });
        }
    }

    #[test]
    fn instant_mode_never_takes_pushes_and_says_why() {
        let expected = Push { enabled: false, why_not: PUSH_INSTANT };
        assert_eq!(Panel::of(&idle(Mode::Instant)).push, expected);
        assert_eq!(Panel::of(&with_run(Mode::Instant, RunState::Paused)).push, expected);
        // Instant chosen after a paced run ended.
        let after = Situation { mode: Mode::Instant, ..with_run(Mode::Paced, RunState::Finished) };
        assert_eq!(Panel::of(&after).push, expected);
        // A paced run under way still takes them.
        let under_way = Situation { mode: Mode::Instant, ..with_run(Mode::Paced, RunState::Paused) };
        assert!(Panel::of(&under_way).push.enabled);
    }

    #[test]
    fn data_state_names() {
        let names: Vec<&str> = [PageState::Idle, PageState::Running, PageState::Paused, PageState::Done]
            .map(PageState::as_str)
            .into();
        assert_eq!(names, ["idle", "running", "paused", "done"]);
    }
}
