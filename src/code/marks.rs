//! The editor's line marks: where each unfinished interpreted task is in the
//! source at a moment of the run, from the run's [`Recording`].

use crate::timeline::{BarState, Recording};

/// How a line is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// The task that ran last (at a pause, the one that just stepped).
    Running,
    /// Any other unfinished task: where it waits.
    Waiting,
    /// The line of the timeline bar under the pointer.
    Hover,
}

impl MarkKind {
    /// The editor's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkKind::Running => "running",
            MarkKind::Waiting => "waiting",
            MarkKind::Hover => "hover",
        }
    }
}

/// One task's mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// 1-based source line.
    pub line: u32,
    pub kind: MarkKind,
    /// The task's name (`Task-6`).
    pub task: String,
    /// Its lane's index, which picks its colour.
    pub lane: usize,
}

/// The marks at loop time `t`: every task alive then that has stopped at a
/// source line, the one that reported a line last marked as running.
pub fn marks_at(rec: &Recording, t: f64) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut latest: Option<(u64, usize)> = None;
    for (lane_index, lane) in rec.lanes().iter().enumerate() {
        let Some(bar) = rec.bar_at(lane_index, t) else { continue };
        if matches!(bar.state, BarState::Done | BarState::Cancelled | BarState::Failed { .. }) {
            continue;
        }
        let Some((line, seq)) = lane.line_entry(t) else { continue };
        if latest.is_none_or(|(s, _)| seq > s) {
            latest = Some((seq, marks.len()));
        }
        marks.push(Mark { line, kind: MarkKind::Waiting, task: lane.name.clone(), lane: lane_index });
    }
    if let Some((_, index)) = latest {
        marks[index].kind = MarkKind::Running;
    }
    marks
}

/// The mark for the bar of lane `lane` under the pointer at loop time `t`.
pub fn hover_mark(rec: &Recording, lane: usize, t: f64) -> Option<Mark> {
    let entry = rec.lanes().get(lane)?;
    let bar = rec.bar_at(lane, t)?;
    // A running bar shows where the step ended; a waiting one where it waits.
    let at = if bar.state == BarState::Running { bar.end_at(rec.end_time()) } else { bar.start };
    let line = entry.line_at(at)?;
    Some(Mark { line, kind: MarkKind::Hover, task: entry.name.clone(), lane })
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncio_engine::TraceEvent;

    fn recording() -> Recording {
        let mut rec = Recording::new();
        rec.record(0.0, &TraceEvent::TaskCreated { task: 1, name: "Task-1" });
        rec.record(0.0, &TraceEvent::TaskLabel { task: 1, label: "main()" });
        rec.record(0.0, &TraceEvent::TaskCreated { task: 2, name: "Task-2" });
        rec.record(0.0, &TraceEvent::StepStart { task: 1 });
        rec.record(0.0, &TraceEvent::TaskLine { task: 1, line: 9 });
        rec.record(0.0, &TraceEvent::StepEnd { task: 1 });
        rec.record(0.0, &TraceEvent::StepStart { task: 2 });
        rec.record(0.0, &TraceEvent::TaskLine { task: 2, line: 4 });
        rec.record(0.0, &TraceEvent::StepEnd { task: 2 });
        rec.record(1.0, &TraceEvent::StepStart { task: 2 });
        rec.record(1.0, &TraceEvent::TaskDone { task: 2, outcome: asyncio_engine::trace::Outcome::Done });
        rec.record(1.0, &TraceEvent::StepStart { task: 1 });
        rec.record(1.0, &TraceEvent::TaskLine { task: 1, line: 11 });
        rec.record(1.0, &TraceEvent::StepEnd { task: 1 });
        rec
    }

    #[test]
    fn every_live_task_is_marked_and_the_last_to_run_is_running() {
        let rec = recording();
        let at0 = marks_at(&rec, 0.5);
        assert_eq!(
            at0,
            [
                Mark { line: 9, kind: MarkKind::Waiting, task: "Task-1".into(), lane: 0 },
                Mark { line: 4, kind: MarkKind::Running, task: "Task-2".into(), lane: 1 },
            ]
        );
        // Task-2 is done at 1.0; Task-1 moved on to line 11.
        let at1 = marks_at(&rec, 1.0);
        assert_eq!(at1, [Mark { line: 11, kind: MarkKind::Running, task: "Task-1".into(), lane: 0 }]);
        assert_eq!(rec.lanes()[0].title(), "Task-1 · main()");
        assert_eq!(rec.lanes()[1].title(), "Task-2");
        assert_eq!(rec.lanes()[0].short_title(10), "Task-1 · …");
        assert_eq!(rec.lanes()[0].short_title(15), "Task-1 · main()");
    }

    #[test]
    fn a_hovered_bar_marks_where_its_task_was() {
        let rec = recording();
        let mark = hover_mark(&rec, 0, 0.5).expect("a mark");
        assert_eq!((mark.line, mark.kind), (9, MarkKind::Hover));
        assert_eq!(hover_mark(&rec, 1, 5.0).map(|m| m.line), Some(4));
        assert_eq!(hover_mark(&rec, 7, 0.5), None);
    }
}
