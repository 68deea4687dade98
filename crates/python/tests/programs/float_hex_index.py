# float.hex() and float.fromhex() as CPython's (subnormals, rounding, errors), and objects with __index__ taken by chr() and str methods.
import random
random.seed(4)
vals = [0.1, 1.0, -0.0, 0.0, 3.0, 1e300, 5e-324, 2.2250738585072014e-308, 1e-310, float('inf'), float('-inf'), float('nan'), -2.5, 123456.789]
vals += [random.uniform(-1e6, 1e6) * 10 ** random.randint(-300, 300) for _ in range(200)]
for v in vals:
    h = v.hex()
    back = float.fromhex(h)
    print(h, back == v or (back != back and v != v))
for s in ["0x1.8p1", "  -0X1P-2  ", "1.8p1", "0x.8", "0x1.", "inf", "-Infinity", "nan", "0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x1.fffffffffffff7p1023", "0x3p-1076", "0xabc.defp+10", "0x1.00000000000008p0", "0x1.00000000000018p0"]:
    print(repr(s), float.fromhex(s))
for bad in ["0x1.fffffffffffff8p1023", "0x", "0xg", "0x1p", "1e5", "", "0x1p1.5", "0x1.fffffffffffffcp1023", "0x1p1024"]:
    try:
        print(float.fromhex(bad))
    except (ValueError, OverflowError) as e:
        print(repr(bad), type(e).__name__, e)
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(chr(I(65)), "ab".center(I(6), "*"), "a,b,c".split(",", I(1)), "abc".zfill(I(5)), [1, 2, 3].pop(I(0)), "hello".find("l", I(3)))
for bad in [lambda: chr("a"), lambda: chr(2 ** 70), lambda: "a".center("x")]:
    try:
        bad()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
