//! The Python program a learner sees beside each scenario, for any parameter
//! set.
//!
//! Every scenario has a template, `crates/scenarios/python/NAME.py`, which its
//! descriptor ([`Lesson::python`]) includes. For the
//! asyncio scenarios it is the oracle's plain program
//! (`../shared/reference/plain/NAME.py`: real asyncio, `print`,
//! `asyncio.run`) with each parameter's value replaced by a marker; run by the
//! oracle's `pyrun.py` the filled-in program prints exactly what the scenario
//! prints for those parameters (`scripts/plain_check.py` checks it). For the
//! thread and process scenarios it is the seed's threading or multiprocessing
//! program, which the playground runs as a model ([`model_note`] says how:
//! [`ProgramKind::Model`]).
//!
//! # Template syntax
//! - `{{name}}`: parameter `name` as a Python literal: an int as an int, a
//!   float as Python's `repr` (`2.0`, `0.1`, `1e-05`), a string as its `repr`.
//! - `{{name|str}}`: a string parameter's text itself (its `repr` if it holds
//!   a quote, a backslash or a control character); `{{name|word}}` and
//!   `{{name|Word}}`: a whole number from 0 to 20 as an English word
//!   (`three`, `Three`), any other value as `str()`; `{{name|plus1}}`: an int
//!   plus one (`range(1, n + 1)` written out).
//! - `{{derived}}`: a value computed from the parameters by the scenario's
//!   own [`Python::derived`](crate::lesson::Python::derived), e.g. `{{timeout_or_none}}`.
//! - Lines holding only `{{?flag}}` (or `{{?!flag}}`), `{{:}}` and `{{/}}`
//!   keep the lines between them when the flag is true (false), or the lines
//!   after `{{:}}` otherwise; blocks nest. A flag is `defaults` (every
//!   parameter at its default), a parameter (true when it is not 0 and, for a
//!   string, not empty and not `none`) or a scenario's derived flag (a
//!   [`Derived::Flag`] of its [`Python::derived`](crate::lesson::Python::derived)).
//!
//! At the defaults each asyncio program is the oracle's plain program, up to
//! how a float with an integral value is written (`asyncio.sleep(2.0)` for
//! `asyncio.sleep(2)`); where the plain program fixes a parameter by its
//! structure (one consumer, no failing task, ...) the other values switch in
//! a small variant of those lines.

use asyncio_engine::pyfmt::float_repr;

use crate::lesson::{Derived, Lesson, ProgramKind};
use crate::params::{py_str_repr, Params, Value};

/// Scenario `name`'s Python program with `params` written in; `None` for an
/// unknown scenario.
pub fn program(name: &str, params: &Params) -> Option<String> {
    crate::find_lesson(name)?.program(params)
}

/// True for the thread and process scenarios, whose program the playground
/// runs as a model (threads as tasks) rather than as written.
pub fn is_modelled(name: &str) -> bool {
    matches!(kind(name), Some(ProgramKind::Model(_)))
}

/// True for the scenarios whose program the interpreter can run as it is,
/// which the page offers for editing.
pub fn is_editable(name: &str) -> bool {
    kind(name) == Some(ProgramKind::Editable)
}

/// One sentence saying how the playground models a thread or process
/// scenario's program, or how its run differs from CPython's; `None` for the
/// other scenarios (and unknown names).
pub fn model_note(name: &str) -> Option<&'static str> {
    kind(name)?.note()
}

fn kind(name: &str) -> Option<ProgramKind> {
    crate::find_lesson(name).map(|lesson| lesson.python.kind)
}

impl Lesson {
    /// The scenario's Python program with `params` written in; `None` if
    /// the template does not fit `params` (a parameter it names is missing).
    pub fn program(&self, params: &Params) -> Option<String> {
        render(self.python.template, &Lookup { lesson: self, params }).ok()
    }
}

/// Resolves the markers of one scenario's template.
struct Lookup<'a> {
    lesson: &'a Lesson,
    params: &'a Params,
}

