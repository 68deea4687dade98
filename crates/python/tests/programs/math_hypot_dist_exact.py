# math.hypot and math.dist agree with CPython's vector_norm to the last bit, over many magnitudes
import asyncio
import math
import random


async def main():
    random.seed(11)
    out = []
    for i in range(400):
        n = random.randint(0, 6)
        e = random.choice([-320, -300, -20, 0, 5, 150, 300])
        v = [random.uniform(-1, 1) * 10.0 ** e for _ in range(n)]
        out.append(math.hypot(*v))
        if n:
            w = [random.uniform(-1, 1) * 10.0 ** e for _ in range(n)]
            out.append(math.dist(v, w))
    print(hash(tuple(out)), out[:6])
    print(math.hypot(3, 4), math.hypot(), math.hypot(-2.5), math.hypot(float("inf"), float("nan")), math.hypot(float("nan"), 1))
    print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.hypot(1e308, 1e308))
    for bad in [((1, 2), (1,)), ((1,), 5)]:
        try:
            math.dist(*bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
