//! What the timeline and the inspector are drawn from: the loop's
//! [`TraceEvent`]s turned into one lane of state bars per task, the history
//! of every primitive's state, and the printed lines, all on the loop's
//! clock.
//!
//! [`Recording`] is the data and its queries (pure Rust, tested on the
//! host). [`TraceRecorder`] is a cheap, clonable handle on a recording that
//! the loop's tracer writes into and the views read from:
//!
//! ```
//! use asyncio_playground::timeline::TraceRecorder;
//! use asyncio_engine::TraceEvent;
//!
//! let recorder = TraceRecorder::new();
//! // event_loop.set_tracer(recorder.tracer());
//! recorder.record(0.0, &TraceEvent::TaskCreated { task: 1, name: "Task-1" });
//! recorder.record(0.0, &TraceEvent::StepStart { task: 1 });
//! recorder.record(0.0, &TraceEvent::Waiting { task: 1, on: "sleep(1.0)" });
//! recorder.record(0.0, &TraceEvent::StepEnd { task: 1 });
//! recorder.record(1.0, &TraceEvent::StepStart { task: 1 });
//! let recording = recorder.borrow();
//! let hover = recording.hover(0, 0.5, 0.0).unwrap();
//! assert_eq!(hover.describe(), "Task-1 sleeping in sleep(1.0) for 1.0 s (from 0.0 to 1.0 s)");
//! ```
//!
//! # How a task's bars are made
//! A lane is a sequence of contiguous bars: each one starts where the
//! previous one ended. `TaskCreated` opens a *ready* bar; `StepStart` closes
//! whatever is open and opens *running*; `StepEnd` closes it and opens what
//! the step left the task doing: *sleeping* or *waiting* when the step
//! reported `Waiting` (a label starting with `sleep(` is a sleep), *ready*
//! otherwise (`Yielded`, or a step that ends the task). A wait ends when the
//! task's next step starts: the trace does not say when the awaited future
//! completed, only when the task ran again. `TaskDone` opens a terminal bar
//! (*done*, *cancelled*, *failed*) that lasts to the end of the trace.
//!
//! The last bar of a lane is open (its `end` is `f64::INFINITY`); queries
//! that measure it clamp it to [`Recording::end_time`]. A *ready* bar of
//! zero length (created and run in the same instant) is dropped: it says
//! nothing the next bar does not.

use std::cell::{Ref, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use asyncio_engine::trace::{Outcome, PrimitiveKind, Snapshot, TraceEvent, Tracer};

use super::state::{Field, PrimitiveState};

/// How many records (bars, primitive states, printed lines) a recording
/// keeps before it stops and says it is truncated: a bound on memory for
/// runaway scenarios (a few tens of bytes per record).
pub const DEFAULT_CAP: usize = 200_000;

/// What a task is doing during a bar.
#[derive(Debug, Clone, PartialEq)]
pub enum BarState {
    /// One of its steps is running (`StepStart`..`StepEnd`).
    Running,
    /// Created, yielded or about to finish: waiting for its turn to run.
    Ready,
    /// Suspended in `asyncio.sleep`; `on` is the label, `sleep(1.0)`.
    Sleeping { on: Rc<str> },
    /// Suspended on a primitive, a future or another task, named by `on`
    /// (`Semaphore sema`, `Queue queue (join)`, `Task-3`, `a future`).
    Waiting { on: Rc<str> },
    /// Finished normally.
    Done,
    /// Finished by cancellation.
    Cancelled,
    /// Finished by an exception: its last traceback line.
    Failed { message: Rc<str> },
}

impl BarState {
    /// A short lower-case name: `running`, `ready`, `sleeping`, `waiting`,
    /// `done`, `cancelled`, `failed` (CSS classes and the legend use it).
    pub fn key(&self) -> &'static str {
        match self {
            BarState::Running => "running",
            BarState::Ready => "ready",
            BarState::Sleeping { .. } => "sleeping",
            BarState::Waiting { .. } => "waiting",
            BarState::Done => "done",
            BarState::Cancelled => "cancelled",
            BarState::Failed { .. } => "failed",
        }
    }

    /// True for the states a task never leaves.
    pub fn is_terminal(&self) -> bool {
        matches!(self, BarState::Done | BarState::Cancelled | BarState::Failed { .. })
    }

    /// What the task waits for, for the two waiting states.
    pub fn waiting_on(&self) -> Option<&str> {
        match self {
            BarState::Sleeping { on } | BarState::Waiting { on } => Some(on),
            _ => None,
        }
    }

    /// The state in words: `running`, `waiting on Semaphore sema`,
    /// `sleeping in sleep(1.0)`, `failed: ValueError: boom`...
    pub fn phrase(&self) -> String {
        match self {
            BarState::Sleeping { on } => format!("sleeping in {on}"),
            BarState::Waiting { on } => format!("waiting on {on}"),
            BarState::Failed { message } => format!("failed: {message}"),
            BarState::Ready => "ready to run".to_string(),
            other => other.key().to_string(),
        }
    }
}

