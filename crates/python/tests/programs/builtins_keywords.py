# Builtins check their keyword arguments as CPython's do: none is silently ignored.
calls = [
    ("len", lambda: len([1, 2], foo=3)),
    ("abs", lambda: abs(-2, x=1)),
    ("print", lambda: print(1, zzz=2)),
    ("round", lambda: round(1.5, zzz=2)),
    ("pow", lambda: pow(2, 3, zzz=1)),
    ("min", lambda: min([1], zzz=1)),
    ("max", lambda: max([1], zzz=1)),
    ("sum", lambda: sum([1], zzz=1)),
    ("sorted", lambda: sorted([1], zzz=1)),
    ("enumerate", lambda: enumerate([1], zzz=1)),
    ("zip", lambda: zip([1], zzz=1)),
    ("isinstance", lambda: isinstance(1, int, x=1)),
    ("getattr", lambda: getattr(1, "real", default=1)),
]
for name, call in calls:
    try:
        call()
        print(name, "accepted")
    except TypeError as e:
        print(name, "TypeError:", e)
print(round(2.675, ndigits=2), sum([1, 2], start=10), sorted([3, 1], reverse=True), list(enumerate("ab", start=1)))
print(min([], default=0), max([1, 3], key=lambda v: -v), list(zip([1], [2], strict=True)), pow(2, exp=5))
