//! Reading the state texts that primitives put in the trace, so the
//! inspector can show them as fields rather than one long line.
//!
//! A primitive's text reads `"<what happened>: <snapshot>"`
//! (`"Task-2 released, woke Task-8: value=0 waiters=[Task-8, Task-9]"`); an
//! executor's is only a snapshot (`"busy=2/5 queued=3 running=[faa(1), faa(2)]"`).
//! A snapshot is words separated by spaces: `key=value` pairs and bare
//! flags (`locked`, `unset`, `filling`); a value may be a bracketed list
//! whose items contain spaces, or quoted text (queue items).

/// One field of a snapshot: `value=0` has a key, `locked` has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field<'a> {
    pub key: Option<&'a str>,
    pub value: &'a str,
}

/// Split a state text into what happened and the snapshot. The action is
/// the part before the first `": "`, when that part has no `=` (so a
/// snapshot whose items contain `": "` is never cut).
pub fn split(text: &str) -> (Option<&str>, &str) {
    match text.find(": ") {
        Some(at) if !text[..at].contains('=') => (Some(&text[..at]), &text[at + 2..]),
        _ => (None, text),
    }
}

/// The fields of a snapshot, in order.
pub fn fields(snapshot: &str) -> Vec<Field<'_>> {
    split_top_level(snapshot, ' ')
        .into_iter()
        .filter(|word| !word.is_empty())
        .map(|word| match word.find('=') {
            Some(at) if at > 0 && is_key(&word[..at]) => {
                Field { key: Some(&word[..at]), value: &word[at + 1..] }
            }
            _ => Field { key: None, value: word },
        })
        .collect()
}

fn is_key(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The items of a bracketed list value (`[Task-8, Task-9]`), or `None` when
/// `value` is not a list.
pub fn list_items(value: &str) -> Option<Vec<&str>> {
    let inner = value.strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim().is_empty() {
        return Some(Vec::new());
    }
    Some(split_top_level(inner, ',').into_iter().map(str::trim).collect())
}

/// Split `text` at `separator` outside brackets, parentheses, braces and
/// quotes.
fn split_top_level(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '[' | '(' | '{' => depth += 1,
            ']' | ')' | '}' => depth -= 1,
            c if c == separator && depth <= 0 => {
                parts.push(&text[start..at]);
                start = at + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The primitive class a waiter label names, and the primitive's name:
/// `"Semaphore sema"` → `("Semaphore", "sema")`, `"Queue queue (join)"` →
/// `("Queue", "queue")`. `None` for labels that name no primitive
/// (`sleep(1.0)`, `a future`, a task's name).
pub fn waiter_label_parts(label: &str) -> Option<(&str, &str)> {
    const CLASSES: [&str; 9] = [
        "Lock",
        "Semaphore",
        "BoundedSemaphore",
        "Event",
        "Condition",
        "Barrier",
        "Queue",
        "PriorityQueue",
        "LifoQueue",
    ];
    let (class, rest) = label.split_once(' ')?;
    if !CLASSES.contains(&class) {
        return None;
    }
    let name = match rest.rfind(" (") {
        Some(at) if rest.ends_with(')') => &rest[..at],
        _ => rest,
    };
    Some((class, name))
}

/// A guess at the kind of primitive from its snapshot's fields, for
/// primitives no waiter has named yet.
pub fn guess_kind(fields: &[Field<'_>]) -> Option<&'static str> {
    let has = |key: &str| fields.iter().any(|f| f.key == Some(key));
    let flag = |word: &str| fields.iter().any(|f| f.key.is_none() && f.value == word);
    if has("busy") {
        Some("executor")
    } else if has("lock_waiters") {
        Some("Condition")
    } else if has("qsize") {
        Some("Queue")
    } else if has("count") {
        Some("Barrier")
    } else if has("bound") {
        Some("BoundedSemaphore")
    } else if has("value") {
        Some("Semaphore")
    } else if flag("locked") || flag("unlocked") {
        Some("Lock")
    } else if flag("set") || flag("unset") {
        Some("Event")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_action_and_snapshot() {
        assert_eq!(
            split("Task-2 released, woke Task-8: value=0 waiters=[Task-8]"),
            (Some("Task-2 released, woke Task-8"), "value=0 waiters=[Task-8]")
        );
        assert_eq!(
            split("busy=1/6 queued=0 running=[job('a: b')]"),
            (None, "busy=1/6 queued=0 running=[job('a: b')]")
        );
    }

    #[test]
    fn reads_fields_and_lists() {
        let f = fields("locked owner=Task-2 waiters=[Task-3, Task-4] items=['a b', '[']");
        assert_eq!(f.len(), 4);
        assert_eq!(f[0], Field { key: None, value: "locked" });
        assert_eq!(f[1], Field { key: Some("owner"), value: "Task-2" });
        assert_eq!(list_items(f[2].value), Some(vec!["Task-3", "Task-4"]));
        assert_eq!(list_items(f[3].value), Some(vec!["'a b'", "'['"]));
        assert_eq!(list_items("[]"), Some(vec![]));
        assert_eq!(list_items("3/5"), None);
        assert_eq!(guess_kind(&f), Some("Lock"));
    }

    #[test]
    fn names_primitives_from_labels() {
        assert_eq!(waiter_label_parts("Semaphore sema"), Some(("Semaphore", "sema")));
        assert_eq!(waiter_label_parts("Queue queue (join)"), Some(("Queue", "queue")));
        assert_eq!(waiter_label_parts("sleep(1.0)"), None);
        assert_eq!(waiter_label_parts("default executor job faa(1)"), None);
    }
}
