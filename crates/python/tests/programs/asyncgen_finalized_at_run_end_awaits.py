# An async generator left suspended when asyncio.run ends is closed by a task that run() cancels before it starts: the CancelledError thrown into the unstarted aclose() runs the generator's finally, whose await the loop waits for, and aclose()'s first send then throws GeneratorExit in there (so what follows the await never runs); a task that caught its cancellation still shows as cancelling
import asyncio


async def ticker():
    i = 0
    try:
        while True:
            yield i
            i += 1
            await asyncio.sleep(1)
    finally:
        print("cleanup")
        try:
            await asyncio.sleep(0.1)
        except BaseException as e:
            print("finally's await raised", type(e).__name__)
            raise
        print("closed")


async def main():
    t = ticker()
    async for x in t:
        print(x)
        if x >= 2:
            break
    print("main end")


asyncio.run(main())
print("after the first run")


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("caught", asyncio.current_task())
    print("still cancelling:", asyncio.current_task().cancelling())


async def second():
    g = ticker()
    print(await anext(g))
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    await asyncio.sleep(0)
    print("second end")


asyncio.run(second())
print("done")
