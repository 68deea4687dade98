# inspect's is*function checks see through partials of bound methods (a
# bound method is function-like, as inspect._signature_is_functionlike says).
import functools, inspect
class C:
    async def m(self, x): pass
    def g(self): yield 1
async def top(a, b): pass
print(inspect.iscoroutinefunction(functools.partial(C().m, 1)), inspect.iscoroutinefunction(C().m), inspect.iscoroutinefunction(functools.partial(top, 1)))
print(inspect.isgeneratorfunction(functools.partial(C().g)), inspect.iscoroutinefunction(len), inspect.iscoroutinefunction(C), inspect.iscoroutinefunction(functools.partial(functools.partial(C().m), 2)))
