# A timeout that is not a number fails as CPython's asyncio code first computes with it (wait_for's '<=', wait's and timeout()'s '+').
import asyncio

async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(0), timeout="1")
    except TypeError as e:
        print("wait_for:", e)
    try:
        async with asyncio.timeout("1"):
            pass
    except TypeError as e:
        print("timeout:", e)
    t = asyncio.ensure_future(asyncio.sleep(0))
    try:
        await asyncio.wait([t], timeout="1")
    except TypeError as e:
        print("wait:", e)
    await t

asyncio.run(main())
