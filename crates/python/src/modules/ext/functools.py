"""functools' parts written in Python (the rest is modules/misc.rs):
cached_property, cmp_to_key and singledispatch, as CPython's behave."""

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance, then kept in its __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        cache = instance.__dict__
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val


def cmp_to_key(mycmp):
    """Turn an old-style comparison function into a key for sorted()."""

    class K:
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


def _is_union(cls):
    # `int | float` or `typing.Union[int, float]`: each member is registered.
    return type(cls).__name__ == "UnionType" or repr(getattr(cls, "__origin__", None)) == "typing.Union"


def singledispatch(func):
    """A function whose implementation is chosen by its first argument's type."""
    registry = {object: func}
    funcname = getattr(func, "__name__", "singledispatch function")

    def dispatch(cls):
        # The class's own MRO first, then the most derived of the registered
        # abstract classes it is a subclass of (`Sequence` for a list), as
        # CPython's `_compose_mro` places them before `object`.
        for klass in cls.__mro__[:-1]:
            if klass in registry:
                return registry[klass]
        abcs = [k for k in registry if k is not object and k not in cls.__mro__ and issubclass(cls, k)]
        for k in abcs:
            if all(issubclass(k, other) for other in abcs):
                return registry[k]
        return registry[abcs[0]] if abcs else registry[object]

    def register(cls, func=None):
        if func is None:
            if isinstance(cls, type) or _is_union(cls):
                return lambda f: register(cls, f)
            ann = getattr(cls, "__annotations__", {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function."
                )
            func = cls
            argname, cls = next(iter(ann.items()))
            if not isinstance(cls, type) and not _is_union(cls):
                raise TypeError(f"Invalid annotation for {argname!r}. {cls!r} is not a class.")
        for klass in cls.__args__ if _is_union(cls) else (cls,):
            registry[klass] = func
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f"{funcname} requires at least 1 positional argument")
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """A method whose implementation is chosen by its first argument after
    `self` (or `cls`): `@singledispatchmethod`, then `@name.register`."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)
