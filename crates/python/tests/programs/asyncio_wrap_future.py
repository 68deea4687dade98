# asyncio.wrap_future over concurrent.futures.Future: results, exceptions, cancellation, checks
import asyncio, time
import concurrent.futures as cf

def work(x):
    time.sleep(0.2)
    if x == 2:
        raise ValueError("two")
    return x

async def ticker():
    for i in range(5):
        print("tick", i)
        await asyncio.sleep(0.1)

async def main():
    t = asyncio.create_task(ticker())
    with cf.ThreadPoolExecutor(2) as ex:
        fs = [asyncio.wrap_future(ex.submit(work, i)) for i in range(3)]
        print(await asyncio.gather(*fs, return_exceptions=True))
        f = ex.submit(work, 5)
        w = asyncio.wrap_future(f)
        w.cancel()
        print(f.cancelled(), w.cancelled())
        try:
            asyncio.wrap_future(42)
        except AssertionError as e:
            print("assert", e)
        print(isinstance(f, cf.Future), asyncio.wrap_future(w) is w)
    await t
asyncio.run(main())
