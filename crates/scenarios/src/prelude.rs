//! What scenario code uses besides the engine: the oracle's `vclock.log`,
//! `vclock.now` and the wall-clock prints it derives from virtual time.

pub use asyncio_engine::{
    create_named_task, create_task, ensure_future, gather, gather_outcomes, get_running_loop, sleep,
    sleep_result, EventLoop, Exception, Future, PyResult, Task,
};

/// `vclock.log(text)`: print a trace line at the running loop's time.
pub fn log(text: impl AsRef<str>) {
    if let Ok(event_loop) = get_running_loop() {
        event_loop.log(text.as_ref());
    }
}

/// `vclock.now()`: the running loop's time (0.0 without one).
pub fn now() -> f64 {
    get_running_loop().map(|l| l.time()).unwrap_or(0.0)
}

/// `time.strftime('%X')` with the virtual clock read as seconds since
/// 1970-01-01 00:00:00 UTC: `HH:MM:SS` of `floor(now)`.
pub fn strftime_x() -> String {
    let secs = now().floor();
    let secs = if secs.is_finite() { secs as i64 } else { 0 };
    let day = secs.rem_euclid(86_400);
    format!("{:02}:{:02}:{:02}", day / 3600, (day % 3600) / 60, day % 60)
}

pub use asyncio_engine::pyvalue::PyValue;
pub use asyncio_engine::{as_completed, shield, timeout, wait, wait_for, Awaitable, ReturnWhen, TaskGroup};

/// Values a scenario prints, converted to Python values for `str()`/`repr()`.
pub trait ToPy {
    fn to_py(&self) -> PyValue;
}

impl ToPy for i64 {
    fn to_py(&self) -> PyValue {
        PyValue::Int(*self)
    }
}
impl ToPy for f64 {
    fn to_py(&self) -> PyValue {
        PyValue::Float(*self)
    }
}
impl ToPy for String {
    fn to_py(&self) -> PyValue {
        PyValue::Str(self.clone())
    }
}
impl ToPy for &str {
    fn to_py(&self) -> PyValue {
        PyValue::Str((*self).to_string())
    }
}
impl ToPy for PyValue {
    fn to_py(&self) -> PyValue {
        self.clone()
    }
}
impl<T: ToPy> ToPy for Vec<T> {
    fn to_py(&self) -> PyValue {
        PyValue::List(self.iter().map(ToPy::to_py).collect())
    }
}
impl<T: ToPy> ToPy for [T] {
    fn to_py(&self) -> PyValue {
        PyValue::List(self.iter().map(ToPy::to_py).collect())
    }
}

/// `str(value)`.
pub fn py_str(value: &impl ToPy) -> String {
    value.to_py().str()
}

/// `print(*values)`: each value's `str()`, joined by spaces.
pub fn join_str(values: &[PyValue]) -> String {
    values.iter().map(PyValue::str).collect::<Vec<_>>().join(" ")
}

/// `vclock.log(a, b, ...)` with Python values.
#[macro_export]
macro_rules! log {
    ($($v:expr),+ $(,)?) => {
        $crate::prelude::log($crate::prelude::join_str(&[$($crate::prelude::ToPy::to_py(&$v)),+]))
    };
}

/// `time.asctime(time.gmtime(now))` (`time.ctime()` in UTC on the virtual
/// clock): `Thu Jan  1 00:00:00 1970`.
pub fn ctime() -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let t = now().floor();
    let secs = if t.is_finite() { t as i64 } else { 0 };
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{} {} {:>2} {:02}:{:02}:{:02} {}",
        DAYS[days.rem_euclid(7) as usize],
        MONTHS[(month - 1).clamp(0, 11) as usize],
        day,
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60,
        year
    )
}

/// Python's `int(text)` in base 10.
///
/// # Errors
/// `ValueError: invalid literal for int() with base 10: 'text'`.
pub fn py_int(text: &str) -> PyResult<i64> {
    let bad = || {
        Exception::value_error(format!(
            "invalid literal for int() with base 10: {}",
            crate::params::py_str_repr(text)
        ))
    };
    let t = text.trim();
    let (neg, digits) = match t.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let b = digits.as_bytes();
    let valid = !b.is_empty()
        && b[0].is_ascii_digit()
        && b[b.len() - 1].is_ascii_digit()
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'_')
        && !digits.contains("__");
    if !valid {
        return Err(bad());
    }
    let clean: String = digits.chars().filter(char::is_ascii_digit).collect();
    let value: i64 = clean.parse().map_err(|_| bad())?;
    Ok(if neg { -value } else { value })
}
