//! Each editable lesson's Python program, run by the interpreter, prints what
//! the lesson's Rust scenario prints: at the defaults and at seeded random
//! parameter sets. The page's build with the interpreter links no Rust
//! lesson and runs these programs instead (`src/page/controller/code.rs`),
//! so the two must agree line for line.

use std::cell::RefCell;
use std::rc::Rc;

use asyncio_scenarios::params::{Default, Num, ParamSpec};
use asyncio_scenarios::{catalogue, parse_args, python, run_to_lines, Params};

/// A small seeded generator (64-bit LCG), enough to pick parameter values.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// One value of `spec` as `key=value`: a bound now and then, else a value
/// within its range (floats to one decimal, which makes ties likely).
fn pick(spec: &ParamSpec, rng: &mut Lcg) -> Option<String> {
    let value = match (&spec.default, &spec.min, &spec.max, spec.choices) {
        (_, _, _, Some(choices)) => choices[rng.below(choices.len() as u64) as usize].to_string(),
        (Default::Int(_), Some(Num::Int(lo)), Some(Num::Int(hi)), _) => match rng.below(6) {
            0 => lo.to_string(),
            1 => hi.to_string(),
            _ => (lo + rng.below((hi - lo + 1) as u64) as i64).to_string(),
        },
        (Default::Float(_), Some(Num::Float(lo)), Some(Num::Float(hi)), _) => {
            let tenths = ((hi - lo) * 10.0).floor() as u64;
            format!("{:.1}", lo + rng.below(tenths + 1) as f64 / 10.0)
        }
        _ => return None,
    };
    Some(format!("{}={value}", spec.name))
}

fn interpret(program: &str, params: &Params) -> Vec<String> {
    let cpus = params.get("cpus").map_or(4, |_| params.int("cpus") as u32);
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    let report = asyncio_python::run_source(program, "main.py", cpus, move |line| {
        sink.borrow_mut().push(line.to_string());
    })
    .unwrap_or_else(|e| panic!("the program does not compile: {e}\n{program}"));
    assert_eq!(report.status, asyncio_python::Status::Finished, "{}", report.stderr);
    let out = lines.borrow().clone();
    out
}

#[test]
fn editable_lessons_interpreted_print_what_the_rust_lessons_print() {
    let mut rng = Lcg(20_261_205);
    let mut checked = 0;
    for scenario in catalogue().into_iter().filter(|s| python::is_editable(s.name())) {
        let mut sets = vec![scenario.defaults()];
        for _ in 0..5 {
            let args: Vec<String> =
                scenario.params().iter().filter_map(|spec| pick(spec, &mut rng)).collect();
            let params = parse_args(scenario.params(), &args)
                .unwrap_or_else(|e| panic!("{}: {args:?}: {e}", scenario.name()));
            sets.push(params);
        }
        for params in sets {
            let program = python::program(scenario.name(), &params).expect("an editable lesson's program");
            let rust = run_to_lines(&scenario, params.clone());
            assert_eq!(interpret(&program, &params), rust, "{} at {params:?}", scenario.name());
            checked += 1;
        }
    }
    assert!(checked >= 6 * 30, "only {checked} parameter sets checked");
}
