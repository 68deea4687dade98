//! The parameter form's model: one field per parameter of a scenario, its
//! text as typed, and whether that text is a value the scenario accepts.
//!
//! Values are checked with the scenarios' own `params::parse_value`, so a
//! message here is word for word what the oracle's `run.py` prints for the
//! same `key=value`, completed with the allowed values when it does not say
//! them already.

use asyncio_engine::pyfmt::float_repr;
use asyncio_scenarios::meta::Meta;
use asyncio_scenarios::params::{parse_value, Default, Num, ParamSpec, Params, Value};
use asyncio_scenarios::parse_args;

/// The control that edits a parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    /// `<input type="number">` with its bounds; `int` parameters step by 1.
    Number { int: bool, min: Option<f64>, max: Option<f64>, slider: Option<Slider> },
    /// `<select>` of the allowed values.
    Choice(&'static [&'static str]),
    /// `<input type="text">`.
    Text,
}

/// A range slider beside a number field, for parameters whose range is
/// small enough to slide through.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slider {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

/// How `spec` is edited.
pub fn input(spec: &ParamSpec) -> Input {
    if let Some(choices) = spec.choices {
        return Input::Choice(choices);
    }
    let int = match spec.default {
        Default::Int(_) => true,
        Default::Float(_) => false,
        Default::Str(_) => return Input::Text,
    };
    let min = spec.min.map(num_f64);
    let max = spec.max.map(num_f64);
    let slider = match (min, max) {
        (Some(lo), Some(hi)) if int && hi - lo <= 200.0 && hi > lo + 1.0 => {
            Some(Slider { min: lo, max: hi, step: 1.0 })
        }
        (Some(lo), Some(hi)) if !int && hi <= 60.0 && hi > lo => {
            Some(Slider { min: lo, max: hi, step: if hi - lo <= 10.0 { 0.01 } else { 0.1 } })
        }
        _ => None,
    };
    Input::Number { int, min, max, slider }
}

fn num_f64(num: Num) -> f64 {
    match num {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    }
}

fn num_text(num: Num) -> String {
    match num {
        Num::Int(i) => i.to_string(),
        Num::Float(f) => float_repr(f),
    }
}

fn default_value(spec: &ParamSpec) -> Value {
    match spec.default {
        Default::Int(i) => Value::Int(i),
        Default::Float(f) => Value::Float(f),
        Default::Str(s) => Value::Str(s.to_string()),
    }
}

/// What `spec` allows, in words: "a whole number from 1 to 20", "a number
/// from 0.0 to 3600.0", "one of none, A, B", "any text".
pub fn allowed_text(spec: &ParamSpec) -> String {
    if let Some(choices) = spec.choices {
        return format!("one of {}", choices.join(", "));
    }
    let kind = match spec.default {
        Default::Int(_) => "a whole number",
        Default::Float(_) => "a number",
        Default::Str(_) => return "any text".to_string(),
    };
    match (spec.min, spec.max) {
        (Some(lo), Some(hi)) => format!("{kind} from {} to {}", num_text(lo), num_text(hi)),
        (Some(lo), None) => format!("{kind}, at least {}", num_text(lo)),
        (None, Some(hi)) => format!("{kind}, at most {}", num_text(hi)),
        (None, None) => kind.to_string(),
    }
}

/// Why `text` is not a value of `spec` (`None` when it is one).
pub fn check(spec: &ParamSpec, text: &str) -> Option<String> {
    let message = parse_value(spec, text).err()?;
    // run.py's range and choice messages say what is allowed; its type
    // messages do not.
    if message.contains(" is out of range ") || message.contains(" is not one of ") {
        Some(message)
    } else {
        Some(format!("{message} (allowed: {})", allowed_text(spec)))
    }
}

/// The message for a number field whose text the browser cannot read as a
/// number at all (`1e`, `-`).
pub fn not_a_number(spec: &ParamSpec) -> String {
    let kind = match spec.default {
        Default::Int(_) => "int",
        _ => "float",
    };
    format!("{}: expected {kind}, got text that is not a number (allowed: {})", spec.name, allowed_text(spec))
}

