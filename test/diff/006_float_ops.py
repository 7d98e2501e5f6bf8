# float operations and special values
import math
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf)
print(nan == nan, nan != nan, math.isnan(nan), math.isinf(-inf))
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(divmod(7.5, 2))
print(0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)
print((1.5).is_integer(), (2.0).is_integer())
print((0.25).as_integer_ratio())
print(int(1e20), float(2 ** 60))
print(max(1.5, 2), min(-0.5, 0))
print(3 * 1.1, 1.1 + 2.2)