/// One interval of a task's life in one state.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub start: f64,
    /// `f64::INFINITY` while the bar is open (the lane's last bar).
    pub end: f64,
    pub state: BarState,
}

impl Bar {
    /// True while nothing has closed the bar yet.
    pub fn is_open(&self) -> bool {
        self.end == f64::INFINITY
    }

    /// The end, with an open bar ending at `end_time`.
    pub fn end_at(&self, end_time: f64) -> f64 {
        if self.is_open() {
            end_time.max(self.start)
        } else {
            self.end
        }
    }
}

/// One task's lane.
#[derive(Debug, Clone)]
pub struct Lane {
    /// The engine's task id.
    pub task: u64,
    /// The task's name (`Task-1`, or the name it was given).
    pub name: String,
    /// When the task was created.
    pub created: f64,
    bars: Vec<Bar>,
    /// The label of the `Waiting` reported by the running step.
    pending_wait: Option<Rc<str>>,
    /// What an interpreted task runs: its coroutine and arguments
    /// (`print_result(4)`).
    pub label: Option<String>,
    /// The source lines an interpreted task stopped at (1-based), with
    /// their times and the recording's step count then, in order.
    lines: Vec<(f64, u32, u64)>,
}

impl Lane {
    /// Every bar, in time order; the last one may be open.
    pub fn bars(&self) -> &[Bar] {
        &self.bars
    }

    /// The lane's state now (its last bar's).
    pub fn current(&self) -> Option<&BarState> {
        self.bars.last().map(|bar| &bar.state)
    }

    /// The lane's name on screen: `Task-6 · print_result(4)` when the task's
    /// coroutine is known, else the task's name.
    pub fn title(&self) -> String {
        match &self.label {
            Some(label) => format!("{} · {label}", self.name),
            None => self.name.clone(),
        }
    }

    /// [`Lane::title`] in at most `max` characters (the timeline's labels),
    /// cut with an ellipsis.
    pub fn short_title(&self, max: usize) -> String {
        let title = self.title();
        if title.chars().count() <= max {
            return title;
        }
        let mut cut: String = title.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }

    /// The source line the task last stopped at, at or before loop time `t`
    /// (`None` for a lesson's task, or before its first step).
    pub fn line_at(&self, t: f64) -> Option<u32> {
        self.line_entry(t).map(|(line, _)| line)
    }

    /// [`Lane::line_at`] and when, in the recording's count of source lines
    /// reported, it was reported (the latest one is the task that ran last).
    pub fn line_entry(&self, t: f64) -> Option<(u32, u64)> {
        let n = self.lines.partition_point(|&(time, _, _)| time <= t);
        n.checked_sub(1).map(|i| (self.lines[i].1, self.lines[i].2))
    }
}

/// The history of one primitive's states.
#[derive(Debug, Clone)]
pub struct PrimitiveTimeline {
    /// The primitive's name (`sema`, `lock`, `default executor`).
    pub name: String,
    /// Every state with the time it was reported, in order.
    pub states: Vec<(f64, PrimitiveState)>,
    /// The kind its latest event said.
    kind: PrimitiveKind,
}

impl PrimitiveTimeline {
    /// The last state reported at or before `t`, with its time.
    pub fn state_at(&self, t: f64) -> Option<(f64, &PrimitiveState)> {
        let idx = self.states.partition_point(|(time, _)| *time <= t);
        let (time, state) = self.states.get(idx.checked_sub(1)?)?;
        Some((*time, state))
    }

