# tasks raising while asyncio.run / Runner cancel them at shutdown: the loop's exception handler hears of them
import asyncio


async def stubborn(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise ValueError(f"cleanup failed {n}")


def handler(loop, context):
    print("handler:", context["message"], repr(context["exception"]), context["task"].get_name())


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    # One task: several would be cancelled in the order of a set of tasks,
    # which CPython orders by address (a known divergence).
    asyncio.create_task(stubborn(1), name="s1")
    await asyncio.sleep(0.1)
    print("main done")


asyncio.run(main())
with asyncio.Runner() as runner:
    runner.run(main())
print("end")
