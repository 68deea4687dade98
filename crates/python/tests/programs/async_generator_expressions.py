# Asynchronous generator expressions (async for or await inside), in async and sync functions; nested ones; genexp qualnames.
import asyncio
async def arange(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i
async def d(x):
    await asyncio.sleep(0.05)
    return x * 2
async def main():
    g = (x*10 async for x in arange(3))
    print(type(g).__name__, g.__name__, g.__qualname__)
    print([v async for v in g])
    h = (await d(x) for x in range(3))
    print(type(h).__name__, [v async for v in h])
    k = (x async for x in arange(4) if await d(x))
    print([v async for v in k])
    try:
        list((await d(x) for x in range(3)))
    except TypeError as e:
        print(e)
    nested = ((y async for y in arange(x)) for x in range(3))
    print(type(nested).__name__)
    for inner in nested:
        print([v async for v in inner])
    pairs = ((x, y) async for x in arange(2) for y in range(2))
    async for p in pairs:
        print(p)
    print(await anext((x async for x in arange(5))))
    s = (x for x in range(3))
    print(s.__qualname__, s.__name__)
asyncio.run(main())
s = (x for x in range(3))
print(s.__qualname__)

async def arange(n):
    for i in range(n):
        yield i
def make(n):
    return (x + 1 async for x in arange(n))
async def main():
    print([v async for v in make(3)])
asyncio.run(main())
