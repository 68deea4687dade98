//! The builtin classes: `object`, `int`, `str` ..., and the exception
//! hierarchy of Python 3.11 (with asyncio's own exceptions).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use asyncio_engine::exception::types;

use crate::object::{Attrs, BuiltinType, Class};

/// Makes a builtin class deriving from `bases`.
pub fn make_class(name: &str, module: &str, bases: &[&Rc<Class>], kind: BuiltinType) -> Rc<Class> {
    let bases: Vec<Rc<Class>> = bases.iter().map(|b| (*b).clone()).collect();
    let is_exception = kind == BuiltinType::Exception || bases.iter().any(|b| b.is_exception);
    let base_only =
        is_exception && name != "Exception" && !bases.iter().any(|b| b.is_exception && !b.base_only);
    let class = Rc::new(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        module: Rc::from(module),
        bases: bases.clone(),
        ancestors: RefCell::new(Vec::new()),
        dict: RefCell::new(Attrs::default()),
        builtin: kind,
        is_exception,
        base_only,
        def: None,
        meta: None,
    });
    let mut mro: Vec<Rc<Class>> = Vec::new();
    // Builtin hierarchies are single inheritance apart from ExceptionGroup.
    for b in &bases {
        for c in b.mro() {
            if !mro.iter().any(|m| Rc::ptr_eq(m, &c)) {
                mro.push(c);
            }
        }
    }
    // `object` last.
    if let Some(i) = mro.iter().position(|c| c.builtin == BuiltinType::Object && c.bases.is_empty()) {
        let obj = mro.remove(i);
        mro.push(obj);
    }
    *class.ancestors.borrow_mut() = mro;
    class
}

/// Every builtin class the interpreter needs by kind.
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub bytes: Rc<Class>,
    pub tuple: Rc<Class>,
    pub list: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub base_exception: Rc<Class>,
    pub exception: Rc<Class>,
    /// Every exception class by name (builtins and asyncio's).
    pub exceptions: HashMap<&'static str, Rc<Class>>,
    /// Exception classes made on demand for engine errors with other names.
    pub extra_exceptions: RefCell<HashMap<String, Rc<Class>>>,
    /// Classes of native objects by name (`Task`, `Future`, `Lock` ...).
    pub natives: RefCell<HashMap<&'static str, Rc<Class>>>,
}

