# traceback lays out exception groups in their box (+-+---- 1 ----), nested,
# chained, truncated after 15 members, with notes; a TaskGroup's group and a
# timeout's TimeoutError show the __aexit__ frame of asyncio that raised them.
import traceback, sys, asyncio
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except ExceptionGroup:
    print(traceback.format_exc(), end="")
def f():
    raise KeyError("k")
try:
    try:
        f()
    except KeyError as e:
        raise ExceptionGroup("outer", [e, ExceptionGroup("inner", [OSError("x")])]) from None
except* KeyError as g:
    traceback.print_exc(file=sys.stdout)
except* OSError:
    pass
traceback.print_exception(ExceptionGroup("many", [ValueError(i) for i in range(17)]), file=sys.stdout)
async def bad(n):
    await asyncio.sleep(n)
    raise ValueError(f"bad {n}")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(0.1))
            tg.create_task(bad(0.2))
    except* ValueError:
        print(traceback.format_exc())
asyncio.run(main())
e = ExceptionGroup("noted", [ValueError("v")])
e.add_note("a note")
try:
    raise e
except Exception:
    traceback.print_exc(file=sys.stdout)


async def timed():
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print(traceback.format_exc().splitlines()[-4:])


asyncio.run(timed())
