"""Shallow and deep copies: the playground's copy, in Python.

Follows CPython's copy module: immutable values are returned as they are,
containers are rebuilt, an object's `__copy__` / `__deepcopy__` is used
when it has one, and any other instance is made with `cls.__new__(cls)`
and given (a copy of) the original's attributes.
"""

from collections import Counter, OrderedDict, defaultdict, deque


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, range, type(Ellipsis), type(NotImplemented))
_CALLABLE_KINDS = ("function", "builtin_function_or_method", "method", "property")


def _atomic(x):
    return type(x) in _ATOMIC or isinstance(x, type) or type(x).__name__ in _CALLABLE_KINDS


def _state(x):
    # The attributes an instance carries: its __dict__ and its slots.
    state = dict(getattr(x, "__dict__", {}))
    for klass in type(x).__mro__:
        slots = getattr(klass, "__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if hasattr(x, name):
                state[name] = getattr(x, name)
    return state


def _restore(y, state):
    if hasattr(y, "__setstate__") and not hasattr(type(y), "__slots__"):
        y.__setstate__(state)
        return
    for name, value in state.items():
        object.__setattr__(y, name, value)


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if _atomic(x) or cls in (tuple, frozenset):
        return x
    if cls in (list, dict, set):
        return x.copy()
    if cls is deque:
        return deque(x, x.maxlen)
    if cls is defaultdict:
        return defaultdict(x.default_factory, x)
    if cls in (OrderedDict, Counter):
        return cls(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    y = cls.__new__(cls)
    if isinstance(x, list):
        y.extend(x)
    elif isinstance(x, dict):
        y.update(x)
    _restore(y, _state(x))
    return y


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: every object it holds is copied once (shared objects stay shared)."""
    if memo is None:
        memo = {}
    key = id(x)
    found = memo.get(key, _nil)
    if found is not _nil:
        return found
    cls = type(x)
    if _atomic(x):
        return x
    if cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if key in memo:
            return memo[key]
        same = all(a is b for a, b in zip(items, x))
        y = x if same else tuple(items)
    elif cls in (dict, OrderedDict, Counter, defaultdict):
        y = defaultdict(x.default_factory) if cls is defaultdict else cls()
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls in (set, frozenset):
        y = cls(deepcopy(list(x), memo))
    elif cls is deque:
        y = deque(maxlen=x.maxlen)
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif getattr(cls, "__deepcopy__", None) is not None:
        y = x.__deepcopy__(memo)
    else:
        y = cls.__new__(cls)
        memo[key] = y
        if isinstance(x, list):
            y.extend(deepcopy(item, memo) for item in x)
        elif isinstance(x, dict):
            for k, v in x.items():
                y[deepcopy(k, memo)] = deepcopy(v, memo)
        _restore(y, deepcopy(_state(x), memo))
    if y is not x:
        memo[key] = y
        # Keep x alive while memo lives, as CPython's _keep_alive does: a
        # temporary's id (the state dict above) must not be reused by the
        # next object copied.
        memo.setdefault(id(memo), []).append(x)
    return y
