# math.cbrt as glibc computes it (CPython's on Linux), to the last bit, with the other new math functions
import asyncio
import math
import random


async def main():
    random.seed(1)
    out = [math.cbrt(random.uniform(-1, 1) * 10.0 ** random.randint(-310, 300)) for _ in range(3000)]
    print(hash(tuple(out)), out[:3], math.cbrt(27), math.cbrt(5e-324), math.cbrt(-1e-310))


asyncio.run(main())
