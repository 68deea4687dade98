//! Any scenario with parameter values drawn within its declared ranges, run
//! in instant mode: never panics, and every output line is `[%9.3f] text`.
//!
//! To keep one run short, ints are drawn from [min, min(max, 50)] and floats
//! from [min, min(max, 60.0)] (a missing min counts as 0); strings are one of
//! the choices, or arbitrary text when there are none. A default over the cap
//! is always replaced.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use asyncio_scenarios::params::{Default, Num};
use asyncio_scenarios::{catalogue, parse_args, run_to_lines};
use libfuzzer_sys::fuzz_target;

const INT_CAP: i64 = 50;
const FLOAT_CAP: f64 = 60.0;

fn num(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    }
}

/// `[%9.3f] `: at least 9 characters of a number with 3 decimals.
fn well_formed(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('[') else { return false };
    let Some((stamp, _)) = rest.split_once("] ") else { return false };
    let digits = stamp.trim_start_matches(' ');
    stamp.len() >= 9
        && digits.split_once('.').is_some_and(|(w, f)| {
            f.len() == 3
                && f.bytes().all(|b| b.is_ascii_digit())
                && !w.is_empty()
                && w.strip_prefix('-').unwrap_or(w).bytes().all(|b| b.is_ascii_digit())
        })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let scenarios = catalogue();
    let Ok(index) = u.choose_index(scenarios.len()) else { return };
    let scenario = &scenarios[index];
    let mut args = Vec::new();
    for spec in scenario.params() {
        // A default over the cap (tasks_crawler_bug's endless `urls`) is
        // always replaced.
        let over_cap = match spec.default {
            Default::Int(d) => d > INT_CAP,
            Default::Float(f) => f > FLOAT_CAP,
            Default::Str(_) => false,
        };
        if !over_cap && !u.arbitrary::<bool>().unwrap_or(false) {
            continue; // keep the default
        }
        let text = if let Some(choices) = spec.choices {
            match u.choose(choices) {
                Ok(c) => c.to_string(),
                Err(_) => break,
            }
        } else {
            match spec.default {
                Default::Int(_) => {
                    let lo = spec.min.map_or(0, |n| num(n) as i64);
                    let hi = spec.max.map_or(INT_CAP, |n| num(n) as i64).min(INT_CAP).max(lo);
                    u.int_in_range(lo..=hi).unwrap_or(lo).to_string()
                }
                Default::Float(_) => {
                    let lo = spec.min.map_or(0.0, num);
                    let hi = spec.max.map_or(FLOAT_CAP, num).min(FLOAT_CAP).max(lo);
                    let t = f64::from(u.arbitrary::<u32>().unwrap_or(0)) / f64::from(u32::MAX);
                    // Some round values too, where equal deadlines meet.
                    let x = if u.arbitrary::<bool>().unwrap_or(false) {
                        (lo + t * (hi - lo)).round()
                    } else {
                        lo + t * (hi - lo)
                    };
                    format!("{:?}", x.clamp(lo, hi))
                }
                Default::Str(_) => String::arbitrary(&mut u).unwrap_or_default(),
            }
        };
        args.push(format!("{}={text}", spec.name));
    }
    let params = match parse_args(scenario.params(), &args) {
        Ok(p) => p,
        Err(e) => panic!("{}: in-range values {args:?} rejected: {e}", scenario.name()),
    };
    let lines = run_to_lines(scenario, params);
    for line in &lines {
        assert!(well_formed(line), "{} {args:?}: bad line {line:?}", scenario.name());
    }
});