/// (name, base, module) of the builtin exceptions, parents first.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    ("Exception", "BaseException", "builtins"),
    ("GeneratorExit", "BaseException", "builtins"),
    ("KeyboardInterrupt", "BaseException", "builtins"),
    ("SystemExit", "BaseException", "builtins"),
    ("CancelledError", "BaseException", "asyncio.exceptions"),
    ("BaseExceptionGroup", "BaseException", "builtins"),
    ("ArithmeticError", "Exception", "builtins"),
    ("FloatingPointError", "ArithmeticError", "builtins"),
    ("OverflowError", "ArithmeticError", "builtins"),
    ("ZeroDivisionError", "ArithmeticError", "builtins"),
    ("AssertionError", "Exception", "builtins"),
    ("AttributeError", "Exception", "builtins"),
    ("BufferError", "Exception", "builtins"),
    ("EOFError", "Exception", "builtins"),
    ("ImportError", "Exception", "builtins"),
    ("ModuleNotFoundError", "ImportError", "builtins"),
    ("LookupError", "Exception", "builtins"),
    ("IndexError", "LookupError", "builtins"),
    ("KeyError", "LookupError", "builtins"),
    ("MemoryError", "Exception", "builtins"),
    ("NameError", "Exception", "builtins"),
    ("UnboundLocalError", "NameError", "builtins"),
    ("OSError", "Exception", "builtins"),
    ("TimeoutError", "OSError", "builtins"),
    ("ConnectionError", "OSError", "builtins"),
    ("ConnectionResetError", "ConnectionError", "builtins"),
    ("ConnectionRefusedError", "ConnectionError", "builtins"),
    ("BrokenPipeError", "ConnectionError", "builtins"),
    ("ConnectionAbortedError", "ConnectionError", "builtins"),
    ("BlockingIOError", "OSError", "builtins"),
    ("ChildProcessError", "OSError", "builtins"),
    ("FileExistsError", "OSError", "builtins"),
    ("InterruptedError", "OSError", "builtins"),
    ("IsADirectoryError", "OSError", "builtins"),
    ("NotADirectoryError", "OSError", "builtins"),
    ("ProcessLookupError", "OSError", "builtins"),
    ("FileNotFoundError", "OSError", "builtins"),
    ("PermissionError", "OSError", "builtins"),
    ("ReferenceError", "Exception", "builtins"),
    ("RuntimeError", "Exception", "builtins"),
    ("NotImplementedError", "RuntimeError", "builtins"),
    ("RecursionError", "RuntimeError", "builtins"),
    ("StopAsyncIteration", "Exception", "builtins"),
    ("StopIteration", "Exception", "builtins"),
    ("SyntaxError", "Exception", "builtins"),
    ("IndentationError", "SyntaxError", "builtins"),
    ("TabError", "IndentationError", "builtins"),
    ("SystemError", "Exception", "builtins"),
    ("TypeError", "Exception", "builtins"),
    ("ValueError", "Exception", "builtins"),
    ("UnicodeError", "ValueError", "builtins"),
    ("UnicodeDecodeError", "UnicodeError", "builtins"),
    ("UnicodeEncodeError", "UnicodeError", "builtins"),
    ("UnicodeTranslateError", "UnicodeError", "builtins"),
    ("Warning", "Exception", "builtins"),
    ("UserWarning", "Warning", "builtins"),
    ("DeprecationWarning", "Warning", "builtins"),
    ("RuntimeWarning", "Warning", "builtins"),
    ("PendingDeprecationWarning", "Warning", "builtins"),
    ("SyntaxWarning", "Warning", "builtins"),
    ("FutureWarning", "Warning", "builtins"),
    ("ImportWarning", "Warning", "builtins"),
    ("UnicodeWarning", "Warning", "builtins"),
    ("BytesWarning", "Warning", "builtins"),
    ("ResourceWarning", "Warning", "builtins"),
    ("EncodingWarning", "Warning", "builtins"),
    ("InvalidStateError", "Exception", "asyncio.exceptions"),
    (types::DEADLOCK, "RuntimeError", "vclock"),
    (types::RUNAWAY, "BaseException", "playground"),
    ("QueueEmpty", "Exception", "asyncio.queues"),
    ("QueueFull", "Exception", "asyncio.queues"),
    ("BrokenBarrierError", "RuntimeError", "asyncio.exceptions"),
    ("LimitOverrunError", "Exception", "asyncio.exceptions"),
    ("IncompleteReadError", "EOFError", "asyncio.exceptions"),
    ("BrokenExecutor", "RuntimeError", "concurrent.futures._base"),
    ("BrokenProcessPool", "BrokenExecutor", "concurrent.futures.process"),
    ("BrokenThreadPool", "BrokenExecutor", "concurrent.futures.thread"),
    ("FrozenInstanceError", "AttributeError", "dataclasses"),
];

/// The module CPython defines a native class in (`<class 'asyncio.locks.Lock'>`).
fn native_module(name: &str) -> &'static str {
    match name {
        "Future" | "Task" => "_asyncio",
        "Lock" | "Event" | "Condition" | "Semaphore" | "BoundedSemaphore" => "asyncio.locks",
        "Queue" | "PriorityQueue" | "LifoQueue" => "asyncio.queues",
        "TaskGroup" => "asyncio.taskgroups",
        "_GatheringFuture" => "asyncio.tasks",
        "Timeout" => "asyncio.timeouts",
        "_UnixSelectorEventLoop" => "asyncio.unix_events",
        "BaseSelectorEventLoop" => "asyncio.selector_events",
        "BaseEventLoop" => "asyncio.base_events",
        "AbstractEventLoop" | "Handle" | "TimerHandle" => "asyncio.events",
        "Random" => "random",
        "deque" | "defaultdict" | "OrderedDict" | "Counter" => "collections",
        "partial" | "CacheInfo" | "_lru_cache_wrapper" => "functools",
        "Field" | "_MISSING_TYPE" | "InitVar" | "_DataclassParams" => "dataclasses",
        "suppress" | "nullcontext" | "_GeneratorContextManager" | "_AsyncGeneratorContextManager" => {
            "contextlib"
        }
        "_GenericAlias" | "_UnionGenericAlias" | "_SpecialForm" => "typing",
        "GenericAlias" => "types",
        "TextIOWrapper" => "_io",
        "UnionType" => "types",
        "TypeVar" => "typing",
        _ => "builtins",
    }
}

