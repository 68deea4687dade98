# Awaiting two coroutines one after the other: say_after({{delay1}}) then say_after({{delay2}}) takes {{delay_sum}} s.
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    print(f"started at {time.strftime('%X')}")

    await say_after({{delay1}}, 'hello')
    await say_after({{delay2}}, 'world')

    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
