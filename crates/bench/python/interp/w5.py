"""W5: 100k timers with distinct deadlines: 100k tasks, each `await asyncio.sleep(d)` with d a
distinct multiple of 1 ms (a permutation, so the timer heap is not filled in order).

A plain asyncio program (run by our interpreter, and by CPython under the oracle's pyrun.py:
both run it on the virtual clock); the same operation count as workloads.py's W5. Prints one
line: the count, checked."""
import asyncio

N5 = 100_000
N5_STRIDE = 7919  # prime, coprime with N5: i -> (i * 7919) % N5 is a permutation


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def sleeper(delay):
        await asyncio.sleep(delay)

    tasks = [asyncio.create_task(sleeper(((i * N5_STRIDE) % N5 + 1) * 0.001)) for i in range(N5)]
    for t in tasks:
        await t
    assert abs(loop.time() - start - N5 * 0.001) < 1e-6, loop.time()
    return N5


print("W5", asyncio.run(main()), "timers")
