# The crawler loop again, with Semaphore({{limit}}): at most {{limit|word}} get_response bodies
# run at a time. Stops after {{urls}} tasks (the seed: endless); seeded randomness.
import asyncio
import random

sem = None


async def get_response(url, sleep_time):
    # 在并发函数中添加,直接控制并发数
    async with sem:
        print("开始爬取,网页为%s" % url)
        await asyncio.sleep(sleep_time)
        print("网页%s爬取完毕" % url)


async def main(loop):
    global sem
    # 设置协程的并发数
    sem = asyncio.Semaphore({{limit}})
    random.seed({{seed}})
    tasks = []
    url = 1
    while url <= {{urls}}:                          # while 1:
        sleep_time = random.randint(1, {{max_sleep}})
        task = get_response(url, sleep_time)
        tasks.append(loop.create_task(task))
        # 如果这里不await,看不出效果,线程的使用权一直没有释放.
        await asyncio.sleep(0)
        url += 1
    await asyncio.wait(tasks)


async def run():
    await main(asyncio.get_running_loop())

asyncio.run(run())
