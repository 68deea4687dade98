# Threads that loop forever: {{threads|word}} Thread subclasses print a line every
# {{interval}} s, then Thread(target=func) counts up. The seed's loops are endless
# (while True); here each one runs {{ticks}} times, and the second program starts
# when the first one's threads have ended.
import time
from threading import Thread


# 继承Thread类
class thread1(Thread):
    def run(self):
        for _ in range({{ticks}}):             # while True:
            print('------------')
            time.sleep({{interval}})


threads = [thread1() for each in range({{threads}})]
for t in threads:
    t.start()
for t in threads:
    t.join()


# 直接使用Thread类
def func(num):
    for _ in range({{ticks}}):                 # while True:
        print(num)
        num += 1
        time.sleep({{interval}})


t = Thread(target=func, args=(1,))
t.start()
t.join()
