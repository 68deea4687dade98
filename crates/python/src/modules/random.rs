//! `random`: CPython's Mersenne Twister and methods, bit for bit (the
//! engine's `pyrandom`).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::bigint::BigInt;
use crate::interp::exc::raise;
use crate::interp::{interp, iter, text};
use crate::modules::Args::{self, Py, C};
use crate::modules::ModuleObj;
use crate::native::{method, Kwargs, Native};
use crate::object::{Builtin, Class};
use crate::value::Value;
use asyncio_engine::pyrandom::Random;
use asyncio_engine::PyResult;

/// A `random.Random` instance: the generator and `gauss()`'s spare value.
pub struct PyRandom(pub RefCell<Random>, pub Cell<Option<f64>>);

impl PyRandom {
    fn new(g: Random) -> PyRandom {
        PyRandom(RefCell::new(g), Cell::new(None))
    }
}

/// `Random.getstate()`: an opaque snapshot for `setstate()`.
struct RandomState(Random, Option<f64>);

impl Native for RandomState {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("tuple")
    }
}

fn float_arg(args: &[Value], i: usize, default: f64, what: &str) -> PyResult<f64> {
    match args.get(i) {
        None => Ok(default),
        Some(v) => match v.as_f64() {
            Some(f) => Ok(f),
            None => raise("TypeError", format!("{what} must be a number, not {}", text::type_name(v))),
        },
    }
}

fn seed_of(v: Option<&Value>) -> PyResult<i128> {
    match v {
        None | Some(Value::None) => Ok(0),
        Some(Value::Int(i)) => Ok(*i as i128),
        Some(Value::Bool(b)) => Ok(*b as i128),
        Some(Value::Float(f)) if f.fract() == 0.0 && f.abs() < 1e18 => Ok(*f as i128),
        Some(other) => raise(
            "NotImplementedError",
            format!("seeding random with a {} is not supported in the playground", text::type_name(other)),
        ),
    }
}

/// A generator seeded as CPython seeds with `v` (an int beyond i64 by its
/// absolute value's 32-bit words).
fn seeded(v: Option<&Value>) -> PyResult<Random> {
    match v {
        Some(Value::Big(b)) => Ok(Random::from_key(&words_of(b))),
        Some(Value::Str(s)) => Ok(Random::from_key(&text_key(s.as_bytes()))),
        other => Ok(Random::new(seed_of(other)?)),
    }
}

/// The key of a str seed (version 2): CPython seeds with the int whose
/// big-endian bytes are the text's UTF-8 followed by its SHA-512 digest.
fn text_key(utf8: &[u8]) -> Vec<u32> {
    let mut bytes = utf8.to_vec();
    bytes.extend_from_slice(&super::sha512::digest(utf8));
    let mut words: Vec<u32> =
        bytes.rchunks(4).map(|c| c.iter().fold(0u32, |w, &b| (w << 8) | u32::from(b))).collect();
    while words.len() > 1 && words.last() == Some(&0) {
        words.pop();
    }
    words
}

/// `|b|`'s 32-bit words, least significant first.
fn words_of(b: &BigInt) -> Vec<u32> {
    let (mut rest, mask) = (b.abs(), BigInt::from_u64(u64::from(u32::MAX)));
    let mut words = Vec::new();
    while !rest.is_zero() {
        words.push(rest.bitand(&mask).to_i64().unwrap_or(0) as u32);
        rest = rest.shr(32);
    }
    words
}

/// The int whose 32-bit words (least significant first) these are.
fn big_of_words(words: &[u32]) -> PyResult<BigInt> {
    let mut acc = BigInt::zero();
    for &w in words.iter().rev() {
        acc = match acc.shl(32) {
            Ok(a) => a.add(&BigInt::from_u64(u64::from(w))),
            Err(_) => return raise("MemoryError", ""),
        };
    }
    Ok(acc)
}

fn int_of_words(words: &[u32]) -> PyResult<Value> {
    big_of_words(words).map(Value::from_big)
}

fn big_of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Big(b) => Some((**b).clone()),
        Value::Int(i) => Some(BigInt::from_i64(*i)),
        Value::Bool(b) => Some(BigInt::from_i64(i64::from(*b))),
        _ => None,
    }
}

