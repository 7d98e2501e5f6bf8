# dataclasses
from dataclasses import dataclass, field
@dataclass
class Item:
    name: str
    price: float
    tags: list = field(default_factory=list)
    qty: int = 1
    def total(self):
        return self.price * self.qty
a = Item("pen", 1.5)
b = Item("pen", 1.5)
print(a, a == b, a.total(), Item("book", 12.0, ["x"], 3).total())
@dataclass(order=True, frozen=True)
class Pt:
    x: int
    y: int
print(sorted([Pt(2, 1), Pt(1, 5), Pt(1, 2)]))
try:
    Pt(1, 2).x = 5
except Exception as e:
    print(type(e).__name__, e)
