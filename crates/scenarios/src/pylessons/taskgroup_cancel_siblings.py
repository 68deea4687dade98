# asyncio.TaskGroup (Python 3.11): when one child fails, the group cancels the others.
import asyncio

cancelled = []  # the siblings the group cancelled


async def worker(name, delay):
    print(f"{name}: start, needs {delay}s")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        # The group cancels siblings in no fixed order: record, print later.
        cancelled.append(name)
        raise  # always let CancelledError through, or the group cannot finish
    print(f"{name}: done")
    return name


async def failing(name, delay):
    print(f"{name}: start, fails after {delay}s")
    await asyncio.sleep(delay)
    print(f"{name}: raising ValueError")
    raise ValueError(f"{name} broke")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            fast = tg.create_task(worker("fast", 0.5))
            tg.create_task(failing("bad", 1))
            tg.create_task(worker("slow-a", 2))
            tg.create_task(worker("slow-b", 3))
            print("main: block ends, waiting for the tasks")
        print("main: never printed, the group raised")
    except* ValueError as eg:  # except* picks the ValueErrors out of the group
        print("main: caught", repr(eg))
    print("main: cancelled siblings:", sorted(cancelled))
    print("main: fast finished first, its result stays:", fast.result())


asyncio.run(main())
