# traceback's format_exc, print_exc, format_exception, print_exception and format_exception_only, as python3 writes them.
import asyncio
import sys
import traceback


def parse(s):
    return int(s)


async def worker(n):
    await asyncio.sleep(n)
    try:
        parse("x%d" % n)
    except ValueError:
        print(traceback.format_exc())
        traceback.print_exc(file=sys.stdout)
        raise RuntimeError("wrapped") from None


async def main():
    try:
        await worker(1)
    except RuntimeError as e:
        lines = traceback.format_exception(e)
        print(len(lines), "".join(lines))
        print(traceback.format_exception_only(e), traceback.format_exception(type(e), e, e.__traceback__)[-1])
        traceback.print_exception(e, file=sys.stdout)
    print(repr(traceback.format_exc()))
    try:
        {}["k"]
    except KeyError as e:
        try:
            raise ValueError("second")
        except ValueError:
            print(traceback.format_exc(chain=False))
            print(traceback.format_exc())


asyncio.run(main())
