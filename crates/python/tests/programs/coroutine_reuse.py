# Reusing coroutines: awaited twice, given to a task after an await, awaited while a task runs it.
import asyncio
async def inner():
    await asyncio.sleep(0.1)
    return 1
async def boom():
    raise ValueError("x")
async def main():
    c = inner()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print(e)
    t = asyncio.create_task(c)
    try:
        await t
    except RuntimeError as e:
        print("task", e)
    b = boom()
    try:
        await b
    except ValueError:
        pass
    try:
        await b
    except RuntimeError as e:
        print(e)
asyncio.run(main())


async def inner():
    await asyncio.sleep(0.1)
    return 1

async def main():
    shared = inner()
    t1 = asyncio.create_task(shared)
    await asyncio.sleep(0)
    try:
        await shared
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await t1)

asyncio.run(main())
