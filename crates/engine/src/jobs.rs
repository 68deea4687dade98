//! The named jobs an executor runs: the one registry shared by the virtual
//! pool (instant and paced modes), the page's Web Workers (real mode) and
//! host tests.
//!
//! A job is a plain Rust function with serialisable arguments ([`Job`]) and a
//! serialisable result ([`JobValue`]). The same [`Job::run`] runs in a Web
//! Worker, on the page's own thread (to show what blocking costs) and in
//! tests; only `busy_wait` needs a clock, which the caller passes in (the
//! engine never reads one).

use std::fmt;

/// The largest `n` [`Job::Fib`] accepts: naive recursion past it runs for
/// minutes (and `fib(93)` no longer fits in a `u64`).
pub const MAX_FIB: u32 = 50;

/// The longest [`Job::BusyWait`], in milliseconds (ten minutes).
pub const MAX_BUSY_WAIT_MS: f64 = 600_000.0;

/// A job for an executor: what `pool.submit(fn, *args)` names.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// Block the worker for `ms` milliseconds: what `time.sleep(ms / 1000)`
    /// costs a thread. Returns `None`.
    BusyWait {
        /// Milliseconds, at most [`MAX_BUSY_WAIT_MS`].
        ms: f64,
    },
    /// How many primes are below `n`, by trial division.
    CountPrimes {
        /// The bound (exclusive).
        n: u32,
    },
    /// The `n`-th Fibonacci number, by naive recursion (CPU-bound on purpose).
    Fib {
        /// Which number, at most [`MAX_FIB`].
        n: u32,
    },
    /// `rounds` rounds of a 64-bit mixing hash from `seed`; returns the hex
    /// digest.
    HashRounds {
        /// How many rounds.
        rounds: u32,
        /// The starting value.
        seed: u32,
    },
    /// Return `text` unchanged: an empty job, to measure a round trip.
    Echo {
        /// What comes back.
        text: String,
    },
    /// Panic with `message` (to show and test what a crashed worker does).
    Crash {
        /// The panic's message.
        message: String,
    },
    /// Throw a JavaScript error with `message` in a worker; a Rust error
    /// elsewhere.
    Throw {
        /// The error's message.
        message: String,
    },
}

/// A job's result.
#[derive(Debug, Clone, PartialEq)]
pub enum JobValue {
    /// Python's `None`.
    None,
    /// A number (an int when it is whole).
    Number(f64),
    /// A string.
    Text(String),
}

impl fmt::Display for JobValue {
    /// Python's `str()` of the value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobValue::None => f.write_str("None"),
            JobValue::Number(x) if x.fract() == 0.0 && x.abs() < 1e16 => write!(f, "{}", *x as i64),
            JobValue::Number(x) => f.write_str(&crate::pyfmt::float_repr(*x)),
            JobValue::Text(text) => f.write_str(text),
        }
    }
}

/// Why a job did not return a value.
#[derive(Debug, Clone, PartialEq)]
pub enum JobError {
    /// The arguments are out of range (the message says which).
    BadArgument(String),
    /// [`Job::Throw`] run outside a worker: the error it would throw.
    Thrown(String),
}

impl fmt::Display for JobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobError::BadArgument(message) | JobError::Thrown(message) => f.write_str(message),
        }
    }
}

impl Job {
    /// The job as a Python call: `count_primes(100000)`.
    pub fn label(&self) -> String {
        match self {
            Job::BusyWait { ms } => format!("busy_wait({})", crate::pyfmt::float_repr(*ms)),
            Job::CountPrimes { n } => format!("count_primes({n})"),
            Job::Fib { n } => format!("fib({n})"),
            Job::HashRounds { rounds, seed } => format!("hash_rounds({rounds}, seed={seed})"),
            Job::Echo { text } => format!("echo({})", crate::pyvalue::repr_str(text)),
            Job::Crash { message } => format!("crash({})", crate::pyvalue::repr_str(message)),
            Job::Throw { message } => format!("throw({})", crate::pyvalue::repr_str(message)),
        }
    }

    /// Check the arguments without running anything.
    ///
    /// # Errors
    /// [`JobError::BadArgument`] naming the argument and its range.
    pub fn validate(&self) -> Result<(), JobError> {
        match self {
            Job::BusyWait { ms } if !(0.0..=MAX_BUSY_WAIT_MS).contains(ms) => Err(JobError::BadArgument(
                format!("busy_wait: ms must be from 0 to {MAX_BUSY_WAIT_MS}, got {ms}"),
            )),
            Job::Fib { n } if *n > MAX_FIB => {
                Err(JobError::BadArgument(format!("fib: n must be from 0 to {MAX_FIB}, got {n}")))
            }
            _ => Ok(()),
        }
    }

