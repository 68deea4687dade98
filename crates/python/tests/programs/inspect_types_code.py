# inspect (is* for coroutine, generator and async generator functions through partials, bound methods and functools.wraps; signature with positional-only, keyword-only, defaults, annotations, partials; getmembers, getdoc, cleandoc), types (the built-in types, SimpleNamespace) and a function's __code__ (co_flags, co_varnames, counts)
import asyncio, inspect, functools, types
async def f(): pass
def g(): yield 1
async def ag(): yield 1
def plain(a, b: int = 1, /, e=3, *args, c, d: str = "x", **kw) -> bool: pass
class K:
    def m(self, x, y=2): pass
    async def am(self): pass
    def __init__(self, p, *, q=1): pass
print(inspect.iscoroutinefunction(f), inspect.iscoroutinefunction(g), inspect.iscoroutinefunction(functools.partial(f)))
print(inspect.isgeneratorfunction(g), inspect.isasyncgenfunction(ag), inspect.iscoroutinefunction(K(1).am), inspect.iscoroutinefunction(K.am))
c = f()
print(inspect.iscoroutine(c), inspect.isawaitable(c), inspect.isawaitable(1), inspect.isgenerator(g()), inspect.isasyncgen(ag()))
c.close()
print(inspect.isfunction(g), inspect.isclass(int), inspect.ismethod(K(1).m), inspect.isbuiltin(len), inspect.isroutine(print), inspect.ismodule(asyncio))
print(inspect.signature(plain))
print(inspect.signature(K(1).m), inspect.signature(K.m), inspect.signature(K))
print(inspect.signature(lambda x, *a, **k: 0))
sig = inspect.signature(plain)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default is inspect.Parameter.empty, p)
print(sig.return_annotation, repr(sig))
print(inspect.signature(functools.partial(plain, 1, c=2)))
def deco(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        return await fn(*args, **kwargs)
    return wrapper
@deco
async def wrapped(x, y=0): return x + y
print(inspect.signature(wrapped), inspect.iscoroutinefunction(wrapped), asyncio.iscoroutinefunction(wrapped))
print(inspect.getdoc(K), inspect.cleandoc("  a\n    b\n  c\n"))
print([n for n, v in inspect.getmembers(K, inspect.isfunction)])
print(types.SimpleNamespace(a=1, b=[2]), isinstance(f, types.FunctionType), type(c) is types.CoroutineType)
print(plain.__code__.co_varnames, g.__code__.co_nlocals)
def h(a, b, c=3, *rest, d, **kw): pass
print(inspect.signature(functools.partial(h, b=5)), inspect.signature(functools.partial(h, 1, 2, 3, 4)))
print(inspect.signature(functools.partial(h, 1, d=0)))
print(inspect.Parameter.KEYWORD_ONLY > inspect.Parameter.POSITIONAL_ONLY, repr(inspect.Parameter.VAR_KEYWORD))
