# Messages that name a class by its qualified name; a raise's cause that is not an exception.
def main():
    class RO:
        @property
        def x(self): return 1
    try:
        RO().x = 2
    except AttributeError as e:
        print(e)
    try:
        class Bad(colour="red"): pass
    except TypeError as e:
        print(e)
main()
for cause in (3, "x"):
    try:
        raise ValueError from cause
    except TypeError as e:
        print(e)
