# classmethod and staticmethod
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    @classmethod
    def origin(cls):
        return cls(0, 0)
    @classmethod
    def from_str(cls, s):
        return cls(*map(int, s.split(",")))
    @staticmethod
    def dist(a, b):
        return abs(a.x - b.x) + abs(a.y - b.y)
    def __repr__(self):
        return f"{type(self).__name__}({self.x}, {self.y})"
class Point3(Point):
    pass
print(Point.origin(), Point3.origin(), Point.from_str("3,4"))
print(Point.dist(Point(1, 1), Point(4, 5)), Point(0, 0).dist(Point(1, 0), Point(2, 2)))
