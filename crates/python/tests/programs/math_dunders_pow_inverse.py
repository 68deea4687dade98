# math takes objects with __float__ or __index__ (and floor, ceil, trunc their __floor__, __ceil__, __trunc__), and pow(b, -e, m) is the modular inverse to the power e, with CPython's error when there is none
import math
from fractions import Fraction
class F:
    def __float__(self): return 2.25
class I:
    def __index__(self): return 4
class T:
    def __trunc__(self): return 7
print(math.sqrt(F()), math.sqrt(I()), math.floor(F()), math.trunc(T()), math.sqrt(Fraction(1, 4)), math.exp(Fraction(0)))
for bad in (object(), "x"):
    for fn in (math.sqrt, math.floor, math.trunc):
        try:
            fn(bad)
        except TypeError as e:
            print(fn.__name__, e)
M = (1 << 61) - 1
print(pow(1, -1, M), pow(2, -1, M), pow(3, -1, M), hash(2**70), hash(-2**70), hash(2**61 - 1), hash(2**61), hash(5 * 1))
print(hash(5 * pow(1, -1, M)), hash(hash(5) * pow(2, -1, M)), hash(0.5), hash(2.5))
f = Fraction(5)
print(f._numerator, f._denominator, type(f._denominator), hash(f), hash(Fraction(1, 2)))
for b, e, m in [(3, -1, 7), (3, -1, -7), (2, -3, 11), (10**20 + 1, -2, 2**61 - 1), (-4, -1, 9), (0, 5, 3), (7, 0, -3)]:
    print(b, e, m, pow(b, e, m))
for b, e, m in [(2, -1, 4), (0, -1, 5), (3, -1, 1)]:
    try:
        print(pow(b, e, m))
    except ValueError as x:
        print("ValueError", x)
