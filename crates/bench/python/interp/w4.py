"""W4: 200k items through Queue(maxsize=100): one producer, one consumer.

A plain asyncio program (run by our interpreter, and by CPython under the oracle's pyrun.py);
the same operation count as workloads.py's W4. Prints one line: the count, checked."""
import asyncio

N4_ITEMS, N4_MAXSIZE = 200_000, 100


async def main():
    q = asyncio.Queue(maxsize=N4_MAXSIZE)

    async def producer():
        for i in range(N4_ITEMS):
            await q.put(i)

    async def consumer():
        total = 0
        for _ in range(N4_ITEMS):
            total += await q.get()
        return total

    p = asyncio.create_task(producer())
    c = asyncio.create_task(consumer())
    await p
    total = await c
    assert total == N4_ITEMS * (N4_ITEMS - 1) // 2
    return N4_ITEMS


print("W4", asyncio.run(main()), "items")
