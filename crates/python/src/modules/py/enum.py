"""Enumerations: the playground's enum, in Python.

`Enum`, `IntEnum`, `StrEnum`, `auto` and `unique` as CPython 3.11 prints and
checks them. The playground cannot subclass `int`, `float` or `str`: in
`class Code(int, Enum)` (and `IntEnum`, `StrEnum`) the interpreter takes the
data type out of the bases and names it `_member_type_` (`isinstance` still
answers True), and `_mix_in` makes the members compare, hash and compute as
their values and lend them their methods. `Flag`, `IntFlag` and the
functional API (`Enum('Color', 'RED GREEN')`) raise NotImplementedError.
"""


class EnumType(type):
    """The metaclass of enumerations: a class is the collection of its members."""

    def __call__(cls, value, names=None, **kwargs):
        if names is not None:
            raise NotImplementedError(
                "the functional API of enum (%s(%r, ...)) is not supported in the playground"
                % (cls.__name__, value)
            )
        return _lookup(cls, value)

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (type(member).__qualname__, type(cls).__qualname__)
            )
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, name))
        super().__delattr__(name)


EnumMeta = EnumType


class _AutoValue:
    pass


_AUTO = _AutoValue()


class auto:
    """A member's value chosen by `_generate_next_value_` (1, 2, 3... by default)."""

    def __init__(self, value=_AUTO):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value


def _lookup(cls, value):
    """`Color(value)`: the member with that value, else `_missing_`'s answer."""
    if type(value) is cls:
        return value
    try:
        return cls._value2member_map_[value]
    except (KeyError, TypeError):
        pass
    for member in cls._member_map_.values():
        if member._value_ == value:
            return member
    found = cls._missing_(value)
    if isinstance(found, cls):
        return found
    if found is not None:
        raise TypeError(
            "error in %s._missing_: returned %r instead of None or a valid member"
            % (cls.__name__, found)
        )
    raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))


def _is_descriptor(obj):
    return isinstance(obj, (_FUNCTION, property, classmethod, staticmethod)) or any(
        hasattr(type(obj), name) for name in ("__get__", "__set__", "__delete__")
    )


def _FUNCTION_TYPE():
    pass


_FUNCTION = type(_FUNCTION_TYPE)


def _is_member_name(cls, name):
    if len(name) > 1 and name[0] == "_" and name[-1] == "_":
        return False  # _sunder_ and __dunder__
    return not name.startswith("_%s__" % cls.__name__.lstrip("_"))


def _own(cls, name):
    """The first definition of `name` below `Enum` in `cls`'s bases, if any."""
    for klass in cls.__mro__:
        if klass is Enum:
            return None
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


def _make_members(cls):
    last_values = []
    new = _own(cls, "__new__")
    init = _own(cls, "__init__")
    for name, value in list(cls.__dict__.items()):
        if not _is_member_name(cls, name) or _is_descriptor(value):
            continue
        if isinstance(value, auto):
            if value.value is _AUTO:
                value.value = cls._generate_next_value_(name, 1, len(cls._member_names_), last_values[:])
            value = value.value
        last_values.append(value)
        _add_member(cls, name, value, new, init)


def _add_member(cls, name, value, new, init):
    args = value if isinstance(value, tuple) else (value,)
    if new is not None:
        member = new(cls, *args)
    else:
        member = object.__new__(cls)
    if not hasattr(member, "_value_"):
        mixed = cls._member_type_
        member._value_ = value if mixed is None else mixed(*args)
    canonical = None
    for other in cls._member_map_.values():
        if other._value_ == member._value_:
            canonical = other
            break
    if canonical is None:
        member._name_ = name
        member.__objclass__ = cls
        if init is not None:
            init(member, *args)
        cls._member_names_.append(name)
        canonical = member
    setattr(cls, name, canonical)
    cls._member_map_[name] = canonical
    try:
        cls._value2member_map_.setdefault(canonical._value_, canonical)
    except TypeError:
        pass


class Enum:
    """Named constants: each member is an instance of its class, made once."""

    __metaclass__ = EnumType
    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}
    _member_type_ = None
    __members__ = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for base in cls.__mro__[1:]:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError("%r cannot extend %r" % (cls, base))
        if cls.__dict__.get("_member_type_") is not None:
            _mix_in(cls, cls._member_type_)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        _make_members(cls)
        cls.__members__ = dict(cls._member_map_)

    def __new__(cls, value):
        return _lookup(cls, value)

    def __init__(self, *args, **kwargs):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        """The member's name."""
        return self._name_

    @property
    def value(self):
        """The member's value."""
        return self._value_

    @name.setter
    def name(self, _):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'name'")

    @value.setter
    def value(self, _):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'value'")

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)


