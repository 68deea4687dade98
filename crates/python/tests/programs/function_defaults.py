# a function's __defaults__ and __kwdefaults__: the mutable default argument lesson
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket
print(append_to(1), append_to(2), append_to.__defaults__)
def f(a, b=2, *, c, d=4): pass
def g(): pass
print(f.__defaults__, f.__kwdefaults__, g.__defaults__, g.__kwdefaults__, (lambda x=1: x).__defaults__)
def h(*, k=None): pass
print(h.__kwdefaults__)
