# Private names inside a class are mangled as CPython's compiler does:
# attributes, names, defs, nested classes, parameters, annotations, slots,
# global declarations and lambdas/comprehensions inside methods.
class Account:
    __slots__ = ("__balance", "owner")
    __rate = 0.5

    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance

    def __fee(self, amount):
        return amount * Account.__rate

    def withdraw(self, amount, *, __audit=None):
        fee = self.__fee(amount)
        self.__balance -= amount + fee
        return [self.__balance for _ in range(1)][0], (lambda: self.__balance)()


a = Account("ann", 100)
print(a.withdraw(10), a._Account__balance, Account._Account__rate)
print(sorted(k for k in vars(Account) if k.startswith("_Account") and "bal" not in k))
print(Account.withdraw.__code__.co_varnames[:4])
try:
    a.__balance
except AttributeError as e:
    print("AttributeError:", e)
try:
    a.withdraw(1, __audit=True)
except TypeError as e:
    print("TypeError:", e)
print(hasattr(a, "__fee"), getattr(a, "_Account__fee")(4))


class _Base:
    __hidden: int = 1

    class __Inner:
        def where(self):
            self.__mark = True
            return sorted(vars(self))

    def inner(self):
        return self.__Inner().where(), type(self.__Inner()).__name__, type(self.__Inner()).__qualname__


class __Under:
    def m(self):
        self.__z = 1
        return vars(self)


class ___:
    def m(self):
        self.__z = 1
        return vars(self)


print(_Base.__annotations__, _Base().inner(), __Under().m(), ___().m())

__counter = 0


class Counter:
    def bump(self):
        global __counter
        __counter += 1
        return __counter


_Counter__counter = 10
print(Counter().bump(), _Counter__counter, __counter)


class Sub(Account):
    def peek(self):
        try:
            return self.__balance
        except AttributeError as e:
            return f"AttributeError: {e}"


print(Sub("bo", 5).peek(), Sub("bo", 5)._Account__balance)


class Dunder:
    __dunder__ = 5

    def __repr__(self):
        return f"Dunder({self.__dunder__})"


print(Dunder(), f"{a._Account__balance:.1f}")
