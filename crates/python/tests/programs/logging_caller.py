# logging's funcName and lineno: module level, functions, methods, coroutines across awaits, callbacks, stacklevel
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)-7s %(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger("demo")
log.info("at module level")


def helper(x):
    log.debug("helper %s", x)
    return x * 2


def warn_caller():
    log.warning("reported for my caller", stacklevel=2)


class Worker:
    def __init__(self, name):
        self.name = name
        log.info("made %s", name)

    def run(self):
        log.info(
            "running %s",
            self.name,
        )
        return helper(len(self.name))


async def job(n):
    log.info("job %d starts", n)
    await asyncio.sleep(0.1 * n)
    log.info("job %d resumes", n)
    helper(n)
    return n


def callback(tag):
    log.info("callback %s", tag)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(callback, "soon")
    w = Worker("w1")
    w.run()
    warn_caller()
    results = await asyncio.gather(job(1), job(2))
    log.info("results %s", results)
    fn = lambda: log.info("in a lambda")
    fn()
    [log.info("in a comprehension %d", i) for i in range(2)]
    try:
        1 / 0
    except ZeroDivisionError:
        log.exception("failed")


asyncio.run(main())
logging.info("root at the end")
