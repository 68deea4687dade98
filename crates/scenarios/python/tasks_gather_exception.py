{{?!fail}}
# gather returns results in argument order (the seed's plain run: no task fails).
{{:}}
{{?!return_exceptions}}
# gather returns results in argument order, but the first exception propagates
# at once: {{fail|str}} raises ValueError after {{fail_time}} s and nothing catches it, so running
# this ends with that traceback (by design).
{{:}}
# gather returns results in argument order; with return_exceptions=True the
# ValueError that {{fail|str}} raises is put in the result list instead of propagating.
{{/}}
{{/}}
import asyncio


async def task(name, duration):
    await asyncio.sleep(duration)
{{?fail}}
    if name == {{fail_dq}}:
        raise ValueError(f"{name} failed")
{{/}}
    return f"{name} finished"


async def main():
    results = await asyncio.gather(
        task("TaskA", {{a}}),
        task("TaskB", {{b}}),
        task("TaskC", {{c}}),
{{?return_exceptions}}
        return_exceptions=True,
{{/}}
    )
    for result in results:
        print(result)

asyncio.run(main())
