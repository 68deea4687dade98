# multiprocessing.Pool({{processes}}).apply_async: {{jobs}} jobs, job n prints 0..n-1,
# one number every {{tick}} s.
import time
from multiprocessing import Pool


def func(num):
    for n in range(num):
        print(n)
        time.sleep({{tick}})


if __name__ == '__main__':
    p = Pool({{processes}})
    for n in range({{jobs}}):
        p.apply_async(func, args=(n,))
    p.close()
    p.join()
