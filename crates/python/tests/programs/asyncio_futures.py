# Futures: set_result/set_exception, done callbacks, cancellation with a message, states.
import asyncio


def report(fut):
    if fut.cancelled():
        print("callback: cancelled")
    elif fut.exception() is not None:
        print("callback: exception", repr(fut.exception()))
    else:
        print("callback: result", fut.result())


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(report)
    print(f.done(), f.cancelled())
    loop.call_later(0.1, f.set_result, 42)
    print(await f, f.done())
    g = loop.create_future()
    g.add_done_callback(report)
    g.set_exception(ValueError("broken"))
    try:
        await g
    except ValueError as e:
        print("awaited:", e)
    h = loop.create_future()
    h.add_done_callback(report)
    h.cancel("no longer needed")
    try:
        await h
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    pending = loop.create_future()
    try:
        pending.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    k = loop.create_future()
    k.add_done_callback(report)
    k.remove_done_callback(report)
    k.set_result("quiet")
    await asyncio.sleep(0)
    print(k.result(), asyncio.isfuture(k), asyncio.iscoroutinefunction(main))


asyncio.run(main())
