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
