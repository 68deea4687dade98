# functools.singledispatch: union annotations register each member; registered ABCs are chosen by their specificity
import asyncio
from functools import singledispatch
from typing import Union
from collections.abc import Sequence, Mapping, Iterable, Sized
import collections


@singledispatch
def describe(x):
    return "object"


@describe.register
def _(x: int | float):
    return "number"


@describe.register(Union[str, bytes])
def _(x):
    return "text"


@describe.register(Iterable)
def _(x):
    return "iterable"


@describe.register
def _(x: Sequence):
    return "sequence"


@describe.register(Mapping)
def _(x):
    return "mapping"


@describe.register(bool)
def _(x):
    return "bool"


class Bag:
    def __iter__(self):
        return iter([])


async def main():
    for v in [1, 2.5, True, "s", [1], (1,), {"a": 1}, {1}, range(2), collections.deque(), Bag(), None, collections.Counter()]:
        print(type(v).__name__, describe(v))
    print(describe.dispatch(list).__name__, describe.dispatch(float) is describe.dispatch(int))
    print(sorted(k.__name__ for k in describe.registry))


asyncio.run(main())
