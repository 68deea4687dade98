# A task awaiting itself: CPython's RuntimeError with the task's repr, thrown in a turn later.
import asyncio
async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)
async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    me = asyncio.current_task()
    try:
        await me
    except RuntimeError as e:
        print("caught", str(e)[:40])
    print("after")
    await t
asyncio.run(main())


async def main():
    me = asyncio.current_task()
    try:
        await me
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(me.done())

asyncio.run(main())
