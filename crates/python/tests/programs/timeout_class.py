# asyncio.Timeout: the class of timeout()'s context managers, made directly with a deadline; reprs in each state.
import asyncio
async def main():
    cm = asyncio.timeout(1)
    print(type(cm).__name__, type(cm).__module__)
    async with cm as t:
        print(t is cm, t.when(), t.expired())
        t.reschedule(5)
        await asyncio.sleep(2)
    print(cm.expired())
    print(isinstance(cm, asyncio.Timeout))

asyncio.run(main())
async def main2():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.Timeout(loop.time() + 0.5) as t:
            print(type(t).__name__, t.when())
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out", loop.time(), t.expired())
    async with asyncio.Timeout(None) as t:
        print(t.when())
asyncio.run(main2())
async def main():
    t = asyncio.timeout(2)
    print(repr(t))
    async with t:
        print(repr(t))
    print(repr(t))
    try:
        async with asyncio.timeout(0.5) as t2:
            await asyncio.sleep(1)
    except TimeoutError:
        print(repr(t2))
asyncio.run(main())
