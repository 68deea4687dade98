"""W6: 1,000 tasks x 100 lock acquisitions: `async with lock: await sleep(0)`.

A plain asyncio program (run by our interpreter, and by CPython under the oracle's pyrun.py);
the same operation count as workloads.py's W6. Prints one line: the count, checked."""
import asyncio

N6_TASKS, N6_ROUNDS = 1_000, 100


async def main():
    lock = asyncio.Lock()
    count = 0

    async def worker():
        nonlocal count
        for _ in range(N6_ROUNDS):
            async with lock:
                count += 1
                await asyncio.sleep(0)

    tasks = [asyncio.create_task(worker()) for _ in range(N6_TASKS)]
    for t in tasks:
        await t
    assert count == N6_TASKS * N6_ROUNDS
    return count


print("W6", asyncio.run(main()), "acquisitions")
