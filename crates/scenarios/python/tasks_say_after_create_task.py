{{?defaults}}
# Two create_task() tasks run concurrently: say_after(1) and say_after(2) finish after 2 s, not 3.
{{:}}
# Two create_task() tasks run concurrently: say_after({{delay1}}) and say_after({{delay2}}) finish
# after the longer delay, not after their sum.
{{/}}
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    task1 = asyncio.create_task(
        say_after({{delay1}}, 'hello'))

    task2 = asyncio.create_task(
        say_after({{delay2}}, 'world'))

    print(f"started at {time.strftime('%X')}")

    # Wait until both tasks are completed (should take
    # around {{longer_delay}} seconds.)
    await task1
    await task2

    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