    /// The first time the primitive reported anything.
    pub fn first_seen(&self) -> Option<f64> {
        self.states.first().map(|(time, _)| *time)
    }

    /// What kind of primitive this is (`Semaphore`, `Lock`, `Queue`,
    /// `executor`...), as its events say.
    pub fn kind(&self) -> PrimitiveKind {
        self.kind
    }
}

/// A primitive's state at one instant, as the inspector lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PrimitiveAt<'a> {
    pub name: &'a str,
    pub kind: PrimitiveKind,
    /// When this state was reported; `None` when the primitive had not been
    /// used yet (then `state` is `None` and `first_seen` says when it will
    /// be).
    pub since: Option<f64>,
    pub first_seen: Option<f64>,
    /// The state then.
    pub state: Option<&'a PrimitiveState>,
}

impl PrimitiveAt<'_> {
    /// What happened last (`Task-2 released, woke Task-8`), when the event
    /// said.
    pub fn action(&self) -> Option<&str> {
        self.state?.action()
    }

    /// The state as the inspector lists it (`value 0`, `waiters Task-8 (1)`);
    /// nothing before the primitive was used.
    pub fn fields(&self) -> Vec<Field> {
        self.state.map(|state| state.state().fields()).unwrap_or_default()
    }
}

/// The bar under the pointer, as [`Recording::hover`] finds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hover<'a> {
    /// Index of the lane in [`Recording::lanes`].
    pub lane: usize,
    /// The task's name.
    pub name: &'a str,
    pub bar: &'a Bar,
    /// The bar's end, an open bar's clamped to the end of the trace.
    pub end: f64,
}

impl Hover<'_> {
    pub fn start(&self) -> f64 {
        self.bar.start
    }

    pub fn duration(&self) -> f64 {
        self.end - self.bar.start
    }

    pub fn state(&self) -> &BarState {
        &self.bar.state
    }

    /// What the task was waiting for, if it was waiting or sleeping.
    pub fn waiting_on(&self) -> Option<&str> {
        self.bar.state.waiting_on()
    }

    /// The tooltip: `Task-3 waiting on Semaphore sema for 1.0 s (from 0.0 to 1.0 s)`.
    pub fn describe(&self) -> String {
        let name = self.name;
        let start = seconds(self.bar.start);
        let state = &self.bar.state;
        if state.is_terminal() {
            return match state {
                BarState::Failed { message } => format!("{name} failed at {start} s: {message}"),
                other => format!("{name} {} at {start} s", other.key()),
            };
        }
        let phrase = state.phrase();
        let duration = seconds(self.duration());
        if self.bar.is_open() {
            format!("{name} {phrase} since {start} s ({duration} s so far)")
        } else if self.duration() == 0.0 {
            match state {
                BarState::Running => format!("{name} ran a step at {start} s"),
                _ => format!("{name} {phrase} at {start} s, for no time"),
            }
        } else {
            format!("{name} {phrase} for {duration} s (from {start} to {} s)", seconds(self.end))
        }
    }
}

/// Everything recorded from one run's trace events.
#[derive(Debug, Clone)]
pub struct Recording {
    lanes: Vec<Lane>,
    lane_of_task: HashMap<u64, usize>,
    primitives: Vec<PrimitiveTimeline>,
    primitive_of_name: HashMap<String, usize>,
    /// Waiting labels and the names primitives list (tasks, jobs, queue
    /// items), so that each one is stored once.
    labels: HashSet<Rc<str>>,
    prints: Vec<(f64, String)>,
    end_time: f64,
    stored: usize,
    cap: usize,
    truncated_at: Option<f64>,
    revision: u64,
    generation: u64,
    /// Source lines reported so far (see [`Lane::line_entry`]).
    line_reports: u64,
}

impl Default for Recording {
    fn default() -> Self {
        Recording::new()
    }
}

impl Recording {
    /// An empty recording that keeps up to [`DEFAULT_CAP`] records.
    pub fn new() -> Recording {
        Recording::with_cap(DEFAULT_CAP)
    }

