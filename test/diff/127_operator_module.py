# operator module helpers
import operator
from operator import itemgetter, attrgetter, methodcaller
rows = [{"n": "b", "v": 2}, {"n": "a", "v": 3}]
print(sorted(rows, key=itemgetter("n")), itemgetter(0, 2)("abc"))
class P:
    def __init__(self, x):
        self.x = x
print([p.x for p in sorted([P(3), P(1)], key=attrgetter("x"))])
print(methodcaller("split", "-")("a-b"), operator.add(2, 3), operator.neg(5), operator.mul("a", 3))
print(operator.itemgetter(1)([4, 5]), operator.truediv(7, 2), operator.floordiv(7, 2))
