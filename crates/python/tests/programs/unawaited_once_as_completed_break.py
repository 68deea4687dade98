# A coroutine never awaited is warned about once per line (stderr), and
# as_completed makes its coroutines as the loop asks for them: a loop that
# breaks leaves none unawaited behind.
import asyncio


async def save(i):
    print("saved", i)


async def mirror(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    for i in range(3):
        save(i)
    tasks = [asyncio.create_task(mirror(n, d)) for n, d in (("eu", 0.3), ("us", 0.1), ("asia", 0.2))]
    it = asyncio.as_completed(tasks)
    print(type(it).__name__)
    for coro in it:
        print(type(coro).__name__, coro.__qualname__)
        print("fastest mirror:", await coro)
        break
    for t in tasks:
        t.cancel()
    print("done")


asyncio.run(main())
