# Master-worker: the master queues {{tasks}} tasks and collects the results,
# {{workers|word}} worker processes take tasks and compute them.
import random
import time
from multiprocessing import Process, Queue


def worker(name, task, result):
    while True:
        n = task.get()
        if n is None:
            print('%s exit.' % name)
            break
        print('%s run task %d * %d...' % (name, n, n))
        r = '%d * %d = %d' % (n, n, n * n)
        time.sleep({{cost}})
        result.put(r)


if __name__ == '__main__':
    random.seed({{seed}})
    task, result = Queue(), Queue()
    workers = [Process(target=worker, args=('worker-%d' % i, task, result))
               for i in range({{workers}})]
    for w in workers:
        w.start()
    for i in range({{tasks}}):
        n = random.randint(0, 10000)
        print('Put task %d...' % n)
        task.put(n)
    for _ in workers:
        task.put(None)
    print('Try get results...')
    for i in range({{tasks}}):
        r = result.get()
        print('Result: %s' % r)
    for w in workers:
        w.join()
    print('master exit.')
