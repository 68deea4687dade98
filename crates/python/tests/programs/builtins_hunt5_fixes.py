# frozenset has no mutating methods; %a escapes; a decorated function's frame keeps its own name (funcName, tracebacks); run_until_complete inside the running loop; divmod's and aiter's messages; a Task refuses set_result and set_exception
import asyncio
import functools
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(funcName)s: %(message)s")
fs = frozenset([1])
for name in ["add", "discard", "remove", "update", "clear", "pop", "difference_update", "union", "issubset"]:
    print(name, hasattr(fs, name))
try:
    fs.add(2)
except AttributeError as e:
    print("AttributeError:", e)
print(fs, "%a" % "é", "%a|%-6a|" % ("ü", 1), f"{'é'!a}")


def deco(fn):
    @functools.wraps(fn)
    def wrapper():
        logging.warning("in wrapper of %s", fn.__name__)
        return fn()
    return wrapper


@deco
def boom():
    raise ValueError("x")


try:
    boom()
except ValueError:
    logging.exception("caught")


async def main():
    loop = asyncio.get_running_loop()
    coro = asyncio.sleep(0)
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print(e)
    coro.close()


asyncio.run(main())
for f in [lambda: divmod("a", 1), lambda: divmod(7, None), lambda: aiter([1])]:
    try:
        f()
    except TypeError as e:
        print(e)
print(divmod(7, 2), divmod(-7.5, 2))


async def task_results():
    t = asyncio.create_task(asyncio.sleep(0))
    for name in ("set_result", "set_exception"):
        try:
            getattr(t, name)(ValueError())
        except RuntimeError as e:
            print(type(e).__name__, e)
    await t


asyncio.run(task_results())
