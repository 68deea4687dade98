# A deque inside itself prints as [...], as CPython prints it
from collections import deque
d=deque([1]); d.append(d); print(d); d2=deque([1],maxlen=3); d2.append(d2); print(d2); l=[deque()]; l[0].append(l); print(l)
