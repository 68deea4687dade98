# super() runs properties and descriptors; __getattr__'s own AttributeError is
# the one raised, and a property's AttributeError falls back to __getattr__;
# getattr()'s default covers a getter's AttributeError.
class Desc:
    def __get__(self, obj, owner):
        return ("get", type(obj).__name__ if obj is not None else None, owner.__name__)


class A:
    d = Desc()

    @property
    def name(self):
        return "a"

    @staticmethod
    def helper():
        return "static"


class B(A):
    @property
    def name(self):
        return "b+" + super().name

    def show(self):
        return super().d, super().helper()

    @classmethod
    def on_class(cls):
        return super().d, type(super().name).__name__


print(B().name, B().show(), B.on_class())


class Record:
    @property
    def ready(self):
        raise AttributeError("not ready")

    def __getattr__(self, name):
        if name.startswith("x"):
            raise AttributeError(f"no field {name}")
        return f"fallback {name}"


r = Record()
print(r.ready, r.other, getattr(r, "xy", "default"), hasattr(r, "xy"))
try:
    r.xyz
except AttributeError as e:
    print("AttributeError:", e)


class Plain:
    @property
    def p(self):
        raise AttributeError("inner")


print(getattr(Plain(), "p", "default"), hasattr(Plain(), "p"))
try:
    Plain().p
except AttributeError as e:
    print("AttributeError:", e)
r.xyz
