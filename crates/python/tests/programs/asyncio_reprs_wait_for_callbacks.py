# Task and future reprs as asyncio writes them: wait_for= the future a task waits on (a sleep's, a task, a finished one), cb=[...] its callbacks (Task.task_wakeup(), a program's function at its file and line, print(), gather's and run_until_complete's at CPython's source (also wait, shield, as_completed, TaskGroup and wait_for's _release_waiter with its argument shortened by reprlib), the first and last of more than two), cancelling while task.cancelling() > 0, and asyncio's own coroutines (sleep, wait_for, Queue.get/put/join) defined and running at their lines in CPython's source
import asyncio
async def work(n):
    await asyncio.sleep(n)
    return n
async def main():
    print(asyncio.current_task())
    t = asyncio.create_task(work(1))
    print(t)
    await asyncio.sleep(0)
    print(t)
    g = asyncio.gather(t, work(2))
    await asyncio.sleep(0)
    print(t)
    print(g)
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(print)
    fut.add_done_callback(lambda f: None)
    print(fut)
    print(await g)
    print(t)
asyncio.run(main())
async def main2():
    t = asyncio.create_task(asyncio.sleep(1))
    u = asyncio.create_task(asyncio.sleep(0))
    w = asyncio.create_task(asyncio.wait_for(asyncio.sleep(1), 2))
    print(t)
    await asyncio.sleep(0)
    print(t)
    print(u)
    print(w)
    await t
    print(t)
    print(w)
asyncio.run(main2())
async def main3():
    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    u = asyncio.create_task(q.put(1))
    print(t, u)
    await asyncio.sleep(0)
    print(t, u)
    await asyncio.sleep(0)
    print(t)
    j = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    print(j)
    q.task_done()
    await j
    print(j)
asyncio.run(main3())
async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("caught", asyncio.current_task())
    await asyncio.sleep(1)
    print("again", asyncio.current_task())
async def main4():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(t)
    await asyncio.sleep(0)
    print(t)
    await t
    print(t)
asyncio.run(main4())


async def many_callbacks():
    fut = asyncio.get_running_loop().create_future()

    def first(f):
        pass

    for cb in (first, print, repr, first):
        fut.add_done_callback(cb)
    print(fut)
    fut.remove_done_callback(first)
    print(fut)
    fut.set_result(1)
    print(fut)


asyncio.run(many_callbacks())


async def child5(n):
    await asyncio.sleep(n)
    print("child", asyncio.current_task())
async def main5():
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(child5(1))
        await asyncio.sleep(0)
        print(t)
    t2 = asyncio.create_task(child5(0.5))
    await asyncio.wait([t2])
    print(t2)
    t3 = asyncio.ensure_future(child5(0.1))
    print(await asyncio.shield(t3))
    async with asyncio.timeout(5):
        print(asyncio.current_task())
    for f in asyncio.as_completed([child5(0.2)]):
        await f
asyncio.run(main5())


async def work6():
    await asyncio.sleep(0.5)
    print("in work", asyncio.current_task())
    await asyncio.sleep(2)
async def main6():
    t = asyncio.create_task(work6())
    try:
        await asyncio.wait_for(t, 1)
    except TimeoutError:
        print("timeout", t)
    u = asyncio.create_task(work6())
    w = asyncio.create_task(asyncio.wait_for(u, 0.7))
    await asyncio.sleep(0.6)
    print(u)
    await asyncio.gather(w, return_exceptions=True)
    print(u)
asyncio.run(main6())
