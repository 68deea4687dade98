# @staticmethod, @classmethod, alternative constructors and class-level counters.
class Temperature:
    unit = "C"
    made = []

    def __init__(self, degrees):
        self.degrees = degrees
        Temperature.made.append(degrees)

    @classmethod
    def from_fahrenheit(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))

    @staticmethod
    def is_freezing(d):
        return d <= 0

    @property
    def kelvin(self):
        return self.degrees + 273.15

    @kelvin.setter
    def kelvin(self, k):
        self.degrees = k - 273.15

    def __repr__(self):
        return f"Temperature({self.degrees}{self.unit})"


class Fancy(Temperature):
    unit = "°C"


t = Temperature.from_fahrenheit(212)
f = Fancy.from_fahrenheit(14)
print(t, f, type(f).__name__)
print(Temperature.is_freezing(f.degrees), t.is_freezing(t.degrees))
print(t.kelvin)
t.kelvin = 300
print(t, round(t.degrees, 2))
print(Temperature.made)
print(Fancy.unit, Temperature.unit, f.unit)
f.unit = "X"
print(f, Fancy.unit)
print(getattr(t, "degrees"), getattr(t, "nope", "default"), hasattr(t, "kelvin"))
setattr(t, "degrees", 5)
print(t.degrees, vars(Fancy(1)))
