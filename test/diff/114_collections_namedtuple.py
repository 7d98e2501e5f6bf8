# collections.namedtuple
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(3, y=4)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), Point._fields)
x, y = p
print(x + y, p == (3, 4), len(p), isinstance(p, tuple))
Emp = namedtuple("Emp", "name age dept", defaults=["eng"])
print(Emp("ann", 30), Emp._make(["bo", 20, "ops"]))
try:
    p.x = 10
except AttributeError as e:
    print("AttributeError:", e)
