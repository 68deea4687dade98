# asyncio functions take their parameters by keyword too.
import asyncio


async def work(n):
    await asyncio.sleep(delay=0.5)
    return n


async def main():
    t = asyncio.create_task(coro=work(1), name="w")
    print(t.get_name(), await asyncio.wait_for(fut=t, timeout=2))
    print(await asyncio.shield(arg=work(2)))
    print(await asyncio.sleep(delay=0.1, result="r"))
    done, pending = await asyncio.wait(fs=[asyncio.ensure_future(coro_or_future=work(3))], timeout=1)
    print(len(done), len(pending))
    print(asyncio.iscoroutine(obj=work(4)), asyncio.isfuture(obj=t), asyncio.iscoroutinefunction(func=work))
    print(asyncio.current_task(loop=None).get_name())
    async with asyncio.timeout(delay=1):
        await asyncio.sleep(0)


asyncio.run(main=main())
