//! The regular-expression engine behind `re` (`modules/re.rs`,
//! `modules/py/re.py`): CPython 3.11's sre semantics (backtracking order,
//! group captures, empty-repeat protection) and its compile errors with their
//! positions. `parse` compiles a pattern to a small program; `exec` runs it
//! on a backtracking VM whose stacks are on the heap, so a long text never
//! deepens the native stack, and every step counts against a budget. Its
//! Unicode tables are Python's (CPython 3.11's database), so `str`'s
//! `isalnum`, `isdecimal`, `isspace` and `isidentifier` use them too.

mod exec;
mod parse;

pub use exec::{decimal_value, is_alnum, is_decimal, is_space, Exhausted, Mode, Regex, Spans};
pub use parse::{compile, is_identifier, ReError};
pub use parse::{ASCII, DEBUG, DOTALL, IGNORECASE, LOCALE, MULTILINE, TEMPLATE, UNICODE, VERBOSE};
