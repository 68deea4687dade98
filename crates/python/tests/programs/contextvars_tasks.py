# contextvars: each task and callback runs in a copy of the context it was made in
import asyncio
import contextvars
from contextvars import ContextVar, copy_context

user = ContextVar("user", default="anon")
depth = ContextVar("depth")
user.set("root")


def show(tag):
    print(tag, user.get(), depth.get("unset"))


async def child(n):
    show(f"child {n} start")
    depth.set(n)
    await asyncio.sleep(0.01 * n)
    show(f"child {n} end")


async def setter():
    user.set("setter")
    depth.set(99)
    show("setter")


async def main():
    show("main")
    user.set("main")
    t = asyncio.create_task(child(1))
    user.set("after-create")
    await asyncio.gather(t, child(2))
    show("main after gather")
    await setter()
    show("main after awaiting a coroutine")
    await asyncio.create_task(setter())
    show("main after a task")
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    user.set("scheduled")
    loop.call_soon(show, "call_soon")
    loop.call_later(0.01, lambda: (show("call_later"), done.set_result(None)))
    user.set("later")
    await done
    ctx = copy_context()
    ctx.run(user.set, "in ctx")
    print(user.get(), ctx[user], ctx.get(depth), user in ctx, depth in ctx, len(ctx))
    loop.call_soon(show, "given context", context=ctx)
    await asyncio.sleep(0)
    await asyncio.create_task(child(3), context=ctx)
    print("ctx after task", ctx.get(depth), sorted(v.name for v in ctx))
    tok = user.set("temp")
    print(tok.var is user, tok.old_value)
    user.reset(tok)
    print(user.get())
    for bad in (lambda: user.reset(tok), lambda: depth.reset(tok), lambda: user.reset(5),
                lambda: ContextVar(3), lambda: ctx[3], lambda: contextvars.Context()[user],
                lambda: ContextVar("x").get(), lambda: user.get(1, 2)):
        try:
            bad()
        except (RuntimeError, ValueError, TypeError, KeyError, LookupError) as e:
            print(type(e).__name__, str(e).split(" at 0x")[0])
    try:
        ctx.run(lambda: ctx.run(print))
    except RuntimeError as e:
        print("RuntimeError", str(e).split(" object at")[0])
    fresh = contextvars.Context()
    print(fresh.run(depth.get, "empty"), len(fresh), Token_missing())


def Token_missing():
    return repr(contextvars.Token.MISSING)


asyncio.run(main())
show("top after run")
