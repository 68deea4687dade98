"""`inspect`: what kind of object something is (is*), getmembers, unwrap,
and signature() of functions written in Python, after CPython 3.11's rules.
The playground has no frames or source files to inspect."""

import functools as _functools
import types as _types

CO_OPTIMIZED = 1
CO_NEWLOCALS = 2
CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_NESTED = 16
CO_GENERATOR = 32
CO_NOFREE = 64
CO_COROUTINE = 128
CO_ITERABLE_COROUTINE = 256
CO_ASYNC_GENERATOR = 512


def ismodule(object):
    return isinstance(object, _types.ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, _types.MethodType)


def isfunction(object):
    return isinstance(object, _types.FunctionType)


def isbuiltin(object):
    return isinstance(object, _types.BuiltinFunctionType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


def iscode(object):
    return isinstance(object, _types.CodeType)


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    while isinstance(f, _functools.partial):
        f = f.func
    if not (isfunction(f) or _signature_is_functionlike(f)):
        return False
    return bool(f.__code__.co_flags & flag)


def _signature_is_functionlike(obj):
    # A callable with a function's attributes (a bound method a partial wraps).
    if not callable(obj) or isclass(obj):
        return False
    code = getattr(obj, "__code__", None)
    defaults = getattr(obj, "__defaults__", None)
    kwdefaults = getattr(obj, "__kwdefaults__", None)
    annotations = getattr(obj, "__annotations__", None)
    return (isinstance(code, _types.CodeType) and isinstance(getattr(obj, "__name__", None), str)
            and (defaults is None or isinstance(defaults, tuple))
            and (kwdefaults is None or isinstance(kwdefaults, dict))
            and (annotations is None or isinstance(annotations, dict)))


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, _types.GeneratorType)


def iscoroutine(object):
    return isinstance(object, _types.CoroutineType)


def isasyncgen(object):
    return isinstance(object, _types.AsyncGeneratorType)


def isawaitable(object):
    return isinstance(object, _types.CoroutineType) or hasattr(type(object), "__await__")


def isabstract(object):
    return bool(isinstance(object, type) and getattr(object, "__abstractmethods__", False))


def getmembers(object, predicate=None):
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def unwrap(func, *, stop=None):
    f = func
    seen = {id(f)}
    while hasattr(f, "__wrapped__") and not (stop is not None and stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError(f"wrapper loop when unwrapping {func!r}")
        seen.add(id(f))
    return f


def getdoc(object):
    doc = getattr(object, "__doc__", None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def cleandoc(doc):
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if margin is not None:
        lines[1:] = [line[margin:] for line in lines[1:]]
    lines[0] = lines[0].lstrip()
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


@_functools.total_ordering
class _ParameterKind:
    """A parameter's kind: compares and hashes as its number, as CPython's
    IntEnum does."""

    def __init__(self, value, name, description):
        self.value = value
        self._name = name
        self.description = description

    @property
    def name(self):
        return self._name

    def __repr__(self):
        return f"<_ParameterKind.{self._name}: {self.value}>"

    def __str__(self):
        return self._name

    def __int__(self):
        return self.value

    __index__ = __int__

    def __eq__(self, other):
        if isinstance(other, _ParameterKind):
            return self.value == other.value
        if isinstance(other, int):
            return self.value == other
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, _ParameterKind):
            return self.value < other.value
        if isinstance(other, int):
            return self.value < other
        return NotImplemented

    def __hash__(self):
        return hash(self.value)


POSITIONAL_ONLY = _ParameterKind(0, "POSITIONAL_ONLY", "positional-only")
POSITIONAL_OR_KEYWORD = _ParameterKind(1, "POSITIONAL_OR_KEYWORD", "positional or keyword")
VAR_POSITIONAL = _ParameterKind(2, "VAR_POSITIONAL", "variadic positional")
KEYWORD_ONLY = _ParameterKind(3, "KEYWORD_ONLY", "keyword-only")
VAR_KEYWORD = _ParameterKind(4, "VAR_KEYWORD", "variadic keyword")


def _annotation_text(annotation):
    if isinstance(annotation, type) and annotation.__module__ == "builtins":
        return annotation.__qualname__
    if isinstance(annotation, type):
        return f"{annotation.__module__}.{annotation.__qualname__}"
    return repr(annotation)


class Parameter:
    POSITIONAL_ONLY = POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = VAR_POSITIONAL
    KEYWORD_ONLY = KEYWORD_ONLY
    VAR_KEYWORD = VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = f"{text}: {_annotation_text(self._annotation)}"
        if self._default is not _empty:
            if self._annotation is not _empty:
                text = f"{text} = {self._default!r}"
            else:
                text = f"{text}={self._default!r}"
        if self._kind == VAR_POSITIONAL:
            text = "*" + text
        elif self._kind == VAR_KEYWORD:
            text = "**" + text
        return text

    def __repr__(self):
        return f'<{type(self).__name__} "{self}">'

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name, self._kind, self._default, self._annotation) == (
            other._name, other._kind, other._default, other._annotation)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))


