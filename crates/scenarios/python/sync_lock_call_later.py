# An asyncio.Lock taken by main is released {{delay}} s later by a call_later callback.
import asyncio
import functools


def unlock(lock):
    print("callback  releasing lock")
    lock.release()


async def test(locker, lock):
    print('{} waiting for the lock'.format(locker))
    async with lock:
        print("{} acquired lock".format(locker))
    print('{} released lock'.format(locker))


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    await lock.acquire()
    # 使用 acquire 加锁
    loop.call_later({{delay}}, functools.partial(unlock, lock))
    # 通过 call_later 方法添加一个 {{delay}} 秒后释放锁的函数
    await asyncio.wait({{lockers_list}})


asyncio.run(main())
