# run_coroutine_threadsafe: hand a coroutine to a loop in another thread and
# block on future.result(timeout={{timeout}}).
{{?times_out}}
# a() takes {{a_cost}} s, not less than the timeout: result() raises TimeoutError
# (and the program then hangs on the loop thread, which is not a daemon).
{{/}}
import asyncio
import time
from functools import partial
from threading import Thread


async def a():
    time.sleep({{a_cost}})
    print("a in ")
    return "a"


def start_loop(loop):
    asyncio.set_event_loop(loop)
    loop.run_forever()


def shutdown(loop):
    loop.stop()


def b1():
    new_loop = asyncio.new_event_loop()
    t = Thread(target=start_loop, args=(new_loop,))
    t.start()

    future = asyncio.run_coroutine_threadsafe(a(), new_loop)
    print(future)
    print(f'Result: {future.result(timeout={{timeout}})}')
    new_loop.call_soon_threadsafe(partial(shutdown, new_loop))


b1()
