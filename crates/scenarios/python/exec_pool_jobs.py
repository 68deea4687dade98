# run_in_executor turns blocking faa(idx) calls into awaitables: first with the
# loop's default executor (None), then with ThreadPoolExecutor(max_workers={{max_workers}}).
# (The seed runs 1000 jobs per part; {{jobs}} here.)
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def faa(idx):
    print("第%s个foo开始运行" % idx)
    time.sleep({{cost}})
    return idx


async def faa_faster(pool, idx):
    obj = asyncio.get_running_loop()
    # 第一个参数默认是None,如果传(进)线程池进去,就以多(进)线程形式运行普通函数
    ret = obj.run_in_executor(pool, faa, idx)
    a = await ret
    print(a)


async def main():
    task = [asyncio.ensure_future(faa_faster(None, i)) for i in range({{jobs}})]
    await asyncio.wait(task)

    pool = ThreadPoolExecutor(max_workers={{max_workers}})
    task = [asyncio.ensure_future(faa_faster(pool, i)) for i in range({{jobs}})]
    await asyncio.wait(task)

asyncio.run(main())
