# __del__ runs when the last reference goes: a function's locals at return, temporaries, del, rebinding, list items (from the last), dict values, list.clear, a task's locals when it ends, an exception in __del__ (reported on stderr); at exit the rest run with the namespace intact and print plain lines after the trace.
class R0:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
x = [R0("l1"), R0("l2"), R0("l3")]
x = None
print("--")
x = {"a": R0("d1"), "b": R0("d2"), "c": R0("d3")}
x = None
print("--")
x = [R0("c1"), R0("c2")]
x.clear()
print("--")
class H:
    pass
h = H()
h.a = R0("a1"); h.b = R0("a2")
h = None
print("--")
s = {1: R0("k")}
del s[1]
print("end")
import asyncio

class Conn:
    count = 0
    def __init__(self, name):
        self.name = name
        Conn.count += 1
        print(f"connect {name} (open: {Conn.count})")
    def __del__(self):
        Conn.count -= 1
        print(f"disconnect {self.name} (open: {Conn.count})")

class Bad:
    def __del__(self):
        raise ValueError("boom in del")

def make(n):
    return Conn(n)

print(make("tmp").name)
conns = [Conn(f"c{i}") for i in range(3)]
conns.pop()
conns = None
d = {"k": Conn("in-dict")}
d["k"] = Conn("replacement")
Bad()
print("after bad")

async def worker(i):
    c = Conn(f"task{i}")
    await asyncio.sleep(0.1 * i)
    print("worker", i, "done")

async def main():
    await asyncio.gather(*(worker(i) for i in range(3)))
    print("gathered")
    keep = Conn("main-local")
    await asyncio.sleep(0.5)
    print("main returns")

asyncio.run(main())
for i in range(2):
    loopvar = Conn(f"loop{i}")
print("end")
