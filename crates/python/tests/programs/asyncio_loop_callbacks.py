# call_soon, call_later, call_at, handles and their cancellation, on the loop's clock.
import asyncio


def say(msg, loop):
    print(msg, "at", loop.time())


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(say, "soon 1", loop)
    loop.call_soon(say, "soon 2", loop)
    h = loop.call_later(0.5, say, "later 0.5", loop)
    loop.call_later(0.2, say, "later 0.2", loop)
    loop.call_at(loop.time() + 0.3, say, "at +0.3", loop)
    cancelled = loop.call_later(0.4, say, "never", loop)
    cancelled.cancel()
    print("handle cancelled?", cancelled.cancelled(), h.cancelled())
    print("when:", h.when())
    await asyncio.sleep(0)
    print("after one yield")
    await asyncio.sleep(1)
    fut = loop.create_future()
    loop.call_later(0.25, fut.set_result, "future value")
    print(await fut, loop.time())
    same = [loop.call_later(0.1, print, "tie", i) for i in range(4)]
    await asyncio.sleep(0.2)
    print(len(same))


asyncio.run(main())
