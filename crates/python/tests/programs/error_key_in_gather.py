# gather propagates the first failure out of asyncio.run: a KeyError's message is the key's repr.
import asyncio


async def lookup(d, k, delay):
    await asyncio.sleep(delay)
    return d[k]


async def main():
    d = {"a": 1}
    print(await lookup(d, "a", 0.1))
    await asyncio.gather(lookup(d, "a", 0.2), lookup(d, "missing", 0.3))


asyncio.run(main())
