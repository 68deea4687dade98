# await runs coroutines one after another: func('ret1') finishes before func('ret2') starts.
import asyncio


async def func(aa):
    print("%s>>start" % aa)
    await asyncio.sleep({{delay}})
    print("%s>>end" % aa)
    return "func结束了,返回值是%s" % aa


async def main():
    print("main执行")
    ret1 = await func("ret1")
    print("ret1返回值是%s" % ret1)
    ret2 = await func("ret2")
    print("ret2返回值是%s" % ret2)

asyncio.run(main())
