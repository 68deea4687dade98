# abc (ABC, abstractmethod), dir() with inherited names, a queue's str, a task is a Future, id(current_task()), __class_getitem__.
import asyncio
from abc import ABC, abstractmethod
class S(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def per(self): ...
    def name(self): return 'n'
class T(S):
    def area(self): return 1
class U(T):
    def __init__(self, k=2):
        self.k = k
    def per(self): return self.k
for c in (S, T, U):
    try: print(c().area())
    except TypeError as e: print(e)
print(sorted(S.__abstractmethods__), U.__abstractmethods__, isinstance(U(), S), U(5).per())
class V(ABC): pass
print(type(V()).__name__)
class Source(ABC):
    @abstractmethod
    async def fetch(self, i): ...
class Fake(Source):
    async def fetch(self, i):
        await asyncio.sleep(0.1)
        return i * 2
async def main():
    print(await asyncio.gather(*(Fake().fetch(i) for i in range(3))))
asyncio.run(main())
class A:
    x = 1
    def f(self): pass
class B(A):
    def g(self): pass
b = B(); b.y = 2
print(dir(b), dir(B) == sorted(set(dir(b)) - {'y'}))
print([n for n in dir(b) if not n.startswith("_")], __file__.endswith(".py"))
registry = {}
async def handler(i):
    registry[id(asyncio.current_task())] = i
    await asyncio.sleep(0.01 * i)
    print("handler", i, registry[id(asyncio.current_task())])
async def tasks_and_queues():
    q = asyncio.Queue(2)
    q.put_nowait("a")
    print(q, str(q) == repr(q))
    t = asyncio.create_task(asyncio.sleep(0))
    print(isinstance(t, asyncio.Future), issubclass(asyncio.Task, asyncio.Future), asyncio.isfuture(t))
    await t
    await asyncio.gather(*(handler(i) for i in range(3)))
asyncio.run(tasks_and_queues())
class Registry:
    def __class_getitem__(cls, key):
        return f"{cls.__name__}[{key!r}]"
class Typed:
    @classmethod
    def __class_getitem__(cls, key):
        return (cls.__name__, key)
class SubTyped(Typed):
    pass
print(Registry["x"], Typed[int], SubTyped[1, 2])
