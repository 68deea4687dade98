# Semaphore({{limit}}) with {{threads}} looping threads: {{limit|word}} at a time hold it for
# {{hold}} s; main prints after {{run_time}} s. The real program never ends.
import threading
import time

sem = threading.Semaphore({{limit}})


def fun(num):
    while True:
        num += 1
        with sem:
            print('--------', num)
            time.sleep({{hold}})


if __name__ == '__main__':
    num = 0
    for i in range({{threads}}):
        threading.Thread(target=fun, args=(i,)).start()
    time.sleep({{run_time}})
    print('*******', num)
