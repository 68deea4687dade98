# A non-callable given to call_soon fails when the loop calls it (CPython checks only in debug mode), and an awaited aclose() awaited again has its own message.
import asyncio

async def main_a():
    loop = asyncio.get_running_loop()
    loop.call_soon(5)
    print("scheduled")
    await asyncio.sleep(0)
    print("after")

asyncio.run(main_a())


async def g():
    yield 1


async def main_b():
    aw = g().aclose()
    await aw
    try:
        await aw
    except RuntimeError as e:
        print(e)


asyncio.run(main_b())
