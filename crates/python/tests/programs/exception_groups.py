# ExceptionGroup and except*: splitting, nesting, message and exceptions attributes.
def boom():
    raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])


try:
    boom()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions], eg.message)
except* TypeError as eg:
    print("types:", eg.exceptions)
except* KeyError:
    print("a key error")

eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
print(repr(eg))
print(str(eg), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(TypeError)))
try:
    try:
        raise ExceptionGroup("g", [OSError("disk"), ValueError("x")])
    except* OSError as e:
        print("handled", e.exceptions)
except ExceptionGroup as e:
    print("left over:", repr(e))
try:
    raise ExceptionGroup("only", [ZeroDivisionError("z")])
except ExceptionGroup as e:
    print(type(e).__name__, [type(x).__name__ for x in e.exceptions])
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
