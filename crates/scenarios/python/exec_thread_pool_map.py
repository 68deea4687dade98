# ThreadPoolExecutor({{workers}}).map runs {{jobs|word}} {{cost|word}}-second jobs {{workers|word}} at a time; leaving
# the with block waits for all of them. No asyncio at all.
import time
from concurrent.futures import ThreadPoolExecutor


def func(num):
    print('---', num)
    time.sleep({{cost}})


with ThreadPoolExecutor({{workers}}) as e:
    e.map(func, range({{jobs}}))
