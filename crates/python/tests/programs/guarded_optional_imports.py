# An import guarded by `except ImportError` of a module the playground lacks raises ModuleNotFoundError when it runs
import asyncio

try:
    import uvloop
except ImportError:
    uvloop = None

try:
    from aiohttp import ClientSession
except (ModuleNotFoundError, RuntimeError) as e:
    print(type(e).__name__, e, e.name)
    ClientSession = None


def load():
    try:
        import ujson_not_here as json
    except Exception:
        import json
    return json.dumps({"a": 1})


async def main():
    print("uvloop:", uvloop, ClientSession, load())
    try:
        import numpy
    except ImportError as e:
        print("no numpy:", e)


asyncio.run(main())
