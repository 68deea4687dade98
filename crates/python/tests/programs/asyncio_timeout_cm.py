# asyncio.timeout() and timeout_at(): expiring, rescheduling, and finishing in time.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout at", loop.time())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.2)
        print("in time, expired:", cm.expired())
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.3)
            await asyncio.sleep(5)
    except TimeoutError:
        print("rescheduled timeout at", loop.time(), cm.expired())
    try:
        async with asyncio.timeout_at(loop.time() + 0.25):
            while True:
                await asyncio.sleep(0.1)
                print("tick", loop.time())
    except TimeoutError:
        print("deadline reached", loop.time())


asyncio.run(main())
