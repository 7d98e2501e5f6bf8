# int arithmetic basics
a, b = 17, 5
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, -a // b, -a % b, a // -b, a % -b)
print(divmod(a, b), divmod(-a, b), divmod(a, -b))
print(2 ** 10, 2 ** -1, (-2) ** 3, (-8) ** 2)
print(7 // 2 * 2 + 7 % 2)
print(abs(-42), -(-3), +4)
print(10 / 4, 10 / 5, -7 / 2)
