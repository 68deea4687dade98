//! `random`: CPython's Mersenne Twister and methods, bit for bit (the
//! engine's `pyrandom`).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use crate::interp::exc::raise;
use crate::interp::{interp, iter, ops, text};
use crate::modules::ModuleObj;
use crate::native::{arity, method, Kwargs, Native};
use crate::object::{Builtin, Class};
use crate::value::Value;
use asyncio_engine::pyrandom::Random;
use asyncio_engine::PyResult;

/// A `random.Random` instance.
pub struct PyRandom(pub RefCell<Random>);

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

/// Calls method `name` of a generator.
fn call(r: &PyRandom, name: &str, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut g = r.0.borrow_mut();
    match name {
        "random" => Ok(Value::Float(g.random())),
        "seed" => {
            *g = Random::new(seed_of(args.first())?);
            Ok(Value::None)
        }
        "randint" => {
            arity("randint", &args, 2, 2)?;
            g.randint(int_of(&args[0], "randint() arg")?, int_of(&args[1], "randint() arg")?)
                .map(Value::Int)
                .map_err(value_err)
        }
        "randrange" => {
            arity("randrange", &args, 1, 3)?;
            let r = match args.len() {
                1 => g.randrange_stop(int_of(&args[0], "randrange() arg")?),
                2 => g.randrange(int_of(&args[0], "start")?, int_of(&args[1], "stop")?, 1),
                _ => g.randrange(
                    int_of(&args[0], "start")?,
                    int_of(&args[1], "stop")?,
                    int_of(&args[2], "step")?,
                ),
            };
            r.map(Value::Int).map_err(value_err)
        }
        "uniform" => {
            arity("uniform", &args, 2, 2)?;
            let (a, b) = (args[0].as_f64(), args[1].as_f64());
            match (a, b) {
                (Some(a), Some(b)) => Ok(Value::Float(g.uniform(a, b))),
                _ => raise("TypeError", "uniform() arguments must be numbers"),
            }
        }
        "getrandbits" => {
            let k = int_of(args.first().unwrap_or(&Value::Int(0)), "getrandbits() arg")?;
            if !(0..=64).contains(&k) {
                return raise(
                    "NotImplementedError",
                    "getrandbits() over 64 bits is not supported in the playground",
                );
            }
            Ok(Value::Int(g.getrandbits(k as u32) as i64))
        }
        "choice" => {
            let items = iter::collect(crate::builtins::one("choice", &args)?)?;
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
            arity("sample", &args, 2, 2)?;
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
            if k < 0 || k as usize > pop.len() {
                return raise("ValueError", "Sample larger than population or is negative");
            }
            g.sample(&pop, k as usize).map(Value::list).map_err(value_err)
        }
        _ => raise("AttributeError", format!("'Random' object has no attribute '{name}'")),
    }
}

const METHODS: &[&str] =
    &["random", "seed", "randint", "randrange", "uniform", "getrandbits", "choice", "shuffle", "sample"];

impl Native for PyRandom {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("Random")
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let n = METHODS.iter().find(|m| **m == name)?;
        let n: &'static str = n;
        Some(Ok(method::<PyRandom>(name, this, move |r, _, args, kw| call(r, n, args, kw))))
    }
}

pub fn module() -> ModuleObj {
    let m = ModuleObj::new("random");
    let class = interp().types.native("Random");
    class.dict.borrow_mut().set(
        "__new__",
        Builtin::new("Random", |args, _| {
            Ok(Value::native(PyRandom(RefCell::new(Random::new(seed_of(args.first())?)))))
        }),
    );
    m.set("Random", Value::Class(class));
    let global = Rc::new(PyRandom(RefCell::new(Random::new(0))));
    for name in METHODS {
        let g = global.clone();
        m.func(name, move |args, kw| call(&g, name, args, kw));
    }
    let _ = ops::truthy;
    m
}
