"""The part of typing written in Python, run in a namespace holding the Rust
part's names (the aliases, TypeVar, Generic, NamedTuple, cast)."""

Text = str
AnyStr = TypeVar("AnyStr", bytes, str)


class TypedDict:
    """`class Movie(TypedDict)`: calling the class makes a plain dict."""

    def __init_subclass__(cls, /, total=True, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__total__ = total
        # Which keys must be there: the bases' sets, then this class's
        # annotations by `total` unless marked Required/NotRequired.
        required, optional = set(), set()
        for base in reversed(cls.__mro__[1:]):
            required |= set(base.__dict__.get("__required_keys__", ()))
            optional |= set(base.__dict__.get("__optional_keys__", ()))
        for key, ann in cls.__dict__.get("__annotations__", {}).items():
            kind = _qualifier(ann)
            if kind == "Required" or (kind is None and total):
                required.add(key)
                optional.discard(key)
            else:
                optional.add(key)
                required.discard(key)
        cls.__required_keys__ = frozenset(required)
        cls.__optional_keys__ = frozenset(optional)

    def __new__(cls, *args, **kwargs):
        if cls is TypedDict:
            raise NotImplementedError("the functional form of TypedDict is not supported in the playground")
        return dict(*args, **kwargs)


def _qualifier(ann):
    # "Required" or "NotRequired" for `Required[...]`/`NotRequired[...]`
    # (or their text, under `from __future__ import annotations`).
    if isinstance(ann, str):
        for q in ("Required", "NotRequired"):
            if ann.startswith(q + "[") or ann.startswith("typing." + q + "["):
                return q
        return None
    origin = repr(getattr(ann, "__origin__", None))
    return {"typing.Required": "Required", "typing.NotRequired": "NotRequired"}.get(origin)


def is_typeddict(tp):
    """True for a class made with `class X(TypedDict)`."""
    return isinstance(tp, type) and tp is not TypedDict and issubclass(tp, TypedDict)


class ForwardRef:
    """A string annotation kept for later evaluation (`ForwardRef('Node')`)."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_module__ = module

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__ and self.__forward_module__ == other.__forward_module__

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __repr__(self):
        module = "" if self.__forward_module__ is None else f", module={self.__forward_module__!r}"
        return f"ForwardRef({self.__forward_arg__!r}{module})"


class TypeVarTuple:
    """`Ts = TypeVarTuple('Ts')`: a variadic type variable (for annotations)."""

    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield Unpack[self]


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    """Marks a decorator, class or metaclass as making dataclass-like classes."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator


def no_type_check_decorator(decorator):
    """Accepted; marks nothing at run time."""
    return decorator


class NewType:
    """`UserId = NewType('UserId', int)`: calling it gives its argument back."""

    def __init__(self, name, tp):
        self.__name__ = self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = "__main__"

    def __repr__(self):
        return "%s.%s" % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x


_overloads = {}


def _overload_key(func):
    f = getattr(func, "__func__", func)
    return (getattr(f, "__module__", None), getattr(f, "__qualname__", None))


def get_overloads(func):
    """The @overload signatures recorded for `func`'s name, in order."""
    return list(_overloads.get(_overload_key(func), []))


def clear_overloads():
    """Forgets every recorded @overload signature."""
    _overloads.clear()


def overload(func):
    """Marks a signature; the undecorated definition that follows replaces it."""
    _overloads.setdefault(_overload_key(func), []).append(func)

    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @overload-ed."
        )

    return _overload_dummy


class _ParamSpecPart:
    def __init__(self, origin, part):
        self.__origin__ = origin
        self._part = part

    def __repr__(self):
        return "%s.%s" % (self.__origin__.__name__, self._part)


class ParamSpec:
    """`P = ParamSpec('P')`, for annotations: `P.args`, `P.kwargs`."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.args = _ParamSpecPart(self, "args")
        self.kwargs = _ParamSpecPart(self, "kwargs")

    def __repr__(self):
        return "~" + self.__name__


_NOT_MEMBERS = frozenset((
    '__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol', '_is_runtime_protocol',
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
    '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__',
    '__qualname__', '__init_subclass__', '__metaclass__',
))


def _protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = base.__dict__.get('__annotations__', {})
        for attr in list(base.__dict__) + list(annotations):
            if not attr.startswith('_abc_') and attr not in _NOT_MEMBERS and attr not in attrs:
                attrs.append(attr)
    return attrs


def _methods_only(cls):
    return all(callable(getattr(cls, attr, None)) for attr in _protocol_attrs(cls))


class _ProtocolMeta(type):
    def __instancecheck__(cls, instance):
        if cls.__dict__.get('_is_protocol', False) and not cls.__dict__.get('_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
        if cls in type(instance).__mro__:
            return True
        if not cls.__dict__.get('_is_protocol', False):
            return False
        for attr in _protocol_attrs(cls):
            if not hasattr(instance, attr):
                return False
            if callable(getattr(cls, attr, None)) and getattr(instance, attr) is None:
                return False
        return True

    def __subclasscheck__(cls, other):
        if cls in other.__mro__:
            return True
        if not cls.__dict__.get('_is_protocol', False):
            return False
        if not cls.__dict__.get('_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
        if not _methods_only(cls):
            raise TypeError("Protocols with non-method members don't support issubclass()")
        for attr in _protocol_attrs(cls):
            for base in other.__mro__:
                if attr in base.__dict__:
                    if base.__dict__[attr] is None:
                        return False
                    break
            else:
                return False
        return True


class Protocol:
    """`class P(Protocol)`: structural checks once `@runtime_checkable`."""

    __metaclass__ = _ProtocolMeta
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if '_is_protocol' not in cls.__dict__:
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)

    def __new__(cls, *args, **kwargs):
        if cls.__dict__.get('_is_protocol', False):
            raise TypeError('Protocols cannot be instantiated')
        return super().__new__(cls)


def runtime_checkable(cls):
    """Marks a Protocol class for isinstance() and issubclass() checks."""
    if not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


def final(f):
    """Accepted; marks nothing at run time."""
    return f


def no_type_check(f):
    """Accepted; marks nothing at run time."""
    return f


def assert_never(arg, /):
    """Raises AssertionError: a branch a type checker proves unreachable ran."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + "..."
    raise AssertionError("Expected code to be unreachable, but got: %s" % value)


def assert_type(val, typ, /):
    """Gives `val` back (a type checker's assertion)."""
    return val


def reveal_type(obj, /):
    """Prints `Runtime type is '...'` to stderr and gives `obj` back."""
    import sys

    print("Runtime type is %r" % type(obj).__name__, file=sys.stderr)
    return obj


def get_origin(tp):
    """`get_origin(list[int])` is `list`; None for what is not subscripted."""
    if type(tp).__name__ == "UnionType":
        return type(tp)
    return getattr(tp, "__origin__", None) if _is_alias(tp) else None


def get_args(tp):
    """`get_args(dict[str, int])` is `(str, int)`; `()` for what is not subscripted."""
    return tp.__args__ if _is_alias(tp) else ()


def _is_alias(tp):
    return type(tp).__name__ in ("GenericAlias", "_GenericAlias", "_UnionGenericAlias", "UnionType")


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a function, or of a class and its bases (None as
    NoneType); string annotations are refused (the playground has no eval)."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get("__annotations__", {}))
    else:
        hints = dict(getattr(obj, "__annotations__", {}))
    for name, value in hints.items():
        if value is None:
            hints[name] = type(None)
        elif isinstance(value, str):
            raise NotImplementedError(
                "get_type_hints() of a string annotation (%s: %r) is not supported in the playground" % (name, value)
            )
    return hints
