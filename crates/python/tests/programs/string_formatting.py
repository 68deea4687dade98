# f-strings with format specs, str.format with fields/attrs/indexes, % formatting, !r/!s, = debug.
name, n, x = "Ada", 42, 3.14159
print(f"{name:>8}|{name:<8}|{name:^8}|{name:*^9}|")
print(f"{n:05d} {n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b} {n:+d} {-n:d} {n: d}")
print(f"{x:.2f} {x:10.3f} {x:<10.1f}| {x:e} {x:.3e} {x:g} {1e20:g} {0.0001:g} {x:%} {0.5:.0%}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_} {255:_b}")
print(f"{name!r} {name!s} {n!r} {[1, 'a']!s}")
print(f"{n=} {x = :.1f} {name=!s}")
print(f"{'nested ' + name:{'>'}{12}}")
print(f"{{literal}} {n // 5} {n % 5} {n / 5}")
print("{} and {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name} is {age}".format(name="Bo", age=3))
p = {"k": [10, 20]}
print("{0[k][1]} {d[k]}".format(p, d=p))


class P:
    def __init__(self):
        self.x, self.y = 1, 2


print("{0.x},{0.y}".format(P()), "{:>6.2f}".format(2.5), "{!r:>8}".format("q"))
print("%d items cost %.2f (%s) %r %5.1f%% %x %o %e" % (3, 9.5, "ok", "ok", 12.345, 255, 8, 12345.678))
print("%(a)s-%(b)03d" % {"a": "A", "b": 7}, "%c%c" % (72, "i"), "%-6d|" % 5, "%+.1f" % 2)
print(format(3.5, ".3f"), format(10, "b"), format("s", "^5"), format(12345, ","), format(0.1 + 0.2))
print(f"{True} {None} {[1, 2]} {(1,)} {{}} {dict(a=1)}")
print(f"{3.0} {1e16} {1.5e-7} {123456789.0} {2 ** 0.5} {1/3} {-0.0} {float('inf')} {float('nan')}")
print(f"{12:>{n // 7}} {'x':{'-'}^{5}}")
w = 7
print(f"{'left':<{w}}|{'right':>{w}}|")
print("%s" % [1, 2], "%s %s" % ("a", (1, 2)), "%5s|%-5s|" % (1.5, True))
print("{:,.3f} {:+} {:08.3f} {:.0f} {:.0f} {:.0f}".format(1234.5678, 5, -3.14159, 0.5, 1.5, 2.5))
print("{:c} {:#o} {:e}".format(65, 8, 0.000123))
