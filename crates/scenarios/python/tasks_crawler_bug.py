# tasks_crawler_loop with its bug: asyncio.sleep({{gap}}) is not awaited, so main
# never yields: it keeps creating tasks and none of them starts. It stops after
# {{urls}} tasks (the default is effectively forever).
import asyncio
import random


async def get_response(url, sleep_time):
    print("开始爬取,网页为%s" % url)
    await asyncio.sleep(sleep_time)
    print("网页%s爬取完毕" % url)


async def main(loop):
    random.seed({{seed}})
    tasks = []
    url = 1
    while url <= {{urls}}:                          # while 1:
        sleep_time = random.randint(1, {{max_sleep}})
        task = get_response(url, sleep_time)
        # 2种创建task对象的方式
        tasks.append(loop.create_task(task))
        # asyncio.ensure_future(task)
        # 如果这里不await,看不出效果,线程的使用权一直没有释放.
        asyncio.sleep({{gap}})                     # the bug: not awaited
        url += 1
    await asyncio.wait(tasks)


async def run():
    await main(asyncio.get_running_loop())

asyncio.run(run())
