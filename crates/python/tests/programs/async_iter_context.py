# Async generators, async for, async with, async iterator classes and async comprehensions.
import asyncio


async def ticks(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("open", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is ValueError


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.05)
        self.n -= 1
        return self.n


async def main():
    async for t in ticks(3, 0.2):
        print("tick", t, asyncio.get_running_loop().time())
    print([x * 10 async for x in ticks(4, 0.1) if x % 2 == 0])
    async with Connection("db") as c:
        print("using", c.name)
    async with Connection("flaky"):
        raise ValueError("suppressed")
    print("after suppressed error")
    print([n async for n in Countdown(3)])


asyncio.run(main())
