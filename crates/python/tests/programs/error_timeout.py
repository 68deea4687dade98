# wait_for's TimeoutError escaping main: the Traceback line has no message.
import asyncio


async def main():
    print("waiting")
    await asyncio.wait_for(asyncio.sleep(10), timeout=1.5)


asyncio.run(main())
