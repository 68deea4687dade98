# An exception with no message prints only its type; code before it still runs.
def check(xs):
    for x in xs:
        print("checking", x)
        assert x > 0


check([3, 2, 1, 0])
