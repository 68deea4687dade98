# A class's __getattribute__ sees every attribute (method calls too), falls back to __getattr__ on AttributeError; object.__getattribute__ bypasses both.
class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith("_"):
            print("get", name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "missing " + name
    def m(self):
        return self.x + 1
l = Logged()
print(l.x, l.m(), l.nope, getattr(l, "y", 5), hasattr(l, "z"))
class Strict:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return super().__getattribute__(name)
s = Strict()
s.a = 1
print(s.a, hasattr(s, "secret"), getattr(s, "secret", "dflt"))
try:
    s.secret
except AttributeError as e:
    print(e)
try:
    object.__getattribute__(s, "zz")
except AttributeError as e:
    print(e)
