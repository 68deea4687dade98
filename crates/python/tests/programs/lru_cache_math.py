# functools.lru_cache/cache (hits and misses), reduce, and the math module's helpers.
import functools
import math


@functools.lru_cache(maxsize=None)
def fib(n):
    print("computing", n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(6), fib(6))
print(fib.cache_info())


@functools.lru_cache(maxsize=2)
def square(x):
    print("square", x)
    return x * x


for x in [1, 2, 1, 3, 1, 2]:
    square(x)
print(square.cache_info(), square.cache_info().hits)
square.cache_clear()
print(square.cache_info())


@functools.cache
def slow(a, b=1):
    print("slow", a, b)
    return a + b


print(slow(1), slow(1), slow(1, b=2), slow(1, b=2))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(max, [3, 9, 2], 0))
print(math.hypot(3, 4), math.trunc(-2.7), math.isqrt(99), math.comb(10, 3), math.perm(5, 2), math.lcm(4, 6))
print(math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), math.copysign(2, -0.0), math.fmod(7, 3))
print(math.isnan(float("nan")), math.isinf(math.inf), math.degrees(math.pi), round(math.radians(180), 6))
print(math.atan2(1, 1), math.modf(2.5), math.tau)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
