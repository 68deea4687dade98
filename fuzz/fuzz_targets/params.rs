//! `parse_args` on any scenario with arbitrary `key=value` strings: never
//! panics, and every value it accepts is of the declared type, within the
//! declared range and one of the declared choices.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use asyncio_scenarios::params::{Default, Num, ParamSpec, Value};
use asyncio_scenarios::{catalogue, parse_args};
use libfuzzer_sys::fuzz_target;

fn num(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    }
}

/// Is `value` a valid value of `spec`?
pub fn valid(spec: &ParamSpec, value: &Value) -> bool {
    let x = match (spec.default, value) {
        (Default::Int(_), Value::Int(i)) => *i as f64,
        (Default::Float(_), Value::Float(f)) => {
            if !f.is_finite() {
                return false;
            }
            *f
        }
        (Default::Str(_), Value::Str(s)) => {
            return spec.choices.is_none_or(|c| c.contains(&s.as_str()));
        }
        _ => return false,
    };
    if let Some(choices) = spec.choices {
        if !choices.contains(&value.py_str().as_str()) {
            return false;
        }
    }
    spec.min.is_none_or(|lo| x >= num(lo)) && spec.max.is_none_or(|hi| x <= num(hi))
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let scenarios = catalogue();
    let Ok(index) = u.choose_index(scenarios.len()) else { return };
    let scenario = &scenarios[index];
    let specs = scenario.params();
    // Half the arguments name a real parameter, so that values get checked.
    let mut args = Vec::new();
    while let Ok(true) = u.arbitrary::<bool>() {
        let key = match (u.arbitrary::<bool>(), specs.is_empty()) {
            (Ok(true), false) => match u.choose(specs) {
                Ok(spec) => spec.name.to_string(),
                Err(_) => break,
            },
            _ => String::arbitrary(&mut u).unwrap_or_default(),
        };
        let value = String::arbitrary(&mut u).unwrap_or_default();
        let arg = if u.arbitrary::<bool>().unwrap_or(true) { format!("{key}={value}") } else { key };
        args.push(arg);
    }
    if let Ok(params) = parse_args(specs, &args) {
        for spec in specs {
            let value = params.get(spec.name).expect("every parameter has a value");
            assert!(
                valid(spec, value),
                "{}: {}={value:?} accepted from {args:?}",
                scenario.name(),
                spec.name
            );
        }
    }
});
