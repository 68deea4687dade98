# Task names, current_task, all_tasks counts, done callbacks and task reprs of states.
import asyncio


async def child(n):
    me = asyncio.current_task()
    print("running", me.get_name(), n)
    await asyncio.sleep(n / 10)
    return n


async def main():
    print(asyncio.current_task().get_name())
    tasks = [asyncio.create_task(child(i), name=f"child-{i}") for i in range(3)]
    tasks[0].set_name("renamed")
    tasks[1].add_done_callback(lambda t: print("done callback for", t.get_name(), t.result()))
    print(len(asyncio.all_tasks()))
    await asyncio.sleep(0)
    print([t.done() for t in tasks])
    print(await asyncio.gather(*tasks))
    print(len(asyncio.all_tasks()))
    anon = asyncio.create_task(child(0))
    print(anon.get_name().startswith("Task-"))
    await anon
    print(anon.get_coro().__name__ if hasattr(anon.get_coro(), "__name__") else "coro")


asyncio.run(main())
