# __get__ of functions, classmethod and staticmethod objects called by hand; the wrappers' copied attributes
import asyncio
class A:
    pass
def f(self, x=1): return (type(self).__name__, x)
cm = classmethod(f)
sm = staticmethod(f)
a = A()
print(f.__get__(a)(), f.__get__(None, A) is f, f.__get__(a, A)(2))
print(cm.__get__(a)(), cm.__get__(None, A)(), sm.__get__(a)(a))
print(hasattr(f, "__get__"), hasattr(cm, "__get__"), hasattr(sm, "__get__"))
cm2 = classmethod(f)
print(cm2.__name__, cm2.__qualname__, cm2.__doc__, cm2.__module__)
try:
    f.__get__(None)
except TypeError as e:
    print("TypeError", e)
