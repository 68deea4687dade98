# CancelledError's args: cancel() gives none, cancel('') an empty message, and a
# gather child with return_exceptions=True is CancelledError('') (its task's message is
# not kept), while awaiting the task raises the message it was cancelled with.
import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    u = asyncio.create_task(asyncio.sleep(1))
    w = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel()
    u.cancel("")
    w.cancel("bye")
    print(await asyncio.gather(t, u, w, return_exceptions=True))
    for x in (t, u, w):
        try:
            await x
        except asyncio.CancelledError as e:
            print(repr(e), e.args)
    v = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    v.cancel("")
    try:
        await v
    except asyncio.CancelledError as e:
        print(repr(e))
asyncio.run(main())
