# time.monotonic/perf_counter/time/sleep on the virtual clock, inside and outside asyncio.
import asyncio
import time

t0 = time.monotonic()
time.sleep(1.5)
print("slept", time.monotonic() - t0, time.perf_counter())
print(time.time() >= 1.5, int(time.time()))
print(time.strftime("%H:%M:%S"), time.ctime())


async def tick(n):
    await asyncio.sleep(n)
    print("tick", n, round(time.monotonic(), 3))


async def main():
    start = time.perf_counter()
    await asyncio.gather(tick(0.5), tick(0.25))
    time.sleep(0.5)
    print("blocking sleep moved the clock", round(time.perf_counter() - start, 3))
    print(asyncio.get_running_loop().time())


asyncio.run(main())
asyncio.run(main())
print(time.monotonic_ns() // 1_000_000, time.strftime("%X"))
