# frozenset has no mutating methods; %a escapes; a decorated function's frame keeps its own name (funcName, tracebacks); run_until_complete inside the running loop
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