    /// An empty recording that keeps up to `cap` records (bars, primitive
    /// states and printed lines together), then stops and says it is
    /// truncated.
    pub fn with_cap(cap: usize) -> Recording {
        Recording {
            lanes: Vec::new(),
            lane_of_task: HashMap::new(),
            primitives: Vec::new(),
            primitive_of_name: HashMap::new(),
            labels: HashSet::new(),
            prints: Vec::new(),
            end_time: 0.0,
            stored: 0,
            cap,
            truncated_at: None,
            revision: 0,
            generation: 0,
            line_reports: 0,
        }
    }

    /// Take one event that happened at loop time `time`.
    pub fn record(&mut self, time: f64, event: &TraceEvent<'_>) {
        if self.truncated_at.is_some() {
            return;
        }
        if self.stored >= self.cap {
            self.truncated_at = Some(self.end_time);
            self.revision += 1;
            return;
        }
        self.revision += 1;
        if time > self.end_time {
            self.end_time = time;
        }
        match *event {
            TraceEvent::TaskCreated { task, name } => {
                if !self.lane_of_task.contains_key(&task) {
                    self.add_lane(task, name, time);
                }
            }
            TraceEvent::StepStart { task } => {
                let lane = self.lane_index(task, time);
                if self.finished(lane) {
                    return;
                }
                self.close(lane, time);
                self.open(lane, time, BarState::Running);
            }
            TraceEvent::Waiting { task, on } => {
                let label = self.label(on);
                let lane = self.lane_index(task, time);
                self.lanes[lane].pending_wait = Some(label);
            }
            TraceEvent::Yielded { task } => {
                let lane = self.lane_index(task, time);
                self.lanes[lane].pending_wait = None;
            }
            TraceEvent::StepEnd { task } => {
                let lane = self.lane_index(task, time);
                if self.finished(lane) {
                    return;
                }
                self.close(lane, time);
                let state = match self.lanes[lane].pending_wait.take() {
                    Some(on) if on.starts_with("sleep(") => BarState::Sleeping { on },
                    Some(on) => BarState::Waiting { on },
                    None => BarState::Ready,
                };
                self.open(lane, time, state);
            }
            TraceEvent::TaskDone { task, ref outcome } => {
                let lane = self.lane_index(task, time);
                if self.finished(lane) {
                    return;
                }
                self.close(lane, time);
                let state = match outcome {
                    Outcome::Done => BarState::Done,
                    Outcome::Cancelled => BarState::Cancelled,
                    Outcome::Failed(message) => BarState::Failed { message: Rc::from(message.as_str()) },
                };
                self.open(lane, time, state);
            }
            TraceEvent::Primitive { name, kind, action, ref snapshot } => {
                self.record_primitive(time, name, kind, action, snapshot);
            }
            TraceEvent::Print { line } => {
                self.prints.push((time, line.to_string()));
                self.stored += 1;
            }
            // Timers are drawn from the tasks waiting on them; the source
            // lines and coroutine labels of interpreted tasks name the lanes
            // and mark the editor's lines.
            TraceEvent::TaskLine { task, line } => {
                let lane = self.lane_index(task, time);
                self.line_reports += 1;
                let seq = self.line_reports;
                let lines = &mut self.lanes[lane].lines;
                match lines.last_mut() {
                    Some(last) if last.0 == time => *last = (time, line, seq),
                    _ => {
                        lines.push((time, line, seq));
                        self.stored += 1;
                    }
                }
            }
            TraceEvent::TaskLabel { task, label } => {
                let lane = self.lane_index(task, time);
                self.lanes[lane].label = Some(label.to_string());
            }
            TraceEvent::TimerScheduled { .. } | TraceEvent::TimerFired { .. } => {}
        }
    }

    fn add_lane(&mut self, task: u64, name: &str, time: f64) -> usize {
        self.lanes.push(Lane {
            task,
            name: name.to_string(),
            created: time,
            bars: Vec::new(),
            pending_wait: None,
            label: None,
            lines: Vec::new(),
        });
        let lane = self.lanes.len() - 1;
        self.lane_of_task.insert(task, lane);
        self.open(lane, time, BarState::Ready);
        lane
    }

