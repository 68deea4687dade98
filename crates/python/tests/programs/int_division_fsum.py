# int / int correctly rounded (huge, subnormal, overflowing quotients), float.as_integer_ratio, and math.fsum exactly rounded with infinities, NaNs and overflow.
import random, math
random.seed(11)
out = []
for i in range(600):
    ka = random.choice([1, 10, 60, 64, 100, 300, 1100, 2000])
    kb = random.choice([1, 10, 60, 64, 100, 300, 1100, 2000])
    a = random.getrandbits(ka) * random.choice([1, -1])
    b = random.getrandbits(kb) or 1
    if random.random() < 0.2:
        a = a << random.randint(0, 60)
    try:
        out.append(repr(a / b))
    except OverflowError as e:
        out.append("OverflowError " + str(e))
for a, b in [(1, 3 * 2**1070), (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 2**1076), (2**1024, 1), (2**1024 - 1, 1), (2**1025, 2),
             (10**400, 10**399), (2**1023 * 3, 3), (-1, 2**1080), (5, 2**1076)]:
    try:
        out.append(repr(a / b))
    except OverflowError as e:
        out.append("OverflowError " + str(e))
for i in range(500):
    n = random.randint(0, 30)
    xs = [random.choice([random.random(), random.uniform(-1e10, 1e10), random.gauss(0, 1) * 10 ** random.randint(-20, 20), 1e308, -1e308, 0.1, 1e-320]) for _ in range(n)]
    try:
        out.append(repr(math.fsum(xs)))
    except (OverflowError, ValueError) as e:
        out.append(type(e).__name__ + " " + str(e))
for xs in [[float('inf'), 1.0], [float('inf'), -float('inf')], [float('nan'), 1.0], [1e308, 1e308], [1e308, 1e308, -1e308],
           [1e16, 1.0, 1e-16], [0.1] * 10, [1, 2, 3], []]:
    try:
        out.append(repr(math.fsum(xs)))
    except (OverflowError, ValueError) as e:
        out.append(type(e).__name__ + " " + str(e))

for o in out:
    print(o)
for x in [0.0, -0.0, 1.0, 0.5, -2.75, 0.1, 1e300, 5e-324, 3.0e20, -1e-310, 123456789.125, 2.0**60]:
    print(x, x.as_integer_ratio())
for x in [float('inf'), float('nan')]:
    try:
        x.as_integer_ratio()
    except Exception as e:
        print(type(e).__name__, e)
