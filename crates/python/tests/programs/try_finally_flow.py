# try/except/else/finally interplay with return, break and continue.
def f(x):
    try:
        if x == 0:
            return "zero"
        r = 10 / x
    except ZeroDivisionError:
        return "never"
    else:
        print("else runs for", x)
        return r
    finally:
        print("finally for", x)


print(f(0), f(4))


def g():
    try:
        return "try"
    finally:
        return "finally wins"


print(g())


def h():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("cleanup", i)
    return i


print(h())


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


print(swallow())
count = 0
while True:
    count += 1
    try:
        if count < 3:
            raise KeyError(count)
    except KeyError as e:
        print("retry after", e)
        continue
    else:
        print("success on", count)
        break
    finally:
        print("attempt", count, "done")
try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)
x = 5
try:
    pass
except Exception:
    print("no")
else:
    x += 1
print(x)
