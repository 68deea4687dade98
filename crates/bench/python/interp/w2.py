"""W2: 1M `await asyncio.sleep(0)` yields: 1,000 tasks x 1,000 yields.

A plain asyncio program (run by our interpreter, and by CPython under the oracle's pyrun.py);
the same operation count as workloads.py's W2. Prints one line: the count, checked."""
import asyncio

N2_TASKS, N2_YIELDS = 1_000, 1_000


async def yielder(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n


async def main():
    tasks = [asyncio.create_task(yielder(N2_YIELDS)) for _ in range(N2_TASKS)]
    total = 0
    for t in tasks:
        total += await t
    assert total == N2_TASKS * N2_YIELDS
    return total


print("W2", asyncio.run(main()), "yields")
