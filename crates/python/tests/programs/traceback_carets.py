# PEP 657 carets under the expression that raised: operations (~~^~~), subscripts (~^^^), calls, attributes, names, comprehension frames, store targets, awaits; augmented assignment's message; setattr's messages
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(message)s")
d = {"a": 1}
items = [1, 2, 3]


class Box:
    def __init__(self):
        self.value = None


def compute(n):
    return n / 0


def cases():
    yield lambda: d["missing"]
    yield lambda: items[10]
    yield lambda: 1 + "x"
    yield lambda: (items[0] + 2) * None
    yield lambda: compute(5) + 1
    yield lambda: Box().value.strip()
    yield lambda: undefined_thing + 1
    yield lambda: -None
    yield lambda: 1 < "a"
    yield lambda: int("nope")
    yield lambda: [x / 0 for x in items]
    yield lambda: {k: d[k + "z"] for k in d}
    yield lambda: f"{d['q']}"
    yield lambda: items[1:2][5]
    yield lambda: d["a"]["b"]
    yield lambda: len(5) or 2
    yield lambda: 2 ** "x"
    yield lambda: (lambda q: q.nope)(3)


def direct():
    total = 0
    total += "s"


def multi():
    value = compute(
        3,
    )


def attr_target():
    b = Box()
    b.value.attr = 1


def sub_target():
    t = (1, 2)
    t[0] = 5


for i, case in enumerate(cases()):
    try:
        case()
    except Exception:
        logging.exception("case %d", i)
for fn in (direct, multi, attr_target, sub_target):
    try:
        fn()
    except Exception:
        logging.exception(fn.__name__)


async def boom():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def main():
    t = asyncio.create_task(boom())
    try:
        r = await t
    except ValueError:
        logging.exception("awaited")
    try:
        r = await boom()
    except ValueError:
        logging.exception("awaited coroutine")


asyncio.run(main())
