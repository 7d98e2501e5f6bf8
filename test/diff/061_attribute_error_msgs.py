# AttributeError messages for instances, classes and modules
import math
class K:
    def __init__(self):
        self.a = 1
k = K()
for expr in (lambda: k.b, lambda: K.zz, lambda: math.nope, lambda: [].push, lambda: K().__dict__["a"]):
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__ + ":", e)
class S:
    __slots__ = ("x",)
s = S()
try:
    s.y = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del k.b
except AttributeError as e:
    print("AttributeError:", e)