    /// The lane of `task`; a task created before the tracer was set gets a
    /// lane when it is first seen.
    fn lane_index(&mut self, task: u64, time: f64) -> usize {
        match self.lane_of_task.get(&task) {
            Some(&lane) => lane,
            None => self.add_lane(task, &format!("task {task}"), time),
        }
    }

    /// True once the task's terminal bar is open: nothing changes it again.
    fn finished(&self, lane: usize) -> bool {
        self.lanes[lane].current().is_some_and(BarState::is_terminal)
    }

    /// Keep a primitive's new state (its names stored once, with the labels).
    fn record_primitive(
        &mut self,
        time: f64,
        name: &str,
        kind: PrimitiveKind,
        action: Option<&str>,
        snapshot: &Snapshot<'_>,
    ) {
        let labels = &mut self.labels;
        let state = PrimitiveState::new(action, snapshot, |text| intern(labels, text));
        let idx = match self.primitive_of_name.get(name) {
            Some(&idx) => idx,
            None => {
                self.primitives.push(PrimitiveTimeline { name: name.to_string(), states: Vec::new(), kind });
                self.primitive_of_name.insert(name.to_string(), self.primitives.len() - 1);
                self.primitives.len() - 1
            }
        };
        let primitive = &mut self.primitives[idx];
        primitive.kind = kind;
        primitive.states.push((time, state));
        self.stored += 1;
    }

    fn label(&mut self, text: &str) -> Rc<str> {
        intern(&mut self.labels, text)
    }

    /// Close the lane's open bar at `time`; a zero-length ready bar goes.
    fn close(&mut self, lane: usize, time: f64) {
        let bars = &mut self.lanes[lane].bars;
        let Some(last) = bars.last_mut() else { return };
        if !last.is_open() {
            return;
        }
        last.end = time.max(last.start);
        if last.state == BarState::Ready && last.end == last.start {
            bars.pop();
            self.stored -= 1;
        }
    }

    fn open(&mut self, lane: usize, time: f64, state: BarState) {
        self.lanes[lane].bars.push(Bar { start: time, end: f64::INFINITY, state });
        self.stored += 1;
    }

    // ----- queries -----

