# Subclassed queues with mixins, generic bases and explicit base-class __init__ calls
import asyncio


class Mixin:
    def describe(self):
        return f"{type(self).__name__} with {self.qsize()} items"


class Q1(asyncio.Queue):
    def __init__(self, maxsize=0):
        asyncio.Queue.__init__(self, maxsize)
        self.extra = 1


class Q2(Mixin, asyncio.Queue[int]):
    pass


class Q3(Q2):
    def _put(self, item):
        super()._put(item * 2)


class L(asyncio.Lock):
    def __init__(self):
        self.name = "x"


async def main():
    q = Q1(3)
    await q.put(1)
    print(q.qsize(), q.extra)
    q3 = Q3()
    q3.put_nowait(4)
    print(q3.describe(), await q3.get(), Q3.__mro__)
    l = L()
    try:
        async with l:
            pass
    except AttributeError as e:
        print("AttributeError:", e)
    print(type(q3).__name__, type(q3).__qualname__, Q2.__bases__)
    print(issubclass(Q3, asyncio.Queue), issubclass(Q3, asyncio.PriorityQueue), isinstance(q3, Mixin))


asyncio.run(main())
