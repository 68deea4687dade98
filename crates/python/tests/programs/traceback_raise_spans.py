# raise statements' own carets: a one-line def, a trailing comment, an inline if, a multi-line raise, raise ... from
import logging, sys
logging.basicConfig(stream=sys.stdout, format="%(message)s")
def a(): raise KeyError("one-liner")
def b():
    raise ValueError("x")  # with a comment
def c():
    if True: raise TypeError("inline if")
def d():
    raise RuntimeError(
        "multi"
    )
def e():
    try:
        a()
    except KeyError as err:
        raise LookupError("chained") from err
for fn in (a, b, c, d, e):
    try:
        fn()
    except Exception:
        logging.exception(fn.__name__)
