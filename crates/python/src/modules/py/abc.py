"""Abstract base classes: the playground's abc, in Python.

`ABC` and `abstractmethod` as CPython checks them: a class that still has
abstract methods cannot be instantiated. `ABCMeta` (a metaclass) and
`register` (virtual subclasses) are not available.
"""


def abstractmethod(funcobj):
    """Mark a method abstract: subclasses must override it before instances are made."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class ABC:
    """A base class whose subclasses with abstract methods left cannot be instantiated."""

    __slots__ = ()

    def __init_subclass__(cls, /, **kwargs):
        super().__init_subclass__(**kwargs)
        abstracts = set()
        for name in dir(cls):
            if getattr(getattr(cls, name, None), "__isabstractmethod__", False):
                abstracts.add(name)
        cls.__abstractmethods__ = frozenset(abstracts)

    def __new__(cls, /, *args, **kwargs):
        names = sorted(getattr(cls, "__abstractmethods__", ()))
        if names:
            raise TypeError(
                "Can't instantiate abstract class %s with abstract method%s %s"
                % (cls.__name__, "s" if len(names) > 1 else "", ", ".join(names))
            )
        return object.__new__(cls)
