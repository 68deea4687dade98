# loop exception handlers: set/get/call/default_exception_handler, the context of a failing callback (functions, partials, methods, timers, done callbacks)
import asyncio
import functools
import logging
import re
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")


def bad(x, label="l"):
    raise ValueError(f"bad {x}")


class Job:
    def run(self, n):
        raise KeyError(n)


seen = []


def handler(loop, context):
    exc = context.get("exception")
    where = lambda text: re.sub(r" at \S*/", " at ", text)  # the file's name without its folder
    print("handler:", where(context["message"]), "|", repr(exc), "|", sorted(context), where(repr(context.get("handle"))))
    seen.append(type(exc).__name__)


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(bad, 1)
    loop.call_soon(functools.partial(bad, 2, label="p"))
    loop.call_soon(Job().run, 3)
    loop.call_later(0.25, bad, "x" * 40)
    loop.call_soon(print, "still runs")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: 1 / 0)
    fut.set_result(5)
    await asyncio.sleep(0.5)
    loop.call_exception_handler({"message": "custom report", "answer": 42})
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print(e)
    loop.set_exception_handler(None)
    loop.call_exception_handler({"message": "to the default", "extra": [1, 2], "future": fut})
    loop.default_exception_handler({"message": ""})

    print(seen)


asyncio.run(main())
