x = 1 + 2 * 3
y = -x ** 2 // 5 % 3
z = (x < y) and not (y >= 3) or x is None
print(x, y, z, x if y else z)
