"""collections.abc: the playground's, in Python.

The abstract classes as annotations (`AsyncIterator[int]`), in `isinstance`
(a builtin value or an instance whose class has the methods answers True)
and as bases with CPython's mixin methods (`Sequence` gives `__iter__`,
`__contains__`, `index`, `count` from `__getitem__` and `__len__`). `register`
adds a virtual subclass.
"""

__all__ = [
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
    "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized",
    "Container", "Callable", "Collection", "Set", "MutableSet", "Mapping",
    "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView",
    "Sequence", "MutableSequence", "ByteString",
]


def _has(value, names):
    cls = type(value)
    return all(getattr(cls, name, None) is not None for name in names)


def _is_builtin_class(cls):
    return cls.__name__ in _KNOWN and cls.__module__ in ("builtins", "collections")


def _is_a(value, builtin_names):
    cls = type(value)
    return cls.__name__ in builtin_names and cls.__module__ in ("builtins", "collections")


class _ABCMeta(type):
    def __instancecheck__(cls, value):
        if type(value) in cls._registry or any(isinstance(value, v) for v in cls._registry):
            return True
        if isinstance(type(value), _ABCMeta) and cls in type(value).__mro__:
            return True
        return cls._check(value)

    def __subclasscheck__(cls, sub):
        if cls in sub.__mro__ or any(issubclass(sub, v) for v in cls._registry):
            return True
        return cls._check_class(sub)


class _Abstract:
    __metaclass__ = _ABCMeta
    __slots__ = ()
    _registry = ()
    _builtins = ()
    _methods = ()
    # False where CPython's ABC has no `__subclasshook__` (only registered
    # and derived classes are its subclasses).
    _hook = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._registry = []

    @classmethod
    def _check(cls, value):
        return _is_a(value, cls._builtins) or (not _is_a(value, _ALL_BUILTINS) and _has(value, cls._methods))

    @classmethod
    def _check_class(cls, sub):
        # `issubclass(dict, MutableMapping)`: a builtin type (or a class
        # deriving from one) by name, as CPython registers them; another
        # class by its methods where the ABC has a `__subclasshook__`.
        builtins = [b for b in sub.__mro__ if _is_builtin_class(b)]
        if cls._builtins and any(b.__name__ in cls._builtins for b in builtins):
            return True
        if (cls._builtins and builtins and builtins[0] is sub) or not cls._hook or not cls._methods:
            return False
        return all(getattr(sub, name, None) is not None for name in cls._methods)

    @classmethod
    def register(cls, subclass):
        cls._registry.append(subclass)
        return subclass

    def __class_getitem__(cls, item):
        return cls


_ALL_BUILTINS = {
    "int", "float", "bool", "complex", "str", "bytes", "tuple", "list", "dict", "set",
    "frozenset", "range", "NoneType", "function", "builtin_function_or_method", "type",
    "dict_keys", "dict_values", "dict_items", "generator", "coroutine", "async_generator",
}
_ITERATORS = {
    "generator", "list_iterator", "tuple_iterator", "str_iterator", "range_iterator",
    "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "set_iterator",
    "map", "filter", "zip", "enumerate", "reversed", "list_reverseiterator",
}
_SEQUENCES = {"str", "tuple", "list", "range", "bytes"}
_SETS = {"set", "frozenset", "dict_keys", "dict_items"}
_DICTS = {"dict", "defaultdict", "OrderedDict", "Counter"}
_SIZED = _SEQUENCES | _SETS | _DICTS | {"dict_values", "deque"}
_KNOWN = _ALL_BUILTINS | _ITERATORS | _SIZED


class Hashable(_Abstract):
    _methods = ("__hash__",)

    @classmethod
    def _check_class(cls, sub):
        # The builtin types whose `__hash__` is None in CPython.
        if _is_builtin_class(sub):
            return sub.__name__ not in _SETS - {"frozenset"} | _DICTS | {"list", "deque"}
        return getattr(sub, "__hash__", None) is not None

    @classmethod
    def _check(cls, value):
        try:
            hash(value)
        except TypeError:
            return False
        return True


