# int/float arithmetic: big ints, factorial, floor division/modulo with negatives, round, float repr.
import math

print(7 // 2, -7 // 2, 7 // -2, -7 // -2, 7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), 7.5 // 2, -7.5 % 2)
print(2 ** 100, 2 ** -2, (-2) ** 3, 10 ** 20 // 7, pow(3, 4), pow(3, 4, 5), pow(2, 0.5))
print(math.factorial(30), math.factorial(25) // math.factorial(23))
big = 123456789 ** 5
print(big, big % 1000003, -big // 97, len(str(big)), big.bit_length())
print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 4, 1e300 * 10, 3.0, 1.0e-5, 123456789012345678.0, 0.1 * 3)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2), round(7), round(0.125, 2))
print(int(3.9), int(-3.9), int("  42 "), int("ff", 16), int("0b101", 0), float("1.5"), float("-inf"))
print(abs(-5), abs(-2.5), max(1, 2.5), min(-1, -1.0), sum([0.1] * 10), sum(range(101)))
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.pi, math.e, math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3))
print(math.log(math.e), math.log2(1024), math.log10(0.001), math.hypot(3, 4), math.inf > 10 ** 100)
print(1 == 1.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 0.5.is_integer(), (4.0).is_integer(), True + True)
print(10 / 2, type(10 / 2).__name__, 10 // 2.0, 5 % 0.3, -0.0 == 0.0, hash(1) == hash(1.0))
print(bin(10), hex(255), oct(8), bin(-5), int("-0x1f", 16), 1_000_000)
print(3 < 5 < 7, 1 < 2 > 0, 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -16 >> 2)
print(float(10 ** 20), 10 ** 15 / 3, 2 ** 63, -(2 ** 63) - 1, (2 ** 64) * (2 ** 64))
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int("abc")
except ValueError as e:
    print("ValueError:", e)
print(f"{2 ** 0.5:.10f}", 1e16, 1e15, 12345678901234567890.0, 1.1e-4, 0.0001)
