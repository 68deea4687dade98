# The num += 1 race with a Lock around each increment: no update is lost,
# {{threads}} x {{iterations}}. (The seed: two threads, 1000000 each.)
import threading

num = 0
lock = threading.Lock()


def run1():
    global num
    for _ in range({{iterations}}):
        with lock:
            num += 1


threads = [threading.Thread(target=run1) for _ in range({{threads}})]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(num)