class Awaitable(_Abstract):
    _builtins = {"coroutine"}
    _methods = ("__await__",)

    @classmethod
    def _check(cls, value):
        return _is_a(value, cls._builtins) or type(value).__name__ in ("Task", "Future") or _has(value, cls._methods)


class Coroutine(Awaitable):
    _builtins = {"coroutine"}
    _methods = ("__await__", "send", "throw", "close")


class AsyncIterable(_Abstract):
    _builtins = {"async_generator"}
    _methods = ("__aiter__",)


class AsyncIterator(AsyncIterable):
    _methods = ("__aiter__", "__anext__")

    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    _methods = ("__aiter__", "__anext__", "asend", "athrow", "aclose")


class Iterable(_Abstract):
    _builtins = _SIZED | _ITERATORS
    _methods = ("__iter__",)


class Iterator(Iterable):
    _builtins = _ITERATORS
    _methods = ("__iter__", "__next__")

    def __iter__(self):
        return self


class Generator(Iterator):
    _builtins = {"generator"}
    _methods = ("__iter__", "__next__", "send", "throw", "close")


class Reversible(Iterable):
    _builtins = _SEQUENCES | _DICTS | {"deque", "dict_keys", "dict_values", "dict_items"}
    _methods = ("__reversed__", "__iter__")


class Sized(_Abstract):
    _builtins = _SIZED
    _methods = ("__len__",)


class Container(_Abstract):
    _builtins = _SIZED
    _methods = ("__contains__",)


class Collection(Sized, Iterable, Container):
    _builtins = _SIZED
    _methods = ("__len__", "__iter__", "__contains__")


class Callable(_Abstract):
    _builtins = {"function", "builtin_function_or_method", "type"}
    _methods = ("__call__",)

    @classmethod
    def _check(cls, value):
        return callable(value)


class Sequence(Reversible, Collection):
    """Mixins: `__iter__`, `__contains__`, `__reversed__`, `index`, `count`."""

    _builtins = _SEQUENCES | {"deque"}
    _methods = ()
    _hook = False

    @classmethod
    def _check(cls, value):
        return _is_a(value, cls._builtins)

    def __iter__(self):
        i = 0
        try:
            while True:
                yield self[i]
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        return any(v is value or v == value for v in self)

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


class MutableSequence(Sequence):
    """Mixins: `append`, `extend`, `pop`, `remove`, `reverse`, `clear`, `+=`."""

    _builtins = {"list", "deque"}

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


class Set(Collection):
    """Mixins: comparisons, `isdisjoint`."""

    _builtins = _SETS
    _hook = False

    @classmethod
    def _check(cls, value):
        return _is_a(value, cls._builtins)

    def __le__(self, other):
        return len(self) <= len(other) and all(v in other for v in self)

    def __ge__(self, other):
        return len(self) >= len(other) and all(v in self for v in other)

    def __eq__(self, other):
        return len(self) == len(other) and self.__le__(other)

    def isdisjoint(self, other):
        return not any(v in self for v in other)


class MutableSet(Set):
    _builtins = {"set"}

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)


class Mapping(Collection):
    """Mixins: `__contains__`, `keys`, `items`, `values`, `get`, `__eq__`."""

    _builtins = _DICTS
    _hook = False

    @classmethod
    def _check(cls, value):
        return _is_a(value, cls._builtins)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __eq__(self, other):
        return dict(self.items()) == dict(other.items())


_MISSING = object()


class MutableMapping(Mapping):
    """Mixins: `pop`, `popitem`, `clear`, `update`, `setdefault`."""

    def pop(self, key, default=_MISSING):
        try:
            value = self[key]
        except KeyError:
            if default is _MISSING:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class MappingView(Sized):
    _builtins = {"dict_keys", "dict_values", "dict_items"}
    _hook = False


class KeysView(MappingView, Set):
    _builtins = {"dict_keys"}


class ItemsView(MappingView, Set):
    _builtins = {"dict_items"}


class ValuesView(MappingView, Collection):
    _builtins = {"dict_values"}


class ByteString(Sequence):
    _builtins = {"bytes"}
