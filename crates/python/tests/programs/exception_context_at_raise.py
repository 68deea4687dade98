# An exception raised while another is handled has it as __context__ from the
# moment it is raised: builtins' errors, a called function's, caught inside
# the handler; other tasks' handlers do not leak in.
import asyncio


def parse(s):
    return int(s)


try:
    1 / 0
except ZeroDivisionError:
    try:
        int("x")
    except ValueError as e:
        print(repr(e.__context__))
    try:
        parse("y")
    except ValueError as e:
        print(repr(e.__context__))
    try:
        raise KeyError("k")
    except KeyError as e:
        print(repr(e.__context__), e.__suppress_context__)
try:
    int("z")
except ValueError as e:
    print(repr(e.__context__))

err = RuntimeError("reused")
for i in range(2):
    try:
        try:
            [][i]
        except IndexError:
            raise err
    except RuntimeError as e:
        print(i, repr(e.__context__))


async def handler_waits():
    try:
        raise OSError("first task")
    except OSError:
        await asyncio.sleep(1)
        print("handler done")


async def other():
    await asyncio.sleep(0.5)
    try:
        {}["missing"]
    except KeyError as e:
        print("other task's context:", repr(e.__context__))


async def retry():
    for attempt in range(3):
        try:
            if attempt < 2:
                raise ConnectionError(f"attempt {attempt}")
            return "ok"
        except ConnectionError as e:
            print(attempt, repr(e), repr(e.__context__))
            await asyncio.sleep(0.1)


async def main():
    await asyncio.gather(handler_waits(), other(), retry())
    try:
        raise ValueError("outer")
    except ValueError:
        await asyncio.sleep(0)
        try:
            await asyncio.wait_for(asyncio.sleep(5), 0.1)
        except TimeoutError as e:
            print(repr(e.__context__))


asyncio.run(main())


async def timeouts():
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.1)
    except TimeoutError as e:
        print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0)
    except TimeoutError as e:
        print(repr(e.__cause__), e.__suppress_context__)


asyncio.run(timeouts())
