# concurrent.futures without asyncio: submit, map, result, as_completed, wait, shutdown.
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED


def square(x):
    time.sleep(x / 10)
    return x * x


with ThreadPoolExecutor(max_workers=3) as ex:
    futs = {ex.submit(square, n): n for n in [5, 1, 3, 2]}
    for f in as_completed(futs):
        print(futs[f], "->", f.result())
    print(list(ex.map(square, range(4))))
    f1 = ex.submit(square, 4)
    f2 = ex.submit(square, 1)
    done, not_done = wait([f1, f2], return_when=FIRST_COMPLETED)
    print(len(done), len(not_done), f1.done(), f2.done())
    print(f1.result(), f2.result())
print("monotonic", round(time.monotonic(), 3))
