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
        match self.kind {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
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
        let items = self.items();
        let len = self.dict.len();
        let it = match self.kind {
            ViewKind::Keys => Iter::DictKeys { dict: self.dict.clone(), keys: items.into_iter(), len },
            _ => Iter::Items(items.into_iter()),
        };
        Some(Ok(IterObj::value(it, "dict_iterator")))
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
    fn eq(&self, _this: &Value, other: &Value) -> Option<PyResult<bool>> {
        let o = other.as_native::<DictView>()?;
        Some(ops::eq(&Value::list(self.items()), &Value::list(o.items())))
    }
}
