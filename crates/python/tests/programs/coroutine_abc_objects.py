# Coroutine objects of the program's (collections.abc.Coroutine): asyncio.iscoroutine takes them and a task drives them with send/throw; __await__ returning such an object.
import asyncio
import collections.abc

class Coro(collections.abc.Coroutine):
    def send(self, v):
        raise StopIteration("custom-coro")
    def throw(self, typ, val=None, tb=None):
        raise typ
    def __await__(self):
        yield from ()
        return "custom-coro"

async def main():
    print(asyncio.iscoroutine(Coro()))
    t = asyncio.create_task(Coro())
    print(await t)

asyncio.run(main())

class Coro2(collections.abc.Coroutine):
    def __init__(self):
        self.n = 0
    def send(self, v):
        self.n += 1
        if self.n > 2:
            raise StopIteration("custom-coro")
        return None
    def throw(self, typ, val=None, tb=None):
        raise typ if val is None else val
    def __await__(self):
        return self
    def __next__(self):
        return self.send(None)
    def __iter__(self):
        return self

async def main2():
    c = Coro2()
    print(isinstance(c, collections.abc.Coroutine), asyncio.iscoroutine(c))
    print(await Coro2())
    t = asyncio.ensure_future(Coro2())
    print(type(t).__name__, await t)

asyncio.run(main2())
