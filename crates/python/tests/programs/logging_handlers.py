# logging: the root logger, a stdout handler, levels, %- and {-style formats, LoggerAdapter, bad arguments.
import asyncio, logging, sys
logging.info("hidden")
logging.warning("shown %s", 1)
log = logging.getLogger(__name__)
log.error("err")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("[%(levelname)s] %(name)s %(levelno)d %(message)s"))
app = logging.getLogger("app")
app.addHandler(h)
app.setLevel("INFO")
app.propagate = False
async def job(i):
    await asyncio.sleep(i / 10)
    app.info("job %d done at %.1f", i, asyncio.get_running_loop().time())
    if i == 2:
        raise ValueError(f"bad {i}")
async def main():
    res = await asyncio.gather(*(job(i) for i in range(4)), return_exceptions=True)
    app.warning("results: %r", res)
    child = logging.getLogger("app.db")
    child.info("child %s", child.getEffectiveLevel())
    fmt2 = logging.Formatter("{asctime} {levelname:<7} {message}", style="{", datefmt="%H:%M:%S")
    h.setFormatter(fmt2)
    app.info("brace style")
    adapter = logging.LoggerAdapter(app, {"user": "bob"})
    adapter.info("adapted")
    print(logging.getLevelName(20), logging.getLevelName("DEBUG"), logging.getLevelName(25))
    try:
        logging.basicConfig(bogus=1)
    except ValueError as e:
        print("ValueError", e)
    try:
        app.setLevel("LOUD")
    except ValueError as e:
        print("ValueError", e)
    try:
        logging.Formatter("no fields")
    except ValueError as e:
        print("ValueError", e)
asyncio.run(main())
