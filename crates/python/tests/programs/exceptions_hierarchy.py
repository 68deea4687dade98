# Exceptions: custom hierarchies, raise from, bare raise, args, str/repr, except clauses in order.
class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key!r}")
        self.key = key


class Timeout(AppError):
    def __str__(self):
        return "timed out!"


for exc in [NotFound("k"), Timeout(3), AppError(), AppError("a", 2), ValueError("bad")]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound:", e, e.key, e.args, repr(e))
    except AppError as e:
        print(type(e).__name__, str(e), e.args, repr(e))
    except Exception as e:
        print("other", repr(e))


def load(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise NotFound(k) from e


try:
    load({}, "x")
except AppError as e:
    print(e, "| cause:", repr(e.__cause__), type(e.__cause__).__name__)


def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging and re-raising")
        raise


try:
    reraise()
except ZeroDivisionError as e:
    print("caught again:", e)
try:
    try:
        {}["a"]
    except KeyError:
        raise ValueError("while handling")
except ValueError as e:
    print("context:", repr(e.__context__), e.__cause__)
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), repr(ValueError()), str(LookupError(2, "nope")))
print(issubclass(NotFound, Exception), issubclass(KeyError, LookupError), isinstance(Timeout(), AppError))
try:
    raise TypeError
except TypeError as e:
    print("bare class:", repr(e), e.args)
e = RuntimeError("x", 1)
print(e.args, str(e), repr(e))
try:
    raise NotFound("q") from None
except NotFound as e:
    print(e.__cause__, e.__suppress_context__)
