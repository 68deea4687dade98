# signal: Signals, handlers and their defaults under pyrun.py, raise_signal, and loop.add_signal_handler/remove_signal_handler for a graceful shutdown that no signal reaches.
import asyncio
import signal

print(signal.SIGINT, repr(signal.SIGTERM), signal.SIGINT.name, int(signal.SIGKILL), signal.NSIG)
print(signal.Signals(15), signal.Signals.SIGIOT, signal.SIGPOLL is signal.SIGIO)
print(signal.getsignal(signal.SIGINT).__name__, repr(signal.getsignal(signal.SIGTERM)), repr(signal.getsignal(signal.SIGPIPE)))
print(signal.strsignal(signal.SIGTERM), signal.strsignal(40), signal.strsignal(33))
print(len(signal.valid_signals()), signal.SIGRTMIN in signal.valid_signals())
got = []
old = signal.signal(signal.SIGUSR1, lambda s, f: got.append((s, f)))
print(repr(old))
signal.raise_signal(signal.SIGUSR1)
print(got[0][0], repr(got[0][0]))
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
try:
    signal.signal(signal.SIGKILL, signal.SIG_IGN)
except OSError as e:
    print("OSError", e)
try:
    signal.signal(100, signal.SIG_IGN)
except ValueError as e:
    print("ValueError", e)
try:
    signal.signal(signal.SIGUSR2, 5)
except TypeError as e:
    print("TypeError", e)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)) != "x")

async def worker():
    while True:
        print("working")
        await asyncio.sleep(1)

async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    for bad in ("x", 0, 70, signal.SIGKILL):
        try:
            loop.add_signal_handler(bad, stop.set)
        except (TypeError, ValueError, RuntimeError) as e:
            print(type(e).__name__, e)
    async def coro_cb(): pass
    try:
        loop.add_signal_handler(signal.SIGHUP, coro_cb)
    except TypeError as e:
        print(e)
    t = asyncio.create_task(worker())
    loop.call_later(2.5, stop.set)
    await stop.wait()
    t.cancel()
    print(loop.remove_signal_handler(signal.SIGINT), loop.remove_signal_handler(signal.SIGINT), loop.remove_signal_handler(signal.SIGHUP))
    print("shutting down")

asyncio.run(main())
