//! `pyrandom::Random` against CPython 3.11's `random.Random`, call for call.
//!
//! The expectations are in `tests/data/pyrandom_cases.txt`, written by
//! `python3 scripts/gen_python_cases.py` (see the file's header for the format).

use asyncio_engine::pyrandom::Random;

const CASES: &str = include_str!("data/pyrandom_cases.txt");

fn list(v: &[i64]) -> String {
    let items: Vec<String> = v.iter().map(i64::to_string).collect();
    format!("[{}]", items.join(","))
}

fn float(x: f64) -> String {
    // Round-trips through the expectation's repr(): compared by bits below.
    format!("{x:?}")
}

fn int(args: &[&str], i: usize) -> i64 {
    args[i].parse().unwrap_or_else(|e| panic!("bad int {:?}: {e}", args[i]))
}

fn flt(args: &[&str], i: usize) -> f64 {
    args[i].parse().unwrap_or_else(|e| panic!("bad float {:?}: {e}", args[i]))
}

fn err(kind: &str, r: Result<String, String>) -> String {
    r.unwrap_or_else(|message| format!("!{kind}: {message}"))
}

/// Apply one call to `rng` and format its result as the data file does.
fn apply(rng: &mut Random, method: &str, args: &[&str]) -> String {
    match method {
        "random" => float(rng.random()),
        "getrandbits" => {
            let k: u32 = args[0].parse().unwrap();
            if k > 128 {
                let words: Vec<i64> = rng.getrandbits_words(k).into_iter().map(i64::from).collect();
                list(&words)
            } else {
                rng.getrandbits(k).to_string()
            }
        }
        "randint" => err("ValueError", rng.randint(int(args, 0), int(args, 1)).map(|v| v.to_string())),
        "randrange" => {
            let r = match args.len() {
                1 => rng.randrange_stop(int(args, 0)),
                2 => rng.randrange(int(args, 0), int(args, 1), 1),
                _ => rng.randrange(int(args, 0), int(args, 1), int(args, 2)),
            };
            err("ValueError", r.map(|v| v.to_string()))
        }
        "uniform" => float(rng.uniform(flt(args, 0), flt(args, 1))),
        "choice" => {
            let seq: Vec<i64> = (0..int(args, 0)).collect();
            err("IndexError", rng.choice(&seq).map(|v| v.to_string()))
        }
        "shuffle" => {
            let mut x: Vec<i64> = (0..int(args, 0)).collect();
            rng.shuffle(&mut x);
            list(&x)
        }
        "sample" => {
            let population: Vec<i64> = (0..int(args, 0)).collect();
            let k = int(args, 1) as usize;
            err("ValueError", rng.sample(&population, k).map(|v| list(&v)))
        }
        "burn" => {
            for _ in 0..int(args, 0) {
                rng.getrandbits(32);
            }
            "ok".to_string()
        }
        other => panic!("unknown method {other}"),
    }
}

/// Whether `got` matches `want`; floats are compared by their bits.
fn matches(method: &str, got: &str, want: &str) -> bool {
    if matches!(method, "random" | "uniform") && !want.starts_with('!') {
        let (g, w): (f64, f64) = (got.parse().unwrap(), want.parse().unwrap());
        return g.to_bits() == w.to_bits();
    }
    got == want
}

#[test]
fn every_method_matches_cpython_for_200_seeds() {
    let mut rng: Option<Random> = None;
    let mut seeds = 0;
    let mut calls = 0;
    let mut failures = Vec::new();
    for (lineno, line) in CASES.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(seed) = line.strip_prefix("seed ") {
            let seed: i128 = seed.parse().unwrap();
            rng = Some(Random::new(seed));
            seeds += 1;
            continue;
        }
        let (call, want) = line.split_once(" -> ").unwrap();
        let mut words = call.split(' ');
        let method = words.next().unwrap();
        let args: Vec<&str> = words.collect();
        let got = apply(rng.as_mut().expect("a seed line first"), method, &args);
        calls += 1;
        if !matches(method, &got, want) {
            failures.push(format!("line {}: {call}: got {got}, want {want}", lineno + 1));
        }
    }
    assert_eq!(seeds, 200);
    assert!(calls > 8000, "only {calls} calls");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn seed_zero_first_outputs() {
    // random.Random(0): getstate()[1][:3] and the first floats.
    let mut rng = Random::new(0u64);
    assert_eq!(rng.random(), 0.8444218515250481);
    assert_eq!(rng.random(), 0.7579544029403025);
    let mut rng = Random::from_key(&[0]);
    assert_eq!(rng.random(), 0.8444218515250481);
    let mut rng = Random::from_key(&[]);
    assert_eq!(rng.random(), 0.8444218515250481);
}

