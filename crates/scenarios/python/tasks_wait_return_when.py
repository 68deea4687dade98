# asyncio.wait's return_when decides when it returns (here {{return_when|str}}).
{{?fail}}
# Task {{fail|str}} raises ValueError (not in the seed); awaiting it raises out of main.
{{/}}
# The done set's order depends on object addresses, so done tasks are taken in
# creation order, and the done and pending names are printed first.
import asyncio


async def task(name, duration):
    await asyncio.sleep(duration)
{{?fail}}
    if name == {{fail}}:
        raise ValueError(f"Task {name} failed")
{{/}}
    return f"Task {name} finished"


async def main():
    # 创建多个任务
    tasks = [
        asyncio.create_task(task('A', {{a}})),
        asyncio.create_task(task('B', {{b}})),
        asyncio.create_task(task('C', {{c}}))
    ]
    names = dict(zip(tasks, "ABC"))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.{{return_when|str}})
    print("done:", [names[t] for t in tasks if t in done],
          "pending:", [names[t] for t in tasks if t in pending])
    for d in [t for t in tasks if t in done]:  # for d in done:
        print(await d)

asyncio.run(main())
