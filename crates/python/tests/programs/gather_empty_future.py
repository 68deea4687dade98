# gather() of nothing is a plain Future, done with []; gather of awaitables a _GatheringFuture.
import asyncio

async def main():
    items = []
    res = await asyncio.gather(*items)
    print("empty gather ->", res, type(res).__name__)
    g = asyncio.gather()
    print(type(g).__name__, g.done(), g.result())
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(0))])
    print(len(done), len(pending))
    await asyncio.wait([])

asyncio.run(main())
