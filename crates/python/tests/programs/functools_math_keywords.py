# functools, math and typing check keyword arguments as CPython's do: bound by name, or refused.
import functools
import math
import typing


@functools.lru_cache(maxsize=2, typed=True)
def double(x):
    return x * 2


print(double(1), double(1.0), double(1), double.cache_info())


@functools.lru_cache(typed=False)
def triple(x):
    return x * 3


print(triple(2), triple(2.0), triple.cache_info())
print(functools.reduce(lambda a, b: a + b, [1, 2, 3], 10), functools.partial(pow, exp=2)(5))
print(math.isclose(1, 1.05, rel_tol=0.1), math.isclose(1, 1.05, abs_tol=0.01), math.isclose(a=1, b=1.0))
print(math.isclose(float("inf"), float("-inf")), math.prod([2, 3], start=4), math.hypot(3, 4, 12), math.perm(4))
print(typing.cast(typ=int, val=3), math.gcd(12, 18), math.log(8, 2))

checks = [
    ("lru_cache typo", lambda: functools.lru_cache(maxsiz=2)),
    ("lru_cache bad", lambda: functools.lru_cache("x")),
    ("decorating kw", lambda: functools.lru_cache(2)(func=len)),
    ("cache by name", lambda: functools.cache(user_function=len)),
    ("cache typo", lambda: functools.cache(len, typed=True)),
    ("cache_info kw", lambda: double.cache_info(x=1)),
    ("cache_clear arg", lambda: double.cache_clear(1)),
    ("reduce kw", lambda: functools.reduce(max, [1], initial=0)),
    ("reduce one", lambda: functools.reduce(max)),
    ("wraps typo", lambda: functools.wraps(len, asigned=())),
    ("update_wrapper one", lambda: functools.update_wrapper(len)),
    ("sqrt kw", lambda: math.sqrt(x=4)),
    ("floor two", lambda: math.floor(1, 2)),
    ("log kw", lambda: math.log(8, base=2)),
    ("log none", lambda: math.log()),
    ("pow kw", lambda: math.pow(2, y=3)),
    ("pow one", lambda: math.pow(2)),
    ("isclose typo", lambda: math.isclose(1, 2, rel=1)),
    ("isclose one", lambda: math.isclose(1)),
    ("isclose three", lambda: math.isclose(1, 2, 3)),
    ("isclose negative", lambda: math.isclose(1, 2, abs_tol=-1)),
    ("prod typo", lambda: math.prod([1], strat=2)),
    ("prod by name", lambda: math.prod(iterable=[1])),
    ("prod two", lambda: math.prod([1], 2)),
    ("hypot kw", lambda: math.hypot(3, y=4)),
    ("comb kw", lambda: math.comb(5, k=2)),
    ("perm three", lambda: math.perm(5, 2, 1)),
    ("gcd kw", lambda: math.gcd(4, b=6)),
    ("factorial kw", lambda: math.factorial(n=3)),
    ("cast typo", lambda: typing.cast(int, value=3)),
]
for name, call in checks:
    try:
        call()
        print(name, "accepted")
    except (TypeError, ValueError) as e:
        print(name, type(e).__name__ + ":", e)
