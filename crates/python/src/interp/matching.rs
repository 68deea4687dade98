//! The match statement at run time (PEP 634): which case's pattern fits the
//! subject, binding its names only when the whole pattern matched.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use super::call::call_sync;
use super::eval::{eval, store_name};
use super::exc::raise;
use super::{attr, iter, ops, text, Frame};
use crate::ast::{MatchCase, Name, Pattern, PatternKind, Stmt};
use crate::object::{BuiltinType, Class};
use crate::value::{Dict, Value};
use asyncio_engine::PyResult;

type Binds<'p> = Vec<(&'p Name, Value)>;
type Matched<'x> = Pin<Box<dyn Future<Output = PyResult<bool>> + 'x>>;

/// The body of the first case whose pattern matches `subject` and whose
/// guard holds; its names are bound (also when the guard then fails).
pub async fn choose<'a>(subject: &Value, cases: &'a [MatchCase], f: &Frame) -> PyResult<Option<&'a [Stmt]>> {
    for c in cases {
        let mut binds = Vec::new();
        if !matches(&c.pattern, subject, &mut binds, f).await? {
            continue;
        }
        for (n, v) in binds {
            store_name(n, v, f);
        }
        if let Some(g) = &c.guard {
            if !ops::truthy(&eval(g, f).await?)? {
                continue;
            }
        }
        return Ok(Some(&c.body));
    }
    Ok(None)
}

/// Does `v` match `p`? Names go to `binds` only when the pattern matched.
fn matches<'p: 'x, 'x>(p: &'p Pattern, v: &'x Value, binds: &'x mut Binds<'p>, f: &'x Frame) -> Matched<'x> {
    Box::pin(async move {
        match &p.kind {
            PatternKind::Capture(n) | PatternKind::Star(n) => {
                if let Some(n) = n {
                    binds.push((n, v.clone()));
                }
                Ok(true)
            }
            PatternKind::Value(e) => ops::eq(v, &eval(e, f).await?),
            PatternKind::Singleton(e) => Ok(v.is(&eval(e, f).await?)),
            PatternKind::As(inner, n) => {
                let ok = all(vec![(&**inner, v.clone())], binds, f).await?;
                if ok {
                    binds.push((n, v.clone()));
                }
                Ok(ok)
            }
            PatternKind::Or(alts) => {
                for a in alts {
                    if all(vec![(a, v.clone())], binds, f).await? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            PatternKind::Sequence(items) => match sequence_items(v)? {
                Some(values) => sequence(items, values, binds, f).await,
                None => Ok(false),
            },
            PatternKind::Mapping { keys, values, rest } => {
                mapping(keys, values, rest.as_ref(), v, binds, f).await
            }
            PatternKind::Class { cls, args, kwargs } => {
                let cls = eval(cls, f).await?;
                let Value::Class(cls) = cls else {
                    return raise("TypeError", "called match pattern must be a type");
                };
                if !attr::isinstance(v, &cls) {
                    return Ok(false);
                }
                let pairs = class_parts(&cls, args, kwargs, v)?;
                match pairs {
                    Some(pairs) => all(pairs, binds, f).await,
                    None => Ok(false),
                }
            }
        }
    })
}

/// Subpatterns matched in order; their names join `binds` only if all match.
async fn all<'p>(pairs: Vec<(&'p Pattern, Value)>, binds: &mut Binds<'p>, f: &Frame) -> PyResult<bool> {
    let mut found: Binds<'p> = Vec::new();
    for (p, v) in &pairs {
        if !matches(p, v, &mut found, f).await? {
            return Ok(false);
        }
    }
    binds.extend(found);
    Ok(true)
}

/// The items of a subject a sequence pattern may match: lists, tuples
/// (namedtuples too), ranges, deques and `collections.abc.Sequence`
/// classes, not strings.
fn sequence_items(v: &Value) -> PyResult<Option<Vec<Value>>> {
    let is_seq = match v {
        Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
        Value::Object(o) => {
            o.as_any().is::<crate::modules::collections::Deque>()
                || o.as_any().is::<crate::modules::collections::NamedTuple>()
        }
        Value::Instance(i) => derives_from_abc(&i.class, &["Sequence", "MutableSequence"]),
        _ => false,
    };
    if is_seq {
        iter::collect(v).map(Some)
    } else {
        Ok(None)
    }
}

fn derives_from_abc(c: &Rc<Class>, names: &[&str]) -> bool {
    c.mro().iter().any(|k| &*k.module == "collections.abc" && names.contains(&&*k.name))
}

async fn sequence<'p>(
    items: &'p [Pattern],
    values: Vec<Value>,
    binds: &mut Binds<'p>,
    f: &Frame,
) -> PyResult<bool> {
    let star = items.iter().position(|p| matches!(p.kind, PatternKind::Star(_)));
    let fixed = items.len() - usize::from(star.is_some());
    let fits = match star {
        Some(_) => values.len() >= fixed,
        None => values.len() == fixed,
    };
    if !fits {
        return Ok(false);
    }
    let mut pairs = Vec::with_capacity(items.len());
    match star {
        None => pairs.extend(items.iter().zip(values)),
        Some(s) => {
            let after = items.len() - s - 1;
            let tail_at = values.len() - after;
            pairs.extend(items[..s].iter().zip(values[..s].iter().cloned()));
            pairs.push((&items[s], Value::list(values[s..tail_at].to_vec())));
            pairs.extend(items[s + 1..].iter().zip(values[tail_at..].iter().cloned()));
        }
    }
    all(pairs, binds, f).await
}

