# datetime: timedelta construction, normalisation, arithmetic, str/repr and errors
from datetime import *
# timedelta: construction, normalisation, arithmetic, str/repr, errors


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(repr(timedelta(days=1, seconds=3600)), repr(timedelta()), type(timedelta()).__name__)
print(repr(timedelta(hours=-1)), str(timedelta(hours=-1)))
print(str(timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)))
print(str(timedelta(days=-2, seconds=5)), str(timedelta(weeks=3)), str(timedelta(milliseconds=1500)))
for kw in [dict(days=1.5), dict(seconds=0.5e-6), dict(seconds=1.5e-6), dict(seconds=2.5e-6), dict(seconds=-2.5e-6),
           dict(days=-0.1, hours=3.3), dict(minutes=1 / 3), dict(weeks=0.001, milliseconds=-0.3),
           dict(microseconds=0.5), dict(microseconds=1.5), dict(microseconds=-0.5), dict(hours=1e-9)]:
    td = timedelta(**kw)
    print(kw, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta.min, timedelta.max, repr(timedelta.resolution))
a, b = timedelta(hours=5, microseconds=7), timedelta(minutes=-90)
print(a + b, a - b, b - a, a * 3, 3 * a, a * 0.1, 0.5 * b, a / 3, a / 0.7, a / b, a // b, a // 7, a % b)
print(divmod(a, b), divmod(a, timedelta(minutes=7)), abs(b), -a, +b, a > b, a == timedelta(0, 18000, 7))
print(bool(timedelta()), bool(timedelta(microseconds=1)), a != b, b <= a, a >= a)
print(hash(timedelta(1)) == hash(timedelta(hours=24)), {timedelta(1): "x"}[timedelta(seconds=86400)])
print(timedelta(seconds=1) / timedelta(milliseconds=3), timedelta(1).total_seconds(), (timedelta(microseconds=-1)).total_seconds())
print(sum([timedelta(minutes=m) for m in range(10)], timedelta()))
print(sorted([timedelta(3), timedelta(-1), timedelta(hours=5)]))
print(max(timedelta(1), timedelta(2)), f"{timedelta(hours=1)}", "%s" % timedelta(days=1))
show("overflow", lambda: timedelta(days=1000000000))
show("overflow2", lambda: timedelta.max + timedelta(microseconds=1))
show("overflow3", lambda: timedelta(days=1e10))
show("add int", lambda: timedelta(1) + 1)
show("sub str", lambda: timedelta(1) - "x")
show("radd", lambda: 1 + timedelta(1))
show("mul td", lambda: timedelta(1) * timedelta(1))
show("div0", lambda: timedelta(1) / 0)
show("divtd0", lambda: timedelta(1) / timedelta(0))
show("mod0", lambda: timedelta(1) % timedelta(0))
show("floordiv0", lambda: timedelta(1) // 0)
show("floordiv float", lambda: timedelta(1) // 2.0)
show("lt int", lambda: timedelta(1) < 1)
show("eq int", lambda: timedelta(1) == 1)
show("nan", lambda: timedelta(1) * float("nan"))
show("inf", lambda: timedelta(1) * float("inf"))
show("nan ctor", lambda: timedelta(days=float("nan")))
show("str ctor", lambda: timedelta(hours="1"))
show("neg min", lambda: -timedelta.min)