    /// Run the job here and now. `now_ms` is a monotonic clock in
    /// milliseconds (`performance.now()` in a worker), read only by
    /// `busy_wait`.
    ///
    /// # Errors
    /// A bad argument, or the error [`Job::Throw`] stands for.
    ///
    /// # Panics
    /// [`Job::Crash`] panics, on purpose.
    pub fn run(&self, now_ms: &dyn Fn() -> f64) -> Result<JobValue, JobError> {
        self.validate()?;
        Ok(match self {
            Job::BusyWait { ms } => {
                let until = now_ms() + ms;
                while now_ms() < until {
                    std::hint::spin_loop();
                }
                JobValue::None
            }
            Job::CountPrimes { n } => JobValue::Number(f64::from(count_primes(*n))),
            Job::Fib { n } => JobValue::Number(fib(*n) as f64),
            Job::HashRounds { rounds, seed } => {
                JobValue::Text(format!("{:016x}", hash_rounds(*rounds, *seed)))
            }
            Job::Echo { text } => JobValue::Text(text.clone()),
            Job::Crash { message } => panic!("{message}"),
            Job::Throw { message } => return Err(JobError::Thrown(message.clone())),
        })
    }
}

/// How many primes are below `n` (`sum(1 for i in range(n) if is_prime(i))`).
///
/// Deliberately trial division, as the Python lessons write it: the point is
/// to burn a predictable amount of CPU, not to be clever.
pub fn count_primes(n: u32) -> u32 {
    (2..n).filter(|&i| is_prime(i)).count() as u32
}

fn is_prime(i: u32) -> bool {
    if i < 4 {
        return i >= 2;
    }
    if i.is_multiple_of(2) {
        return false;
    }
    let i = u64::from(i);
    let mut divisor = 3u64;
    while divisor * divisor <= i {
        if i.is_multiple_of(divisor) {
            return false;
        }
        divisor += 2;
    }
    true
}

/// `fib(n)` by naive recursion: `fib(0) = 0`, `fib(1) = 1`.
pub fn fib(n: u32) -> u64 {
    if n < 2 {
        u64::from(n)
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

/// `rounds` rounds of a SplitMix64-style mixer over a running state: a
/// stand-in for `hashlib` in a loop, the same on every platform.
pub fn hash_rounds(rounds: u32, seed: u32) -> u64 {
    let mut state = u64::from(seed) ^ 0x9e37_79b9_7f4a_7c15;
    for round in 0..rounds {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15 ^ u64::from(round));
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        state = z ^ (z >> 31);
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_clock() -> f64 {
        0.0
    }

    #[test]
    fn count_primes_matches_known_values() {
        assert_eq!(count_primes(0), 0);
        assert_eq!(count_primes(2), 0);
        assert_eq!(count_primes(3), 1);
        assert_eq!(count_primes(10), 4);
        assert_eq!(count_primes(100), 25);
        assert_eq!(count_primes(10_000), 1229);
        assert!(is_prime(4_294_967_291));
        assert!(!is_prime(u32::MAX));
    }

    #[test]
    fn fib_and_hash_are_what_they_say() {
        assert_eq!((0..10).map(fib).collect::<Vec<_>>(), [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]);
        assert_eq!(fib(30), 832_040);
        assert_eq!(hash_rounds(0, 0), 0x9e37_79b9_7f4a_7c15);
        assert_ne!(hash_rounds(1000, 1), hash_rounds(1000, 2));
        assert_eq!(hash_rounds(1000, 1), hash_rounds(1000, 1));
    }

    #[test]
    fn run_returns_values_and_errors() {
        assert_eq!(Job::CountPrimes { n: 100 }.run(&no_clock), Ok(JobValue::Number(25.0)));
        assert_eq!(Job::Fib { n: 20 }.run(&no_clock), Ok(JobValue::Number(6765.0)));
        assert_eq!(Job::Echo { text: "hé".into() }.run(&no_clock), Ok(JobValue::Text("hé".into())));
        assert_eq!(Job::Throw { message: "no".into() }.run(&no_clock), Err(JobError::Thrown("no".into())));
        assert_eq!(
            Job::Fib { n: 51 }.run(&no_clock),
            Err(JobError::BadArgument("fib: n must be from 0 to 50, got 51".into()))
        );
        assert!(Job::BusyWait { ms: -1.0 }.validate().is_err());
        assert!(Job::BusyWait { ms: f64::NAN }.validate().is_err());
        let crashed = std::panic::catch_unwind(|| Job::Crash { message: "boom".into() }.run(&no_clock));
        assert!(crashed.is_err());
    }

    #[test]
    fn busy_wait_spins_on_the_given_clock() {
        let ticks = std::cell::Cell::new(0.0);
        let clock = || {
            ticks.set(ticks.get() + 1.0);
            ticks.get()
        };
        assert_eq!(Job::BusyWait { ms: 50.0 }.run(&clock), Ok(JobValue::None));
        assert!(ticks.get() >= 51.0);
    }

    #[test]
    fn labels_are_python_calls() {
        assert_eq!(Job::BusyWait { ms: 1000.0 }.label(), "busy_wait(1000.0)");
        assert_eq!(Job::CountPrimes { n: 7 }.label(), "count_primes(7)");
        assert_eq!(Job::Echo { text: "it's".into() }.label(), "echo(\"it's\")");
        assert_eq!(JobValue::Number(25.0).to_string(), "25");
        assert_eq!(JobValue::Number(0.5).to_string(), "0.5");
        assert_eq!(JobValue::None.to_string(), "None");
    }
}
