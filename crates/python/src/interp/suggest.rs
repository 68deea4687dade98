//! "Did you mean: 'fetch_data'?": the suggestion python3 3.11 adds to a
//! NameError's or AttributeError's last traceback line when it prints an
//! uncaught exception (`Python/suggestions.c`; the `traceback` module of
//! 3.11 does not add it). The nearest candidate by a Levenshtein distance
//! where a case change costs 1 and any other edit 2, within a third of the
//! characters.

use super::call::call_sync;
use super::{interp, iter, Frame};
use crate::object::Instance;
use crate::value::Value;
use std::rc::Rc;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// `builtins.__dict__`'s keys in CPython 3.11's order (ties go to the first).
const BUILTINS: &str = "__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs \
all any ascii bin breakpoint callable chr compile delattr dir divmod eval exec format getattr globals \
hasattr hash hex id input isinstance issubclass iter aiter len locals max min next anext oct ord pow print \
repr round setattr sorted sum vars None Ellipsis NotImplemented False True bool memoryview bytearray bytes \
classmethod complex dict enumerate filter float frozenset property int list map object range reversed set \
slice staticmethod str super tuple type zip __debug__ BaseException BaseExceptionGroup Exception \
GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError BufferError \
EOFError ImportError LookupError MemoryError NameError OSError ReferenceError RuntimeError \
StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError Warning FloatingPointError \
OverflowError ZeroDivisionError BytesWarning DeprecationWarning EncodingWarning FutureWarning \
ImportWarning PendingDeprecationWarning ResourceWarning RuntimeWarning SyntaxWarning UnicodeWarning \
UserWarning BlockingIOError ChildProcessError ConnectionError FileExistsError FileNotFoundError \
InterruptedError IsADirectoryError NotADirectoryError PermissionError ProcessLookupError TimeoutError \
IndentationError IndexError KeyError ModuleNotFoundError NotImplementedError RecursionError \
UnboundLocalError UnicodeError BrokenPipeError ConnectionAbortedError ConnectionRefusedError \
ConnectionResetError TabError UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError ExceptionGroup \
EnvironmentError IOError open quit exit copyright credits license help";

/// The names a script's globals hold before its first line runs.
const MAIN_DUNDERS: [&str; 8] = [
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__file__",
    "__cached__",
    "__builtins__",
];

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        MOVE_COST
    } else if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance of `a` and `b` (UTF-8 bytes), or `max_cost + 1` once
/// it is sure to be more than `max_cost`.
fn distance<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        (a, b) = (&a[1..], &b[1..]);
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        (a, b) = (&a[..a.len() - 1], &b[..b.len() - 1]);
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        (a, b) = (b, a);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut dist = bi * MOVE_COST;
        result = dist;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = dist + substitution_cost(code, ac);
            dist = row[ai];
            result = (result.min(dist) + MOVE_COST).min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The nearest of `candidates` to `name`, as `calculate_suggestions` picks it.
pub fn nearest<'a>(candidates: &[&'a str], name: &str) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), item.as_bytes(), max);
        if d <= max && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s)
}

/// The suggestion for a NameError of `name` raised in frame `f`: its
/// function's locals, then its module's globals, then the builtins.
pub fn for_name(name: &str, f: &Frame) -> Option<Rc<str>> {
    if let Some(def) = &f.def {
        let locals = crate::native::code::varnames_of(def);
        let locals: Vec<&str> = locals.iter().map(|n| &**n).collect();
        if let Some(s) = nearest(&locals, name) {
            return Some(Rc::from(s));
        }
    }
    let mut globals: Vec<Rc<str>> = Vec::new();
    if f.module.is_main() {
        globals.extend(MAIN_DUNDERS.iter().map(|&n| Rc::from(n)));
    }
    for n in f.module.names_in_order() {
        if !globals.contains(&n) {
            globals.push(n);
        }
    }
    let globals: Vec<&str> = globals.iter().map(|n| &**n).collect();
    if let Some(s) = nearest(&globals, name) {
        return Some(Rc::from(s));
    }
    let builtins: Vec<&str> = BUILTINS.split(' ').collect();
    nearest(&builtins, name).map(Rc::from)
}

/// The suggestion for an AttributeError that knows its `name` and `obj`:
/// the nearest of `dir(obj)`.
fn for_attribute(inst: &Instance) -> Option<String> {
    let (Some(Value::Str(name)), Some(obj)) = (inst.get_attr("name"), inst.get_attr("obj")) else {
        return None;
    };
    let dir = interp().builtins.borrow().get("dir").cloned()?;
    let names = iter::collect(&call_sync(&dir, vec![obj], vec![]).ok()?).ok()?;
    let names: Vec<Rc<str>> =
        names.into_iter().filter_map(|v| if let Value::Str(s) = v { Some(s) } else { None }).collect();
    let names: Vec<&str> = names.iter().map(|n| &**n).collect();
    nearest(&names, &name).map(str::to_string)
}

/// `. Did you mean: 'x'?` for exception `inst`, if python3 would add one.
pub fn suffix(inst: &Instance) -> Option<String> {
    let data = inst.exc.as_ref()?;
    let found = match &*inst.class.name {
        "NameError" => data.suggestion.borrow().as_deref().map(str::to_string),
        "AttributeError" => for_attribute(inst),
        _ => None,
    }?;
    Some(format!(". Did you mean: '{found}'?"))
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn picks_what_cpython_picks() {
        assert_eq!(nearest(&["fetch_data", "main"], "fetch_dta"), Some("fetch_data"));
        assert_eq!(nearest(&["append", "extend"], "apend"), Some("append"));
        // A case change is cheaper than a letter.
        assert_eq!(nearest(&["Name", "nama"], "name"), Some("Name"));
        // More than a third of the characters changed: nothing.
        assert_eq!(nearest(&["xyz"], "abc"), None);
        // Ties go to the first candidate.
        assert_eq!(nearest(&["ab", "ac"], "a"), Some("ab"));
        // The name itself is no suggestion.
        assert_eq!(nearest(&["same"], "same"), None);
    }
}
