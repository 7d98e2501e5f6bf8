# arbitrary-precision integers
x = 2 ** 100
print(x)
print(x * x)
print(-x // 7, -x % 7)
print(x + 1 - x)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(3 ** 80 // 3 ** 79)
print(len(str(2 ** 1000)))
print(10 ** 20 == 100000000000000000000)
print((2 ** 64) >> 3, 1 << 70)
print(int("123456789012345678901234567890") + 1)
