# Classes: inheritance, super(), properties, class attributes and the common dunder methods.
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    def __str__(self):
        return f"<{self.name} area={self.area():.2f}>"


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)

    def __eq__(self, other):
        return isinstance(other, Rect) and (self.w, self.h) == (other.w, other.h)

    def __lt__(self, other):
        return self.area() < other.area()


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


shapes = [Rect(3, 4), Square(2), Rect(1, 1), Square(3)]
print(shapes)
print([str(s) for s in shapes])
print(sorted(shapes))
print(max(shapes), min(shapes))
print(Rect(2, 2) == Square(2), Rect(2, 3) == Rect(3, 2), Rect(1, 2) != Rect(1, 2))
print(Shape.count, shapes[0].perimeter, Square(5).perimeter)
print(isinstance(shapes[1], Shape), issubclass(Square, Rect), issubclass(Rect, Square))
print(type(shapes[1]).__mro__)
print(Square.__name__, Square.__bases__)
