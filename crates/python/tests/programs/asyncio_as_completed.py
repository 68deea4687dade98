# as_completed yields results in finishing order; with a timeout it raises TimeoutError.
import asyncio


async def fetch(url, d):
    await asyncio.sleep(d)
    return f"{url}:{d}"


async def main():
    coros = [fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2), fetch("d", 0.1)]
    for i, fut in enumerate(asyncio.as_completed(coros)):
        r = await fut
        print(i, r, asyncio.get_running_loop().time())
    try:
        for fut in asyncio.as_completed([fetch("x", 0.5), fetch("y", 2)], timeout=1):
            print("got", await fut)
    except asyncio.TimeoutError:
        print("as_completed timed out")
    await asyncio.sleep(2)
    print("end")


asyncio.run(main())
