# Event wait / set / clear: the main thread sets the event every {{interval}} s, a
# worker wakes, prints and clears it. The real program never ends (the worker
# waits again).
import threading
import time

event = threading.Event()


def fun():
    while True:
        event.wait()
        print('--------')
        event.clear()


if __name__ == '__main__':
    threading.Thread(target=fun).start()
    for _ in range({{rounds}}):
        time.sleep({{interval}})
        event.set()
        print('********')
