# singledispatch's register by annotation; typing's get_type_hints, get_origin, get_args.
import functools
from typing import get_type_hints, get_origin, get_args, Optional, Callable, List
@functools.singledispatch
def show(x):
    return "obj"
@show.register
def _(x: int):
    return "int"
@show.register
def _(x: list, y: str = "") -> None:
    return "list"
print(show(1), show([1]), show("s"))
try:
    @show.register
    def _(x): pass
except TypeError as e: print(str(e)[:40])
def f(a: int, b: Optional[str] = None) -> None: pass
print(get_type_hints(f), get_origin(list[int]), get_origin(Optional[int]), get_args(Callable[[int], str]), get_args(int), get_origin(int))
class A:
    x: int
class B(A):
    y: List[int]
print(get_type_hints(B))
