{{?times_out}}
# asyncio.wait_for cancels a {{duration}}-second task after {{timeout}} s and raises TimeoutError, which main catches.
{{:}}
# asyncio.wait_for gives a {{duration}}-second task {{timeout}} s: it finishes in time, so nothing times out.
{{/}}
import asyncio


async def task():
    await asyncio.sleep({{duration}})
    return "Task finished"


async def main():
    try:
        result = await asyncio.wait_for(task(), timeout={{timeout}})
        print(result)
    except asyncio.TimeoutError:
        print("The task took too long!")

asyncio.run(main())
