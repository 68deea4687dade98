# gather's future is an asyncio.tasks._GatheringFuture; asyncio.run binds its arguments as pyrun.py's _asyncio_run.
import asyncio
async def main():
    g = asyncio.gather(asyncio.sleep(0))
    print(type(g).__name__, type(g).__module__, isinstance(g, asyncio.Future), asyncio.isfuture(g), type(g).__mro__)
    await g
    f = asyncio.get_running_loop().create_future()
    print(type(f).__name__, type(f).__module__)
    for bad in [(main(), 1), ()]:
        try:
            asyncio.run(*bad)
        except TypeError as e:
            print(e)
        except RuntimeError as e:
            print("RT", e)
asyncio.run(main())
