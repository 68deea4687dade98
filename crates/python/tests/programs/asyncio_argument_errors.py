# asyncio's functions report missing and extra arguments as CPython's
# signatures do; Future.set_exception refuses a non-exception in its words.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for f in (
        lambda: asyncio.create_task(),
        lambda: asyncio.shield(),
        lambda: asyncio.ensure_future(),
        lambda: asyncio.create_task(asyncio.sleep(0), "name"),
        lambda: loop.create_future().set_exception("oops"),
        lambda: loop.create_future().set_exception(5),
        lambda: loop.create_future().set_exception(StopIteration("s")),
    ):
        try:
            f()
            print("ok")
        except TypeError as e:
            print("TypeError:", e)
    f = loop.create_future()
    f.set_exception(ValueError)
    print(repr(f.exception()))


asyncio.run(main())
