# Fixes from a bug hunt: `X | None` unions, super(B, self), objects with
# __await__ in gather/wait_for, namedtuples as tuples, bool bit operators,
# correctly rounded int / int, dict views compared with sets, send() to a
# fresh generator, a subclass's reflected operator first, positional-only
# keyword errors.
import asyncio
from collections import namedtuple
from dataclasses import dataclass


@dataclass
class User:
    name: str
    email: str | None = None


print(User("ann"), isinstance(3, int | str), isinstance(None, int | None), int | str | None)
print(issubclass(bool, int | str), (int | str) == (str | int))


class A:
    def __init__(self):
        print("A init")


class B(A):
    def __init__(self):
        super(B, self).__init__()


B()


class Ready:
    def __await__(self):
        yield
        return 42


async def main():
    print(await Ready())
    print(await asyncio.gather(Ready(), Ready()))
    print(await asyncio.wait_for(Ready(), 1), await asyncio.ensure_future(Ready()))


asyncio.run(main())

P = namedtuple("P", "x y")
p = P(1, 2)
print(isinstance(p, tuple), "%s-%s" % p, p + (3,), p * 2)
ok = True
ok &= False
print(True & False, True | False, True ^ True, ok, True & 3)
print(91038120247931381 / 869, -(2**62) / 3, 2**63 - 1 // 7, (2**63 - 1) / 10**17, 7 / -(2**60))
d = {"a": 1, "b": 2}
print(d.keys() == {"a", "b"}, d.items() == {("a", 1), ("b", 2)}, d.keys() <= {"a", "b", "c"}, d.keys() > {"a"})


def g():
    x = yield 1
    print('got', x)


gen = g()
try:
    print(gen.send(5))
except TypeError as e:
    print("TypeError:", e)


class Base:
    def __add__(self, o):
        return "Base.__add__"


class Derived(Base):
    def __radd__(self, o):
        return "Derived.__radd__"


print(Base() + Derived(), Base() + Base() if False else '')


def pos(a, b, /):
    pass


try:
    pos(a=1, b=2)
except TypeError as e:
    print(e)
