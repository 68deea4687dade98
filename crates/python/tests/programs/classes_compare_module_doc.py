# a subclass's reflected comparison goes first; a class's own __module__ and __doc__ in its __dict__; format()'s spec must be a str
class A:
    def __lt__(self, o): print("A.lt"); return NotImplemented
    def __eq__(self, o): print("A.eq"); return NotImplemented
class B(A):
    def __gt__(self, o): print("B.gt"); return True
    def __eq__(self, o): print("B.eq"); return False
print(A() < B())
print(A() == B(), B() == A(), A() != B())
class C(A): pass
try:
    print(A() < C())
except TypeError as e:
    print(e)
print(A() == C())
class N:
    def __ne__(self, o): print("N.ne"); return NotImplemented
class M(N):
    def __ne__(self, o): print("M.ne"); return True
print(N() != M())
class A:
    __module__ = "x"
class B(A):
    pass
class C:
    """doc"""
    y = 1
    def f(self): pass
print(B.__module__, A.__module__, "__module__" in C.__dict__, list(C.__dict__)[:4], C().__module__)
import dataclasses, enum
@dataclasses.dataclass
class D:
    a: int = 1
print(D(), dataclasses.fields(D)[0].name, D.__module__)
class E(enum.Enum):
    X = 1
print(list(E), E.__module__, vars(C)["y"])
class C:
    """doc"""
    y = 1
class D:
    y = 1
class E(D):
    z = 2
def own(c):
    return [k for k in c.__dict__ if k not in ("__dict__", "__weakref__")]
print(own(C), own(D), own(E), C.__doc__, D.__doc__, E.__doc__)
try:
    format(3, 5)
except TypeError as e:
    print(e)