#[test]
fn seeds_use_the_absolute_value_and_all_their_words() {
    let first = |seed: i128| Random::new(seed).getrandbits(64);
    assert_eq!(first(-42), first(42));
    assert_eq!(first(i128::from(i64::MIN)), first(1i128 << 63));
    assert_ne!(first(1), first(1 + (1i128 << 32)));
    // 2**32 is the key [0, 1], not [0].
    assert_ne!(first(0), first(1i128 << 32));
    let mut a = Random::new(1i128 << 32);
    let mut b = Random::from_key(&[0, 1]);
    assert_eq!(a.getrandbits(128), b.getrandbits(128));
    assert_eq!(first(u64::MAX.into()), Random::from_key(&[u32::MAX, u32::MAX]).getrandbits(64));
    assert_eq!(first(i128::MIN), Random::from_key(&[0, 0, 0, 0x8000_0000]).getrandbits(64));
}

#[test]
fn reseeding_restarts_the_sequence() {
    let mut rng = Random::new(7);
    let first: Vec<u128> = (0..700).map(|_| rng.getrandbits(32)).collect();
    rng.seed(7);
    let again: Vec<u128> = (0..700).map(|_| rng.getrandbits(32)).collect();
    assert_eq!(first, again);
    let mut clone = rng.clone();
    assert_eq!(clone.random().to_bits(), rng.random().to_bits());
}

#[test]
fn getrandbits_forms_agree() {
    for k in [0u32, 1, 31, 32, 33, 64, 65, 100, 128] {
        let mut a = Random::new(99);
        let mut b = Random::new(99);
        let v = a.getrandbits(k);
        let words = b.getrandbits_words(k);
        let mut w = 0u128;
        for (i, word) in words.iter().enumerate() {
            w |= u128::from(*word) << (32 * i);
        }
        assert_eq!(v, w, "k = {k}");
        assert_eq!(words.len() as u32, k.div_ceil(32));
        assert_eq!(a.random().to_bits(), b.random().to_bits());
    }
    // k > 128: the low 128 bits, and the generator advances by all the words.
    let mut a = Random::new(5);
    let mut b = Random::new(5);
    let low = a.getrandbits(1000);
    let words = b.getrandbits_words(1000);
    assert_eq!(words.len(), 32);
    let want = words.iter().take(4).enumerate().fold(0u128, |acc, (i, w)| acc | u128::from(*w) << (32 * i));
    assert_eq!(low, want);
    assert_eq!(a.random().to_bits(), b.random().to_bits());
}

#[test]
fn edges_never_panic() {
    let mut rng = Random::new(3);
    assert_eq!(rng.randbelow(0), 0);
    assert_eq!(rng.randbelow(1), 0);
    assert!(rng.randbelow(u128::MAX) < u128::MAX);
    assert!(rng.randint(i64::MIN, i64::MAX).is_ok());
    assert_eq!(rng.randint(i64::MAX, i64::MAX), Ok(i64::MAX));
    assert_eq!(rng.randint(i64::MIN, i64::MIN), Ok(i64::MIN));
    // range(2**63 - 1, -2**63, -2**63) is [2**63 - 1, -1].
    for _ in 0..20 {
        let v = rng.randrange(i64::MAX, i64::MIN, i64::MIN);
        assert!(v == Ok(i64::MAX) || v == Ok(-1), "{v:?}");
    }
    assert!(rng.randrange(i64::MIN, i64::MAX, i64::MAX).is_ok());
    assert!(rng.randrange(i64::MAX, i64::MIN, -1).is_ok());
    assert_eq!(
        rng.randint(i64::MAX, i64::MIN),
        Err("empty range for randrange() (9223372036854775807, -9223372036854775807, -18446744073709551614)"
            .to_string())
    );
    assert_eq!(rng.randrange_stop(i64::MIN), Err("empty range for randrange()".to_string()));
    let empty: [u8; 0] = [];
    assert!(rng.choice(&empty).is_err());
    assert_eq!(rng.sample(&empty, 0), Ok(vec![]));
    assert!(rng.sample(&empty, 1).is_err());
    assert_eq!(rng.sample_indices(usize::MAX, usize::MAX), Err("out of memory".to_string()));
    assert_eq!(rng.sample_indices(usize::MAX, 3).map(|v| v.len()), Ok(3));
    let mut one = [1];
    rng.shuffle(&mut one);
    let mut none: [u8; 0] = [];
    rng.shuffle(&mut none);
}
