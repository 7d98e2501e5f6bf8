# int() truncates, // floors, round() rounds half to even
import math
vals = [2.5, -2.5, 2.7, -2.7, 3.5, -0.5]
for v in vals:
    print(v, int(v), v // 1, math.floor(v), math.ceil(v), round(v), math.trunc(v))
print(int(-0.9), -7 // 2, int(-7 / 2), round(-3.5), round(4.5))
