//! `format(value, spec)`, `str % args` and `str.format`, over `crate::format`.

use std::rc::Rc;

use crate::format::{
    self, Accessor, ErrKind, FieldArg, FmtError, IntArg, PercentArg, PercentValue, TemplatePiece,
};
use crate::interp::call::call_sync;
use crate::interp::exc::raise;
use crate::interp::{attr, ops, text};
use crate::native::Kwargs;
use crate::value::Value;
use asyncio_engine::{Exception, PyResult};

fn to_exc(e: FmtError) -> Exception {
    let kind = match e.kind {
        ErrKind::ValueError => "ValueError",
        ErrKind::TypeError => "TypeError",
        ErrKind::OverflowError => "OverflowError",
    };
    Exception::new(kind, e.message)
}

thread_local! {
    /// The Python exception a callback of the formatter raised (an
    /// argument's `__str__`), carried through it to come out as itself.
    static CARRIED: std::cell::RefCell<Option<Exception>> = const { std::cell::RefCell::new(None) };
}

fn from_exc(e: Exception) -> FmtError {
    let kind = match e.type_name() {
        "TypeError" => ErrKind::TypeError,
        "OverflowError" => ErrKind::OverflowError,
        _ => ErrKind::ValueError,
    };
    let message = e.message().to_string();
    CARRIED.with(|c| *c.borrow_mut() = Some(e));
    FmtError { kind, message }
}

/// The exception for a formatting failure: the one a callback raised, if
/// that is what stopped it.
fn failure(e: FmtError) -> Exception {
    match CARRIED.with(|c| c.borrow_mut().take()) {
        Some(carried) => carried,
        None => to_exc(e),
    }
}

/// `format(v, spec)`.
pub fn format_value(v: &Value, spec: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => format::format_str(s, spec).map_err(to_exc),
        Value::Int(i) => format::format_int(&IntArg::Small(*i), spec).map_err(to_exc),
        Value::Big(b) => format::format_int(&IntArg::Big(b), spec).map_err(to_exc),
        Value::Bool(b) => {
            if spec.is_empty() {
                Ok(if *b { "True" } else { "False" }.into())
            } else {
                format::format_int_as(&IntArg::Small(*b as i64), spec, "bool").map_err(to_exc)
            }
        }
        Value::Float(f) => format::format_float(*f, spec).map_err(to_exc),
        Value::Instance(_) => {
            if let Some(m) = attr::lookup_special(v, "__format__") {
                return match call_sync(&m, vec![Value::str(spec)], vec![])? {
                    Value::Str(s) => Ok(s.to_string()),
                    other => raise(
                        "TypeError",
                        format!("__format__ must return a str, not {}", text::type_name(&other)),
                    ),
                };
            }
            default_format(v, spec)
        }
        _ => default_format(v, spec),
    }
}

fn default_format(v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return text::str(v);
    }
    raise("TypeError", format!("unsupported format string passed to {}.__format__", text::type_name(v)))
}

/// One `%` argument; an instance's number, asked for only when a
/// conversion needs one, by that conversion's protocol (CPython's
/// `PyNumber_Float` for `%f`, `PyNumber_Long` for `%d`, `PyNumber_Index`
/// for `%x`, `%o`, `%c`), each kept once asked.
#[derive(Clone)]
struct Arg(Value, [std::cell::OnceCell<Option<Value>>; 3]);

impl Arg {
    fn new(v: Value) -> Arg {
        Arg(v, Default::default())
    }
}

/// The dunders conversion `conv` tries, in order, and where their result is kept.
fn protocol(conv: char) -> (usize, &'static [&'static str]) {
    match conv {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => (0, &["__float__", "__index__"]),
        'd' | 'i' | 'u' => (1, &["__int__", "__index__", "__trunc__"]),
        _ => (2, &["__index__"]),
    }
}

fn number_of(v: &Value, dunders: &[&str]) -> Option<Value> {
    let Value::Instance(_) = v else { return None };
    let f = dunders.iter().find_map(|n| attr::lookup_special(v, n))?;
    call_sync(&f, vec![], vec![])
        .ok()
        .filter(|r| matches!(r, Value::Int(_) | Value::Big(_) | Value::Float(_)))
}

fn percent_value(v: &Value) -> Option<PercentValue<'_>> {
    Some(match v {
        Value::Int(i) => PercentValue::Int(IntArg::Small(*i)),
        Value::Bool(b) => PercentValue::Int(IntArg::Small(*b as i64)),
        Value::Big(b) => PercentValue::Int(IntArg::Big(b)),
        Value::Float(f) => PercentValue::Float(*f),
        Value::Str(s) => PercentValue::Str(s),
        _ => return None,
    })
}

