# sys's streams and functions check their keyword arguments as CPython's do (stdout is pyrun.py's).
import sys

print(sys.stdout.write(s="written by name\n"), sys.stdout.isatty())
sys.stdout.flush()

checks = [
    ("write typo", lambda: sys.stdout.write("x", end="")),
    ("write none", lambda: sys.stdout.write()),
    ("write two", lambda: sys.stdout.write("a", "b")),
    ("flush kw", lambda: sys.stdout.flush(now=True)),
    ("flush arg", lambda: sys.stdout.flush(1)),
    ("isatty kw", lambda: sys.stdout.isatty(x=1)),
    ("stderr write kw", lambda: sys.stderr.write(s="x")),
    ("stderr write two", lambda: sys.stderr.write("a", "b")),
    ("stderr flush arg", lambda: sys.stderr.flush(1)),
    ("getrecursionlimit kw", lambda: sys.getrecursionlimit(x=1)),
    ("getrecursionlimit arg", lambda: sys.getrecursionlimit(1)),
    ("exit kw", lambda: sys.exit(code=1)),
    ("exit two", lambda: sys.exit(1, 2)),
]
for name, call in checks:
    try:
        call()
        print(name, "accepted")
    except TypeError as e:
        print(name, "TypeError:", e)
