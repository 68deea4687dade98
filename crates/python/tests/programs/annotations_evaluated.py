# annotations are evaluated when a def runs (defaults first, then annotations in order, the return's last), in the enclosing scope; a bad one fails the def
import asyncio
from typing import Optional
order = []
def note(x):
    order.append(x)
    return x
def f(a: note("a") = note("da"), *args: note("args"), b: note("b") = note("db"), **kw: note("kw")) -> note("ret"):
    pass
print(order)
def outer():
    class Local: pass
    def inner(x: Local) -> Optional[Local]:
        return x
    return inner
print(outer()(3))
class C:
    def m(self, other: "C") -> "C":
        return self
print(type(C().m(C())).__name__)
try:
    class D:
        def clone(self) -> D:
            return self
except NameError as e:
    print("NameError:", e)
async def main(x: int, y: "list[str]") -> None:
    print(x, y)
asyncio.run(main(1, ["a"]))
lam = lambda x: x
def g(x: asyncio.NoSuchThing) -> None:
    pass
