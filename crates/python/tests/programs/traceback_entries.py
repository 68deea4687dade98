# traceback entries as CPython adds them: once per frame entered, bare raise keeps the first line, `raise err` adds one, caught exceptions keep the frame that caught them (causes, contexts, logging.exception)
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")


def f():
    try:
        raise KeyError("k")
    except KeyError:
        print("caught in f")
        raise


def g():
    try:
        f()
    except KeyError as e:
        err = e
    print("g raises it again")
    raise err


def h():
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise RuntimeError("outer") from e


def k():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")


def fin():
    try:
        raise IndexError("in try")
    finally:
        print("finally runs")


def rec(n):
    if n == 0:
        raise OverflowError("bottom")
    rec(n - 1)


def rec5():
    rec(5)


class Meta:
    raise_in_body = False
    try:
        raise LookupError("class body")
    except LookupError:
        logging.exception("in a class body")


for fn in (f, g, h, k, fin, rec5):
    try:
        fn()
    except Exception:
        logging.exception("caught %s", type(sys.exc_info()[1]).__name__)
