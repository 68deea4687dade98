"""Context variables: the playground's contextvars, in Python.

The current context's variables are a dict that `_ctx_current()` gives
(made on first use); `_ctx_swap(d)` makes another current. Each task step
and callback runs in its own context (see modules/contextvars.rs). The
classes show as CPython's (`_contextvars.ContextVar`) and their messages
are CPython's.
"""

_MISSING = object()


class Token:
    __module__ = '_contextvars'

    def __init__(self, data, var, old):
        self._data = data
        self._var = var
        self._old = old
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at {id(self):#x}>'


class _Missing:
    def __repr__(self):
        return '<Token.MISSING>'


Token.MISSING = _Missing()


class ContextVar:
    __module__ = '_contextvars'

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default

    def __class_getitem__(cls, item):
        return cls

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f'get expected at most 1 argument, got {len(args)}')
        data = _ctx_current()
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        data = _ctx_current()
        token = Token(data, self, data.get(self, Token.MISSING))
        data[self] = value
        return token

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f'expected an instance of Token, got {token!r}')
        if token._used:
            raise RuntimeError(f'{token!r} has already been used once')
        if token._var is not self:
            raise ValueError(f'{token!r} was created by a different ContextVar')
        data = _ctx_current()
        if token._data is not data:
            raise ValueError(f'{token!r} was created in a different Context')
        token._used = True
        if token._old is Token.MISSING:
            data.pop(self, None)
        else:
            data[self] = token._old

    def __repr__(self):
        default = '' if self._default is _MISSING else f' default={self._default!r}'
        return f'<ContextVar name={self._name!r}{default} at {id(self):#x}>'


def _check_key(var):
    if not isinstance(var, ContextVar):
        raise TypeError(f'a ContextVar key was expected, got {var!r}')


class Context:
    __module__ = '_contextvars'

    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f'cannot enter context: {self!r} is already entered')
        self._entered = True
        outer = _ctx_swap(self._data)
        try:
            return callable(*args, **kwargs)
        finally:
            _ctx_swap(outer)
            self._entered = False

    def copy(self):
        new = Context()
        new._data = dict(self._data)
        return new

    def __getitem__(self, var):
        _check_key(var)
        if var not in self._data:
            raise KeyError(var)
        return self._data[var]

    def get(self, var, default=None):
        _check_key(var)
        return self._data.get(var, default)

    def __contains__(self, var):
        _check_key(var)
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()


def copy_context():
    new = Context()
    new._data = dict(_ctx_current())
    return new
