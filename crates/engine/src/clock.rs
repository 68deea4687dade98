//! Where the loop's time comes from.
//!
//! The loop never reads a wall clock. A [`Clock`] answers `time()` and is told
//! when the loop would block in `select(timeout)`. The [`VirtualClock`] copies
//! the oracle's `vclock.py` exactly: time starts at `0.0`, `select(t)` adds
//! `t` to it, and `blocking_sleep(d)` (a `time.sleep` on the loop thread) adds
//! `d`. Drivers for the browser provide their own clocks.

/// The loop's source of time.
pub trait Clock {
    /// `loop.time()`, in seconds.
    fn time(&self) -> f64;
    /// The loop would block for `timeout` seconds waiting for I/O: a virtual
    /// clock jumps forward; a real clock's driver has already waited.
    fn select(&mut self, timeout: f64);
    /// `time.sleep(d)` on the loop thread: nothing else runs meanwhile.
    fn blocking_sleep(&mut self, d: f64);
}

/// The oracle's virtual clock (`vclock.py`): IEEE-754 doubles, `now + d`.
#[derive(Debug, Clone, Default)]
pub struct VirtualClock {
    now: f64,
}

impl VirtualClock {
    /// A clock at time 0.
    pub fn new() -> VirtualClock {
        VirtualClock { now: 0.0 }
    }
    /// A clock that starts at `now` (to carry time on from one run to the next).
    pub fn starting_at(now: f64) -> VirtualClock {
        VirtualClock { now }
    }
}

impl Clock for VirtualClock {
    fn time(&self) -> f64 {
        self.now
    }
    fn select(&mut self, timeout: f64) {
        if timeout > 0.0 {
            self.now += timeout;
        }
    }
    fn blocking_sleep(&mut self, d: f64) {
        self.now += d;
    }
}

/// `vclock.CLOCK_RESOLUTION`: a timer is due when `when < now + 1e-9`.
pub const CLOCK_RESOLUTION: f64 = 1e-9;
/// `asyncio.base_events.MAXIMUM_SELECT_TIMEOUT`: one select waits at most a day.
pub const MAXIMUM_SELECT_TIMEOUT: f64 = 24.0 * 3600.0;
