# Two tasks awaiting each other: a task's repr shows the cycle as `...`
# (reprlib.recursive_repr), and cancel() recurses until CPython's
# RecursionError, which also escapes asyncio.run's final cancellation.
import asyncio


async def waiter(i):
    await asyncio.sleep(0)
    await tasks[1 - i]


async def main():
    global tasks
    tasks = [asyncio.create_task(waiter(0)), asyncio.create_task(waiter(1))]
    await asyncio.sleep(1)
    print(tasks[0])
    print("cycle formed:", tasks[0].done())
    try:
        tasks[0].cancel()
    except RecursionError as e:
        print("RecursionError:", e)


asyncio.run(main())