async fn mapping<'p>(
    keys: &'p [crate::ast::Expr],
    values: &'p [Pattern],
    rest: Option<&'p Name>,
    v: &Value,
    binds: &mut Binds<'p>,
    f: &Frame,
) -> PyResult<bool> {
    let is_map = match v {
        Value::Dict(_) => true,
        Value::Instance(i) => derives_from_abc(&i.class, &["Mapping", "MutableMapping"]),
        _ => false,
    };
    if !is_map {
        return Ok(false);
    }
    let mut pairs = Vec::with_capacity(keys.len());
    let mut seen: Vec<Value> = Vec::new();
    for (k, p) in keys.iter().zip(values) {
        let key = eval(k, f).await?;
        for s in &seen {
            if ops::eq(s, &key)? {
                return raise(
                    "ValueError",
                    format!("mapping pattern checks duplicate key ({})", text::repr(&key)?),
                );
            }
        }
        seen.push(key.clone());
        let found = match v {
            Value::Dict(d) => ops::dict_get(d, &key)?,
            _ => {
                let get = attr::getattr(v, "get")?;
                let missing = Value::list(Vec::new()); // a sentinel no mapping holds
                let got = call_sync(&get, vec![key.clone(), missing.clone()], vec![])?;
                (!got.is(&missing)).then_some(got)
            }
        };
        match found {
            Some(x) => pairs.push((p, x)),
            None => return Ok(false),
        }
    }
    if let Some(n) = rest {
        let left = Dict::new();
        for (k, x) in iter::collect(&call_sync(&attr::getattr(v, "items")?, vec![], vec![])?)?
            .into_iter()
            .filter_map(pair)
        {
            if !seen.iter().any(|s| ops::eq(s, &k).unwrap_or(false)) {
                ops::dict_set(&left, k, x)?;
            }
        }
        if !all(pairs, binds, f).await? {
            return Ok(false);
        }
        binds.push((n, Value::Dict(left)));
        return Ok(true);
    }
    all(pairs, binds, f).await
}

fn pair(item: Value) -> Option<(Value, Value)> {
    match item {
        Value::Tuple(t) if t.len() == 2 => Some((t[0].clone(), t[1].clone())),
        _ => None,
    }
}

/// The subpatterns of `Cls(p, attr=q)` with the values they match: the
/// subject itself for the builtin types' one positional pattern, else the
/// attributes `__match_args__` names; `None` if an attribute is missing.
fn class_parts<'p>(
    cls: &Rc<Class>,
    args: &'p [Pattern],
    kwargs: &'p [(Rc<str>, Pattern)],
    v: &Value,
) -> PyResult<Option<Vec<(&'p Pattern, Value)>>> {
    let mut names: Vec<Rc<str>> = Vec::new();
    let mut pairs = Vec::new();
    if !args.is_empty() {
        if self_matching(cls) {
            if args.len() > 1 {
                let msg = format!("{}() accepts 1 positional sub-pattern ({} given)", cls.name, args.len());
                return raise("TypeError", msg);
            }
            pairs.push((&args[0], v.clone()));
        } else {
            let match_args = match attr::getattr_opt(&Value::Class(cls.clone()), "__match_args__")? {
                None => Vec::new(),
                Some(Value::Tuple(t)) => t.to_vec(),
                Some(other) => {
                    let msg = format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        cls.name,
                        text::type_name(&other)
                    );
                    return raise("TypeError", msg);
                }
            };
            if args.len() > match_args.len() {
                let n = match_args.len();
                let msg = format!(
                    "{}() accepts {n} positional sub-pattern{} ({} given)",
                    cls.name,
                    if n == 1 { "" } else { "s" },
                    args.len()
                );
                return raise("TypeError", msg);
            }
            for (p, name) in args.iter().zip(match_args) {
                let Value::Str(name) = name else {
                    return raise("TypeError", "__match_args__ elements must be strings");
                };
                names.push(name);
                pairs.push((p, Value::None));
            }
        }
    }
    let positional = names.len();
    names.extend(kwargs.iter().map(|(k, _)| k.clone()));
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            return raise(
                "TypeError",
                format!("{}() got multiple sub-patterns for attribute '{name}'", cls.name),
            );
        }
    }
    for (i, name) in names.iter().enumerate() {
        let Some(x) = attr::getattr_opt(v, name)? else { return Ok(None) };
        if i < positional {
            let at = pairs.len() - positional + i;
            pairs[at].1 = x;
        } else {
            pairs.push((&kwargs[i - positional].1, x));
        }
    }
    Ok(Some(pairs))
}

/// `int(x)`, `str(x)`...: the builtin types whose one positional pattern
/// matches the subject itself.
fn self_matching(cls: &Class) -> bool {
    matches!(
        cls.builtin,
        BuiltinType::Bool
            | BuiltinType::Bytes
            | BuiltinType::Dict
            | BuiltinType::Float
            | BuiltinType::FrozenSet
            | BuiltinType::Int
            | BuiltinType::List
            | BuiltinType::Set
            | BuiltinType::Str
            | BuiltinType::Tuple
    )
}
