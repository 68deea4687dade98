# typing's names written in Python: TypedDict, NewType, overload, ParamSpec, the decorators
# accepted at run time, assert_never; and ImportError for a name a C module lacks.
from typing import TypedDict, NewType, overload, ParamSpec, Concatenate, Literal, Final, Annotated, TypeAlias, Self, Awaitable, Callable, Any, Optional, Union, ClassVar, Iterable, TypeGuard, runtime_checkable, final, Hashable, Sized, AsyncContextManager, ContextManager, Text, AnyStr, Protocol, TypeVar, assert_never
class Movie(TypedDict, total=False):
    title: str
    year: int
m = Movie(title="x", year=1)
print(m, type(m), Movie.__total__)
UserId = NewType("UserId", int)
print(UserId(5), UserId)
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x
print(f(3))
@overload
def g(x: int) -> int: ...
try:
    g(1)
except NotImplementedError as e:
    print(e)
P = ParamSpec("P")
print(P, P.args, P.kwargs)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
@final
class Leaf: pass
print(Leaf, Text)
try:
    assert_never(3)
except AssertionError as e:
    print(e)
try:
    from itertools import batched
except ImportError as e:
    print(e)
