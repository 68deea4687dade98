# anext() awaitables are coroutines to asyncio (create_task, ensure_future, wait_for, gather, iscoroutine, wait refuses them), and an async generator another awaitable is running refuses anext, athrow and aclose (ag_running)
import asyncio
async def ticker(n):
    for i in range(n):
        await asyncio.sleep(1)
        yield i
async def main():
    g = ticker(5)
    while True:
        try:
            v = await asyncio.wait_for(anext(g), 1.5)
            print("got", v)
        except StopAsyncIteration:
            print("end"); break
    g2 = ticker(2)
    r = await asyncio.gather(anext(g2), return_exceptions=True)
    print(r, asyncio.iscoroutine(anext(g2)))
    t = asyncio.create_task(anext(g2))
    print(t)
    print(await t)
    await asyncio.sleep(0)
    print(t)
    print(g2.ag_running)
    g3 = ticker(3)
    a = asyncio.ensure_future(g3.__anext__())
    await asyncio.sleep(0)
    print(g3.ag_running)
    try:
        await g3.aclose()
    except RuntimeError as e:
        print(e)
    print(await a)
    await g3.aclose()
    try:
        await asyncio.wait([anext(g3)])
    except TypeError as e:
        print(e)
asyncio.run(main())
async def already_running():
    async def slow():
        await asyncio.sleep(0.1)
        yield 1
    g = slow()
    t = asyncio.ensure_future(anext(g))
    await asyncio.sleep(0)
    print(g.ag_running)
    for start in (lambda: g.asend(None), lambda: g.athrow(ValueError), lambda: g.aclose()):
        try:
            await start()
        except RuntimeError as e:
            print(e)
    print(await t, g.ag_running)
asyncio.run(already_running())
