# Condition ping-pong: two threads wake each other in turn with notify() and
# wait(). The seed's loops are endless (while True); here each runs {{rounds}} times.
{{?fun2_first}}
# fun2 starts first (not in the seed): its notify() reaches nobody, and both
# threads end up waiting forever.
{{/}}
import threading
import time

cond = threading.Condition()


def fun1():
    for _ in range({{rounds}}):                # while True:
        with cond:
            cond.wait()
            print('--------')
            time.sleep({{pause}})
            cond.notify()


def fun2():
    for _ in range({{rounds}}):                # while True:
        with cond:
            cond.notify()
            print('*******')
            time.sleep({{pause}})
            cond.wait()


t1 = threading.Thread(target=fun1)
t2 = threading.Thread(target=fun2)
{{?fun2_first}}
t2.start()
t1.start()
{{:}}
t1.start()
t2.start()
{{/}}
