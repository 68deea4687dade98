# Barrier({{parties}}): threads started {{start_gap}} s apart pass bar.wait() only in
# groups of {{parties|word}}.
import threading
import time

bar = threading.Barrier({{parties}})


def fun(num):
    bar.wait()
    print('--------', num)
    time.sleep({{work}})


if __name__ == '__main__':
    num = 0
    for i in range({{threads}}):
        time.sleep({{start_gap}})
        t = threading.Thread(target=fun, args=(i,))
        t.start()
    time.sleep({{run_time}})
    print('*******', num)