/// One parameter's field.
#[derive(Debug, Clone)]
pub struct Field {
    pub spec: &'static ParamSpec,
    /// The text as typed.
    pub text: String,
    /// Why `text` is not accepted.
    pub error: Option<String>,
    /// The accepted text: what runs, the URL and the Python program use.
    /// It follows the text while the text is valid; an invalid text puts it
    /// back to `base`, so that an invalid value commits nothing (not even
    /// the valid prefix typed on the way to it).
    accepted: String,
    /// The accepted text when the current edit began (the field's last
    /// `change` event, see [`Form::commit`]).
    base: String,
}

/// The form of one scenario.
#[derive(Debug, Clone)]
pub struct Form {
    meta: &'static Meta,
    fields: Vec<Field>,
}

impl Form {
    /// Every parameter at its default, except those in `given` (checked
    /// texts, as [`crate::route::PageUrl`] returns them).
    pub fn new(meta: &'static Meta, given: &[(&str, String)]) -> Form {
        let fields = meta
            .params
            .iter()
            .map(|spec| {
                let text = given
                    .iter()
                    .find(|(name, _)| *name == spec.name)
                    .map(|(_, text)| text.clone())
                    .filter(|text| check(spec, text).is_none())
                    .unwrap_or_else(|| spec.default_text());
                Field { spec, accepted: text.clone(), base: text.clone(), text, error: None }
            })
            .collect();
        Form { meta, fields }
    }

    pub fn meta(&self) -> &'static Meta {
        self.meta
    }

    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// The field of parameter `name`, with its index.
    #[cfg(test)]
    pub fn field(&self, name: &str) -> Option<(usize, &Field)> {
        self.fields.iter().enumerate().find(|(_, f)| f.spec.name == name)
    }

    /// The user typed `text` in field `index` (`None`: text the browser
    /// could not read as a number). Returns the field, checked.
    pub fn set(&mut self, index: usize, text: Option<&str>) -> Option<&Field> {
        let field = self.fields.get_mut(index)?;
        match text {
            Some(text) => {
                field.text = text.to_string();
                field.error = check(field.spec, text);
                field.accepted = if field.error.is_none() { text.to_string() } else { field.base.clone() };
            }
            None => {
                field.text = String::new();
                field.error = Some(not_a_number(field.spec));
                field.accepted = field.base.clone();
            }
        }
        Some(field)
    }

    /// The edit of field `index` is over (its `change` event: Enter, the
    /// field left, the slider let go): what it holds now is where the next
    /// edit starts from.
    pub fn commit(&mut self, index: usize) {
        if let Some(field) = self.fields.get_mut(index) {
            field.base = field.accepted.clone();
        }
    }

    /// Every field back to its default.
    pub fn reset(&mut self) {
        for field in &mut self.fields {
            field.text = field.spec.default_text();
            field.accepted = field.text.clone();
            field.base = field.text.clone();
            field.error = None;
        }
    }

    /// True when every field holds an accepted value.
    pub fn is_valid(&self) -> bool {
        self.fields.iter().all(|f| f.error.is_none())
    }

    /// The accepted values.
    pub fn params(&self) -> Params {
        let args: Vec<String> =
            self.fields.iter().map(|f| format!("{}={}", f.spec.name, f.accepted)).collect();
        // Every accepted text passed parse_value; the defaults are the
        // fallback that cannot fail.
        parse_args(self.meta.params, &args).unwrap_or_else(|_| Params::defaults(self.meta.params))
    }

    /// The parameters the URL needs: accepted values that differ from the
    /// default, as typed.
    pub fn url_params(&self) -> Vec<(&'static str, String)> {
        self.fields
            .iter()
            .filter(|f| parse_value(f.spec, &f.accepted).is_ok_and(|v| v != default_value(f.spec)))
            .map(|f| (f.spec.name, f.accepted.clone()))
            .collect()
    }
}

