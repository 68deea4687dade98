# time's functions (pyrun.py's stand-ins) bind their parameters by keyword and refuse others.
import time

time.sleep(secs=0.5)
print(time.perf_counter(), time.monotonic(), time.ctime(secs=0), time.ctime(None))
print(time.strftime(format="%X"), time.strftime("%H:%M", t=None), time.asctime(t=None))

checks = [
    ("sleep typo", lambda: time.sleep(x=1)),
    ("sleep none", lambda: time.sleep()),
    ("sleep two", lambda: time.sleep(1, 2)),
    ("sleep twice", lambda: time.sleep(1, secs=2)),
    ("perf_counter kw", lambda: time.perf_counter(x=1)),
    ("monotonic arg", lambda: time.monotonic(1)),
    ("time kw", lambda: time.time(t=1)),
    ("time_ns kw", lambda: time.time_ns(x=1)),
    ("monotonic_ns arg", lambda: time.monotonic_ns(1)),
    ("process_time kw", lambda: time.process_time(x=1)),
    ("process_time arg", lambda: time.process_time(1)),
    ("ctime typo", lambda: time.ctime(sec=1)),
    ("ctime str", lambda: time.ctime("x")),
    ("asctime typo", lambda: time.asctime(tm=None)),
    ("strftime typo", lambda: time.strftime("%X", tuple=None)),
    ("strftime none", lambda: time.strftime()),
]
for name, call in checks:
    try:
        call()
        print(name, "accepted")
    except TypeError as e:
        print(name, "TypeError:", e)
print(time.perf_counter())
