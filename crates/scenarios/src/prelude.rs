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
