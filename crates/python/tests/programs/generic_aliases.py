# Subscripted types as annotations evaluate them: types.GenericAlias, typing's
# aliases and unions, a generic class; __annotations__ of functions.
import asyncio
import collections
import functools
from typing import Any, Callable, ClassVar, Dict, Generic, List, Literal, Optional, Tuple, Type, TypeVar, Union

print(Union[int, str, None], Optional[Union[int, str]], Union[int], Union[int, None], Optional[int])
print(List[int], Callable[..., Any], Callable[[int, str], None], Tuple[int, ...], tuple[()], Dict[str, List[int]])
print(asyncio.Queue[int], collections.deque[int], list[list[int]], dict[str, "X"], Literal["a", 1], ClassVar[int])
print(Type[int], type[int], list[int].__origin__, List[int].__origin__, Optional[int].__args__, list[int].__args__)
print(list[int] | None, List[int] | None, int | list[str], Optional[int] | str)
print(type(list[int]), list[int]("ab"), list[int] == list[int], List[int] == List[int], list[int] == list[str])
for check in (lambda: isinstance([], list[int]), lambda: isinstance([], List[int]), lambda: List[int]()):
    try:
        check()
    except TypeError as e:
        print("TypeError:", e)

T = TypeVar("T")


class Stack(Generic[T]):
    limit: ClassVar[int] = 3
    items: list[T]

    def __init__(self) -> None:
        self.items = []

    def push(self, item: T) -> "Stack[T]":
        self.items.append(item)
        return self


class IntStack(Stack[int]):
    pass


print(Stack[int], type(Stack[int]().push(1)).__name__, Stack.__mro__, IntStack.__mro__)
print(Stack.__annotations__, Stack.push.__annotations__, Stack.__init__.__annotations__)


def f(a: int, *b: str, c: "x" = 1, **d: float) -> None:
    pass


print(f.__annotations__, f.__dict__, (lambda x: x).__annotations__)


@functools.wraps(f)
def g():
    pass


print(g.__annotations__ is f.__annotations__)
f.__annotations__ = None
print(f.__annotations__)
try:
    f.__annotations__ = 3
except TypeError as e:
    print("TypeError:", e)


async def fetch(q: asyncio.Queue[int], n: int) -> list[int]:
    return [await q.get() for _ in range(n)]


async def main() -> None:
    q: asyncio.Queue[int] = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    print(await fetch(q, 3), fetch.__annotations__)


asyncio.run(main())
