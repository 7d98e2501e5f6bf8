# math module
import math
print(math.pi, math.e, math.tau, math.inf)
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7))
print(math.gcd(48, 18), math.lcm(4, 6), math.factorial(10), math.comb(5, 2), math.perm(5, 2))
print(math.pow(2, 10), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 6), math.atan2(1, 1))
print(math.hypot(3, 4), math.isclose(0.1 + 0.2, 0.3), math.fabs(-3), math.copysign(1, -0.0))
print(math.isqrt(99), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.degrees(math.pi), math.radians(180), math.exp(1) == math.e, math.modf(2.5))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
