# super() and __class__ through the class body's __class__ cell: decorated methods (functools.wraps or not), nested functions, lambdas, a nested class, a method assigned from outside, super() in a comprehension.
import functools


def plain(fn):
    def w(*a, **k):
        return fn(*a, **k)
    return w


def wrapped(fn):
    @functools.wraps(fn)
    def inner(self, *a):
        return fn(self, *a)
    return inner


class A:
    def get(self):
        return "A"

    @classmethod
    def make(cls):
        return f"A.make({cls.__name__})"

    @property
    def p(self):
        return "pA"


class B(A):
    @plain
    def get(self):
        return super().get() + "B"

    @wrapped
    def again(self):
        return super().get() + "+" + __class__.__name__

    @classmethod
    @plain
    def make(cls):
        return super().make() + "B"

    @property
    def p(self):
        return super().p + "B"

    def nested(self):
        def inner():
            return __class__.__name__
        return inner() + str([__class__.__name__ for _ in range(2)])

    lam = lambda self: super().get() + "L"

    def inner_class(self):
        class C(A):
            def get(self):
                return "C<" + super().get() + ">" + __class__.__name__
        return C().get()


class D(B):
    def get(self):
        return super().get() + "D"


b = B()
print(b.get(), b.again(), B.make(), b.p, b.nested(), b.lam(), b.inner_class())
print(D().get(), D().again(), D.make(), D().p)


def outside(self):
    return super().get()


class E(A):
    m = outside


try:
    E().m()
except RuntimeError as e:
    print("RuntimeError", e)


class F(A):
    def get(self):
        return [super().get() for _ in range(1)]


try:
    F().get()
except TypeError as e:
    print("TypeError", e)

try:
    print(__class__)
except NameError as e:
    print("NameError", e)
