//! The named CPU-bound jobs a Web Worker runs for the page.
//!
//! They are plain Rust functions, so the same code runs in a worker, on the
//! page's own thread (to show what blocking the loop costs) and in host
//! tests.

use crate::worker_protocol::{Reply, Request, Value};

/// How many primes are below `n` (`sum(1 for i in range(n) if is_prime(i))`).
///
/// Deliberately trial division, as the Python lessons write it: the point of
/// the job is to burn a predictable amount of CPU, not to be clever.
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

/// Run the job a request names and build its reply.
pub fn respond(request: Request) -> Reply {
    match request {
        Request::CountPrimes { id, n } => {
            Reply::Result { id, value: Value::Number(f64::from(count_primes(n))) }
        }
        Request::Echo { id, text } => Reply::Result { id, value: Value::Text(text) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_primes_matches_known_values() {
        assert_eq!(count_primes(0), 0);
        assert_eq!(count_primes(2), 0);
        assert_eq!(count_primes(3), 1);
        assert_eq!(count_primes(10), 4);
        assert_eq!(count_primes(100), 25);
        assert_eq!(count_primes(10_000), 1229);
    }

    #[test]
    fn count_primes_near_u32_max_does_not_overflow() {
        assert!(is_prime(4_294_967_291));
        assert!(!is_prime(u32::MAX));
    }

    #[test]
    fn respond_answers_each_kind() {
        assert_eq!(
            respond(Request::CountPrimes { id: 7, n: 100 }),
            Reply::Result { id: 7, value: Value::Number(25.0) }
        );
        assert_eq!(
            respond(Request::Echo { id: 2, text: "héllo".into() }),
            Reply::Result { id: 2, value: Value::Text("héllo".into()) }
        );
    }
}
