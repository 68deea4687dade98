{{?reentrant}}
# RLock is re-entrant: the thread holding it may take it again (with a plain
# Lock it deadlocks). (The seed loops 10000 times.)
{{:}}
# A plain Lock instead of the seed's RLock: the thread holding it waits for
# itself at the second `with lock` and deadlocks. (The seed loops 10000 times.)
{{/}}
import threading

num = 0
{{?reentrant}}
lock = threading.RLock()
{{:}}
lock = threading.Lock()
{{/}}


def fun():
    global num
    for _ in range({{iterations}}):
        with lock:
            num += 1
            with lock:
                print(num)


if __name__ == '__main__':
    threading.Thread(target=fun).start()
