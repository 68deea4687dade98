# async with and async for: __aenter__/__aexit__ and __anext__ may await, letting other tasks run.
import asyncio


class Session:
    def __init__(self, name, delay):
        self.name, self.delay = name, delay

    async def __aenter__(self):
        print(self.name, 'enter: connecting')
        await asyncio.sleep(self.delay)
        print(self.name, 'enter: connected')
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(self.name, 'exit: closing')
        await asyncio.sleep(self.delay)
        print(self.name, 'exit: closed')
        return False


class Ticker:
    def __init__(self, n, delay):
        self.i, self.n, self.delay = 0, n, delay

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.i += 1
        return self.i


async def use(name, n, delay):
    async with Session(name, delay) as s:
        async for i in Ticker(n, delay):
            print(s.name, 'got', i)
        else:
            print(s.name, 'async for done')


async def main():
    await asyncio.gather(use('A', {{n}}, {{delay_a}}), use('B', {{n}}, {{delay_b}}))

asyncio.run(main())
