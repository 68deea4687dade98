# Tasks and futures keep attributes the program sets (their __dict__ shadows
# their methods); messages name them as C types, '_asyncio.Task'.
import asyncio
async def fetch(url, d):
    await asyncio.sleep(d)
    return len(url)
async def main():
    tasks = []
    for url, d in (("a.com", 0.2), ("bb.org", 0.1)):
        t = asyncio.create_task(fetch(url, d))
        t.url = url
        tasks.append(t)
    done, _ = await asyncio.wait(tasks)
    for t in sorted(done, key=lambda t: t.url):
        print(t.url, t.result())
    f = asyncio.get_running_loop().create_future()
    f.tag = "x"
    f.set_result(1)
    print(f.tag, await f)
    try:
        t.cancel = None
    except AttributeError as e:
        print(e)
    try:
        print(t.missing)
    except AttributeError as e:
        print(e)
asyncio.run(main())


import asyncio


async def m():
    t = asyncio.create_task(asyncio.sleep(0))
    print(type(t).__name__, type(t), repr(type(t).__qualname__))
    await t
    try:
        await t.result()
    except TypeError as e: print(e)
    try:
        hash([t])
    except TypeError as e: print(e)
    try:
        t + 1
    except TypeError as e: print(e)
asyncio.run(m())
