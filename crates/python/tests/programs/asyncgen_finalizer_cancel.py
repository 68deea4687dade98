# async generators left suspended: the finalizer's aclose task (GeneratorExit), CancelledError when asyncio.run cancels that task before it runs, shutdown_asyncgens
import asyncio


async def ticks(name):
    try:
        for i in range(100):
            yield i
            await asyncio.sleep(0.1)
    except BaseException as e:
        print(name, "got", type(e).__name__)
        raise
    finally:
        print(name, "finally")


async def early():
    async for x in ticks("early"):
        if x == 1:
            break
    print("early broke out")
    await asyncio.sleep(0.5)
    print("early done")


async def main():
    await early()
    g = ticks("held")
    print(await g.__anext__())
    async for x in ticks("last"):
        break
    print("main returns")


asyncio.run(main())


async def other():
    h = ticks("manual")
    print(await h.__anext__())
    return h


loop = asyncio.new_event_loop()
kept = loop.run_until_complete(other())
loop.run_until_complete(loop.shutdown_asyncgens())
loop.close()
print("end", kept is not None)
