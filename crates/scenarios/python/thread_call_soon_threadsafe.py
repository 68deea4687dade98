# call_soon_threadsafe: blocking callbacks on a background loop run one after
# the other ({{first}} + {{second}} s). Two programs: seed 002's, whose endless main loop
# (while True) stops here after the two messages, then seed 004's.
import asyncio
import time
from queue import Queue
from threading import Thread


def start_loop(loop):
    # 一个在后台永远运行的事件循环
    asyncio.set_event_loop(loop)
    loop.run_forever()


def do_sleep(x, queue, msg=""):
    time.sleep(x)
    queue.put(msg)


queue = Queue()

new_loop = asyncio.new_event_loop()

# 定义一个线程,并传入一个事件循环对象
t = Thread(target=start_loop, args=(new_loop,))
t.start()

print(time.ctime())

# 动态添加两个协程
# 这种方法,在主线程是同步的
new_loop.call_soon_threadsafe(do_sleep, {{first}}, queue, "第一个")
new_loop.call_soon_threadsafe(do_sleep, {{second}}, queue, "第二个")

for _ in range(2):                            # while True:
    msg = queue.get()
    print("{} 协程运行完..".format(msg))
    print(time.ctime())


# seed 004
def more_work(x):
    print('More work {}'.format(x))
    time.sleep(x)
    print('Finished more work {}'.format(x))


start = time.time()
new_loop = asyncio.new_event_loop()
t = Thread(target=start_loop, args=(new_loop,))
t.start()
print('TIME: {}'.format(time.time() - start))

new_loop.call_soon_threadsafe(more_work, {{first}})
new_loop.call_soon_threadsafe(more_work, {{second}})
