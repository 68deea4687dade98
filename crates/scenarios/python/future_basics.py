# Futures by hand: set_result, cancel (await raises CancelledError), and two
# futures set later and gathered: three asyncio.run() programs one after another.
import asyncio


# 示例 1:手动设置 Future 的结果
async def main1():
    # 创建一个未完成的 Future 对象
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    # 手动设置 Future 的结果
    print("Setting future result manually...")
    fut.set_result('manual result')
    # 等待 Future 完成
    result = await fut
    print("Future received result:", result)


asyncio.run(main1())


# 示例 2:手动取消 Future
async def main2():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    # 手动取消 Future
    print("Cancelling future manually...")
    fut.cancel()
    try:
        # 尝试等待一个已取消的 Future
        await fut
    except asyncio.CancelledError:
        print("Future was cancelled")


asyncio.run(main2())


# 组合多个 Future
async def set_after(fut, delay, value):
    await asyncio.sleep(delay)
    fut.set_result(value)


async def main3():
    loop = asyncio.get_running_loop()
    # 创建两个 Future 对象
    fut1 = loop.create_future()
    fut2 = loop.create_future()
    # 设定一些异步操作完成 Future
    loop.create_task(set_after(fut1, {{delay1}}, 'result1'))
    loop.create_task(set_after(fut2, {{delay2}}, 'result2'))
    # 使用 asyncio.gather 等待多个 Future 完成
    print("Waiting for both futures...")
    results = await asyncio.gather(fut1, fut2)
    print("Results from futures:", results)


asyncio.run(main3())
