# run_in_executor on the default pool and a ThreadPoolExecutor; time.sleep inside jobs adds cost.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def blocking(name, secs):
    print(f"{name} starts")
    time.sleep(secs)
    print(f"{name} ends")
    return name * 2


async def main():
    loop = asyncio.get_running_loop()
    start = time.monotonic()
    results = await asyncio.gather(
        loop.run_in_executor(None, blocking, "a", 1),
        loop.run_in_executor(None, blocking, "b", 0.5),
    )
    print(results, round(time.monotonic() - start, 3))
    with ThreadPoolExecutor(max_workers=2) as pool:
        futs = [loop.run_in_executor(pool, blocking, n, 0.3) for n in "xyz"]
        print(await asyncio.gather(*futs))
    print("elapsed", round(time.perf_counter() - start, 3))


asyncio.run(main())
