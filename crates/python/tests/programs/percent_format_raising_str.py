# An exception an argument's __str__/__repr__ raises in %-formatting comes out as itself.
class Item:
    def __str__(self):
        raise KeyError("name")
    def __repr__(self):
        raise AttributeError("no attr")

for fmt in ["%s", "%r", "%5s", "%(x)s"]:
    try:
        arg = {"x": Item()} if "(" in fmt else Item()
        fmt % arg
    except Exception as e:
        print(fmt, type(e).__name__, e)
