# math.asinh, acosh and atanh as glibc (fdlibm) computes them, CPython's on Linux: the same last bits
import asyncio
import math
import random


async def main():
    random.seed(3)
    for f, lo, hi in [(math.asinh, -50, 50), (math.acosh, 1, 1e6), (math.atanh, -0.999, 0.999)]:
        out = [f(random.uniform(lo, hi)) for _ in range(1500)]
        print(f.__name__, hash(tuple(out)), out[:2])
    print(math.asinh(1e-30), math.asinh(-1e300), math.acosh(1.0), math.acosh(1e300), math.atanh(1e-30), math.atanh(-0.5))


asyncio.run(main())
