# namedtuple classes' __doc__, typing.NamedTuple's __annotations__ and docstring
import asyncio
from collections import namedtuple
from typing import NamedTuple


class E(NamedTuple):
    """An employee."""
    name: str
    n: int = 0


class F(NamedTuple):
    x: int


class Sub(namedtuple("Sub", "a b")):
    pass


async def main():
    print(namedtuple("N", "a b").__doc__, namedtuple("One", ["x"]).__doc__, namedtuple("Z", "").__doc__)
    print(E.__doc__, F.__doc__, E.__annotations__, F.__annotations__, Sub.__doc__)
    print(E("a"), F(1), E._fields, E._field_defaults)


asyncio.run(main())