impl Lookup<'_> {
    /// The text for `{{key}}`.
    fn text(&self, key: &str) -> Option<String> {
        let (base, filter) = match key.split_once('|') {
            Some((base, filter)) => (base, Some(filter)),
            None => (key, None),
        };
        let Some(value) = self.params.get(base) else {
            return match (filter, self.derived(base)) {
                (None, Some(Derived::Text(text))) => Some(text),
                _ => None,
            };
        };
        match filter {
            None => Some(literal(value)),
            Some("str") => match value {
                Value::Str(s) if is_plain_text(s) => Some(s.clone()),
                other => Some(literal(other)),
            },
            Some("word") => Some(number_word(value)),
            Some("Word") => Some(capitalise(&number_word(value))),
            Some("plus1") => match value {
                Value::Int(i) => Some(i.saturating_add(1).to_string()),
                _ => None,
            },
            Some(_) => None,
        }
    }

    /// The truth of `{{?key}}`.
    fn flag(&self, key: &str) -> Option<bool> {
        if key == "defaults" {
            return Some(*self.params == Params::defaults(self.lesson.meta.params));
        }
        match self.params.get(key) {
            Some(Value::Int(i)) => Some(*i != 0),
            Some(Value::Float(f)) => Some(*f != 0.0),
            Some(Value::Str(s)) => Some(!s.is_empty() && s != "none"),
            None => match self.derived(key) {
                Some(Derived::Flag(flag)) => Some(flag),
                _ => None,
            },
        }
    }

    /// What the scenario's own markers say for `key`.
    fn derived(&self, key: &str) -> Option<Derived> {
        (self.lesson.python.derived?)(self.params, key)
    }
}

/// A value as a Python literal.
fn literal(value: &Value) -> String {
    match value {
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => py_str_repr(s),
    }
}

/// Text that can stand in a comment or inside quotes as it is.
pub(crate) fn is_plain_text(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() || matches!(c, '\'' | '"' | '\\'))
}

