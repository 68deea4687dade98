//! `f.__code__`: a function's code object, with the attributes that say
//! what kind of function it is (`co_flags`, for `inspect`) and where it is.
//! The playground has no bytecode: no `co_code` or `co_consts`.

use std::any::Any;
use std::rc::Rc;

use super::Native;
use crate::interp::interp;
use crate::object::{Class, Function};
use crate::value::Value;
use asyncio_engine::PyResult;

/// `co_flags` bits, as CPython 3.11 sets them for a function.
const CO_OPTIMIZED: i64 = 0x1;
const CO_NEWLOCALS: i64 = 0x2;
const CO_VARARGS: i64 = 0x4;
const CO_VARKEYWORDS: i64 = 0x8;
const CO_NESTED: i64 = 0x10;
const CO_GENERATOR: i64 = 0x20;
const CO_COROUTINE: i64 = 0x80;
const CO_ITERABLE_COROUTINE: i64 = 0x100;
const CO_ASYNC_GENERATOR: i64 = 0x200;

/// A function's code object.
pub struct Code(pub Rc<Function>);

/// `co_varnames` of function `def`: the parameters in CPython's order
/// (positional, keyword-only, `*args`, `**kwargs`), then the other locals
/// that are not cells of inner functions.
pub fn varnames_of(def: &crate::ast::FunctionDef) -> Vec<Rc<str>> {
    let p = &def.params;
    let params: Vec<&Rc<str>> = p
        .posonly
        .iter()
        .chain(&p.args)
        .chain(&p.kwonly)
        .chain(p.vararg.iter())
        .chain(p.kwarg.iter())
        .map(|param| &param.name)
        .collect();
    let scope = def.scope.borrow();
    let others = scope.locals.iter().skip(params.len());
    params.into_iter().chain(others).cloned().collect()
}

impl Code {
    fn varnames(&self) -> Vec<Value> {
        varnames_of(&self.0.def).into_iter().map(Value::Str).collect()
    }

    fn flags(&self) -> i64 {
        let def = &self.0.def;
        let mut flags = CO_OPTIMIZED | CO_NEWLOCALS;
        if def.params.vararg.is_some() {
            flags |= CO_VARARGS;
        }
        if def.params.kwarg.is_some() {
            flags |= CO_VARKEYWORDS;
        }
        if def.qualname.contains("<locals>") {
            flags |= CO_NESTED;
        }
        flags |= match (def.is_async, def.is_generator) {
            (false, true) => CO_GENERATOR,
            (true, false) => CO_COROUTINE,
            (true, true) => CO_ASYNC_GENERATOR,
            (false, false) => 0,
        };
        if self.0.iterable_coroutine.get() {
            flags |= CO_ITERABLE_COROUTINE;
        }
        flags
    }
}

impl Native for Code {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class(&self) -> Rc<Class> {
        interp().types.native("code")
    }
    fn repr(&self, this: &Value) -> PyResult<String> {
        let def = &self.0.def;
        Ok(format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            def.name,
            this.id(),
            self.0.module.filename,
            def.pos.line
        ))
    }
    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        let def = &self.0.def;
        let count = |n: usize| Value::Int(n as i64);
        Some(Ok(match name {
            "co_name" => Value::Str(def.name.clone()),
            "co_qualname" => Value::Str(def.qualname.clone()),
            "co_filename" => Value::Str(self.0.module.filename.clone()),
            "co_firstlineno" => Value::Int(i64::from(def.first_line())),
            "co_argcount" => count(def.params.posonly.len() + def.params.args.len()),
            "co_posonlyargcount" => count(def.params.posonly.len()),
            "co_kwonlyargcount" => count(def.params.kwonly.len()),
            "co_flags" => Value::Int(self.flags()),
            "co_varnames" => Value::tuple(self.varnames()),
            "co_nlocals" => count(self.varnames().len()),
            _ => return None,
        }))
    }
}
