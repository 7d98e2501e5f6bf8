class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)

p = Point(0, 0)
step = Point(1, -2)
acc = 0
for i in range(200000):
    p = p.add(step)
    acc += p.norm1() % 5
print(p.x, p.y, acc)
