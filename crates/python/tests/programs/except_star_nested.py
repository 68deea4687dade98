# except*: nested groups split with their structure (nested TaskGroups), naked exceptions
# wrapped, what handlers raise combined with what they re-raise or leave, as CPython does.
import asyncio
async def boom(kind, d):
    await asyncio.sleep(d)
    raise kind(f"{kind.__name__} after {d}")
async def inner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(boom(ValueError, 0.1))
        tg.create_task(boom(KeyError, 0.1))
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner())
            tg.create_task(boom(ValueError, 0.2))
    except* ValueError as eg:
        print("values:", repr(eg))
        for e in eg.exceptions:
            print("  ", type(e).__name__, e)
    except* KeyError as eg:
        print("keys:", repr(eg))
asyncio.run(main())
def show(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(e))
def a():
    try: raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError: raise TypeError("t")
def b():
    try: raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError: raise TypeError("t")
def c():
    try: raise ExceptionGroup("g", [ValueError(1), ExceptionGroup("s", [KeyError(2), ValueError(3)])])
    except* ValueError: raise
def d():
    try: raise ValueError("naked")
    except* ValueError as e: print(repr(e)); raise
def e():
    try: raise ValueError("naked")
    except* ValueError as e: raise TypeError("x")
def f():
    try: raise ExceptionGroup("top", [ValueError("a"), ExceptionGroup("sub", [ValueError("c"), KeyError("k")])])
    except* ValueError as v: print("V", repr(v))
    except* KeyError as k: print("K", repr(k))
def g():
    try: raise KeyError("naked")
    except* ValueError as e: print("no")
def h():
    try: raise ExceptionGroup("g", [ValueError(1), KeyError(2), TypeError(3)])
    except* ValueError: raise RuntimeError("r")
    except* KeyError as k: raise
for fn in (a, b, c, d, e, f, g, h):
    show(fn)
