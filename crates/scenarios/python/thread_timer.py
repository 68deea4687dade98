# threading.Timer({{interval}}, fun) runs fun in a new thread after {{interval}} s; join()
# waits for it to finish.
{{?cancels}}
# Not in the seed: a second Timer calls t.cancel() at {{cancel_at}} s, which stops t
# only while it is still waiting.
{{/}}
import threading
import time


def fun():
    print('--------')
    time.sleep({{work}})


t = threading.Timer({{interval}}, fun)
t.start()
{{?cancels}}
threading.Timer({{cancel_at}}, t.cancel).start()
{{/}}
t.join()
print('*******')
