# threading.local: each thread's local.num is its own, so both count to
# {{iterations}} and the global num stays 0. (The seed counts to 1000000.)
import threading

local = threading.local()


def fun(num):
    local.num = num
    for _ in range({{iterations}}):
        local.num += 1
    print('-----', local.num)


if __name__ == '__main__':
    num = 0
    t1 = threading.Thread(target=fun, args=(num,))
    t2 = threading.Thread(target=fun, args=(num,))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    print('-----', num)
