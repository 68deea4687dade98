# Timeout's repr in each state; what __aexit__ of timeout() and TaskGroup chain to their errors.
import asyncio


async def timeouts():
    cm = asyncio.timeout(None)
    print(repr(cm))
    async with cm:
        print(repr(cm))
        cm.reschedule(asyncio.get_running_loop().time() + 1.23456)
        print(repr(cm))
    print(repr(cm))
    try:
        async with asyncio.timeout(0.5) as cm2:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print(repr(cm2), type(e.__context__).__name__, type(e.__cause__).__name__, e.__suppress_context__)


async def boom():
    raise ValueError("v")


async def groups():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom())
    except ExceptionGroup as eg:
        print(type(eg.__context__).__name__, eg.__cause__, eg.__suppress_context__)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom())
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print(type(eg.__context__).__name__, eg.__cause__, eg.__suppress_context__)
    try:
        async with asyncio.timeout(0.1):
            raise KeyError("k")
    except KeyError as e:
        print("key", type(e.__context__).__name__, e.__suppress_context__)


async def main():
    await timeouts()
    await groups()


asyncio.run(main())
