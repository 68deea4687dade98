# Task cancellation: messages, cleanup in finally, uncancel-free re-raise, cancelled() states.
import asyncio


async def worker(name):
    try:
        while True:
            await asyncio.sleep(0.3)
            print(name, "tick")
    except asyncio.CancelledError as e:
        print(name, "cancelled with args", e.args)
        raise
    finally:
        print(name, "cleanup")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores cancel")
    return "finished anyway"


async def main():
    t = asyncio.create_task(worker("w1"), name="worker-1")
    await asyncio.sleep(1)
    print(t.cancel("shutting down"), t.get_name())
    try:
        await t
    except asyncio.CancelledError as e:
        print("main saw", repr(e))
    print(t.cancelled(), t.done())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())
    u = asyncio.create_task(worker("w2"))
    u.cancel()
    await asyncio.sleep(0)
    print("cancelled before start:", u.cancelled())
    print(t.cancel(), "cancel on done task")
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")


asyncio.run(main())
