# The builtin exception hierarchy: OSError's subclasses, IOError and EnvironmentError as
# OSError's old names, SyntaxError's and Warning's subclasses.
import asyncio
print(IOError is OSError, EnvironmentError is OSError)
for exc in [BrokenPipeError("pipe"), ConnectionAbortedError(), FileExistsError("f"), TabError("t"),
            ResourceWarning("r"), IsADirectoryError("d"), NotADirectoryError(), ProcessLookupError(1)]:
    print(type(exc).__name__, [k.__name__ for k in type(exc).__mro__], repr(exc), str(exc))
try:
    raise BrokenPipeError("x")
except ConnectionError as e:
    print("caught", type(e).__name__, isinstance(e, OSError))
try:
    raise IOError("old name")
except OSError as e:
    print(type(e).__name__, e)
e = OSError("plain")
print(type(e).__name__, e, e.args)
