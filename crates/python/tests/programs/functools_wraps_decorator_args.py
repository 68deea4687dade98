# The decorator functools.wraps returns is CPython's
# partial(update_wrapper, wrapped=...): it binds its arguments as
# update_wrapper does, and a keyword given to it replaces the partial's.
import functools


def original():
    "the original"


def other():
    "another one"


def wrapper():
    pass


decorate = functools.wraps(original)
cases = [
    ("unknown keyword", lambda: decorate(wrapper, x=1)),
    ("no wrapper", lambda: decorate()),
    ("wrapped twice", lambda: decorate(wrapper, other)),
    ("wrapper by name", lambda: decorate(wrapper=wrapper).__doc__),
    ("wrapped replaced", lambda: decorate(wrapper, wrapped=other).__doc__),
]
for name, case in cases:
    try:
        print(name, "->", case())
    except TypeError as e:
        print(name, "-> TypeError", e)