/// A whole number from 0 to 20 as an English word; anything else as `str()`.
fn number_word(value: &Value) -> String {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let whole = match value {
        Value::Int(i) => Some(*i),
        Value::Float(f) if f.fract() == 0.0 && (0.0..=20.0).contains(f) => Some(*f as i64),
        _ => None,
    };
    match whole.and_then(|i| usize::try_from(i).ok()).and_then(|i| WORDS.get(i)) {
        Some(word) => (*word).to_string(),
        None => value.py_str(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// A number of seconds for a comment: Python's repr, rounded to microseconds
/// so that sums read `0.3`, not `0.30000000000000004`.
pub(crate) fn seconds(x: f64) -> String {
    float_repr((x * 1e6).round() / 1e6)
}

/// `redis-cli lpush` arguments: the comma-separated values, each as typed
/// when it is a plain token, else as a Python string literal.
pub(crate) fn cli_values(text: &str) -> String {
    split_values(text)
        .map(|v| {
            if v.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-' | '_')) {
                v.to_string()
            } else {
                py_str_repr(v)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The scenario's `split()`: comma-separated, stripped, empty ones dropped.
pub(crate) fn split_values(text: &str) -> impl Iterator<Item = &str> {
    text.split(',').map(str::trim).filter(|v| !v.is_empty())
}

/// One `{{?flag}}` block being read.
struct Block {
    /// Whether the enclosing lines are kept.
    outer: bool,
    /// The flag's value (negated for `{{?!flag}}`).
    cond: bool,
    /// After `{{:}}`.
    in_else: bool,
}

impl Block {
    fn keeps(&self) -> bool {
        self.outer && (self.cond != self.in_else)
    }
}

/// Fill in a template.
///
/// # Errors
/// An unknown marker or flag, a directive that is not alone on its line, or
/// unbalanced blocks, naming the line.
fn render(template: &str, lookup: &Lookup) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() + 256);
    let mut blocks: Vec<Block> = Vec::new();
    for (index, line) in template.split_inclusive('\n').enumerate() {
        let line_no = index + 1;
        let keep = blocks.last().is_none_or(Block::keeps);
        match directive(line) {
            Some(Directive::If { negated, flag }) => {
                let value =
                    lookup.flag(flag).ok_or_else(|| format!("line {line_no}: unknown flag {flag:?}"))?;
                blocks.push(Block { outer: keep, cond: value != negated, in_else: false });
            }
            Some(Directive::Else) => match blocks.last_mut() {
                Some(block) if !block.in_else => block.in_else = true,
                _ => return Err(format!("line {line_no}: {{{{:}}}} outside a block")),
            },
            Some(Directive::End) => {
                blocks.pop().ok_or_else(|| format!("line {line_no}: {{{{/}}}} outside a block"))?;
            }
            None if keep => substitute(line, lookup, &mut out).map_err(|e| format!("line {line_no}: {e}"))?,
            None => {}
        }
    }
    if blocks.is_empty() {
        Ok(out)
    } else {
        Err("a {{?...}} block is not closed".to_string())
    }
}

enum Directive<'a> {
    If { negated: bool, flag: &'a str },
    Else,
    End,
}

/// The block directive a line holds alone, if any.
fn directive(line: &str) -> Option<Directive<'_>> {
    let inner = line.trim().strip_prefix("{{")?.strip_suffix("}}")?;
    match inner {
        ":" => Some(Directive::Else),
        "/" => Some(Directive::End),
        _ => {
            let cond = inner.strip_prefix('?')?;
            match cond.strip_prefix('!') {
                Some(flag) => Some(Directive::If { negated: true, flag }),
                None => Some(Directive::If { negated: false, flag: cond }),
            }
        }
    }
}

/// Append `line` with its `{{...}}` markers filled in.
fn substitute(line: &str, lookup: &Lookup, out: &mut String) -> Result<(), String> {
    let mut rest = line;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").ok_or_else(|| "unclosed {{".to_string())?;
        let key = &after[..end];
        let text = lookup.text(key).ok_or_else(|| format!("unknown marker {{{{{key}}}}}"))?;
        out.push_str(&text);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{parse_args, Default as PDefault, Num, ParamSpec};
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    fn specs(name: &str) -> &'static [ParamSpec] {
        match crate::find_meta(name) {
            Some(m) => m.params,
            None => panic!("no metadata for {name}"),
        }
    }

    fn plain_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/plain")
    }

    /// `(\d+)\.0\b` → `\1`: a float with an integral value written as the
    /// plain programs write it (`2.0` → `2`).
    fn normalise(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            out.push(c);
            let word_after = |j: usize| chars.get(j).is_some_and(|c| c.is_alphanumeric() || *c == '_');
            if c.is_ascii_digit()
                && chars.get(i + 1) == Some(&'.')
                && chars.get(i + 2) == Some(&'0')
                && !word_after(i + 3)
            {
                i += 3;
                continue;
            }
            i += 1;
        }
        out
    }

    /// Every marker and flag a template mentions, in order.
    fn markers(template: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut rest = template;
        while let Some(start) = rest.find("{{") {
            let after = &rest[start + 2..];
            let Some(end) = after.find("}}") else {
                found.push(after.to_string());
                break;
            };
            found.push(after[..end].to_string());
            rest = &after[end + 2..];
        }
        found
    }

    /// A small deterministic generator (xorshift) for parameter sets.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            if n == 0 {
                0
            } else {
                self.next() % n
            }
        }
    }

    /// Parameter sets for `name`: every minimum, every maximum, every choice,
    /// and seeded random ones, each a list of `key=value`.
    fn param_sets(name: &str) -> Vec<Vec<String>> {
        let specs = specs(name);
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ name.len() as u64);
        let mut sets = Vec::new();
        for mode in 0..12 {
            let mut args = Vec::new();
            for spec in specs {
                let value = if let Some(choices) = spec.choices {
                    choices[(mode + rng.below(choices.len() as u64) as usize) % choices.len()].to_string()
                } else {
                    match spec.default {
                        PDefault::Str(_) => {
                            ["", "5,3,1", "7", "a'b\nc", " 2 , ,9 ", "x\"y\\z"][mode % 6].to_string()
                        }
                        PDefault::Int(_) | PDefault::Float(_) => {
                            let lo = spec.min.map_or(-5.0, num);
                            let hi = spec.max.map_or(100.0, num);
                            let x = match mode {
                                0 => lo,
                                1 => hi,
                                _ => lo + (hi - lo) * (rng.below(1000) as f64 / 1000.0),
                            };
                            if matches!(spec.default, PDefault::Int(_)) {
                                format!("{}", x.round() as i64)
                            } else {
                                format!("{x}")
                            }
                        }
                    }
                };
                args.push(format!("{}={}", spec.name, value));
            }
            sets.push(args);
        }
        sets
    }

    fn num(n: Num) -> f64 {
        match n {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    fn lesson(name: &str) -> &'static Lesson {
        crate::find_lesson(name).unwrap_or_else(|| panic!("no lesson {name}"))
    }

    fn templates_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("python")
    }

    #[test]
    fn every_scenario_has_its_template_and_asyncio_ones_no_note() {
        for m in crate::all_meta() {
            let path = templates_dir().join(format!("{}.py", m.name));
            let file = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(lesson(m.name).python.template, file, "{}: the template is not its file", m.name);
            let threaded = m.name.starts_with("thread_") || m.name.starts_with("process_");
            assert_eq!(is_modelled(m.name), threaded, "{}", m.name);
            // exec_cpu_offload (not an oracle scenario) says why its times differ.
            let noted = threaded || matches!(m.name, "exec_cpu_offload" | "exec_worker_faults");
            assert_eq!(model_note(m.name).is_some(), noted, "{}", m.name);
            // The oracle's asyncio programs are the ones the interpreter runs as written.
            let oracle = crate::is_oracle_scenario(m.name);
            assert_eq!(is_editable(m.name), oracle && !threaded, "{}", m.name);
        }
        let files = std::fs::read_dir(templates_dir()).map_or(0, Iterator::count);
        assert_eq!(files, crate::all_meta().len(), "a template without a scenario");
        assert!(program("no_such_scenario", &Params::defaults(&[])).is_none());
        assert!(!is_editable("no_such_scenario") && model_note("no_such_scenario").is_none());
    }

    #[test]
    fn every_marker_is_known() {
        for lesson in crate::scenarios::LESSONS {
            let (name, text) = (lesson.name(), lesson.python.template);
            let defaults = Params::defaults(lesson.meta.params);
            let lookup = Lookup { lesson, params: &defaults };
            for marker in markers(text) {
                let known = match marker.as_str() {
                    ":" | "/" => true,
                    m => match m.strip_prefix('?') {
                        Some(flag) => lookup.flag(flag.strip_prefix('!').unwrap_or(flag)).is_some(),
                        None => lookup.text(m).is_some(),
                    },
                };
                assert!(known, "{name}: unknown marker {{{{{marker}}}}}");
            }
            if let Err(e) = render(text, &lookup) {
                panic!("{name}: {e}");
            }
        }
    }

    #[test]
    fn defaults_are_the_plain_programs() {
        let mut checked = 0;
        for m in crate::meta::ALL {
            if is_modelled(m.name) {
                continue;
            }
            let path = plain_dir().join(format!("{}.py", m.name));
            let plain = match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) => panic!("{}: {e}", path.display()),
            };
            let ours = program(m.name, &Params::defaults(m.params)).unwrap_or_default();
            if normalise(&ours) != normalise(&plain) {
                let (a, b) = (normalise(&ours), normalise(&plain));
                let first = a.lines().zip(b.lines()).position(|(x, y)| x != y);
                panic!(
                    "{}: differs from plain/ at line {:?}\n--- ours\n{ours}",
                    m.name,
                    first.map(|i| i + 1)
                );
            }
            checked += 1;
        }
        assert_eq!(checked, 32);
    }

    #[test]
    fn render_rejects_bad_templates() {
        let params = Params::defaults(specs("tasks_wait_timeout"));
        let lookup = Lookup { lesson: lesson("tasks_wait_timeout"), params: &params };
        let render = |t: &str| render(t, &lookup);
        assert_eq!(render("a {{tasks}} {{tasks|plus1}}\n").as_deref(), Ok("a 3 4\n"));
        assert_eq!(render("{{?defaults}}\nx\n{{:}}\ny\n{{/}}\n").as_deref(), Ok("x\n"));
        assert_eq!(render("{{?!defaults}}\nx\n{{:}}\n{{?tasks}}\ny\n{{/}}\n{{/}}\n").as_deref(), Ok("y\n"));
        assert!(render("{{nope}}\n").is_err());
        assert!(render("{{tasks|nope}}\n").is_err());
        assert!(render("{{delay|plus1}}\n").is_err());
        assert!(render("{{tasks\n").is_err());
        assert!(render("{{?nope}}\n{{/}}\n").is_err());
        assert!(render("{{?defaults}}\n").is_err());
        assert!(render("{{/}}\n").is_err());
        assert!(render("{{:}}\n").is_err());
        assert!(render("{{?defaults}}\n{{:}}\n{{:}}\n{{/}}\n").is_err());
    }

    #[test]
    fn normalise_drops_integral_dot_zero_only() {
        assert_eq!(
            normalise("sleep(2.0) x=1.05 y=10.0, z=0.01 w=3.0e5 v=1.0)"),
            "sleep(2) x=1.05 y=10, z=0.01 w=3.0e5 v=1)"
        );
    }

    #[test]
    fn values_are_python_literals() {
        let p = parse_args(specs("tasks_wait_timeout"), &["timeout=-1", "delay=0.00001", "tasks=1"])
            .unwrap_or_else(|e| panic!("{e}"));
        let text = program("tasks_wait_timeout", &p).unwrap_or_default();
        assert!(text.contains("timeout=None)"), "{text}");
        assert!(text.contains("asyncio.sleep(1e-05)"), "{text}");
        assert!(text.contains("range(1, 2)"), "{text}");
        let p =
            parse_args(specs("sync_condition_notify"), &["consumers=1"]).unwrap_or_else(|e| panic!("{e}"));
        assert!(program("sync_condition_notify", &p).unwrap_or_default().contains("enumerate(('c1',))"));
        let p = parse_args(specs("thread_redis_consumer"), &["tasks=4,x'y\nimport os"])
            .unwrap_or_else(|e| panic!("{e}"));
        let text = program("thread_redis_consumer", &p).unwrap_or_default();
        assert!(text.contains("redis-cli lpush queue 4 \"x'y\\nimport os\"\n"), "{text}");
    }

    /// Every program, at the defaults and over many parameter sets, compiles
    /// with CPython (`compile(..., 'exec')`).
    #[test]
    fn every_program_compiles() {
        let mut programs = Vec::new();
        for m in crate::all_meta() {
            let mut sets = vec![Vec::new()];
            sets.extend(param_sets(m.name));
            for args in sets {
                let params = match parse_args(m.params, &args) {
                    Ok(p) => p,
                    Err(e) => panic!("{}: {e}", m.name),
                };
                match program(m.name, &params) {
                    Some(text) => programs.push((format!("{} {}", m.name, args.join(" ")), text)),
                    None => panic!("{} {args:?}: no program", m.name),
                }
            }
        }
        let checker = "import sys\n\
            data = sys.stdin.buffer.read().decode('utf-8').split('\\0')\n\
            bad = 0\n\
            for label, src in zip(data[0::2], data[1::2]):\n\
            \x20   try:\n\
            \x20       compile(src, label, 'exec')\n\
            \x20   except SyntaxError as e:\n\
            \x20       bad += 1\n\
            \x20       print(repr(label), e)\n\
            print(len(data) // 2, 'programs', bad, 'bad')\n";
        let mut child = match Command::new("python3")
            .args(["-c", checker])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
        {
            Ok(c) => c,
            Err(e) => panic!("python3: {e}"),
        };
        let mut input = Vec::new();
        for (label, text) in &programs {
            input.extend_from_slice(label.replace('\0', "").as_bytes());
            input.push(0);
            input.extend_from_slice(text.as_bytes());
            input.push(0);
        }
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(&input);
        }
        let output = match child.wait_with_output() {
            Ok(o) => o,
            Err(e) => panic!("python3: {e}"),
        };
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(report.ends_with(&format!("{} programs 0 bad\n", programs.len())), "{report}");
    }
}
