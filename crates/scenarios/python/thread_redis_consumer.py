# A consumer thread polls a redis list every {{poll}} s and submits do_sleep(n) to a
# background loop; the main thread prints a line for each finished coroutine.
{{?has_tasks}}
# Before the program starts: redis-cli lpush queue {{tasks_cli}}
{{:}}
# The redis list 'queue' is empty when the program starts.
{{/}}
{{?has_more}}
# Later, at {{more_at}} s and then every {{more_every}} s, one lpush each: {{more_cli}}
{{/}}
import asyncio
import time
from queue import Queue
from threading import Thread

import redis


def get_redis():
    connection_pool = redis.ConnectionPool(host='127.0.0.1', db=0)
    return redis.Redis(connection_pool=connection_pool)


def start_loop(loop):
    # 一个在后台永远运行的事件循环
    asyncio.set_event_loop(loop)
    loop.run_forever()


async def do_sleep(x, queue):
    await asyncio.sleep(x)
    queue.put("ok")


def consumer():
    while True:
        task = rcon.rpop("queue")
        if not task:
            time.sleep({{poll}})
            continue
        asyncio.run_coroutine_threadsafe(do_sleep(int(task), queue), new_loop)


if __name__ == '__main__':
    print(time.ctime())
    new_loop = asyncio.new_event_loop()

    # 定义一个线程,运行一个事件循环对象,用于实时接收新任务
    loop_thread = Thread(target=start_loop, args=(new_loop,))
    loop_thread.daemon = True
    loop_thread.start()
    # 创建redis连接
    rcon = get_redis()

    queue = Queue()

    # 子线程:用于消费队列消息,并实时往事件对象容器中添加新任务
    consumer_thread = Thread(target=consumer)
    consumer_thread.daemon = True
    consumer_thread.start()

    while True:
        msg = queue.get()
        print("协程运行完..")
        print("当前时间:", time.ctime())
