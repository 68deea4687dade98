"""W3: 10k tasks through Semaphore(10): `async with sem: await sleep(0)`.

A plain asyncio program (run by our interpreter, and by CPython under the oracle's pyrun.py);
the same operation count as workloads.py's W3. Prints one line: the count, checked."""
import asyncio

N3_TASKS, N3_PERMITS = 10_000, 10


async def main():
    sem = asyncio.Semaphore(N3_PERMITS)
    inside = 0
    most = 0

    async def worker():
        nonlocal inside, most
        async with sem:
            inside += 1
            most = max(most, inside)
            await asyncio.sleep(0)
            inside -= 1

    tasks = [asyncio.create_task(worker()) for _ in range(N3_TASKS)]
    for t in tasks:
        await t
    assert most == N3_PERMITS
    return N3_TASKS


print("W3", asyncio.run(main()), "tasks")