    /// One lane per task, in creation order.
    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }

    /// The lane of the task called `name`.
    pub fn lane_named(&self, name: &str) -> Option<usize> {
        self.lanes.iter().position(|lane| lane.name == name)
    }

    /// The bars of lane `lane` that overlap `[t0, t1]` (bars of zero length
    /// at either edge included), found by binary search.
    pub fn bars_in(&self, lane: usize, t0: f64, t1: f64) -> &[Bar] {
        let Some(lane) = self.lanes.get(lane) else { return &[] };
        let bars = &lane.bars;
        // Bars are contiguous: starts and ends both increase.
        let lo = bars.partition_point(|bar| bar.end < t0);
        let hi = bars.partition_point(|bar| bar.start <= t1);
        if lo >= hi {
            &[]
        } else {
            &bars[lo..hi]
        }
    }

    /// The bar lane `lane` is in after everything that happened at `t`
    /// (`None` before the task exists).
    pub fn bar_at(&self, lane: usize, t: f64) -> Option<&Bar> {
        let bars = &self.lanes.get(lane)?.bars;
        let idx = bars.partition_point(|bar| bar.start <= t);
        bars.get(idx.checked_sub(1)?)
    }

    /// The bar under a pointer at time `t` in lane `lane`. `tolerance` (in
    /// seconds: a few pixels' worth) lets a short bar, drawn wider than it
    /// is, be found near its edges; it wins over the long bar around it.
    /// With no tolerance this is [`Recording::bar_at`]: the state after
    /// everything that happened at `t`.
    pub fn hover(&self, lane: usize, t: f64, tolerance: f64) -> Option<Hover<'_>> {
        let name = self.lanes.get(lane)?.name.as_str();
        let end_time = self.end_time;
        let tolerance = tolerance.max(0.0);
        let distance = |bar: &Bar| {
            let end = bar.end_at(end_time);
            if t < bar.start {
                bar.start - t
            } else if t > end {
                t - end
            } else {
                0.0
            }
        };
        let mut best: Option<(&Bar, f64)> = None;
        let near = if tolerance > 0.0 { self.bars_in(lane, t - tolerance, t + tolerance) } else { &[] };
        for bar in near {
            // A terminal bar is drawn to the end of the trace: never short.
            let short = !bar.state.is_terminal() && bar.end_at(end_time) - bar.start <= 2.0 * tolerance;
            let d = distance(bar);
            if !short || d > tolerance {
                continue;
            }
            // Nearest first; at equal distance a running step, the thing
            // that is hardest to see, wins.
            let better = match best {
                None => true,
                Some((held, held_d)) => {
                    d < held_d || (d == held_d && bar.state == BarState::Running && held.state != bar.state)
                }
            };
            if better {
                best = Some((bar, d));
            }
        }
        let bar = match best {
            Some((bar, _)) => bar,
            None => {
                let bar = self.bar_at(lane, t)?;
                if t > bar.end_at(end_time) {
                    return None;
                }
                bar
            }
        };
        Some(Hover { lane, name, bar, end: bar.end_at(end_time) })
    }

    /// Every primitive that reported a state, in order of first appearance.
    pub fn primitives(&self) -> &[PrimitiveTimeline] {
        &self.primitives
    }

    /// The state of the primitive called `name` after everything that
    /// happened at `t`.
    pub fn primitive_state_at(&self, name: &str, t: f64) -> Option<&PrimitiveState> {
        let idx = *self.primitive_of_name.get(name)?;
        self.primitives[idx].state_at(t).map(|(_, state)| state)
    }

    /// Every primitive's state at `t` (none for one not used yet).
    pub fn primitive_states_at(&self, t: f64) -> Vec<PrimitiveAt<'_>> {
        self.primitives
            .iter()
            .map(|primitive| {
                let at = primitive.state_at(t);
                PrimitiveAt {
                    name: &primitive.name,
                    kind: primitive.kind(),
                    since: at.map(|(time, _)| time),
                    first_seen: primitive.first_seen(),
                    state: at.map(|(_, state)| state),
                }
            })
            .collect()
    }

    /// Every printed line with its time.
    pub fn prints(&self) -> &[(f64, String)] {
        &self.prints
    }

    /// The lines printed at or before `t`.
    pub fn prints_until(&self, t: f64) -> &[(f64, String)] {
        let n = self.prints.partition_point(|(time, _)| *time <= t);
        &self.prints[..n]
    }

    /// The latest loop time any event happened at (the truncation time once
    /// truncated).
    pub fn end_time(&self) -> f64 {
        self.end_time
    }

    /// Records kept (bars, primitive states, printed lines).
    pub fn stored(&self) -> usize {
        self.stored
    }

    /// The most records this recording keeps.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// True once the cap was reached: later events were dropped.
    pub fn truncated(&self) -> bool {
        self.truncated_at.is_some()
    }

    /// The loop time of the last event kept, once truncated.
    pub fn truncated_at(&self) -> Option<f64> {
        self.truncated_at
    }

    /// Changes with every event taken: views redraw when it moves.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes when the recorder is cleared for a new run: views fit the new
    /// run.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// A lane in words for the timeline's text alternative, with at most
    /// `max_items` of its changes: `Task-8: waiting on Semaphore sema from
    /// 0.0 to 1.0 s; sleeping in sleep(1.0) from 1.0 to 2.0 s; done at 2.0 s.`
    /// Instants (a step on the virtual clock takes no time) are left out.
    pub fn lane_summary(&self, lane: usize, max_items: usize) -> Option<String> {
        let lane_ref = self.lanes.get(lane)?;
        let mut items = Vec::new();
        let mut more = 0usize;
        for bar in &lane_ref.bars {
            let end = bar.end_at(self.end_time);
            let item = if bar.state.is_terminal() {
                match &bar.state {
                    BarState::Failed { message } => format!("failed at {} s: {message}", seconds(bar.start)),
                    other => format!("{} at {} s", other.key(), seconds(bar.start)),
                }
            } else if end > bar.start {
                let until = if bar.is_open() {
                    "still at the end".to_string()
                } else {
                    format!("{} s", seconds(end))
                };
                format!("{} from {} to {until}", bar.state.phrase(), seconds(bar.start))
            } else {
                continue;
            };
            if items.len() < max_items {
                items.push(item);
            } else {
                more += 1;
            }
        }
        let mut text = format!("{}: ", lane_ref.name);
        if items.is_empty() {
            text.push_str("no lasting state yet");
        } else {
            text.push_str(&items.join("; "));
        }
        if more > 0 {
            text.push_str(&format!("; and {more} more"));
        }
        text.push('.');
        Some(text)
    }
}

