# asyncio's submodules: asyncio.exceptions.TimeoutError, from asyncio.tasks import Task, the same objects as the package's
import asyncio
from asyncio.exceptions import CancelledError, TimeoutError as ATimeout
from asyncio.queues import Queue
import asyncio.locks
from asyncio import events


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.1)
    except asyncio.exceptions.TimeoutError:
        print("timed out")
    print(CancelledError is asyncio.CancelledError, ATimeout is TimeoutError, Queue is asyncio.Queue)
    print(asyncio.tasks.Task is asyncio.Task, asyncio.locks.Lock is asyncio.Lock, events.get_running_loop() is asyncio.get_running_loop())
    print(asyncio.runners.run is asyncio.run, asyncio.timeouts.timeout is asyncio.timeout, asyncio.taskgroups.TaskGroup is asyncio.TaskGroup)
    print(asyncio.exceptions.__name__, type(asyncio.tasks).__name__)


asyncio.run(main())
