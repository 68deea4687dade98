# Futures used with a loop they do not belong to: CPython's ValueError from
# ensure_future(fut, loop=...) in wait_for, gather, as_completed and
# run_until_complete; a gather belongs to its first future's loop.
import asyncio


async def main():
    other = asyncio.new_event_loop()
    f = other.create_future()
    loop = asyncio.get_running_loop()
    for name, call in [
        ("wait_for", lambda: asyncio.wait_for(f, 1)),
        ("wait_for 0", lambda: asyncio.wait_for(f, 0)),
        ("gather", lambda: asyncio.gather(asyncio.sleep(0), f)),
        ("ensure_future", lambda: asyncio.ensure_future(f, loop=loop)),
    ]:
        try:
            r = call()
            if asyncio.iscoroutine(r):
                await r
            print(name, "no error")
        except ValueError as e:
            print(name, "ValueError:", e)
    print(asyncio.ensure_future(f, loop=other) is f)
    try:
        for x in asyncio.as_completed([f]):
            pass
    except ValueError as e:
        print("as_completed ValueError:", e)
    g = asyncio.gather(f)
    print("gather of the other loop's future belongs to it:", g.get_loop() is other)
    try:
        await g
    except RuntimeError as e:
        # The task's repr in the message names CPython's own files.
        print("RuntimeError:", str(e).endswith("attached to a different loop"))
    other.close()


asyncio.run(main())
one, two = asyncio.new_event_loop(), asyncio.new_event_loop()
try:
    two.run_until_complete(one.create_future())
except ValueError as e:
    print("run_until_complete ValueError:", e)
print("two is running:", two.is_running())
print(two.run_until_complete(asyncio.sleep(0, "two still runs")))
