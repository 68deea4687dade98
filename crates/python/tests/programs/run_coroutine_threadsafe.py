# asyncio.run_coroutine_threadsafe: a task on the loop whose outcome the returned future gets
import asyncio


async def add(a, b):
    await asyncio.sleep(0.1)
    return a + b


async def boom():
    await asyncio.sleep(0.1)
    raise ValueError("boom")


def in_thread(loop):
    return asyncio.run_coroutine_threadsafe(add(1, 2), loop)


async def main():
    loop = asyncio.get_running_loop()
    fut = await loop.run_in_executor(None, in_thread, loop)
    print(await asyncio.wrap_future(fut))
    c = asyncio.run_coroutine_threadsafe(asyncio.sleep(5, "late"), loop)
    await asyncio.sleep(0.2)
    c.cancel()
    await asyncio.sleep(0)
    print(c.cancelled())
    f = asyncio.run_coroutine_threadsafe(boom(), loop)
    try:
        await asyncio.wrap_future(f)
    except ValueError as e:
        print("error", e)
    try:
        asyncio.run_coroutine_threadsafe(add, loop)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
