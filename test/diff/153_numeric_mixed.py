# mixed int/float arithmetic, comparisons and overflow
print(1 == 1.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53))
print(3 / 1, 7 // 2.0, 7 % 2.5, 2 ** 0.5 * 2 ** 0.5)
print(10 ** 20 / 10 ** 10, 10 ** 20 // 10 ** 10, int(1e10), 1e10 == 10 ** 10)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 > 1e308, -10 ** 400 < -1e308, (10 ** 400) // 10 ** 399)
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3, sum([0.1, 0.2]) == 0.30000000000000004)
print(True + 0.5, 5 * False, -True)
