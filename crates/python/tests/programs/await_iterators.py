# __await__() iterators: FutureIter and coroutine_wrapper stepped with next/send, and returned from user __await__ methods.
import asyncio

async def inner(x):
    await asyncio.sleep(0)
    return x * 2

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    it = fut.__await__()
    print(type(it).__name__, next(it) is fut)
    try:
        next(it)
    except RuntimeError as e:
        print("E", e)
    fut.set_result(4)
    try:
        next(it)
    except StopIteration as e:
        print("stop", e.value)
    c = inner(5)
    w = c.__await__()
    print(type(w).__name__, iter(w) is w)
    print(next(w))
    try:
        w.send(None)
    except StopIteration as e:
        print("stop", e.value)
    class Wrap:
        def __init__(self, c): self.c = c
        def __await__(self):
            return self.c.__await__()
    print(await Wrap(inner(7)))
    class Wrap2:
        def __await__(self):
            r = yield from inner(8).__await__()
            f2 = loop.create_future()
            loop.call_later(1, f2.set_result, r + 1)
            return (yield from f2.__await__())
    print(await Wrap2())
    t = asyncio.ensure_future(inner(9))
    print(await Wrap(t) if False else await t)
    class W3:
        def __init__(self, t): self.t = t
        def __await__(self): return self.t.__await__()
    t = asyncio.ensure_future(inner(10))
    print(await W3(t))
asyncio.run(main())