impl Types {
    pub fn new() -> Types {
        use BuiltinType as B;
        let object = make_class("object", "builtins", &[], B::Object);
        let c = |name: &str, kind| make_class(name, "builtins", &[&object], kind);
        let int = c("int", B::Int);
        let bool_ = make_class("bool", "builtins", &[&int], B::Bool);
        let base_exception = make_class("BaseException", "builtins", &[&object], B::Exception);
        let mut exceptions: HashMap<&'static str, Rc<Class>> = HashMap::new();
        exceptions.insert("BaseException", base_exception.clone());
        for (name, base, module) in EXCEPTIONS {
            let parent = exceptions[base].clone();
            let class = make_class(name, module, &[&parent], B::Exception);
            exceptions.insert(name, class);
        }
        let eg = make_class(
            "ExceptionGroup",
            "builtins",
            &[&exceptions["BaseExceptionGroup"], &exceptions["Exception"]],
            B::Exception,
        );
        exceptions.insert("ExceptionGroup", eg);
        Types {
            type_: c("type", B::Type),
            none: c("NoneType", B::NoneType),
            bool_,
            float: c("float", B::Float),
            str_: c("str", B::Str),
            bytes: c("bytes", B::Bytes),
            tuple: c("tuple", B::Tuple),
            list: c("list", B::List),
            dict: c("dict", B::Dict),
            set: c("set", B::Set),
            frozenset: c("frozenset", B::FrozenSet),
            range: c("range", B::Range),
            slice: c("slice", B::Slice),
            function: c("function", B::Function),
            builtin_function: c("builtin_function_or_method", B::Function),
            method: c("method", B::Function),
            property: c("property", B::Property),
            staticmethod: c("staticmethod", B::StaticMethod),
            classmethod: c("classmethod", B::ClassMethod),
            base_exception,
            exception: exceptions["Exception"].clone(),
            exceptions,
            extra_exceptions: RefCell::new(HashMap::new()),
            natives: RefCell::new(HashMap::new()),
            int,
            object,
        }
    }

    /// The class of native objects called `name` (made on first use).
    pub fn native(&self, name: &'static str) -> Rc<Class> {
        if let Some(c) = self.natives.borrow().get(name) {
            return c.clone();
        }
        // The collections' dicts are dicts (`isinstance(od, dict)`), a task is
        // a future, the loop an `AbstractEventLoop` by CPython's chain of bases.
        let parent = match name {
            "Task" | "_GatheringFuture" => Some("Future"),
            "TimerHandle" => Some("Handle"),
            "_UnixSelectorEventLoop" => Some("BaseSelectorEventLoop"),
            "BaseSelectorEventLoop" => Some("BaseEventLoop"),
            "BaseEventLoop" => Some("AbstractEventLoop"),
            _ => None,
        };
        let parent = parent.map(|p| self.native(p));
        let base = match (name, &parent) {
            (_, Some(p)) => p,
            ("OrderedDict" | "defaultdict" | "Counter", _) => &self.dict,
            _ => &self.object,
        };
        let class = make_class(name, native_module(name), &[base], BuiltinType::Native);
        self.natives.borrow_mut().insert(name, class.clone());
        class
    }

    /// The exception class called `name`, made on demand (deriving from
    /// Exception) for names the engine uses that Python does not have.
    pub fn exception_named(&self, name: &str) -> Rc<Class> {
        if let Some(c) = self.exceptions.get(name) {
            return c.clone();
        }
        if let Some(c) = self.extra_exceptions.borrow().get(name) {
            return c.clone();
        }
        let class = make_class(name, "builtins", &[&self.exception], BuiltinType::Exception);
        self.extra_exceptions.borrow_mut().insert(name.to_string(), class.clone());
        class
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}
