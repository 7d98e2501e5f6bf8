# __class__, __dict__, __doc__, __module__, __slots__, class attributes introspection
class Shape:
    """A shape."""
    sides = 0
    def __init__(self, name):
        self.name = name
class Square(Shape):
    sides = 4
s = Square("sq")
print(s.__class__.__name__, s.__dict__, Square.__doc__, Shape.__doc__, Square.__module__)
print(Square.sides, Shape.sides, s.sides, Square.__base__.__name__)
print("sides" in Square.__dict__, "name" in Square.__dict__)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
o = Slotted()
print(o.a, hasattr(o, "b"), hasattr(o, "__dict__"))
