# add_done_callback: a plain function called with the finished task prints its
# result; first under asyncio.wait(timeout={{timeout}}), then under asyncio.gather.
import asyncio


def follow(t):
    # 这里的t是test函数的运行返回值,是一个task运行完的对象,result方法可以获取返回值
    print(t.result())


async def test(i):
    print(f"from test,开始阻塞,传入的参数是{i}")
    await asyncio.sleep({{delay}})
    print(f"from test,停止阻塞,传入的参数是{i}")
    return f"test的返回结果{i}"


async def main():
    obj = asyncio.get_running_loop()
    t1 = test("t1")  # 和普通函数不一样,这一步函数并不会执行,需要循环器开始执行
    t2 = test("t2")
    t3 = test("t3")
    f1 = obj.create_task(t1)
    # 同步函数回调用add_done_callback 方法,不过要在task任务被封装成future对象后使用
    f1.add_done_callback(follow)
    # 也可以用 asyncio.ensure_future 封装
    f2 = asyncio.ensure_future(t2)
    f2.add_done_callback(follow)
    # f3没有回调函数
    f3 = obj.create_task(t3)
    await asyncio.wait([f1, f2, f3], timeout={{timeout}})

    # 也可以用asyncio.gather进行运行
    f1 = obj.create_task(test("t1"))
    f1.add_done_callback(follow)
    f2 = asyncio.ensure_future(test("t2"))
    f2.add_done_callback(follow)
    f3 = obj.create_task(test("t3"))
    await asyncio.gather(f1, f2, f3)

asyncio.run(main())
