# wait_for timeouts cancel the inner task; shield keeps it running.
import asyncio


async def slow(label, d):
    try:
        await asyncio.sleep(d)
        print(label, "completed")
        return label
    except asyncio.CancelledError:
        print(label, "was cancelled")
        raise


async def main():
    print(await asyncio.wait_for(slow("fast", 0.1), timeout=1))
    try:
        await asyncio.wait_for(slow("slow", 2), timeout=0.5)
    except asyncio.TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
    inner = asyncio.create_task(slow("shielded", 1))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.2)
    except TimeoutError as e:
        print("shield timeout", type(e).__name__, inner.done())
    print("inner result:", await inner)
    outer = asyncio.create_task(slow("protected", 0.5))
    waiter = asyncio.shield(outer)
    await asyncio.sleep(0.1)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print("waiter cancelled, outer cancelled?", outer.cancelled())
    print(await outer)
    print(await asyncio.wait_for(slow("none", 0.3), None))


asyncio.run(main())
