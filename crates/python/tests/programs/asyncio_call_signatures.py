# asyncio's functions bind their arguments as CPython's signatures do:
# wait(fs, FIRST_COMPLETED) is a TypeError (return_when is keyword-only),
# not a timeout of "FIRST_COMPLETED".
import asyncio


async def main():
    t = asyncio.create_task(asyncio.sleep(0.1, "slept"))
    calls = [
        ("wait(fs, FIRST_COMPLETED)", lambda: asyncio.wait([t], asyncio.FIRST_COMPLETED)),
        ("wait(fs, 1)", lambda: asyncio.wait([t], 1)),
        ("wait(fs, when=...)", lambda: asyncio.wait([t], when=1)),
        ("as_completed(fs, 1)", lambda: asyncio.as_completed([t], 1)),
        ("sleep(1, 2, 3)", lambda: asyncio.sleep(1, 2, 3)),
        ("sleep()", lambda: asyncio.sleep()),
        ("wait_for(t)", lambda: asyncio.wait_for(t)),
        ("wait_for(t, 1, 2)", lambda: asyncio.wait_for(t, 1, 2)),
        ("timeout()", lambda: asyncio.timeout()),
        ("timeout_at()", lambda: asyncio.timeout_at()),
    ]
    for label, call in calls:
        try:
            c = call()
            print(label, "accepted", type(c).__name__)
            if asyncio.iscoroutine(c):
                c.close()
        except TypeError as e:
            print(label, "TypeError:", e)
    done, pending = await asyncio.wait([t], timeout=1, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), await asyncio.wait_for(t, timeout=None))
    print(await asyncio.sleep(0, result="r"), await asyncio.sleep(delay=0, result="k"))
    for f in asyncio.as_completed([asyncio.sleep(0.1, "a")], timeout=5):
        print(await f)
    async with asyncio.timeout(delay=None):
        print("no deadline")


asyncio.run(main())
