# asyncio.Runner (3.11): several runs on one loop, tasks left over cancelled at close,
# async generators closed, task numbering across loops, a closed runner refused.
import asyncio


async def main(n):
    await asyncio.sleep(n)
    print("main", n, asyncio.current_task().get_name())
    return n * 2


async def forever(tag):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("cancelled at close", tag)
        raise


async def ticks():
    try:
        for i in range(10):
            yield i
    finally:
        print("ticks closed")


async def start_background():
    asyncio.create_task(forever("bg"))
    gen = ticks()
    print("first tick", await gen.__anext__())
    return gen


with asyncio.Runner() as runner:
    print(runner.run(main(1)))
    print(runner.run(main(2)))
    keep = runner.run(start_background())
    loop = runner.get_loop()
    print(loop.is_running(), loop.time())
print(loop.is_closed())
r = asyncio.Runner()
print(r.run(main(0.5)))
r.close()
try:
    r.run(main(1))
except RuntimeError as e:
    print(e)
try:
    asyncio.Runner().run(42)
except ValueError as e:
    print(e)
other = asyncio.new_event_loop()
t = other.create_task(main(0))
print(other.run_until_complete(t))