/// A shared [`Recording`]: the loop's tracer writes into it, the timeline
/// and the inspector read it. Cloning gives another handle on the same
/// recording.
///
/// The tracer only runs inside a loop iteration and the views only read
/// between iterations, so the two never overlap; if they did, the event
/// would be dropped rather than panic.
#[derive(Debug, Clone, Default)]
pub struct TraceRecorder {
    recording: Rc<RefCell<Recording>>,
}

/// [`TraceRecorder::tracer`].
struct RecorderTracer(TraceRecorder);

impl Tracer for RecorderTracer {
    fn event(&mut self, time: f64, event: &TraceEvent<'_>) {
        self.0.record(time, event);
    }

    fn listening(&self) -> bool {
        self.0.recording.try_borrow().map_or(true, |recording| !recording.truncated())
    }
}

impl TraceRecorder {
    /// A recorder that keeps up to [`DEFAULT_CAP`] records.
    pub fn new() -> TraceRecorder {
        TraceRecorder::with_cap(DEFAULT_CAP)
    }

    /// A recorder that keeps up to `cap` records.
    pub fn with_cap(cap: usize) -> TraceRecorder {
        TraceRecorder { recording: Rc::new(RefCell::new(Recording::with_cap(cap))) }
    }

    /// A tracer for `EventLoop::set_tracer` that records into this recorder.
    /// Once the recording is full it stops listening, so the loop stops
    /// building events nobody keeps (their text and snapshots were most of a
    /// long run's time in the page).
    pub fn tracer(&self) -> Box<dyn Tracer> {
        Box::new(RecorderTracer(self.clone()))
    }

    /// Take one event (what the tracer does).
    pub fn record(&self, time: f64, event: &TraceEvent<'_>) {
        if let Ok(mut recording) = self.recording.try_borrow_mut() {
            recording.record(time, event);
        }
    }

    /// Forget everything, for a new run; handles stay connected.
    pub fn clear(&self) {
        if let Ok(mut recording) = self.recording.try_borrow_mut() {
            let cap = recording.cap;
            let (revision, generation) = (recording.revision, recording.generation);
            *recording = Recording::with_cap(cap);
            // Views compare revisions: never give an old number back.
            recording.revision = revision + 1;
            recording.generation = generation + 1;
        }
    }

    /// Read the recording.
    ///
    /// # Panics
    /// When called from inside the tracer (never done by the views); use
    /// [`TraceRecorder::try_borrow`] where that could happen.
    pub fn borrow(&self) -> Ref<'_, Recording> {
        self.recording.borrow()
    }

    /// Read the recording, or `None` while the tracer is writing to it.
    pub fn try_borrow(&self) -> Option<Ref<'_, Recording>> {
        self.recording.try_borrow().ok()
    }

    /// True when both handles share one recording.
    pub fn ptr_eq(&self, other: &TraceRecorder) -> bool {
        Rc::ptr_eq(&self.recording, &other.recording)
    }
}

/// The one shared copy of `text` in `strings`.
fn intern(strings: &mut HashSet<Rc<str>>, text: &str) -> Rc<str> {
    if let Some(shared) = strings.get(text) {
        return shared.clone();
    }
    let shared: Rc<str> = Rc::from(text);
    strings.insert(shared.clone());
    shared
}

/// A duration or a time in seconds as the page writes it: at most three
/// decimals (six below a millisecond), trailing zeros dropped but one kept:
/// `1.0`, `0.178`, `0.5`, `734.0`.
pub fn seconds(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let decimals = if value != 0.0 && value.abs() < 0.0005 { 6 } else { 3 };
    let mut text = format!("{value:.decimals$}");
    while text.ends_with('0') && !text.ends_with(".0") {
        text.pop();
    }
    if text == "-0.0" {
        text = "0.0".to_string();
    }
    text
}
