//! How a run ended, in words: the panel under the log when the last trace
//! line is a `Traceback:` or `deadlock:` line (the oracle's `run.py` prints
//! them, and so does the page), or a `runaway:` line (the engine's, when a
//! step never awaits; python3 would hang there).

/// A panel's content: a title, paragraphs, and a list (what each task
/// waited on, at a deadlock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub items: Vec<String>,
}

/// The text of a trace line, after its `[   t.ttt] ` time.
fn line_text(line: &str) -> &str {
    match line.split_once("] ") {
        Some((time, text)) if time.starts_with('[') => text,
        _ => line,
    }
}

/// Explain the run whose last trace line is `last_line`; `waiting` says what
/// each task waited on when the loop found nothing left to run
/// (`name: what`). `None` for a run that ended normally.
pub fn explain(last_line: &str, waiting: &[String]) -> Option<Explanation> {
    let text = line_text(last_line);
    if let Some(exception) = text.strip_prefix("Traceback: ") {
        return Some(traceback(exception));
    }
    if let Some(rest) = text.strip_prefix("deadlock: ") {
        return Some(deadlock(rest, waiting));
    }
    if let Some(rest) = text.strip_prefix("runaway: ") {
        return Some(runaway(rest));
    }
    None
}

fn runaway(rest: &str) -> Explanation {
    let task = rest.split(' ').next().filter(|t| !t.is_empty()).unwrap_or("A task");
    let paragraphs = vec![
        format!(
            "Runaway: {task} kept running without ever awaiting. The event loop runs one task step at \
             a time and can only switch tasks at an await, so no other task, timer or callback could \
             run: python3 would hang here (or loop forever). The playground stops the step and the run."
        ),
        "Look for a loop whose body never awaits anything (a busy wait on a flag, or a call of a \
         coroutine function without await): add an await inside it, for example \
         await asyncio.sleep(0), or await the thing it waits for."
            .to_string(),
    ];
    Explanation { title: "Runaway: a step that never awaits".to_string(), paragraphs, items: Vec::new() }
}

fn traceback(exception: &str) -> Explanation {
    let kind = exception.split(':').next().unwrap_or(exception).trim();
    let mut paragraphs = vec![format!(
        "main() ended with an exception that nothing caught: {exception}. asyncio.run() raises it again, \
         so python3 prints a full traceback and exits with status 1; the playground prints its last \
         line, as the reference does."
    )];
    let hint = match kind {
        "TimeoutError" => {
            "A timeout ran out: asyncio.wait_for (or asyncio.timeout) cancelled the work it was waiting \
             for and raised TimeoutError in the task that awaited it. Catch it with \
             try/except TimeoutError, or give the work more time."
        }
        "CancelledError" => {
            "A task was cancelled and the CancelledError travelled up to main(). A task can catch it, \
             but should then usually raise it again."
        }
        "RuntimeError" => {
            "asyncio refused an operation: for example awaiting a coroutine twice, or using a loop \
             that is closed."
        }
        _ => {
            "It was raised in a task and travelled up through every await that did not catch it. \
             asyncio.gather without return_exceptions=True passes the first one on at once; the \
             other tasks keep running until the loop stops."
        }
    };
    paragraphs.push(hint.to_string());
    Explanation { title: format!("An uncaught {kind}"), paragraphs, items: Vec::new() }
}

fn deadlock(rest: &str, waiting: &[String]) -> Explanation {
    let count = rest
        .split(" task(s)")
        .next()
        .and_then(|head| head.rsplit(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(waiting.len());
    let tasks = if count == 1 { "1 task was".to_string() } else { format!("{count} tasks were") };
    let paragraphs = vec![
        format!(
            "Deadlock: the loop had nothing left to do (no callback ready, no timer set), yet {tasks} \
             still waiting. Nothing can ever wake them, so python3 would hang here forever; the \
             playground stops the run and reports it."
        ),
        "Look for a lock that is never released, an event that is never set, a queue that nobody \
         fills, or two tasks that each wait for the other."
            .to_string(),
    ];
    let items = waiting
        .iter()
        .map(|entry| match entry.split_once(": ") {
            Some((name, what)) => format!("{name} waits on {what}"),
            None => entry.clone(),
        })
        .collect();
    Explanation { title: "Deadlock".to_string(), paragraphs, items }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_normal_end_needs_no_words() {
        assert_eq!(explain("[    3.000] world", &[]), None);
        assert_eq!(explain("", &[]), None);
    }

    #[test]
    fn an_exception_is_named() {
        let e = explain("[    2.000] Traceback: ValueError: TaskB failed", &[]).expect("explained");
        assert_eq!(e.title, "An uncaught ValueError");
        assert!(e.paragraphs[0].contains("ValueError: TaskB failed"));
        let e = explain("[    2.000] Traceback: TimeoutError", &[]).expect("explained");
        assert_eq!(e.title, "An uncaught TimeoutError");
        assert!(e.paragraphs[1].contains("wait_for"));
    }

    #[test]
    fn a_runaway_names_its_task() {
        let e = explain(
            "[    0.000] runaway: Task-2 did 100000 operations in one step without awaiting (task has not yielded)",
            &[],
        )
        .expect("explained");
        assert!(e.title.starts_with("Runaway"));
        assert!(e.paragraphs[0].starts_with("Runaway: Task-2 kept running"));
    }

    #[test]
    fn a_deadlock_lists_the_waiting_tasks() {
        let waiting = ["Thread-1: a Lock".to_string(), "Task-1: Thread-1".to_string()];
        let e = explain(
            "[    0.000] deadlock: nothing is scheduled and 2 task(s) wait forever: Task-1, Thread-1",
            &waiting,
        )
        .expect("explained");
        assert_eq!(e.title, "Deadlock");
        assert!(e.paragraphs[0].contains("2 tasks were still waiting"));
        assert_eq!(e.items, vec!["Thread-1 waits on a Lock", "Task-1 waits on Thread-1"]);
    }
}
