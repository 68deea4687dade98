# The async protocols' TypeErrors in CPython's words: __anext__/__aenter__/__aexit__ results that cannot be awaited, __aiter__ results without __anext__, anext() of a non-async iterator.
import asyncio

class BadEnter:
    def __aenter__(self):
        return 5
    async def __aexit__(self, *a):
        return False

class BadExit:
    async def __aenter__(self):
        return self
    def __aexit__(self, *a):
        return None

class Replacer:
    async def __aenter__(self):
        return self
    async def __aexit__(self, et, ev, tb):
        if et is not None:
            raise RuntimeError("replaced") from ev

class Suppressor:
    async def __aenter__(self):
        return "value"
    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0.1)
        print("suppressing", et.__name__ if et else None)
        return True

async def main():
    try:
        async with BadEnter():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async with BadExit():
            print("body ran")
    except TypeError as e:
        print("TypeError:", e)
    try:
        async with Replacer():
            raise KeyError("orig")
    except RuntimeError as e:
        print(e, repr(e.__cause__))
    async with Suppressor() as v:
        print(v)
        raise ZeroDivisionError
    print("continued")
    for i in range(3):
        async with Suppressor():
            if i == 1:
                continue
            print("iteration", i)

asyncio.run(main())


class Countdown:
    def __init__(self, start, delay):
        self.n = start
        self.delay = delay
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.n -= 1
        return self.n + 1

class FutureIter:
    def __init__(self, vals):
        self.vals = list(vals)
    def __aiter__(self):
        return self
    def __anext__(self):
        loop = asyncio.get_running_loop()
        f = loop.create_future()
        if self.vals:
            loop.call_later(0.2, f.set_result, self.vals.pop(0))
        else:
            f.set_exception(StopAsyncIteration())
        return f

class Bad:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5

async def main():
    async for n in Countdown(3, 0.5):
        print("countdown", n)
    async for v in FutureIter("abc"):
        print("future value", v)
    print([x async for x in Countdown(2, 0.1)])
    print({x: x * x async for x in Countdown(3, 0)})
    try:
        async for x in Bad():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)
    it = aiter(Countdown(1, 0))
    print(await anext(it), await anext(it, "end"))

asyncio.run(main())
