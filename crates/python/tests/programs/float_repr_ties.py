# Float repr: a tie between two shortest digit strings goes to the even one (CPython's
# dtoa), random floats read back exactly, and format specs.
import random
print(1000000000000000.25, 1e15 + 0.3, 0.5, 2.5, 1e23, 5e-324, 0.1 + 0.2, 1/3, 2**0.5)
vals = [1000000000000000.25, 1000000000000000.75, 1e16 + 2, 123456789012345.625, 0.125, 9007199254740993.0]
print(vals, [str(v) for v in vals], f"{vals[0]!r}")
r = random.Random(7)
xs = [r.random() * 10 ** r.randint(-5, 20) for _ in range(2000)]
print(sum(1 for x in xs if float(repr(x)) == x), hash(tuple(repr(x) for x in xs)) == hash(tuple(repr(x) for x in xs)))
for x in xs[:2000:97]:
    print(repr(x), repr(round(x, 3)), f"{x:.6g}")
ties = [float(f"{k}.{d}25") for k in (10**15, 2 * 10**15 + 1, 3 * 10**14) for d in range(0, 10)]
print(ties)
