# dir() of asyncio's and collections' objects lists CPython's names (what "Did you mean" picks from)
import asyncio
import collections


def public(obj):
    return [n for n in dir(obj) if not n.startswith("__")]


async def agen():
    yield 1


def gen():
    yield 1


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.current_task()
    for obj in [asyncio.Queue(), asyncio.PriorityQueue(), asyncio.Lock(), asyncio.Event(),
                asyncio.Condition(), asyncio.Semaphore(), asyncio.BoundedSemaphore(2),
                asyncio.Barrier(2), fut, task, asyncio.TaskGroup(), asyncio.timeout(1),
                collections.deque(), collections.Counter(), collections.OrderedDict(),
                collections.defaultdict(list), gen(), agen()]:
        print(type(obj).__name__, len(dir(obj)), public(obj))
    print(len(dir(loop)), [n for n in dir(loop) if not n.startswith("_")])
    print(public(asyncio.Queue), public(asyncio.Task) == public(task), "_getters" in dir(asyncio.Queue))
    print(hasattr(fut, "add_done_callback"), dir(asyncio.Lock) == sorted(dir(asyncio.Lock)))
    fut.cancel()


asyncio.run(main())
