# __class__ of functions, methods, builtins and other values.
def f(): pass
class A:
    def m(self): pass
import functools
for v in [f, A().m, len, [].append, (x for x in []), functools.partial(f), 1, None, print, A, type, object(), range(2), slice(1), ...]:
    print(v.__class__.__name__)