/// `randrange(start, stop)` with an int bound beyond i64: `start +
/// _randbelow(stop - start)`, drawing `width.bit_length()` bits until one
/// is below the width.
fn randrange_big(g: &mut Random, start: &Value, stop: &Value) -> PyResult<Value> {
    let (Some(a), Some(b)) = (big_of(start), big_of(stop)) else {
        return raise("TypeError", "randrange() arguments must be integers");
    };
    let width = b.sub(&a);
    if width.signum() <= 0 {
        let show = |v: &Value| text::str(v);
        let msg = format!(
            "empty range for randrange() ({}, {}, {})",
            show(start)?,
            show(stop)?,
            width.to_string_checked().unwrap_or_default()
        );
        return raise("ValueError", msg);
    }
    let k = width.bit_length() as u32;
    loop {
        let r = big_of_words(&g.getrandbits_words(k))?;
        if r.sub(&width).is_negative() {
            return Ok(Value::from_big(a.add(&r)));
        }
    }
}

fn int_of(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Float(f) if f.fract() == 0.0 => Ok(*f as i64),
        _ => raise("TypeError", format!("{what} must be an integer")),
    }
}

fn value_err(msg: String) -> asyncio_engine::Exception {
    asyncio_engine::Exception::value_error(msg)
}

/// Calls method `name` of a generator, its arguments bound as `sig` says.
fn call(r: &PyRandom, (name, sig): (&str, Args), mut args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    sig.check("Random", name, &mut args, &mut kw)?;
    let mut g = r.0.borrow_mut();
    match name {
        "random" => Ok(Value::Float(g.random())),
        "seed" => {
            *g = seeded(args.first())?;
            r.1.set(None);
            Ok(Value::None)
        }
        "getstate" => Ok(Value::native(RandomState(g.clone(), r.1.get()))),
        "setstate" => match args[0].as_native::<RandomState>() {
            Some(st) => {
                *g = st.0.clone();
                r.1.set(st.1);
                Ok(Value::None)
            }
            None => raise("TypeError", "state vector must be one returned by getstate()"),
        },
        "gauss" => {
            let mu = float_arg(&args, 0, 0.0, "mu")?;
            let sigma = float_arg(&args, 1, 1.0, "sigma")?;
            let z = match r.1.take() {
                Some(z) => z,
                None => {
                    let x2pi = g.random() * std::f64::consts::TAU;
                    let g2rad = (-2.0 * (1.0 - g.random()).ln()).sqrt();
                    r.1.set(Some(x2pi.sin() * g2rad));
                    x2pi.cos() * g2rad
                }
            };
            Ok(Value::Float(mu + z * sigma))
        }
        "normalvariate" => {
            let mu = float_arg(&args, 0, 0.0, "mu")?;
            let sigma = float_arg(&args, 1, 1.0, "sigma")?;
            let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
            loop {
                let u1 = g.random();
                let u2 = 1.0 - g.random();
                let z = magic * (u1 - 0.5) / u2;
                if z * z / 4.0 <= -u2.ln() {
                    return Ok(Value::Float(mu + z * sigma));
                }
            }
        }
        "expovariate" => {
            let lambd = float_arg(&args, 0, 1.0, "lambd")?;
            if lambd == 0.0 {
                return raise("ZeroDivisionError", "float division by zero");
            }
            Ok(Value::Float(-(1.0 - g.random()).ln() / lambd))
        }
        "triangular" => {
            let mut low = float_arg(&args, 0, 0.0, "low")?;
            let mut high = float_arg(&args, 1, 1.0, "high")?;
            let mut u = g.random();
            let mut c = match args.get(2) {
                None | Some(Value::None) => 0.5,
                Some(_) => {
                    if high == low {
                        return Ok(Value::Float(low));
                    }
                    (float_arg(&args, 2, 0.0, "mode")? - low) / (high - low)
                }
            };
            if u > c {
                u = 1.0 - u;
                c = 1.0 - c;
                std::mem::swap(&mut low, &mut high);
            }
            Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
        }
        "choices" => {
            let weights = args.get(1).cloned().filter(|v| !matches!(v, Value::None));
            let cum = crate::native::take_kw(&mut kw, "cum_weights").filter(|v| !matches!(v, Value::None));
            let k = int_of(&crate::native::take_kw(&mut kw, "k").unwrap_or(Value::Int(1)), "k")?;
            let pop = iter::collect(&args[0])?;
            let n = pop.len();
            let numbers = |v: &Value| -> PyResult<Vec<f64>> {
                iter::collect(v)?
                    .iter()
                    .map(|x| match x.as_f64() {
                        Some(f) => Ok(f),
                        None => raise("TypeError", "weights must be numbers"),
                    })
                    .collect()
            };
            let cum: Vec<f64> = match (weights, cum) {
                (None, None) => {
                    if n == 0 {
                        return raise("IndexError", "Cannot choose from an empty sequence");
                    }
                    let picks =
                        (0..k.max(0)).map(|_| pop[(g.random() * n as f64) as usize].clone()).collect();
                    return Ok(Value::list(picks));
                }
                (Some(_), Some(_)) => {
                    return raise("TypeError", "Cannot specify both weights and cumulative weights")
                }
                (Some(w), None) => {
                    let mut acc = 0.0;
                    numbers(&w)?
                        .into_iter()
                        .map(|x| {
                            acc += x;
                            acc
                        })
                        .collect()
                }
                (None, Some(c)) => numbers(&c)?,
            };
            if cum.len() != n {
                return raise("ValueError", "The number of weights does not match the population");
            }
            let total = cum.last().copied().unwrap_or(0.0);
            if total <= 0.0 {
                return raise("ValueError", "Total of weights must be greater than zero");
            }
            if !total.is_finite() {
                return raise("ValueError", "Total of weights must be finite");
            }
            let hi = n - 1;
            let mut picks = Vec::new();
            for _ in 0..k.max(0) {
                let x = g.random() * total;
                // bisect_right(cum, x, 0, hi)
                let (mut lo, mut h) = (0usize, hi);
                while lo < h {
                    let mid = (lo + h) / 2;
                    if x < cum[mid] {
                        h = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                picks.push(pop[lo].clone());
            }
            Ok(Value::list(picks))
        }
        "randint" if args.iter().any(|a| matches!(a, Value::Big(_))) => {
            let past = crate::interp::ops::binop(crate::ast::BinOp::Add, &args[1], &Value::Int(1))?;
            randrange_big(&mut g, &args[0], &past)
        }
        "randint" => g
            .randint(int_of(&args[0], "randint() arg")?, int_of(&args[1], "randint() arg")?)
            .map(Value::Int)
            .map_err(value_err),
        "randrange" => {
            let stop = args.get(1).filter(|v| !matches!(v, Value::None));
            let step = args.get(2).filter(|v| !matches!(v, Value::Int(1)));
            let big = args.iter().any(|a| matches!(a, Value::Big(_)));
            if big && step.is_some() {
                return raise(
                    "NotImplementedError",
                    "randrange() with a step and bounds beyond 64 bits is not supported in the playground",
                );
            }
            if big {
                return match stop {
                    Some(stop) => randrange_big(&mut g, &args[0], stop),
                    None => randrange_big(&mut g, &Value::Int(0), &args[0]),
                };
            }
            let r = match (stop, step) {
                (None, None) => g.randrange_stop(int_of(&args[0], "randrange() arg")?),
                // `step is not 1` before any conversion, as CPython checks it.
                (None, Some(_)) => return raise("TypeError", "Missing a non-None stop argument"),
                (Some(stop), _) => g.randrange(
                    int_of(&args[0], "start")?,
                    int_of(stop, "stop")?,
                    step.map(|s| int_of(s, "step")).transpose()?.unwrap_or(1),
                ),
            };
            r.map(Value::Int).map_err(value_err)
        }
        "uniform" => {
            let (a, b) = (args[0].as_f64(), args[1].as_f64());
            match (a, b) {
                (Some(a), Some(b)) => Ok(Value::Float(g.uniform(a, b))),
                _ => raise("TypeError", "uniform() arguments must be numbers"),
            }
        }
        "getrandbits" => {
            let k = int_of(&args[0], "getrandbits() arg")?;
            if k < 0 {
                return raise("ValueError", "number of bits must be non-negative");
            }
            if k > 1 << 24 {
                return raise(
                    "MemoryError",
                    "getrandbits() of over 16M bits is beyond the playground's memory",
                );
            }
            if k > 64 {
                return int_of_words(&g.getrandbits_words(k as u32));
            }
            let bits = g.getrandbits(k as u32);
            Ok(match i64::try_from(bits) {
                Ok(i) => Value::Int(i),
                Err(_) => int_of_words(&[bits as u32, (bits >> 32) as u32])?,
            })
        }
        "choice" => {
            let items = iter::collect(&args[0])?;
            if items.is_empty() {
                return raise("IndexError", "Cannot choose from an empty sequence");
            }
            g.choice(&items).cloned().map_err(value_err)
        }
        "shuffle" => {
            let Some(Value::List(l)) = args.first() else {
                return raise("TypeError", "shuffle() needs a list");
            };
            let mut items = l.borrow().clone();
            g.shuffle(&mut items);
            *l.borrow_mut() = items;
            Ok(Value::None)
        }
        "sample" => {
            let pop = match &args[0] {
                Value::Set(_) | Value::Dict(_) => {
                    return raise(
                        "TypeError",
                        "Population must be a sequence.  For dicts or sets, use sorted(d).",
                    )
                }
                v => iter::collect(v)?,
            };
            let k = int_of(&args[1], "sample() k")?;
            if k < 0 {
                return raise("ValueError", "Sample larger than population or is negative");
            }
            match crate::native::take_kw(&mut kw, "counts").filter(|v| !matches!(v, Value::None)) {
                None => g.sample(&pop, k as usize).map(Value::list).map_err(value_err),
                Some(counts) => sample_counted(&mut g, &pop, &counts, k as usize),
            }
        }
        _ => raise("AttributeError", format!("'Random' object has no attribute '{name}'")),
    }
}

const METHODS: &[(&str, Args)] = &[
    ("random", C(0)),
    ("seed", Py("Random.seed(self, a=None, version=2)")),
    ("randint", Py("Random.randint(self, a, b)")),
    ("randrange", Py("Random.randrange(self, start, stop=None, step=1)")),
    ("uniform", Py("Random.uniform(self, a, b)")),
    ("getrandbits", C(1)),
    ("choice", Py("Random.choice(self, seq)")),
    ("choices", Py("Random.choices(self, population, weights=None, *, cum_weights=None, k=1)")),
    ("shuffle", Py("Random.shuffle(self, x)")),
    ("sample", Py("Random.sample(self, population, k, *, counts=None)")),
    ("gauss", Py("Random.gauss(self, mu=0.0, sigma=1.0)")),
    ("normalvariate", Py("Random.normalvariate(self, mu=0.0, sigma=1.0)")),
    ("expovariate", Py("Random.expovariate(self, lambd)")),
    ("triangular", Py("Random.triangular(self, low=0.0, high=1.0, mode=None)")),
    ("getstate", Py("Random.getstate(self)")),
    ("setstate", Py("Random.setstate(self, state)")),
];

/// `sample(population, k, counts=counts)`: as CPython, `sample(range(total), k)`
/// mapped to the population through the cumulative counts.
fn sample_counted(g: &mut Random, pop: &[Value], counts: &Value, k: usize) -> PyResult<Value> {
    let mut cum = Vec::new();
    let mut total: i64 = 0;
    for c in iter::collect(counts)? {
        let Some(c) = c.as_i64().filter(|_| matches!(c, Value::Int(_) | Value::Bool(_))) else {
            return raise("TypeError", "Counts must be integers");
        };
        total = total.saturating_add(c);
        cum.push(total);
    }
    if cum.len() != pop.len() {
        return raise("ValueError", "The number of counts does not match the population");
    }
    if cum.pop().is_none() {
        return raise("IndexError", "pop from empty list");
    }
    if total <= 0 {
        return raise("ValueError", "Total of counts must be greater than zero");
    }
    let picks = g.sample_indices(total as usize, k).map_err(value_err)?;
    // bisect_right(cum, s)
    Ok(Value::list(picks.into_iter().map(|s| pop[cum.partition_point(|&c| c <= s as i64)].clone()).collect()))
}

impl Native for PyRandom {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("Random")
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let m = *METHODS.iter().find(|(n, _)| *n == name)?;
        Some(Ok(method::<PyRandom>(name, this, move |r, _, args, kw| call(r, m, args, kw))))
    }
}

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("random");
    let class = interp().types.native("Random");
    class.dict.borrow_mut().set(
        "__new__",
        Builtin::new("Random", |mut args, mut kw| {
            crate::modules::bind("Random.__init__(self, x=None)", &mut args, &mut kw)?;
            Ok(Value::native(PyRandom::new(seeded(args.first())?)))
        }),
    );
    m.set("Random", Value::Class(class));
    let global = Rc::new(PyRandom::new(Random::new(0)));
    for &entry in METHODS {
        let g = global.clone();
        m.func(entry.0, move |args, kw| call(&g, entry, args, kw));
    }
    m
}
