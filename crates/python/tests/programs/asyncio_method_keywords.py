# Loop, Future, Task, handle, TaskGroup and Timeout methods check keyword arguments as CPython's do.
import asyncio


def ring(*args):
    print("ring", args, asyncio.get_running_loop().time())


async def work(n):
    await asyncio.sleep(0.1)
    return n


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(callback=ring)
    loop.call_later(delay=0.2, callback=ring, context=None)
    handle = loop.call_at(loop.time() + 0.3, ring, "at")
    print(handle.when(), handle.cancelled(), loop.is_running(), loop.get_debug())
    loop.set_debug(enabled=False)
    t = loop.create_task(coro=work(1), name="named")
    print(t.get_name(), await t)
    fut = loop.create_future()
    fut.add_done_callback(ring, context=None)
    fut.set_result(5)
    print(fut.result(), fut.done(), fut.exception())
    victim = asyncio.create_task(work(2))
    await asyncio.sleep(0)
    victim.cancel(msg="bye")
    try:
        await victim
    except asyncio.CancelledError as e:
        print("cancelled:", e.args)
    other = loop.create_future()
    other.cancel("no")
    print(other.cancelled())
    print(await loop.run_in_executor(None, pow, 2, 5))
    async with asyncio.TaskGroup() as tg:
        g = tg.create_task(coro=work(3), name="in-group")
    print(g.get_name(), g.result())
    async with asyncio.timeout(5) as cm:
        cm.reschedule(when=None)
        print(cm.when(), cm.expired())
    await asyncio.sleep(0.5)

    checks = [
        ("call_later typo", lambda: loop.call_later(1, ring, contxt=None)),
        ("call_soon none", lambda: loop.call_soon()),
        ("call_later missing", lambda: loop.call_later(callback=ring)),
        ("call_at twice", lambda: loop.call_at(1, ring, when=2)),
        ("time kw", lambda: loop.time(x=1)),
        ("time arg", lambda: loop.time(1)),
        ("create_task typo", lambda: loop.create_task(None, nmae="x")),
        ("create_future arg", lambda: loop.create_future(1)),
        ("run_in_executor kw", lambda: loop.run_in_executor(None, print, end="")),
        ("run_in_executor one", lambda: loop.run_in_executor(None)),
        ("set_debug none", lambda: loop.set_debug()),
        ("is_closed kw", lambda: loop.is_closed(now=True)),
        ("handle cancel kw", lambda: handle.cancel(msg="x")),
        ("handle when arg", lambda: handle.when(1)),
        ("future result kw", lambda: fut.result(timeout=1)),
        ("future done arg", lambda: fut.done(1)),
        ("future cancel typo", lambda: fut.cancel(mesg="x")),
        ("future cancel two", lambda: fut.cancel("a", "b")),
        ("future cancel twice", lambda: fut.cancel("a", msg="b")),
        ("set_result kw", lambda: fut.set_result(result=1)),
        ("set_result none", lambda: fut.set_result()),
        ("add_done_callback none", lambda: fut.add_done_callback()),
        ("add_done_callback by name", lambda: fut.add_done_callback(fn=ring)),
        ("add_done_callback typo", lambda: fut.add_done_callback(ring, ctx=None)),
        ("remove_done_callback kw", lambda: fut.remove_done_callback(fn=ring)),
        ("get_loop arg", lambda: fut.get_loop(1)),
        ("task cancel typo", lambda: t.cancel(mesg="x")),
        ("task get_name kw", lambda: t.get_name(x=1)),
        ("task set_name kw", lambda: t.set_name(value="x")),
        ("task uncancel arg", lambda: t.uncancel(1)),
        ("TaskGroup kw", lambda: asyncio.TaskGroup(x=1)),
        ("TaskGroup arg", lambda: asyncio.TaskGroup(1)),
        ("tg create_task typo", lambda: tg.create_task(None, nmae="x")),
        ("timeout when arg", lambda: cm.when(1)),
        ("timeout reschedule typo", lambda: cm.reschedule(delay=1)),
        ("timeout reschedule none", lambda: cm.reschedule()),
    ]
    for name, call in checks:
        try:
            r = call()
            if asyncio.iscoroutine(r):
                r.close()
            print(name, "accepted")
        except TypeError as e:
            print(name, "TypeError:", e)


asyncio.run(main())
