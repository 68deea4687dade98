# asyncio.wait() and asyncio.to_thread() are async defs: called before a loop runs, they
# only make a coroutine; their checks and the loop lookup come at the first step.
import asyncio
import time


async def work(n):
    await asyncio.sleep(n)
    return n * 10


def blocking(x, y=1):
    time.sleep(0.5)
    return x + y


loop = asyncio.new_event_loop()
tasks = [loop.create_task(work(n)) for n in (2, 1)]
done, pending = loop.run_until_complete(asyncio.wait(tasks))
print(sorted(t.result() for t in done), pending)
print(loop.run_until_complete(asyncio.to_thread(blocking, 4, y=2)))
early = asyncio.wait(tasks, return_when="SOMETIMES")
try:
    loop.run_until_complete(early)
except ValueError as e:
    print("ValueError", e)
bad = asyncio.wait(tasks[0])
try:
    loop.run_until_complete(bad)
except TypeError as e:
    print("TypeError", e)
first = [loop.create_task(work(n)) for n in (3, 1)]
done, pending = loop.run_until_complete(asyncio.wait(first, timeout=2))
print(len(done), len(pending), loop.time())
loop.run_until_complete(asyncio.wait(pending))
loop.close()
