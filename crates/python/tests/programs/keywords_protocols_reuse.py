# Builtin methods refuse keywords as CPython's do (str.upper(), dict.get(), list.append() ... take none; split/splitlines/sort name the invalid one), runtime_checkable Protocols check structurally, gather() hashes its arguments, and a coroutine given to a second task fails in that task.
cases = [
    ('"a".upper(foo=1)', lambda: "a".upper(foo=1)),
    ('{}.get("a", default=1)', lambda: {}.get("a", default=1)),
    ('[].append(1, k=2)', lambda: [].append(1, k=2)),
    ('"a".strip(chars="x")', lambda: "a".strip(chars="x")),
    ('"a".replace("a","b",count=1)', lambda: "a".replace("a","b",count=1)),
    ('"a".split(foo=1)', lambda: "a".split(foo=1)),
    ('set().add(x=1)', lambda: set().add(x=1)),
    ('(1,).index(value=1)', lambda: (1,).index(value=1)),
    ('[].sort(keyy=1)', lambda: [].sort(keyy=1)),
    ('"a".splitlines(foo=1)', lambda: "a".splitlines(foo=1)),
    ('{}.update(a=1)', lambda: {}.update(a=1)),
    ('[].pop(index=1)', lambda: [].pop(index=1)),
    ('"abc".center(width=5)', lambda: "abc".center(width=5)),
    ('frozenset().union(x=1)', lambda: frozenset().union(x=1)),
    ('range(3).index(value=1)', lambda: range(3).index(value=1)),
    ('(5).bit_length(x=1)', lambda: (5).bit_length(x=1)),
    ('(2.5).is_integer(x=1)', lambda: (2.5).is_integer(x=1)),
    ('"a b".split(maxsplit=1)', lambda: "a b".split(maxsplit=1)),
    ('[3,1].sort(reverse=True)', lambda: [3,1].sort(reverse=True)),
    ('"a\\nb".splitlines(keepends=True)', lambda: "a\nb".splitlines(keepends=True)),
    ('"{x}".format(x=1)', lambda: "{x}".format(x=1)),
]
for text, f in cases:
    try:
        print(text, repr(f()))
    except TypeError as x:
        print(text, '->', x)
from typing import Protocol, runtime_checkable, TypeVar
T = TypeVar("T")

@runtime_checkable
class Sink(Protocol):
    def write(self, line): ...

@runtime_checkable
class ASink(Protocol):
    async def write(self, line): ...

@runtime_checkable
class Named(Protocol):
    name: str

class Plain(Protocol):
    def run(self): ...

class Mem:
    def write(self, line):
        pass

class AMem:
    async def write(self, line):
        pass

class Blocked:
    write = None

class Person:
    def __init__(self):
        self.name = "x"

class Impl(Sink):
    def write(self, line):
        return line

print(isinstance(Mem(), Sink), isinstance(AMem(), ASink), isinstance(AMem(), Sink), isinstance(object(), Sink))
print(isinstance(Blocked(), Sink), isinstance(Person(), Named), isinstance(Mem(), Named), isinstance(Impl(), Sink))
print(issubclass(Mem, Sink), issubclass(int, Sink), issubclass(Impl, Sink), Impl().write(3))
for bad in [lambda: isinstance(Mem(), Plain), lambda: issubclass(Person, Named), lambda: Sink(), lambda: runtime_checkable(Mem)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)

@runtime_checkable
class Closeable(Protocol[T]):
    def close(self) -> T: ...

class F:
    def close(self):
        return 1
print(isinstance(F(), Closeable), isinstance(3, Closeable))
def send(s: Sink) -> None:
    s.write("hi")
send(Mem())
print(Sink.__name__, Impl.__mro__[1].__name__)
import asyncio


async def once():
    await asyncio.sleep(0.1)
    return "value"


async def main():
    try:
        await asyncio.gather([1, 2])
    except TypeError as e:
        print("gather:", e)
    g = once()
    t2 = asyncio.create_task(g)
    t3 = asyncio.create_task(g)
    print(await asyncio.gather(t2, t3, return_exceptions=True))
    done = once()
    await done
    t4 = asyncio.create_task(done)
    try:
        await t4
    except RuntimeError as e:
        print("t4:", e)


asyncio.run(main())