class ReprEnum(Enum):
    """An enum whose str() and format() are its value's; repr() stays the enum's."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


_OPERATORS = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
    "add": lambda a, b: a + b,
    "mul": lambda a, b: a * b,
    "mod": lambda a, b: a % b,
    "sub": lambda a, b: a - b,
    "truediv": lambda a, b: a / b,
    "floordiv": lambda a, b: a // b,
    "pow": lambda a, b: a**b,
    "divmod": divmod,
    "and": lambda a, b: a & b,
    "or": lambda a, b: a | b,
    "xor": lambda a, b: a ^ b,
    "lshift": lambda a, b: a << b,
    "rshift": lambda a, b: a >> b,
}
_UNARY = {
    "hash": hash,
    "bool": bool,
    "int": int,
    "float": float,
    "index": lambda v: v,
    "neg": lambda v: -v,
    "pos": lambda v: +v,
    "abs": abs,
    "invert": lambda v: ~v,
    "len": len,
    "iter": iter,
}
_COMPARE = "eq ne lt le gt ge".split()
_SHARED = "add mul mod".split()
_NUMBER = "sub truediv floordiv pow divmod".split()
_INTEGER = "and or xor lshift rshift".split()
_BY_TYPE = {
    int: (_COMPARE, _SHARED + _NUMBER + _INTEGER, "hash bool int float index neg pos abs invert".split()),
    float: (_COMPARE, _SHARED + _NUMBER, "hash bool int float neg pos abs".split()),
    str: (_COMPARE, _SHARED, "hash bool len iter".split()),
}


def _binary(op, reflected):
    def method(self, other):
        if isinstance(other, Enum):
            if type(other)._member_type_ is None:
                return NotImplemented
            other = other._value_
        return op(other, self._value_) if reflected else op(self._value_, other)

    return method


def _unary(op):
    return lambda self: op(self._value_)


def _value_attribute(self, name):
    if name.startswith("_"):
        raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))
    return getattr(self._value_, name)


def _str_contains(self, item):
    return (item._value_ if isinstance(item, Enum) else item) in self._value_


def _str_getitem(self, key):
    return self._value_[key]


def _mix_in(cls, kind):
    """Members of `class C(int, Enum)` (and IntEnum, StrEnum) act as their
    values: they compare, hash and compute with them and lend their methods."""
    compare, arithmetic, unary = _BY_TYPE[kind]
    methods = {"__getattr__": _value_attribute}
    for name in compare:
        methods["__%s__" % name] = _binary(_OPERATORS[name], False)
    for name in arithmetic:
        methods["__%s__" % name] = _binary(_OPERATORS[name], False)
        methods["__r%s__" % name] = _binary(_OPERATORS[name], True)
    for name in unary:
        methods["__%s__" % name] = _unary(_UNARY[name])
    if kind is str:
        methods["__contains__"] = _str_contains
        methods["__getitem__"] = _str_getitem
    for name, method in methods.items():
        if name not in cls.__dict__:
            setattr(cls, name, method)


class IntEnum(int, ReprEnum):
    """Members that are numbers: they compare and compute with ints."""


class StrEnum(str, ReprEnum):
    """Members that are strings: they compare and join with strs."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _unsupported(cls, **kwargs):
    raise NotImplementedError("enum.Flag and enum.IntFlag are not supported in the playground")


class Flag(Enum):
    """Not available: subclassing it raises NotImplementedError."""

    __init_subclass__ = classmethod(_unsupported)


class IntFlag(Enum):
    """Not available, as Flag."""

    __init_subclass__ = classmethod(_unsupported)


def unique(enumeration):
    """A class decorator: ValueError if two names share a value."""
    duplicates = [
        (name, member.name) for name, member in enumeration.__members__.items() if name != member.name
    ]
    if duplicates:
        details = ", ".join("%s -> %s" % pair for pair in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, details))
    return enumeration


def member(value):
    """Not available."""
    raise NotImplementedError("enum.member is not supported in the playground")


def nonmember(value):
    """Not available."""
    raise NotImplementedError("enum.nonmember is not supported in the playground")
