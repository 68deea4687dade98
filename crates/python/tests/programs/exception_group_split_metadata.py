# The parts of a split exception group (split, subgroup, except*) keep its __context__ and __cause__ (and __suppress_context__), a copy of its notes; a TaskGroup's ExceptionGroup caught with except* shows the CancelledError context.
eg0 = None
try:
    try:
        raise KeyError("ctx")
    except KeyError:
        eg0 = ExceptionGroup("g", [ValueError(1), TypeError(2)])
        eg0.add_note("note!")
        raise eg0
except* ValueError as eg:
    print("match", eg is eg0, repr(eg.__context__), getattr(eg, "__notes__", None))
except* TypeError as eg:
    print("rest", repr(eg.__context__), getattr(eg, "__notes__", None))

try:
    try:
        raise KeyError("ctx")
    except KeyError:
        eg0 = ExceptionGroup("g", [ValueError(1)])
        raise eg0
except* ValueError as eg:
    print("whole", eg is eg0, repr(eg.__context__))

e1 = ExceptionGroup("g", [ValueError(1), TypeError(2)])
e1.__context__ = KeyError("c")
e1.__cause__ = KeyError("cause")
m, r = e1.split(ValueError)
print(repr(m.__context__), repr(m.__cause__), repr(r.__context__))
m, r = e1.split(Exception)
print(m is e1, r)
print(e1.subgroup(Exception) is e1)
import asyncio

async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("x")

async def main_tg():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            await asyncio.sleep(1)
    except* ValueError as eg:
        print(repr(eg.__context__))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print(repr(eg.__context__))

asyncio.run(main_tg())
