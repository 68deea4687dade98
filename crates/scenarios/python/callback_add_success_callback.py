# A coroutine 'callback': add_success_callback awaits the task, then awaits
# follow2(task). The seed prints the Task itself, whose repr holds a task name
# and this file's path, so task_repr() shows it without them.
import asyncio


def task_repr(t):
    return f"<Task finished coro=<{t.get_coro().__name__}() done> result={t.result()!r}>"


async def follow2(t):
    print(f"follow2开始运行,传入的参数t是{task_repr(t)}")
    await asyncio.sleep({{follow_delay}})
    # 这里的t是test函数的运行返回值,是一个task运行完的对象,result方法可以获取返回值
    print(f"from回调函数follow2,上一个test返回值是{t.result()}")


async def test(i):
    print(f"from test,开始阻塞,传入的参数是{i}")
    await asyncio.sleep({{delay}})
    print(f"from test,停止阻塞,传入的参数是{i}")
    return f"test的返回结果{i}"


async def add_success_callback(fun1, fun2):
    # 这里func1就是test函数的运行结果,只是会阻塞
    await fun1
    # test有了结果会传给fun2继续阻塞挂起
    ret = await fun2(fun1)
    return ret


async def main():
    obj = asyncio.get_running_loop()
    f1 = obj.create_task(test("t1"))
    # 传入的follow是回调函数,同时也是t1的返回值
    f1 = add_success_callback(f1, follow2)
    # 也可以用 asyncio.ensure_future 封装
    f2 = asyncio.ensure_future(test("t2"))
    f2 = add_success_callback(f2, follow2)
    await asyncio.wait([asyncio.ensure_future(f1), asyncio.ensure_future(f2)],
                       timeout={{timeout}})

asyncio.run(main())
