# A user-defined container: __len__, __iter__, __getitem__, __contains__, __call__, __bool__.
class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __contains__(self, x):
        print("contains?", x)
        return x in self.items

    def __call__(self, x, times=1):
        self.items.extend([x] * times)
        return self

    def __repr__(self):
        return "Bag(" + ", ".join(map(repr, self.items)) + ")"


b = Bag(1, "two", 3.0)
print(len(b), list(b), b[1], b[-1], b[0:2])
print("two" in b, 5 in b, 7 not in b)
b(9, times=2)("z")
print(b, bool(b), bool(Bag()))
for i, x in enumerate(b):
    print(i, x)
print(sum(x for x in b if isinstance(x, int)))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(4)), [x * x for x in Countdown(3)])


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10


print(list(Seq()), 20 in Seq())
