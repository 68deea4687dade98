# math's integer functions on ints of any size and __index__ objects, with CPython's errors; round() of ints.
import math
for n in [2**62, 2**63 - 1, 2**63, 2**64 + 5, 10**40 + 1]:
    try:
        print(math.isqrt(n))
    except ValueError as e:
        print("ValueError", e)
print(math.gcd(2**70, 6), math.gcd(3 * 2**64, 2**40), math.lcm(2**64, 3), math.gcd(10**20, 10**5))
for f in [lambda: math.isqrt(2.0), lambda: math.factorial(2.5), lambda: math.factorial(2.0), lambda: math.comb(2**64, 2), lambda: math.gcd(2.0, 4), lambda: math.isqrt(-1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for i, n in [(15, -1), (25, -1), (-15, -1), (-25, -1), (True, -1), (5, -1000), (12345, 2), (2**70 + 5 * 10**3, -4), (-2**70, -5), (150, -2), (250, -2), (10**30, -31), (123, 10**30), (7, 0)]:
    print(i, n, round(i, n), type(round(i, n)).__name__)


class Idx:
    def __index__(self):
        return 6


print(math.factorial(Idx()), math.comb(10, 3), math.comb(10, 11), math.perm(5), math.perm(5, 2), math.comb(60, 30))
print(math.lcm(), math.gcd(), math.lcm(4, 6, 0, 8), math.gcd(-12, 18), math.lcm(-4, 6), math.isqrt(True))
print(len(str(math.factorial(1000))), math.isqrt(10**600) == 10**300, math.comb(2**64, 2))
for f in [lambda: math.factorial(-1), lambda: math.comb(-1, 2), lambda: math.perm(3, -1), lambda: math.gcd("4"), lambda: math.factorial(2**70)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
