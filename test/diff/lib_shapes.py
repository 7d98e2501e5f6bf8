# helper module imported by 101_import_user_module.py (not a test itself)
import math
NAME = "shapes"
load_count = 0
load_count += 1
class Circle:
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    def __repr__(self):
        return f"Circle(r={self.r})"
def area_sum(shapes):
    return sum(s.area() for s in shapes)
if __name__ == "__main__":
    print("lib_shapes run directly")
