# create_task/ensure_future schedule three func() tasks at once; awaiting them collects the results.
import asyncio


async def func(aa):
    print("%s>>start" % aa)
    await asyncio.sleep({{delay}})
    print("%s>>end" % aa)
    return "func结束了,返回值是%s" % aa


async def main():
    obj = asyncio.get_running_loop()
    print("main执行")
    task1 = obj.create_task(func("func1"))
    print("1")
    task2 = obj.create_task(func("func2"))
    print("2")
    task3 = asyncio.ensure_future(func("func3"))
    print("3")
    # python 3.7以上版本适用
    # task4 = asyncio.create_task(func("fun4"))
    ret1 = await task1
    ret2 = await task2
    ret3 = await task3
    print(ret1)
    print(ret2)
    print(ret3)

asyncio.run(main())