/// The parameters whose value in `form` differs from the one `running`
/// uses, as `name=value` with the running value: what a run started before
/// an edit keeps until the next run (empty when nothing differs).
pub fn kept_by_run(running: &Params, form: &Params) -> Vec<String> {
    running
        .iter()
        .filter(|(name, value)| form.get(name) != Some(*value))
        .map(|(name, value)| format!("{name}={}", value.py_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncio_scenarios::meta::ALL;

    fn meta(name: &str) -> &'static Meta {
        ALL.iter().find(|m| m.name == name).expect("a known scenario")
    }

    #[test]
    fn inputs_follow_the_parameter_types() {
        let m = meta("tasks_wait_return_when");
        assert_eq!(
            input(&m.params[0]),
            Input::Choice(&["ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"])
        );
        let m = meta("tasks_wait_timeout");
        let (_, tasks) = Form::new(m, &[]).field("tasks").map(|(i, f)| (i, f.spec)).expect("tasks");
        assert_eq!(
            input(tasks),
            Input::Number {
                int: true,
                min: Some(1.0),
                max: Some(20.0),
                slider: Some(Slider { min: 1.0, max: 20.0, step: 1.0 })
            }
        );
        let delay = &m.params[0];
        assert_eq!(
            input(delay),
            Input::Number { int: false, min: Some(0.0), max: Some(3600.0), slider: None }
        );
        let m = meta("thread_redis_consumer");
        assert_eq!(input(&m.params[0]), Input::Text);
    }

    #[test]
    fn messages_say_what_is_allowed() {
        let m = meta("tasks_wait_timeout");
        let tasks = &m.params[2];
        assert_eq!(check(tasks, "5"), None);
        assert_eq!(check(tasks, "999").as_deref(), Some("tasks=999 is out of range [1, 20]"));
        assert_eq!(
            check(tasks, "abc").as_deref(),
            Some("tasks: expected int, got 'abc' (allowed: a whole number from 1 to 20)")
        );
        assert_eq!(
            check(&m.params[0], "x").as_deref(),
            Some("delay: expected float, got 'x' (allowed: a number from 0.0 to 3600.0)")
        );
        assert_eq!(
            not_a_number(tasks),
            "tasks: expected int, got text that is not a number (allowed: a whole number from 1 to 20)"
        );
    }

    #[test]
    fn the_form_keeps_the_last_accepted_values() {
        let m = meta("tasks_wait_timeout");
        let mut form = Form::new(m, &[("tasks", "5".into())]);
        assert!(form.is_valid());
        assert_eq!(form.params().int("tasks"), 5);
        assert_eq!(form.url_params(), vec![("tasks", "5".to_string())]);
        form.set(2, Some("99"));
        assert!(!form.is_valid());
        assert_eq!(form.params().int("tasks"), 5);
        form.set(2, Some("7"));
        form.set(0, Some("2"));
        assert!(form.is_valid());
        // 2 is the default 2.0 written as an int: not in the URL.
        assert_eq!(form.url_params(), vec![("tasks", "7".to_string())]);
        form.reset();
        assert_eq!(form.params(), Params::defaults(m.params));
        assert!(form.url_params().is_empty());
    }

    #[test]
    fn an_invalid_value_commits_nothing_not_even_its_valid_prefix() {
        let m = meta("sync_semaphore_fetch");
        let (limit, _) = Form::new(m, &[]).field("limit").expect("limit");
        let mut form = Form::new(m, &[]);
        let before = form.params();
        // Typing 99999999999999999999 one key at a time: "9" is a valid
        // limit on the way.
        let typed = "99999999999999999999";
        for end in 1..=typed.len() {
            form.set(limit, Some(&typed[..end]));
        }
        assert!(!form.is_valid());
        assert_eq!(form.params(), before);
        assert!(form.url_params().is_empty());
        form.commit(limit);
        assert_eq!(form.params(), before);
        // A valid value committed is where the next edit starts from.
        form.set(limit, Some("3"));
        form.commit(limit);
        form.set(limit, Some("3x"));
        assert_eq!(form.params().int("limit"), 3);
        form.set(limit, None);
        assert_eq!(form.params().int("limit"), 3);
        form.set(limit, Some("4"));
        assert_eq!(form.params().int("limit"), 4);
        assert_eq!(form.url_params(), vec![("limit", "4".to_string())]);
    }

    #[test]
    fn a_run_keeps_its_values_and_says_which() {
        let m = meta("sync_semaphore_fetch");
        let mut form = Form::new(m, &[]);
        let running = form.params();
        assert!(kept_by_run(&running, &form.params()).is_empty());
        let (limit, _) = form.field("limit").expect("limit");
        form.set(limit, Some("2"));
        assert_eq!(kept_by_run(&running, &form.params()), vec!["limit=6".to_string()]);
        form.set(limit, Some("6"));
        assert!(kept_by_run(&running, &form.params()).is_empty());
    }
}
