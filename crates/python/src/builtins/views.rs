//! `dict.keys()`, `dict.values()`, `dict.items()`.

use std::any::Any;
use std::rc::Rc;

use crate::interp::iter::Iter;
use crate::interp::{interp, ops, text};
use crate::native::iters::IterObj;
use crate::native::Native;
use crate::object::Class;
use crate::value::{Dict, Value};
use asyncio_engine::PyResult;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub struct DictView {
    pub dict: Rc<Dict>,
    pub kind: ViewKind,
}

pub fn view(d: &Rc<Dict>, kind: ViewKind) -> Value {
    Value::native(DictView { dict: d.clone(), kind })
}

impl DictView {
    fn items(&self) -> Vec<Value> {
        let t = self.dict.table.borrow();
        match self.kind {
            ViewKind::Keys => t.keys(),
            ViewKind::Values => t.values(),
            ViewKind::Items => t.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
        }
    }
    fn name(&self) -> &'static str {
        let ordered = self.dict.kind.get() == crate::value::DictKind::Ordered;
        match (self.kind, ordered) {
            (ViewKind::Keys, false) => "dict_keys",
            (ViewKind::Values, false) => "dict_values",
            (ViewKind::Items, false) => "dict_items",
            (ViewKind::Keys, true) => "odict_keys",
            (ViewKind::Values, true) => "odict_values",
            (ViewKind::Items, true) => "odict_items",
        }
    }
}

impl Native for DictView {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native(self.name())
    }
    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("{}({})", self.name(), text::repr(&Value::list(self.items()))?))
    }
    fn iter(&self, _this: &Value) -> Option<PyResult<Value>> {
        let name = match self.kind {
            ViewKind::Keys => "dict_keyiterator",
            ViewKind::Values => "dict_valueiterator",
            ViewKind::Items => "dict_itemiterator",
        };
        Some(Ok(IterObj::value(Iter::over_dict(&self.dict, self.items()), name)))
    }
    fn len(&self) -> Option<usize> {
        Some(self.dict.len())
    }
    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(match self.kind {
            ViewKind::Keys => ops::dict_get(&self.dict, item).map(|v| v.is_some()),
            _ => ops::contains(&Value::list(self.items()), item),
        })
    }
    fn eq(&self, this: &Value, other: &Value) -> Option<PyResult<bool>> {
        let o = other.as_native::<DictView>()?;
        // Values views have no `==` of their own: only the same view is equal.
        if self.kind == ViewKind::Values || o.kind == ViewKind::Values {
            return Some(Ok(this.is(other)));
        }
        Some(ops::eq(&Value::list(self.items()), &Value::list(o.items())))
    }
    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if name != "isdisjoint" || self.kind == ViewKind::Values {
            return None;
        }
        Some(Ok(crate::native::method::<DictView>("isdisjoint", this, |_, me, args, _| {
            crate::native::arity("isdisjoint", &args, 1, 1)?;
            for item in crate::interp::iter::collect(&args[0])? {
                if ops::contains(me, &item)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        })))
    }
}

/// A keys or items view compared with a set or another such view compares
/// as a set (`d.keys() == {'a'}`, `d.keys() <= s`): both sides as sets.
pub fn views_as_sets(a: &Value, b: &Value) -> PyResult<Option<(Value, Value)>> {
    let either = set_like(a).is_some() || set_like(b).is_some();
    let comparable = |v: &Value| matches!(v, Value::Set(_)) || set_like(v).is_some();
    if !either || !comparable(a) || !comparable(b) {
        return Ok(None);
    }
    let as_set = |v: &Value| -> PyResult<Value> {
        match v {
            Value::Set(_) => Ok(v.clone()),
            _ => Ok(Value::Set(crate::builtins::sets::new_from(false, Some(v))?)),
        }
    };
    Ok(Some((as_set(a)?, as_set(b)?)))
}

fn set_like(v: &Value) -> Option<&DictView> {
    v.as_native::<DictView>().filter(|d| d.kind != ViewKind::Values)
}

/// `&`, `|`, `-`, `^` with a keys or items view on either side: a set, built
/// as CPython's `dictviews_*` build it (`set(left)` updated by the right,
/// or for `&` the view's entries found walking the other operand).
pub fn set_op(op: crate::ast::BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    use crate::ast::BinOp as B;
    use crate::builtins::sets;
    if !matches!(op, B::BitAnd | B::BitOr | B::Sub | B::BitXor)
        || (set_like(a).is_none() && set_like(b).is_none())
    {
        return Ok(None);
    }
    if op == B::BitAnd {
        let (mut view, mut other) = if set_like(a).is_some() { (a, b) } else { (b, a) };
        let len = set_like(view).map_or(0, |v| v.dict.len());
        match other {
            Value::Set(o) if !o.frozen && len <= o.len() => {
                return Ok(Some(Value::Set(sets::intersection(o, view)?)));
            }
            _ if set_like(other).is_some_and(|o| o.dict.len() > len) => std::mem::swap(&mut view, &mut other),
            _ => {}
        }
        let result = crate::value::SetObj::new(false);
        for key in crate::interp::iter::collect(other)? {
            if ops::contains(view, &key)? {
                sets::add(&result, key)?;
            }
        }
        return Ok(Some(Value::Set(result)));
    }
    let result = sets::new_from(false, Some(a))?;
    match op {
        B::Sub => sets::difference_update(&result, b)?,
        B::BitOr => sets::update(&result, b)?,
        _ => sets::symmetric_difference_update(&result, b)?,
    }
    Ok(Some(Value::Set(result)))
}
