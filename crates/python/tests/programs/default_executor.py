# The default executor: set_default_executor, shutdown_default_executor (waits for
# its jobs, then refuses more), and a concurrent future's running state.
import asyncio, time
from concurrent.futures import ThreadPoolExecutor
def work(n):
    time.sleep(n)
    return n * 2
async def main():
    loop = asyncio.get_running_loop()
    ex = ThreadPoolExecutor(max_workers=1)
    f1 = ex.submit(work, 1)
    f2 = ex.submit(work, 1)
    print(f1.running(), f2.running(), f1.done())
    loop.set_default_executor(ThreadPoolExecutor(max_workers=2))
    r = await asyncio.gather(*(loop.run_in_executor(None, work, i) for i in (1, 2, 3)))
    print(r, loop.time())
    await loop.shutdown_default_executor()
    print('shut', loop.time())
    print(f1.result(), f2.result(), f1.running())
    ex.shutdown()
asyncio.run(main())
async def again():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, work, 1)
    await loop.shutdown_default_executor()
    try:
        await loop.run_in_executor(None, work, 1)
    except RuntimeError as e:
        print(e, loop.time())
    ex = ThreadPoolExecutor(max_workers=1)
    a, b = ex.submit(work, 2), ex.submit(work, 2)
    print(b.cancel(), a.cancel(), a.running(), b.cancelled())
asyncio.run(again())
