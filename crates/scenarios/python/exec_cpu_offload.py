# CPU-bound work: {{chunks}} x count_primes({{n}}) {{where_text}},
# while a heartbeat task tries to tick every {{beat}} s.
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def count_primes(n):
    count = 0
    for i in range(2, n):
        if all(i % d for d in range(2, int(i ** 0.5) + 1)):
            count += 1
    return count


async def heartbeat(beats):
    while True:
        await asyncio.sleep({{beat}})
        beats.append(time.perf_counter())


async def main():
    loop = asyncio.get_running_loop()
    beats = []
    ticker = asyncio.create_task(heartbeat(beats))
    start = time.perf_counter()
{{?in_pool}}
    print("ProcessPoolExecutor(max_workers={{workers}}): {{chunks}} x count_primes({{n}})")
    with ProcessPoolExecutor(max_workers={{workers}}) as pool:
        jobs = [loop.run_in_executor(pool, count_primes, {{n}}) for _ in range({{chunks}})]
        results = await asyncio.gather(*jobs)
{{:}}
    print("on the loop thread: {{chunks}} x count_primes({{n}})")
    results = [count_primes({{n}}) for _ in range({{chunks}})]  # blocks the loop
{{/}}
    elapsed = time.perf_counter() - start
    ticker.cancel()
    print(f"{{chunks}} x count_primes({{n}}) = {results[0]} each, in {elapsed:.2f} s")
    print(f"the heartbeat ticked {len(beats)} times (every {{beat}} s it could)")


if __name__ == '__main__':
    asyncio.run(main())
