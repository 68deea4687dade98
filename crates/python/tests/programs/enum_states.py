# Enum, IntEnum, StrEnum, auto and unique as states and priorities of asyncio jobs.
import asyncio
from enum import Enum, IntEnum, StrEnum, auto, unique


@unique
class State(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()

    def is_final(self):
        return self is State.DONE


class Priority(IntEnum):
    LOW = 1
    NORMAL = 5
    HIGH = 10


class Kind(StrEnum):
    FETCH = auto()
    PARSE = auto()


class Method(str, Enum):
    GET = "get"
    POST = "post"


class Code(int, Enum):
    OK = 200
    MISSING = 404


class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return round(6.674e-11 * self.mass / self.radius**2, 2)


async def job(name, prio, states):
    states[name] = State.RUNNING
    await asyncio.sleep(1 / prio)
    states[name] = State.DONE
    return f"{name}:{prio:>3d}:{Kind.FETCH}"


async def main():
    states = {}
    jobs = {"a": Priority.LOW, "b": Priority.HIGH, "c": Priority.NORMAL}
    tasks = [asyncio.create_task(job(n, p, states)) for n, p in sorted(jobs.items(), key=lambda kv: -kv[1])]
    await asyncio.sleep(0)
    print(states)
    print(await asyncio.gather(*tasks))
    print(all(s.is_final() for s in states.values()), [s.name for s in State], len(State))
    print(State(2), State["DONE"], repr(State.PENDING), f"[{State.RUNNING!s:>16}]", State.DONE in State)
    print(sorted(jobs.values()), max(Priority), Priority.HIGH > 7, Priority(5) is Priority.NORMAL, int(Priority.LOW) + 1)
    print(Kind.PARSE, repr(Kind.PARSE), Kind.FETCH == "fetch", Kind("parse").upper(), list(Kind))
    print(Planet.MARS.gravity, Planet.EARTH.value, Planet((6.42e23, 3.39e6)), type(State), State)
    print(list(State.__members__), {State.DONE: 1}[State(3)], State.RUNNING.value)
    for bad in (lambda: State(9), lambda: State["NOPE"], lambda: Priority.LOW < State.DONE):
        try:
            bad()
        except (ValueError, KeyError, TypeError) as e:
            print(type(e).__name__, e)
    try:

        @unique
        class Twice(Enum):
            A = 1
            B = 1

    except ValueError as e:
        print(e)
    try:

        class More(State):
            EXTRA = 4

    except TypeError as e:
        print(e)
    print(Method.GET, f"{Method.POST}", Method("get") == "get", Method.POST.upper(), "/".join(Method), len(Method.POST))
    print(Code.OK, "%d %s %05.1f" % (Code.MISSING, Code.OK, Code.OK), Code.OK + 1, Code(404), isinstance(Code.OK, int))
    print(isinstance(Priority.HIGH, int), issubclass(Kind, str), isinstance(State.DONE, int), list(range(Priority.LOW)))
    try:
        State.DONE.value = 0
    except AttributeError as e:
        print(e)


asyncio.run(main())
