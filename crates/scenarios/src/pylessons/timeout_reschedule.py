# asyncio.timeout() (Python 3.11): a deadline you can move with reschedule().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        # The deadline starts 1s from now; cm lets us read and move it.
        async with asyncio.timeout(1) as cm:
            print("deadline at", cm.when())
            for i, cost in enumerate([0.5, 0.5, 0.5, 1.5], start=1):
                print(f"chunk {i}: working {cost}s")
                try:
                    await asyncio.sleep(cost)
                except asyncio.CancelledError:
                    # The deadline passed: the timeout cancels the task here.
                    print(f"chunk {i}: cancelled, expired: {cm.expired()}")
                    raise
                # Progress made: push the deadline back to 1s from now.
                cm.reschedule(loop.time() + 1)
                print(f"chunk {i}: done, deadline moved to {cm.when()}")
            print("all chunks done")  # never printed: chunk 4 is too slow
    except TimeoutError:
        # Leaving the block, the timeout turned the CancelledError into TimeoutError.
        print("TimeoutError caught at", loop.time())
    print("expired:", cm.expired(), "when:", cm.when())


asyncio.run(main())
