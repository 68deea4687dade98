# Future.set_exception checks the future's state before the exception.
import asyncio
async def main():
    f = asyncio.get_running_loop().create_future()
    f.set_result(1)
    for a in [StopIteration(), ValueError("x"), "bad"]:
        try:
            f.set_exception(a)
        except Exception as e:
            print(type(e).__name__, e)
    f.cancel()
    g = asyncio.get_running_loop().create_future()
    g.cancel()
    try:
        g.set_exception(KeyError())
    except Exception as e:
        print(type(e).__name__, e)
asyncio.run(main())
