# power and modulo with negative numbers
for base in (-3, -2, 2, 3):
    for exp in (0, 1, 2, 3):
        print(base, exp, base ** exp)
print(pow(2, 10, 1000), pow(3, 4, 5), pow(-2, 3, 7))
print(-2 ** 2, (-2) ** 2)
print(2 ** 3 ** 2)
print(-7 % 3, 7 % -3, -7 % -3)
print(-7 // 3, 7 // -3, -7 // -3)
print(10 ** -2)