impl PercentArg for Arg {
    fn value(&self) -> PercentValue<'_> {
        self.value_for('x')
    }
    fn value_for(&self, conv: char) -> PercentValue<'_> {
        let (slot, dunders) = protocol(conv);
        percent_value(&self.0)
            .or_else(|| {
                self.1[slot].get_or_init(|| number_of(&self.0, dunders)).as_ref().and_then(percent_value)
            })
            .unwrap_or(PercentValue::Other)
    }
    fn type_name(&self) -> String {
        text::type_name(&self.0)
    }
    fn convert(&self, conversion: char) -> Result<String, FmtError> {
        match conversion {
            's' => text::str(&self.0).map_err(from_exc),
            'a' => text::ascii(&self.0).map_err(from_exc),
            _ => text::repr(&self.0).map_err(from_exc),
        }
    }
}

/// `template % args`.
pub fn percent(template: &str, args: &Value) -> PyResult<Value> {
    CARRIED.with(|c| c.borrow_mut().take());
    let out = match args {
        Value::Tuple(items) => {
            let items: Vec<Arg> = items.iter().cloned().map(Arg::new).collect();
            format::percent_format(template, &items, true, None)
        }
        m if mapping_like(m) => {
            let mut lookup = |key: &str| -> Result<Arg, FmtError> {
                ops::getitem(m, &Value::str(key)).map(Arg::new).map_err(from_exc)
            };
            let one = [Arg::new(args.clone())];
            format::percent_format(template, &one, false, Some(&mut lookup))
        }
        other => {
            let one = [Arg::new(other.clone())];
            format::percent_format(template, &one, false, None)
        }
    };
    match out {
        Ok(s) => {
            ops::charge_memory(s.len())?;
            Ok(Value::string(s))
        }
        Err(e) if e.message.starts_with("KeyError:") && CARRIED.with(|c| c.borrow().is_none()) => {
            let key = e.message.trim_start_matches("KeyError:").trim_matches('\'').to_string();
            Err(crate::interp::exc::with_args("KeyError", vec![Value::string(key)]))
        }
        Err(e) => Err(failure(e)),
    }
}

/// CPython's `PyMapping_Check` of `%`'s right operand: a `%(key)s` looks
/// the key up in it (`m[key]`), and no item of it is left unconverted. A
/// list or a range is one too (its `m['key']` raises); a deque is not.
fn mapping_like(v: &Value) -> bool {
    match v {
        Value::Dict(_) | Value::List(_) | Value::Range(_) => true,
        Value::Instance(i) => i.class.lookup("__getitem__").is_some(),
        Value::Object(o) => o.class().builtin == crate::object::BuiltinType::Dict,
        _ => false,
    }
}

/// `template.format(*args, **kwargs)`.
pub fn str_format(template: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<String> {
    format_with(template, args, Named::Keywords(kwargs))
}

/// `template.format_map(mapping)`: each `{name}` is `mapping[name]` (a
/// dict's `__missing__`, any object with `__getitem__`).
pub fn str_format_map(template: &str, mapping: &Value) -> PyResult<String> {
    format_with(template, &[], Named::Mapping(mapping))
}

/// Where `{name}` fields come from.
#[derive(Clone, Copy)]
enum Named<'a> {
    Keywords(&'a Kwargs),
    Mapping(&'a Value),
}

fn format_with(template: &str, args: &[Value], named: Named) -> PyResult<String> {
    let pieces = format::parse_format_template(template).map_err(to_exc)?;
    let out = render(&pieces, args, named)?;
    ops::charge_memory(out.len())?;
    Ok(out)
}

fn render(pieces: &[TemplatePiece], args: &[Value], named: Named) -> PyResult<String> {
    let mut out = String::new();
    for p in pieces {
        match p {
            TemplatePiece::Literal(s) => out.push_str(s),
            TemplatePiece::Field(f) => {
                let mut v = match (&f.arg, named) {
                    (FieldArg::Index(_), Named::Mapping(_)) => {
                        return raise("ValueError", "Format string contains positional fields")
                    }
                    (FieldArg::Index(i), _) => match args.get(*i) {
                        Some(v) => v.clone(),
                        None => {
                            return raise(
                                "IndexError",
                                format!("Replacement index {i} out of range for positional args tuple"),
                            )
                        }
                    },
                    (FieldArg::Name(n), Named::Keywords(kwargs)) => match kwargs
                        .iter()
                        .find(|(k, _)| &**k == n)
                    {
                        Some((_, v)) => v.clone(),
                        None => return Err(crate::interp::exc::with_args("KeyError", vec![Value::str(n)])),
                    },
                    (FieldArg::Name(n), Named::Mapping(m)) => ops::getitem(m, &Value::str(n))?,
                };
                for a in &f.accessors {
                    v = match a {
                        Accessor::Attr(name) => attr::getattr(&v, name)?,
                        Accessor::Index(i) => ops::getitem(&v, &Value::Int(*i as i64))?,
                        Accessor::Key(k) => ops::getitem(&v, &Value::Str(Rc::from(k.as_str())))?,
                    };
                }
                let v = match f.conversion {
                    Some('r') => Value::string(text::repr(&v)?),
                    Some('a') => Value::string(text::ascii(&v)?),
                    Some('s') => Value::string(text::str(&v)?),
                    _ => v,
                };
                let spec = render(&f.spec, args, named)?;
                out.push_str(&format_value(&v, &spec)?);
            }
        }
    }
    Ok(out)
}
