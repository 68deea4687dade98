# A loop callback's exception has CPython's frame of Handle._run (events.py, at the reference interpreter's path) as its outermost, in the handler's context and in what traceback and logging print of it; a done callback's too
import asyncio
import logging
import sys
import traceback


def bad(x):
    return 1 / x


def handler(loop, context):
    print("handler:", context["message"])
    print("".join(traceback.format_exception(context["exception"])), end="")
    logging.error("logged", exc_info=context["exception"])


async def main():
    logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(bad, 0)
    loop.call_later(0.1, bad, 0)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: bad(0))
    fut.set_result(1)
    await asyncio.sleep(0.2)
    print("end")


asyncio.run(main())
