# gather returns results in argument order; as_completed yields them in finishing order.
import asyncio


async def async_function1(wait_time):
    await asyncio.sleep(wait_time)
    return "需要%s秒的时间,所以会最后输出" % wait_time


async def main():
    tasks = [async_function1({{n}} - i) for i in range({{n}})]
    results = await asyncio.gather(*tasks)
    print(results)

    tasks = [asyncio.ensure_future(async_function1({{n}} - i)) for i in range({{n}})]
    # 使用 as_completed() 获取完成的协程
    for task in asyncio.as_completed(tasks):
        result = await task  # 等待任务完成并获取结果
        print(result)  # 立即处理结果

asyncio.run(main())
