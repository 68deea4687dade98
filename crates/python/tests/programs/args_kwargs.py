# Function signatures: defaults, *args, **kwargs, keyword-only, positional-only, unpacking calls.
def f(a, b=2, *args, c, d=4, **kw):
    return f"a={a} b={b} args={args} c={c} d={d} kw={kw}"


print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, z=0))
print(f(*[1, 2, 3], **{"c": 1, "x": "y"}))


def g(x, y, /, z=0):
    return x + y + z


print(g(1, 2), g(1, 2, z=3))


def h(*, key="k"):
    return key


print(h(), h(key="v"))


def defaults(items=None, n=[]):
    n.append(1)
    return (items or []) + n


print(defaults(), defaults([0]), defaults())
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, y=2)
except TypeError as e:
    print("TypeError:", e)
try:
    h(1)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, c=2, a=3)
except TypeError as e:
    print("TypeError:", e)


def show(**kw):
    for k, v in kw.items():
        print(k, "=", v)


show(b=1, a=2, **{"c": 3})
print(max(3, 9, 2), max([3, 9, 2], key=lambda v: -v), min([], default="empty"))
print(f.__name__, (lambda: 0).__name__)
