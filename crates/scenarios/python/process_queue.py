# multiprocessing.Queue: a writer process puts 1, 2, 3... every {{write_every}} s, a
# reader prints them; terminate() after {{run_time}} s.
import time
from multiprocessing import Process, Queue


def write(q):
    num = 0
    while True:
        num += 1
        q.put(num)
        time.sleep({{write_every}})


def read(q):
    while True:
        res = q.get()
        print(res)
        time.sleep({{read_every}})


if __name__ == '__main__':
    q = Queue()
    w = Process(target=write, args=(q,))
    r = Process(target=read, args=(q,))
    w.start()
    r.start()
    time.sleep({{run_time}})
    r.terminate()
    w.terminate()
    print('强制结束')
