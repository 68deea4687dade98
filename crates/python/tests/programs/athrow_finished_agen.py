# 3.11's athrow() on an async generator that ended or was closed gives None.
import asyncio

async def agen():
    yield 1

async def main():
    g = agen()
    async for _ in g:
        pass
    try:
        r = await g.athrow(KeyError("after"))
        print("athrow returned", r)
    except BaseException as e:
        print("raised", type(e).__name__)
    g2 = agen()
    await g2.aclose()
    try:
        r = await g2.athrow(KeyError("after close"))
        print("athrow returned", r)
    except BaseException as e:
        print("raised", type(e).__name__)

asyncio.run(main())