class Signature:
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        self._parameters = {p.name: p for p in (parameters or ())}
        self._return_annotation = return_annotation

    parameters = property(lambda self: dict(self._parameters))
    return_annotation = property(lambda self: self._return_annotation)

    def __str__(self):
        parts = []
        slash = False
        star = False
        for p in self._parameters.values():
            if p.kind == POSITIONAL_ONLY:
                slash = True
            elif slash:
                parts.append("/")
                slash = False
            if p.kind == VAR_POSITIONAL:
                star = True
            elif p.kind == KEYWORD_ONLY and not star:
                parts.append("*")
                star = True
            parts.append(str(p))
        if slash:
            parts.append("/")
        text = f"({', '.join(parts)})"
        if self._return_annotation is not _empty:
            text += f" -> {_annotation_text(self._return_annotation)}"
        return text

    def __repr__(self):
        return f"<{type(self).__name__} {self}>"

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (list(self._parameters.values()) == list(other._parameters.values())
                and self._return_annotation == other._return_annotation)

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return signature(obj, follow_wrapped=follow_wrapped)


def _function_signature(func, skip_first):
    code = func.__code__
    annotations = func.__annotations__
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    names = list(code.co_varnames)
    params = []
    npos = code.co_argcount
    first_default = npos - len(defaults)
    for i, name in enumerate(names[:npos]):
        kind = POSITIONAL_ONLY if i < code.co_posonlyargcount else POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default, annotation=annotations.get(name, _empty)))
    kwonly = names[npos:npos + code.co_kwonlyargcount]
    rest = names[npos + code.co_kwonlyargcount:]
    if code.co_flags & CO_VARARGS:
        name = rest.pop(0)
        params.append(Parameter(name, VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
    for name in kwonly:
        params.append(Parameter(name, KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = rest[0]
        params.append(Parameter(name, VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    if skip_first:
        params = params[1:]
    return Signature(params, return_annotation=annotations.get("return", _empty))


def signature(obj, *, follow_wrapped=True):
    if not callable(obj):
        raise TypeError(f"{obj!r} is not a callable object")
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
    sig = getattr(obj, "__signature__", None)
    if sig is not None:
        return sig
    if ismethod(obj):
        return _function_signature(obj.__func__, True)
    if isfunction(obj):
        return _function_signature(obj, False)
    if isinstance(obj, _functools.partial):
        return _partial_signature(obj)
    if isclass(obj):
        init = getattr(obj, "__init__", None)
        if isfunction(init):
            return _function_signature(init, True)
    call = getattr(type(obj), "__call__", None)
    if isfunction(call):
        return _function_signature(call, True)
    raise ValueError(f"no signature found for {obj!r}")


def _partial_signature(partial):
    """A partial's signature: the positional parameters its arguments fill
    are gone; those its keywords give take them as defaults and become
    keyword-only, with every positional-or-keyword one after them."""
    base = signature(partial.func)
    left = len(partial.args)
    params = []
    keyword_only = False
    for p in base.parameters.values():
        if left and p.kind in (POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD):
            left -= 1
            continue
        if p.name in partial.keywords and p.kind not in (VAR_POSITIONAL, VAR_KEYWORD):
            if p.kind == POSITIONAL_OR_KEYWORD:
                keyword_only = True
            kind = KEYWORD_ONLY if p.kind == POSITIONAL_OR_KEYWORD else p.kind
            params.append(Parameter(p.name, kind, default=partial.keywords[p.name], annotation=p.annotation))
            continue
        if keyword_only and p.kind == POSITIONAL_OR_KEYWORD:
            p = Parameter(p.name, KEYWORD_ONLY, default=p.default, annotation=p.annotation)
        elif keyword_only and p.kind == VAR_POSITIONAL:
            continue
        params.append(p)
    return Signature(params, return_annotation=base.return_annotation)
