# User descriptors: __set_name__ at class creation, data descriptors
# (__set__/__delete__) before the instance's attributes, non-data ones
# after, __get__(None, cls) on the class.
class Positive:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print('deleting', self.name)
        delattr(obj, self.name)


class Lazy:
    def __init__(self, func):
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return 'Lazy on ' + objtype.__name__
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        return value


class Product:
    qty = Positive()
    price = Positive()

    def __init__(self, qty, price):
        self.qty = qty
        self.price = price

    @Lazy
    def total(self):
        print('computing total')
        return self.qty * self.price


p = Product(3, 5)
print(p.qty, p.price, vars(p))
try:
    p.qty = -1
except ValueError as e:
    print(e)
print(p.total, p.total, Product.total, type(Product.qty).__name__)
del p.qty
print(vars(p))
