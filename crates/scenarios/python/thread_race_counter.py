# {{threads|Word}} threads doing num += 1 without a lock lose updates: the total can
# fall short of {{threads}} x {{iterations}}. (The seed: two threads, 1000000 each.)
import threading

num = 0


def func():
    global num
    for _ in range({{iterations}}):
        num += 1


threads = [threading.Thread(target=func) for _ in range({{threads}})]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(num)
