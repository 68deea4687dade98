"""W1: spawn and finish 100k trivial tasks (create_task, then await each).

A plain asyncio program (run by our interpreter, and by CPython under the oracle's pyrun.py);
the same operation count as workloads.py's W1. Prints one line: the count, checked."""
import asyncio

N1 = 100_000


async def trivial():
    return None


async def main():
    tasks = [asyncio.create_task(trivial()) for _ in range(N1)]
    for t in tasks:
        await t
    return N1


print("W1", asyncio.run(main()), "tasks")
